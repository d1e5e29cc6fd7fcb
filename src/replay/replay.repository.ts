/**
 * The SQL the replay needs beyond the domains' own entry points: the registry and the election
 * it starts from, the queue of planned messages it walks through, and what the provider holds.
 */
import type { Queryable } from '../db/pool.ts';
import { normalizeName } from '../registry/normalize.ts';
import type { Channel } from '../persisted.ts';
import type { ScenarioVoter } from './scenario.ts';
import type { GotMessage } from './compare.ts';

/** Loads the scenario's voters as the registry would hold them (ACTIVE, with their match keys). */
export async function insertVoters(db: Queryable, voters: readonly ScenarioVoter[], at: Date): Promise<void> {
  for (let i = 0; i < voters.length; i += 10_000) {
    const chunk = voters.slice(i, i + 10_000);
    await db.query(
      `INSERT INTO voters (voter_id, county_code, first_name, last_name, first_key, last_key, dob, zip, status, source_updated_at)
       SELECT v, c, f, l, fk, lk, d::date, z, 'ACTIVE', $9
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS t(v, c, f, l, fk, lk, d, z)
       ON CONFLICT (voter_id) DO NOTHING`,
      [chunk.map((v) => v.voterId), chunk.map((v) => v.countyCode), chunk.map((v) => v.firstName), chunk.map((v) => v.lastName),
        chunk.map((v) => normalizeName(v.firstName)), chunk.map((v) => normalizeName(v.lastName)), chunk.map((v) => v.dob), chunk.map((v) => v.zip), at],
    );
  }
}

/** A statewide election in which the given counties take part, tracking both envelopes by IMB, with the contact details messages carry. */
export async function setUpElection(db: Queryable, input: { electionId: string; electionDate: string; counties: readonly string[] }): Promise<void> {
  await db.query(
    `UPDATE counties SET phone = coalesce(phone, '(800) 555-0100'), email = coalesce(email, 'elections@county.example.gov'),
            website = coalesce(website, 'https://elections.county.example.gov') WHERE code = ANY($1)`,
    [input.counties],
  );
  await db.query(
    `INSERT INTO elections (id, name, election_date, kind, created_by) VALUES ($1, $2, $3, 'statewide', 'replay') ON CONFLICT (id) DO NOTHING`,
    [input.electionId, `Statewide General Election ${input.electionDate}`, input.electionDate],
  );
  await db.query(
    `INSERT INTO county_participation (election_id, county_code, participating, imb_use, decided_by)
     SELECT $1, c, true, 'both', 'replay' FROM unnest($2::text[]) c ON CONFLICT (election_id, county_code) DO NOTHING`,
    [input.electionId, input.counties],
  );
}

/** The earliest not-before of the messages still waiting, or null. */
export async function nextDue(db: Queryable): Promise<Date | null> {
  const { rows } = await db.query<{ nb: Date | null }>("SELECT min(not_before) AS nb FROM messages WHERE status = 'planned'");
  return rows[0]!.nb;
}

/** Ids of waiting messages due at `now`, oldest first. */
export async function dueIds(db: Queryable, now: Date, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    "SELECT id::text AS id FROM messages WHERE status = 'planned' AND not_before <= $1 ORDER BY not_before, id LIMIT $2", [now, limit]);
  return rows.map((r) => r.id);
}

/** What the outbox provider holds, as the comparison reads it. */
export async function outboxMessages(db: Queryable): Promise<GotMessage[]> {
  const { rows } = await db.query<{ voter_id: string; channel: Channel; kind: string; ballot_id: string | null; reason: string | null; language: string; created_at: Date; id: number }>(
    `SELECT o.voter_id, o.channel, o.kind, m.ballot_id, m.reason, o.language, o.created_at, o.id
     FROM outbox o JOIN messages m ON m.id = o.message_id ORDER BY o.id`);
  const service = new Set(['confirmation', 'opt_out_confirmation', 'opt_in_confirmation', 'help']);
  return rows.map((r) => ({
    voterId: r.voter_id, channel: r.channel, kind: r.kind, ballotId: service.has(r.kind) ? null : r.ballot_id,
    reason: service.has(r.kind) ? null : r.reason, language: r.language, sentAt: r.created_at, seq: Number(r.id),
  }));
}

export async function countRows(db: Queryable): Promise<{ events: number; messagesByStatus: Record<string, number>; attempts: number }> {
  const events = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ballot_events')).rows[0]!.n;
  const { rows } = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM messages GROUP BY status ORDER BY status');
  const attempts = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM delivery_attempts')).rows[0]!.n;
  return { events, messagesByStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])), attempts };
}

/** Ends every other connection to this database: what a database restart does to clients. */
export async function terminateOtherBackends(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`);
  return rows[0]!.n;
}
