/**
 * Plays the demo season on the runtime's (accelerated) clock, through the entry points
 * production uses (docs/demo.md#driver). At each simulated day's 18:30, in order:
 *   - the periodic notification duties (window openings), as the notify-tick job does;
 *   - that day's VoteCal extract, through the ballot file import (held runs are approved by
 *     the demo's state actor, as a state admin would), then its planning;
 *   - on the first day, the print vendor's tracking file; every day, the USPS scan file of
 *     the day before, through the scan import (planning enqueued by the import);
 *   - the day's sign-ups (the portal's sign-up) and opt-outs (the portal's opt-out).
 * Between days it hands the messages that have fallen due to delivery (the deliver-message
 * job's handler): pg-boss counts job delays in real seconds, which an accelerated clock does
 * not have. The worker's own jobs run as usual beside it; both are idempotent.
 *
 * Progress (the last day done) is kept in the demo state, so a restart resumes with the next
 * day; a day redone after a crash adds nothing (imports and message keys are idempotent).
 */
import { Readable } from 'node:stream';
import { DateTime } from 'luxon';
import type { Runtime } from '../runtime.ts';
import { importBallotFile, approveHeldRun } from '../ballots/ingest.ts';
import { EXTRACT_HEADER, extractDays, extractLine, type ExtractRow } from '../ballots/generate-election.ts';
import { importTrackingFile } from '../mailtracking/tracking.service.ts';
import { importScansFile } from '../mailtracking/scans.service.ts';
import { scanFileLines, trackingFileLines, type GeneratedScan, type TrackedPiece } from '../mailtracking/generate.ts';
import { stateActor } from '../elections/actor.ts';
import { addDays } from '../elections/participation.ts';
import { planRun } from '../notifications/plan.service.ts';
import { deliverMessages } from '../notifications/delivery.service.ts';
import { notifyTick } from '../notifications/notifications.worker.ts';
import { createSession, optOutVoter, signUp, verifySession } from '../subscriptions/subscriptions.service.ts';
import { extractsByDay, mailPieces, scansByDay, type Population } from './population.ts';
import { populationOf } from './seed.ts';
import { writeDemoState, type DemoState } from './demo-state.ts';
import * as repo from './demo.repository.ts';

export interface DemoDriver {
  /** Does every day whose 18:30 has passed on the clock, then delivers what is due. Returns the days done. */
  step(): Promise<string[]>;
  /** Steps every `intervalMs` until stopped; `stop` waits for the step in flight. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
  state(): DemoState;
}

const DELIVER_SLICE = 500;

export function demoDriver(rt: Runtime, initial: DemoState): DemoDriver {
  let state = initial;
  const population: Population = populationOf(rt, state);
  const extracts = extractsByDay(population.stories);
  const pieces: TrackedPiece[] = mailPieces(population.stories);
  const scans = scansByDay(pieces, rt.profile.id, state.seed);
  const days = extractDays(state.electionDate);
  const actor = stateActor('demo');
  const at = (day: string, time: string): Date => DateTime.fromISO(`${day}T${time}`, { zone: rt.profile.timeZone }).toJSDate();

  /** Plays one day; returns the milliseconds each part took. */
  async function runDay(day: string): Promise<Record<string, number>> {
    const ms: Record<string, number> = {};
    const timed = async (part: string, fn: () => Promise<void>): Promise<void> => {
      const t = performance.now();
      await fn();
      ms[part] = Math.round(performance.now() - t);
    };
    await timed('tick', async () => { await notifyTick(rt); });
    await timed('extract', () => ingestExtract(day, extracts.get(day) ?? []));
    if (day === days[0]) await timed('tracking', importTracking);
    await timed('scans', () => importScans(day, scans.get(addDays(day, -1)) ?? []));
    await timed('signUps', () => signUps(day));
    await timed('optOuts', () => optOuts(day));
    return ms;
  }

