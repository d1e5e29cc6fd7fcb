/**
 * Per-provider rate limits shared by every worker process, as a token bucket in
 * PostgreSQL (table provider_rate_buckets), one row per provider and channel.
 *
 * Each hand-off reserves one token with a single UPDATE; the bucket may go negative, and
 * a negative balance is the caller's place in line: it waits -tokens / rate seconds before
 * sending. So N processes sending at once queue up fairly at the configured rate, with no
 * polling and one statement per message. Refill is measured on the database clock
 * (clock_timestamp()), because a rate is about real time, not the runtime's clock.
 */
import type { Queryable } from '../db/pool.ts';

/** Milliseconds to wait before using the slot just reserved (0: go now). `perSecond` 0 means no limit. */
export async function reserveSlot(db: Queryable, bucket: string, perSecond: number): Promise<number> {
  if (perSecond <= 0) return 0;
  const burst = Math.max(1, perSecond);
  const { rows } = await db.query<{ tokens: number }>(
    `INSERT INTO provider_rate_buckets AS b (bucket, tokens, refreshed_at) VALUES ($1, $3::float8 - 1, clock_timestamp())
     ON CONFLICT (bucket) DO UPDATE SET
       tokens = LEAST($3::float8, b.tokens + EXTRACT(EPOCH FROM clock_timestamp() - b.refreshed_at)::float8 * $2::float8) - 1,
       refreshed_at = clock_timestamp()
     RETURNING tokens`,
    [bucket, perSecond, burst],
  );
  const tokens = rows[0]!.tokens;
  return tokens >= 0 ? 0 : Math.ceil((-tokens / perSecond) * 1000);
}
