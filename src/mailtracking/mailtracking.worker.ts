import type { Runtime } from '../runtime.ts';

/** Job handlers of the mailtracking domain. */
export async function mailtrackingWorker(_rt: Runtime): Promise<void> {}
