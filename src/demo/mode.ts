/**
 * When the demo runs (docs/demo.md#when). Pure.
 *   - `ballotline demo`: always, except against DATABASE_URL without BALLOTLINE_DEMO=on, or
 *     with BALLOTLINE_DEMO=off;
 *   - `ballotline start` (`npm start`): with BALLOTLINE_DEMO=on, or on the zero-config default
 *     (BALLOTLINE_DEMO unset or auto, no DATABASE_URL, not production) as long as the data
 *     folder holds no real database (an existing `<data dir>/pg` keeps running as before).
 * A database named by DATABASE_URL is never seeded unless BALLOTLINE_DEMO=on.
 */
import { join } from 'node:path';
import type { Config } from '../config.ts';

export type DemoDecision = { demo: true } | { demo: false; reason: string };

export function demoDecision(command: 'start' | 'demo', config: Pick<Config, 'demo' | 'databaseUrl' | 'production'>, realDatabaseInDataDir: boolean): DemoDecision {
  if (config.demo === 'off') return { demo: false, reason: 'BALLOTLINE_DEMO=off' };
  if (config.demo === 'on') return { demo: true };
  if (config.databaseUrl !== null) return { demo: false, reason: 'DATABASE_URL is set: the demo never seeds a named database unless BALLOTLINE_DEMO=on' };
  if (config.production) return { demo: false, reason: 'NODE_ENV=production' };
  if (command === 'demo') return { demo: true };
  if (realDatabaseInDataDir) return { demo: false, reason: 'the data folder already holds a database' };
  return { demo: true };
}

/** The demo's own data folder, beside (never inside the database of) a real one. */
export const demoDataDir = (dataDir: string): string => join(dataDir, 'demo');

/**
 * The configuration of a demo process: its own data folder and embedded PostgreSQL port (the
 * real one's + 1, so both can run side by side), and voter sessions that last as long in real
 * time as they would at normal speed while the season plays accelerated.
 */
export function demoConfig(config: Config, rate: number): Config {
  const scale = Math.max(1, rate);
  return Object.freeze({
    ...config,
    dataDir: demoDataDir(config.dataDir),
    embeddedPgPort: config.embeddedPgPort + 1,
    voterSession: Object.freeze({ idleMinutes: config.voterSession.idleMinutes * scale, maxHours: config.voterSession.maxHours * scale }),
  });
}
