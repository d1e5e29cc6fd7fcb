/**
 * Planning as a job: reads ballot events with the voters' subscriptions, the counties'
 * participation and the elections' windows in a few queries per batch, applies the pure
 * rules of planning.ts to each event, and stores the plan — messages inserted under their
 * unique key (ON CONFLICT DO NOTHING), waiting messages superseded, deliver jobs enqueued
 * with startAfter = not_before — all in one transaction per batch.
 *
 * Three entry points:
 *   - `planRun`: the events an ingest run appended (job plan-events {runId});
 *   - `openDueWindows`: at a window's opening, the CURRENT status of every subscribed
 *     voter's ballot in that county (never the backlog), once per (election, county);
 *   - `planCurrentStatusForVoter`: right after sign-up (or a YES), the current status of
 *     the voter's ballots that have already moved.
 *
 * Decisions beyond planning.ts:
 *   - Keys are per election: the ballot reference given to the rules is
 *     `<electionId>/<ballotId>`, because ballot ids are unique per election only.
 *   - A new message is also dropped (stored 'superseded', reason 'stale') when a message
 *     already sent for the same ballot and channel supersedes it strictly: a USPS scan
 *     reported after "received" went out, a status dated before the one already told.
 *   - Batches are serialised by one advisory lock, so two runs touching the same ballot
 *     cannot both decide that their message is the newest.
 */
import type pg from 'pg';
import { DateTime } from 'luxon';
import type { Runtime } from '../runtime.ts';
import type { Queue } from '../queue.ts';
import { trackingWindow, type TrackingWindow } from '../elections/window.ts';
import { currentStatusEvent, planForEvent, selectLatestPerBallot, supersedes } from './planning.ts';
import type { ElectionForPlanning, PlannedMessage, SubscriptionForPlanning } from './planning.ts';
import type { BallotMessageKind, Channel } from '../persisted.ts';
import {
  electionCounties, pendingWindowOpenings, recordPlanRun, recordWindowPass, runEvents, subscribedBallotEvents,
  lastSubscribedBallot, subscriptionsForVoters, voterBallotEvents,
} from './planning.repository.ts';
import type { ElectionCountyRow, EventRow } from './planning.repository.ts';
import { ballotMessages, insertMessages, supersedeMessages } from './messages.repository.ts';
import type { ExistingBallotMessage, NewMessage } from './messages.repository.ts';
import { enqueueDeliveries } from './jobs.ts';

/** One advisory lock serialises every planning transaction (see the header). */
export const PLANNING_LOCK = 7_400_413_040;

export interface PlanSummary {
  events: number;
  planned: number;
  superseded: number;
  skipped: Record<string, number>;
}

const emptySummary = (): PlanSummary => ({ events: 0, planned: 0, superseded: 0, skipped: {} });

function addSummary(into: PlanSummary, s: PlanSummary): void {
  into.events += s.events;
  into.planned += s.planned;
  into.superseded += s.superseded;
  for (const [k, n] of Object.entries(s.skipped)) into.skipped[k] = (into.skipped[k] ?? 0) + n;
}

const ballotRef = (electionId: string, ballotId: string): string => `${electionId}/${ballotId}`;
const pairKey = (electionId: string, countyCode: string): string => `${electionId}\u0000${countyCode}`;

/** The election as the rules see it, for one county; null when its window cannot be computed. */
function electionForPlanning(rt: Runtime, row: ElectionCountyRow): ElectionForPlanning & { window: TrackingWindow } {
  const participating = row.participating ?? row.kind === 'statewide';
  try {
    const window = trackingWindow(row.electionDate, rt.profile.timeZone, {
      ...(row.trackingStart ? { startDate: row.trackingStart } : {}),
      daysBefore: row.daysBefore,
      daysAfter: row.daysAfter,
    });
    return { electionId: row.electionId, countyParticipating: participating, window };
  } catch (err) {
    rt.log.warn({ err, electionId: row.electionId, countyCode: row.countyCode }, 'tracking window cannot be computed; not planning for it');
    return { electionId: row.electionId, countyParticipating: false, window: { opensAt: new Date(0), closesAt: new Date(0) } };
  }
}

interface Candidate extends NewMessage {
  ref: string;
  planKind: BallotMessageKind;
  occurred: Date;
}

/**
 * Plans `events` inside the caller's transaction (which must hold PLANNING_LOCK).
 * `currentOnly`: plan only each ballot's current status event (window opening, sign-up).
 * `planAt`: apply the rules as of this instant instead of `now` (a little later, after sign-up).
 */
