/**
 * The notification engine's jobs on pg-boss: names, options and how a deliver job is
 * enqueued inside the caller's transaction. Jobs carry ids only.
 */
import type pg from 'pg';
import type { JobInsert } from 'pg-boss';
import { QUEUES, type Queue } from '../queue.ts';

/**
 * The periodic tick (every minute): opens tracking windows and hands stale messages back
 * to workers. WARNING: persisted like QUEUES in src/queue.ts (to be moved there).
 */
export const NOTIFY_TICK_QUEUE = 'notify-tick';

/**
 * Deliver jobs are wake-ups: the message row is the truth, so a job run twice or late
 * does no harm. A heartbeat lets pg-boss hand the job of a killed worker to another
 * within seconds; retries cover crashes of the handler itself (provider failures are
 * retried by the engine, with its own backoff, see delivery.service.ts).
 */
export const DELIVER_JOB_OPTIONS = {
  retryLimit: 10,
  retryDelay: 5,
  retryBackoff: true,
  retryDelayMax: 600,
  heartbeatSeconds: 10,
  expireInSeconds: 3600,
  retentionSeconds: 60 * 24 * 3600,
} as const;

/**
 * A deliver job names one message, or a group of messages due at the same instant: planning
 * 100,000 events makes ~1,000 jobs, not 100,000, which is what lets delivery go faster than the
 * queue's own per-job throughput. Either shape may be in the queue. WARNING: persisted.
 */
export type DeliverJobData = { messageId: string } | { messageIds: string[] };

/** Messages per deliver job when planning enqueues a group. */
export const DELIVER_GROUP = 100;

export function messageIdsOf(data: DeliverJobData): string[] {
  return 'messageIds' in data ? data.messageIds.map(String) : [String(data.messageId)];
}

/** Seconds from the runtime clock's `now` until `at` (pg-boss counts delays on the database clock). */
export function delaySeconds(at: Date, now: Date): number {
  return Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 1000));
}

/** One job per message alone at its instant, one per group of up to DELIVER_GROUP due together. */
export function deliverJobs(items: ReadonlyArray<{ id: string; notBefore: Date }>, now: Date): JobInsert<DeliverJobData>[] {
  const byInstant = new Map<number, string[]>();
  for (const m of items) {
    const t = m.notBefore.getTime();
    const list = byInstant.get(t);
    if (list) list.push(m.id);
    else byInstant.set(t, [m.id]);
  }
  const jobs: JobInsert<DeliverJobData>[] = [];
  for (const [t, ids] of byInstant) {
    const startAfter = delaySeconds(new Date(t), now);
    for (let i = 0; i < ids.length; i += DELIVER_GROUP) {
      const group = ids.slice(i, i + DELIVER_GROUP);
      jobs.push({ data: group.length === 1 ? { messageId: group[0]! } : { messageIds: group }, startAfter, ...DELIVER_JOB_OPTIONS });
    }
  }
  return jobs;
}

/** The transaction as pg-boss's `db` option: the jobs exist if and only if the transaction commits. */
export function txDb(client: pg.PoolClient): { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } {
  return { executeSql: (text: string, values?: unknown[]) => client.query(text, values as unknown[]) };
}

/** Enqueues deliver jobs in the caller's transaction, in chunks. */
export async function enqueueDeliveries(boss: Queue, client: pg.PoolClient, items: ReadonlyArray<{ id: string; notBefore: Date }>, now: Date): Promise<void> {
  const CHUNK = 5000;
  for (let i = 0; i < items.length; i += CHUNK) {
    await boss.insert(QUEUES.deliver, deliverJobs(items.slice(i, i + CHUNK), now), { db: txDb(client) });
  }
}
