/**
 * Delivery: turns planned messages into hand-offs, checking everything again at send time.
 *
 * For each message of a batch (deliver jobs carry only message ids):
 *   1. load it with the subscription, channel consent, do-not-contact, voter, county,
 *      election and ballot in one query;
 *   2. decide: already done or owned by another worker → skip; not due → wait; the
 *      election's window closed → cancelled; subscription not active, channel consent not
 *      active, YES still awaited, or the address on the do-not-contact list → suppressed;
 *      outside the voter's hours now (a backlog or a retry can push a message past its
 *      hour; voice is also capped to 08:00–21:00) → wait for the next allowed time;
 *   3. render with the county's overrides if not rendered yet; a missing value →
 *      'render_failed' with the error (logged and counted), never a blank message;
 *   4. hand off:
 *      - transactional providers (the outbox): claim, hand off and mark 'sent' in ONE
 *        transaction, so the hand-off happens exactly once whatever is killed when;
 *      - network providers (SMTP, Twilio): reserve a rate-limit slot, claim the row
 *        ('sending' with a lease, attempt 'started' committed), call the provider, then
 *        record the result: 'sent'; a transient error → back to 'planned' after an
 *        exponential backoff with jitter, until the first attempt is older than the
 *        maximum age ('failed'); a permanent error → 'failed', and an invalid address
 *        becomes 'undeliverable' (an opted-out one 'opted_out' and do-not-contact).
 *   A 'sending' row whose lease ran out belonged to a worker that died mid-send: before
 *   sending again, a receipt that arrived meanwhile (provider_message_id set by the status
 *   webhook) or the provider's own list (`findSent`) proves it went; only when neither
 *   does is it sent again. See docs/notifications.md, "Duplicate window".
 *
 * Service messages that answer the number that wrote (help, opt-out confirmation) skip the
 * consent and do-not-contact checks: they are the one reply carriers require.
 */
import type pg from 'pg';
import type { Runtime } from '../runtime.ts';
import { appSecret } from '../auth/secret.ts';
import { isImmediateKind, allowedDailyRanges, nextAllowedTime, VOICE_HOURS } from './planning.ts';
import type { DailyHours } from './planning.ts';
import { RenderError } from './render.ts';
import {
  FINAL_STATUSES, claimHandedOff, closeMessages, deferMessages, failHandedOff, loadForDelivery, lockForSending, markRetry, markSending, markSent,
  recordAttempts, staleMessageIds,
} from './messages.repository.ts';
import type { DeliveryRow } from './messages.repository.ts';
import { cachedOverrides, overrideKey } from './template-overrides.repository.ts';
import { renderContent, unsubscribeUrl } from './content.ts';
import type { ContentContext } from './content.ts';
import { providersFor, type Providers } from './providers/index.ts';
import { PermanentError, TransientError } from './providers/types.ts';
import type { MessageContent, OutgoingMessage, Provider } from './providers/types.ts';
import { enqueueDeliveries } from './jobs.ts';
import { reserveSlot } from './rate-limit.ts';
import { addDoNotContact, changeChannelConsent } from './consent.repository.ts';
import { optOutByAddress } from '../subscriptions/consent.service.ts';
import type { Channel, MessageKind } from '../persisted.ts';

export interface DeliverOptions {
  /** Providers to use instead of the configured ones. */
  providers?: Providers;
  /** Random source for the retry jitter (tests pin it). */
  random?: () => number;
}

export interface DeliverOutcome { id: string; outcome: string }

/** Kinds that answer the number that wrote: sent even to an opted-out number. */
const REPLY_KINDS: ReadonlySet<MessageKind> = new Set(['help', 'opt_out_confirmation']);

type Decision =
  | { action: 'skip'; reason: string }
  | { action: 'defer'; until: Date }
  | { action: 'close'; status: 'suppressed' | 'cancelled'; reason: string }
  | { action: 'send' };