export async function planEventsInTx(rt: Runtime, client: pg.PoolClient, boss: Queue, events: readonly EventRow[], now: Date, options: { currentOnly?: boolean; planAt?: Date } = {}): Promise<PlanSummary> {
  const summary = emptySummary();
  summary.events = events.length;
  if (events.length === 0) return summary;
  const chosen = options.currentOnly ? currentPerBallot(events) : events;

  const subs = await subscriptionsForVoters(client, [...new Set(chosen.map((e) => e.voterId))]);
  const elections = new Map((await electionCounties(client, chosen.map((e) => ({ electionId: e.electionId, countyCode: e.countyCode }))))
    .map((row) => [pairKey(row.electionId, row.countyCode), electionForPlanning(rt, row)]));

  const candidates: Candidate[] = [];
  for (const ev of chosen) {
    const sub = subs.get(ev.voterId) ?? null;
    const election = elections.get(pairKey(ev.electionId, ev.countyCode));
    if (!election) {
      summary.skipped.unknown_election = (summary.skipped.unknown_election ?? 0) + 1;
      continue;
    }
    const ref = ballotRef(ev.electionId, ev.ballotId);
    const outcome = planForEvent({ ...ev, ballotId: ref }, sub, election, rt.profile.timeZone, options.planAt ?? now);
    for (const s of outcome.skipped) {
      const k = s.channel ? `${s.reason}:${s.channel}` : s.reason;
      summary.skipped[k] = (summary.skipped[k] ?? 0) + 1;
    }
    for (const p of outcome.planned) candidates.push(toCandidate(p, ev, sub!, election.window));
  }
  const { insert, supersedeExisting } = await decideSupersede(client, candidates);
  const superseded = await supersedeMessages(client, supersedeExisting, now);
  const inserted = await insertMessages(client, insert, now);
  const planned = inserted.filter((m) => m.status === 'planned');
  await enqueueDeliveries(boss, client, planned, now);
  summary.planned = planned.length;
  summary.superseded = superseded.length + inserted.length - planned.length;
  return summary;
}

function currentPerBallot(events: readonly EventRow[]): EventRow[] {
  const byBallot = new Map<string, EventRow[]>();
  for (const e of events) {
    const k = ballotRef(e.electionId, e.ballotId);
    const list = byBallot.get(k);
    if (list) list.push(e);
    else byBallot.set(k, [e]);
  }
  return [...byBallot.values()].map((list) => currentStatusEvent(list)!).filter(Boolean);
}

function toCandidate(p: PlannedMessage, ev: EventRow, sub: SubscriptionForPlanning, window: TrackingWindow): Candidate {
  const channel = sub.channels.find((c) => c.channel === p.channel)!;
  return {
    ref: p.ballotId,
    planKind: p.kind,
    occurred: p.occurredAt,
    key: p.key,
    subscriptionId: sub.subscriptionId,
    voterId: ev.voterId,
    electionId: ev.electionId,
    ballotId: ev.ballotId,
    eventId: ev.eventId,
    kind: p.kind,
    reason: p.reason,
    channel: p.channel,
    address: channel.address,
    language: sub.language,
    occurredAt: p.occurredAt,
    notBefore: p.notBefore,
    windowClosesAt: window.closesAt,
    status: 'planned',
    statusReason: null,
  };
}

const WAITING = new Set(['planned']);
const GONE_OUT = new Set(['sending', 'sent', 'delivered']);

/**
 * Supersede among what waits (stored and new), per ballot and channel, and drop new
 * messages that a message already sent makes stale. New messages whose key is stored
 * already are left out: they are the same message.
 */
async function decideSupersede(client: pg.PoolClient, candidates: readonly Candidate[]): Promise<{ insert: NewMessage[]; supersedeExisting: Array<{ id: string; byKey: string }> }> {
  const seen = new Set<string>();
  const unique = candidates.filter((c) => (seen.has(c.key) ? false : (seen.add(c.key), true)));
  if (unique.length === 0) return { insert: [], supersedeExisting: [] };
  const ballots = [...new Map(unique.map((c) => [c.ref, { electionId: c.electionId!, ballotId: c.ballotId! }])).values()];
  const existing = await ballotMessages(client, ballots);
  const existingKeys = new Set(existing.map((m) => m.key));
  const fresh = unique.filter((c) => !existingKeys.has(c.key));

  type Item = { ballotId: string; channel: Channel; kind: BallotMessageKind; occurredAt: Date; stored?: ExistingBallotMessage; fresh?: Candidate };
  const items: Item[] = [
    ...existing.filter((m) => WAITING.has(m.status) && m.occurredAt !== null)
      .map((m) => ({ ballotId: ballotRef(m.electionId, m.ballotId), channel: m.channel, kind: m.kind as BallotMessageKind, occurredAt: m.occurredAt, stored: m })),
    ...fresh.map((c) => ({ ballotId: c.ref, channel: c.channel, kind: c.planKind, occurredAt: c.occurred, fresh: c })),
  ];
  const { superseded } = selectLatestPerBallot(items);
  const supersededFresh = new Set<Candidate>();
  const supersedeExisting: Array<{ id: string; byKey: string }> = [];
  for (const { message, by } of superseded) {
    const byKey = by.stored?.key ?? by.fresh!.key;
    if (message.stored) supersedeExisting.push({ id: message.stored.id, byKey });
    else supersededFresh.add(message.fresh!);
  }

  const goneOut = new Map<string, ExistingBallotMessage[]>();
  for (const m of existing) {
    if (!GONE_OUT.has(m.status) || m.occurredAt === null) continue;
    const k = `${ballotRef(m.electionId, m.ballotId)}\u0000${m.channel}`;
    const list = goneOut.get(k);
    if (list) list.push(m);
    else goneOut.set(k, [m]);
  }
  const insert: NewMessage[] = fresh.map((c) => {
    const { ref: _ref, planKind: _k, occurred: _o, ...message } = c;
    if (supersededFresh.has(c)) return { ...message, status: 'superseded', statusReason: 'newer_status' };
    const sent = goneOut.get(`${c.ref}\u0000${c.channel}`) ?? [];
    const newer = { kind: c.planKind, occurredAt: c.occurred };
    const stale = sent.some((s) => {
      const old = { kind: s.kind as BallotMessageKind, occurredAt: s.occurredAt };
      return supersedes(old, newer) && !supersedes(newer, old);
    });
    return stale ? { ...message, status: 'superseded', statusReason: 'stale' } : message;
  });
  return { insert, supersedeExisting };
}

