/**
 * SQL of the messages, their attempts and the outbox. Plain functions taking a
 * Queryable (the pool or a transaction) first; rows come back typed, close to SQL.
 */
import type { Queryable } from '../db/pool.ts';
import type { AttemptOutcome, Channel, Language, MessageKind, MessageStatus, ProviderName } from '../persisted.ts';
import type { MessageContent } from './providers/types.ts';

/** A message to insert (planning, service messages, replies). */
export interface NewMessage {
  key: string;
  subscriptionId: string | null;
  voterId: string | null;
  electionId: string | null;
  ballotId: string | null;
  eventId: string | null;
  kind: MessageKind;
  reason: string;
  channel: Channel;
  address: string;
  language: Language;
  occurredAt: Date | null;
  notBefore: Date;
  windowClosesAt: Date | null;
  status: 'planned' | 'superseded';
  statusReason: string | null;
}

/**
 * Inserts messages; a key that exists already is skipped (ON CONFLICT DO NOTHING).
 * Returns the rows actually inserted, with their ids, status and not_before.
 */
export async function insertMessages(db: Queryable, messages: readonly NewMessage[], now: Date): Promise<Array<{ id: string; key: string; status: MessageStatus; notBefore: Date }>> {
  if (messages.length === 0) return [];
  const col = <T>(f: (m: NewMessage) => T): T[] => messages.map(f);
  const { rows } = await db.query<{ id: string; key: string; status: MessageStatus; not_before: Date }>(
    `INSERT INTO messages (key, subscription_id, voter_id, election_id, ballot_id, event_id, kind, reason, channel, address,
                           language, occurred_at, not_before, window_closes_at, status, status_reason, created_at, updated_at)
     SELECT k, sub, voter, el, ballot, ev, kind, reason, channel, address, lang, occurred, nb, closes, status, sreason, $17, $17
     FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::text[],
                 $10::text[], $11::text[], $12::timestamptz[], $13::timestamptz[], $14::timestamptz[], $15::text[], $16::text[])
          AS t(k, sub, voter, el, ballot, ev, kind, reason, channel, address, lang, occurred, nb, closes, status, sreason)
     ON CONFLICT (key) DO NOTHING
     RETURNING id::text, key, status, not_before`,
    [
      col((m) => m.key), col((m) => m.subscriptionId), col((m) => m.voterId), col((m) => m.electionId), col((m) => m.ballotId),
      col((m) => m.eventId), col((m) => m.kind), col((m) => m.reason), col((m) => m.channel), col((m) => m.address),
      col((m) => m.language), col((m) => m.occurredAt), col((m) => m.notBefore), col((m) => m.windowClosesAt),
      col((m) => m.status), col((m) => m.statusReason), now,
    ],
  );
  return rows.map((r) => ({ id: r.id, key: r.key, status: r.status, notBefore: r.not_before }));
}

/** Ballot messages that exist for these ballots (any status), for supersede and stale checks. */
export interface ExistingBallotMessage {
  id: string;
  key: string;
  electionId: string;
  ballotId: string;
  channel: Channel;
  kind: MessageKind;
  status: MessageStatus;
  occurredAt: Date;
}

export async function ballotMessages(db: Queryable, ballots: ReadonlyArray<{ electionId: string; ballotId: string }>): Promise<ExistingBallotMessage[]> {
  if (ballots.length === 0) return [];
  const { rows } = await db.query<{ id: string; key: string; election_id: string; ballot_id: string; channel: Channel; kind: MessageKind; status: MessageStatus; occurred_at: Date }>(
    `SELECT m.id::text AS id, m.key, m.election_id, m.ballot_id, m.channel, m.kind, m.status, m.occurred_at
     FROM messages m
     JOIN unnest($1::text[], $2::text[]) AS b(election_id, ballot_id) ON m.election_id = b.election_id AND m.ballot_id = b.ballot_id
     ORDER BY m.id`,
    [ballots.map((b) => b.electionId), ballots.map((b) => b.ballotId)],
  );
  return rows.map((r) => ({ id: r.id, key: r.key, electionId: r.election_id, ballotId: r.ballot_id, channel: r.channel, kind: r.kind, status: r.status, occurredAt: r.occurred_at }));
}

