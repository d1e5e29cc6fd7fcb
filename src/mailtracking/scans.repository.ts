import { from as copyFrom } from 'pg-copy-streams';
import type pg from 'pg';
import type { Queryable } from '../db/pool.ts';
import type { Reject } from '../feeds/rejects.ts';
import { isDecision, isReturned } from '../ballots/status.ts';
import { STATUS_CODES, type ScanSource } from '../persisted.ts';
import type { StagedScan } from './scan-row.ts';
import { copyValue } from '../feeds/csv.ts';

/**
 * Set-based SQL of scan loading (files and IV-MTR pushes alike): staged rows are turned into
 * UTC, matched to their envelope, inserted once per (IMB, time, event code), and the first
 * scan of each envelope becomes the ballot's Outbound or Inbound event.
 */

/**
 * Which crosswalk rows a scan at `at` may belong to: envelopes mailed from 120 days before the
 * scan to 14 days after it (a mail date is the vendor's drop date, give or take). Among them
 * the latest mail date wins, so a reused IMB goes to the newest mailing (DESIGN §2.5).
 */
export const SCAN_MATCH_WINDOW = (c: string, at: string): string =>
  `${c}.mail_date BETWEEN (${at} AT TIME ZONE 'UTC')::date - 120 AND (${at} AT TIME ZONE 'UTC')::date + 14`;

/**
 * Status codes after which no scan event is appended: the county already holds the returned
 * envelope or has decided on it, so a scan is stale news (notifications/planning.ts).
 */
export const SCAN_STALE_STATUSES: readonly string[] = STATUS_CODES.filter((c) => isReturned(c) || isDecision(c));

/** Serialises event appends between concurrent loads, so that "first scan" is decided once. */
const EVENTS_LOCK = 7_400_413_030;

export async function createScanStaging(client: Queryable): Promise<void> {
  await client.query(`CREATE TEMP TABLE scan_staging (
    line int NOT NULL, imb text NOT NULL, routing text NOT NULL, scanned_ms bigint NOT NULL, event_code text NOT NULL,
    facility_zip text, facility_city text, facility_state text, mail_phase text, handling_event_type text, meaning text NOT NULL
  ) ON COMMIT DROP`);
  await createNewScans(client);
}

/**
 * `scan_new`: scans this run stored or matched, with their envelope: at least the earliest of
 * each envelope. The run's events are decided from it alone (appendScanEvents).
 */
export async function createNewScans(client: Queryable): Promise<void> {
  await client.query(`CREATE TEMP TABLE scan_new (
    imb text NOT NULL, crosswalk_id bigint, scanned_at timestamptz NOT NULL, event_code text NOT NULL, meaning text NOT NULL,
    facility_zip text, facility_city text, facility_state text
  ) ON COMMIT DROP`);
}

const STAGING_COLUMNS = 'line, imb, routing, scanned_ms, event_code, facility_zip, facility_city, facility_state, mail_phase, handling_event_type, meaning';

export function copyScanStaging(client: pg.PoolClient) {
  return client.query(copyFrom(`COPY scan_staging (${STAGING_COLUMNS}) FROM STDIN`));
}

export function stagingValues(line: number, s: StagedScan): Array<string | number | null> {
  return [line, s.imb, s.routing, s.scannedAtMs, s.eventCode, s.facilityZip, s.facilityCity, s.facilityState, s.mailPhase, s.handlingEventType, s.meaning];
}

/**
 * One staged scan as a line of COPY text: the same as `copyLine(stagingValues(line, s))`,
 * written out without the array and the per-value type tests (it runs for every row of a file).
 */
export function stagingLine(line: number, s: StagedScan): string {
  return `${line}\t${copyText(s.imb)}\t${copyText(s.routing)}\t${s.scannedAtMs}\t${copyText(s.eventCode)}\t${copyText(s.facilityZip)}\t${copyText(s.facilityCity)}\t${copyText(s.facilityState)}\t${copyText(s.mailPhase)}\t${copyText(s.handlingEventType)}\t${copyText(s.meaning)}\n`;
}

