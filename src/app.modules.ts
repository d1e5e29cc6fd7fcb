import type { RouteModule } from './web/server.ts';
import type { WorkerModule } from './worker.ts';

/** Every domain's HTTP routes, in registration order. */
export const ROUTES: readonly RouteModule[] = [];

/** Every domain's job handlers. */
export const WORKERS: readonly WorkerModule[] = [];