/** What to do with a message now (step 2 of the header). Pure. */
export function decide(row: DeliveryRow, now: Date, stateTimeZone: string): Decision {
  if (FINAL_STATUSES.has(row.status)) return { action: 'skip', reason: row.status };
  if (row.status === 'sending' && row.lease_until !== null && row.lease_until > now) return { action: 'skip', reason: 'in_flight' };
  if (row.status === 'planned' && row.not_before > now) return { action: 'defer', until: row.not_before };
  if (row.window_closes_at !== null && row.window_closes_at <= now) return { action: 'close', status: 'cancelled', reason: 'window_closed' };
  if (!REPLY_KINDS.has(row.kind)) {
    if (row.subscription_id !== null) {
      if (row.sub_state !== 'active') return { action: 'close', status: 'suppressed', reason: 'subscription_inactive' };
      const consentOk = row.consent === 'active' || (row.kind === 'confirmation' && row.consent === 'pending');
      if (!consentOk) return { action: 'close', status: 'suppressed', reason: `consent_${row.consent ?? 'none'}` };
      if (row.channel === 'sms' && row.needs_yes && row.yes_confirmed_at === null && !isImmediateKind(row.kind)) {
        return { action: 'close', status: 'suppressed', reason: 'awaiting_yes' };
      }
    }
    if (row.do_not_contact) return { action: 'close', status: 'suppressed', reason: 'do_not_contact' };
  }
  const immediate = isImmediateKind(row.kind);
  if (!immediate || row.channel === 'voice') {
    const hours: DailyHours = immediate || row.hours_start === null || row.hours_end === null ? VOICE_HOURS : { start: row.hours_start, end: row.hours_end };
    const zone = row.time_zone ?? stateTimeZone;
    if (allowedDailyRanges(hours, row.channel).length === 0) return { action: 'close', status: 'suppressed', reason: 'no_allowed_hours' };
    const next = nextAllowedTime(now, zone, hours, row.channel);
    if (next > now) return { action: 'defer', until: next };
  }
  return { action: 'send' };
}

/**
 * Delay before retry number `attempt` (1 = after the first failure): base × 2^(attempt−1),
 * capped at one hour, with "equal jitter" (half fixed, half random) so that many messages
 * failing together do not come back together.
 */
export function retryDelayMs(attempt: number, baseSeconds: number, random: () => number = Math.random): number {
  const full = Math.min(3600, baseSeconds * 2 ** Math.max(0, attempt - 1)) * 1000;
  return Math.round(full / 2 + random() * (full / 2));
}

let cachedContext: { key: string; ctx: ContentContext } | null = null;
async function contentContext(rt: Runtime): Promise<ContentContext> {
  const key = `${rt.config.publicUrl}|${rt.profile.id}`;
  if (cachedContext?.key === key) return cachedContext.ctx;
  const ctx = { profile: rt.profile, publicUrl: rt.config.publicUrl, secret: await appSecret(rt.config) };
  cachedContext = { key, ctx };
  return ctx;
}

function outgoing(row: DeliveryRow, content: MessageContent, ctx: ContentContext, address: string): OutgoingMessage {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind,
    channel: row.channel,
    to: address,
    language: row.language,
    voterId: row.voter_id,
    content,
    unsubscribeUrl: row.channel === 'email' && row.subscription_id !== null ? unsubscribeUrl(ctx, row.subscription_id) : null,
    statusCallbackUrl: `${ctx.publicUrl}/webhooks/twilio/status?m=${encodeURIComponent(row.id)}`,
  };
}

const templateOverrides = cachedOverrides();

interface Ready { row: DeliveryRow; content: MessageContent; address: string; provider: Provider }

