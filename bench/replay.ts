/**
 * A whole election replayed with faults (docs/replay.md): N voters (default 50,000), every
 * sign-up, opt-out, STOP and daily extract through the real entry points, delivery through the
 * outbox on a controlled clock, a worker process and a web process killed at random, the
 * database server stopped and started once (the bench's own embedded server; with DATABASE_URL,
 * which it does not own, the connections are cut instead), the provider down for three spells;
 * then every message compared with the oracle.
 * Baseline in the same run: only ingesting the same extracts (no sign-ups, no planning, no
 * delivery) into a fresh database. The figure that matters is `mismatches`: it must be 0.
 *
 *   npm run bench -- replay [voters] [--seed S] [--no-faults]
 */
import { resolve } from 'node:path';
import pg from 'pg';
import { createLogger } from '../src/log.ts';
import { loadConfig } from '../src/config.ts';
import { fixedClock } from '../src/clock.ts';
import { openRuntime } from '../src/runtime.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.ts';
import { stateActor } from '../src/elections/actor.ts';
import { ingestBallotBatch } from '../src/ballots/ingest.ts';
import { buildScenario } from '../src/replay/scenario.ts';
import { insertVoters, setUpElection } from '../src/replay/replay.repository.ts';
import { databaseUrlOn, replayConfig, replayInScratchDatabase } from '../src/replay/replay.service.ts';
import { reportText, writeReport } from '../src/replay/report.ts';
import { peakRssMb, result } from './support.ts';

const voters = Number(process.argv.find((a, i) => i >= 2 && /^\d+$/.test(a)) ?? 50_000);
const seedArg = process.argv.indexOf('--seed');
const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 1;
const faults = !process.argv.includes('--no-faults');
const log = createLogger('warn', 'bench');

const BENCH_PG_DIR = resolve('.data/bench');
const BENCH_PG_PORT = 54349;
let embedded: EmbeddedServer | null = null;
let serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  embedded = await startEmbeddedPostgres(BENCH_PG_DIR, BENCH_PG_PORT, log);
  serverUrl = embedded.url;
}
/** The database restart is real only on a server this process started (not one it joined, not DATABASE_URL). */
const restartDatabase = embedded?.owned ? async (): Promise<void> => {
  await embedded!.stop();
  embedded = await startEmbeddedPostgres(BENCH_PG_DIR, BENCH_PG_PORT, log);
} : undefined;
const base = loadConfig({ ...process.env, DATABASE_URL: serverUrl, BALLOTLINE_PROFILE: 'ca', LOG_LEVEL: 'warn', BALLOTLINE_DATA_DIR: '.data/bench-files', BALLOTLINE_SECRET: 'bench-secret-bench-secret-bench-secret-0' });

try {
  // ---- baseline: the same extracts ingested, nothing else
  const database = 'ballotline_bench_replay_baseline';
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const rt = await openRuntime({ config: replayConfig(base, databaseUrlOn(serverUrl, database)), log: createLogger('fatal'), clock: fixedClock(new Date('2026-09-01T00:00:00Z')) });
  const counties = rt.profile.counties.slice(0, 3).map((c) => c.code);
  const scenario = buildScenario({ voters, seed, counties, stateTimeZone: rt.profile.timeZone });
  await insertVoters(rt.db.pool, scenario.voters, scenario.startAt);
  await setUpElection(rt.db.pool, { electionId: scenario.electionId, electionDate: scenario.electionDate, counties });
  const t0 = performance.now();
  let rows = 0;
  for (const x of scenario.extracts) {
    if (x.kind === 'held' || x.rows.length === 0) continue;
    (rt.clock as ReturnType<typeof fixedClock>).set(x.at);
    await ingestBallotBatch(rt, x.rows.map((r) => ({
      voterId: r.voterId, electionId: r.electionId, ballotId: r.ballotId || null, countyCode: r.countyCode, statusCode: r.statusCode, statusDate: r.statusDate,
      issuedDate: r.issuedDate || null, sentDate: r.sentDate || null, reasonText: r.reasonText || null, cureDeadline: r.cureDeadline || null,
    })), { actor: stateActor('bench'), source: `extract-${x.day}-${x.kind}` });
    rows += x.rows.length;
  }
  const baselineMs = Math.round(performance.now() - t0);
  await rt.close();
  const a = new pg.Client({ connectionString: serverUrl });
  await a.connect();
  await a.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await a.end();
  console.log(`baseline: ${scenario.extracts.length - 1} extracts (${rows} rows) ingested without sign-ups, planning or delivery in ${(baselineMs / 1000).toFixed(1)} s`);

  // ---- the replay
  const { report } = await replayInScratchDatabase(base, serverUrl, { voters, seed, faults, progress: (line) => console.log(line), ...(restartDatabase ? { restartDatabase } : {}) });
  console.log(reportText(report));
  const files = await writeReport(resolve('.data/bench-files/replay-report.json'), report);
  console.log(`report: ${files.json}, ${files.text}`);
  result({
    bench: 'replay', voters: report.voters, subscribers: report.subscribers, events: report.events, messages: report.messages, expected: report.expected,
    mismatches: report.mismatchCount, mismatchesByType: report.mismatchesByType, faults: faults ? report.faults : null,
    durationMs: report.durationMs, baselineIngestMs: baselineMs, extractRows: rows, peakRssMb: peakRssMb(),
  });
  if (report.mismatchCount > 0) process.exitCode = 1;
} finally {
  await embedded?.stop();
}
