import type { RouteModule } from './web/server.ts';
import type { WorkerModule } from './worker.ts';
import { subscriptionsRoutes } from './subscriptions/subscriptions.routes.ts';
import { electionsRoutes } from './elections/elections.routes.ts';
import { ballotsRoutes } from './ballots/ballots.routes.ts';
import { mailtrackingRoutes } from './mailtracking/mailtracking.routes.ts';
import { notificationsRoutes } from './notifications/notifications.routes.ts';
import { portalRoutes } from './web/portal.routes.ts';
import { consoleRoutes } from './console/console.routes.ts';
import { consolePagesRoutes } from './console/web/pages.routes.ts';
import { subscriptionsWorker } from './subscriptions/subscriptions.worker.ts';
import { electionsWorker } from './elections/elections.worker.ts';
import { ballotsWorker } from './ballots/ballots.worker.ts';
import { mailtrackingWorker } from './mailtracking/mailtracking.worker.ts';
import { notificationsWorker } from './notifications/notifications.worker.ts';

/** Every domain's HTTP routes, in registration order. */
export const ROUTES: readonly RouteModule[] = [subscriptionsRoutes, electionsRoutes, ballotsRoutes, mailtrackingRoutes, notificationsRoutes, portalRoutes, consoleRoutes, consolePagesRoutes];

/** Every domain's job handlers. */
export const WORKERS: readonly WorkerModule[] = [subscriptionsWorker, electionsWorker, ballotsWorker, mailtrackingWorker, notificationsWorker];
