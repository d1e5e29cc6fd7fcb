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

/** Serialises voter imports: two merges of the same voters at once would race on inserts. */
export async function lockVoterImports(client: Queryable): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(7400413002)');
}

/**
 * Finds, with one join, the staged rows that are new or differ from the record we hold. A row
 * older than our record (by the voter database's own timestamp) never wins, so re-importing an
 * old file cannot roll the registry back; an identical row is left out, so a re-import or a
 * daily delta writes only what changed.
 */
export async function findChangedVoters(client: Queryable): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE voter_changed ON COMMIT DROP AS
    SELECT s.*, v.voter_id IS NULL AS is_new, v.county_code AS old_county_code, v.status AS old_status,
           coalesce(v.confidential, false) AS old_confidential, v.removed_at IS NOT NULL AS was_removed
    FROM voter_staging s LEFT JOIN voters v USING (voter_id)
    WHERE v.voter_id IS NULL
       OR (s.source_updated_at >= v.source_updated_at AND (v.removed_at IS NOT NULL OR
           (v.county_code, v.first_name, v.middle_name, v.last_name, v.suffix, v.dob, v.zip, v.status, v.confidential, v.email, v.phone, v.language)
           IS DISTINCT FROM
           (s.county_code, s.first_name, s.middle_name, s.last_name, s.suffix, s.dob, s.zip, s.status, s.confidential, s.email, s.phone, s.language)))`);
}

/** Records the changes subscriptions care about: moved county, status, became confidential, came back. */
export async function recordRegistryChanges(client: Queryable, runId: number): Promise<number> {
  const r = await client.query(`
    INSERT INTO registry_changes (run_id, voter_id, old_county_code, new_county_code, old_status, new_status, became_confidential)
    SELECT $1, voter_id, old_county_code, county_code, old_status, status, confidential AND NOT old_confidential
    FROM voter_changed
    WHERE NOT is_new AND (old_county_code <> county_code OR old_status <> status OR (confidential AND NOT old_confidential) OR was_removed)`,
  [runId]);
  return r.rowCount ?? 0;
}

/**
 * A load is "bulk" when it at least doubles a registry of some size: the first load of a state
 * or a county. Then the indexes (the primary key too) and the foreign keys on and to `voters`
 * are set aside for the insert and rebuilt after it (a sort per index and one anti-join per key,
 * instead of a million index insertions and a million per-row key checks). It holds an exclusive
 * lock on `voters` until the import commits, so a bulk load pauses sign-up lookups for its last
 * seconds; a daily file is never bulk.
 */
export const BULK_MIN_NEW_ROWS = 100_000;

export async function isBulkLoad(client: Queryable, minNewRows = BULK_MIN_NEW_ROWS): Promise<boolean> {
  const { rows } = await client.query<{ new_rows: number; live: number }>(`
    SELECT (SELECT count(*) FROM voter_changed WHERE is_new)::int AS new_rows,
           (SELECT count(*) FROM (SELECT 1 FROM voters WHERE removed_at IS NULL LIMIT $1) l)::int AS live`, [minNewRows * 10]);
  const { new_rows: newRows, live } = rows[0]!;
  return newRows >= minNewRows && newRows >= live;
}

/** True while the registry holds no voter at all (removed ones included): the state's first load. */
export async function registryIsEmpty(client: Queryable): Promise<boolean> {
  return (await client.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM voters) AS empty')).rows[0]!.empty;
}

/** The indexes and keys of `voters` that `setIndexesAside` dropped, as the catalogue defined them. */
interface SetAside {
  indexes: Array<{ name: string; def: string }>;
  /** Foreign keys to voters, then voters' own foreign keys, then its primary key: the order they were dropped in. */
  constraints: Array<{ table: string; name: string; def: string }>;
}

/**
 * Drops the indexes of `voters` (the primary key too) and the foreign keys on it and to it,
 * remembering their own definitions as read from the catalogue (so a later migration's index or
 * key is rebuilt too). Everything is inside the import's transaction: on failure the catalogue
 * rolls back with the data.
 */
async function setIndexesAside(client: Queryable): Promise<SetAside> {
  const { rows: indexes } = await client.query<{ name: string; def: string }>(`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i
     WHERE i.indrelid = 'voters'::regclass AND NOT i.indisunique
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`);
  const constraints = async (where: string) => (await client.query<{ table: string; name: string; def: string }>(`
    SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE ${where} ORDER BY conrelid::regclass::text, conname`)).rows;
  const referencing = await constraints("confrelid = 'voters'::regclass AND contype = 'f'");
  const own = await constraints("conrelid = 'voters'::regclass AND contype IN ('p', 'f')");
  const aside: SetAside = { indexes, constraints: [...referencing, ...own.filter((c) => !isPrimaryKey(c)), ...own.filter(isPrimaryKey)] };
  for (const c of aside.constraints) await client.query(`ALTER TABLE ${c.table} DROP CONSTRAINT ${quoteIdent(c.name)}`);
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.name}`);
  return aside;
}

const isPrimaryKey = (c: { def: string }): boolean => c.def.startsWith('PRIMARY KEY');

/** Rebuilds the primary key set aside; fails with unique_violation (23505) when a voter ID is there twice. */
async function rebuildPrimaryKey(client: Queryable, aside: SetAside): Promise<void> {
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  for (const c of aside.constraints.filter(isPrimaryKey)) await client.query(`ALTER TABLE ${c.table} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.def}`);
}

