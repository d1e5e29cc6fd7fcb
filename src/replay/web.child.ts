/**
 * The web server in its own process for the replay's faults: the real HTTP server
 * (`buildServer` with the voter API and the provider webhooks) on 127.0.0.1, on a port the
 * system picks, announced as `listening <port>` on stdout. Its clock is the replay's: before
 * each request the replay writes `{"now": ISO}` a line on stdin and waits for `now <ISO>`; the
 * HTTP surface is exactly production's (no header sets the time). The replay kills it with
 * SIGKILL at random points, between requests and while one is in flight, and starts another.
 * Configuration comes from the environment, like every ballotline process.
 */
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fixedClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { openRuntime } from '../runtime.ts';
import { buildServer } from '../web/server.ts';
import { notificationsRoutes } from '../notifications/notifications.routes.ts';
import { subscriptionsRoutes } from '../subscriptions/subscriptions.routes.ts';

const config = loadConfig();
const clock = fixedClock(new Date());
const rt = await openRuntime({ config, log: createLogger('fatal', 'replay-web'), clock, migrate: false });
const app = await buildServer(rt, { routes: [notificationsRoutes, subscriptionsRoutes], logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`listening ${(app.server.address() as AddressInfo).port}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const request = JSON.parse(line) as { now: string };
  clock.set(new Date(request.now));
  process.stdout.write(`now ${request.now}\n`);
}
await app.close();
await rt.close();