/** A text value in COPY's text format (null → \N). */
function copyText(v: string | null): string {
  return v === null ? '\\N' : copyValue(v);
}

/** Stages a few rows without COPY (a push batch). */
export async function stageScans(client: Queryable, rows: ReadonlyArray<{ line: number; scan: StagedScan }>): Promise<void> {
  if (rows.length === 0) return;
  const columns = rows.map((r) => stagingValues(r.line, r.scan));
  const arrays = columns[0]!.map((_, i) => columns.map((c) => c[i]));
  await client.query(`INSERT INTO scan_staging (${STAGING_COLUMNS})
    SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`, arrays);
}

/** Staged scans with their instant as a timestamptz (staged as epoch milliseconds: cheaper to write than text). */
const STAGED = `(SELECT st.*, timestamptz 'epoch' + st.scanned_ms * interval '1 millisecond' AS scanned_at FROM scan_staging st)`;

/** The envelope of staged scan `s` among the crosswalk rows of the counties `counties` (a text[] or NULL for any), by index probe. */
const BEST_ENVELOPE = (counties: string) => `(
  SELECT c.id, c.county_code FROM imb_crosswalk c
  WHERE c.imb = s.imb AND ${SCAN_MATCH_WINDOW('c', 's.scanned_at')} AND (${counties}::text[] IS NULL OR c.county_code = ANY (${counties}::text[]))
  ORDER BY c.mail_date DESC, c.id DESC LIMIT 1)`;

/**
 * The staged scans with the id of their envelope (NULL: none yet), in bulk: each staged IMB's
 * newest envelope by one backward probe of imb_crosswalk_imb_idx (a chunk's cost then does
 * not grow with the crosswalk, which a hash join read whole for every chunk), joined to the
 * scans by hash; that is the answer unless that mailing is outside the scan's window
 * (an IMB reused since); only then an index probe finds the older envelope. Needs the CTE
 * `newest` (NEWEST_ENVELOPES) and the parameter `counties`.
 */
const NEWEST_ENVELOPES = (counties: string) => `newest AS MATERIALIZED (
  SELECT s.imb, n.id, n.mail_date FROM (SELECT DISTINCT imb FROM scan_staging) s
  CROSS JOIN LATERAL (
    SELECT c.id, c.mail_date FROM imb_crosswalk c
    WHERE c.imb = s.imb AND (${counties}::text[] IS NULL OR c.county_code = ANY (${counties}::text[]))
    ORDER BY c.mail_date DESC, c.id DESC LIMIT 1) n)`;
const MATCHED_STAGED = (counties: string) => `(
  SELECT s.*, coalesce(CASE WHEN ${SCAN_MATCH_WINDOW('n', 's.scanned_at')} THEN n.id END, (SELECT id FROM ${BEST_ENVELOPE(counties)} older)) AS crosswalk_id
  FROM ${STAGED} s LEFT JOIN newest n ON n.imb = s.imb)`;

/**
 * For a county-scoped key: removes staged scans of envelopes that belong to other counties
 * only, and returns them as rejects. Scans of IMBs no tracking file has named yet stay; they
 * will only ever be matched within the key's counties.
 */
export async function rejectOutOfScope(client: Queryable, counties: readonly string[]): Promise<Reject[]> {
  const { rows } = await client.query<{ line: number; county_code: string }>(`
    WITH out_of_scope AS (
      SELECT s.line, other.county_code
      FROM ${STAGED} s
      CROSS JOIN LATERAL ${BEST_ENVELOPE('NULL')} other
      WHERE NOT EXISTS ${BEST_ENVELOPE('$1')})
    DELETE FROM scan_staging st USING out_of_scope o WHERE st.line = o.line
    RETURNING st.line, o.county_code`, [counties]);
  return rows.map((r) => ({ line: r.line, reason: `the IMB belongs to a ballot of county ${r.county_code}, which this key may not write` }));
}

