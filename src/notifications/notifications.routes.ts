import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.ts';

/** HTTP routes of the notifications domain. */
export async function notificationsRoutes(_app: FastifyInstance, _rt: Runtime): Promise<void> {}
