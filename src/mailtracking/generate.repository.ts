import type { Queryable } from '../db/pool.ts';
import { SCAN_STALE_STATUSES } from './scans.repository.ts';
import type { MailBallot } from './generate.ts';

/**
 * An election's ballots as the generator wants them, in ballot ID order (the order that
 * gives each its IMB serial). A ballot without a sent date (yet) went into the mail the day
 * after it was issued: USPS scans it whatever the county has reported. A ballot the county
 * has logged as returned (or decided) was mailed back two days before the first such
 * status, in the state's time zone, and never before the day after it was sent.
 */
export async function generatorBallots(db: Queryable, electionId: string, timeZone: string): Promise<MailBallot[]> {
  const { rows } = await db.query<{ ballot_id: string; voter_id: string; county_code: string; sent_date: string | null; returned_date: string | null }>(`
    WITH returned AS (
      SELECT h.ballot_id, min(h.status_date) AS at FROM ballot_status_history h
      WHERE h.election_id = $1 AND h.status_code = ANY ($2::text[]) GROUP BY h.ballot_id)
    SELECT b.ballot_id, b.voter_id, b.county_code, coalesce(b.sent_date, b.issued_date + 1)::text AS sent_date,
      CASE WHEN coalesce(r.at, CASE WHEN b.status_code = ANY ($2::text[]) THEN b.status_date END) IS NOT NULL THEN
        greatest((coalesce(r.at, b.status_date) AT TIME ZONE $3)::date - 2, coalesce(b.sent_date, b.issued_date + 1) + 1)::text END AS returned_date
    FROM ballots b LEFT JOIN returned r ON r.ballot_id = b.ballot_id
    WHERE b.election_id = $1
    ORDER BY b.ballot_id`, [electionId, SCAN_STALE_STATUSES.filter((c) => c !== 'CLD'), timeZone]);
  return rows.map((r) => ({ electionId, ballotId: r.ballot_id, voterId: r.voter_id, countyCode: r.county_code, sentDate: r.sent_date, returnedDate: r.returned_date }));
}