/** Marks waiting messages superseded (only those still 'planned': one being sent goes). Returns the ids changed. */
export async function supersedeMessages(db: Queryable, items: ReadonlyArray<{ id: string; byKey: string }>, now: Date): Promise<string[]> {
  if (items.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `UPDATE messages m SET status = 'superseded', status_reason = 'newer_status',
            superseded_by = (SELECT id FROM messages WHERE key = t.by_key), updated_at = $3
     FROM unnest($1::bigint[], $2::text[]) AS t(id, by_key)
     WHERE m.id = t.id AND m.status = 'planned'
     RETURNING m.id::text AS id`,
    [items.map((i) => i.id), items.map((i) => i.byKey), now],
  );
  return rows.map((r) => r.id);
}

/** Everything delivery needs about a message, joined in one query: consent, do-not-contact, render values. */
export interface DeliveryRow {
  id: string;
  key: string;
  subscription_id: string | null;
  voter_id: string | null;
  election_id: string | null;
  ballot_id: string | null;
  kind: MessageKind;
  reason: string;
  channel: Channel;
  address: string;
  language: Language;
  occurred_at: Date | null;
  not_before: Date;
  window_closes_at: Date | null;
  status: MessageStatus;
  content: MessageContent | null;
  error: { ambiguous?: boolean } | null;
  attempts: number;
  lease_until: Date | null;
  first_attempt_at: Date | null;
  updated_at: Date;
  provider: ProviderName | null;
  provider_message_id: string | null;
  sub_state: 'active' | 'suspended' | 'ended' | null;
  time_zone: string | null;
  hours_start: string | null;
  hours_end: string | null;
  consent: string | null;
  current_address: string | null;
  needs_yes: boolean | null;
  yes_confirmed_at: Date | null;
  do_not_contact: boolean;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  suffix: string | null;
  county_code: string | null;
  county_name: string | null;
  county_phone: string | null;
  county_email: string | null;
  county_website: string | null;
  election_name: string | null;
  election_date: string | null;
  sent_date: string | null;
  status_reason: string | null;
  cure_deadline: string | null;
}

export async function loadForDelivery(db: Queryable, ids: readonly string[]): Promise<DeliveryRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<DeliveryRow>(
    `SELECT m.id::text AS id, m.key, m.subscription_id::text AS subscription_id, m.voter_id, m.election_id, m.ballot_id, m.kind, m.reason, m.channel, m.address,
            m.language, m.occurred_at, m.not_before, m.window_closes_at, m.status, m.content, m.error, m.attempts, m.lease_until,
            m.first_attempt_at, m.updated_at, m.provider, m.provider_message_id,
            s.state AS sub_state, s.time_zone, s.hours_start, s.hours_end,
            sc.consent, sc.address AS current_address, sc.needs_yes, sc.yes_confirmed_at,
            EXISTS (SELECT 1 FROM do_not_contact d WHERE d.address = COALESCE(sc.address, m.address)) AS do_not_contact,
            v.first_name, v.middle_name, v.last_name, v.suffix,
            c.code AS county_code, c.name AS county_name, c.phone AS county_phone, c.email AS county_email, c.website AS county_website,
            e.name AS election_name, e.election_date,
            -- A status message tells the event that caused it, not whatever the ballot says by the
            -- time it goes out: a contact-county message keeps its reason and its deadline. The
            -- sent date is the ballot's (an extract may report it only after the ISSUED row).
            COALESCE(b.sent_date::text, NULLIF(ev.details->>'sentDate', '')) AS sent_date,
            COALESCE(NULLIF(ev.details->>'reasonText', ''), b.status_reason) AS status_reason,
            COALESCE(NULLIF(ev.details->>'cureDeadline', ''), b.cure_deadline::text) AS cure_deadline
     FROM messages m
     LEFT JOIN ballot_events ev ON ev.id = m.event_id
     LEFT JOIN subscriptions s ON s.id = m.subscription_id
     LEFT JOIN subscription_channels sc ON sc.subscription_id = m.subscription_id AND sc.channel = m.channel
     LEFT JOIN voters v ON v.voter_id = m.voter_id
     LEFT JOIN ballots b ON b.election_id = m.election_id AND b.ballot_id = m.ballot_id
     LEFT JOIN elections e ON e.id = m.election_id
     LEFT JOIN counties c ON c.code = COALESCE(b.county_code, s.county_code)
     WHERE m.id = ANY($1::bigint[])`,
    [ids],
  );
  return rows;
}

