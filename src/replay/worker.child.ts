/**
 * A delivery worker in its own process for the replay's faults: it runs the real
 * `deliverMessages` on the replay's clock. Reads one JSON request a line on stdin
 * (`{"now": ISO, "ids": [...]}`), answers `ok` a line on stdout. The replay kills it with
 * SIGKILL at random points and starts another. Configuration comes from the environment,
 * like every ballotline process.
 */
import { createInterface } from 'node:readline';
import { fixedClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { openRuntime } from '../runtime.ts';
import { deliverMessages } from '../notifications/delivery.service.ts';

const config = loadConfig();
const clock = fixedClock(new Date());
const rt = await openRuntime({ config, log: createLogger('error', 'replay-worker'), clock, migrate: false });
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const request = JSON.parse(line) as { now: string; ids: string[] };
  clock.set(new Date(request.now));
  try {
    await deliverMessages(rt, request.ids);
    process.stdout.write('ok\n');
  } catch (err) {
    process.stdout.write(`error ${(err as Error).message.replaceAll('\n', ' ')}\n`);
  }
}
await rt.close();
