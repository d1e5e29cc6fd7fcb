/**
 * Registry changes reach subscriptions (DESIGN §2.1), set-based, inside the voter import's
 * transaction (src/registry/import.ts calls applyRegistryChanges right after the merge).
 *
 * Each live subscription of a voter with an unprocessed registry_changes row is judged on the
 * voter record as it now stands (so several changes in one run, or a change recorded by an
 * earlier run that was never applied, come out right), first rule that holds:
 *   confidential            → ended ('confidential'); channels deleted (contacts erased),
 *                             addresses scrubbed from its consent log, sessions ended;
 *   removed from the file   → ended ('removed');
 *   in another county       → ended ('moved'): the voter signs up again in the new county;
 *   INACTIVE/CANCELLED/PENDING → suspended (kept, no messages);
 *   ACTIVE again            → active (a suspended subscription resumes, nothing lost).
 * Every transition writes a consent_events row (channel NULL, source 'registry'). Data-modifying
 * CTEs all run to completion whether or not the final SELECT reads them.
 *
 * Colorado (profile.enrolment.autoEnrolEmail) then enrols, in the same transaction, every
 * voter of the run who is ACTIVE, not confidential, not removed, has an email, has no live
 * subscription, never opted out (no subscription ended 'opted_out', no email channel ever
 * opted out), and whose address is not on the do-not-contact list: a subscription (source
 * 'auto_enrol', the state's zone, default hours, the registry language) with the email
 * channel active, its consent events, and an enrolment notice in subscription_notices.
 *
 * Enrolment emails: one `service-message` job per voter ({kind:'confirmation',
 * reason:'auto_enrol'}), but not enqueued here: the import has no queue handle and a 600,000-row
 * first import must not insert 600,000 pg-boss jobs inside its transaction. The notices are an
 * outbox written by one INSERT … SELECT; the subscriptions worker moves them to pg-boss in
 * batches (subscriptions.worker.ts), each batch deleted in the transaction that enqueues it.
 */
import type { Queryable } from '../db/pool.ts';
import { LANGUAGES } from '../persisted.ts';
import { DEFAULT_HOURS } from './preferences.ts';

export interface RegistryChangesReport { ended: number; suspended: number; resumed: number; erased: number; enrolled: number }

export interface ApplyRegistryChangesOptions {
  /** Colorado auto-enrolment; omit (or false) for self sign-up states. */
  autoEnrolEmail?: boolean;
  /** IANA zone of auto-enrolled subscriptions' hours (the profile's). Required with autoEnrolEmail. */
  timeZone?: string;
  /**
   * Only consider for auto-enrolment the voters in the import's `voter_staging` table (the
   * rows of this file), instead of the whole registry. The import passes true.
   */
  onlyStaged?: boolean;
}

export async function applyRegistryChanges(client: Queryable, runId: number, now: Date, options: ApplyRegistryChangesOptions = {}): Promise<RegistryChangesReport> {
  // Decide first, from the state before any change, into a temp table; then change. A statement
  // that reads a table while it writes it (an anti-join or self-join on subscriptions) re-reads
  // its own new row versions on every probe, which turns a large batch quadratic.
  await client.query('DROP TABLE IF EXISTS pg_temp.subscription_decisions');
  await client.query(
    `CREATE TEMP TABLE subscription_decisions ON COMMIT DROP AS
     SELECT * FROM (
       SELECT s.id, s.voter_id, s.state AS old_state, s.county_code AS old_county, v.county_code AS new_county, v.status,
              CASE WHEN v.confidential OR v.removed_at IS NOT NULL OR v.county_code <> s.county_code THEN 'ended'
                   WHEN v.status <> 'ACTIVE' THEN 'suspended' ELSE 'active' END AS new_state,
              CASE WHEN v.confidential THEN 'confidential' WHEN v.removed_at IS NOT NULL THEN 'removed'
                   WHEN v.county_code <> s.county_code THEN 'moved' ELSE NULL END AS ended_reason
         FROM (SELECT DISTINCT voter_id FROM registry_changes WHERE processed_at IS NULL) c
         JOIN subscriptions s ON s.voter_id = c.voter_id AND s.state <> 'ended'
         JOIN voters v ON v.voter_id = s.voter_id
     ) d WHERE new_state <> old_state`);
  await client.query('UPDATE registry_changes SET processed_at = $1 WHERE processed_at IS NULL', [now]);
  await client.query('ANALYZE subscription_decisions');
  const { rows } = await client.query<{ ended: number; suspended: number; resumed: number; erased: number }>(
    `WITH moved AS (
       UPDATE subscriptions s SET state = d.new_state, ended_reason = d.ended_reason,
              ended_at = CASE WHEN d.new_state = 'ended' THEN $2::timestamptz END, updated_at = $2
         FROM subscription_decisions d WHERE s.id = d.id
     ), logged AS (
       INSERT INTO consent_events (subscription_id, voter_id, channel, from_state, to_state, source, actor, details, at)
       SELECT id, voter_id, NULL, old_state, new_state, 'registry', NULL,
              jsonb_strip_nulls(jsonb_build_object('runId', $1::bigint, 'reason', coalesce(ended_reason, 'status'), 'voterStatus', status,
                'fromCounty', CASE WHEN ended_reason = 'moved' THEN old_county END, 'toCounty', CASE WHEN ended_reason = 'moved' THEN new_county END,
                'contactsErased', CASE WHEN ended_reason = 'confidential' THEN true END)), $2
         FROM subscription_decisions
     ), erased AS (
       DELETE FROM subscription_channels sc USING subscription_decisions d WHERE sc.subscription_id = d.id AND d.ended_reason = 'confidential'
       RETURNING sc.subscription_id
     ), scrubbed AS (
       UPDATE consent_events ce SET details = ce.details - 'address',
              actor = CASE WHEN ce.actor LIKE '+%' OR ce.actor LIKE '%@%' THEN NULL ELSE ce.actor END
         FROM subscription_decisions d WHERE ce.subscription_id = d.id AND d.ended_reason = 'confidential'
     ), sessions AS (
       UPDATE voter_sessions vs SET ended_at = $2 FROM subscription_decisions d
        WHERE vs.voter_id = d.voter_id AND d.ended_reason = 'confidential' AND vs.ended_at IS NULL
     )
     SELECT (SELECT count(*) FROM subscription_decisions WHERE new_state = 'ended')::int AS ended,
            (SELECT count(*) FROM subscription_decisions WHERE new_state = 'suspended')::int AS suspended,
            (SELECT count(*) FROM subscription_decisions WHERE new_state = 'active')::int AS resumed,
            (SELECT count(DISTINCT subscription_id) FROM erased)::int AS erased`,
    [runId, now]);
  const r = rows[0]!;
  const enrolled = options.autoEnrolEmail ? await autoEnrolEmail(client, runId, now, options.timeZone ?? requiredTimeZone(), options.onlyStaged ?? false) : 0;
  return { ended: r.ended, suspended: r.suspended, resumed: r.resumed, erased: r.erased, enrolled };
}