/**
 * Inserts the staged scans that are new, each matched to its envelope when the crosswalk
 * knows it, and keeps in `scan_new` the earliest new scan of each envelope (all an event
 * needs). Returns how many scans were new and how many of those matched.
 *
 * Optimistic: a plain INSERT first (the usual load brings only new scans, and a plain insert
 * costs a third less than ON CONFLICT); at the first scan we already hold (a file loaded
 * again, a push repeated, a scan twice in one file, a concurrent load) it rolls back to a
 * savepoint and inserts with ON CONFLICT DO NOTHING instead.
 */
export async function insertStagedScans(client: Queryable, run: { runId: number; source: ScanSource; counties: readonly string[] | null }): Promise<{ inserted: number; matched: number }> {
  const insert = (onConflict: string) => client.query<{ inserted: number; matched: number }>(`
    WITH ${NEWEST_ENVELOPES('$3')}, inserted AS (
      INSERT INTO imb_scans (imb, scanned_at, event_code, routing_code, facility_zip, facility_city, facility_state,
                             mail_phase, handling_event_type, meaning, source, run_id, counties, crosswalk_id, matched_run_id)
      SELECT m.imb, m.scanned_at, m.event_code, m.routing, m.facility_zip, m.facility_city, m.facility_state,
             m.mail_phase, m.handling_event_type, m.meaning, $2, $1, $3::text[], m.crosswalk_id, CASE WHEN m.crosswalk_id IS NOT NULL THEN $1::bigint END
      FROM ${MATCHED_STAGED('$3')} m
      ${onConflict}
      RETURNING imb, crosswalk_id, scanned_at, event_code, meaning, facility_zip, facility_city, facility_state
    ), firsts AS (
      INSERT INTO scan_new
      SELECT DISTINCT ON (crosswalk_id) * FROM inserted WHERE crosswalk_id IS NOT NULL
      ORDER BY crosswalk_id, scanned_at, event_code)
    SELECT count(*)::int AS inserted, count(crosswalk_id)::int AS matched FROM inserted`,
  [run.runId, run.source, run.counties]);
  await client.query('SAVEPOINT scan_insert');
  let result;
  try {
    result = await insert('');
    await client.query('RELEASE SAVEPOINT scan_insert');
  } catch (err) {
    if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
    await client.query('ROLLBACK TO SAVEPOINT scan_insert');
    result = await insert('ON CONFLICT (imb, scanned_at, event_code) DO NOTHING');
  }
  const { inserted, matched } = result.rows[0]!;
  return { inserted, matched };
}

const UNIQUE_VIOLATION = '23505';

/**
 * Appends the ballot events of the scans in `scan_new` (DESIGN §2.4–2.5; the contract in
 * 020_elections_ballots.sql). For each ballot and direction, the earliest of them is
 *   - outbound envelope: an Outbound event (reason 'scan'), when the county uses IMBs for
 *     outbound mail in this election and the ballot has no Outbound event yet (ISSUED may
 *     have made one: the notification engine sends Outbound once whatever the trigger) nor a
 *     Reissued one (a replacement ballot is "Reissued", never a second "Outbound"). One
 *     exception: an ISSUED Outbound of a ballot without a sent date cannot be sent (the
 *     engine skips it as not yet mailed), so there the scan — the only proof that the
 *     ballot is in the mail — is appended all the same;
 *   - return envelope: an Inbound event, when the county uses IMBs for inbound mail and the
 *     ballot has no Inbound event yet;
 * and neither when the ballot's status says the county already holds or decided it. Later
 * scans stay on the timeline only. occurred_at is the scan time.
 *
 * "Earliest" is among the scans this run brought: an envelope's earlier scans came with an
 * earlier run, which appended the event then, or was not allowed to (county not using IMBs,
 * ballot already returned) — and then the first scan since that is allowed is the news.
 */
