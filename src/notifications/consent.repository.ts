/**
 * Consent changes the notification engine makes on its own: keyword replies (STOP,
 * START, YES), one-click unsubscribe, bounces, complaints and permanent delivery
 * failures; and the do-not-contact list. Every change writes a consent_events row.
 *
 * NOTE for the lead: the subscriptions domain owns consent for portal changes; these
 * functions are the SQL of the changes that arrive through notifications (webhooks and
 * delivery) and can be merged with subscriptions.service.ts when both exist.
 */
import type { Queryable } from '../db/pool.ts';
import type { Channel, ConsentSource, ConsentState } from '../persisted.ts';

export interface ConsentChange {
  subscriptionId: string;
  voterId: string;
  channel: Channel;
  from: ConsentState;
}

export interface ConsentChangeInput {
  /** Change the channels at this address... */
  address?: string;
  /** ...or of this subscription. */
  subscriptionId?: string;
  channels: readonly Channel[];
  /** Only channels currently in one of these states change. */
  fromStates: readonly ConsentState[];
  to: ConsentState;
  source: ConsentSource;
  actor: string | null;
  details?: Record<string, unknown>;
  now: Date;
  /** Only channels whose last consent change came from this source (START undoes what STOP did, nothing more). */
  lastSource?: ConsentSource;
}

/**
 * Moves matching channels of live subscriptions (not ended) to `to`, logs each change,
 * and returns what changed. Channels already in `to` are left alone (not in fromStates).
 */
export async function changeChannelConsent(db: Queryable, input: ConsentChangeInput): Promise<ConsentChange[]> {
  if (input.address === undefined && input.subscriptionId === undefined) throw new RangeError('an address or a subscription is needed');
  const { rows } = await db.query<{ subscription_id: string; voter_id: string; channel: Channel; consent: ConsentState }>(
    `WITH old AS (
       SELECT sc.subscription_id, sc.channel, sc.consent, s.voter_id
       FROM subscription_channels sc JOIN subscriptions s ON s.id = sc.subscription_id
       WHERE s.state <> 'ended' AND ($1::text IS NULL OR sc.address = $1) AND ($2::bigint IS NULL OR sc.subscription_id = $2)
         AND sc.channel = ANY($3::text[]) AND sc.consent = ANY($4::text[]) AND sc.consent <> $5
         AND ($10::text IS NULL OR (SELECT ce.source FROM consent_events ce WHERE ce.subscription_id = sc.subscription_id
                                     AND ce.channel = sc.channel ORDER BY ce.id DESC LIMIT 1) = $10)
       ORDER BY sc.subscription_id, sc.channel
       FOR UPDATE OF sc
     ), upd AS (
       UPDATE subscription_channels sc SET consent = $5, updated_at = $9,
              soft_bounces = CASE WHEN $5 = 'active' THEN 0 ELSE sc.soft_bounces END
       FROM old WHERE sc.subscription_id = old.subscription_id AND sc.channel = old.channel
       RETURNING sc.subscription_id
     ), ev AS (
       INSERT INTO consent_events (subscription_id, voter_id, channel, from_state, to_state, source, actor, details, at)
       SELECT subscription_id, voter_id, channel, consent, $5, $6, $7, $8, $9 FROM old
     )
     SELECT subscription_id::text AS subscription_id, voter_id, channel, consent FROM old`,
    [input.address ?? null, input.subscriptionId ?? null, input.channels, input.fromStates, input.to, input.source, input.actor,
      JSON.stringify(input.details ?? {}), input.now, input.lastSource ?? null],
  );
  return rows.map((r) => ({ subscriptionId: r.subscription_id, voterId: r.voter_id, channel: r.channel, from: r.consent }));
}

/**
 * YES to a confirmation that asked for it (Colorado): records yes_confirmed_at on the sms
 * channels at this number that wait for it. Returns the subscriptions confirmed.
 */
