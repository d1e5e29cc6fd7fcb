/**
 * SQL of subscriptions, their channels and the consent log (010_subscriptions.sql). Plain
 * functions taking a Queryable (the pool, or a client inside the caller's transaction).
 */
import type { Queryable } from '../db/pool.ts';
import type { Channel, ConsentSource, ConsentState, Language } from '../persisted.ts';
import type { ExistingChannel } from './preferences.ts';

export interface SubscriptionRow {
  id: number; voter_id: string; county_code: string; state: 'active' | 'suspended' | 'ended'; ended_reason: string | null;
  language: Language; time_zone: string; hours_start: string; hours_end: string; source: string; created_at: Date;
}

export interface ChannelRow { channel: Channel; address: string; consent: ConsentState; needs_yes: boolean; yes_confirmed_at: Date | null }

/** The voter's live (not ended) subscription; `forUpdate` locks it for the caller's transaction. */
export async function getLiveSubscription(db: Queryable, voterId: string, forUpdate = false): Promise<SubscriptionRow | null> {
  const { rows } = await db.query<SubscriptionRow>(
    `SELECT id, voter_id, county_code, state, ended_reason, language, time_zone, hours_start, hours_end, source, created_at
       FROM subscriptions WHERE voter_id = $1 AND state <> 'ended'${forUpdate ? ' FOR UPDATE' : ''}`, [voterId]);
  return rows[0] ?? null;
}

export async function getChannels(db: Queryable, subscriptionId: number | string): Promise<ChannelRow[]> {
  return (await db.query<ChannelRow>(
    'SELECT channel, address, consent, needs_yes, yes_confirmed_at FROM subscription_channels WHERE subscription_id = $1 ORDER BY channel', [subscriptionId])).rows;
}

export const toExisting = (rows: readonly ChannelRow[]): ExistingChannel[] => rows.map((r) => ({ channel: r.channel, address: r.address, consent: r.consent }));

export interface AccountRow {
  first_name: string; last_name: string; county_code: string; county_name: string; registry_language: string | null;
  subscription: (Omit<SubscriptionRow, 'created_at'> & { created_at: string; channels: ChannelRow[] }) | null;
}

/**
 * Everything the account page shows, in one round trip: the voter (never a confidential or
 * removed one), the county, the live subscription and its channels.
 */
export async function getAccountRow(db: Queryable, voterId: string): Promise<AccountRow | null> {
  const { rows } = await db.query<AccountRow>({
    name: 'subscriptions.account',
    text: `SELECT v.first_name, v.last_name, v.county_code, c.name AS county_name, v.language AS registry_language,
            (SELECT json_build_object('id', s.id, 'voter_id', s.voter_id, 'county_code', s.county_code, 'state', s.state,
                      'ended_reason', s.ended_reason, 'language', s.language, 'time_zone', s.time_zone, 'hours_start', s.hours_start,
                      'hours_end', s.hours_end, 'source', s.source, 'created_at', s.created_at,
                      'channels', coalesce((SELECT json_agg(json_build_object('channel', sc.channel, 'address', sc.address, 'consent', sc.consent,
                                                   'needs_yes', sc.needs_yes, 'yes_confirmed_at', sc.yes_confirmed_at) ORDER BY sc.channel)
                                              FROM subscription_channels sc WHERE sc.subscription_id = s.id), '[]'::json))
               FROM subscriptions s WHERE s.voter_id = v.voter_id AND s.state <> 'ended') AS subscription
       FROM voters v JOIN counties c ON c.code = v.county_code
      WHERE v.voter_id = $1 AND NOT v.confidential AND v.removed_at IS NULL`,
    values: [voterId],
  });
  return rows[0] ?? null;
}

export async function updateSubscriptionSettings(db: Queryable, id: number, s: { language: Language; timeZone: string; hoursStart: string; hoursEnd: string; at: Date }): Promise<void> {
  await db.query(
    `UPDATE subscriptions SET language = $2, time_zone = $3, hours_start = $4, hours_end = $5, updated_at = $6
      WHERE id = $1 AND (language, time_zone, hours_start, hours_end) IS DISTINCT FROM ($2, $3, $4, $5)`,
    [id, s.language, s.timeZone, s.hoursStart, s.hoursEnd, s.at]);
}

/** Inserts or replaces a channel (new contact, or a changed address: consent starts over). */
export async function upsertChannel(db: Queryable, subscriptionId: number, c: { channel: Channel; address: string; consent: ConsentState; needsYes: boolean; at: Date }): Promise<void> {
  await db.query(
    `INSERT INTO subscription_channels (subscription_id, channel, address, consent, needs_yes, yes_confirmed_at, soft_bounces, updated_at)
     VALUES ($1, $2, $3, $4, $5, NULL, 0, $6)
     ON CONFLICT (subscription_id, channel) DO UPDATE SET
       address = EXCLUDED.address, consent = EXCLUDED.consent, needs_yes = EXCLUDED.needs_yes,
       yes_confirmed_at = NULL, soft_bounces = 0, updated_at = EXCLUDED.updated_at`,
    [subscriptionId, c.channel, c.address, c.consent, c.needsYes, c.at]);
}

export interface ConsentEvent {
  subscriptionId: number | string;
  voterId: string;
  /** null: the whole subscription */
  channel: Channel | null;
  fromState: string | null;
  toState: string;
  source: ConsentSource;
  actor: string | null;
  details?: Record<string, unknown>;
  at: Date;
}

