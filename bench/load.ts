/**
 * The fixed-rate HTTP load both latency benches use (signup, portal), run in a second process
 * against the bench's server on 127.0.0.1.
 *
 * Open loop, as a fixed rate means: request i is due at start + i/rate whatever happened to the
 * ones before it, and its latency is measured from that due time to the end of its answer, so a
 * request that had to wait for a free connection (or for the generator itself) counts that wait
 * (no coordinated omission). At most `connections` requests are in flight, on keep-alive
 * connections. The figures come back as one JSON line.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { randomBytes } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.ts';
import type { Logger } from '../src/log.ts';
import { openRuntime, type Runtime } from '../src/runtime.ts';

export interface LoadResult { p50: number; p90: number; p99: number; max: number; rps: number; total: number; statuses: Record<string, number>; errors: number; timeouts: number }
export interface LoadRun { port: number; rate: number; seconds: number; connections: number }
export interface LoadRequest { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }

/**
 * Writes `config` to `file` and runs `<script> --load-generator <file>` in a second process (the
 * script's own load-generator branch, which ends by calling `fixedRateLoad`); returns its figures.
 */
export function runLoadProcess(scriptUrl: string, file: string, config: object): Promise<LoadResult> {
  writeFileSync(file, JSON.stringify(config));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(scriptUrl), '--load-generator', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult);
    });
  });
}

/** The address of the n-th request among `clients` distinct ones (sent as X-Forwarded-For behind the trusted proxy). */
export function clientAddress(n: number, clients: number): string {
  const k = n % clients;
  return `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;
}

const TIMEOUT_MS = 10_000;

/** In the load generator process: `run.rate` requests a second for `run.seconds`, request n being `next(n)`; prints the figures as JSON. */
export async function fixedRateLoad(run: LoadRun, next: (n: number) => LoadRequest): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: run.connections });
  const total = Math.round(run.rate * run.seconds);
  const interval = 1000 / run.rate;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  let lastEnd = 0;
  const start = performance.now() + 20;
  const inFlight: Array<Promise<void>> = [];
  for (let n = 0; n < total; n++) {
    const due = start + n * interval;
    const wait = due - performance.now();
    if (wait >= 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(agent, run.port, next(n)).then(
      (status) => {
        lastEnd = performance.now();
        latencies.push(lastEnd - due);
        statuses[status] = (statuses[status] ?? 0) + 1;
      },
      (err: Error) => {
        if (err.message === 'timeout') timeouts++;
        else errors++;
      },
    ));
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => (latencies.length === 0 ? 0 : Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!));
  const out: LoadResult = {
    p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1),
    rps: latencies.length / Math.max(run.seconds, (lastEnd - start) / 1000), total: latencies.length, statuses, errors, timeouts,
  };
  console.log(JSON.stringify(out));
}

/** One request on the agent's connections; resolves with the status once the whole answer is read. */
function send(agent: Agent, port: number, req: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
    const r = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    r.setTimeout(TIMEOUT_MS, () => r.destroy(new Error('timeout')));
    r.on('error', reject);
    r.end(req.body);
  });
}

/**
 * The server side of a latency bench: a fresh database `db` on DATABASE_URL's server, or on an
 * embedded one of the bench's own in `embeddedDir` (so another bench stopping the shared one cannot
 * cut this one short), and a runtime on it in production mode (trusted proxy: X-Forwarded-For, as
 * behind a load balancer).
 */
export async function latencyBenchRuntime(o: { db: string; embeddedDir: string; embeddedPort: number; profile: 'ca' | 'co'; log: Logger }): Promise<{ rt: Runtime; embedded: EmbeddedServer | null }> {
  let embedded: EmbeddedServer | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(resolvePath(o.embeddedDir), o.embeddedPort, o.log);
    adminUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${o.db} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${o.db}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${o.db}`;
  const config = loadConfig({
    ...process.env, NODE_ENV: 'production', DATABASE_URL: u.toString(), BALLOTLINE_SECRET: randomBytes(32).toString('base64url'),
    BALLOTLINE_PROFILE: o.profile, LOG_LEVEL: 'warn', BALLOTLINE_DATA_DIR: '.data/bench-files',
  });
  return { rt: await openRuntime({ config, log: o.log }), embedded };
}