export async function appendScanEvents(client: Queryable, runId: number): Promise<{ outbound: number; inbound: number }> {
  await client.query('ANALYZE scan_new');
  await client.query('SELECT pg_advisory_xact_lock($1)', [EVENTS_LOCK]);
  // The earliest scan of each ballot and direction over all its envelopes, in one sort (the
  // earliest of each envelope's earliest is the earliest of all), with its ballot. A table of
  // its own, analysed, so that the planner knows how many there are: estimated from a CTE it
  // guessed a few hundred, and then probed ballot_events by index once per scan (a third of
  // the events phase of a million-scan file) where one hash anti-join over the election's
  // events does it in a tenth of the time. With real counts the planner picks whichever is
  // cheaper, and probes still win for a small push against a large event log.
  await client.query(`
    CREATE TEMP TABLE scan_first ON COMMIT DROP AS
    SELECT DISTINCT ON (c.election_id, c.ballot_id, c.direction)
           c.election_id, c.ballot_id, c.direction, f.imb, f.scanned_at, f.event_code, f.meaning, f.facility_zip, f.facility_city, f.facility_state,
           b.voter_id, b.county_code, b.status_code, b.sent_date
    FROM scan_new f
    JOIN imb_crosswalk c ON c.id = f.crosswalk_id
    JOIN ballots b ON b.election_id = c.election_id AND b.ballot_id = c.ballot_id
    ORDER BY c.election_id, c.ballot_id, c.direction, f.scanned_at, f.event_code`);
  await client.query('ANALYZE scan_first');
  // Two statements on purpose: decided first, appended after. Checked in the statement that
  // inserts, NOT EXISTS would also look at the rows that statement has just added, and when
  // the planner believes ballot_events empty (a new deployment) it scans them all for every
  // row: quadratic. The details are to_jsonb of a row, the same value as jsonb_build_object
  // of the same keys at three quarters of its cost.
  await client.query(`
    CREATE TEMP TABLE scan_events ON COMMIT DROP AS
    SELECT f.election_id, f.ballot_id, f.voter_id, f.county_code, f.direction AS kind, f.scanned_at AS occurred_at,
           jsonb_strip_nulls(to_jsonb(d)) AS details
    FROM scan_first f
    CROSS JOIN LATERAL (SELECT f.imb, f.event_code AS "eventCode", f.meaning, f.facility_zip AS "facilityZip",
                               f.facility_city AS "facilityCity", f.facility_state AS "facilityState") d
    JOIN county_participation p ON p.election_id = f.election_id AND p.county_code = f.county_code
    WHERE p.imb_use IN (f.direction, 'both')
      AND (f.status_code IS NULL OR NOT (f.status_code = ANY ($1::text[])))
      AND NOT EXISTS (SELECT 1 FROM ballot_events e
        WHERE e.election_id = f.election_id AND e.ballot_id = f.ballot_id
          AND CASE f.direction
            WHEN 'inbound' THEN e.kind = 'inbound'
            ELSE e.kind = 'reissued' OR (e.kind = 'outbound' AND (e.reason = 'scan' OR f.sent_date IS NOT NULL)) END)`,
  [SCAN_STALE_STATUSES]);
  await client.query(`
    INSERT INTO ballot_events (election_id, ballot_id, voter_id, county_code, kind, reason, occurred_at, source, run_id, details)
    SELECT election_id, ballot_id, voter_id, county_code, kind, 'scan', occurred_at, 'imb', $1, details FROM scan_events`, [runId]);
  const { rows } = await client.query<{ kind: string; n: number }>('SELECT kind, count(*)::int AS n FROM scan_events GROUP BY kind');
  await client.query('DROP TABLE scan_events, scan_first');
  const n = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
  return { outbound: n('outbound'), inbound: n('inbound') };
}
