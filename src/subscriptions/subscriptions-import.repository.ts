/**
 * Set-based SQL of the subscriptions import, on the staging table the import fills with COPY,
 * inside the import's transaction.
 */
import type { Queryable } from '../db/pool.ts';
import { LANGUAGES } from '../persisted.ts';

export async function createSubscriptionStaging(db: Queryable): Promise<void> {
  await db.query(`CREATE TEMP TABLE subscription_staging (
    line int NOT NULL, voter_id text NOT NULL, language text, hours_start text NOT NULL, hours_end text NOT NULL, time_zone text,
    consented_at timestamptz, sms_yes_confirmed_at timestamptz, source_system text,
    sms text, sms_consent text, email text, email_consent text, voice text, voice_consent text
  ) ON COMMIT DROP`);
}

export const SUBSCRIPTION_STAGING_COPY = `COPY subscription_staging (line, voter_id, language, hours_start, hours_end, time_zone,
  consented_at, sms_yes_confirmed_at, source_system, sms, sms_consent, email, email_consent, voice, voice_consent) FROM STDIN`;

/** Removes every row whose voter ID appeared on an earlier line; returns them as rejects. */
export async function rejectDuplicateVoters(db: Queryable): Promise<Array<{ line: number; reason: string }>> {
  const { rows } = await db.query<{ line: number; first_line: number }>(`
    WITH ranked AS (SELECT line, min(line) OVER (PARTITION BY voter_id) AS first_line FROM subscription_staging)
    DELETE FROM subscription_staging s USING ranked r WHERE s.line = r.line AND r.line <> r.first_line
    RETURNING s.line, r.first_line`);
  return rows.map((r) => ({ line: r.line, reason: `duplicate voter_id (first seen on line ${r.first_line})` }));
}

/** Removes rows whose voter is not in the registry, was removed, or is confidential (one reason for all three: the report must not tell them apart). */
export async function rejectUnknownVoters(db: Queryable): Promise<Array<{ line: number; reason: string }>> {
  const { rows } = await db.query<{ line: number }>(`
    DELETE FROM subscription_staging s
     WHERE NOT EXISTS (SELECT 1 FROM voters v WHERE v.voter_id = s.voter_id AND NOT v.confidential AND v.removed_at IS NULL)
    RETURNING s.line`);
  return rows.map((r) => ({ line: r.line, reason: 'voter_id is not a voter who may subscribe (not in the registry, removed, or confidential)' }));
}

/** An index and statistics for the merge's joins (a temp table is never auto-analysed). */
export async function indexStaging(db: Queryable): Promise<void> {
  await db.query('CREATE INDEX ON subscription_staging (voter_id)');
  await db.query('ANALYZE subscription_staging');
}

export async function countStaged(db: Queryable): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM subscription_staging')).rows[0]!.n;
}

/**
 * Creates the subscriptions (active, or suspended for a voter who is not ACTIVE), channels and
 * consent events in one statement. A voter who already has a live subscription is left alone
 * (ON CONFLICT: the running system's state wins over the old system's). Addresses on the
 * do-not-contact list come in opted out. Carried-over subscriptions get no confirmation: the
 * voters are continuing, not signing up.
 */
export async function mergeSubscriptions(db: Queryable, p: { runId: number; now: Date; timeZone: string; smsNeedsYes: boolean }): Promise<{ imported: number; suspended: number; doNotContact: number }> {
  const { rows } = await db.query<{ imported: number; suspended: number; dnc: number }>(`
    WITH subs AS (
      INSERT INTO subscriptions (voter_id, county_code, state, language, time_zone, hours_start, hours_end, source, created_at, updated_at)
      SELECT s.voter_id, v.county_code, CASE WHEN v.status = 'ACTIVE' THEN 'active' ELSE 'suspended' END,
             coalesce(s.language, CASE WHEN v.language = ANY($4::text[]) THEN v.language END, 'en'),
             coalesce(s.time_zone, $3), s.hours_start, s.hours_end, 'import', $2, $2
        FROM subscription_staging s JOIN voters v ON v.voter_id = s.voter_id
      ON CONFLICT (voter_id) WHERE state <> 'ended' DO NOTHING
      RETURNING id, voter_id, state
    ), created AS (
      SELECT subs.id, subs.voter_id, subs.state, s.line, s.consented_at, s.source_system, s.sms_yes_confirmed_at,
             s.sms, s.sms_consent, s.email, s.email_consent, s.voice, s.voice_consent
        FROM subs JOIN subscription_staging s ON s.voter_id = subs.voter_id
    ), ch AS (
      SELECT r.id, r.voter_id, r.line, r.consented_at, r.source_system, c.channel, c.address, c.file_consent,
             EXISTS (SELECT 1 FROM do_not_contact d WHERE d.address = c.address) AS dnc,
             CASE WHEN c.channel = 'sms' THEN r.sms_yes_confirmed_at END AS yes_at
        FROM created r
        CROSS JOIN LATERAL (VALUES ('sms', r.sms, r.sms_consent), ('email', r.email, r.email_consent), ('voice', r.voice, r.voice_consent)) AS c(channel, address, file_consent)
       WHERE c.address IS NOT NULL
    ), channels AS (
      INSERT INTO subscription_channels (subscription_id, channel, address, consent, needs_yes, yes_confirmed_at, updated_at)
      SELECT id, channel, address, CASE WHEN dnc THEN 'opted_out' ELSE file_consent END, channel = 'sms' AND $5::boolean, yes_at, $2 FROM ch
    ), logged AS (
      INSERT INTO consent_events (subscription_id, voter_id, channel, from_state, to_state, source, actor, details, at)
      SELECT id, voter_id, NULL, NULL, state, 'import', NULL,
             jsonb_strip_nulls(jsonb_build_object('runId', $1::bigint, 'line', line, 'consentedAt', consented_at, 'sourceSystem', source_system)), $2
        FROM created
      UNION ALL
      SELECT id, voter_id, channel, NULL, CASE WHEN dnc THEN 'opted_out' ELSE file_consent END, 'import', NULL,
             jsonb_strip_nulls(jsonb_build_object('runId', $1::bigint, 'line', line, 'address', address, 'consentedAt', consented_at, 'sourceSystem', source_system,
               'yesConfirmedAt', yes_at, 'doNotContact', CASE WHEN dnc THEN true END)), $2
        FROM ch
    )
    SELECT (SELECT count(*) FROM subs)::int AS imported,
           (SELECT count(*) FROM subs WHERE state = 'suspended')::int AS suspended,
           (SELECT count(*) FROM ch WHERE dnc AND file_consent <> 'opted_out')::int AS dnc`,
  [p.runId, p.now, p.timeZone, LANGUAGES, p.smsNeedsYes]);
  const r = rows[0]!;
  return { imported: r.imported, suspended: r.suspended, doNotContact: r.dnc };
}
