import type { Runtime } from '../runtime.ts';

/** Job handlers of the subscriptions domain. */
export async function subscriptionsWorker(_rt: Runtime): Promise<void> {}
