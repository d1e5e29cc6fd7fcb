import type { Queryable } from '../db/pool.ts';

/** Reading ballots, their status history and events (the ingest writes them: ingest.repository.ts). */

export interface BallotRow {
  election_id: string; ballot_id: string; voter_id: string; county_code: string;
  issued_date: string | null; sent_date: string | null; status_code: string | null; status_date: Date | null;
  status_day: string | null; status_date_only: boolean; status_reason: string | null; cure_deadline: string | null;
  reissue_of: string | null; created_at: Date; updated_at: Date;
}

export interface HistoryRow {
  id: number; status_code: string; status_date: Date; status_day: string | null; status_date_only: boolean;
  reason_text: string | null; cure_deadline: string | null; classification: string; run_id: number | null; recorded_at: Date;
}

export interface EventRow {
  id: number; election_id: string; ballot_id: string; voter_id: string; county_code: string; kind: string; reason: string;
  occurred_at: Date; source: string; run_id: number | null; details: Record<string, unknown>; recorded_at: Date;
}

export async function getBallot(db: Queryable, electionId: string, ballotId: string): Promise<BallotRow | null> {
  return (await db.query<BallotRow>('SELECT * FROM ballots WHERE election_id = $1 AND ballot_id = $2', [electionId, ballotId])).rows[0] ?? null;
}

export async function ballotsOfVoter(db: Queryable, voterId: string, electionId: string | null): Promise<BallotRow[]> {
  return (await db.query<BallotRow>(
    'SELECT * FROM ballots WHERE voter_id = $1 AND ($2::text IS NULL OR election_id = $2) ORDER BY election_id, issued_date NULLS LAST, created_at',
    [voterId, electionId])).rows;
}

export async function historyOf(db: Queryable, electionId: string, ballotId: string): Promise<HistoryRow[]> {
  return (await db.query<HistoryRow>(
    `SELECT id, status_code, status_date, status_day, status_date_only, reason_text, cure_deadline, classification, run_id, recorded_at
     FROM ballot_status_history WHERE election_id = $1 AND ballot_id = $2 ORDER BY id`, [electionId, ballotId])).rows;
}

export async function eventsOf(db: Queryable, electionId: string, ballotId: string): Promise<EventRow[]> {
  return (await db.query<EventRow>('SELECT * FROM ballot_events WHERE election_id = $1 AND ballot_id = $2 ORDER BY id', [electionId, ballotId])).rows;
}

export async function eventsOfRun(db: Queryable, runId: number, limit: number): Promise<EventRow[]> {
  return (await db.query<EventRow>('SELECT * FROM ballot_events WHERE run_id = $1 ORDER BY id LIMIT $2', [runId, limit])).rows;
}

export async function participationOf(db: Queryable, voterId: string, electionId: string | null): Promise<Array<{ election_id: string; method: string; voted_day: string; ballot_id: string | null; run_id: number | null }>> {
  return (await db.query(
    'SELECT election_id, method, voted_day, ballot_id, run_id FROM voter_participation WHERE voter_id = $1 AND ($2::text IS NULL OR election_id = $2) ORDER BY election_id, voted_at',
    [voterId, electionId])).rows;
}
