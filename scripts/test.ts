/**
 * `npm test`: runs every *.test.ts under src/ and test/ with Node's test runner against a real
 * PostgreSQL — the one at DATABASE_URL when set, otherwise an embedded one started here.
 * Migrations run once into a template database; each test file clones it (src/testing/db.ts).
 * Extra arguments are passed to `node --test` (e.g. a file path, or --test-name-pattern).
 */
import { spawn } from 'node:child_process';
import { freePort } from '../src/testing/ports.ts';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createLogger } from '../src/log.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { openDatabase } from '../src/db/pool.ts';
import { migrate } from '../src/db/migrate.ts';
import { startQueue } from '../src/queue.ts';

const log = createLogger((process.env.TEST_LOG_LEVEL as 'info' | undefined) ?? 'warn', 'test');
// Each run gets its own embedded server (own folder, free port), so runs side by side never
// stop each other's database.
const embeddedDir = join(tmpdir(), `ballotline-test-${process.pid}`);
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(embeddedDir, await freePort(), log);
const adminUrl = process.env.DATABASE_URL ?? embedded!.url;
const template = `ballotline_tpl_${process.pid}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${template}`);
const templateUrl = withDatabase(adminUrl, template);
const db = openDatabase(templateUrl, { max: 2 });
await migrate(db, log);
const boss = await startQueue(templateUrl, log, { supervise: false });
await boss.stop({ graceful: false, timeout: 2000 });
await db.close();
console.log(`test database: ${embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'} (template ${template})`);

const args = process.argv.slice(2);
const files = args.some((a) => !a.startsWith('-')) ? [] : ['src/**/*.test.ts', 'test/**/*.test.ts'];
const child = spawn(process.execPath, ['--test', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`, '--test-timeout=180000', ...args, ...files], {
  stdio: 'inherit',
  env: { ...process.env, BALLOTLINE_TEST_ADMIN_URL: adminUrl, BALLOTLINE_TEST_TEMPLATE: template, PATH: `${join(process.cwd(), 'node_modules/.bin')}:${process.env.PATH}` },
});
const code: number = await new Promise((res) => child.on('exit', (c, signal) => res(c ?? (signal ? 1 : 0))));

await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
// This run's databases left by test files that crashed before their cleanup (never another run's).
const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`ballotline_t_${process.pid}_%`]);
for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => undefined);
await admin.end();
await embedded?.stop();
if (embedded) await rm(embeddedDir, { recursive: true, force: true });
process.exit(code);

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
