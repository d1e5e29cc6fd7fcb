import type { Runtime } from '../runtime.ts';

/** Job handlers of the elections domain. */
export async function electionsWorker(_rt: Runtime): Promise<void> {}