/** Final states: a deliver job that finds one of these has nothing to do. */
export const FINAL_STATUSES: ReadonlySet<MessageStatus> = new Set(['superseded', 'sent', 'delivered', 'failed', 'render_failed', 'suppressed', 'cancelled']);

/** Sets a final status on messages still waiting (planned, or sending when `fromSending`). Returns the ids changed. */
export async function closeMessages(
  db: Queryable,
  items: ReadonlyArray<{ id: string; status: 'suppressed' | 'cancelled' | 'render_failed' | 'failed'; reason: string; error?: object | null }>,
  now: Date,
  fromSending = false,
): Promise<string[]> {
  if (items.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `UPDATE messages m SET status = t.status, status_reason = t.reason, error = COALESCE(t.error, m.error),
            lease_until = NULL, failed_at = CASE WHEN t.status = 'failed' THEN $5 ELSE m.failed_at END, updated_at = $5
     FROM unnest($1::bigint[], $2::text[], $3::text[], $4::jsonb[]) AS t(id, status, reason, error)
     WHERE m.id = t.id AND (m.status = 'planned' OR ($6 AND m.status = 'sending'))
     RETURNING m.id::text AS id`,
    [items.map((i) => i.id), items.map((i) => i.status), items.map((i) => i.reason), items.map((i) => (i.error ? JSON.stringify(i.error) : null)), now, fromSending],
  );
  return rows.map((r) => r.id);
}

/** Moves waiting messages' not_before (quiet hours at send time, backoff). Returns the ids changed. */
export async function deferMessages(db: Queryable, items: ReadonlyArray<{ id: string; notBefore: Date }>, now: Date): Promise<string[]> {
  if (items.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `UPDATE messages m SET not_before = t.nb, updated_at = $3
     FROM unnest($1::bigint[], $2::timestamptz[]) AS t(id, nb)
     WHERE m.id = t.id AND m.status = 'planned'
     RETURNING m.id::text AS id`,
    [items.map((i) => i.id), items.map((i) => i.notBefore), now],
  );
  return rows.map((r) => r.id);
}

/**
 * Takes messages for sending: planned (and due), or sending whose lease has run out.
 * Locks the rows for the caller's transaction (SKIP LOCKED: another worker has them).
 * Returns the ids taken with their new attempt number.
 */
export async function lockForSending(db: Queryable, ids: readonly string[], now: Date): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; attempts: number }>(
    `SELECT id::text AS id, attempts FROM messages
     WHERE id = ANY($1::bigint[]) AND not_before <= $2
       AND (status = 'planned' OR (status = 'sending' AND lease_until <= $2))
     ORDER BY id FOR UPDATE SKIP LOCKED`,
    [ids, now],
  );
  return new Map(rows.map((r) => [r.id, r.attempts + 1]));
}

/** Records the claim of locked messages: 'sending' with a lease, the attempt counted, the content stored. */
export async function markSending(
  db: Queryable,
  items: ReadonlyArray<{ id: string; address: string; content: MessageContent; provider: ProviderName }>,
  now: Date,
  leaseUntil: Date,
): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `UPDATE messages m SET status = 'sending', lease_until = $6, attempts = m.attempts + 1,
            first_attempt_at = COALESCE(m.first_attempt_at, $5), address = t.address, content = t.content,
            provider = t.provider, updated_at = $5
     FROM unnest($1::bigint[], $2::text[], $3::jsonb[], $4::text[]) AS t(id, address, content, provider)
     WHERE m.id = t.id`,
    [items.map((i) => i.id), items.map((i) => i.address), items.map((i) => JSON.stringify(i.content)), items.map((i) => i.provider), now, leaseUntil],
  );
}

/**
 * Claim and hand-off in one statement, for transactional providers (the outbox): the rows still
 * planned and due (or sending past their lease) become 'sent' with their content, address and
 * provider id, the attempt counted and recorded ('sent'). Returns the ids taken with their
 * attempt number; a row another transaction holds is waited for, then skipped if it changed.
 */
