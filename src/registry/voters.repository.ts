import type pg from 'pg';
import type { Queryable } from '../db/pool.ts';

/**
 * Set-based SQL of the voter merge. Everything here runs inside the import's transaction
 * on the staging table `voter_staging` that the import filled with COPY.
 */

export async function createVoterStaging(client: Queryable): Promise<void> {
  await client.query(`CREATE TEMP TABLE voter_staging (
    line int NOT NULL, voter_id text NOT NULL, county_code text NOT NULL,
    first_name text, middle_name text, last_name text, suffix text, first_key text, last_key text,
    dob date, zip char(5), status text NOT NULL, confidential boolean NOT NULL,
    email text, phone text, language text, source_updated_at timestamptz NOT NULL
  ) ON COMMIT DROP`);
  await client.query('CREATE TEMP TABLE voter_rejected_ids (voter_id text) ON COMMIT DROP');
}

export const VOTER_STAGING_COPY = 'COPY voter_staging (line, voter_id, county_code, first_name, middle_name, last_name, suffix, first_key, last_key, dob, zip, status, confidential, email, phone, language, source_updated_at) FROM STDIN';

/** Removes every row whose voter ID already appeared on an earlier line; returns them as rejects. */
export async function rejectDuplicateIds(client: Queryable): Promise<Array<{ line: number; reason: string }>> {
  const { rows } = await client.query<{ line: number; first_line: number }>(`
    WITH dup AS (SELECT voter_id FROM voter_staging GROUP BY voter_id HAVING count(*) > 1),
    ranked AS (
      SELECT s.line, min(s.line) OVER (PARTITION BY s.voter_id) AS first_line
      FROM voter_staging s JOIN dup USING (voter_id)
    )
    DELETE FROM voter_staging s USING ranked r
    WHERE s.line = r.line AND r.line <> r.first_line
    RETURNING s.line, r.first_line`);
  return rows.map((r) => ({ line: r.line, reason: `duplicate voter_id (first seen on line ${r.first_line})` }));
}

export async function recordRejectedIds(client: Queryable, voterIds: readonly string[]): Promise<void> {
  if (voterIds.length === 0) return;
  await client.query('INSERT INTO voter_rejected_ids SELECT unnest($1::text[])', [voterIds]);
}

/** Counts the voters a full file of `county` would mark removed. */
export async function countFullRemovals(client: Queryable, county: string): Promise<{ removals: number; active: number }> {
  const { rows } = await client.query<{ removals: number; active: number }>(`
    SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM voter_staging s WHERE s.voter_id = v.voter_id)
                              AND NOT EXISTS (SELECT 1 FROM voter_rejected_ids r WHERE r.voter_id = v.voter_id))::int AS removals,
           count(*)::int AS active
    FROM voters v WHERE v.county_code = $1 AND v.removed_at IS NULL`, [county]);
  return rows[0]!;
}

/**
 * Records the changes subscriptions care about (moved county, status, became confidential,
 * came back after removal), for rows that will win the merge (not older than what we hold).
 */
export async function recordRegistryChanges(client: Queryable, runId: number): Promise<number> {
  const r = await client.query(`
    INSERT INTO registry_changes (run_id, voter_id, old_county_code, new_county_code, old_status, new_status, became_confidential)
    SELECT $1, s.voter_id, v.county_code, s.county_code, v.status, s.status, s.confidential AND NOT v.confidential
    FROM voter_staging s JOIN voters v USING (voter_id)
    WHERE s.source_updated_at >= v.source_updated_at
      AND (v.county_code <> s.county_code OR v.status <> s.status OR (s.confidential AND NOT v.confidential) OR v.removed_at IS NOT NULL)`,
  [runId]);
  return r.rowCount ?? 0;
}

/**
 * Upserts staging into voters. A row older than the record we hold (by the voter database's
 * own timestamp) never overwrites it, so re-importing an old file cannot roll the registry back;
 * an identical row writes nothing.
 */
export async function mergeVoters(client: Queryable): Promise<{ inserted: number; updated: number }> {
  const { rows } = await client.query<{ inserted: number; updated: number }>(`
    WITH up AS (
      INSERT INTO voters AS v (voter_id, county_code, first_name, middle_name, last_name, suffix, first_key, last_key,
                               dob, zip, status, confidential, email, phone, language, source_updated_at)
      SELECT voter_id, county_code, first_name, middle_name, last_name, suffix, first_key, last_key,
             dob, zip, status, confidential, email, phone, language, source_updated_at
      FROM voter_staging
      ON CONFLICT (voter_id) DO UPDATE SET
        county_code = EXCLUDED.county_code, first_name = EXCLUDED.first_name, middle_name = EXCLUDED.middle_name,
        last_name = EXCLUDED.last_name, suffix = EXCLUDED.suffix, first_key = EXCLUDED.first_key, last_key = EXCLUDED.last_key,
        dob = EXCLUDED.dob, zip = EXCLUDED.zip, status = EXCLUDED.status, confidential = EXCLUDED.confidential,
        email = EXCLUDED.email, phone = EXCLUDED.phone, language = EXCLUDED.language,
        source_updated_at = EXCLUDED.source_updated_at, removed_at = NULL, updated_at = now()
      WHERE EXCLUDED.source_updated_at >= v.source_updated_at
        AND (v.removed_at IS NOT NULL OR
             (v.county_code, v.first_name, v.middle_name, v.last_name, v.suffix, v.dob, v.zip, v.status, v.confidential, v.email, v.phone, v.language)
             IS DISTINCT FROM
             (EXCLUDED.county_code, EXCLUDED.first_name, EXCLUDED.middle_name, EXCLUDED.last_name, EXCLUDED.suffix, EXCLUDED.dob, EXCLUDED.zip,
              EXCLUDED.status, EXCLUDED.confidential, EXCLUDED.email, EXCLUDED.phone, EXCLUDED.language))
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`);
  return rows[0]!;
}

/** Full file: voters of the county that the file no longer lists are marked removed (never deleted). */
export async function markMissingRemoved(client: Queryable, runId: number, county: string): Promise<number> {
  const r = await client.query(`
    WITH gone AS (
      UPDATE voters v SET removed_at = now(), updated_at = now()
      WHERE v.county_code = $2 AND v.removed_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM voter_staging s WHERE s.voter_id = v.voter_id)
        AND NOT EXISTS (SELECT 1 FROM voter_rejected_ids r WHERE r.voter_id = v.voter_id)
      RETURNING v.voter_id, v.county_code, v.status
    )
    INSERT INTO registry_changes (run_id, voter_id, old_county_code, new_county_code, old_status, new_status, removed)
    SELECT $1, voter_id, county_code, county_code, status, status, true FROM gone`, [runId, county]);
  return r.rowCount ?? 0;
}

export async function countStaging(client: Queryable): Promise<number> {
  return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM voter_staging')).rows[0]!.n;
}

export type VoterRecord = {
  voter_id: string; county_code: string; first_name: string | null; middle_name: string | null; last_name: string | null;
  suffix: string | null; first_key: string | null; last_key: string | null; dob: string | null; zip: string | null;
  status: string; confidential: boolean; email: string | null; phone: string | null; language: string | null;
  source_updated_at: Date; removed_at: Date | null;
};

export async function getVoter(db: Queryable, voterId: string): Promise<VoterRecord | null> {
  return (await db.query<VoterRecord>('SELECT * FROM voters WHERE voter_id = $1', [voterId])).rows[0] ?? null;
}

export type { pg };