  async function ingestExtract(day: string, rows: readonly ExtractRow[]): Promise<void> {
    if (rows.length === 0) return;
    const source = `demo-extract-${day}.csv`;
    if (await repo.hasRun(rt.db.pool, 'ballots', source)) return;
    const file = EXTRACT_HEADER + '\n' + rows.map(extractLine).join('');
    let report = await importBallotFile(rt, { source, input: Readable.from([Buffer.from(file)]) });
    if (report.status === 'held') {
      rt.log.info({ runId: report.runId, day }, 'demo: extract held by the guardrail; approving it as the state admin would');
      report = await approveHeldRun(rt, report.runId, actor, 'Demo: a busy day of the synthetic election, checked and approved.');
    }
    await planRun(rt, String(report.runId));
  }

  async function importTracking(): Promise<void> {
    const source = 'demo-tracking.csv';
    if (await repo.hasRun(rt.db.pool, 'tracking', source)) return;
    const file = [...trackingFileLines(pieces)].join('\n') + '\n';
    await importTrackingFile(rt, { source, input: Readable.from([Buffer.from(file)]) });
  }

  async function importScans(day: string, list: readonly GeneratedScan[]): Promise<void> {
    if (list.length === 0) return;
    const source = `demo-scans-${addDays(day, -1)}.txt`;
    if (await repo.hasRun(rt.db.pool, 'scans', source)) return;
    const file = [...scanFileLines(list)].join('\n') + '\n';
    await importScansFile(rt, { source, input: Readable.from([Buffer.from(file)]) });
  }

  async function signUps(day: string): Promise<void> {
    const today = population.signUps.filter((s) => s.day === day);
    if (today.length === 0) return;
    const already = await repo.subscribedVoters(rt.db.pool, today.map((s) => s.subscriber.voter.voterId));
    for (const { subscriber: s } of today) {
      if (already.has(s.voter.voterId)) continue;
      const v = s.voter;
      const identity = { firstName: v.firstName, lastName: v.lastName, dob: `${v.dob.slice(5, 7)}-${v.dob.slice(8, 10)}-${v.dob.slice(0, 4)}`, zip: v.zip };
      const preferences = { language: s.language, channels: s.channels, hours: s.hours };
      let result = await signUp(rt, { identity, preferences }, { ip: '127.0.0.1' });
      if (result.kind === 'voter_id_needed') result = await signUp(rt, { identity: { ...identity, voterId: v.voterId }, preferences }, { ip: '127.0.0.1' });
      if (result.kind !== 'signed_up' && result.kind !== 'already_subscribed') rt.log.warn({ outcome: result.kind }, 'demo: a sign-up did not go through');
    }
  }

  async function optOuts(day: string): Promise<void> {
    for (const o of population.optOuts.filter((x) => x.day === day)) {
      const session = await verifySession(rt, (await createSession(rt, o.voterId)).token);
      if (session) await optOutVoter(rt, session, 'all');
    }
  }

  async function deliverDue(): Promise<void> {
    for (;;) {
      const ids = await repo.dueMessageIds(rt.db.pool, rt.clock.now(), DELIVER_SLICE);
      if (ids.length === 0) return;
      await deliverMessages(rt, ids);
      if (ids.length < DELIVER_SLICE) return;
    }
  }

  async function step(): Promise<string[]> {
    const done: string[] = [];
    for (const day of days) {
      if (state.lastDay !== null && day <= state.lastDay) continue;
      await deliverDue();
      if (at(day, '18:30') > rt.clock.now()) break;
      const ms = await runDay(day);
      rt.log.info({ day, ms }, 'demo: day played');
      state = { ...state, lastDay: day };
      await writeDemoState(rt.config.dataDir, state);
      done.push(day);
    }
    await deliverDue();
    return done;
  }

  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<unknown> = Promise.resolve();
  let stopped = false;
  return {
    step,
    state: () => state,
    start(intervalMs = 250) {
      const tick = (): void => {
        if (stopped) return;
        inFlight = step()
          // A step cut short by Ctrl-C (the database stopping under it) is done again at the next start.
          .catch((err: unknown) => (stopped ? rt.log.info({ err }, 'demo: step interrupted by shutdown') : rt.log.error({ err }, 'demo: a step failed; trying again')))
          .finally(() => { if (!stopped) timer = setTimeout(tick, intervalMs); });
      };
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