export async function claimHandedOff(
  db: Queryable,
  items: ReadonlyArray<{ id: string; address: string; content: MessageContent; provider: ProviderName; providerMessageId: string }>,
  now: Date,
): Promise<Map<string, number>> {
  if (items.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; attempt: number }>(
    `WITH claimed AS (
       UPDATE messages m SET status = 'sent', attempts = m.attempts + 1, first_attempt_at = COALESCE(m.first_attempt_at, $6),
              address = t.address, content = t.content, provider = t.provider, provider_message_id = t.pid, sent_at = $6,
              lease_until = NULL, error = NULL, status_reason = NULL, updated_at = $6
       FROM unnest($1::bigint[], $2::text[], $3::jsonb[], $4::text[], $5::text[]) AS t(id, address, content, provider, pid)
       WHERE m.id = t.id AND m.not_before <= $6 AND (m.status = 'planned' OR (m.status = 'sending' AND m.lease_until <= $6))
       RETURNING m.id, m.attempts, m.provider, m.provider_message_id
     )
     INSERT INTO delivery_attempts (message_id, attempt, provider, outcome, provider_message_id, started_at, finished_at)
     SELECT id, attempts, provider, 'sent', provider_message_id, $6, $6 FROM claimed
     RETURNING message_id::text AS id, attempt`,
    [items.map((i) => i.id), items.map((i) => i.address), items.map((i) => JSON.stringify(i.content)), items.map((i) => i.provider), items.map((i) => i.providerMessageId), now],
  );
  return new Map(rows.map((r) => [r.id, r.attempt]));
}

/** Undoes a claimed hand-off that the provider refused permanently (message and its attempt). */
export async function failHandedOff(db: Queryable, items: ReadonlyArray<{ id: string; reason: string; error: object }>, now: Date): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `WITH failed AS (
       UPDATE messages m SET status = 'failed', status_reason = t.reason, error = t.error, provider_message_id = NULL, sent_at = NULL, failed_at = $4, updated_at = $4
       FROM unnest($1::bigint[], $2::text[], $3::jsonb[]) AS t(id, reason, error) WHERE m.id = t.id
       RETURNING m.id, m.attempts, t.reason)
     UPDATE delivery_attempts d SET outcome = 'permanent_error', provider_message_id = NULL, error = f.reason
     FROM failed f WHERE d.message_id = f.id AND d.attempt = f.attempts`,
    [items.map((i) => i.id), items.map((i) => i.reason), items.map((i) => JSON.stringify(i.error)), now],
  );
}

/** Marks messages handed off. Only a row still 'sending' becomes 'sent' (a receipt may have come first). */
export async function markSent(db: Queryable, items: ReadonlyArray<{ id: string; providerMessageId: string }>, now: Date): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `UPDATE messages m SET status = CASE WHEN m.status = 'sending' THEN 'sent' ELSE m.status END,
            provider_message_id = COALESCE(m.provider_message_id, t.pid), sent_at = COALESCE(m.sent_at, $3),
            lease_until = NULL, error = NULL, status_reason = NULL, updated_at = $3
     FROM unnest($1::bigint[], $2::text[]) AS t(id, pid)
     WHERE m.id = t.id`,
    [items.map((i) => i.id), items.map((i) => i.providerMessageId), now],
  );
}

/** Puts a message back to 'planned' for a retry at `retryAt`, keeping the error. */
export async function markRetry(db: Queryable, id: string, retryAt: Date, error: object, now: Date): Promise<boolean> {
  const r = await db.query(
    `UPDATE messages SET status = 'planned', not_before = $2, lease_until = NULL, error = $3, updated_at = $4
     WHERE id = $1 AND status = 'sending'`,
    [id, retryAt, JSON.stringify(error), now],
  );
  return (r.rowCount ?? 0) > 0;
}