export async function insertConsentEvents(db: Queryable, events: readonly ConsentEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO consent_events (subscription_id, voter_id, channel, from_state, to_state, source, actor, details, at)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::timestamptz[])`,
    [events.map((e) => e.subscriptionId), events.map((e) => e.voterId), events.map((e) => e.channel), events.map((e) => e.fromState),
      events.map((e) => e.toState), events.map((e) => e.source), events.map((e) => e.actor),
      events.map((e) => JSON.stringify(e.details ?? {})), events.map((e) => e.at)]);
}

/** The subset of `addresses` on the do-not-contact list. */
export async function doNotContact(db: Queryable, addresses: readonly string[]): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const { rows } = await db.query<{ address: string }>('SELECT address FROM do_not_contact WHERE address = ANY($1::text[])', [addresses]);
  return new Set(rows.map((r) => r.address));
}

export interface NewSubscription {
  voterId: string; countyCode: string; language: Language; timeZone: string; hoursStart: string; hoursEnd: string;
  source: ConsentSource; actor: string; at: Date;
  channels: ReadonlyArray<{ channel: Channel; address: string; consent: ConsentState; needsYes: boolean; details: Record<string, unknown> }>;
  session: { tokenHash: string; expiresAt: Date; maxExpiresAt: Date };
  /** Throttle keys whose failures a successful match forgives (throttle.repository.ts forgive). */
  forgive: { pair: string; client: string; nameZip: string };
}

/**
 * The whole write of a sign-up in one statement (the hot path of the sign-up surge): the
 * subscription unless the voter has a live one (ON CONFLICT: two simultaneous sign-ups make
 * one), its channels, the consent log, the session, and the throttle forgiveness. Returns the
 * new subscription with what the account shows, or null when the voter was already subscribed
 * (the session is opened either way).
 */
export async function createSubscription(db: Queryable, s: NewSubscription): Promise<AccountRow | null> {
  const { rows } = await db.query<AccountRow>({
    // Named: prepared once per connection, so the hot path skips parse and plan.
    name: 'subscriptions.create-subscription',
    text: `WITH sub AS (
       INSERT INTO subscriptions (voter_id, county_code, state, language, time_zone, hours_start, hours_end, source, created_at, updated_at)
       VALUES ($1, $2, 'active', $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (voter_id) WHERE state <> 'ended' DO NOTHING
       RETURNING id, voter_id, county_code, state, ended_reason, language, time_zone, hours_start, hours_end, source, created_at
     ), wanted AS (
       SELECT * FROM unnest($9::text[], $10::text[], $11::text[], $12::boolean[], $13::jsonb[]) AS c(channel, address, consent, needs_yes, details)
     ), channels AS (
       INSERT INTO subscription_channels (subscription_id, channel, address, consent, needs_yes, updated_at)
       SELECT sub.id, w.channel, w.address, w.consent, w.needs_yes, $8 FROM sub, wanted w
       RETURNING channel, address, consent, needs_yes, yes_confirmed_at
     ), logged AS (
       INSERT INTO consent_events (subscription_id, voter_id, channel, from_state, to_state, source, actor, details, at)
       SELECT sub.id, sub.voter_id, NULL, NULL, 'active', $7, $14, '{}'::jsonb, $8 FROM sub
       UNION ALL
       SELECT sub.id, sub.voter_id, w.channel, NULL, w.consent, $7, $14, w.details, $8 FROM sub, wanted w
     ), session AS (
       INSERT INTO voter_sessions (token_sha256, voter_id, created_at, expires_at, max_expires_at) VALUES ($15, $1, $8, $16, $17)
     ), own AS (
       DELETE FROM identity_throttle WHERE key = $18 RETURNING failures
     ), forgiven AS (
       UPDATE identity_throttle t SET failures = greatest(0, t.failures - CASE WHEN t.key = $19 THEN own.failures - 1 ELSE own.failures END)
         FROM own WHERE t.key IN ($19, $20)
     )
     SELECT v.first_name, v.last_name, v.county_code, c.name AS county_name, v.language AS registry_language,
            json_build_object('id', sub.id, 'voter_id', sub.voter_id, 'county_code', sub.county_code, 'state', sub.state,
              'ended_reason', sub.ended_reason, 'language', sub.language, 'time_zone', sub.time_zone, 'hours_start', sub.hours_start,
              'hours_end', sub.hours_end, 'source', sub.source, 'created_at', sub.created_at,
              'channels', coalesce((SELECT json_agg(json_build_object('channel', ch.channel, 'address', ch.address, 'consent', ch.consent,
                                       'needs_yes', ch.needs_yes, 'yes_confirmed_at', ch.yes_confirmed_at) ORDER BY ch.channel) FROM channels ch), '[]'::json)) AS subscription
       FROM sub JOIN voters v ON v.voter_id = sub.voter_id JOIN counties c ON c.code = v.county_code`,
    values: [s.voterId, s.countyCode, s.language, s.timeZone, s.hoursStart, s.hoursEnd, s.source, s.at,
      s.channels.map((c) => c.channel), s.channels.map((c) => c.address), s.channels.map((c) => c.consent), s.channels.map((c) => c.needsYes),
      s.channels.map((c) => JSON.stringify(c.details)), s.actor, s.session.tokenHash, s.session.expiresAt, s.session.maxExpiresAt,
      s.forgive.pair, s.forgive.client, s.forgive.nameZip],
  });
  return rows[0] ?? null;
}
