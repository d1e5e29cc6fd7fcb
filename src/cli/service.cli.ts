import type { Command } from 'commander';
import { openRuntime, type Runtime } from '../runtime.ts';
import { buildServer } from '../web/server.ts';
import { startWorkers } from '../worker.ts';
import { ROUTES, WORKERS } from '../app.modules.ts';

export function registerServiceCommands(program: Command): void {
  program.command('start').description('run the web server and the workers in one process (the zero-config default)')
    .action(async () => { await runService({ web: true, worker: true }); });
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

/** Runs until SIGINT/SIGTERM, then stops taking work, finishes what is in flight and exits. */
export async function runService(parts: { web: boolean; worker: boolean }, rt?: Runtime): Promise<void> {
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
    await app?.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