export interface AttemptRecord {
  messageId: string;
  attempt: number;
  provider: ProviderName;
  outcome: AttemptOutcome;
  providerMessageId: string | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** Writes attempts; an attempt written again (started → its outcome) is updated in place. */
export async function recordAttempts(db: Queryable, attempts: readonly AttemptRecord[]): Promise<void> {
  if (attempts.length === 0) return;
  const col = <T>(f: (a: AttemptRecord) => T): T[] => attempts.map(f);
  await db.query(
    `INSERT INTO delivery_attempts (message_id, attempt, provider, outcome, provider_message_id, error, started_at, finished_at)
     SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[])
     ON CONFLICT (message_id, attempt) DO UPDATE SET outcome = EXCLUDED.outcome, provider_message_id = EXCLUDED.provider_message_id,
       error = EXCLUDED.error, finished_at = EXCLUDED.finished_at`,
    [col((a) => a.messageId), col((a) => a.attempt), col((a) => a.provider), col((a) => a.outcome), col((a) => a.providerMessageId),
      col((a) => a.error), col((a) => a.startedAt), col((a) => a.finishedAt)],
  );
}

/** Messages the sweeper hands to workers again: due long ago and untouched (their job was lost), or sending past their lease. */
export async function staleMessageIds(db: Queryable, now: Date, staleBefore: Date, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE messages SET updated_at = $1
     WHERE id IN (
       SELECT id FROM messages
       WHERE (status = 'planned' AND not_before <= $2 AND updated_at <= $2)
          OR (status = 'sending' AND lease_until <= $1)
       ORDER BY not_before LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING id::text AS id`,
    [now, staleBefore, limit],
  );
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- outbox and reading

export interface OutboxEntry {
  id: string;
  messageId: string;
  channel: Channel;
  address: string;
  voterId: string | null;
  kind: MessageKind;
  language: Language;
  subject: string | null;
  body: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface OutboxFilter {
  voterId?: string;
  channel?: Channel;
  kind?: MessageKind;
  address?: string;
  /** Entries with id greater than this (paging). */
  afterId?: string;
  /** Default 100, at most 1000. */
  limit?: number;
}

/** What the outbox provider "sent", oldest first: the console's and the CLI's view. */
export async function listOutbox(db: Queryable, filter: OutboxFilter = {}): Promise<OutboxEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown): void => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.voterId !== undefined) add('voter_id = ?', filter.voterId);
  if (filter.channel !== undefined) add('channel = ?', filter.channel);
  if (filter.kind !== undefined) add('kind = ?', filter.kind);
  if (filter.address !== undefined) add('address = ?', filter.address);
  if (filter.afterId !== undefined) add('id > ?', filter.afterId);
  params.push(Math.min(Math.max(filter.limit ?? 100, 1), 1000));
  const { rows } = await db.query<{ id: string; message_id: string; channel: Channel; address: string; voter_id: string | null; kind: MessageKind; language: Language; subject: string | null; body: string; payload: Record<string, unknown>; created_at: Date }>(
    `SELECT id::text AS id, message_id::text AS message_id, channel, address, voter_id, kind, language, subject, body, payload, created_at
     FROM outbox ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({ id: r.id, messageId: r.message_id, channel: r.channel, address: r.address, voterId: r.voter_id, kind: r.kind, language: r.language, subject: r.subject, body: r.body, payload: r.payload, createdAt: r.created_at }));
}

export interface MessageSummary {
  id: string;
  key: string;
  voterId: string | null;
  electionId: string | null;
  ballotId: string | null;
  kind: MessageKind;
  reason: string;
  channel: Channel;
  language: Language;
  status: MessageStatus;
  statusReason: string | null;
  error: unknown;
  notBefore: Date;
  attempts: number;
  provider: ProviderName | null;
  providerMessageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** Messages of a voter (or of everyone, newest first), with status and error: what happened to each. */
export async function listMessages(db: Queryable, filter: { voterId?: string; status?: MessageStatus; limit?: number } = {}): Promise<MessageSummary[]> {
  const { rows } = await db.query(
    `SELECT id::text AS id, key, voter_id, election_id, ballot_id, kind, reason, channel, language, status, status_reason, error, not_before,
            attempts, provider, provider_message_id, created_at, sent_at
     FROM messages WHERE ($1::text IS NULL OR voter_id = $1) AND ($2::text IS NULL OR status = $2)
     ORDER BY id DESC LIMIT $3`,
    [filter.voterId ?? null, filter.status ?? null, Math.min(Math.max(filter.limit ?? 100, 1), 1000)],
  );
  return rows.map((r) => ({
    id: r.id, key: r.key, voterId: r.voter_id, electionId: r.election_id, ballotId: r.ballot_id, kind: r.kind, reason: r.reason,
    channel: r.channel, language: r.language, status: r.status, statusReason: r.status_reason, error: r.error, notBefore: r.not_before,
    attempts: r.attempts, provider: r.provider, providerMessageId: r.provider_message_id, createdAt: r.created_at, sentAt: r.sent_at,
  }));
}

/** Message counts by status (and by kind for render failures): the health view. */
export async function messageCounts(db: Queryable): Promise<Record<string, number>> {
  const { rows } = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM messages GROUP BY status ORDER BY status');
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
