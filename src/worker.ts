import type { Runtime } from './runtime.ts';

/** A domain's job handlers; each domain exports one and it is listed where workers start. */
export type WorkerModule = (rt: Runtime) => Promise<void>;

/** Starts every job handler of this process. pg-boss stops them when the runtime closes. */
export async function startWorkers(rt: Runtime, modules: readonly WorkerModule[]): Promise<void> {
  await rt.queue();
  for (const m of modules) await m(rt);
  rt.log.info({ modules: modules.length }, 'workers started');
}
