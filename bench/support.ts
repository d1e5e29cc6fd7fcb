import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { createLogger } from '../src/log.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.ts';
import { loadConfig } from '../src/config.ts';
import { openRuntime, type Runtime } from '../src/runtime.ts';
import type { Queryable } from '../src/db/pool.ts';

/**
 * A runtime on a fresh benchmark database (`ballotline_bench_<bench>`), dropped and recreated each run,
 * on DATABASE_URL's server or an embedded one in .data/bench.
 */
export async function benchRuntime(profile: 'ca' | 'co' = 'ca'): Promise<{ rt: Runtime; adminUrl: string; done: () => Promise<void> }> {
  const log = createLogger('warn', 'bench');
  let embedded: EmbeddedServer | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(resolve('.data/bench'), 54349, log);
    adminUrl = embedded.url;
  }
  const database = `ballotline_bench_${(process.env.BALLOTLINE_BENCH_NAME ?? 'adhoc').replace(/[^a-z0-9_]/g, '_')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  const config = loadConfig({ ...process.env, DATABASE_URL: u.toString(), BALLOTLINE_PROFILE: profile, LOG_LEVEL: 'warn', BALLOTLINE_DATA_DIR: '.data/bench-files' });
  const rt = await openRuntime({ config, log });
  return {
    rt,
    adminUrl: u.toString(),
    async done() {
      await rt.close();
      await embedded?.stop();
    },
  };
}

/** Peak resident set size of this process so far, in MB (from the kernel's high-water mark). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Prints the bench's JSON last line. */
export function result(fields: Record<string, unknown>): void {
  console.log(JSON.stringify(fields));
}

/**
 * CPU seconds used so far by this process and by each PostgreSQL backend of the bench database
 * (Linux /proc; 0 elsewhere): a figure that a busy machine does not inflate. Parallel workers
 * that came and went between two readings (an index build's) are not in it.
 */
export async function cpuSeconds(db: Queryable): Promise<CpuReading> {
  const usage = process.cpuUsage();
  const backends = new Map<number, number>();
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      backends.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch { /* not on this machine, or ended */ }
  }
  return { node: (usage.user + usage.system) / 1e6, backends };
}

export interface CpuReading { node: number; backends: Map<number, number> }

export function cpuSpent(before: CpuReading, after: CpuReading): { node: number; postgres: number } {
  let postgres = 0;
  for (const [pid, seconds] of after.backends) postgres += seconds - (before.backends.get(pid) ?? 0);
  return { node: after.node - before.node, postgres };
}
