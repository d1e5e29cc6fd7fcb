import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './pool.ts';
import type { Logger } from '../log.ts';

/**
 * Forward-only SQL migrations: `src/db/migrations/NNN_name.sql`, applied in order, each
 * in its own transaction, under a session advisory lock so that many processes starting
 * at once apply each migration exactly once. An applied migration whose file changed
 * stops start-up: migrations are never edited, only added.
 *
 * Numbering by domain keeps parallel work apart: 001–009 foundation and registry,
 * 010–019 subscriptions, 020–029 elections and ballots, 030–039 mail tracking,
 * 040–049 notifications, 050–059 console.
 */
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_KEY = 7_400_413_001; // arbitrary, fixed: "ballotline migrations"

export interface Migration { version: number; name: string; sql: string; checksum: string }

let cached: Promise<Migration[]> | undefined;

export function loadMigrations(): Promise<Migration[]> {
  cached ??= readMigrations(MIGRATIONS_DIR);
  return cached;
}

async function readMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const sql = await readFile(`${dir}${file}`, 'utf8');
    migrations.push({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  return migrations;
}

export async function migrate(db: Database, log: Logger): Promise<{ applied: string[] }> {
  const migrations = await loadMigrations();
  const client = await db.pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version int PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map((await client.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')).rows.map((r) => [r.version, r.checksum]));
    for (const m of migrations) {
      const checksum = done.get(m.version);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) throw new Error(`migration ${m.version}_${m.name} was changed after it was applied; add a new migration instead`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.version}_${m.name} failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(`${m.version}_${m.name}`);
      log.info({ migration: `${m.version}_${m.name}` }, 'migration applied');
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return { applied };
}

/** True when every migration in the code has been applied (for /readyz). */
export async function migrationsCurrent(db: Queryable): Promise<boolean> {
  const migrations = await loadMigrations();
  const rows = (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).rows;
  const have = new Set(rows.map((r) => r.version));
  return migrations.every((m) => have.has(m.version));
}
