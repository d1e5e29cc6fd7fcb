import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.ts';

/** HTTP routes of the mailtracking domain. */
export async function mailtrackingRoutes(_app: FastifyInstance, _rt: Runtime): Promise<void> {}
