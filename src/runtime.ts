import { loadConfig, type Config } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import { openDatabase, type Database } from './db/pool.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded.ts';
import { migrate } from './db/migrate.ts';
import { loadProfile, type JurisdictionProfile } from './profiles/profile.ts';
import { syncCounties } from './profiles/counties.repository.ts';
import { systemClock, type Clock } from './clock.ts';
import { startQueue, type Queue } from './queue.ts';

/** Everything a command, an HTTP handler or a job handler needs; built once per process. */
export interface Runtime {
  readonly config: Config;
  readonly log: Logger;
  readonly db: Database;
  readonly profile: JurisdictionProfile;
  readonly clock: Clock;
  /** pg-boss; started lazily by commands that enqueue or work. */
  queue(): Promise<Queue>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  config?: Config;
  log?: Logger;
  clock?: Clock;
  /** Apply pending migrations at start (default true). */
  migrate?: boolean;
}

/**
 * Connects to PostgreSQL (starting the embedded one when DATABASE_URL is unset), applies
 * migrations under a lock and syncs the profile's counties.
 */
export async function openRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const config = options.config ?? loadConfig();
  const log = options.log ?? createLogger(config.logLevel);
  let embedded: EmbeddedServer | null = null;
  let url = config.databaseUrl;
  if (url === null) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
    url = embedded.url;
  }
  const db = openDatabase(url);
  let queue: Promise<Queue> | null = null;
  const profile = loadProfile(config.profile);
  try {
    if (options.migrate !== false) await migrate(db, log);
    await syncCounties(db.pool, profile);
  } catch (err) {
    await db.close().catch(() => undefined);
    await embedded?.stop();
    throw err;
  }
  let closed = false;
  return {
    config,
    log,
    db,
    profile,
    clock: options.clock ?? systemClock,
    queue() {
      queue ??= startQueue(url, log);
      return queue;
    },
    async close() {
      if (closed) return;
      closed = true;
      if (queue) await (await queue).stop({ graceful: true, timeout: 10_000 }).catch((err: unknown) => log.warn({ err }, 'queue stop'));
      await db.close();
      await embedded?.stop();
    },
  };
}
