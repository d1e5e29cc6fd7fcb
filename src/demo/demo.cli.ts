/**
 * `ballotline demo` (and `npm start` on the zero-config default, src/cli/service.cli.ts):
 * seeds the demo once, starts the season's clock, runs the web server and the workers on it,
 * and plays the season (driver.ts). `ballotline demo code` prints the console accounts'
 * current authenticator codes.
 */
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { loadProfile } from '../profiles/profile.ts';
import { systemClock } from '../clock.ts';
import { openRuntime } from '../runtime.ts';
import { runService } from '../cli/service.cli.ts';
import { demoClock } from './demo-clock.ts';
import { demoConfig, demoDataDir, demoDecision } from './mode.ts';
import { readDemoState, writeDemoState } from './demo-state.ts';
import { newDemoState, populationOf, seedDemo } from './seed.ts';
import { demoDriver } from './driver.ts';
import { banner, codesText } from './banner.ts';

export function registerDemoCommands(program: Command): void {
  const demo = program.command('demo').description('play a synthetic election on an accelerated clock, in its own data folder (docs/demo.md)')
    .action(async () => {
      const config = loadConfig();
      const decision = demoDecision('demo', config, false);
      if (!decision.demo) throw new AppError(400, 'demo_refused', `the demo does not run here: ${decision.reason}`);
      await runDemo(config);
    });
  demo.command('code').description("print the demo console accounts' current authenticator codes")
    .action(async () => {
      const config = loadConfig();
      const state = await readDemoState(demoDataDir(config.dataDir));
      if (!state || state.seededAt === null) throw new AppError(404, 'demo_not_seeded', 'no demo here yet: run `npm start` or `ballotline demo` first');
      console.log(codesText(state, systemClock));
    });
}

/** Runs the demo until SIGINT/SIGTERM. */
export async function runDemo(base: Config): Promise<void> {
  const profile = loadProfile(base.profile);
  const dir = demoDataDir(base.dataDir);
  let state = await readDemoState(dir);
  if (!state) {
    state = newDemoState({ profile, config: base }, {});
    await writeDemoState(dir, state);
  }
  const clock = demoClock(state.clock);
  const config = demoConfig(base, clock.accelerated() ? clock.rate : 1);
  console.log(state.seededAt === null ? 'ballotline demo: seeding a synthetic state (first run only)…' : 'ballotline demo: resuming the demo election…');
  const started = performance.now();
  // Staff sign-in runs on real time (the codes come from a phone), the election on the fast clock.
  const rt = await openRuntime({ config, clock, wallClock: systemClock });
  try {
    state = await seedDemo(rt);
  } catch (err) {
    await rt.close();
    throw err;
  }
  clock.play();
  state = { ...state, clock: clock.settings() };
  await writeDemoState(dir, state);
  const driver = demoDriver(rt, state);
  await runService({ web: true, worker: true }, rt, { beforeClose: () => driver.stop() });
  console.log(banner(rt, state, populationOf(rt, state), clock, (performance.now() - started) / 1000));
  driver.start();
}
