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
  /** The election's clock: what every domain rule reads as "now" (fast in demo mode, fixed in tests). */
  readonly clock: Clock;
  /**
   * Real time, for what must follow the people at the keyboard rather than the election: staff
   * sign-in (TOTP codes come from the member's phone), lockouts, staff sessions and the time of
   * audit entries. The same as `clock` except where a caller sets both (demo mode).
   */
  readonly wallClock: Clock;
  /** pg-boss; started lazily by commands that enqueue or work. */
  queue(): Promise<Queue>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  config?: Config;
  log?: Logger;
  clock?: Clock;
  /** Default: `clock` (so a test's fixed clock drives staff sign-in too), else the system clock. */
  wallClock?: Clock;
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
  // A connection lost while checked out (the server stopping under a running import, as when a
  // Ctrl-C reaches the embedded PostgreSQL) fails the query using it; unheard, the client's
  // 'error' event would end the process before it could close in order.
  db.pool.on('connect', (client) => client.on('error', (err: Error & { code?: string }) => {
    if (embedded && SERVER_GONE.has(err.code ?? '')) log.info({ code: err.code }, 'embedded PostgreSQL is shutting down');
    else log.warn({ err }, 'database connection lost');
  }));
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
    wallClock: options.wallClock ?? options.clock ?? systemClock,
    queue() {
      queue ??= startQueue(url, embedded ? quietOnServerShutdown(log) : log);
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

/**
 * A Ctrl-C in a terminal reaches the embedded PostgreSQL too (it is a child in the same
 * process group), which then ends every session at once while this process is still closing
 * in order. Those "terminating connection due to administrator command" (57P01) reports are
 * expected then, so they are logged at info, not as errors.
 */
const SERVER_GONE = new Set(['57P01', 'EPIPE', 'ECONNRESET']);

function quietOnServerShutdown(log: Logger): Logger {
  const child = log.child({});
  const error = child.error.bind(child);
  child.error = ((obj: unknown, ...rest: unknown[]) => {
    const err = (obj as { err?: { code?: string } } | null)?.err;
    if (err?.code !== undefined && SERVER_GONE.has(err.code)) return child.info({ code: err.code }, 'embedded PostgreSQL is shutting down');
    return (error as (o: unknown, ...r: unknown[]) => void)(obj, ...rest);
  }) as Logger['error'];
  return child;
}
