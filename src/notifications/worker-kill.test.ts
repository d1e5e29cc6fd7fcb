/**
 * A worker process killed (SIGKILL) mid-batch, a new one started: every message lands in
 * the outbox exactly once. Real processes, real pg-boss, the wall clock (the workers' own).
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PgBoss } from 'pg-boss';
import { DateTime } from 'luxon';
import { testRuntime } from '../testing/db.ts';
import { QUEUES } from '../queue.ts';
import { planRun } from './plan.service.ts';
import { ballot, countyContacts, election, importRun } from './test-fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const N = 3000;

describe('a worker killed mid-batch', async () => {
  const wallNow = new Date(); // the workers run on the wall clock
  const rt = await testRuntime({ now: wallNow });
  const db = rt.db.pool;
  const children: ChildProcess[] = [];
  // A supervisor of our own that may check heartbeats every second (the workers' check every minute).
  const supervisor = new PgBoss({ connectionString: rt.db.url, schema: 'pgboss', supervise: false, schedule: false, monitorIntervalSeconds: 1, max: 2 });
  supervisor.on('error', () => undefined);
  await supervisor.start();
  // Before the test database is dropped (its own cleanup runs after this file's tests).
  async function stopAll(): Promise<void> {
    for (const c of children) {
      if (c.exitCode !== null || c.signalCode !== null) continue;
      c.kill('SIGKILL');
      await new Promise((r) => c.once('exit', r));
    }
    await supervisor.stop({ graceful: false, timeout: 2000 }).catch(() => undefined);
  }
  after(stopAll);

  function worker(): ChildProcess {
    const child = spawn(process.execPath, ['bin/ballotline.js', 'notify', 'work'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: rt.db.url, BALLOTLINE_SECRET: rt.config.secret!, BALLOTLINE_DATA_DIR: rt.config.dataDir, BALLOTLINE_PROFILE: 'ca',
        LOG_LEVEL: 'error', BALLOTLINE_DELIVERY_BATCH: '10', BALLOTLINE_DELIVERY_CONCURRENCY: '2',
      },
    });
    child.stderr!.on('data', (d: Buffer) => process.stderr.write(d));
    children.push(child);
    return child;
  }
  const outboxCount = async (): Promise<number> => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0]!.n;
  async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, every?: () => Promise<void>): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (await check()) return;
      await every?.();
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it(`delivers all ${N} messages exactly once`, { timeout: 300_000 }, async () => {
    await countyContacts(db);
    const electionDay = DateTime.fromJSDate(wallNow, { zone: 'America/Los_Angeles' }).plus({ days: 10 }).toISODate()!;
    await election(db, { date: electionDay });
    const run = await importRun(db);
    await db.query(
      `INSERT INTO voters (voter_id, county_code, first_name, last_name, dob, zip, status, source_updated_at)
       SELECT 'K' || i, '19', 'Kim', 'Voter' || i, '1980-01-01', '90012', 'ACTIVE', now() FROM generate_series(1, $1) i`, [N]);
    await db.query(
      `INSERT INTO subscriptions (voter_id, county_code, state, language, time_zone, hours_start, hours_end, source)
       SELECT 'K' || i, '19', 'active', 'en', 'America/Los_Angeles', '00:00', '00:00', 'web' FROM generate_series(1, $1) i`, [N]);
    await db.query(
      `INSERT INTO subscription_channels (subscription_id, channel, address, consent)
       SELECT id, 'email', lower(voter_id) || '@example.com', 'active' FROM subscriptions WHERE voter_id LIKE 'K%'`);
    for (let i = 1; i <= 3; i++) await ballot(db, { ballotId: `BK${i}`, voterId: `K${i}`, sentDate: null });
    await db.query(
      `INSERT INTO ballots (election_id, ballot_id, voter_id, county_code, sent_date)
       SELECT 'G2026', 'BK' || i, 'K' || i, '19', NULL FROM generate_series(4, $1) i`, [N]);
    await db.query(
      `INSERT INTO ballot_events (election_id, ballot_id, voter_id, county_code, kind, reason, occurred_at, source, run_id)
       SELECT 'G2026', 'BK' || i, 'K' || i, '19', 'received', 'INR', $2, 'feed', $3 FROM generate_series(1, $1) i`, [N, wallNow, run]);
    assert.equal((await planRun(rt, run)).planned, N);

    const first = worker();
    // Planning groups messages 100 to a job and the worker delivers them 10 per transaction: a
    // count that is not a multiple of 100 means a job is half done.
    await waitFor('the first worker to be mid-job', async () => {
      const n = await outboxCount();
      return n >= N / 5 && n % 100 !== 0;
    }, 120_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await outboxCount();
    assert.ok(atKill < N, `killed before the end (${atKill} of ${N})`);
    const { rows: stuck } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'active'", [QUEUES.deliver]);
    console.log(`killed at ${atKill}/${N} in the outbox, ${stuck[0]!.n} deliver jobs left active by the dead worker`);

    worker();
    let lastSupervise = 0;
    await waitFor('every message in the outbox', async () => (await outboxCount()) >= N, 120_000, async () => {
      if (Date.now() - lastSupervise > 2000) {
        lastSupervise = Date.now();
        await supervisor.supervise(QUEUES.deliver);
      }
    });
    await new Promise((r) => setTimeout(r, 1500)); // anything still running would show up as a duplicate now
    const { rows } = await db.query<{ total: number; distinct_messages: number; sent: number }>(
      `SELECT (SELECT count(*)::int FROM outbox) AS total, (SELECT count(DISTINCT message_id)::int FROM outbox) AS distinct_messages,
              (SELECT count(*)::int FROM messages WHERE status = 'sent') AS sent`);
    assert.deepEqual(rows[0], { total: N, distinct_messages: N, sent: N });
    const { rows: attempts } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM delivery_attempts WHERE outcome = 'sent'");
    assert.equal(attempts[0]!.n, N);
    await stopAll();
  });
});
