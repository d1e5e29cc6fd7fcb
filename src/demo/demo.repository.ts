/** The few reads the demo needs to know what is already done; it writes only through the domains' services. */
import type { Queryable } from '../db/pool.ts';

/** An empty database (no voters), or one the demo loaded (its voter file's run is recorded). */
export async function isDemoDatabase(db: Queryable, demoSource: string): Promise<boolean> {
  const { rows } = await db.query<{ voters: boolean; demo: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM voters) AS voters,
            EXISTS (SELECT 1 FROM import_runs WHERE kind = 'voters' AND source = $1) AS demo`, [demoSource]);
  return !rows[0]!.voters || rows[0]!.demo;
}

export async function hasRun(db: Queryable, kind: string, source: string): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM import_runs WHERE kind = $1 AND source = $2 AND status = 'done' LIMIT 1", [kind, source]);
  return rows.length > 0;
}

export async function electionExists(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM elections WHERE id = $1', [id]);
  return rows.length > 0;
}

export async function staffExists(db: Queryable, email: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM staff_users WHERE email = $1', [email]);
  return rows.length > 0;
}

/** Ids of planned messages due at `now`, oldest first. */
export async function dueMessageIds(db: Queryable, now: Date, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    "SELECT id::text AS id FROM messages WHERE status = 'planned' AND not_before <= $1 ORDER BY not_before, id LIMIT $2", [now, limit]);
  return rows.map((r) => r.id);
}

/** Voters with a live subscription, of those given. */
export async function subscribedVoters(db: Queryable, voterIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ voter_id: string }>(
    "SELECT voter_id FROM subscriptions WHERE voter_id = ANY ($1::text[]) AND state <> 'ended'", [voterIds]);
  return new Set(rows.map((r) => r.voter_id));
}
