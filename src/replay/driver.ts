/**
 * Replays a whole election through the real system on a controlled clock: the scenario's
 * sign-ups (subscriptions service), web opt-outs (log-in, then opt-out), STOP replies (the
 * signed Twilio webhook), moves (a registry import with the new county), daily extracts (ballot ingest, with its guardrail), the tracking file
 * and nightly USPS scan files (mail tracking), the jobs they
 * enqueue (plan-events, service-message, taken from the real queue), and delivery through the
 * outbox provider, the clock moved to every moment a message falls due. Then it asks the
 * oracle what each voter should have received and compares.
 *
 * With `faults`: the provider fails for three two-hour spells, a delivery worker process runs
 * some batches and is killed with SIGKILL at random moments (another is started), sign-ups,
 * web opt-outs and STOP replies go over HTTP to a web process that is killed with SIGKILL at
 * random moments, between requests and with a request in flight (another is started and the
 * request sent again), and the database server is stopped and started once in the middle of a
 * delivery (`restartDatabase`; without it, every connection to the database is cut instead).
 * Every step survives a cut connection by being retried: each is idempotent (an ingest sent
 * again creates nothing, a delivery claims its rows, a sign-up sent again is already
 * subscribed, a STOP is recorded once per message id).
 */
import { Readable } from 'node:stream';
import pg from 'pg';
import twilio from 'twilio';
import { DateTime } from 'luxon';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.ts';
import type { Clock } from '../clock.ts';
import { QUEUES } from '../queue.ts';
import { stateActor } from '../elections/actor.ts';
import { addDays } from '../elections/participation.ts';
import { ingestBallotBatch, discardHeldRun } from '../ballots/ingest.ts';
import type { IngestReport } from '../ballots/ingest.ts';
import type { ExtractRow } from '../ballots/generate-election.ts';
import { importTrackingFile } from '../mailtracking/tracking.service.ts';
import { importScansFile } from '../mailtracking/scans.service.ts';
import { importVoters } from '../registry/import.ts';
import { signUp, logIn, verifySession, optOutVoter } from '../subscriptions/subscriptions.service.ts';
import { planRun } from '../notifications/plan.service.ts';
import { deliverMessages } from '../notifications/delivery.service.ts';
import { handleServiceMessage } from '../notifications/service-messages.service.ts';
import { notifyTick } from '../notifications/notifications.worker.ts';
import { notificationsRoutes } from '../notifications/notifications.routes.ts';
import { providersFor } from '../notifications/providers/index.ts';
import { isChannel, isMessageKind } from '../notifications/guards.ts';
import { buildServer } from '../web/server.ts';
import { ballotEvents, expectedMessages } from './oracle.ts';
import type { ExpectedMessage } from './oracle.ts';
import { compareMessages } from './compare.ts';
import { flakyProviders, WebProcess, WorkerProcess, type WebAnswer, type WebRequest } from './faults.ts';
import { rng, type Scenario, type ScenarioSubscriber } from './scenario.ts';
import { countRows, dueIds, insertVoters, nextDue, outboxMessages, setUpElection, terminateOtherBackends } from './replay.repository.ts';
import { buildReport, type ReplayReport } from './report.ts';

export type ReplayRuntime = Runtime & { clock: Clock & { set(d: Date): void } };

export interface ReplayOptions {
  faults?: boolean;
  /** Seeds the faults' random moments. */
  seed?: number;
  /** Progress lines (default: none). */
  progress?: (line: string) => void;
  /**
   * Stops the database server and starts it again (same data folder and port), for a replay that
   * owns its server. Without it, the "database restart" fault cuts every connection instead.
   */
  restartDatabase?: () => Promise<void>;
}

const SMS_TO = '+12135550100';
/** The registry file's columns (docs/feeds.md): a move is one row with the new county. */
const VOTER_HEADER = 'voter_id,county_code,first_name,middle_name,last_name,suffix,dob,zip,status,confidential,email,phone,language,updated_at';
const DELIVER_SLICE = 500;
/** Chances, per request to the web process, that it is killed just before, or while the request is in flight. */
const WEB_KILL_BEFORE = 0.002;
const WEB_KILL_IN_FLIGHT = 0.005;
/** A request in flight is killed 0–8 ms after it went out: often before its answer (a request takes a few ms). */
const WEB_KILL_MAX_MS = 8;

