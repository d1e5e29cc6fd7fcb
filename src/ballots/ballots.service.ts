import { AppError } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import * as repo from './ballots.repository.ts';

/** A ballot with its full status history and the events it produced (console, CLI, API). */
export interface BallotView {
  ballot: repo.BallotRow;
  history: repo.HistoryRow[];
  events: repo.EventRow[];
}

export async function getBallotView(deps: Pick<Runtime, 'db'>, electionId: string, ballotId: string): Promise<BallotView> {
  const ballot = await repo.getBallot(deps.db.pool, electionId, ballotId);
  if (!ballot) throw new AppError(404, 'ballot_not_found', `no ballot ${ballotId} in election ${electionId}`);
  const [history, events] = await Promise.all([repo.historyOf(deps.db.pool, electionId, ballotId), repo.eventsOf(deps.db.pool, electionId, ballotId)]);
  return { ballot, history, events };
}

/** Every ballot of a voter (in one election, or all), with history and events, and their participation records. */
export async function getVoterBallots(deps: Pick<Runtime, 'db'>, voterId: string, electionId: string | null = null): Promise<{
  ballots: BallotView[]; participation: Awaited<ReturnType<typeof repo.participationOf>>;
}> {
  const ballots = await repo.ballotsOfVoter(deps.db.pool, voterId, electionId);
  const views = await Promise.all(ballots.map(async (ballot) => ({
    ballot,
    history: await repo.historyOf(deps.db.pool, ballot.election_id, ballot.ballot_id),
    events: await repo.eventsOf(deps.db.pool, ballot.election_id, ballot.ballot_id),
  })));
  return { ballots: views, participation: await repo.participationOf(deps.db.pool, voterId, electionId) };
}