/** Delivers a batch of messages (the deliver-message job's handler). Returns one outcome per id. */
export async function deliverMessages(rt: Runtime, ids: readonly string[], options: DeliverOptions = {}): Promise<DeliverOutcome[]> {
  const providers = options.providers ?? providersFor(rt.config);
  const random = options.random ?? Math.random;
  const now = rt.clock.now();
  const rows = await loadForDelivery(rt.db.pool, [...new Set(ids)]);
  const outcomes = new Map<string, string>(ids.map((id) => [id, 'skipped:not_found']));

  const defers: Array<{ id: string; notBefore: Date }> = [];
  const closes: Array<{ id: string; status: 'suppressed' | 'cancelled' | 'render_failed'; reason: string; error?: object; fromSending: boolean }> = [];
  const toSend: DeliveryRow[] = [];
  for (const row of rows) {
    const d = decide(row, now, rt.profile.timeZone);
    if (d.action === 'skip') outcomes.set(row.id, `skipped:${d.reason}`);
    else if (d.action === 'defer') defers.push({ id: row.id, notBefore: d.until });
    else if (d.action === 'close') closes.push({ id: row.id, status: d.status, reason: d.reason, fromSending: row.status === 'sending' });
    else toSend.push(row);
  }

  const ctx = await contentContext(rt);
  const needRender = toSend.filter((r) => r.content === null);
  const overrides = needRender.length === 0 ? new Map() : await templateOverrides(rt.db.pool, needRender.map((r) => ({ countyCode: r.county_code, kind: r.kind, language: r.language })));
  const ready: Ready[] = [];
  for (const row of toSend) {
    let content = row.content;
    if (content === null) {
      try {
        content = renderContent(row, ctx, overrides.get(overrideKey(row.county_code, row.kind, row.language)));
      } catch (err) {
        if (!(err instanceof RenderError)) throw err;
        rt.log.warn({ messageId: row.id, kind: row.kind, language: row.language, channel: row.channel, code: err.code, missing: err.details?.missing }, 'message not rendered');
        closes.push({ id: row.id, status: 'render_failed', reason: err.code, error: { code: err.code, message: err.message, details: err.details }, fromSending: row.status === 'sending' });
        continue;
      }
    }
    ready.push({ row, content, address: row.current_address ?? row.address, provider: providers[row.channel] });
  }

  await applyClosesAndDefers(rt, closes, defers, now, outcomes);

  const transactional = ready.filter((r) => r.provider.transactional);
  const networked = ready.filter((r) => !r.provider.transactional);
  if (transactional.length > 0) await sendTransactional(rt, transactional, ctx, outcomes);
  await mapConcurrent(networked, 8, async (r) => {
    outcomes.set(r.row.id, await sendOverNetwork(rt, r, ctx, random));
  });

  return ids.map((id) => ({ id, outcome: outcomes.get(id)! }));
}

async function applyClosesAndDefers(
  rt: Runtime,
  closes: Array<{ id: string; status: 'suppressed' | 'cancelled' | 'render_failed'; reason: string; error?: object; fromSending: boolean }>,
  defers: Array<{ id: string; notBefore: Date }>,
  now: Date,
  outcomes: Map<string, string>,
): Promise<void> {
  if (closes.length === 0 && defers.length === 0) return;
  const boss = defers.length > 0 ? await rt.queue() : null;
  await rt.db.tx(async (client) => {
    for (const fromSending of [false, true]) {
      const group = closes.filter((c) => c.fromSending === fromSending);
      const closed = new Set(await closeMessages(client, group, now, fromSending));
      for (const c of group) outcomes.set(c.id, closed.has(c.id) ? (c.status === 'render_failed' ? 'render_failed' : `${c.status}:${c.reason}`) : 'skipped:changed');
    }
    const moved = new Set(await deferMessages(client, defers, now));
    // A 'sending' row past its lease cannot be deferred in place; its next job or the sweeper comes back for it.
    const deferred = defers.filter((d) => moved.has(d.id));
    if (boss && deferred.length > 0) await enqueueDeliveries(boss, client, deferred, now);
    for (const d of defers) outcomes.set(d.id, moved.has(d.id) ? 'deferred' : 'skipped:changed');
  });
}

/**
 * Outbox: claim (with its attempt) and hand off in one transaction, two statements per batch.
 * The hand-off and the 'sent' status commit together, so asynchronous commit is safe here: a
 * database crash can lose both, never one (the message is then sent again, once). The provider
 * id is known before the hand-off (`handOffId`), so the claim already records it.
 */
async function sendTransactional(rt: Runtime, ready: readonly Ready[], ctx: ContentContext, outcomes: Map<string, string>): Promise<void> {
  const now = rt.clock.now();
  await rt.db.tx(async (client) => {
    const claimed = await claimHandedOff(client, ready.map((r) => ({
      id: r.row.id, address: r.address, content: r.content, provider: r.provider.name,
      providerMessageId: handOffIdOf(r.provider, r.row.id),
    })), now);
    const mine = ready.filter((r) => claimed.has(r.row.id));
    const byProvider = new Map<Provider, Ready[]>();
    for (const r of mine) byProvider.set(r.provider, [...(byProvider.get(r.provider) ?? []), r]);
    const failed: Array<{ r: Ready; err: PermanentError }> = [];
    for (const [provider, group] of byProvider) {
      const messages = group.map((r) => outgoing(r.row, r.content, ctx, r.address));
      const results = provider.sendBatch
        ? await provider.sendBatch(messages, { client, now })
        : await Promise.all(messages.map((m) => provider.send(m, { client, now }).catch((err: unknown) => {
          if (err instanceof PermanentError) return err;
          throw err;
        })));
      group.forEach((r, i) => {
        const res = results[i]!;
        if (res instanceof PermanentError) failed.push({ r, err: res });
      });
    }
    await failHandedOff(client, failed.map(({ r, err }) => ({ id: r.row.id, reason: err.code, error: { code: err.code, message: err.message } })), now);
    for (const r of ready) outcomes.set(r.row.id, claimed.has(r.row.id) ? 'sent' : 'skipped:in_flight');
    for (const { r, err } of failed) {
      outcomes.set(r.row.id, `failed:${err.code}`);
      await applyContactEffect(client, r, err, now);
    }
  }, { asyncCommit: true });
}

