import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.ts';

/** HTTP routes of the ballots domain. */
export async function ballotsRoutes(_app: FastifyInstance, _rt: Runtime): Promise<void> {}
