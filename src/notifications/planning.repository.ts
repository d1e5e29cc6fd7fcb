/**
 * What planning reads: ballot events (of an ingest run, or the current ones of a
 * county's ballots or of one voter), the voters' live subscriptions with their
 * channels, and the elections with each county's participation. Set-oriented: a
 * few queries per batch of events, whatever its size.
 */
import type { Queryable } from '../db/pool.ts';
import { isLanguage } from '../persisted.ts';
import type { BallotMessageKind, Channel, ConsentState, ElectionKind } from '../persisted.ts';
import type { SubscriptionForPlanning } from './planning.ts';

/** A ballot event as planning needs it (ids as strings). */
export interface EventRow {
  eventId: string;
  electionId: string;
  ballotId: string;
  voterId: string;
  countyCode: string;
  kind: BallotMessageKind;
  reason: string;
  occurredAt: Date;
  sentDate: string | null;
}

const EVENT_COLUMNS = `e.id::text AS event_id, e.election_id, e.ballot_id, e.voter_id, e.county_code, e.kind, e.reason, e.occurred_at, b.sent_date`;

interface RawEvent { event_id: string; election_id: string; ballot_id: string; voter_id: string; county_code: string; kind: BallotMessageKind; reason: string; occurred_at: Date; sent_date: string | null }

const toEvent = (r: RawEvent): EventRow => ({
  eventId: r.event_id, electionId: r.election_id, ballotId: r.ballot_id, voterId: r.voter_id, countyCode: r.county_code,
  kind: r.kind, reason: r.reason, occurredAt: r.occurred_at, sentDate: r.sent_date,
});

/** The next batch of a run's events, in id order (arrival order). */
export async function runEvents(db: Queryable, runId: string, afterEventId: string, limit: number): Promise<EventRow[]> {
  const { rows } = await db.query<RawEvent>(
    `SELECT ${EVENT_COLUMNS}
     FROM ballot_events e JOIN ballots b ON b.election_id = e.election_id AND b.ballot_id = e.ballot_id
     WHERE e.run_id = $1 AND e.id > $2 ORDER BY e.id LIMIT $3`,
    [runId, afterEventId, limit],
  );
  return rows.map(toEvent);
}

/**
 * Every event of the next `limit` ballots (by ballot id, after `afterBallotId`) of one
 * election and county whose voter has an active subscription: the opening pass only
 * plans for voters who can be told.
 */
export async function subscribedBallotEvents(db: Queryable, electionId: string, countyCode: string, afterBallotId: string, limit: number): Promise<EventRow[]> {
  const { rows } = await db.query<RawEvent>(
    `WITH next_ballots AS (
       SELECT b.election_id, b.ballot_id, b.sent_date FROM ballots b
       WHERE b.election_id = $1 AND b.county_code = $2 AND b.ballot_id > $3
         AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.voter_id = b.voter_id AND s.state = 'active')
       ORDER BY b.ballot_id LIMIT $4)
     SELECT ${EVENT_COLUMNS}
     FROM next_ballots b JOIN ballot_events e ON e.election_id = b.election_id AND e.ballot_id = b.ballot_id
     ORDER BY e.ballot_id, e.id`,
    [electionId, countyCode, afterBallotId, limit],
  );
  return rows.map(toEvent);
}

/** The last ballot id `subscribedBallotEvents` would look at after this batch (for paging when a batch has no events). */
export async function lastSubscribedBallot(db: Queryable, electionId: string, countyCode: string, afterBallotId: string, limit: number): Promise<string | null> {
  const { rows } = await db.query<{ ballot_id: string }>(
    `SELECT max(ballot_id) AS ballot_id FROM (
       SELECT b.ballot_id FROM ballots b
       WHERE b.election_id = $1 AND b.county_code = $2 AND b.ballot_id > $3
         AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.voter_id = b.voter_id AND s.state = 'active')
       ORDER BY b.ballot_id LIMIT $4) t`,
    [electionId, countyCode, afterBallotId, limit],
  );
  return rows[0]?.ballot_id ?? null;
}

/** Every event of every ballot of one voter (sign-up: the current status per ballot). */
export async function voterBallotEvents(db: Queryable, voterId: string): Promise<EventRow[]> {
  const { rows } = await db.query<RawEvent>(
    `SELECT ${EVENT_COLUMNS}
     FROM ballot_events e JOIN ballots b ON b.election_id = e.election_id AND b.ballot_id = e.ballot_id
     WHERE e.voter_id = $1 ORDER BY e.election_id, e.ballot_id, e.id`,
    [voterId],
  );
  return rows.map(toEvent);
}

