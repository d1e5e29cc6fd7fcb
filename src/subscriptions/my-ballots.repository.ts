/** "My ballots": a voter's mail ballots per election, for the API and the portal. */
import type { Queryable } from '../db/pool.ts';
import type { VoterBallot } from './subscriptions.types.ts';

/**
 * The voter's ballots grouped by election, newest election first; within an election the most
 * recently issued ballot first (a reissue before the ballot it replaced). Each with its current
 * status code and date, issued and sent dates and cure deadline. Empty until ingestion has
 * loaded ballots for the voter.
 */
export async function listVoterBallots(db: Queryable, voterId: string): Promise<VoterBallot[]> {
  const { rows } = await db.query<{
    election_id: string; election_name: string; election_date: string; ballot_id: string; status_code: string | null;
    status_date: Date | null; issued_date: string | null; sent_date: string | null; cure_deadline: string | null;
  }>(
    `SELECT b.election_id, e.name AS election_name, e.election_date, b.ballot_id, b.status_code, b.status_date,
            b.issued_date, b.sent_date, b.cure_deadline
       FROM ballots b JOIN elections e ON e.id = b.election_id
      WHERE b.voter_id = $1
      ORDER BY e.election_date DESC, b.election_id, b.issued_date DESC NULLS LAST, b.ballot_id DESC`, [voterId]);
  const elections: VoterBallot[] = [];
  for (const r of rows) {
    let e = elections.at(-1);
    if (!e || e.electionId !== r.election_id) {
      e = { electionId: r.election_id, electionName: r.election_name, electionDate: r.election_date, ballots: [] };
      elections.push(e);
    }
    e.ballots.push({ ballotId: r.ballot_id, statusCode: r.status_code, statusDate: r.status_date, issuedDate: r.issued_date, sentDate: r.sent_date, cureDeadline: r.cure_deadline });
  }
  return elections;
}