function requiredTimeZone(): never {
  throw new TypeError('applyRegistryChanges: autoEnrolEmail needs the profile time zone');
}

/**
 * Colorado auto-enrolment (see the file comment). Returns the number of voters enrolled.
 *
 * Shaped for a first import of a million voters: the candidates are chosen first into an
 * analysed temp table — the anti-joins against subscriptions must not run while the same
 * statement inserts into it (each probe would re-read the rows just inserted: quadratic) —
 * then one statement inserts subscriptions, channels, consent events and notices.
 */
export async function autoEnrolEmail(client: Queryable, runId: number, now: Date, timeZone: string, onlyStaged: boolean): Promise<number> {
  await client.query('DROP TABLE IF EXISTS pg_temp.enrol_candidates');
  await client.query(
    `CREATE TEMP TABLE enrol_candidates ON COMMIT DROP AS
     SELECT v.voter_id, v.county_code, v.email, CASE WHEN v.language = ANY($1::text[]) THEN v.language ELSE 'en' END AS language
       FROM voters v ${onlyStaged ? 'WHERE v.voter_id IN (SELECT voter_id FROM voter_staging) AND' : 'WHERE'}
            v.status = 'ACTIVE' AND NOT v.confidential AND v.removed_at IS NULL AND v.email IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.voter_id = v.voter_id AND (s.state <> 'ended' OR s.ended_reason = 'opted_out'))
        AND NOT EXISTS (SELECT 1 FROM subscriptions s JOIN subscription_channels sc ON sc.subscription_id = s.id
                         WHERE s.voter_id = v.voter_id AND s.state = 'ended' AND sc.channel = 'email' AND sc.consent = 'opted_out')
        AND NOT EXISTS (SELECT 1 FROM do_not_contact d WHERE d.address = v.email)`, [LANGUAGES]);
  await client.query('ANALYZE enrol_candidates');
  const { rows } = await client.query<{ enrolled: number }>(
    `WITH subs AS (
       INSERT INTO subscriptions (voter_id, county_code, state, language, time_zone, hours_start, hours_end, source, created_at, updated_at)
       SELECT voter_id, county_code, 'active', language, $3, $4, $5, 'auto_enrol', $2, $2 FROM enrol_candidates
       ON CONFLICT (voter_id) WHERE state <> 'ended' DO NOTHING
       RETURNING id, voter_id
     ), enrolled AS (
       SELECT subs.id, subs.voter_id, c.email FROM subs JOIN enrol_candidates c ON c.voter_id = subs.voter_id
     ), channels AS (
       INSERT INTO subscription_channels (subscription_id, channel, address, consent, updated_at)
       SELECT id, 'email', email, 'active', $2 FROM enrolled
     ), logged AS (
       INSERT INTO consent_events (subscription_id, voter_id, channel, from_state, to_state, source, actor, details, at)
       SELECT id, voter_id, NULL, NULL, 'active', 'auto_enrol', NULL, jsonb_build_object('runId', $1::bigint), $2 FROM enrolled
       UNION ALL
       SELECT id, voter_id, 'email', NULL, 'active', 'auto_enrol', NULL, jsonb_build_object('runId', $1::bigint, 'address', email), $2 FROM enrolled
     ), notices AS (
       INSERT INTO subscription_notices (subscription_id, channel, kind, reason, created_at)
       SELECT id, 'email', 'confirmation', 'auto_enrol', $2 FROM subs
     )
     SELECT count(*)::int AS enrolled FROM subs`,
    [runId, now, timeZone, DEFAULT_HOURS.start, DEFAULT_HOURS.end]);
  return rows[0]!.enrolled;
}
