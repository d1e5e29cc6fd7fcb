import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.ts';

/** HTTP routes of the subscriptions domain. */
export async function subscriptionsRoutes(_app: FastifyInstance, _rt: Runtime): Promise<void> {}
