import type { Queryable } from '../db/pool.ts';
import type { Reject } from '../feeds/rejects.ts';
import { SCAN_MATCH_WINDOW, createNewScans } from './scans.repository.ts';

/**
 * Set-based SQL of the tracking-file import. Everything runs inside the import's transaction
 * on `tracking_staging`, which the import filled with COPY; a row whose `reason` is set is
 * rejected, every other row is loaded.
 */

/** When a tracking row gives no mail date and the ballot no sent or issued date: this many days before election day. */
export const DEFAULT_MAIL_DAYS_BEFORE = 45;
/** USPS does not let a mailer reuse an IMB within this many days (DESIGN §2.5). */
export const IMB_REUSE_DAYS = 45;

export async function createTrackingStaging(client: Queryable): Promise<void> {
  await client.query(`CREATE TEMP TABLE tracking_staging (
    line int NOT NULL, imb text NOT NULL, routing text NOT NULL, election_id text NOT NULL, voter_id text NOT NULL,
    ballot_id text, direction text NOT NULL, mail_date date,
    reason text, county_code text, resolved_mail_date date
  ) ON COMMIT DROP`);
}

export const TRACKING_STAGING_COPY = 'COPY tracking_staging (line, imb, routing, election_id, voter_id, ballot_id, direction, mail_date) FROM STDIN';

/**
 * Sets `reason` on every row that cannot be loaded, first failing check wins: unknown
 * election; unknown ballot, or one of another voter; a voter without a ballot in the
 * election; an IMB claimed for two envelopes in this file (every such line); the same line
 * twice; an IMB that already belongs to another envelope of the election.
 */
export async function checkTrackingStaging(client: Queryable): Promise<void> {
  await client.query(`CREATE INDEX ON tracking_staging (line)`);
  await client.query('ANALYZE tracking_staging');
  await client.query(`
    UPDATE tracking_staging t SET reason = format('unknown election "%s"', t.election_id)
    WHERE NOT EXISTS (SELECT 1 FROM elections e WHERE e.id = t.election_id)`);
  await client.query(`
    UPDATE tracking_staging t
    SET county_code = b.county_code,
        resolved_mail_date = coalesce(t.mail_date, b.sent_date, b.issued_date, e.election_date - ${DEFAULT_MAIL_DAYS_BEFORE}),
        reason = CASE WHEN b.voter_id <> t.voter_id
                      THEN format('ballot %s of election %s belongs to another voter, not %s', t.ballot_id, t.election_id, t.voter_id) END
    FROM ballots b JOIN elections e ON e.id = b.election_id
    WHERE t.reason IS NULL AND t.ballot_id IS NOT NULL AND b.election_id = t.election_id AND b.ballot_id = t.ballot_id`);
  await client.query(`
    UPDATE tracking_staging t
    SET ballot_id = b.ballot_id, county_code = b.county_code,
        resolved_mail_date = coalesce(t.mail_date, b.sent_date, b.issued_date, b.election_date - ${DEFAULT_MAIL_DAYS_BEFORE})
    FROM tracking_staging t2
    CROSS JOIN LATERAL (
      SELECT b.ballot_id, b.county_code, b.sent_date, b.issued_date, e.election_date
      FROM ballots b JOIN elections e ON e.id = b.election_id
      WHERE b.election_id = t2.election_id AND b.voter_id = t2.voter_id
      ORDER BY b.issued_date DESC NULLS LAST, b.created_at DESC, b.ballot_id DESC LIMIT 1) b
    WHERE t.line = t2.line AND t.reason IS NULL AND t.ballot_id IS NULL`);
  await client.query(`
    UPDATE tracking_staging t SET reason = CASE
      WHEN t.ballot_id IS NOT NULL THEN format('unknown ballot "%s" in election %s', t.ballot_id, t.election_id)
      WHEN EXISTS (SELECT 1 FROM voters v WHERE v.voter_id = t.voter_id) THEN format('voter %s has no ballot in election %s', t.voter_id, t.election_id)
      ELSE format('unknown voter "%s" (no ballot of election %s is theirs)', t.voter_id, t.election_id) END
    WHERE t.reason IS NULL AND t.county_code IS NULL`);
  await client.query(`
    WITH conflicted AS (
      SELECT imb, election_id, array_to_string((array_agg(line ORDER BY line))[1:5], ', ') AS lines
      FROM tracking_staging WHERE reason IS NULL
      GROUP BY imb, election_id HAVING count(DISTINCT (ballot_id, direction)) > 1)
    UPDATE tracking_staging t
    SET reason = format('IMB %s is claimed for two envelopes in this file (lines %s): none of them is loaded', t.imb, c.lines)
    FROM conflicted c WHERE t.reason IS NULL AND t.imb = c.imb AND t.election_id = c.election_id`);
  await client.query(`
    WITH ranked AS (
      SELECT line, min(line) OVER (PARTITION BY imb, election_id) AS first_line FROM tracking_staging WHERE reason IS NULL)
    UPDATE tracking_staging t SET reason = format('duplicate of line %s', r.first_line)
    FROM ranked r WHERE t.line = r.line AND r.line <> r.first_line`);
  await client.query(`
    UPDATE tracking_staging t
    SET reason = format('IMB %s already belongs to the %s envelope of ballot %s (voter %s) in election %s', t.imb, c.direction, c.ballot_id, c.voter_id, c.election_id)
    FROM imb_crosswalk c
    WHERE t.reason IS NULL AND c.imb = t.imb AND c.election_id = t.election_id AND (c.ballot_id <> t.ballot_id OR c.direction <> t.direction)`);
}