/** A distinct loopback source address per voter: the client address the web process sees (its rate limits are per address). */
function clientAddress(i: number): string {
  return `127.${1 + (Math.floor(i / 62_500) % 250)}.${Math.floor(i / 250) % 250}.${1 + (i % 250)}`;
}

interface Action { at: Date; label: string; run: () => Promise<void> }

export async function runReplay(rt: ReplayRuntime, scenario: Scenario, options: ReplayOptions = {}): Promise<ReplayReport> {
  const started = Date.now();
  const db = rt.db.pool;
  const say = options.progress ?? (() => undefined);
  const faults = options.faults ?? false;
  const random = rng((options.seed ?? 1) ^ 0x5eed);
  const stats = {
    tracking: 0, scans: { files: 0, stored: 0, outboundEvents: 0, inboundEvents: 0 },
    extracts: { daily: 0, late: 0, duplicate: 0, held: 0 }, heldStatus: '' as string, signUps: 0, webOptOuts: 0, stops: 0, moves: 0,
    faults: { providerFailures: { failures: 0 }, workerKills: 0, workerBatches: 0, webRequests: 0, webKillsInFlight: 0, webRequestsCut: 0, databaseRestarts: 0, connectionsCut: 0, retriedSteps: 0 },
  };

  const zone = scenario.election.stateTimeZone;
  const at = (day: string, time: string): Date => DateTime.fromISO(`${day}T${time}`, { zone }).toJSDate();
  const outages = faults ? [-20, -3, 5].map((d) => ({ from: at(addDays(scenario.electionDate, d), '09:00'), until: at(addDays(scenario.electionDate, d), '11:00') })) : [];
  const providers = faults ? flakyProviders(providersFor(rt.config), rt.clock, outages, stats.faults.providerFailures) : undefined;
  // The child processes' configuration, from the environment like every ballotline process.
  const childEnv: Record<string, string> = {
    DATABASE_URL: rt.db.url, BALLOTLINE_SECRET: rt.config.secret ?? '', BALLOTLINE_PROFILE: rt.config.profile,
    BALLOTLINE_DATA_DIR: rt.config.dataDir, BALLOTLINE_PUBLIC_URL: rt.config.publicUrl,
    ...(rt.config.notifications.voiceAudioBaseUrl ? { BALLOTLINE_VOICE_AUDIO_URL: rt.config.notifications.voiceAudioBaseUrl } : {}),
    ...(rt.config.notifications.twilio.authToken ? { TWILIO_AUTH_TOKEN: rt.config.notifications.twilio.authToken } : {}),
  };
  const worker = faults ? new WorkerProcess(childEnv) : null;
  const webProcess = faults ? new WebProcess(childEnv) : null;
  let cutAtRound = faults ? 40 + Math.floor(random() * 200) : -1;
  // One web request among the first hundred or so is always killed in flight, right after it went out.
  const webKillAtRequest = faults ? 10 + Math.floor(random() * 100) : -1;
  let round = 0;

  /** Runs a step again when a connection was cut under it (every step is idempotent). */
  async function retrying<T>(what: string, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (attempt >= 8 || !isConnectionError(err)) throw new Error(`replay step failed: ${what}`, { cause: err });
        stats.faults.retriedSteps++;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  }

  /**
   * One request to the web process, which may be killed just before it (between two requests)
   * or while it is in flight (0–8 ms after it went out, answered or not). A request that died
   * with the process, or a 5xx (a database connection cut under it), fails as a cut connection,
   * so `retrying` sends it again to the next process.
   */
  const callWeb = async (req: WebRequest): Promise<WebAnswer> => {
    const w = webProcess!;
    if (w.running && random() < WEB_KILL_BEFORE) await w.kill();
    const killAfter = stats.faults.webRequests === webKillAtRequest ? 0
      : random() < WEB_KILL_IN_FLIGHT ? Math.floor(random() * (WEB_KILL_MAX_MS + 1)) : null;
    if (killAfter !== null) stats.faults.webKillsInFlight++;
    stats.faults.webRequests++;
    const answer = await w.request(rt.clock.now(), req, killAfter).catch((err: unknown) => {
      if (isConnectionError(err)) stats.faults.webRequestsCut++;
      throw err;
    });
    if (answer.status >= 500) throw Object.assign(new Error(`${req.path} answered ${answer.status}`), { code: 'ECONNRESET' });
    return answer;
  };

  const server: { app: FastifyInstance | null } = { app: null };
  const web = async (): Promise<FastifyInstance> => {
    server.app ??= await buildServer(rt, { routes: [notificationsRoutes], logger: false });
    return server.app;
  };
  try {
    // ---- the registry and the election, as they stand before it
    rt.clock.set(scenario.startAt);
    await insertVoters(db, scenario.voters, scenario.startAt);
    await setUpElection(db, { electionId: scenario.electionId, electionDate: scenario.electionDate, counties: scenario.counties });
    const voterById = new Map(scenario.voters.map((v) => [v.voterId, v]));

    // ---- the jobs the entry points enqueue, taken from the real queue
    const drainJobs = async (): Promise<void> => {
      const boss = await rt.queue();
      for (;;) {
        const plans = await retrying('fetch plan-events', () => boss.fetch<{ runId: string | number }>(QUEUES.planEvents, { batchSize: 10 }));
        for (const j of plans) {
          await retrying('plan-events', () => planRun(rt, String(j.data.runId)));
          await retrying('complete', () => boss.complete(QUEUES.planEvents, j.id));
        }
        const services = await retrying('fetch service-message', () => boss.fetch<{ subscriptionId: string | number; kind: string; channel: string; ref?: string }>(QUEUES.serviceMessage, { batchSize: 50 }));
        for (const j of services) {
          const { kind, channel, ref, subscriptionId } = j.data;
          if (isMessageKind(kind) && isChannel(channel)) {
            await retrying('service-message', () => handleServiceMessage(rt, { subscriptionId: String(subscriptionId), kind, channel, ...(ref ? { ref } : {}) }));
          }
          await retrying('complete', () => boss.complete(QUEUES.serviceMessage, j.id));
        }
        if (plans.length === 0 && services.length === 0) return;
      }
    };

    // ---- delivery of one batch, where the faults happen
    const deliverBatch = async (ids: string[]): Promise<boolean> => {
      round++;
      if (round === cutAtRound) {
        cutAtRound = -1;
        if (options.restartDatabase) {
          // The server stops (fast shutdown: every session ended, open transactions rolled back)
          // a moment after the delivery began, and starts again on the same data and port.
          const delivering = deliverMessages(rt, ids, providers ? { providers } : {}).catch(() => null);
          await new Promise((r) => setTimeout(r, Math.floor(random() * 20)));
          await options.restartDatabase();
          stats.faults.databaseRestarts++;
          await delivering;
          return false;
        }
        // Not our server: every other connection to the database is cut instead, from a
        // connection of its own, which the cut spares (it is the one cutting).
        const admin = new pg.Client({ connectionString: rt.db.url });
        await admin.connect();
        const cut = terminateOtherBackends(admin).finally(() => admin.end());
        const [n] = await Promise.all([cut, deliverMessages(rt, ids, providers ? { providers } : {}).catch(() => null)]);
        stats.faults.connectionsCut += n;
        return false;
      }
      if (worker && random() < 0.08) {
        stats.faults.workerBatches++;
        const kill = random() < 0.5 ? Math.floor(random() * 40) : null;
        const done = await worker.deliver(rt.clock.now(), ids, kill).catch(() => false);
        if (kill !== null) stats.faults.workerKills++;
        if (done) return true;
      }
      try {
        await deliverMessages(rt, ids, providers ? { providers } : {});
        return true;
      } catch (err) {
        if (!isConnectionError(err) && !isOutage(err)) throw err;
        return false;
      }
    };

    /** Delivers everything due before `until`, moving the clock to each moment something falls due. */
    const deliverUntil = async (until: Date): Promise<void> => {
      for (;;) {
        const nb = await retrying('next due', () => nextDue(db));
        if (nb === null || nb >= until) return;
        if (nb > rt.clock.now()) rt.clock.set(nb);
        const ids = await retrying('due ids', () => dueIds(db, rt.clock.now(), DELIVER_SLICE));
        if (ids.length === 0) continue;
        if (!(await deliverBatch(ids))) {
          // A failed hand-off is retried a little later, as the queue would (never past `until`).
          const later = new Date(rt.clock.now().getTime() + 5 * 60_000);
          if (later >= until) return;
          rt.clock.set(later);
        }
      }
    };

    // ---- the actions, in time order
    const actions: Action[] = [];
    for (const x of scenario.extracts) {
      actions.push({
        at: x.at, label: `${x.kind} extract ${x.day}`, run: async () => {
          stats.extracts[x.kind]++;
          if (x.rows.length === 0) return;
          const report = await retrying(`ingest ${x.day}`, () => ingest(rt, x.rows, `extract-${x.day}-${x.kind}`));
          if (x.kind === 'held') {
            stats.heldStatus = report.status;
            if (report.status === 'held') await retrying('discard', () => discardHeldRun(rt, report.runId, stateActor('replay'), 'transposition error: most ballots of one county reported deceased'));
          } else if (report.status !== 'done') throw new Error(`extract ${x.day} (${x.kind}) was ${report.status}: ${report.hold?.reasons.join('; ') ?? ''}`);
        },
      });
    }
    actions.push({
      at: scenario.trackingAt, label: 'tracking file', run: async () => {
        const r = await retrying('tracking file', () => importTrackingFile(rt, { source: 'replay-tracking.csv', input: Readable.from([scenario.trackingLines.join('\n') + '\n']) }));
        stats.tracking = r.inserted;
      },
    });
    for (const x of scenario.scanImports) {
      actions.push({
        at: x.at, label: `scans ${x.day}`, run: async () => {
          const r = await retrying(`scans ${x.day}`, () => importScansFile(rt, { source: `replay-scans-${x.day}.txt`, input: Readable.from([x.lines.join('\n') + '\n']) }));
          stats.scans.files++;
          stats.scans.stored += r.stored;
          stats.scans.outboundEvents += r.outboundEvents;
          stats.scans.inboundEvents += r.inboundEvents;
        },
      });
    }
    const addressOf = new Map(scenario.subscribers.map((s, i) => [s.voterId, clientAddress(i)]));
    const JSON_HEADERS = { 'content-type': 'application/json' };
    for (const s of scenario.subscribers) {
      actions.push({ at: s.signUpAt, label: `sign-up ${s.voterId}`, run: async () => signUpVoter(s) });
      if (s.endsAt && s.optsOutOnWeb) actions.push({ at: s.endsAt, label: `web opt-out ${s.voterId}`, run: async () => webOptOut(s) });
      if (s.stopAt) actions.push({ at: s.stopAt, label: `STOP ${s.voterId}`, run: async () => stop(s) });
      if (s.endsAt && s.movesTo) actions.push({ at: s.endsAt, label: `move ${s.voterId}`, run: async () => move(s, s.movesTo!) });
    }
    actions.sort((a, b) => a.at.getTime() - b.at.getTime());

    async function signUpVoter(s: ScenarioSubscriber): Promise<void> {
      const v = voterById.get(s.voterId)!;
      const [y, m, d] = v.dob.split('-');
      if (webProcess) {
        // Over HTTP to the web process; sent again after a kill, it answers already_subscribed.
        const body = JSON.stringify({ firstName: v.firstName, lastName: v.lastName, dob: `${m}-${d}-${y}`, zip: v.zip, language: s.language, channels: s.channels, hours: s.hours, timeZone: s.timeZone });
        const res = await retrying(`sign-up ${s.voterId}`, () => callWeb({ method: 'POST', path: '/api/v1/signup', headers: JSON_HEADERS, body, from: addressOf.get(s.voterId)! }));
        const outcome = (res.body as { outcome?: string }).outcome;
        if (!((res.status === 201 && outcome === 'signed_up') || (res.status === 200 && outcome === 'already_subscribed'))) throw new Error(`sign-up of ${s.voterId}: ${res.status} ${JSON.stringify(res.body)}`);
        stats.signUps++;
        return;
      }
      const result = await retrying(`sign-up ${s.voterId}`, () => signUp(rt, {
        identity: { firstName: v.firstName, lastName: v.lastName, dob: `${m}-${d}-${y}`, zip: v.zip },
        preferences: { language: s.language, channels: s.channels, hours: s.hours, timeZone: s.timeZone },
      }, { ip: '198.51.100.7' }));
      if (result.kind !== 'signed_up' && result.kind !== 'already_subscribed') throw new Error(`sign-up of ${s.voterId}: ${result.kind} ${JSON.stringify('fieldErrors' in result ? result.fieldErrors : '')}`);
      stats.signUps++;
    }
    async function webOptOut(s: ScenarioSubscriber): Promise<void> {
      const v = voterById.get(s.voterId)!;
      const [y, m, d] = v.dob.split('-');
      if (webProcess) {
        // Log in, then opt out, over HTTP. When a kill cut the answer of an opt-out that went
        // through, the next log-in finds no subscription: that is the opt-out done.
        const from = addressOf.get(s.voterId)!;
        let optOutSent = false;
        await retrying(`opt-out ${s.voterId}`, async () => {
          const login = await callWeb({ method: 'POST', path: '/api/v1/session', headers: JSON_HEADERS, body: JSON.stringify({ firstName: v.firstName, lastName: v.lastName, dob: `${m}-${d}-${y}`, zip: v.zip }), from });
          if (login.status === 404 && optOutSent && (login.body as { error?: { code?: string } }).error?.code === 'not_subscribed') return;
          const token = (login.body as { token?: string }).token;
          if (login.status !== 200 || !token) throw new Error(`log-in of ${s.voterId}: ${login.status} ${JSON.stringify(login.body)}`);
          optOutSent = true;
          const res = await callWeb({ method: 'POST', path: '/api/v1/me/opt-out', headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` }, body: JSON.stringify({ channel: 'all' }), from });
          if (res.status !== 200) throw new Error(`opt-out of ${s.voterId}: ${res.status} ${JSON.stringify(res.body)}`);
        });
        stats.webOptOuts++;
        return;
      }
      await retrying(`opt-out ${s.voterId}`, async () => {
        const login = await logIn(rt, { firstName: v.firstName, lastName: v.lastName, dob: `${m}-${d}-${y}`, zip: v.zip }, { ip: '198.51.100.8' });
        if (login.kind !== 'logged_in') throw new Error(`log-in of ${s.voterId}: ${login.kind}`);
        const session = await verifySession(rt, login.session.token);
        if (!session) throw new Error(`no session for ${s.voterId}`);
        await optOutVoter(rt, session, 'all');
      });
      stats.webOptOuts++;
    }
    async function move(s: ScenarioSubscriber, county: string): Promise<void> {
      const v = voterById.get(s.voterId)!;
      const line = [v.voterId, county, v.firstName, '', v.lastName, '', v.dob, v.zip, 'ACTIVE', 'N', '', '', '', rt.clock.now().toISOString()].join(',');
      const report = await retrying(`move ${s.voterId}`, () => importVoters({ db: rt.db, profile: rt.profile, clock: rt.clock, dataDir: rt.config.dataDir },
        { source: `registry-${s.voterId}.csv`, input: Readable.from([`${VOTER_HEADER}\n${line}\n`]) }));
      if (report.updated !== 1) throw new Error(`the registry did not move ${s.voterId}: ${JSON.stringify(report.sampleRejects)}`);
      stats.moves++;
    }
    async function stop(s: ScenarioSubscriber): Promise<void> {
      const token = rt.config.notifications.twilio.authToken ?? '';
      const params = { MessageSid: `SMreplay${s.voterId}`, From: s.channels.sms!, To: SMS_TO, Body: 'STOP' };
      const signature = twilio.getExpectedTwilioSignature(token, `${rt.config.publicUrl}/webhooks/twilio/sms`, params);
      if (webProcess) {
        // Over HTTP to the web process; sent again after a kill, the same MessageSid is recorded once.
        const res = await retrying(`STOP ${s.voterId}`, () => callWeb({
          method: 'POST', path: '/webhooks/twilio/sms', body: new URLSearchParams(params).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, from: addressOf.get(s.voterId)!,
        }));
        if (res.status !== 200) throw new Error(`STOP webhook answered ${res.status}`);
        stats.stops++;
        return;
      }
      const res = await retrying(`STOP ${s.voterId}`, async () => (await web()).inject({
        method: 'POST', url: '/webhooks/twilio/sms', payload: new URLSearchParams(params).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      }).then((r) => {
        if (r.statusCode >= 500) throw Object.assign(new Error(`webhook ${r.statusCode}`), { code: 'ECONNRESET' });
        return r;
      }));
      if (res.statusCode !== 200) throw new Error(`STOP webhook answered ${res.statusCode}`);
      stats.stops++;
    }

    say(`replay: ${scenario.voters.length} voters, ${scenario.subscribers.length} subscribers, ${actions.length} actions${faults ? ', faults on' : ''}`);
    let lastDay = '';
    for (const [i, action] of actions.entries()) {
      await deliverUntil(action.at);
      rt.clock.set(action.at);
      const day = DateTime.fromJSDate(action.at, { zone }).toISODate()!;
      if (day !== lastDay) {
        lastDay = day;
        await retrying('tick', () => notifyTick(rt));
      }
      await action.run();
      await drainJobs();
      if (i % 2000 === 0 && i > 0) say(`  ${i}/${actions.length} actions, clock ${action.at.toISOString()}`);
    }
    const end = new Date(Math.max(scenario.endAt.getTime(), rt.clock.now().getTime() + 86_400_000));
    await deliverUntil(end);
    rt.clock.set(end);
    await retrying('tick', () => notifyTick(rt));

    // ---- what the oracle expects, what the provider holds
    const expected: ExpectedMessage[] = [];
    for (const s of scenario.subscribers) {
      expected.push(...expectedMessages(scenario.election, s, ballotEvents(scenario.stories.get(s.voterId) ?? [], scenario.arrival, zone, scenario.scans)));
    }
    const got = await outboxMessages(db);
    const mismatches = compareMessages(expected, got);
    const counts = await countRows(db);
    return buildReport({
      scenario, expected, got, mismatches, counts, durationMs: Date.now() - started, faultsOn: faults,
      tracking: stats.tracking, scans: stats.scans,
      extracts: stats.extracts, heldStatus: stats.heldStatus, signUps: stats.signUps, webOptOuts: stats.webOptOuts, stops: stats.stops, moves: stats.moves,
      faults: {
        providerFailures: stats.faults.providerFailures.failures, workerBatches: stats.faults.workerBatches, workerKills: worker?.kills ?? 0,
        workerStarts: worker?.starts ?? 0, webRequests: stats.faults.webRequests, webKills: webProcess?.kills ?? 0, webKillsInFlight: stats.faults.webKillsInFlight, webRequestsCut: stats.faults.webRequestsCut,
        webStarts: webProcess?.starts ?? 0, databaseRestarts: stats.faults.databaseRestarts,
        connectionsCut: stats.faults.connectionsCut, retriedSteps: stats.faults.retriedSteps,
      },
    });
  } finally {
    await worker?.stop();
    await webProcess?.stop();
    await server.app?.close();
  }
}

function ingest(rt: Runtime, rows: readonly ExtractRow[], source: string): Promise<IngestReport> {
  return ingestBallotBatch(rt, rows.map((r) => ({
    voterId: r.voterId, electionId: r.electionId, ballotId: r.ballotId || null, countyCode: r.countyCode, statusCode: r.statusCode,
    statusDate: r.statusDate, issuedDate: r.issuedDate || null, sentDate: r.sentDate || null, reasonText: r.reasonText || null, cureDeadline: r.cureDeadline || null,
  })), { actor: stateActor('replay'), source });
}

function isOutage(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TransientError' || /replay outage/.test(err.message));
}

/** A connection cut by the server (restart, terminate) or refused while it comes back. */
export function isConnectionError(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
    const code = (e as Error & { code?: string }).code;
    if (code === '57P01' || code === '57P02' || code === '57P03' || code === '08006' || code === '08003' || code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE') return true;
    if (/Connection terminated|terminating connection|Client has encountered a connection error|not queryable|Client was closed/i.test(e.message)) return true;
  }
  return false;
}