/** The live (not ended) subscription of each voter, with its channels. */
export async function subscriptionsForVoters(db: Queryable, voterIds: readonly string[]): Promise<Map<string, SubscriptionForPlanning>> {
  if (voterIds.length === 0) return new Map();
  const { rows } = await db.query<{
    id: string; voter_id: string; county_code: string; state: 'active' | 'suspended' | 'ended'; language: string; time_zone: string;
    hours_start: string; hours_end: string;
    channels: Array<{ channel: Channel; consent: ConsentState; address: string; needs_yes: boolean; yes_confirmed: boolean }>;
  }>(
    `SELECT s.id::text AS id, s.voter_id, s.county_code, s.state, s.language, s.time_zone, s.hours_start, s.hours_end,
            COALESCE(json_agg(json_build_object('channel', c.channel, 'consent', c.consent, 'address', c.address,
                     'needs_yes', c.needs_yes, 'yes_confirmed', c.yes_confirmed_at IS NOT NULL) ORDER BY c.channel)
                     FILTER (WHERE c.channel IS NOT NULL), '[]') AS channels
     FROM subscriptions s LEFT JOIN subscription_channels c ON c.subscription_id = s.id
     WHERE s.voter_id = ANY($1::text[]) AND s.state <> 'ended'
     GROUP BY s.id`,
    [voterIds],
  );
  return new Map(rows.map((r) => [r.voter_id, {
    subscriptionId: r.id,
    voterId: r.voter_id,
    countyCode: r.county_code,
    state: r.state,
    language: isLanguage(r.language) ? r.language : 'en',
    timeZone: r.time_zone,
    hours: { start: r.hours_start, end: r.hours_end },
    channels: r.channels.map((c) => ({ channel: c.channel, consent: c.consent, address: c.address, needsYes: c.needs_yes, yesConfirmed: c.yes_confirmed })),
  }]));
}

export interface ElectionCountyRow {
  electionId: string;
  countyCode: string;
  electionDate: string;
  kind: ElectionKind;
  daysBefore: number;
  daysAfter: number;
  /** Null when the county has no participation row. */
  participating: boolean | null;
  trackingStart: string | null;
}

interface RawElectionCounty { election_id: string; county_code: string; election_date: string; kind: ElectionKind; tracking_days_before: number; tracking_days_after: number; participating: boolean | null; tracking_start: string | null }

const toElectionCounty = (r: RawElectionCounty): ElectionCountyRow => ({
  electionId: r.election_id, countyCode: r.county_code, electionDate: r.election_date, kind: r.kind,
  daysBefore: r.tracking_days_before, daysAfter: r.tracking_days_after, participating: r.participating, trackingStart: r.tracking_start,
});

/** The elections of these (election, county) pairs with the county's participation. */
export async function electionCounties(db: Queryable, pairs: ReadonlyArray<{ electionId: string; countyCode: string }>): Promise<ElectionCountyRow[]> {
  if (pairs.length === 0) return [];
  const { rows } = await db.query<RawElectionCounty>(
    `SELECT e.id AS election_id, p.county_code, e.election_date, e.kind, e.tracking_days_before, e.tracking_days_after,
            cp.participating, cp.tracking_start
     FROM (SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) AS t(election_id, county_code)) p
     JOIN elections e ON e.id = p.election_id
     LEFT JOIN county_participation cp ON cp.election_id = p.election_id AND cp.county_code = p.county_code`,
    [pairs.map((p) => p.electionId), pairs.map((p) => p.countyCode)],
  );
  return rows.map(toElectionCounty);
}

/**
 * Every (election, county) that may be tracking around `today` (election day within
 * 130 days either way) and whose opening pass has not run: statewide elections for every
 * county not opted out, special and local ones for the counties that opted in.
 */
export async function pendingWindowOpenings(db: Queryable, today: string): Promise<ElectionCountyRow[]> {
  const { rows } = await db.query<RawElectionCounty>(
    `SELECT e.id AS election_id, c.code AS county_code, e.election_date, e.kind, e.tracking_days_before, e.tracking_days_after,
            cp.participating, cp.tracking_start
     FROM elections e CROSS JOIN counties c
     LEFT JOIN county_participation cp ON cp.election_id = e.id AND cp.county_code = c.code
     WHERE e.election_date BETWEEN $1::date - 130 AND $1::date + 130
       AND COALESCE(cp.participating, e.kind = 'statewide')
       AND NOT EXISTS (SELECT 1 FROM notification_window_passes w WHERE w.election_id = e.id AND w.county_code = c.code)
     ORDER BY e.id, c.code`,
    [today],
  );
  return rows.map(toElectionCounty);
}

export async function recordWindowPass(db: Queryable, electionId: string, countyCode: string, opensAt: Date, passedAt: Date, planned: number): Promise<void> {
  await db.query(
    `INSERT INTO notification_window_passes (election_id, county_code, opens_at, passed_at, planned) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (election_id, county_code) DO NOTHING`,
    [electionId, countyCode, opensAt, passedAt, planned],
  );
}

export async function recordPlanRun(db: Queryable, runId: string, summary: { events: number; planned: number; superseded: number; skipped: Record<string, number> }, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO notification_plan_runs (run_id, events, planned, superseded, skipped, finished_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (run_id) DO UPDATE SET events = EXCLUDED.events, planned = EXCLUDED.planned, superseded = EXCLUDED.superseded,
       skipped = EXCLUDED.skipped, finished_at = EXCLUDED.finished_at`,
    [runId, summary.events, summary.planned, summary.superseded, JSON.stringify(summary.skipped), now],
  );
}