function handOffIdOf(provider: Provider, messageId: string): string {
  if (!provider.handOffId) throw new Error(`transactional provider ${provider.name} must give handOffId`);
  return provider.handOffId({ id: messageId });
}

/** SMTP, Twilio: reserve a rate slot, claim, hand off, record. Returns the outcome. */
async function sendOverNetwork(rt: Runtime, r: Ready, ctx: ContentContext, random: () => number): Promise<string> {
  const { row, provider } = r;
  const message = outgoing(row, r.content, ctx, r.address);

  // A previous attempt whose outcome is unknown: prove it went before sending again.
  const unknownBefore = row.status === 'sending' || row.error?.ambiguous === true;
  if (unknownBefore) {
    let proof: string | null = row.status === 'sending' ? row.provider_message_id : null;
    if (proof === null && provider.findSent) {
      try {
        proof = (await provider.findSent(message, row.first_attempt_at ?? row.updated_at))?.providerMessageId ?? null;
      } catch (err) {
        rt.log.warn({ err, messageId: row.id }, 'could not ask the provider whether a message went; sending again');
      }
    }
    if (proof !== null) {
      const now = rt.clock.now();
      await rt.db.tx(async (client) => {
        await client.query("UPDATE messages SET status = 'sending' WHERE id = $1 AND status = 'planned'", [row.id]);
        await markSent(client, [{ id: row.id, providerMessageId: proof }], now);
        await recordAttempts(client, [{ messageId: row.id, attempt: Math.max(1, row.attempts), provider: provider.name, outcome: 'recovered', providerMessageId: proof, error: null, startedAt: row.updated_at, finishedAt: now }]);
      });
      return 'recovered';
    }
  }

  const wait = await reserveSlot(rt.db.pool, `${provider.name}:${row.channel}`, rt.config.notifications.rates[row.channel]);
  if (wait > 0) await new Promise((res) => setTimeout(res, wait));

  const claimedAt = rt.clock.now();
  const attempt = await rt.db.tx(async (client) => {
    const locked = await lockForSending(client, [row.id], claimedAt);
    const n = locked.get(row.id);
    if (n === undefined) return null;
    if (row.status === 'sending') {
      await recordAttempts(client, [{ messageId: row.id, attempt: n - 1, provider: provider.name, outcome: 'abandoned', providerMessageId: null, error: 'lease_expired', startedAt: row.updated_at, finishedAt: claimedAt }]);
    }
    await markSending(client, [{ id: row.id, address: r.address, content: r.content, provider: provider.name }], claimedAt, new Date(claimedAt.getTime() + rt.config.notifications.leaseSeconds * 1000));
    await recordAttempts(client, [{ messageId: row.id, attempt: n, provider: provider.name, outcome: 'started', providerMessageId: null, error: null, startedAt: claimedAt, finishedAt: null }]);
    return n;
  });
  if (attempt === null) return 'skipped:in_flight';

  try {
    const res = await provider.send(message, { client: null, now: claimedAt });
    const done = rt.clock.now();
    await rt.db.tx(async (client) => {
      await markSent(client, [{ id: row.id, providerMessageId: res.providerMessageId }], done);
      await recordAttempts(client, [{ messageId: row.id, attempt, provider: provider.name, outcome: 'sent', providerMessageId: res.providerMessageId, error: null, startedAt: claimedAt, finishedAt: done }]);
    });
    return 'sent';
  } catch (err) {
    const done = rt.clock.now();
    if (err instanceof PermanentError) {
      await rt.db.tx(async (client) => {
        await closeMessages(client, [{ id: row.id, status: 'failed', reason: err.code, error: { code: err.code, message: err.message } }], done, true);
        await recordAttempts(client, [{ messageId: row.id, attempt, provider: provider.name, outcome: 'permanent_error', providerMessageId: null, error: err.code, startedAt: claimedAt, finishedAt: done }]);
        await applyContactEffect(client, r, err, done);
      });
      rt.log.warn({ messageId: row.id, channel: row.channel, code: err.code, contact: err.contact }, 'message failed permanently');
      return `failed:${err.code}`;
    }
    const transient = err instanceof TransientError ? err : new TransientError('unexpected provider error', { code: 'provider_error', ambiguous: true, cause: err });
    if (!(err instanceof TransientError)) rt.log.error({ err, messageId: row.id }, 'provider threw an unexpected error');
    return retryOrGiveUp(rt, row, provider, attempt, claimedAt, transient, random);
  }
}

