import { PgBoss } from 'pg-boss';
import type pg from 'pg';
import type { Logger } from './log.ts';

/**
 * Jobs run on PostgreSQL through pg-boss. A job is enqueued in the same transaction as
 * the state change that causes it (`sendInTx`), so nothing is lost between "status
 * changed" and "message planned". Jobs carry ids, never payloads of personal data.
 *
 * WARNING: queue names are persisted. Never rename one without migrating its jobs.
 */
export const QUEUES = {
  /** Plan notifications for ballot events appended by an ingest run. data: { runId } */
  planEvents: 'plan-events',
  /** Deliver planned messages due at the same moment. data: { messageId } or { messageIds } (at most 100) */
  deliver: 'deliver-message',
  /** Apply registry changes to subscriptions. data: { runId } */
  registryChanges: 'registry-changes',
  /** Send a service message (confirmation, opt-out/in confirmation, help). data: { subscriptionId, kind, channel, ref?, reason? } */
  serviceMessage: 'service-message',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type Queue = PgBoss;

export async function startQueue(url: string, log: Logger, options: { supervise?: boolean } = {}): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', supervise: options.supervise ?? true, max: 5, application_name: 'ballotline-queue' });
  boss.on('error', (err: unknown) => log.error({ err }, 'queue error'));
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name);
  return boss;
}

/** Enqueues a job inside the caller's transaction: it exists if and only if the transaction commits. */
export async function sendInTx(boss: PgBoss, client: pg.PoolClient, name: QueueName, data: object, options: { singletonKey?: string; startAfter?: Date } = {}): Promise<string | null> {
  return boss.send(name, data, { ...options, db: { executeSql: (text: string, values?: unknown[]) => client.query(text, values as unknown[]) } });
}
