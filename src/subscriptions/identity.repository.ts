/**
 * The read-and-reserve of one identity attempt, in one round trip (the hot path of sign-up and
 * log-in): reserve the attempt under the throttle keys, read the client counter, the registry
 * candidates and which of the form's addresses are on the do-not-contact list.
 */
import type { Queryable } from '../db/pool.ts';
import type { CandidateVoter, ParsedIdentity } from './matching.ts';
import type { ThrottleCounter, ThrottleKeys } from './throttle.ts';

export interface IdentityLookup {
  /** Counters as they were BEFORE this attempt (what throttleDecision judges). */
  counters: ThrottleCounter[];
  candidates: Array<CandidateVoter & { language: string | null }>;
  /** True when no record matched and the client's failure was already counted by this statement. */
  clientFailureCounted: boolean;
  /** The subset of the given addresses on do_not_contact. */
  doNotContact: Set<string>;
}

const closed = (col: string): string => `${col} <= $2::timestamptz - $3::float8 * interval '1 millisecond'`;
const upsertCounter = (source: string): string => `
       INSERT INTO identity_throttle AS t (key, window_start, failures)
       ${source}
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN ${closed('t.window_start')} THEN 1 ELSE t.failures + 1 END,
         window_start = CASE WHEN ${closed('t.window_start')} THEN $2::timestamptz ELSE t.window_start END
       RETURNING t.key, t.window_start, t.failures - 1 AS failures`;

/**
 * - Reserve: +1 under the name/ZIP and pair keys, atomically (an upsert), so parallel guesses at
 *   one voter cannot all pass a check made before any failure is recorded (throttle.ts). A key
 *   whose window closed starts a new one at `now`.
 * - Candidates: the registry records with the same last-name key and ZIP (the partial index
 *   voters_match_idx), narrowed to the same first-name key and DOB — matchIdentity applies the
 *   same test, so the attempt is a `no_match` exactly when there are none, and then the client's
 *   failure is counted here too (a miss costs one round trip).
 * - Do-not-contact status of the addresses the form carries.
 */
export async function lookupIdentity(db: Queryable, q: { keys: ThrottleKeys; now: Date; windowMs: number; identity: ParsedIdentity; addresses: readonly string[] }): Promise<IdentityLookup> {
  const { rows } = await db.query<{
    counters: Array<{ key: string; window_start: string; failures: number }>;
    candidates: Array<{ voter_id: string; county_code: string; first_key: string; last_key: string; dob: string; zip: string; status: CandidateVoter['status']; language: string | null }>;
    client_counted: boolean; blocked: string[];
  }>({
    // Named: prepared once per connection, so the hot path skips parse and plan.
    name: 'subscriptions.lookup-identity',
    text: `WITH cand AS (
       SELECT voter_id, county_code, first_key, last_key, dob, zip, status, language FROM voters
        WHERE last_key = $5 AND zip = $6 AND NOT confidential AND removed_at IS NULL AND first_key = $7 AND dob = $8::date
     ), reserved AS (${upsertCounter('SELECT k, $2::timestamptz, 1 FROM unnest($1::text[]) AS k ORDER BY k')}
     ), client_failure AS (${upsertCounter('SELECT $4, $2::timestamptz, 1 WHERE NOT EXISTS (SELECT 1 FROM cand)')}
     )
     SELECT
       (SELECT coalesce(json_agg(c), '[]'::json) FROM (
          SELECT key, window_start, failures FROM reserved
          UNION ALL SELECT key, window_start, failures FROM client_failure
          UNION ALL SELECT key, window_start, failures FROM identity_throttle WHERE key = $4 AND NOT EXISTS (SELECT 1 FROM client_failure)) c) AS counters,
       (SELECT coalesce(json_agg(cand), '[]'::json) FROM cand) AS candidates,
       EXISTS (SELECT 1 FROM client_failure) AS client_counted,
       (SELECT coalesce(array_agg(address), '{}') FROM do_not_contact WHERE address = ANY($9::text[])) AS blocked`,
    values: [[q.keys.nameZip, q.keys.pair].sort(), q.now, q.windowMs, q.keys.client, q.identity.lastKey, q.identity.zip5, q.identity.firstKey, q.identity.dob, q.addresses],
  });
  const r = rows[0]!;
  return {
    counters: r.counters.map((c) => ({ key: c.key, windowStart: new Date(c.window_start), failures: c.failures })),
    candidates: r.candidates.map((v) => ({
      voterId: v.voter_id, countyCode: v.county_code, firstKey: v.first_key, lastKey: v.last_key, dob: v.dob, zip: v.zip, status: v.status,
      confidential: false, removed: false, language: v.language,
    })),
    clientFailureCounted: r.client_counted,
    doNotContact: new Set(r.blocked),
  };
}
