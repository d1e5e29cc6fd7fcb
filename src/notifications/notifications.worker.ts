import type { Runtime } from '../runtime.ts';

/** Job handlers of the notifications domain. */
export async function notificationsWorker(_rt: Runtime): Promise<void> {}
