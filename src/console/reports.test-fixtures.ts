/**
 * Test data for the console's feeds, dashboards and outbox pages: one election, ballots,
 * events, subscriptions, opt-outs, messages and outbox entries in two counties (19 Los
 * Angeles, 38 San Francisco), with times chosen so that day boundaries in Los Angeles matter.
 */
import type { Runtime } from '../runtime.ts';
import { createElection } from '../elections/elections.service.ts';
import { stateActor } from '../elections/actor.ts';

export const ELECTION = 'G2026';

export async function seedReports(rt: Pick<Runtime, 'db' | 'profile' | 'config' | 'clock'>): Promise<void> {
  await createElection(rt as Runtime, { id: ELECTION, name: 'General', date: '2026-11-03', kind: 'statewide' }, stateActor('test'));
  const q = (sql: string, params: unknown[] = []): Promise<unknown> => rt.db.pool.query(sql, params);
  await q(`INSERT INTO voters (voter_id, county_code, first_name, last_name, status, source_updated_at) VALUES
    ('V1', '19', 'Ana', 'Uno', 'ACTIVE', now()), ('V2', '38', 'Bo', 'Dos', 'ACTIVE', now()), ('V3', '19', 'Cy', 'Tres', 'ACTIVE', now())`);
  await q(`INSERT INTO ballots (election_id, ballot_id, voter_id, county_code, status_code, status_date) VALUES
    ('G2026', 'B1', 'V1', '19', 'ACCEPTED', '2026-10-11T18:00Z'), ('G2026', 'B2', 'V3', '19', 'ISSUED', '2026-10-05T18:00Z'),
    ('G2026', 'B3', 'V3', '19', 'INR', '2026-10-10T06:00Z'), ('G2026', 'C1', 'V2', '38', 'ACCEPTED', '2026-10-12T18:00Z'),
    ('G2026', 'C2', 'V2', '38', 'VDD', '2026-10-13T18:00Z')`);
  // B1 returns on 10-10 (its accepted event the next day does not count again); B3's scan at
  // 06:00 UTC is 23:00 on 10-09 in Los Angeles; C1 returns on 10-12; C2's voter died (not a return).
  await q(`INSERT INTO ballot_events (election_id, ballot_id, voter_id, county_code, kind, reason, occurred_at, source) VALUES
    ('G2026', 'B1', 'V1', '19', 'outbound', 'ISSUED', '2026-10-05T18:00Z', 'feed'),
    ('G2026', 'B1', 'V1', '19', 'received', 'INR', '2026-10-10T18:00Z', 'feed'),
    ('G2026', 'B1', 'V1', '19', 'accepted', 'ACCEPTED', '2026-10-11T18:00Z', 'feed'),
    ('G2026', 'B3', 'V3', '19', 'inbound', 'scan', '2026-10-10T06:00Z', 'imb'),
    ('G2026', 'C1', 'V2', '38', 'accepted', 'ACCEPTED', '2026-10-12T18:00Z', 'feed'),
    ('G2026', 'C2', 'V2', '38', 'not_accepted', 'VDD', '2026-10-13T18:00Z', 'feed')`);
  // Sign-ups: two in county 19 on 10-01 (one at 23:30 Los Angeles time), one in 38 on 10-03.
  await q(`INSERT INTO subscriptions (id, voter_id, county_code, state, time_zone, source, created_at) VALUES
    (1, 'V1', '19', 'active', 'America/Los_Angeles', 'web', '2026-10-01T20:00Z'),
    (2, 'V3', '19', 'active', 'America/Los_Angeles', 'web', '2026-10-02T06:30Z'),
    (3, 'V2', '38', 'active', 'America/Los_Angeles', 'web', '2026-10-03T18:00Z')`);
  // Subscription 1 opts out of sms and email on 10-05 (one opt-out), subscription 3 of sms on 10-06.
  await q(`INSERT INTO consent_events (subscription_id, voter_id, channel, from_state, to_state, source, at) VALUES
    (1, 'V1', 'sms', 'active', 'opted_out', 'sms_keyword', '2026-10-05T17:00Z'),
    (1, 'V1', 'email', 'active', 'opted_out', 'web', '2026-10-05T17:05Z'),
    (3, 'V2', 'sms', 'active', 'opted_out', 'sms_keyword', '2026-10-06T17:00Z')`);
  await q(`INSERT INTO messages (id, key, subscription_id, voter_id, election_id, ballot_id, kind, reason, channel, address, language, not_before, status, created_at, updated_at) VALUES
    (1, 'k1', 1, 'V1', 'G2026', 'B1', 'accepted', 'ACCEPTED', 'sms', '+12135550101', 'es', now(), 'delivered', now(), now()),
    (2, 'k2', 1, 'V1', 'G2026', 'B1', 'accepted', 'ACCEPTED', 'email', 'ana@example.com', 'en', now(), 'failed', now(), now()),
    (3, 'k3', 2, 'V3', 'G2026', 'B3', 'received', 'INR', 'sms', '+12135550103', 'en', now(), 'sent', now(), now()),
    (4, 'k4', 3, 'V2', 'G2026', 'C1', 'accepted', 'ACCEPTED', 'sms', '+14155550102', 'en', now(), 'render_failed', now(), now()),
    (5, 'k5', 2, 'V3', 'G2026', 'B3', 'received', 'INR', 'voice', '+12135550103', 'en', now(), 'delivered', now(), now())`);
  await q(`INSERT INTO outbox (message_id, channel, address, voter_id, kind, language, subject, body, payload, created_at) VALUES
    (1, 'sms', '+12135550101', 'V1', 'accepted', 'es', NULL, 'Ana Uno: el condado aceptó su boleta. Responda STOP para salir', '{}', '2026-10-11T19:00Z'),
    (3, 'sms', '+12135550103', 'V3', 'received', 'en', NULL, 'Cy Tres: county received your ballot. Reply STOP to stop', '{}', '2026-10-10T19:00Z'),
    (5, 'voice', '+12135550103', 'V3', 'received', 'en', NULL, 'Hello Cy Tres. Your county received your ballot.', '{}', '2026-10-10T19:01Z'),
    (4, 'sms', '+14155550102', 'V2', 'accepted', 'en', NULL, 'Bo Dos from San Francisco: accepted. Reply STOP to stop', '{}', '2026-10-12T19:00Z')`);
  await q(`INSERT INTO outbox (message_id, channel, address, voter_id, kind, language, subject, body, payload, created_at)
    VALUES (2, 'email', 'ana@example.com', 'V1', 'accepted', 'en', 'Your ballot was accepted', 'Ana Uno,

your county accepted your ballot.', '{}', '2026-10-11T19:02Z')`);
}
