/**
 * The dashboards' figures (docs/console.md "Dashboards"): set-based SQL, one query per
 * table, each limited to one election and to the counties in `scope` (null: every county).
 * Days are calendar days in the state's time zone.
 *
 * - ballots by status: each ballot's current status (no status yet: "none");
 * - returns per day: the day of each ballot's first event that says the envelope came back
 *   (return scan, received, accepted, not accepted — except voter deceased and cancelled —,
 *   contact county);
 * - sign-ups per day: subscriptions created in the county; opt-outs per day: subscriptions
 *   of which at least one channel was opted out that day. Both over the election's tracking
 *   window and the 30 days before it;
 * - messages by channel and status, and failure rates per channel: the election's ballot
 *   messages of ballots of the county. A message has failed when its status is `failed` or
 *   `render_failed`; the rate is failed / (sent + delivered + failed + render_failed).
 */
import type { Queryable } from '../db/pool.ts';

export interface ReportScope {
  electionId: string;
  /** null: every county (state admin, "all counties"); otherwise these counties. */
  counties: readonly string[] | null;
  /** The state's time zone: days are counted in it. */
  timeZone: string;
}

export interface LabelCount { label: string; value: number }

/** Kinds of ballot event that mean the return envelope came back. */
export const RETURN_EVENT_KINDS = ['inbound', 'received', 'accepted', 'not_accepted', 'contact_county'] as const;
/** Not-accepted reasons that say nothing came back: the voter died (VDD), the ballot was cancelled (CLD). */
export const NOT_A_RETURN = ['VDD', 'CLD'] as const;

export async function ballotsByStatus(db: Queryable, s: ReportScope): Promise<LabelCount[]> {
  const { rows } = await db.query<{ label: string; value: number }>(
    `SELECT coalesce(status_code, 'none') AS label, count(*)::int AS value FROM ballots
     WHERE election_id = $1 AND ($2::text[] IS NULL OR county_code = ANY($2))
     GROUP BY 1 ORDER BY value DESC, label`,
    [s.electionId, s.counties]);
  return rows;
}

export async function returnsPerDay(db: Queryable, s: ReportScope): Promise<LabelCount[]> {
  const { rows } = await db.query<{ label: string; value: number }>(
    `WITH first_return AS (
       SELECT min(occurred_at) AS at FROM ballot_events
       WHERE election_id = $1 AND ($2::text[] IS NULL OR county_code = ANY($2)) AND kind = ANY($4::text[])
         AND NOT (kind = 'not_accepted' AND reason = ANY($5::text[]))
       GROUP BY ballot_id)
     SELECT to_char((at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS label, count(*)::int AS value
     FROM first_return GROUP BY 1 ORDER BY 1`,
    [s.electionId, s.counties, s.timeZone, RETURN_EVENT_KINDS, NOT_A_RETURN]);
  return rows;
}

/** The days sign-ups and opt-outs are counted over: 30 days before the window opens to its close. */
async function consentRange(db: Queryable, electionId: string): Promise<{ from: string; to: string } | null> {
  const { rows } = await db.query<{ from: string; to: string }>(
    `SELECT to_char(election_date - tracking_days_before - 30, 'YYYY-MM-DD') AS from,
            to_char(election_date + tracking_days_after, 'YYYY-MM-DD') AS to
     FROM elections WHERE id = $1`, [electionId]);
  return rows[0] ?? null;
}

export async function signupsPerDay(db: Queryable, s: ReportScope): Promise<LabelCount[]> {
  const range = await consentRange(db, s.electionId);
  if (!range) return [];
  const { rows } = await db.query<{ label: string; value: number }>(
    `SELECT to_char((created_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS label, count(*)::int AS value
     FROM subscriptions
     WHERE ($1::text[] IS NULL OR county_code = ANY($1)) AND (created_at AT TIME ZONE $2)::date BETWEEN $3::date AND $4::date
     GROUP BY 1 ORDER BY 1`,
    [s.counties, s.timeZone, range.from, range.to]);
  return rows;
}

export async function optOutsPerDay(db: Queryable, s: ReportScope): Promise<LabelCount[]> {
  const range = await consentRange(db, s.electionId);
  if (!range) return [];
  const { rows } = await db.query<{ label: string; value: number }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS label, count(DISTINCT subscription_id)::int AS value
     FROM (SELECT e.subscription_id, (e.at AT TIME ZONE $2)::date AS day
           FROM consent_events e JOIN subscriptions s ON s.id = e.subscription_id
           WHERE e.to_state = 'opted_out' AND e.channel IS NOT NULL AND ($1::text[] IS NULL OR s.county_code = ANY($1))) o
     WHERE day BETWEEN $3::date AND $4::date
     GROUP BY day ORDER BY day`,
    [s.counties, s.timeZone, range.from, range.to]);
  return rows;
}

export interface ChannelStatusCount { channel: string; status: string; value: number }

/** The election's ballot messages about ballots of the scope, by channel and status. */
export async function messagesByChannelStatus(db: Queryable, s: ReportScope): Promise<ChannelStatusCount[]> {
  const { rows } = await db.query<ChannelStatusCount>(
    `SELECT m.channel, m.status, count(*)::int AS value
     FROM messages m JOIN ballots b ON b.election_id = m.election_id AND b.ballot_id = m.ballot_id
     WHERE m.election_id = $1 AND ($2::text[] IS NULL OR b.county_code = ANY($2))
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [s.electionId, s.counties]);
  return rows;
}

export interface FailureRate { channel: string; finished: number; failed: number; rate: number }

/** Per channel: messages that reached an end (sent, delivered, failed, render_failed), how many failed, and the share. */
export function failureRates(counts: readonly ChannelStatusCount[]): FailureRate[] {
  const by = new Map<string, { finished: number; failed: number }>();
  for (const c of counts) {
    const row = by.get(c.channel) ?? { finished: 0, failed: 0 };
    if (['sent', 'delivered', 'failed', 'render_failed'].includes(c.status)) row.finished += c.value;
    if (c.status === 'failed' || c.status === 'render_failed') row.failed += c.value;
    by.set(c.channel, row);
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b))
    .map(([channel, r]) => ({ channel, ...r, rate: r.finished === 0 ? 0 : r.failed / r.finished }));
}

export interface ElectionChoice { id: string; name: string; electionDate: string }

/** Elections, newest first, for the dashboard's picker. */
export async function electionChoices(db: Queryable): Promise<ElectionChoice[]> {
  const { rows } = await db.query<{ id: string; name: string; election_date: string }>(
    `SELECT id, name, to_char(election_date, 'YYYY-MM-DD') AS election_date FROM elections ORDER BY election_date DESC, id LIMIT 200`);
  return rows.map((r) => ({ id: r.id, name: r.name, electionDate: r.election_date }));
}
