/**
 * Faults the replay injects while it runs: a provider that fails transiently for a while, a
 * delivery worker process killed with SIGKILL mid-batch (and another started), and every
 * database connection cut at once (what clients see when PostgreSQL restarts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
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

const CHILD = fileURLToPath(new URL('./worker.child.ts', import.meta.url));

/** A delivery worker process on the replay's clock (worker.child.ts). */
export class WorkerProcess {
  private child: ChildProcess | null = null;
  private lines: AsyncIterator<string> | null = null;
  kills = 0;
  starts = 0;
  private readonly env: Record<string, string>;

  constructor(env: Record<string, string>) {
    this.env = env;
  }

  private async start(): Promise<void> {
    const child = spawn(process.execPath, [CHILD], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...this.env, LOG_LEVEL: 'error' } });
    this.child = child;
    this.lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = await this.lines.next();
    if (first.done || first.value !== 'ready') throw new Error('the replay worker did not start');
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
    if (answer.done) throw new Error('the replay worker exited');
    if (answer.value !== 'ok') throw new Error(`the replay worker failed: ${answer.value}`);
    return true;
  }

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

  async stop(): Promise<void> {
    const child = this.child;
    if (child === null) return;
    this.child = null;
    const exited = new Promise((r) => child.once('exit', r));
    child.stdin!.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
