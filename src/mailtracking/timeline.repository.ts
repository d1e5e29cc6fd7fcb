import type { Queryable } from '../db/pool.ts';
import type { TimelineBallotRow, TimelineScanRow, TimelineStatusRow } from './timeline.ts';

export async function timelineBallot(db: Queryable, electionId: string, ballotId: string): Promise<TimelineBallotRow | null> {
  const { rows } = await db.query<TimelineBallotRow>(`
    SELECT election_id, ballot_id, voter_id, county_code, issued_date, sent_date, status_code, status_date, cure_deadline
    FROM ballots WHERE election_id = $1 AND ballot_id = $2`, [electionId, ballotId]);
  return rows[0] ?? null;
}

/** The voter's ballots, of one election or of all, newest election first. */
export async function voterBallotIds(db: Queryable, voterId: string, electionId: string | null): Promise<Array<{ election_id: string; ballot_id: string }>> {
  const { rows } = await db.query<{ election_id: string; ballot_id: string }>(`
    SELECT b.election_id, b.ballot_id FROM ballots b JOIN elections e ON e.id = b.election_id
    WHERE b.voter_id = $1 AND ($2::text IS NULL OR b.election_id = $2)
    ORDER BY e.election_date DESC, b.issued_date NULLS LAST, b.created_at, b.ballot_id`, [voterId, electionId]);
  return rows;
}

/**
 * Every status reported for the ballot, oldest first. Read through to_jsonb so that the
 * date-precision columns of the ingest (021: status_day, status_date_only) are used when
 * present without this domain depending on them.
 */
export async function timelineStatuses(db: Queryable, electionId: string, ballotId: string): Promise<TimelineStatusRow[]> {
  const { rows } = await db.query<{ h: Record<string, unknown> }>(`
    SELECT to_jsonb(h) AS h FROM ballot_status_history h
    WHERE h.election_id = $1 AND h.ballot_id = $2 AND h.classification <> 'unknown_code'
    ORDER BY h.status_date, h.id`, [electionId, ballotId]);
  return rows.map(({ h }) => ({
    status_code: String(h.status_code),
    status_date: new Date(String(h.status_date)),
    date_only: h.status_date_only === true,
    day: typeof h.status_day === 'string' ? h.status_day : null,
    cure_deadline: typeof h.cure_deadline === 'string' ? h.cure_deadline : null,
  }));
}

/** The scans of the ballot's envelopes, oldest first. */
export async function timelineScans(db: Queryable, electionId: string, ballotId: string): Promise<TimelineScanRow[]> {
  const { rows } = await db.query<TimelineScanRow>(`
    SELECT c.direction, s.scanned_at, s.event_code, s.meaning, s.handling_event_type, s.facility_zip, s.facility_city, s.facility_state
    FROM imb_crosswalk c JOIN imb_scans s ON s.imb = c.imb AND s.crosswalk_id = c.id
    WHERE c.election_id = $1 AND c.ballot_id = $2
    ORDER BY s.scanned_at, s.event_code`, [electionId, ballotId]);
  return rows;
}
