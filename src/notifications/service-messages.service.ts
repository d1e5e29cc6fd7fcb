/**
 * Service messages: the sign-up confirmation (and opt-in/out confirmations and help when
 * a subscription asks for them), and replies to inbound texts. They go out at once
 * (planning.isImmediateKind), through the same delivery path as ballot messages.
 *
 * Keys: `svc:<subscription>:<kind>:<channel>:<ref or address>` — a confirmation is sent
 * once per subscription and address (a new address gets a new one);
 * `reply:<inbound message id>:<kind>` — a webhook delivered twice answers once.
 */
import type pg from 'pg';
import type { Runtime } from '../runtime.ts';
import type { Queue } from '../queue.ts';
import { isLanguage } from '../persisted.ts';
import type { Channel, Language, MessageKind } from '../persisted.ts';
import { insertMessages } from './messages.repository.ts';
import { enqueueDeliveries } from './jobs.ts';
import { planCurrentStatusForVoter, type PlanSummary } from './plan.service.ts';

export interface ServiceMessageJob {
  subscriptionId: string;
  kind: MessageKind;
  channel: Channel;
  /** Distinguishes repeated messages of one kind (e.g. the id of what caused it). */
  ref?: string;
}

/** Inserts one service message for a subscription's channel and enqueues it. Returns its id, or null when it exists or the channel is gone. */
export async function createServiceMessage(client: pg.PoolClient, boss: Queue, job: ServiceMessageJob, now: Date): Promise<{ id: string; voterId: string } | null> {
  const { rows } = await client.query<{ voter_id: string; language: string; address: string }>(
    `SELECT s.voter_id, s.language, c.address FROM subscriptions s
     JOIN subscription_channels c ON c.subscription_id = s.id AND c.channel = $2
     WHERE s.id = $1`,
    [job.subscriptionId, job.channel],
  );
  const sub = rows[0];
  if (!sub) return null;
  const [inserted] = await insertMessages(client, [{
    key: `svc:${job.subscriptionId}:${job.kind}:${job.channel}:${job.ref ?? sub.address}`,
    subscriptionId: job.subscriptionId,
    voterId: sub.voter_id,
    electionId: null,
    ballotId: null,
    eventId: null,
    kind: job.kind,
    reason: 'service',
    channel: job.channel,
    address: sub.address,
    language: isLanguage(sub.language) ? sub.language : 'en',
    occurredAt: now,
    notBefore: now,
    windowClosesAt: null,
    status: 'planned',
    statusReason: null,
  }], now);
  if (!inserted) return null;
  await enqueueDeliveries(boss, client, [inserted], now);
  return { id: inserted.id, voterId: sub.voter_id };
}

/** A reply to an inbound text, to the number that wrote, in the given language. */
export async function createReplyMessage(
  client: pg.PoolClient,
  boss: Queue,
  input: { inboundId: string; kind: MessageKind; to: string; language: Language; voterId: string | null },
  now: Date,
): Promise<string | null> {
  const [inserted] = await insertMessages(client, [{
    key: `reply:${input.inboundId}:${input.kind}`,
    subscriptionId: null,
    voterId: input.voterId,
    electionId: null,
    ballotId: null,
    eventId: null,
    kind: input.kind,
    reason: 'reply',
    channel: 'sms',
    address: input.to,
    language: input.language,
    occurredAt: now,
    notBefore: now,
    windowClosesAt: null,
    status: 'planned',
    statusReason: null,
  }], now);
  if (!inserted) return null;
  await enqueueDeliveries(boss, client, [inserted], now);
  return inserted.id;
}

/** Ballot messages planned right after a sign-up wait this long, so the confirmation arrives first. */
export const AFTER_CONFIRMATION_MS = 60_000;

/**
 * The service-message job: creates the message and, after a confirmation, plans the
 * voter's current ballot status (per ballot that has moved) — "right after sign-up".
 */
export async function handleServiceMessage(rt: Runtime, job: ServiceMessageJob): Promise<{ outcome: string; plan?: PlanSummary }> {
  // DESIGN §2.2: confirmation by text and/or email, none by voice. A voice-only sign-up still
  // gets its ballot's current status.
  if (job.kind === 'confirmation' && job.channel === 'voice') {
    const { rows } = await rt.db.pool.query<{ voter_id: string }>('SELECT voter_id FROM subscriptions WHERE id = $1', [job.subscriptionId]);
    if (!rows[0]) return { outcome: 'skipped:no_subscription' };
    return { outcome: 'skipped:no_voice_confirmation', plan: await planCurrentStatusForVoter(rt, rows[0].voter_id, { delayMs: AFTER_CONFIRMATION_MS }) };
  }
  const boss = await rt.queue();
  const created = await rt.db.tx((client) => createServiceMessage(client, boss, job, rt.clock.now()));
  if (!created) return { outcome: 'skipped:exists_or_no_channel' };
  if (job.kind !== 'confirmation') return { outcome: 'planned' };
  const plan = await planCurrentStatusForVoter(rt, created.voterId, { delayMs: AFTER_CONFIRMATION_MS });
  return { outcome: 'planned', plan };
}
