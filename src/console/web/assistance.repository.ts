/**
 * What voter assistance reads from the registry and the subscriptions, always inside the
 * member's county scope (`scope` null = every county): a voter of another county is simply
 * not found. Plain parameterised SQL.
 */
import type { Queryable } from '../../db/pool.ts';
import type { VoterStatus } from '../../persisted.ts';
import type { CandidateVoter } from '../../subscriptions/matching.ts';

export interface VoterRecord {
  voterId: string;
  countyCode: string;
  countyName: string;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  suffix: string | null;
  dob: string | null;
  zip: string | null;
  status: VoterStatus;
  confidential: boolean;
  language: string | null;
  removedAt: Date | null;
  sourceUpdatedAt: Date;
}

interface VoterRow {
  voter_id: string; county_code: string; county_name: string; first_name: string | null; middle_name: string | null; last_name: string | null;
  suffix: string | null; dob: string | null; zip: string | null; status: VoterStatus; confidential: boolean; language: string | null;
  removed_at: Date | null; source_updated_at: Date; first_key: string | null; last_key: string | null;
}

const COLUMNS = `v.voter_id, v.county_code, c.name AS county_name, v.first_name, v.middle_name, v.last_name, v.suffix,
  to_char(v.dob, 'YYYY-MM-DD') AS dob, v.zip, v.status, v.confidential, v.language, v.removed_at, v.source_updated_at, v.first_key, v.last_key`;

const toRecord = (r: VoterRow): VoterRecord => ({
  voterId: r.voter_id, countyCode: r.county_code, countyName: r.county_name, firstName: r.first_name, middleName: r.middle_name,
  lastName: r.last_name, suffix: r.suffix, dob: r.dob, zip: r.zip, status: r.status, confidential: r.confidential,
  language: r.language, removedAt: r.removed_at, sourceUpdatedAt: r.source_updated_at,
});

const scopeArg = (scope: readonly string[] | null): string[] | null => (scope === null ? null : [...scope]);

/** One voter of the scope by voter ID (exact), or null. */
export async function findVoter(db: Queryable, voterId: string, scope: readonly string[] | null): Promise<VoterRecord | null> {
  const { rows } = await db.query<VoterRow>(
    `SELECT ${COLUMNS} FROM voters v JOIN counties c ON c.code = v.county_code
      WHERE v.voter_id = $1 AND ($2::text[] IS NULL OR v.county_code = ANY($2))`, [voterId, scopeArg(scope)]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Voters of the scope with these match keys (any given; at least last name, or DOB with first name), at most `limit`. */
export async function searchVoters(db: Queryable, q: { firstKey?: string; lastKey?: string; dob?: string; zip5?: string }, scope: readonly string[] | null, limit = 50): Promise<VoterRecord[]> {
  const { rows } = await db.query<VoterRow>(
    `SELECT ${COLUMNS} FROM voters v JOIN counties c ON c.code = v.county_code
      WHERE NOT v.confidential AND v.removed_at IS NULL
        AND ($1::text IS NULL OR v.first_key = $1) AND ($2::text IS NULL OR v.last_key = $2)
        AND ($3::date IS NULL OR v.dob = $3) AND ($4::text IS NULL OR v.zip = $4)
        AND ($5::text[] IS NULL OR v.county_code = ANY($5))
      ORDER BY v.last_key, v.first_key, v.voter_id LIMIT $6`,
    [q.firstKey ?? null, q.lastKey ?? null, q.dob ?? null, q.zip5 ?? null, scopeArg(scope), limit]);
  return rows.map(toRecord);
}

export interface NearRecord extends VoterRecord { candidate: CandidateVoter }

/**
 * Records of the scope that could be the voter who typed these keys: the same last name and
 * ZIP (what sign-up looks at), or the same first name and date of birth (a changed last name
 * or a move), or the typed voter ID. Confidential records carry no name, date or ZIP, so they
 * appear only through their voter ID.
 */
export async function nearRecords(db: Queryable, keys: { firstKey: string; lastKey: string; dob: string; zip5: string; voterId: string | null }, scope: readonly string[] | null, limit = 20): Promise<NearRecord[]> {
  const { rows } = await db.query<VoterRow>(
    `SELECT ${COLUMNS} FROM voters v JOIN counties c ON c.code = v.county_code
      WHERE v.removed_at IS NULL AND ($6::text[] IS NULL OR v.county_code = ANY($6))
        AND ((v.last_key = $2 AND v.zip = $4) OR (v.first_key = $1 AND v.dob = $3::date) OR (v.last_key = $2 AND v.dob = $3::date)
             OR ($5::text IS NOT NULL AND upper(regexp_replace(v.voter_id, '[\\s-]+', '', 'g')) = $5))
      ORDER BY v.voter_id LIMIT $7`,
    [keys.firstKey, keys.lastKey, keys.dob, keys.zip5, keys.voterId, scopeArg(scope), limit]);
  return rows.map((r) => ({
    ...toRecord(r),
    candidate: {
      voterId: r.voter_id, countyCode: r.county_code, firstKey: r.first_key ?? '', lastKey: r.last_key ?? '', dob: r.dob, zip: r.zip,
      status: r.status, confidential: r.confidential, removed: r.removed_at !== null,
    },
  }));
}

export interface ConsentEventView { at: Date; channel: string | null; fromState: string | null; toState: string; source: string; actor: string | null }

/** The consent history of a voter's subscriptions, newest first; a staff member acting for the voter is shown by email. */
export async function consentHistory(db: Queryable, voterId: string, limit = 200): Promise<ConsentEventView[]> {
  const { rows } = await db.query<{ at: Date; channel: string | null; from_state: string | null; to_state: string; source: string; actor: string | null }>(
    `SELECT e.at, e.channel, e.from_state, e.to_state, e.source, coalesce(u.email, e.actor) AS actor
       FROM consent_events e
       LEFT JOIN staff_users u ON u.id = CASE WHEN e.source = 'county_staff' AND e.actor ~ '^[0-9]{1,18}$' THEN e.actor::bigint END
      WHERE e.voter_id = $1 ORDER BY e.id DESC LIMIT $2`, [voterId, limit]);
  return rows.map((r) => ({ at: r.at, channel: r.channel, fromState: r.from_state, toState: r.to_state, source: r.source, actor: r.actor }));
}

/** The id of the voter's live subscription and its channels, or null. */
export async function liveSubscriptionChannels(db: Queryable, voterId: string): Promise<{ id: string; channels: Array<{ channel: string; consent: string }> } | null> {
  const { rows } = await db.query<{ id: string; channels: Array<{ channel: string; consent: string }> }>(
    `SELECT s.id::text AS id, coalesce((SELECT json_agg(json_build_object('channel', c.channel, 'consent', c.consent) ORDER BY c.channel)
                                       FROM subscription_channels c WHERE c.subscription_id = s.id), '[]'::json) AS channels
       FROM subscriptions s WHERE s.voter_id = $1 AND s.state <> 'ended'`, [voterId]);
  return rows[0] ?? null;
}