/** Rebuilds the other indexes, then the foreign keys (re-adding one validates every row in one query). */
async function rebuildIndexesAndKeys(client: Queryable, aside: SetAside): Promise<void> {
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  for (const ix of aside.indexes) await client.query(ix.def);
  for (const c of [...aside.constraints].reverse().filter((c) => !isPrimaryKey(c))) await client.query(`ALTER TABLE ${c.table} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.def}`);
}

/** Runs `insert` with the indexes and keys of `voters` set aside (see `isBulkLoad`), and rebuilds them. */
async function withIndexesSetAside<T>(client: Queryable, insert: () => Promise<T>): Promise<T> {
  const aside = await setIndexesAside(client);
  const result = await insert();
  await rebuildPrimaryKey(client, aside);
  await rebuildIndexesAndKeys(client, aside);
  return result;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const VOTER_COLUMNS = `voter_id, county_code, first_name, middle_name, last_name, suffix, first_key, last_key,
  dob, zip, status, confidential, email, phone, language, source_updated_at`;

/**
 * Inserts the new voters and updates the changed ones, each stamped with the run and the line
 * of the file that wrote it. A normal merge inserts in key order, kinder to the primary key's
 * index; a bulk load (see `isBulkLoad`) inserts in file order without the indexes and rebuilds
 * them.
 */
export async function mergeVoters(client: Queryable, runId: number, options: { bulk?: boolean } = {}): Promise<{ inserted: number; updated: number }> {
  const insert = `INSERT INTO voters (${VOTER_COLUMNS}, source_run_id, source_line) SELECT ${VOTER_COLUMNS}, $1, line FROM voter_changed WHERE is_new`;
  const inserted = options.bulk
    ? await withIndexesSetAside(client, () => client.query(insert, [runId]))
    : await client.query(`${insert} ORDER BY voter_id`, [runId]);
  const updated = await client.query(`
    UPDATE voters v SET
      county_code = c.county_code, first_name = c.first_name, middle_name = c.middle_name, last_name = c.last_name,
      suffix = c.suffix, first_key = c.first_key, last_key = c.last_key, dob = c.dob, zip = c.zip, status = c.status,
      confidential = c.confidential, email = c.email, phone = c.phone, language = c.language,
      source_updated_at = c.source_updated_at, removed_at = NULL, updated_at = now(), source_run_id = $1, source_line = c.line
    FROM voter_changed c WHERE c.voter_id = v.voter_id AND NOT c.is_new`, [runId]);
  return { inserted: inserted.rowCount ?? 0, updated: updated.rowCount ?? 0 };
}

// ---------------------------------------------------------------- the state's first load

/**
 * The state's first load of a big file (the registry empty, see `importVoters`) streams the
 * file's rows straight into `voters`, with no staging table and no diff: there is nothing to
 * compare with. The same row layout as VOTER_STAGING_COPY, plus the run.
 */
export const FIRST_LOAD_COPY = `COPY voters (source_line, ${VOTER_COLUMNS}, source_run_id) FROM STDIN`;

export type FirstLoad = SetAside;

/** Before the first load's COPY: sets the indexes and keys of `voters` aside (rebuilt by `finishFirstLoad`). */
export function startFirstLoad(client: Queryable): Promise<FirstLoad> {
  return setIndexesAside(client);
}

/**
 * After the first load's COPY: rebuilds the primary key. When it finds a voter ID given twice
 * (a savepoint undoes the failed build), every line of that ID after its first is removed and
 * returned as a reject, and the key is built again. Then the other indexes and the keys.
 */
export async function finishFirstLoad(client: Queryable, aside: FirstLoad): Promise<{ inserted: number; duplicates: Array<{ line: number; reason: string }> }> {
  let duplicates: Array<{ line: number; reason: string }> = [];
  await client.query('SAVEPOINT first_load_key');
  try {
    await rebuildPrimaryKey(client, aside);
    await client.query('RELEASE SAVEPOINT first_load_key');
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err; // unique_violation: a voter ID twice
    await client.query('ROLLBACK TO SAVEPOINT first_load_key');
    const { rows } = await client.query<{ line: number; first_line: number }>(`
      WITH ranked AS (
        SELECT voter_id, source_line, min(source_line) OVER (PARTITION BY voter_id) AS first_line
          FROM voters WHERE voter_id IN (SELECT voter_id FROM voters GROUP BY voter_id HAVING count(*) > 1)
      )
      DELETE FROM voters v USING ranked r
       WHERE v.voter_id = r.voter_id AND v.source_line = r.source_line AND r.source_line <> r.first_line
      RETURNING v.source_line AS line, r.first_line`);
    duplicates = rows.map((r) => ({ line: r.line, reason: `duplicate voter_id (first seen on line ${r.first_line})` }));
    await rebuildPrimaryKey(client, aside);
  }
  await rebuildIndexesAndKeys(client, aside);
  const inserted = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM voters')).rows[0]!.n;
  return { inserted, duplicates };
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
  source_updated_at: Date; removed_at: Date | null; source_run_id: number | null; source_line: number | null;
};

export async function getVoter(db: Queryable, voterId: string): Promise<VoterRecord | null> {
  return (await db.query<VoterRecord>('SELECT * FROM voters WHERE voter_id = $1', [voterId])).rows[0] ?? null;
}

export type { pg };
