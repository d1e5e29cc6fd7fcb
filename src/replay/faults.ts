/**
 * Faults the replay injects while it runs: a provider that fails transiently for a while, a
 * delivery worker process and a web process, each killed with SIGKILL at random moments (and
 * another started). The database restart itself is the driver's (a hook that stops and starts
 * the server, or every connection cut when the replay does not own the server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { Providers } from '../notifications/providers/index.ts';
import { TransientError } from '../notifications/providers/types.ts';
import type { Provider } from '../notifications/providers/types.ts';
import type { Clock } from '../clock.ts';

/** Wraps providers so that every hand-off between `from` and `until` (clock time) fails transiently. */
export function flakyProviders(inner: Providers, clock: Clock, outages: ReadonlyArray<{ from: Date; until: Date }>, counter: { failures: number }): Providers {
  const down = (): boolean => {
    const t = clock.now().getTime();
    return outages.some((o) => t >= o.from.getTime() && t < o.until.getTime());
  };
  const wrap = (p: Provider): Provider => ({
    ...p,
    name: p.name,
    transactional: p.transactional,
    async send(message, ctx) {
      if (down()) {
        counter.failures++;
        throw new TransientError('provider unavailable (replay outage)', { code: 'replay_outage' });
      }
      return p.send(message, ctx);
    },
    ...(p.sendBatch ? {
      async sendBatch(messages, ctx) {
        if (down()) {
          counter.failures++;
          throw new TransientError('provider unavailable (replay outage)', { code: 'replay_outage' });
        }
        return p.sendBatch!(messages, ctx);
      },
    } : {}),
  });
  const cache = new Map<Provider, Provider>();
  const of = (p: Provider): Provider => {
    if (!cache.has(p)) cache.set(p, wrap(p));
    return cache.get(p)!;
  };
  return { email: of(inner.email), sms: of(inner.sms), voice: of(inner.voice) };
}

/**
 * A replay child process that speaks in lines on stdin/stdout: started on demand, killed with
 * SIGKILL (the fault) or stopped by closing its input.
 */
abstract class LineProcess {
  protected child: ChildProcess | null = null;
  protected lines: AsyncIterator<string> | null = null;
  kills = 0;
  starts = 0;
  protected readonly env: Record<string, string>;

  constructor(env: Record<string, string>) {
    this.env = env;
  }

  /** Spawns `script`; returns the process and its first line (its "ready" announcement), or null when it printed none. */
  protected async spawnChild(script: string, logLevel: string): Promise<{ child: ChildProcess; lines: AsyncIterator<string>; first: string | null }> {
    const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...this.env, LOG_LEVEL: logLevel } });
    // A write to a process that died must not end this one (the next answer reports it).
    child.stdin!.on('error', () => undefined);
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = await lines.next();
    return { child, lines, first: first.done ? null : first.value };
  }

  /** SIGKILL; resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child === null) return;
    this.child = null;
    this.lines = null;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      this.kills++;
    }
  }

  /** Closes the process's input and waits for it to end (SIGKILL after 5 s). */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === null) return;
    this.child = null;
    this.lines = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.stdin!.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

const CHILD = fileURLToPath(new URL('./worker.child.ts', import.meta.url));

/** A delivery worker process on the replay's clock (worker.child.ts). */
export class WorkerProcess extends LineProcess {
  private async start(): Promise<void> {
    const { child, lines, first } = await this.spawnChild(CHILD, 'error');
    this.child = child;
    this.lines = lines;
    if (first !== 'ready') throw new Error('the replay worker did not start');
    this.starts++;
  }

  /**
   * Hands a batch to the worker. With `killAfterMs`, kills it with SIGKILL that long after
   * handing it over (mid-batch, or after it finished) and returns false.
   */
  async deliver(now: Date, ids: readonly string[], killAfterMs: number | null = null): Promise<boolean> {
    if (this.child === null) await this.start();
    const child = this.child!;
    child.stdin!.write(JSON.stringify({ now: now.toISOString(), ids }) + '\n');
    if (killAfterMs !== null) {
      await new Promise((r) => setTimeout(r, killAfterMs));
      await this.kill();
      return false;
    }
    const answer = await this.lines!.next();
    if (answer.done) {
      await this.kill();
      throw new Error('the replay worker exited');
    }
    if (answer.value !== 'ok') throw new Error(`the replay worker failed: ${answer.value}`);
    return true;
  }

}

const WEB_CHILD = fileURLToPath(new URL('./web.child.ts', import.meta.url));

export interface WebRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Source address of the connection (any 127.x.y.z): the client address the server sees. */
  from?: string;
}

export interface WebAnswer { status: number; body: unknown }

/** What a request to a web process that is gone (or going) fails with: a connection error. */
function connectionLost(message: string): Error {
  return Object.assign(new Error(message), { code: 'ECONNRESET' });
}

/**
 * The real HTTP server in its own process (web.child.ts) on the replay's clock. Before each
 * request the parent sends the replay's "now" on the child's stdin and waits for the ack, then
 * sends the request over TCP to 127.0.0.1, one connection per request (no keep-alive), from the
 * source address the caller picks. `kill()` ends the process with SIGKILL; the next request
 * starts another.
 */
export class WebProcess extends LineProcess {
  private port = 0;

  get running(): boolean {
    return this.child !== null;
  }

  async start(): Promise<void> {
    if (this.child !== null) return;
    const { child, lines, first } = await this.spawnChild(WEB_CHILD, 'fatal');
    const m = first === null ? null : /^listening (\d+)$/.exec(first);
    if (!m) {
      child.kill('SIGKILL');
      throw new Error('the replay web process did not start');
    }
    this.child = child;
    this.lines = lines;
    this.port = Number(m[1]);
    this.starts++;
  }

  /**
   * Sets the child's clock to `now`, then sends the request. With `killAfterMs`, the process is
   * killed with SIGKILL that long after the request went out, whether or not it was answered:
   * the answer is returned when it came first, otherwise the request fails with a connection
   * error (code ECONNRESET). A failure to reach the process is a connection error too.
   */
  async request(now: Date, req: WebRequest, killAfterMs: number | null = null): Promise<WebAnswer> {
    await this.start();
    const child = this.child!;
    child.stdin!.write(JSON.stringify({ now: now.toISOString() }) + '\n');
    const ack = await this.lines!.next();
    if (ack.done) {
      await this.kill();
      throw connectionLost('the replay web process exited');
    }
    if (ack.value !== `now ${now.toISOString()}`) throw new Error(`the replay web process answered ${ack.value}`);
    const answer = this.send(req);
    if (killAfterMs !== null) {
      answer.catch(() => undefined);
      await new Promise((r) => setTimeout(r, killAfterMs));
      await this.kill();
    }
    return answer;
  }

  private send(req: WebRequest): Promise<WebAnswer> {
    const port = this.port;
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...req.headers };
      if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
      const r = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent: false, ...(req.from ? { localAddress: req.from } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) => reject(Object.assign(connectionLost(`the answer was cut: ${err.message}`), { cause: err })));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON (TwiML, or empty)
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      r.on('error', (err) => reject(Object.assign(connectionLost(`request to the web process failed: ${err.message}`), { cause: err })));
      r.end(req.body);
    });
  }

}
