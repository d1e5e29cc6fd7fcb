/**
 * Test data for the notification engine's integration tests, written with plain SQL into
 * the other domains' tables (their services are built in parallel). Not used by the app.
 */
import type { Queryable } from '../db/pool.ts';
import type { BallotMessageKind, Channel, Language } from '../persisted.ts';

export const COUNTY = '19'; // Los Angeles in the California profile

/** Gives a county the contact details messages need. */
export async function countyContacts(db: Queryable, code = COUNTY): Promise<void> {
  await db.query(
    `UPDATE counties SET phone = '(800) 815-2666', email = 'votebymail@rrcc.example.gov', website = 'https://lavote.example.gov' WHERE code = $1`,
    [code],
  );
}

export async function election(db: Queryable, input: { id?: string; date?: string; kind?: 'statewide' | 'special' | 'local'; counties?: string[]; trackingStart?: string | null } = {}): Promise<string> {
  const id = input.id ?? 'G2026';
  await db.query(
    `INSERT INTO elections (id, name, election_date, kind) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
    [id, 'November 3, 2026 Statewide General Election', input.date ?? '2026-11-03', input.kind ?? 'statewide'],
  );
  for (const c of input.counties ?? [COUNTY]) {
    await db.query(
      `INSERT INTO county_participation (election_id, county_code, participating, tracking_start) VALUES ($1, $2, true, $3)
       ON CONFLICT (election_id, county_code) DO UPDATE SET participating = true, tracking_start = EXCLUDED.tracking_start`,
      [id, c, input.trackingStart ?? null],
    );
  }
  return id;
}

export interface VoterInput {
  voterId: string;
  firstName?: string;
  lastName?: string;
  county?: string;
  language?: Language;
  timeZone?: string;
  hours?: { start: string; end: string };
  channels: Partial<Record<Channel, string>>;
  needsYes?: boolean;
  yesConfirmed?: boolean;
  consent?: 'pending' | 'active' | 'opted_out' | 'undeliverable';
}

/** A voter with a live, active subscription and active channels. Returns the subscription id. */
export async function subscribedVoter(db: Queryable, v: VoterInput): Promise<string> {
  const county = v.county ?? COUNTY;
  await db.query(
    `INSERT INTO voters (voter_id, county_code, first_name, last_name, first_key, last_key, dob, zip, status, source_updated_at)
     VALUES ($1, $2, $3, $4, lower($3), lower($4), '1980-01-01', '90012', 'ACTIVE', now()) ON CONFLICT (voter_id) DO NOTHING`,
    [v.voterId, county, v.firstName ?? 'Ana', v.lastName ?? `Voter${v.voterId}`],
  );
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO subscriptions (voter_id, county_code, state, language, time_zone, hours_start, hours_end, source)
     VALUES ($1, $2, 'active', $3, $4, $5, $6, 'web') RETURNING id::text AS id`,
    [v.voterId, county, v.language ?? 'en', v.timeZone ?? 'America/Los_Angeles', v.hours?.start ?? '08:00', v.hours?.end ?? '20:00'],
  );
  const id = rows[0]!.id;
  for (const [channel, address] of Object.entries(v.channels)) {
    await db.query(
      `INSERT INTO subscription_channels (subscription_id, channel, address, consent, needs_yes, yes_confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, channel, address, v.consent ?? 'active', channel === 'sms' && (v.needsYes ?? false), v.yesConfirmed ? new Date('2026-09-01T00:00:00Z') : null],
    );
  }
  return id;
}

export async function importRun(db: Queryable, kind = 'ballots'): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`INSERT INTO import_runs (kind, source, mode, status) VALUES ($1, 'test', 'delta', 'done') RETURNING id::text AS id`, [kind]);
  return rows[0]!.id;
}

export async function ballot(db: Queryable, b: { electionId?: string; ballotId: string; voterId: string; county?: string; sentDate?: string | null; statusCode?: string | null; reason?: string | null; cureDeadline?: string | null }): Promise<void> {
  await db.query(
    `INSERT INTO ballots (election_id, ballot_id, voter_id, county_code, issued_date, sent_date, status_code, status_reason, cure_deadline)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8)
     ON CONFLICT (election_id, ballot_id) DO UPDATE SET sent_date = EXCLUDED.sent_date, status_code = EXCLUDED.status_code,
       status_reason = EXCLUDED.status_reason, cure_deadline = EXCLUDED.cure_deadline`,
    [b.electionId ?? 'G2026', b.ballotId, b.voterId, b.county ?? COUNTY, b.sentDate ?? null, b.statusCode ?? null, b.reason ?? null, b.cureDeadline ?? null],
  );
}

export async function ballotEvent(db: Queryable, e: { electionId?: string; ballotId: string; voterId: string; county?: string; kind: BallotMessageKind; reason: string; occurredAt: Date; runId: string | null; source?: 'feed' | 'imb' | 'participation'; details?: Record<string, string> }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO ballot_events (election_id, ballot_id, voter_id, county_code, kind, reason, occurred_at, source, run_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::text AS id`,
    [e.electionId ?? 'G2026', e.ballotId, e.voterId, e.county ?? COUNTY, e.kind, e.reason, e.occurredAt, e.source ?? (e.reason === 'scan' ? 'imb' : 'feed'), e.runId, JSON.stringify(e.details ?? {})],
  );
  return rows[0]!.id;
}

export async function messagesOf(db: Queryable, voterId: string): Promise<Array<{ id: string; key: string; kind: string; reason: string; channel: string; status: string; status_reason: string | null; not_before: Date; language: string }>> {
  const { rows } = await db.query(
    'SELECT id::text AS id, key, kind, reason, channel, status, status_reason, not_before, language FROM messages WHERE voter_id = $1 ORDER BY id',
    [voterId],
  );
  return rows;
}

/** Ids of messages that are planned and due at `now`. */
export async function dueMessageIds(db: Queryable, now: Date): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>("SELECT id::text AS id FROM messages WHERE status = 'planned' AND not_before <= $1 ORDER BY id", [now]);
  return rows.map((r) => r.id);
}
