/**
 * The "my ballot" page's read, in one statement: the voter's name and county, and for every
 * ballot of a current election the ballot, its status history and its envelopes' USPS scans —
 * the same rows mailtracking/timeline.repository.ts reads (same filters), as JSON.
 *
 * Why not voterTimelines(): it costs 1 + 3 sequential round trips per ballot, and with the
 * session check and the account that made the page 7 statements. It is the portal's hot path
 * (bench/portal.ts: p99 ≤ 50 ms at 300 requests/s on a shared 2-core machine), where every
 * round trip is two context switches and a query plan. The rows still become a timeline
 * through the domain's pure buildTimeline(), so the rules stay in mailtracking/; only the read
 * is here. If timeline.service grows a one-statement read, use it and delete this file.
 *
 * A named (prepared) statement: planning this query costs about three times its execution.
 */
import type { Queryable } from '../../db/pool.ts';
import type { EnvelopeDirection, ScanMeaning } from '../../persisted.ts';
import type { TimelineBallotRow, TimelineScanRow, TimelineStatusRow } from '../../mailtracking/timeline.ts';

export interface MyBallotRows {
  voter: { firstName: string; lastName: string; countyCode: string; countyName: string };
  elections: Array<{
    electionId: string; electionName: string; electionDate: string;
    /** Newest issued first (a reissue before the ballot it replaced). */
    ballots: Array<{ ballot: TimelineBallotRow; statuses: TimelineStatusRow[]; scans: TimelineScanRow[] }>;
  }>;
}

interface JsonBallot {
  election_id: string; election_name: string; election_date: string; ballot_id: string; voter_id: string; county_code: string;
  issued_date: string | null; sent_date: string | null; status_code: string | null; status_date: string | null; cure_deadline: string | null;
  statuses: Array<Record<string, unknown>>;
  scans: Array<{ direction: EnvelopeDirection; scanned_at: string; event_code: string; meaning: ScanMeaning; handling_event_type: string | null;
    facility_zip: string | null; facility_city: string | null; facility_state: string | null }>;
}

/**
 * The voter's page data, or null when the voter is not visible (confidential, removed).
 * `fromDate`: the earliest election day still current (today − the tracking days after).
 */
export async function readMyBallots(db: Queryable, voterId: string, fromDate: string): Promise<MyBallotRows | null> {
  const { rows } = await db.query<{ first_name: string; last_name: string; county_code: string; county_name: string; ballots: JsonBallot[] }>({ name: 'portal-my-ballots', text: `
    SELECT v.first_name, v.last_name, v.county_code, c.name AS county_name,
           coalesce((
             SELECT json_agg(json_build_object(
                      'election_id', b.election_id, 'election_name', e.name, 'election_date', e.election_date, 'ballot_id', b.ballot_id,
                      'voter_id', b.voter_id, 'county_code', b.county_code, 'issued_date', b.issued_date, 'sent_date', b.sent_date,
                      'status_code', b.status_code, 'status_date', b.status_date, 'cure_deadline', b.cure_deadline,
                      'statuses', coalesce((SELECT json_agg(to_jsonb(h) ORDER BY h.status_date, h.id) FROM ballot_status_history h
                                             WHERE h.election_id = b.election_id AND h.ballot_id = b.ballot_id AND h.classification <> 'unknown_code'), '[]'::json),
                      'scans', coalesce((SELECT json_agg(json_build_object(
                                                  'direction', x.direction, 'scanned_at', s.scanned_at, 'event_code', s.event_code, 'meaning', s.meaning,
                                                  'handling_event_type', s.handling_event_type, 'facility_zip', s.facility_zip,
                                                  'facility_city', s.facility_city, 'facility_state', s.facility_state) ORDER BY s.scanned_at, s.event_code)
                                           FROM imb_crosswalk x JOIN imb_scans s ON s.imb = x.imb AND s.crosswalk_id = x.id
                                          WHERE x.election_id = b.election_id AND x.ballot_id = b.ballot_id), '[]'::json))
                    ORDER BY e.election_date DESC, b.election_id, b.issued_date DESC NULLS LAST, b.created_at DESC, b.ballot_id DESC)
               FROM ballots b JOIN elections e ON e.id = b.election_id
              WHERE b.voter_id = v.voter_id AND e.election_date >= $2::date), '[]'::json) AS ballots
      FROM voters v JOIN counties c ON c.code = v.county_code
     WHERE v.voter_id = $1 AND NOT v.confidential AND v.removed_at IS NULL`, values: [voterId, fromDate] });
  const row = rows[0];
  if (!row) return null;
  const elections: MyBallotRows['elections'] = [];
  for (const b of row.ballots) {
    let e = elections.at(-1);
    if (!e || e.electionId !== b.election_id) {
      e = { electionId: b.election_id, electionName: b.election_name, electionDate: b.election_date, ballots: [] };
      elections.push(e);
    }
    e.ballots.push({
      ballot: {
        election_id: b.election_id, ballot_id: b.ballot_id, voter_id: b.voter_id, county_code: b.county_code, issued_date: b.issued_date,
        sent_date: b.sent_date, status_code: b.status_code, status_date: b.status_date === null ? null : new Date(b.status_date), cure_deadline: b.cure_deadline,
      },
      statuses: b.statuses.map((h) => ({
        status_code: String(h.status_code),
        status_date: new Date(String(h.status_date)),
        date_only: h.status_date_only === true,
        day: typeof h.status_day === 'string' ? h.status_day : null,
        cure_deadline: typeof h.cure_deadline === 'string' ? h.cure_deadline : null,
      })),
      scans: b.scans.map((s) => ({ ...s, scanned_at: new Date(s.scanned_at) })),
    });
  }
  return { voter: { firstName: row.first_name, lastName: row.last_name, countyCode: row.county_code, countyName: row.county_name }, elections };
}
