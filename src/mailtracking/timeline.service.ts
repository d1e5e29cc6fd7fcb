import type { Queryable } from '../db/pool.ts';
import { buildTimeline, type BallotTimeline } from './timeline.ts';
import * as repo from './timeline.repository.ts';

export interface TimelineOptions {
  /** The state's time zone (rt.profile.timeZone): entries are grouped by calendar day in it. Default America/Los_Angeles. */
  timeZone?: string;
}

/** One ballot's timeline, oldest entry first; null when the ballot is unknown. */
export async function ballotTimeline(db: Queryable, electionId: string, ballotId: string, options: TimelineOptions = {}): Promise<BallotTimeline | null> {
  const ballot = await repo.timelineBallot(db, electionId, ballotId);
  if (ballot === null) return null;
  const statuses = await repo.timelineStatuses(db, electionId, ballotId);
  const scans = await repo.timelineScans(db, electionId, ballotId);
  return buildTimeline(ballot, statuses, scans, options.timeZone ?? 'America/Los_Angeles');
}

/** The timelines of all of a voter's ballots (one election, or every election newest first). */
export async function voterTimelines(db: Queryable, voterId: string, electionId: string | null = null, options: TimelineOptions = {}): Promise<BallotTimeline[]> {
  const timelines: BallotTimeline[] = [];
  for (const b of await repo.voterBallotIds(db, voterId, electionId)) {
    const t = await ballotTimeline(db, b.election_id, b.ballot_id, options);
    if (t) timelines.push(t);
  }
  return timelines;
}