export async function confirmYes(db: Queryable, phone: string, actor: string, now: Date): Promise<Array<{ subscriptionId: string; voterId: string }>> {
  const { rows } = await db.query<{ subscription_id: string; voter_id: string }>(
    `WITH upd AS (
       UPDATE subscription_channels sc SET yes_confirmed_at = $2, updated_at = $2
       FROM subscriptions s
       WHERE s.id = sc.subscription_id AND s.state <> 'ended' AND sc.address = $1 AND sc.channel = 'sms'
         AND sc.needs_yes AND sc.yes_confirmed_at IS NULL AND sc.consent = 'active'
       RETURNING sc.subscription_id, s.voter_id
     ), ev AS (
       INSERT INTO consent_events (subscription_id, voter_id, channel, from_state, to_state, source, actor, details, at)
       SELECT subscription_id, voter_id, 'sms', 'active', 'active', 'sms_keyword', $3, '{"yes": true}'::jsonb, $2 FROM upd
     )
     SELECT subscription_id::text AS subscription_id, voter_id FROM upd`,
    [phone, now, actor],
  );
  return rows.map((r) => ({ subscriptionId: r.subscription_id, voterId: r.voter_id }));
}

/** Live subscriptions with a channel at this address, and their language (for replies). */
export async function subscriptionsAtAddress(db: Queryable, address: string, channels: readonly Channel[]): Promise<Array<{ subscriptionId: string; voterId: string; language: string; countyCode: string }>> {
  const { rows } = await db.query<{ id: string; voter_id: string; language: string; county_code: string }>(
    `SELECT DISTINCT s.id::text AS id, s.voter_id, s.language, s.county_code
     FROM subscriptions s JOIN subscription_channels sc ON sc.subscription_id = s.id
     WHERE s.state <> 'ended' AND sc.address = $1 AND sc.channel = ANY($2::text[])
     ORDER BY 1`,
    [address, channels],
  );
  return rows.map((r) => ({ subscriptionId: r.id, voterId: r.voter_id, language: r.language, countyCode: r.county_code }));
}

/** Counts a soft bounce on the email channels at this address; returns the highest count now reached. */
export async function countSoftBounce(db: Queryable, email: string, now: Date): Promise<number> {
  const { rows } = await db.query<{ n: number | null }>(
    `WITH upd AS (
       UPDATE subscription_channels SET soft_bounces = soft_bounces + 1, updated_at = $2
       WHERE address = $1 AND channel = 'email' AND consent = 'active' RETURNING soft_bounces)
     SELECT max(soft_bounces) AS n FROM upd`,
    [email, now],
  );
  return rows[0]?.n ?? 0;
}

/** A delivered email shows the address works again: soft bounces start over. */
export async function resetSoftBounces(db: Queryable, email: string): Promise<void> {
  await db.query("UPDATE subscription_channels SET soft_bounces = 0 WHERE address = $1 AND channel = 'email' AND soft_bounces > 0", [email]);
}

// ---------------------------------------------------------------- do-not-contact

export type DoNotContactReason = 'stop' | 'complaint' | 'hard_bounce' | 'staff' | 'carrier_opt_out';

/** Adds an address (idempotent: the first reason stays). */
export async function addDoNotContact(db: Queryable, address: string, kind: 'phone' | 'email', reason: DoNotContactReason, source: string, now: Date): Promise<void> {
  await db.query(
    'INSERT INTO do_not_contact (address, kind, reason, source, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (address) DO NOTHING',
    [address, kind, reason, source, now],
  );
}

/** START/YES lifts only what a STOP (ours or the carrier's) put there; staff entries, bounces and complaints stay. */
export async function removeDoNotContactByKeyword(db: Queryable, address: string): Promise<boolean> {
  const r = await db.query("DELETE FROM do_not_contact WHERE address = $1 AND reason IN ('stop', 'carrier_opt_out')", [address]);
  return (r.rowCount ?? 0) > 0;
}

export async function isDoNotContact(db: Queryable, address: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM do_not_contact WHERE address = $1', [address]);
  return rows.length > 0;
}
