/**
 * Opt-out and opt-in (DESIGN §2.2), for every path that changes consent: the portal and API
 * (per subscription), the SMS keyword handler (STOP/START by the replying number) and the
 * one-click email unsubscribe. Each function runs inside the caller's transaction, changes
 * channels set-based and writes one consent_events row per change (what, when, how, who).
 *
 * Scope, decided:
 * - `optOut(sub, channel)` turns one channel off; `optOut(sub, 'all')` turns every channel off
 *   AND ends the subscription ('opted_out'): the voter has left the service, auto-enrolment
 *   will never enrol them again, and coming back means signing up again.
 * - `optOutByAddress(address, channel)` turns that channel off wherever the address is used —
 *   every voter of a household sharing the phone or email — because the address asked, not a
 *   voter. `'all'` means every channel at that address (a phone's sms and voice), not every
 *   channel of those subscriptions, and no subscription ends: a STOP from a phone must not
 *   silence the emails of the voters who share it.
 * - `optInByAddress(address, channel)` turns back on the channels at that address that are
 *   'opted_out' in live subscriptions (START/UNSTOP/YES). Never 'undeliverable' ones (a
 *   bounce is not consent), never an ended subscription.
 * The do-not-contact list is the engine's (STOP adds, START removes); these functions only
 * change channels.
 */
import type pg from 'pg';
import type { Queryable } from '../db/pool.ts';
import type { Channel, ConsentSource } from '../persisted.ts';

export interface ConsentChange {
  subscriptionId: string;
  voterId: string;
  /** null: the subscription itself (ended) */
  channel: Channel | null;
  from: string;
  to: string;
}

type Tx = Queryable | pg.PoolClient;

/**
 * Turns channels off at an address (see above). `address`: E.164 phone or email (compared in
 * lower case). Returns what changed, so the caller can confirm the opt-out to the address.
 */
export async function optOutByAddress(client: Tx, address: string, channel: Channel | 'all', source: ConsentSource, actor: string | null, at?: Date): Promise<ConsentChange[]> {
  return setChannels(client, { address: canonicalAddress(address), channel, to: 'opted_out', source, actor, at });
}

/** Turns back on the opted-out channels at an address in live subscriptions (see above). */
export async function optInByAddress(client: Tx, address: string, channel: Channel | 'all', source: ConsentSource, actor: string | null, at?: Date): Promise<ConsentChange[]> {
  return setChannels(client, { address: canonicalAddress(address), channel, to: 'active', source, actor, at });
}

/**
 * Opts one subscription out of one channel, or out of everything ('all': every channel off and
 * the subscription ended with reason 'opted_out'). Idempotent: opting out again changes nothing.
 */
export async function optOut(client: Tx, subscriptionId: number | string, channel: Channel | 'all', source: ConsentSource, actor: string | null, at?: Date): Promise<ConsentChange[]> {
  const changes = await setChannels(client, { subscriptionId: String(subscriptionId), channel, to: 'opted_out', source, actor, at });
  if (channel !== 'all') return changes;
  const { rows } = await client.query<{ id: string; voter_id: string; from_state: string }>(
    `WITH old AS (SELECT id, state FROM subscriptions WHERE id = $1 AND state <> 'ended' FOR UPDATE)
     UPDATE subscriptions s SET state = 'ended', ended_reason = 'opted_out', ended_at = coalesce($2, now()), updated_at = coalesce($2, now())
       FROM old WHERE s.id = old.id
     RETURNING s.id::text AS id, s.voter_id, old.state AS from_state`, [subscriptionId, at ?? null]);
  const ended = rows[0];
  if (!ended) return changes;
  await client.query(
    `INSERT INTO consent_events (subscription_id, voter_id, channel, from_state, to_state, source, actor, details, at)
     VALUES ($1, $2, NULL, $3, 'ended', $4, $5, '{"reason":"opted_out"}', coalesce($6, now()))`,
    [ended.id, ended.voter_id, ended.from_state, source, actor, at ?? null]);
  return [...changes, { subscriptionId: ended.id, voterId: ended.voter_id, channel: null, from: ended.from_state, to: 'ended' }];
}

function canonicalAddress(address: string): string {
  const t = address.trim();
  return t.includes('@') ? t.normalize('NFC').toLowerCase() : t;
}

/**
 * One statement: pick the channels (by subscription or by address, one channel or all), lock
 * them, change their consent, log each change. Opt-in only touches 'opted_out' channels of
 * live subscriptions; opt-out touches anything not already opted out.
 */
async function setChannels(client: Tx, q: {
  subscriptionId?: string; address?: string; channel: Channel | 'all'; to: 'opted_out' | 'active';
  source: ConsentSource; actor: string | null; at: Date | undefined;
}): Promise<ConsentChange[]> {
  const { rows } = await client.query<{ subscription_id: string; voter_id: string; channel: Channel; from_state: string }>(
    `WITH target AS (
       SELECT sc.subscription_id, sc.channel, sc.consent AS from_state, s.voter_id, sc.address
         FROM subscription_channels sc JOIN subscriptions s ON s.id = sc.subscription_id
        WHERE ($1::bigint IS NULL OR sc.subscription_id = $1::bigint)
          AND ($2::text IS NULL OR sc.address = $2)
          AND ($3::text = 'all' OR sc.channel = $3)
          AND CASE WHEN $4 = 'active' THEN sc.consent = 'opted_out' AND s.state <> 'ended' ELSE sc.consent <> 'opted_out' END
        ORDER BY sc.subscription_id, sc.channel
        FOR UPDATE OF sc
     ), changed AS (
       UPDATE subscription_channels sc SET consent = $4, updated_at = coalesce($7, now())
         FROM target t WHERE sc.subscription_id = t.subscription_id AND sc.channel = t.channel
       RETURNING t.subscription_id, t.voter_id, t.channel, t.from_state, t.address
     ), logged AS (
       INSERT INTO consent_events (subscription_id, voter_id, channel, from_state, to_state, source, actor, details, at)
       SELECT subscription_id, voter_id, channel, from_state, $4, $5, $6, jsonb_build_object('address', address), coalesce($7, now()) FROM changed
     )
     SELECT subscription_id::text, voter_id, channel, from_state FROM changed ORDER BY subscription_id, channel`,
    [q.subscriptionId ?? null, q.address ?? null, q.channel, q.to, q.source, q.actor, q.at ?? null]);
  return rows.map((r) => ({ subscriptionId: r.subscription_id, voterId: r.voter_id, channel: r.channel, from: r.from_state, to: q.to }));
}
