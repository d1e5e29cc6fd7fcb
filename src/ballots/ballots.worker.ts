import type { Runtime } from '../runtime.ts';

/** Job handlers of the ballots domain. */
export async function ballotsWorker(_rt: Runtime): Promise<void> {}
