import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.ts';

/** HTTP routes of the elections domain. */
export async function electionsRoutes(_app: FastifyInstance, _rt: Runtime): Promise<void> {}
