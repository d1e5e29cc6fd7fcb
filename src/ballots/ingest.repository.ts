/**
 * Set-based SQL of the ballot-status ingest. Everything runs inside the ingest's transaction
 * on the TEMP table `ballot_staging` that COPY filled, in this order:
 *
 *   buildDiff        staging ⋈ ballots → `ballot_diff`: each status row classified against the
 *                    ballot's current status (new / changed / unchanged / late / unknown_code)
 *   rejectConflicts  rows whose ballot belongs to another voter or county
 *   markRepeats      late rows we already hold in the history (an old file sent again)
 *   countyImpacts    what the ingest would change per county (the guardrail's input)
 *   — hold here (storeHeldRows), or apply: —
 *   insertNewBallots, updateBallots, insertHistory, insertStatusEvents, insertSentDateEvents,
 *   applyParticipation
 *
 * Classification is classifyStatusChange (status.ts) written in SQL (`classifySql`); a test
 * runs both over the same cases. The message kind of a code and the life stage come from
 * status.ts, so the table stays in one place.
 *
 * Rows of one ballot in one ingest are applied in the order (status date, life stage, line):
 * row k is compared with row k-1 when row k-1 moved the ballot on, otherwise with the status
 * the ballot had before the ingest. Unknown codes stand aside: they are recorded, never current.
 */
import type { Queryable } from '../db/pool.ts';
import { PARTICIPATION_METHODS, STATUS_CODES } from '../persisted.ts';
import { lifeStage, STATUS_MESSAGE } from './status.ts';
import type { CountyImpact } from './guardrail.ts';

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const BALLOT_CODES = STATUS_CODES.filter((c) => !(PARTICIPATION_METHODS as readonly string[]).includes(c));
const BALLOT_CODES_SQL = `(${BALLOT_CODES.map(quote).join(', ')})`;
const PARTICIPATION_SQL = `(${PARTICIPATION_METHODS.map(quote).join(', ')})`;

/** SQL CASE: the life stage of a code column (status.ts lifeStage). */
export function stageSql(code: string): string {
  return `(CASE ${code} ${BALLOT_CODES.map((c) => `WHEN ${quote(c)} THEN ${lifeStage(c)}`).join(' ')} ELSE 3 END)`;
}

/** SQL CASE: the message kind of a known code (status.ts STATUS_MESSAGE). */
function kindSql(code: string): string {
  return `(CASE ${code} ${BALLOT_CODES.map((c) => `WHEN ${quote(c)} THEN ${quote(STATUS_MESSAGE[c])}`).join(' ')} END)`;
}

export interface StatusCols { code: string; ts: string; day: string; dateOnly: string }

/**
 * classifyStatusChange(current, incoming) in SQL. Timestamps are compared as instants when
 * both are timestamps, by calendar date (as written) when either is a bare date; a tie on the
 * date is 'unchanged' for the same code, else 'late' when the incoming code is an earlier
 * stage of the ballot's life, else 'changed'.
 */
export function classifySql(cur: StatusCols, inc: StatusCols): string {
  const byDate = `(${cur.dateOnly} OR ${inc.dateOnly})`;
  return `(CASE WHEN ${cur.code} IS NULL THEN 'new'
    WHEN (CASE WHEN ${byDate} THEN ${inc.day} < ${cur.day} ELSE ${inc.ts} < ${cur.ts} END) THEN 'late'
    WHEN (CASE WHEN ${byDate} THEN ${inc.day} > ${cur.day} ELSE ${inc.ts} > ${cur.ts} END) THEN 'changed'
    WHEN ${inc.code} = ${cur.code} THEN 'unchanged'
    WHEN ${stageSql(inc.code)} < ${stageSql(cur.code)} THEN 'late'
    ELSE 'changed' END)`;
}

/**
 * What the ingest learns about the staged rows while it streams them, so that SQL need not
 * pass over them again: rows per (election, county), ballot-status rows, and the ballots that
 * may have several rows (a bitmap of hashed keys: every repeat is caught, a few single-row
 * ballots come along, which is harmless).
 */
export interface StagingStats {
  statusRows: number;
  pairs: Array<{ electionId: string; countyCode: string; rows: number }>;
  /** null when there were too many to keep in memory: SQL finds them instead */
  multiKeys: Array<[string, string]> | null;
}

const MAX_MULTI_KEYS = 200_000;

export class StagingStatsCollector {
  #statusRows = 0;
  readonly #pairs = new Map<string, Map<string, number>>();
  readonly #bits = new Uint32Array(1 << 22); // 2^27 bits, 16 MB
  readonly #multi = new Map<string, [string, string]>();
  #overflow = false;