async function inPlanningTx<T>(rt: Runtime, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return rt.db.tx(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PLANNING_LOCK]);
    return fn(client);
  });
}

/** Plans every event an ingest run appended, in batches; records the run's summary. */
export async function planRun(rt: Runtime, runId: string): Promise<PlanSummary> {
  const boss = await rt.queue();
  const total = emptySummary();
  const batch = rt.config.notifications.planBatchSize;
  let after = '0';
  for (;;) {
    const done = await inPlanningTx(rt, async (client) => {
      const events = await runEvents(client, runId, after, batch);
      if (events.length === 0) return true;
      after = events[events.length - 1]!.eventId;
      addSummary(total, await planEventsInTx(rt, client, boss, events, rt.clock.now()));
      return events.length < batch;
    });
    if (done) break;
  }
  await recordPlanRun(rt.db.pool, runId, total, rt.clock.now());
  return total;
}

/**
 * The opening pass: for every (election, county) whose window is open now and has not been
 * passed yet, plans the current status of each subscribed voter's ballot, then records the
 * pass. Events that arrived before the opening were kept and skipped ('outside_window'):
 * this is where they are told, as one current status per ballot.
 */
export async function openDueWindows(rt: Runtime): Promise<Array<{ electionId: string; countyCode: string } & PlanSummary>> {
  const now = rt.clock.now();
  const today = DateTime.fromJSDate(now, { zone: rt.profile.timeZone }).toISODate()!;
  const results: Array<{ electionId: string; countyCode: string } & PlanSummary> = [];
  for (const row of await pendingWindowOpenings(rt.db.pool, today)) {
    const election = electionForPlanning(rt, row);
    if (!election.countyParticipating) continue;
    if (now < election.window.opensAt || now >= election.window.closesAt) continue;
    results.push({ electionId: row.electionId, countyCode: row.countyCode, ...(await openWindow(rt, row.electionId, row.countyCode, election.window.opensAt)) });
  }
  return results;
}

async function openWindow(rt: Runtime, electionId: string, countyCode: string, opensAt: Date): Promise<PlanSummary> {
  const boss = await rt.queue();
  const total = emptySummary();
  const BALLOTS = 2000;
  let after = '';
  for (;;) {
    const done = await inPlanningTx(rt, async (client) => {
      const last = await lastSubscribedBallot(client, electionId, countyCode, after, BALLOTS);
      if (last === null) return true;
      const events = await subscribedBallotEvents(client, electionId, countyCode, after, BALLOTS);
      addSummary(total, await planEventsInTx(rt, client, boss, events, rt.clock.now(), { currentOnly: true }));
      after = last;
      return false;
    });
    if (done) break;
  }
  await recordWindowPass(rt.db.pool, electionId, countyCode, opensAt, rt.clock.now(), total.planned);
  rt.log.info({ electionId, countyCode, planned: total.planned, skipped: total.skipped }, 'tracking window opened');
  return total;
}

/**
 * Right after sign-up (or a YES, or START): the current status of each of the voter's
 * ballots that has moved. `delayMs` plans as of that much later, so that the confirmation
 * that triggered it arrives first.
 */
export async function planCurrentStatusForVoter(rt: Runtime, voterId: string, options: { delayMs?: number } = {}): Promise<PlanSummary> {
  const boss = await rt.queue();
  return inPlanningTx(rt, async (client) => {
    const events = await voterBallotEvents(client, voterId);
    const now = rt.clock.now();
    return planEventsInTx(rt, client, boss, events, now, { currentOnly: true, planAt: new Date(now.getTime() + (options.delayMs ?? 0)) });
  });
}