async function retryOrGiveUp(rt: Runtime, row: DeliveryRow, provider: Provider, attempt: number, claimedAt: Date, err: TransientError, random: () => number): Promise<string> {
  const n = rt.config.notifications;
  const done = rt.clock.now();
  const firstAttempt = row.first_attempt_at ?? claimedAt;
  const delay = Math.max(retryDelayMs(attempt, n.retryBaseSeconds, random), err.retryAfterMs ?? 0);
  const retryAt = new Date(done.getTime() + delay);
  const expired = retryAt.getTime() - firstAttempt.getTime() > n.retryMaxAgeMinutes * 60_000;
  const boss = expired ? null : await rt.queue();
  await rt.db.tx(async (client) => {
    await recordAttempts(client, [{ messageId: row.id, attempt, provider: provider.name, outcome: 'transient_error', providerMessageId: null, error: err.code, startedAt: claimedAt, finishedAt: done }]);
    if (expired) {
      await closeMessages(client, [{ id: row.id, status: 'failed', reason: 'retries_exhausted', error: { code: err.code, message: err.message, attempts: attempt } }], done, true);
    } else if (await markRetry(client, row.id, retryAt, { code: err.code, message: err.message, ambiguous: err.ambiguous, attempts: attempt }, done)) {
      await enqueueDeliveries(boss!, client, [{ id: row.id, notBefore: retryAt }], done);
    }
  });
  rt.log.info({ messageId: row.id, code: err.code, attempt, retryInMs: expired ? null : delay }, expired ? 'message failed: retries exhausted' : 'message will be retried');
  return expired ? 'failed:retries_exhausted' : 'retry';
}

/** A permanent error about the address changes the contact for every subscription using it. */
async function applyContactEffect(client: pg.PoolClient, r: Ready, err: PermanentError, now: Date): Promise<void> {
  if (err.contact === null) return;
  const channels: Channel[] = [r.row.channel];
  if (err.contact === 'undeliverable') {
    await changeChannelConsent(client, {
      address: r.address, channels, fromStates: ['active', 'pending'], to: 'undeliverable',
      source: r.row.channel === 'email' ? 'bounce' : 'delivery_failure', actor: r.provider.name, details: { code: err.code, messageId: r.row.id }, now,
    });
  } else {
    await optOutByAddress(client, r.address, 'sms', 'sms_keyword', `${r.provider.name}:${err.code}`, now);
    await addDoNotContact(client, r.address, r.row.channel === 'email' ? 'email' : 'phone', 'carrier_opt_out', r.provider.name, now);
  }
}

async function mapConcurrent<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(workers);
}

/**
 * The sweeper (every tick): messages due for a while whose job was lost, and 'sending'
 * rows whose lease ran out (their worker died), get a deliver job again. Duplicate jobs
 * are harmless: the row is claimed by one.
 */
export async function sweepStaleMessages(rt: Runtime, options: { staleAfterMs?: number; limit?: number } = {}): Promise<number> {
  const now = rt.clock.now();
  const staleBefore = new Date(now.getTime() - (options.staleAfterMs ?? 15 * 60_000));
  const boss = await rt.queue();
  return rt.db.tx(async (client) => {
    const ids = await staleMessageIds(client, now, staleBefore, options.limit ?? 10_000);
    await enqueueDeliveries(boss, client, ids.map((id) => ({ id, notBefore: now })), now);
    if (ids.length > 0) rt.log.warn({ messages: ids.length }, 'stale messages handed back to workers');
    return ids.length;
  });
}