  add(electionId: string, countyCode: string, ballotId: string | null, statusCode: string): void {
    let counties = this.#pairs.get(electionId);
    if (counties === undefined) this.#pairs.set(electionId, counties = new Map());
    counties.set(countyCode, (counties.get(countyCode) ?? 0) + 1);
    if (ballotId === null || (PARTICIPATION_METHODS as readonly string[]).includes(statusCode)) return;
    this.#statusRows++;
    let h = 0x811c9dc5;
    for (let i = 0; i < electionId.length; i++) h = Math.imul(h ^ electionId.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
    for (let i = 0; i < ballotId.length; i++) h = Math.imul(h ^ ballotId.charCodeAt(i), 0x01000193);
    const bit = h >>> 5;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if ((this.#bits[word]! & mask) === 0) this.#bits[word]! |= mask;
    else if (!this.#overflow) {
      this.#multi.set(`${electionId}\u0000${ballotId}`, [electionId, ballotId]);
      if (this.#multi.size > MAX_MULTI_KEYS) {
        this.#overflow = true;
        this.#multi.clear();
      }
    }
  }

  result(): StagingStats {
    const pairs: StagingStats['pairs'] = [];
    for (const [electionId, counties] of this.#pairs) for (const [countyCode, rows] of counties) pairs.push({ electionId, countyCode, rows });
    return { statusRows: this.#statusRows, pairs, multiKeys: this.#overflow ? null : [...this.#multi.values()] };
  }
}

const STAGING_COLUMNS = 'line, voter_id, election_id, ballot_id, county_code, status_code, status_date, status_day, date_only, issued_date, sent_date, reason_text, cure_deadline';

export async function createStaging(client: Queryable): Promise<void> {
  await client.query(`CREATE TEMP TABLE ballot_staging (
    line int NOT NULL, voter_id text NOT NULL, election_id text NOT NULL, ballot_id text, county_code text NOT NULL,
    status_code text NOT NULL, status_date timestamptz NOT NULL, status_day date NOT NULL, date_only boolean NOT NULL,
    issued_date date, sent_date date, reason_text text, cure_deadline date
  ) ON COMMIT DROP`);
}

export const STAGING_COPY = `COPY ballot_staging (${STAGING_COLUMNS}) FROM STDIN`;

export async function analyzeStaging(client: Queryable): Promise<void> {
  await client.query('ANALYZE ballot_staging');
}

const STATUS_ROW = `s.ballot_id IS NOT NULL AND s.status_code NOT IN ${PARTICIPATION_SQL}`;
const DIFF_COLUMNS = `line, voter_id, election_id, ballot_id, county_code, status_code, status_date, status_day, date_only,
  reason_text, cure_deadline, known, stage, b_voter, cur_code, cur_date, cur_sent, is_last, file_sent, file_issued, first_line,
  cls, prev_code, repeat, conflict, reissue_of`;

/**
 * Classifies every ballot-status row (not participation rows) against the ballot's current
 * status into `ballot_diff`. Returns the number of "quiet" rows left out of it: a ballot's only
 * row in this ingest that repeats exactly what we hold (the bulk of a daily snapshot or of a
 * file sent twice) — unchanged, nothing to record.
 *
 * Ballots with one row take a hash join; only ballots with several rows in the ingest are
 * sorted for the window functions that chain their rows (a sort of every row costs more than
 * the rest of the ingest together).
 */
export async function buildDiff(client: Queryable, known: StagingStats | null = null): Promise<{ quiet: number }> {
  const vsCur = classifySql(
    { code: 'cur_code', ts: 'cur_date', day: 'cur_day', dateOnly: 'cur_date_only' },
    { code: 'status_code', ts: 'status_date', day: 'status_day', dateOnly: 'date_only' });
  const vsPrev = classifySql(
    { code: 'p_code', ts: 'p_date', day: 'p_day', dateOnly: 'p_date_only' },
    { code: 'status_code', ts: 'status_date', day: 'status_day', dateOnly: 'date_only' });
  const joined = `SELECT s.*, s.status_code IN ${BALLOT_CODES_SQL} AS known, ${stageSql('s.status_code')} AS stage,
      coalesce(s.issued_date, CASE WHEN s.status_code = 'ISSUED' THEN s.status_day END) AS row_issued,
      b.voter_id AS b_voter, b.county_code AS b_county, b.status_code AS cur_code, b.status_date AS cur_date,
      b.status_day AS cur_day, b.status_date_only AS cur_date_only, b.sent_date AS cur_sent,
      b.issued_date AS cur_issued, b.status_reason AS cur_reason, b.cure_deadline AS cur_cure, b.reissue_of AS cur_reissue_of
    FROM ballot_staging s LEFT JOIN ballots b ON b.election_id = s.election_id AND b.ballot_id = s.ballot_id`;
  const dbConflict = (a: string) => `CASE
      WHEN ${a}.b_voter IS NOT NULL AND ${a}.b_voter <> ${a}.voter_id THEN format('ballot %s of election %s belongs to voter %s, not %s', ${a}.ballot_id, ${a}.election_id, ${a}.b_voter, ${a}.voter_id)
      WHEN ${a}.b_county IS NOT NULL AND ${a}.b_county <> ${a}.county_code THEN format('ballot %s of election %s is of county %s, not %s', ${a}.ballot_id, ${a}.election_id, ${a}.b_county, ${a}.county_code)
    END`;

  await client.query(`CREATE TEMP TABLE ballot_diff (
    line int NOT NULL, voter_id text, election_id text, ballot_id text, county_code text, status_code text,
    status_date timestamptz, status_day date, date_only boolean, reason_text text, cure_deadline date,
    known boolean, stage int, b_voter text, cur_code text, cur_date timestamptz, cur_sent date, is_last boolean,
    file_sent date, file_issued date, first_line int, cls text, prev_code text, repeat boolean NOT NULL DEFAULT false, conflict text,
    reissue_of text
  ) ON COMMIT DROP`);
  const multiKeys = known?.multiKeys ?? null;
  if (multiKeys) {
    // Candidates found while streaming (a superset of the ballots with several rows).
    await client.query('CREATE TEMP TABLE ballot_multi (election_id text, ballot_id text) ON COMMIT DROP');
    await client.query('INSERT INTO ballot_multi SELECT * FROM unnest($1::text[], $2::text[])',
      [multiKeys.map((k) => k[0]), multiKeys.map((k) => k[1])]);
    await client.query('ANALYZE ballot_multi');
  } else {
    await client.query(`CREATE TEMP TABLE ballot_multi ON COMMIT DROP AS
      SELECT s.election_id, s.ballot_id FROM ballot_staging s WHERE ${STATUS_ROW} GROUP BY 1, 2 HAVING count(*) > 1`);
  }

  // Ballots with one row: compared with their current status only.
  const single = await client.query(`
    INSERT INTO ballot_diff (${DIFF_COLUMNS})
    SELECT j.line, j.voter_id, j.election_id, j.ballot_id, j.county_code, j.status_code, j.status_date, j.status_day, j.date_only,
      j.reason_text, j.cure_deadline, j.known, j.stage, j.b_voter, j.cur_code, j.cur_date, j.cur_sent, true,
      j.sent_date, j.row_issued, j.line,
      CASE WHEN j.known THEN ${vsCur} ELSE 'unknown_code' END, j.cur_code, false, ${dbConflict('j')}, j.cur_reissue_of
    FROM (${joined} WHERE ${STATUS_ROW}
      AND NOT EXISTS (SELECT 1 FROM ballot_multi m WHERE m.election_id = s.election_id AND m.ballot_id = s.ballot_id)) j
    WHERE NOT coalesce(j.b_voter = j.voter_id AND j.b_county = j.county_code
      AND j.status_code = j.cur_code AND j.status_date = j.cur_date AND j.date_only = j.cur_date_only
      AND (j.sent_date IS NULL OR j.sent_date = j.cur_sent)
      AND (j.row_issued IS NULL OR j.row_issued = j.cur_issued)
      AND (j.reason_text IS NULL OR j.reason_text = j.cur_reason)
      AND (j.cure_deadline IS NULL OR j.cure_deadline = j.cur_cure), false)`);

  // Ballots with several rows: applied in the order (status date, life stage, line), each row
  // compared with the previous one when that one moved the ballot on.
  const multi = await client.query(`
    INSERT INTO ballot_diff (${DIFF_COLUMNS})
    WITH vs AS (
      SELECT j.*, CASE WHEN known THEN ${vsCur} ELSE 'unknown_code' END AS vs_cur
      FROM (${joined} WHERE ${STATUS_ROW}
        AND EXISTS (SELECT 1 FROM ballot_multi m WHERE m.election_id = s.election_id AND m.ballot_id = s.ballot_id)) j
    ), w AS (
      SELECT vs.*,
        lag(status_code) OVER win AS p_code, lag(status_date) OVER win AS p_date, lag(status_day) OVER win AS p_day,
        lag(date_only) OVER win AS p_date_only, lag(vs_cur) OVER win AS p_vs_cur,
        lead(line) OVER win IS NULL AS is_last,
        min(voter_id COLLATE "C") OVER part AS min_voter, max(voter_id COLLATE "C") OVER part AS max_voter,
        min(county_code COLLATE "C") OVER part AS min_county, max(county_code COLLATE "C") OVER part AS max_county,
        max(sent_date) OVER part AS file_sent, min(row_issued) OVER part AS file_issued, min(line) OVER part AS first_line
      FROM vs
      -- byte order ("C"): partitions only need equal keys together, not a language's order
      WINDOW part AS (PARTITION BY election_id COLLATE "C", ballot_id COLLATE "C", known), win AS (part ORDER BY status_date, stage, line)
    )
    SELECT w.line, w.voter_id, w.election_id, w.ballot_id, w.county_code, w.status_code, w.status_date, w.status_day, w.date_only,
      w.reason_text, w.cure_deadline, w.known, w.stage, w.b_voter, w.cur_code, w.cur_date, w.cur_sent, w.is_last,
      w.file_sent, w.file_issued, w.first_line,
      CASE WHEN NOT w.known THEN 'unknown_code' WHEN w.p_code IS NOT NULL AND w.p_vs_cur <> 'late' THEN ${vsPrev} ELSE w.vs_cur END,
      CASE WHEN w.p_code IS NOT NULL AND w.p_vs_cur <> 'late' THEN w.p_code ELSE w.cur_code END,
      false,
      CASE
        WHEN w.min_voter <> w.max_voter THEN format('ballot %s of election %s is given to two voters in this feed (%s and %s)', w.ballot_id, w.election_id, w.min_voter, w.max_voter)
        WHEN w.min_county <> w.max_county THEN format('ballot %s of election %s is of two counties in this feed (%s and %s)', w.ballot_id, w.election_id, w.min_county, w.max_county)
        ELSE ${dbConflict('w')}
      END,
      w.cur_reissue_of
    FROM w`);
  const statusRows = known?.statusRows
    ?? (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ballot_staging s WHERE ${STATUS_ROW}`)).rows[0]!.n;
  return { quiet: statusRows - (single.rowCount ?? 0) - (multi.rowCount ?? 0) };
}

/** Removes rows whose ballot belongs to another voter or county; returns them as rejects. */
export async function rejectConflicts(client: Queryable): Promise<Array<{ line: number; reason: string }>> {
  const { rows } = await client.query<{ line: number; reason: string }>(
    'DELETE FROM ballot_diff WHERE conflict IS NOT NULL RETURNING line, conflict AS reason');
  if (rows.length > 0) await client.query('DELETE FROM ballot_staging WHERE line = ANY($1::int[])', [rows.map((r) => r.line)]);
  await client.query('ANALYZE ballot_diff');
  return rows;
}

/** A late row that is already in the ballot's history is a repeat (an older file sent again), not news. */
export async function markRepeats(client: Queryable): Promise<void> {
  await client.query(`UPDATE ballot_diff d SET repeat = true
    WHERE d.cls IN ('late', 'unknown_code') AND EXISTS (
      SELECT 1 FROM ballot_status_history h
      WHERE h.election_id = d.election_id AND h.ballot_id = d.ballot_id AND h.status_code = d.status_code AND h.status_date = d.status_date)`);
}

/**
 * Per (election, county) the ingest touches: rows, existing statuses, status codes that would
 * change, snapshot gaps, participation, and the most frequent transitions.
 */
export async function countyImpacts(client: Queryable, snapshot: boolean, known: StagingStats | null = null): Promise<CountyImpact[]> {
  const pairs = known
    ? 'SELECT * FROM unnest($2::text[], $3::text[], $4::int[]) AS p(election_id, county_code, rows)'
    : 'SELECT election_id, county_code, count(*)::int AS rows FROM ballot_staging GROUP BY 1, 2';
  const params: unknown[] = [snapshot];
  if (known) params.push(known.pairs.map((p) => p.electionId), known.pairs.map((p) => p.countyCode), known.pairs.map((p) => p.rows));
  const { rows } = await client.query<{
    election_id: string; county_code: string; rows: number; existing: number; changes: number; missing: number;
    participating: boolean; transitions: Array<{ from: string; to: string; count: number }> | null;
  }>(`
    WITH pairs AS (${pairs}),
    finals AS (
      SELECT election_id, county_code, cur_code AS from_code, CASE WHEN cls = 'late' THEN cur_code ELSE status_code END AS to_code
      FROM ballot_diff WHERE known AND is_last AND cur_code IS NOT NULL
    ),
    moves AS (
      SELECT election_id, county_code, from_code, to_code, count(*)::int AS n FROM finals WHERE to_code <> from_code GROUP BY 1, 2, 3, 4
    ),
    existing AS (
      SELECT b.election_id, b.county_code, count(*)::int AS n FROM ballots b
      WHERE b.election_id IN (SELECT election_id FROM pairs) AND b.status_code IS NOT NULL GROUP BY 1, 2
    )
    SELECT p.election_id, p.county_code, p.rows, coalesce(x.n, 0) AS existing,
      coalesce((SELECT sum(n)::int FROM moves m WHERE m.election_id = p.election_id AND m.county_code = p.county_code), 0) AS changes,
      CASE WHEN $1 THEN (SELECT count(*)::int FROM ballots b WHERE b.election_id = p.election_id AND b.county_code = p.county_code
        AND NOT EXISTS (SELECT 1 FROM ballot_staging s WHERE s.election_id = b.election_id AND s.ballot_id = b.ballot_id)) ELSE 0 END AS missing,
      coalesce(cp.participating, e.kind = 'statewide') AS participating,
      (SELECT json_agg(json_build_object('from', m.from_code, 'to', m.to_code, 'count', m.n) ORDER BY m.n DESC, m.from_code, m.to_code)
         FROM (SELECT * FROM moves m WHERE m.election_id = p.election_id AND m.county_code = p.county_code ORDER BY n DESC LIMIT 10) m) AS transitions
    FROM pairs p JOIN elections e ON e.id = p.election_id
    LEFT JOIN existing x ON x.election_id = p.election_id AND x.county_code = p.county_code
    LEFT JOIN county_participation cp ON cp.election_id = p.election_id AND cp.county_code = p.county_code
    ORDER BY p.election_id, p.county_code`, params);
  return rows.map((r) => ({
    electionId: r.election_id, countyCode: r.county_code, rows: r.rows, existing: r.existing, changes: r.changes,
    missing: r.missing, participating: r.participating, transitions: r.transitions ?? [],
  }));
}

export interface DiffCounts { new: number; changed: number; unchanged: number; late: number; unknownCode: number; unknownCodes: Record<string, number> }

export async function diffCounts(client: Queryable): Promise<DiffCounts> {
  const { rows } = await client.query<{ cls: string; repeat: boolean; n: number }>('SELECT cls, repeat, count(*)::int AS n FROM ballot_diff GROUP BY 1, 2');
  const out: DiffCounts = { new: 0, changed: 0, unchanged: 0, late: 0, unknownCode: 0, unknownCodes: {} };
  for (const r of rows) {
    if (r.cls === 'late' && r.repeat) out.unchanged += r.n;
    else if (r.cls === 'unknown_code') out.unknownCode += r.n;
    else if (r.cls === 'new' || r.cls === 'changed' || r.cls === 'unchanged' || r.cls === 'late') out[r.cls] += r.n;
  }
  const unknown = await client.query<{ status_code: string; n: number }>(
    "SELECT status_code, count(*)::int AS n FROM ballot_diff WHERE cls = 'unknown_code' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50");
  for (const r of unknown.rows) out.unknownCodes[r.status_code] = r.n;
  return out;
}

export async function countParticipationRows(client: Queryable): Promise<number> {
  return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ballot_staging WHERE status_code IN ${PARTICIPATION_SQL}`)).rows[0]!.n;
}

// ---------------------------------------------------------------- held ingests

export async function storeHeldRows(client: Queryable, runId: number, summary: object): Promise<void> {
  await client.query('INSERT INTO ingest_holds (run_id, summary) VALUES ($1, $2)', [runId, JSON.stringify(summary)]);
  await client.query(`INSERT INTO held_ballot_rows (run_id, ${STAGING_COLUMNS}) SELECT $1, ${STAGING_COLUMNS} FROM ballot_staging`, [runId]);
}

/** Puts a held ingest's rows back into the staging table for approval. */
export async function loadHeldRows(client: Queryable, runId: number): Promise<number> {
  const r = await client.query(`INSERT INTO ballot_staging (${STAGING_COLUMNS}) SELECT ${STAGING_COLUMNS} FROM held_ballot_rows WHERE run_id = $1`, [runId]);
  return r.rowCount ?? 0;
}

export interface HoldRow {
  run_id: number; summary: { reasons: string[]; counties: CountyImpact[]; counts: Record<string, number> };
  held_at: Date; decision: 'approved' | 'discarded' | null; decided_by: string | null; decision_reason: string | null; decided_at: Date | null;
}

export async function getHold(db: Queryable, runId: number, forUpdate = false): Promise<HoldRow | null> {
  return (await db.query<HoldRow>(`SELECT * FROM ingest_holds WHERE run_id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [runId])).rows[0] ?? null;
}

export async function decideHold(client: Queryable, runId: number, d: { decision: 'approved' | 'discarded'; by: string; reason: string; at: Date }): Promise<void> {
  await client.query('UPDATE ingest_holds SET decision = $2, decided_by = $3, decision_reason = $4, decided_at = $5 WHERE run_id = $1',
    [runId, d.decision, d.by, d.reason, d.at]);
  await client.query('DELETE FROM held_ballot_rows WHERE run_id = $1', [runId]);
}

// ---------------------------------------------------------------- apply

/**
 * Creates the ballots the ingest is the first to report. A ballot is a reissue when the voter
 * already has a ballot in the election, or an earlier one (by issue date, then line) in this
 * ingest; `reissue_of` names that previous ballot.
 */
export async function insertNewBallots(client: Queryable): Promise<{ ballots: number; reissues: number }> {
  // The voter's latest ballot in the election before this statement: a set-based join, never a
  // lookup per row (the planner may see an empty ballots table and scan it for every new ballot).
  const previous = (newBallots: string) => `prev AS (
      SELECT DISTINCT ON (b.election_id, b.voter_id) b.election_id, b.voter_id, b.ballot_id
      FROM ballots b JOIN (SELECT DISTINCT election_id, voter_id FROM ${newBallots}) v ON v.election_id = b.election_id AND v.voter_id = b.voter_id
      ORDER BY b.election_id, b.voter_id, b.issued_date DESC NULLS LAST, b.created_at DESC, b.ballot_id DESC)`;
  const known = await client.query<{ ballots: number; reissues: number }>(`
    WITH nb AS (SELECT * FROM ballot_diff n WHERE n.known AND n.is_last AND n.b_voter IS NULL), ${previous('nb')},
    ins AS (
      INSERT INTO ballots AS b (election_id, ballot_id, voter_id, county_code, issued_date, sent_date,
        status_code, status_date, status_day, status_date_only, status_reason, cure_deadline, reissue_of)
      SELECT n.election_id, n.ballot_id, n.voter_id, n.county_code, n.file_issued, n.file_sent,
        CASE WHEN n.cls <> 'late' THEN n.status_code END, CASE WHEN n.cls <> 'late' THEN n.status_date END,
        CASE WHEN n.cls <> 'late' THEN n.status_day END, n.cls <> 'late' AND n.date_only,
        CASE WHEN n.cls <> 'late' THEN n.reason_text END, CASE WHEN n.cls <> 'late' THEN n.cure_deadline END,
        coalesce(lag(n.ballot_id) OVER (PARTITION BY n.election_id, n.voter_id ORDER BY n.file_issued NULLS LAST, n.first_line), p.ballot_id)
      FROM nb n LEFT JOIN prev p ON p.election_id = n.election_id AND p.voter_id = n.voter_id
      RETURNING b.election_id, b.ballot_id, b.reissue_of
    ),
    -- the events read the reissue link from the diff (no second pass over ballots)
    linked AS (
      UPDATE ballot_diff d SET reissue_of = i.reissue_of FROM ins i
      WHERE i.reissue_of IS NOT NULL AND d.known AND d.election_id = i.election_id AND d.ballot_id = i.ballot_id
      RETURNING 1
    )
    SELECT count(*)::int AS ballots, count(reissue_of)::int AS reissues, (SELECT count(*) FROM linked) AS linked FROM ins`);
  // Ballots reported only with unknown codes exist from now on, without a status.
  const unknownOnly = await client.query<{ ballots: number; reissues: number }>(`
    WITH nb AS (
      SELECT n.* FROM ballot_diff n WHERE NOT n.known AND n.is_last AND n.b_voter IS NULL
        AND NOT EXISTS (SELECT 1 FROM ballots x WHERE x.election_id = n.election_id AND x.ballot_id = n.ballot_id)
    ), ${previous('nb')},
    ins AS (
      INSERT INTO ballots AS b (election_id, ballot_id, voter_id, county_code, issued_date, sent_date, reissue_of)
      SELECT n.election_id, n.ballot_id, n.voter_id, n.county_code, n.file_issued, n.file_sent, p.ballot_id
      FROM nb n LEFT JOIN prev p ON p.election_id = n.election_id AND p.voter_id = n.voter_id
      ON CONFLICT (election_id, ballot_id) DO NOTHING
      RETURNING b.reissue_of
    )
    SELECT count(*)::int AS ballots, count(reissue_of)::int AS reissues FROM ins`);
  const a = known.rows[0]!;
  const b = unknownOnly.rows[0]!;
  return { ballots: a.ballots + b.ballots, reissues: a.reissues + b.reissues };
}

/**
 * Moves existing ballots to their newest status (the last row of each ballot, unless it is
 * late) and takes dates the feed adds: a sent or issued date it now gives, a reason or cure
 * deadline for the current status. A value the feed leaves empty never erases one we hold.
 * Returns how many ballots changed only in those details (status unchanged).
 */
export async function updateBallots(client: Queryable): Promise<{ statusChanged: number; detailsOnly: number }> {
  const { rows } = await client.query<{ status_changed: boolean; n: number }>(`
    WITH u AS (
      UPDATE ballots b SET
        status_code = CASE WHEN d.applies THEN d.status_code ELSE b.status_code END,
        status_date = CASE WHEN d.applies THEN d.status_date ELSE b.status_date END,
        status_day = CASE WHEN d.applies THEN d.status_day ELSE b.status_day END,
        status_date_only = CASE WHEN d.applies THEN d.date_only ELSE b.status_date_only END,
        status_reason = CASE WHEN d.status_changed THEN d.reason_text WHEN d.applies THEN coalesce(d.reason_text, b.status_reason) ELSE b.status_reason END,
        cure_deadline = CASE WHEN d.status_changed THEN d.cure_deadline WHEN d.applies THEN coalesce(d.cure_deadline, b.cure_deadline) ELSE b.cure_deadline END,
        sent_date = coalesce(d.file_sent, b.sent_date),
        issued_date = coalesce(d.file_issued, b.issued_date),
        updated_at = now()
      FROM (
        SELECT x.*, x.cls <> 'late' AS applies,
          x.cls <> 'late' AND (x.status_code, x.status_date) IS DISTINCT FROM (x.cur_code, x.cur_date) AS status_changed
        FROM ballot_diff x WHERE x.known AND x.is_last AND x.b_voter IS NOT NULL
      ) d
      WHERE b.election_id = d.election_id AND b.ballot_id = d.ballot_id
        AND (d.status_changed
          OR (d.file_sent IS NOT NULL AND d.file_sent IS DISTINCT FROM b.sent_date)
          OR (d.file_issued IS NOT NULL AND d.file_issued IS DISTINCT FROM b.issued_date)
          OR (d.applies AND d.reason_text IS NOT NULL AND d.reason_text IS DISTINCT FROM b.status_reason)
          OR (d.applies AND d.cure_deadline IS NOT NULL AND d.cure_deadline IS DISTINCT FROM b.cure_deadline))
      RETURNING d.status_changed
    )
    SELECT status_changed, count(*)::int AS n FROM u GROUP BY 1`);
  return {
    statusChanged: rows.find((r) => r.status_changed)?.n ?? 0,
    detailsOnly: rows.find((r) => !r.status_changed)?.n ?? 0,
  };
}

/** Every status report that is news, late, or of an unknown code goes to the history (repeats do not). */
export async function insertHistory(client: Queryable, runId: number): Promise<number> {
  const r = await client.query(`
    INSERT INTO ballot_status_history (election_id, ballot_id, status_code, status_date, status_day, status_date_only,
      reason_text, cure_deadline, classification, run_id)
    SELECT election_id, ballot_id, status_code, status_date, status_day, date_only, reason_text, cure_deadline, cls, $1
    FROM ballot_diff
    WHERE cls IN ('new', 'changed') OR (cls IN ('late', 'unknown_code') AND NOT repeat)
    ORDER BY election_id, ballot_id, known, status_date, stage, line`, [runId]);
  return r.rowCount ?? 0;
}

/**
 * One event per status that is news: a ballot's first status, or a new code. The same code
 * reported again with a later date moves the record's date but tells the voter nothing new.
 * ISSUED on a reissued ballot is 'reissued'/'reissue'; otherwise kind = STATUS_MESSAGE[code],
 * reason = code. An outbound event never occurs before the ballot's sent date (00:00 of that
 * day in the state's time zone).
 */
export async function insertStatusEvents(client: Queryable, runId: number, timeZone: string): Promise<Record<string, number>> {
  // Conflicting rows are gone, so the row's voter and county are the ballot's; its sent date is
  // the one updateBallots/insertNewBallots just wrote (the feed's, else the one we held).
  const reissued = "d.status_code = 'ISSUED' AND d.reissue_of IS NOT NULL";
  const sent = 'coalesce(d.file_sent, d.cur_sent)';
  const { rows } = await client.query<{ kind: string; n: number }>(`
    WITH ev AS (
      INSERT INTO ballot_events (election_id, ballot_id, voter_id, county_code, kind, reason, occurred_at, source, run_id, details)
      SELECT d.election_id, d.ballot_id, d.voter_id, d.county_code,
        CASE WHEN ${reissued} THEN 'reissued' ELSE ${kindSql('d.status_code')} END,
        CASE WHEN ${reissued} THEN 'reissue' ELSE d.status_code END,
        CASE WHEN d.status_code = 'ISSUED' AND ${sent} IS NOT NULL THEN greatest(d.status_date, ${sent}::timestamp AT TIME ZONE $2) ELSE d.status_date END,
        'feed', $1,
        jsonb_strip_nulls(jsonb_build_object(
          'statusCode', d.status_code,
          'statusDate', CASE WHEN d.date_only THEN to_char(d.status_day, 'YYYY-MM-DD') ELSE to_char(d.status_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END,
          'previousCode', d.prev_code, 'sentDate', ${sent}, 'reasonText', d.reason_text, 'cureDeadline', d.cure_deadline,
          'reissueOf', CASE WHEN d.status_code = 'ISSUED' THEN d.reissue_of END))
      FROM ballot_diff d
      WHERE d.known AND (d.cls = 'new' OR (d.cls = 'changed' AND d.status_code IS DISTINCT FROM d.prev_code))
      ORDER BY d.status_date, d.election_id, d.ballot_id, d.stage, d.line
      RETURNING kind
    )
    SELECT kind, count(*)::int AS n FROM ev GROUP BY kind`, [runId, timeZone]);
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

/**
 * The feed gives (or moves) the sent date of a ballot still in ISSUED status, and reported no
 * new status for it: the ballot's Outbound (or Reissued) event again, now with the date, so
 * the engine can plan the message it had to hold (it sends each at most once).
 */
export async function insertSentDateEvents(client: Queryable, runId: number, timeZone: string): Promise<number> {
  const r = await client.query(`
    INSERT INTO ballot_events (election_id, ballot_id, voter_id, county_code, kind, reason, occurred_at, source, run_id, details)
    SELECT d.election_id, d.ballot_id, d.voter_id, d.county_code,
      CASE WHEN d.reissue_of IS NOT NULL THEN 'reissued' ELSE 'outbound' END,
      CASE WHEN d.reissue_of IS NOT NULL THEN 'reissue' ELSE 'ISSUED' END,
      greatest(CASE WHEN d.cls = 'late' THEN d.cur_date ELSE d.status_date END, d.file_sent::timestamp AT TIME ZONE $2), 'feed', $1,
      jsonb_strip_nulls(jsonb_build_object('statusCode', 'ISSUED', 'sentDate', d.file_sent, 'previousSentDate', d.cur_sent,
        'trigger', 'sent_date', 'reissueOf', d.reissue_of))
    FROM ballot_diff d
    WHERE d.known AND d.is_last AND d.b_voter IS NOT NULL
      AND (CASE WHEN d.cls = 'late' THEN d.cur_code ELSE d.status_code END) = 'ISSUED'
      AND d.file_sent IS NOT NULL AND d.file_sent IS DISTINCT FROM d.cur_sent
      AND NOT (d.cls = 'new' OR (d.cls = 'changed' AND d.status_code IS DISTINCT FROM d.prev_code))
    ORDER BY d.election_id, d.ballot_id`, [runId, timeZone]);
  return r.rowCount ?? 0;
}

/**
 * Participation history (POLL, VCR): recorded once per voter, election and method. A new
 * record is an In-person event on the voter's ballot in the election — the ballot the row
 * names when it is the voter's, else the voter's most recently issued ballot. A voter with no
 * mail ballot gets the record and no event (there is no mail ballot to tell about).
 */
export async function applyParticipation(client: Queryable, runId: number): Promise<{ rows: number; recorded: number; events: number }> {
  const { rows } = await client.query<{ rows: number; recorded: number; events: number }>(`
    WITH p AS (
      SELECT DISTINCT ON (election_id, voter_id, status_code) election_id, voter_id, status_code, county_code, status_date, status_day, ballot_id
      FROM ballot_staging WHERE status_code IN ${PARTICIPATION_SQL}
      ORDER BY election_id, voter_id, status_code, status_date, line
    ), choice AS (
      SELECT DISTINCT ON (p.election_id, p.voter_id, p.status_code) p.election_id, p.voter_id, p.status_code, b.ballot_id
      FROM p JOIN ballots b ON b.election_id = p.election_id AND b.voter_id = p.voter_id
      ORDER BY p.election_id, p.voter_id, p.status_code, (b.ballot_id IS NOT DISTINCT FROM p.ballot_id) DESC,
               b.issued_date DESC NULLS LAST, b.created_at DESC, b.ballot_id DESC
    ), target AS (
      SELECT p.*, c.ballot_id AS target_ballot FROM p
      LEFT JOIN choice c ON c.election_id = p.election_id AND c.voter_id = p.voter_id AND c.status_code = p.status_code
    ), ins AS (
      INSERT INTO voter_participation (election_id, voter_id, method, county_code, voted_at, voted_day, ballot_id, run_id)
      SELECT election_id, voter_id, status_code, county_code, status_date, status_day, target_ballot, $1 FROM target
      ON CONFLICT (election_id, voter_id, method) DO NOTHING
      RETURNING *
    ), ev AS (
      INSERT INTO ballot_events (election_id, ballot_id, voter_id, county_code, kind, reason, occurred_at, source, run_id, details)
      SELECT i.election_id, i.ballot_id, i.voter_id, b.county_code, 'in_person', i.method, i.voted_at, 'participation', $1,
        jsonb_build_object('statusCode', i.method, 'statusDate', to_char(i.voted_day, 'YYYY-MM-DD'))
      FROM ins i JOIN ballots b ON b.election_id = i.election_id AND b.ballot_id = i.ballot_id
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM ballot_staging WHERE status_code IN ${PARTICIPATION_SQL}) AS rows,
           (SELECT count(*)::int FROM ins) AS recorded, (SELECT count(*)::int FROM ev) AS events`, [runId]);
  return rows[0]!;
}
