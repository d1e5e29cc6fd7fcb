import { after } from 'node:test';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/pool.ts';
import { createLogger } from '../log.ts';
import { loadConfig, type Config } from '../config.ts';
import { loadProfile } from '../profiles/profile.ts';
import { syncCounties } from '../profiles/counties.repository.ts';
import { fixedClock } from '../clock.ts';
import { startQueue, type Queue } from '../queue.ts';
import type { Runtime } from '../runtime.ts';

/**
 * A fresh database for one test file, cloned from the migrated template that `npm test`
 * prepared, dropped when the file's tests end. Integration tests use the real PostgreSQL.
 */
export async function testDatabase(beforeDrop: () => Promise<void> = async () => undefined): Promise<Database> {
  const adminUrl = process.env.BALLOTLINE_TEST_ADMIN_URL;
  const template = process.env.BALLOTLINE_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('integration tests run through `npm test`, which prepares the database (see scripts/test.ts)');
  // Named after the run's template, so a run's cleanup drops only its own databases.
  const name = `${template.replace('ballotline_tpl_', 'ballotline_t_')}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = openDatabase(u.toString(), { max: 10 });
  after(async () => {
    await beforeDrop().catch(() => undefined);
    await db.close().catch(() => undefined);
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await a.end();
  });
  return db;
}

export interface TestRuntimeOptions { profile?: 'ca' | 'co'; now?: Date; env?: Record<string, string> }

/** A Runtime over a fresh test database, with a fixed clock and a silent log. */
export async function testRuntime(options: TestRuntimeOptions = {}): Promise<Runtime & { clock: ReturnType<typeof fixedClock> }> {
  let queue: Promise<Queue> | null = null;
  const db = await testDatabase(async () => {
    if (queue) await (await queue).stop({ graceful: false, timeout: 2000 });
  });
  const config: Config = loadConfig({ BALLOTLINE_PROFILE: options.profile ?? 'ca', DATABASE_URL: db.url, BALLOTLINE_SECRET: 'test-secret-test-secret-test-secret-0123', BALLOTLINE_DATA_DIR: `.data/test-files/${randomBytes(4).toString('hex')}`, ...options.env });
  const profile = loadProfile(config.profile);
  await syncCounties(db.pool, profile);
  const clock = fixedClock(options.now ?? new Date('2026-10-01T16:00:00Z'));
  const log = createLogger('silent');
  const rt = {
    config, log, db, profile, clock, wallClock: clock,
    queue() {
      queue ??= startQueue(db.url, log, { supervise: false });
      return queue;
    },
    /** Cleanup happens when the test file ends; nothing to do here. */
    async close() {},
  };
  return rt;
}
