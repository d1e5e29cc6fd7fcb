/**
 * The fixed-rate HTTP load both latency benches use (signup, portal): a load generator in a
 * second process (autocannon, fixed overall rate, coordinated-omission corrected) against the
 * bench's server on 127.0.0.1, and its figures handed back as one JSON line.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface LoadResult { p50: number; p90: number; p99: number; max: number; rps: number; total: number; statuses: Record<string, number>; errors: number; timeouts: number }
export interface LoadRun { port: number; rate: number; seconds: number; connections: number }

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

/** The part of autocannon's API used here (the package ships no type declarations). */
interface AutocannonResult {
  latency: { p50: number; p90: number; p99: number; max: number };
  requests: { total: number };
  duration: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, result: AutocannonResult) => void) => unknown;

/** In the load generator process: `run.rate` requests a second of `request` for `run.seconds`; prints the figures as JSON. */
export async function fixedRateLoad(run: LoadRun, request: Record<string, unknown>): Promise<void> {
  const specifier: string = 'autocannon';
  const autocannon = ((await import(specifier)) as { default: Autocannon }).default;
  const r = await new Promise<AutocannonResult>((res, rej) => {
    autocannon({
      url: `http://127.0.0.1:${run.port}`, connections: run.connections, overallRate: run.rate, duration: run.seconds, timeout: 10,
      requests: [request],
    }, (err, result) => (err ? rej(err) : res(result)));
  });
  const statuses: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = s.count;
  const out: LoadResult = {
    p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max,
    rps: r.requests.total / (r.duration || run.seconds), total: r.requests.total, statuses, errors: r.errors, timeouts: r.timeouts,
  };
  console.log(JSON.stringify(out));
}
