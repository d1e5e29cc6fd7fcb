/**
 * Job handlers of the notifications domain. Each logs an explicit outcome.
 *   plan-events {runId}                       → planRun
 *   service-message {subscriptionId, kind, channel, ref?} → handleServiceMessage
 *   deliver-message {messageId} (in batches)   → deliverMessages
 *   notify-tick (every minute, one at a time)  → open due windows, hand stale messages back
 */
import type { Job } from 'pg-boss';
import type { Runtime } from '../runtime.ts';
import { QUEUES } from '../queue.ts';
import { isChannel, isMessageKind } from './guards.ts';
import { planRun, openDueWindows } from './plan.service.ts';
import { deliverMessages, sweepStaleMessages } from './delivery.service.ts';
import { handleServiceMessage } from './service-messages.service.ts';
import { NOTIFY_TICK_QUEUE, messageIdsOf, type DeliverJobData } from './jobs.ts';
import { closeProviders } from './providers/index.ts';

/** Runs the periodic duties once: what the tick job does (also callable from tests and the CLI). */
export async function notifyTick(rt: Runtime): Promise<{ windowsOpened: number; stale: number }> {
  const opened = await openDueWindows(rt);
  const stale = await sweepStaleMessages(rt);
  return { windowsOpened: opened.length, stale };
}

export async function notificationsWorker(rt: Runtime): Promise<void> {
  const boss = await rt.queue();
  const log = rt.log.child({ part: 'notifications' });
  const n = rt.config.notifications;

  await boss.work<{ runId: number | string }>(QUEUES.planEvents, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    const runId = String(job!.data.runId);
    const summary = await planRun(rt, runId);
    log.info({ job: job!.id, runId, outcome: 'planned', ...summary }, 'plan-events');
    return summary;
  });

  await boss.work<{ subscriptionId: string | number; kind: string; channel: string; ref?: string }>(QUEUES.serviceMessage, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    const d = job!.data;
    if (!isMessageKind(d.kind) || !isChannel(d.channel)) {
      log.warn({ job: job!.id, outcome: 'skipped:invalid' }, 'service-message');
      return { outcome: 'skipped:invalid' };
    }
    const result = await handleServiceMessage(rt, { subscriptionId: String(d.subscriptionId), kind: d.kind, channel: d.channel, ...(d.ref ? { ref: d.ref } : {}) });
    log.info({ job: job!.id, kind: d.kind, channel: d.channel, ...result }, 'service-message');
    return result;
  });

  // A fetch takes several jobs (single messages or groups); their messages are delivered in
  // slices of BALLOTLINE_DELIVERY_BATCH.
  await boss.work<DeliverJobData>(QUEUES.deliver, {
    batchSize: Math.max(1, Math.ceil(n.deliverBatchSize / 10)),
    localConcurrency: n.deliverConcurrency,
    pollingIntervalSeconds: 0.5,
    burstWhenBatchFull: true,
  }, async (jobs: Job<DeliverJobData>[]) => {
    const ids = [...new Set(jobs.flatMap((j) => messageIdsOf(j.data)))];
    const counts: Record<string, number> = {};
    for (let i = 0; i < ids.length; i += n.deliverBatchSize) {
      for (const o of await deliverMessages(rt, ids.slice(i, i + n.deliverBatchSize))) counts[o.outcome] = (counts[o.outcome] ?? 0) + 1;
    }
    // Per batch; at info only when something other than a hand-off or a wait happened.
    const notable = Object.keys(counts).some((o) => o !== 'sent' && o !== 'deferred');
    log[notable ? 'info' : 'debug']({ jobs: jobs.length, messages: ids.length, outcomes: counts }, 'deliver-message');
    return counts;
  });

  await boss.createQueue(NOTIFY_TICK_QUEUE, { policy: 'singleton' });
  await boss.schedule(NOTIFY_TICK_QUEUE, '* * * * *', {}, { tz: 'UTC' });
  await boss.work(NOTIFY_TICK_QUEUE, { batchSize: 1 }, async () => {
    const result = await notifyTick(rt);
    log.info({ outcome: 'ticked', ...result }, 'notify-tick');
    return result;
  });

  boss.on('stopped', () => void closeProviders(rt.config));
}
