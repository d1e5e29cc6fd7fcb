/**
 * Runs a replay in a scratch database of its own on a given PostgreSQL server, created and
 * migrated for the run and dropped after it: a replay writes a whole synthetic election (voters,
 * ballots, subscriptions, messages) and must never touch real data. California's profile
 * (a replay's voters sign up without the YES step), every channel to the outbox.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { fixedClock } from '../clock.ts';
import type { Config } from '../config.ts';
import { createLogger } from '../log.ts';
import { openRuntime } from '../runtime.ts';
import { buildScenario } from './scenario.ts';
import { runReplay, type ReplayRuntime } from './driver.ts';
import type { ReplayReport } from './report.ts';

export interface ReplayRunOptions {
  voters: number;
  seed: number;
  faults: boolean;
  /** Keep the scratch database (its name is printed). */
  keep?: boolean;
  progress?: (line: string) => void;
  /**
   * Stops the server at `serverUrl` and starts it again, for a caller that owns it (the bench's
   * embedded server): the replay's database restart is then real. Without it, connections are cut.
   */
  restartDatabase?: () => Promise<void>;
}

/**
 * The replay's configuration: the operator's, on the scratch database, with California's profile,
 * every channel to the outbox, a webhook token of its own and recorded messages for Khmer calls.
 */
export function replayConfig(base: Config, databaseUrl: string): Config {
  const config: Config = {
    ...base,
    databaseUrl,
    profile: 'ca',
    logLevel: 'error',
    secret: base.secret ?? randomBytes(24).toString('hex'),
    publicUrl: 'https://ballots.example.gov',
    notifications: {
      ...base.notifications,
      emailProvider: 'outbox', smsProvider: 'outbox', voiceProvider: 'outbox',
      twilio: { ...base.notifications.twilio, authToken: randomBytes(16).toString('hex') },
      voiceAudioBaseUrl: 'https://audio.example.gov/ballotline',
    },
  };
  return Object.freeze(config);
}

/** Same server as `serverUrl`, another database. */
export function databaseUrlOn(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function replayInScratchDatabase(base: Config, serverUrl: string, options: ReplayRunOptions): Promise<{ report: ReplayReport; database: string }> {
  const database = `ballotline_replay_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  try {
    const config = replayConfig(base, databaseUrlOn(serverUrl, database));
    const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
    // Quiet: the faults make the queue log every cut connection; the report says what happened.
    const rt = await openRuntime({ config, log: createLogger('fatal', 'replay'), clock });
    try {
      const counties = rt.profile.counties.slice(0, 3).map((c) => c.code);
      const scenario = buildScenario({ voters: options.voters, seed: options.seed, counties, stateTimeZone: rt.profile.timeZone });
      const report = await runReplay(rt as ReplayRuntime, scenario, {
        faults: options.faults, seed: options.seed, ...(options.progress ? { progress: options.progress } : {}),
        ...(options.restartDatabase ? { restartDatabase: options.restartDatabase } : {}),
      });
      return { report, database };
    } finally {
      await rt.close();
    }
  } finally {
    if (!options.keep) {
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
      await a.end();
    }
  }
}
