import type { Queryable } from '../db/pool.ts';

/** Feeds whose runs are recorded in import_runs. WARNING: persisted values. */
export type FeedKind = 'voters' | 'ballots' | 'tracking' | 'scans' | 'subscriptions';
export type RunStatus = 'running' | 'done' | 'failed' | 'held' | 'approved' | 'discarded';

export interface ImportRunRow {
  id: number; kind: FeedKind; source: string; sha256: string | null; mode: string; county_code: string | null;
  status: RunStatus; started_at: Date; finished_at: Date | null; duration_ms: number | null;
  counts: Record<string, number>; error: string | null;
}

export async function startRun(db: Queryable, run: { kind: FeedKind; source: string; mode: string; countyCode: string | null }): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    'INSERT INTO import_runs (kind, source, mode, county_code) VALUES ($1, $2, $3, $4) RETURNING id',
    [run.kind, run.source, run.mode, run.countyCode]);
  return rows[0]!.id;
}

export async function finishRun(db: Queryable, id: number, result: { status: RunStatus; sha256: string | null; counts: Record<string, number>; durationMs: number; error?: string }): Promise<void> {
  await db.query(
    `UPDATE import_runs SET status = $2, sha256 = $3, counts = $4, duration_ms = $5, error = $6, finished_at = now() WHERE id = $1`,
    [id, result.status, result.sha256, JSON.stringify(result.counts), Math.round(result.durationMs), result.error ?? null]);
}

export async function insertRejects(db: Queryable, runId: number, rejects: ReadonlyArray<{ line: number; reason: string }>): Promise<void> {
  for (let i = 0; i < rejects.length; i += 5000) {
    const batch = rejects.slice(i, i + 5000);
    await db.query(
      'INSERT INTO import_rejects (run_id, line, reason) SELECT $1, * FROM unnest($2::int[], $3::text[]) ON CONFLICT DO NOTHING',
      [runId, batch.map((r) => r.line), batch.map((r) => r.reason)]);
  }
}

export async function getRun(db: Queryable, id: number): Promise<ImportRunRow | null> {
  return (await db.query<ImportRunRow>('SELECT * FROM import_runs WHERE id = $1', [id])).rows[0] ?? null;
}

export async function listRuns(db: Queryable, filter: { kind?: FeedKind; countyCodes?: readonly string[] | null; limit?: number } = {}): Promise<ImportRunRow[]> {
  return (await db.query<ImportRunRow>(
    `SELECT * FROM import_runs WHERE ($1::text IS NULL OR kind = $1)
       AND ($2::text[] IS NULL OR county_code = ANY($2))
     ORDER BY id DESC LIMIT $3`,
    [filter.kind ?? null, filter.countyCodes ?? null, filter.limit ?? 100])).rows;
}

export async function listRejects(db: Queryable, runId: number, limit = 100_000): Promise<Array<{ line: number; reason: string }>> {
  return (await db.query<{ line: number; reason: string }>('SELECT line, reason FROM import_rejects WHERE run_id = $1 ORDER BY line LIMIT $2', [runId, limit])).rows;
}
