/** SQL of the identity-attempt throttle (see throttle.ts for the rules; the reservation is in identity.repository.ts). */
import type { Queryable } from '../db/pool.ts';
import type { ThrottleKeys } from './throttle.ts';

const WINDOW_CLOSED = (col: string): string => `${col} <= $2::timestamptz - $3::float8 * interval '1 millisecond'`;

/**
 * Gives back a reservation that was refused (throttled), so refused attempts do not pile up;
 * with `client`, also the client failure the lookup counted for it.
 */
export async function releaseAttempt(db: Queryable, keys: ThrottleKeys, client: boolean): Promise<void> {
  await db.query('UPDATE identity_throttle SET failures = greatest(0, failures - 1) WHERE key = ANY($1::text[])',
    [[keys.nameZip, keys.pair, ...(client ? [keys.client] : [])].sort()]);
}

/** A failed attempt: its reservation stands, and the client counter counts it too. */
export async function recordClientFailure(db: Queryable, keys: ThrottleKeys, now: Date, windowMs: number): Promise<void> {
  await db.query({
    name: 'subscriptions.record-client-failure',
    text: `INSERT INTO identity_throttle AS t (key, window_start, failures) VALUES ($1, $2::timestamptz, 1)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN ${WINDOW_CLOSED('t.window_start')} THEN 1 ELSE t.failures + 1 END,
       window_start = CASE WHEN ${WINDOW_CLOSED('t.window_start')} THEN $2::timestamptz ELSE t.window_start END`,
    values: [keys.client, now, windowMs],
  });
}

/**
 * An attempt that found the voter forgives the failures this client made on the same last
 * name and ZIP: the pair counter (which includes this attempt's own reservation) comes off the
 * name/ZIP counter, the same less this attempt off the client counter (which never counted it),
 * and the pair is cleared. One statement.
 */
export async function forgive(db: Queryable, keys: ThrottleKeys): Promise<void> {
  await db.query({
    name: 'subscriptions.forgive',
    text: `WITH own AS (DELETE FROM identity_throttle WHERE key = $1 RETURNING failures)
     UPDATE identity_throttle t
        SET failures = greatest(0, t.failures - CASE WHEN t.key = $2 THEN own.failures - 1 ELSE own.failures END)
       FROM own WHERE t.key IN ($2, $3)`,
    values: [keys.pair, keys.client, keys.nameZip],
  });
}

/** Deletes counters whose window closed (housekeeping). */
export async function deleteClosedWindows(db: Queryable, now: Date, windowMs: number): Promise<number> {
  const r = await db.query("DELETE FROM identity_throttle WHERE window_start <= $1::timestamptz - $2::float8 * interval '1 millisecond'", [now, windowMs]);
  return r.rowCount ?? 0;
}
