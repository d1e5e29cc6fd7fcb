import type { Runtime } from '../runtime.ts';
import { QUEUES, type Queue } from '../queue.ts';
import { deleteOldSessions } from './sessions.repository.ts';
import { deleteClosedWindows } from './throttle.repository.ts';

/**
 * Job handlers of the subscriptions domain.
 *
 * WARNING: queue names are persisted (pg-boss). They belong in src/queue.ts QUEUES; they live
 * here only until the lead moves them (this domain may not edit queue.ts).
 */
export const SUBSCRIPTION_QUEUES = {
  /** Moves subscription_notices (bulk enrolment emails) to `service-message` jobs. Every minute. */
  notices: 'subscription-notices',
  /** Deletes expired sessions and closed throttle windows. Every 10 minutes. */
  housekeeping: 'subscription-housekeeping',
} as const;

const NOTICE_BATCH = 1000;

export async function subscriptionsWorker(rt: Runtime): Promise<void> {
  const boss = await rt.queue();
  for (const name of Object.values(SUBSCRIPTION_QUEUES)) await boss.createQueue(name);
  await boss.work(SUBSCRIPTION_QUEUES.notices, async () => { await fanOutNotices(rt, boss); });
  await boss.work(SUBSCRIPTION_QUEUES.housekeeping, async () => { await housekeeping(rt); });
  await boss.schedule(SUBSCRIPTION_QUEUES.notices, '* * * * *');
  await boss.schedule(SUBSCRIPTION_QUEUES.housekeeping, '*/10 * * * *');
}

/**
 * Turns the notices outbox into `service-message` jobs, a batch per transaction: the rows are
 * deleted in the transaction that inserts their jobs, so a crash loses none and doubles none.
 * SKIP LOCKED lets several workers share the backlog. Returns the number of jobs enqueued.
 */
export async function fanOutNotices(rt: Runtime, boss: Queue, batch = NOTICE_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await rt.db.tx(async (tx) => {
      const { rows } = await tx.query<{ subscription_id: string; channel: string; kind: string; reason: string }>(
        `DELETE FROM subscription_notices WHERE id IN (
           SELECT id FROM subscription_notices ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING subscription_id::text, channel, kind, reason`, [batch]);
      if (rows.length === 0) return 0;
      await boss.insert(QUEUES.serviceMessage, rows.map((r) => ({ data: { subscriptionId: r.subscription_id, kind: r.kind, channel: r.channel, reason: r.reason } })),
        { db: { executeSql: (text: string, values?: unknown[]) => tx.query(text, values as unknown[]) } });
      return rows.length;
    });
    total += n;
    if (n < batch) return total;
  }
}

export async function housekeeping(rt: Runtime): Promise<{ sessions: number; throttle: number }> {
  const now = rt.clock.now();
  const sessions = await deleteOldSessions(rt.db.pool, now);
  const throttle = await deleteClosedWindows(rt.db.pool, now, rt.config.signupThrottle.windowMinutes * 60_000);
  return { sessions, throttle };
}
