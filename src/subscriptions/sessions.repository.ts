/** SQL of voter sessions (011_voter_sessions_throttle.sql). Tokens arrive here already hashed. */
import type { Queryable } from '../db/pool.ts';

export async function insertSession(db: Queryable, s: { tokenHash: string; voterId: string; at: Date; expiresAt: Date; maxExpiresAt: Date }): Promise<void> {
  await db.query({
    name: 'subscriptions.insert-session',
    text: 'INSERT INTO voter_sessions (token_sha256, voter_id, created_at, expires_at, max_expires_at) VALUES ($1, $2, $3, $4, $5)',
    values: [s.tokenHash, s.voterId, s.at, s.expiresAt, s.maxExpiresAt],
  });
}

/**
 * The live session of a token hash: not ended, not expired, and its voter still one who may
 * use the service (not confidential, not removed). Null otherwise.
 */
export async function findLiveSession(db: Queryable, tokenHash: string, now: Date): Promise<{ voter_id: string; expires_at: Date; max_expires_at: Date } | null> {
  const { rows } = await db.query<{ voter_id: string; expires_at: Date; max_expires_at: Date }>({
    name: 'subscriptions.find-live-session',
    text: `SELECT s.voter_id, s.expires_at, s.max_expires_at
       FROM voter_sessions s JOIN voters v ON v.voter_id = s.voter_id
      WHERE s.token_sha256 = $1 AND s.ended_at IS NULL AND s.expires_at > $2
        AND NOT v.confidential AND v.removed_at IS NULL`,
    values: [tokenHash, now],
  });
  return rows[0] ?? null;
}

export async function extendSession(db: Queryable, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.query('UPDATE voter_sessions SET expires_at = least($2::timestamptz, max_expires_at) WHERE token_sha256 = $1 AND ended_at IS NULL', [tokenHash, expiresAt]);
}

export async function endSessionByHash(db: Queryable, tokenHash: string, at: Date): Promise<boolean> {
  const r = await db.query('UPDATE voter_sessions SET ended_at = $2 WHERE token_sha256 = $1 AND ended_at IS NULL', [tokenHash, at]);
  return (r.rowCount ?? 0) > 0;
}

/** Deletes sessions that expired more than a day ago (housekeeping). */
export async function deleteOldSessions(db: Queryable, now: Date): Promise<number> {
  const r = await db.query("DELETE FROM voter_sessions WHERE expires_at < $1::timestamptz - interval '1 day'", [now]);
  return r.rowCount ?? 0;
}
