/**
 * Notifications end to end: N ballot events (default 100,000) for N subscribed voters, in ten
 * languages, by text and email, through planning (the plan-events job), rendering, and the
 * outbox provider, by real worker processes (`ballotline notify work`) — once with one worker
 * process and once with two. Measures messages/s from the moment the plan-events job is
 * enqueued to the moment the last message is in the outbox, and counts duplicates (outbox rows
 * beyond one per message) and losses (messages planned but never handed off); both must be 0.
 * Baseline in the same run: raw pg-boss throughput (insert N no-op jobs, work them with the same
 * batch size and concurrency). Target (DESIGN §5): ≥ 1,000 messages/s.
 *
 *   npm run bench -- notify [events] [--workers 1,2]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { DateTime } from 'luxon';
import { benchRuntime, peakRssMb, result } from './support.ts';
import { QUEUES } from '../src/queue.ts';
import type { Runtime } from '../src/runtime.ts';

const events = Number(process.argv.find((a, i) => i >= 2 && /^\d+$/.test(a)) ?? 100_000);
const workersArg = process.argv.indexOf('--workers');
const workerCounts = (workersArg > 0 ? process.argv[workersArg + 1]! : '1,2').split(',').map(Number);
const BATCH = 100;
const CONCURRENCY = 2;
const LANGS = ['en', 'es', 'zh-Hant', 'hi', 'ja', 'km', 'ko', 'tl', 'th', 'vi'];

async function setup(rt: Runtime): Promise<{ runId: string }> {
  const db = rt.db.pool;
  const today = DateTime.now().setZone(rt.profile.timeZone);
  await db.query("UPDATE counties SET phone = '(800) 555-0100', email = 'elections@county.example.gov', website = 'https://county.example.gov'");
  await db.query("INSERT INTO elections (id, name, election_date, kind) VALUES ('GBENCH', 'Statewide General Election', $1, 'statewide')", [today.plus({ days: 10 }).toISODate()]);
  await db.query("INSERT INTO county_participation (election_id, county_code, participating) SELECT 'GBENCH', code, true FROM counties");
  // The window opened before the bench: its opening pass is done (it would plan the same messages).
  await db.query("INSERT INTO notification_window_passes (election_id, county_code, opens_at, passed_at, planned) SELECT 'GBENCH', code, now(), now(), 0 FROM counties");
  await db.query(
    `INSERT INTO voters (voter_id, county_code, first_name, last_name, status, source_updated_at)
     SELECT 'N' || i, lpad(((i % 58) + 1)::text, 2, '0'), 'Alex', 'Bench' || i, 'ACTIVE', now() FROM generate_series(1, $1) i`, [events]);
  await db.query(
    `INSERT INTO subscriptions (voter_id, county_code, state, language, time_zone, hours_start, hours_end, source)
     SELECT 'N' || i, lpad(((i % 58) + 1)::text, 2, '0'), 'active', ($2::text[])[(i % 10) + 1], 'America/Los_Angeles', '00:00', '00:00', 'web'
     FROM generate_series(1, $1) i`, [events, LANGS]);
  await db.query(
    `INSERT INTO subscription_channels (subscription_id, channel, address, consent)
     SELECT id, CASE WHEN id % 2 = 0 THEN 'sms' ELSE 'email' END,
            CASE WHEN id % 2 = 0 THEN '+1415' || lpad(id::text, 7, '0') ELSE 'n' || id || '@example.com' END, 'active'
     FROM subscriptions`);
  await db.query(
    `INSERT INTO ballots (election_id, ballot_id, voter_id, county_code, sent_date)
     SELECT 'GBENCH', 'B' || i, 'N' || i, lpad(((i % 58) + 1)::text, 2, '0'), $2 FROM generate_series(1, $1) i`, [events, today.minus({ days: 5 }).toISODate()]);
  const { rows } = await db.query<{ id: string }>("INSERT INTO import_runs (kind, source, mode, status) VALUES ('ballots', 'bench', 'delta', 'done') RETURNING id::text AS id");
  const runId = rows[0]!.id;
  await db.query(
    `INSERT INTO ballot_events (election_id, ballot_id, voter_id, county_code, kind, reason, occurred_at, source, run_id)
     SELECT 'GBENCH', 'B' || i, 'N' || i, lpad(((i % 58) + 1)::text, 2, '0'), 'received', 'INR', now(), 'feed', $2 FROM generate_series(1, $1) i`, [events, runId]);
  await db.query('ANALYZE');
  return { runId };
}

/** A worker process; resolves once it has started its job handlers. */
function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/ballotline.js', 'notify', 'work'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env, DATABASE_URL: url, BALLOTLINE_PROFILE: 'ca', LOG_LEVEL: 'info', BALLOTLINE_DATA_DIR: '.data/bench-files',
      BALLOTLINE_SECRET: 'bench-secret-bench-secret-bench-secret-0', BALLOTLINE_DELIVERY_BATCH: String(BATCH), BALLOTLINE_DELIVERY_CONCURRENCY: String(CONCURRENCY),
    },
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.includes('"workers started"')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function endToEnd(rt: Runtime, url: string, runId: string, workers: number): Promise<Record<string, number>> {
  const db = rt.db.pool;
  await db.query('TRUNCATE messages, outbox, delivery_attempts, delivery_events, notification_plan_runs');
  await db.query('DELETE FROM pgboss.job WHERE name = ANY($1)', [[QUEUES.deliver, QUEUES.planEvents]]);
  await db.query('VACUUM ANALYZE messages');
  const children = await Promise.all(Array.from({ length: workers }, () => startWorker(url)));
  try {
    const boss = await rt.queue();
    const t0 = performance.now();
    await boss.send(QUEUES.planEvents, { runId });
    // Done when planning has finished and no message is left waiting or in flight.
    let planningSeconds = 0;
    for (;;) {
      await new Promise((r) => setTimeout(r, 200));
      const { rows } = await db.query<{ planned: boolean; pending: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM notification_plan_runs WHERE run_id = $1) AS planned,
                EXISTS (SELECT 1 FROM messages WHERE status IN ('planned', 'sending')) AS pending`, [runId]);
      if (rows[0]!.planned && planningSeconds === 0) planningSeconds = (performance.now() - t0) / 1000;
      if (rows[0]!.planned && !rows[0]!.pending) break;
      if (performance.now() - t0 > 30 * 60_000) throw new Error('timed out');
    }
    const seconds = (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 1000)); // a duplicate still in flight would land now
    const { rows } = await db.query<{ total: number; distinct_messages: number; messages: number; sent: number }>(
      `SELECT (SELECT count(*)::int FROM outbox) AS total, (SELECT count(DISTINCT message_id)::int FROM outbox) AS distinct_messages,
              (SELECT count(*)::int FROM messages) AS messages, (SELECT count(*)::int FROM messages WHERE status = 'sent') AS sent`);
    const r = rows[0]!;
    const out = {
      workers, messages: r.messages, seconds: Number(seconds.toFixed(2)), planning_done_s: Number(planningSeconds.toFixed(1)), messages_per_s: Math.round(r.total / seconds),
      duplicates: r.total - r.distinct_messages, losses: r.messages - r.distinct_messages, not_sent: r.messages - r.sent,
    };
    console.log(`end to end, ${workers} worker process(es): ${r.total} messages in ${out.seconds} s = ${out.messages_per_s} messages/s (planning done after ${out.planning_done_s} s); duplicates ${out.duplicates}, losses ${out.losses}`);
    return out;
  } finally {
    for (const c of children) await stopWorker(c);
  }
}

/** Raw pg-boss: insert N no-op jobs, work them with the same batch size and concurrency. */
async function rawPgBoss(rt: Runtime, n: number): Promise<{ jobs_per_s: number; seconds: number }> {
  const boss = await rt.queue();
  const name = 'bench-noop';
  await boss.createQueue(name);
  let done = 0;
  let finished!: () => void;
  const all = new Promise<void>((r) => { finished = r; });
  const t0 = performance.now();
  for (let i = 0; i < n; i += 5000) {
    await boss.insert(name, Array.from({ length: Math.min(5000, n - i) }, (_, j) => ({ data: { messageId: String(i + j) } })));
  }
  const workId = await boss.work(name, { batchSize: BATCH, localConcurrency: CONCURRENCY, pollingIntervalSeconds: 0.5, burstWhenBatchFull: true }, async (jobs) => {
    done += jobs.length;
    if (done >= n) finished();
  });
  await all;
  const seconds = (performance.now() - t0) / 1000;
  await boss.offWork(name, { id: workId }).catch(() => undefined);
  const out = { jobs_per_s: Math.round(n / seconds), seconds: Number(seconds.toFixed(2)) };
  console.log(`raw pg-boss (baseline): ${n} no-op jobs inserted and worked in ${out.seconds} s = ${out.jobs_per_s} jobs/s`);
  return out;
}

const { rt, adminUrl, done } = await benchRuntime('ca');
try {
  console.log(`setting up ${events} subscribed voters with one event each`);
  const { runId } = await setup(rt);
  const baseline = await rawPgBoss(rt, events);
  const runs: Record<string, Record<string, number>> = {};
  for (const w of workerCounts) runs[`workers_${w}`] = await endToEnd(rt, adminUrl, runId, w);
  const all = Object.values(runs);
  result({
    bench: 'notify', events, batch: BATCH, concurrency: CONCURRENCY, ...runs,
    raw_pgboss_jobs_per_s: baseline.jobs_per_s, target_messages_per_s: 1000,
    pass: all.every((r) => r.messages_per_s! >= 1000 && r.duplicates === 0 && r.losses === 0 && r.not_sent === 0),
    peak_rss_mb: peakRssMb(),
  });
} finally {
  await done();
}