/** Rejected rows in line order, a page at a time (after `afterLine`). */
export async function stagedRejects(client: Queryable, afterLine: number, limit = 5000): Promise<Reject[]> {
  const { rows } = await client.query<{ line: number; reason: string }>(
    'SELECT line, reason FROM tracking_staging WHERE reason IS NOT NULL AND line > $1 ORDER BY line LIMIT $2', [afterLine, limit]);
  return rows;
}

/** Loads the accepted rows; an envelope already known (same IMB, election, ballot, direction) is left as it is. */
export async function insertCrosswalk(client: Queryable, runId: number): Promise<{ accepted: number; inserted: number }> {
  const r = await client.query(`
    INSERT INTO imb_crosswalk (imb, routing_code, election_id, ballot_id, voter_id, county_code, direction, mail_date, run_id)
    SELECT imb, routing, election_id, ballot_id, voter_id, county_code, direction, resolved_mail_date, $1
    FROM tracking_staging WHERE reason IS NULL
    ON CONFLICT (imb, election_id) DO NOTHING`, [runId]);
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM tracking_staging WHERE reason IS NULL');
  return { accepted: rows[0]!.n, inserted: r.rowCount ?? 0 };
}

export interface ReuseWarning { line: number; imb: string; electionId: string; otherElectionId: string; days: number }

/** Accepted rows whose IMB was used for another election's envelope fewer than 45 days apart. */
export async function reuseWarnings(client: Queryable, sample = 20): Promise<{ count: number; sample: ReuseWarning[] }> {
  const where = `FROM tracking_staging t JOIN imb_crosswalk o ON o.imb = t.imb AND o.election_id <> t.election_id
    WHERE t.reason IS NULL AND abs(o.mail_date - t.resolved_mail_date) < ${IMB_REUSE_DAYS}`;
  const count = (await client.query<{ n: number }>(`SELECT count(DISTINCT t.line)::int AS n ${where}`)).rows[0]!.n;
  if (count === 0) return { count, sample: [] };
  const { rows } = await client.query<{ line: number; imb: string; election_id: string; other: string; days: number }>(
    `SELECT t.line, t.imb, t.election_id, o.election_id AS other, abs(o.mail_date - t.resolved_mail_date) AS days ${where} ORDER BY t.line LIMIT $1`, [sample]);
  return { count, sample: rows.map((r) => ({ line: r.line, imb: r.imb, electionId: r.election_id, otherElectionId: r.other, days: r.days })) };
}

/**
 * Matches the scans that were waiting for these IMBs (scan before crosswalk) to the envelope
 * each belongs to, and records them in `scan_new` so that this run appends their events.
 */
export async function matchWaitingScans(client: Queryable, runId: number): Promise<number> {
  await createNewScans(client);
  const r = await client.query(`
    WITH matched AS (
      UPDATE imb_scans s SET crosswalk_id = m.crosswalk_id, matched_run_id = $1
      FROM (
        SELECT w.imb, w.scanned_at, w.event_code, (
          SELECT c.id FROM imb_crosswalk c
          WHERE c.imb = w.imb AND ${SCAN_MATCH_WINDOW('c', 'w.scanned_at')}
            AND (w.counties IS NULL OR c.county_code = ANY (w.counties))
          ORDER BY c.mail_date DESC, c.id DESC LIMIT 1) AS crosswalk_id
        FROM imb_scans w
        WHERE w.crosswalk_id IS NULL AND w.imb IN (SELECT imb FROM tracking_staging WHERE reason IS NULL)
      ) m
      WHERE s.imb = m.imb AND s.scanned_at = m.scanned_at AND s.event_code = m.event_code AND m.crosswalk_id IS NOT NULL
      RETURNING s.imb, s.crosswalk_id, s.scanned_at, s.event_code, s.meaning, s.facility_zip, s.facility_city, s.facility_state)
    INSERT INTO scan_new SELECT * FROM matched`, [runId]);
  return r.rowCount ?? 0;
}
