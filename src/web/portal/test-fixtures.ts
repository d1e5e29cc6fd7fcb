/**
 * Test fixtures of the voter pages (HTTP and browser tests): a small registry with every
 * matching case, an election with ballots loaded through the real ballot ingest, and USPS scans
 * of the envelopes. Used only by *.test.ts files.
 */
import type { Runtime } from '../../runtime.ts';
import { createElection } from '../../elections/elections.service.ts';
import { stateActor } from '../../elections/actor.ts';
import { ingestBallotBatch, type BallotJsonRow } from '../../ballots/ingest.ts';
import { loadVoters, type TestVoter } from '../../subscriptions/testing.ts';

export { loadVoters, type TestVoter };

/** Every case of DESIGN §2.1, in Los Angeles (19), San Francisco (38) and Sacramento (34). */
export const VOTERS: TestVoter[] = [
  { id: 'CA100', county: '38', first: 'María', last: "O'Brien-Núñez", dob: '1980-01-23', zip: '94110', language: 'es' },
  { id: 'CA101', county: '19', first: 'John', last: 'Smith', dob: '1970-05-05', zip: '90012' },
  { id: 'CA102', county: '19', first: 'John', last: 'Smith', dob: '1970-05-05', zip: '90012' }, // twin of CA101
  { id: 'CA103', county: '19', first: 'Ann', last: 'Lee', dob: '1960-01-01', zip: '90012', status: 'INACTIVE' },
  { id: 'CA104', county: '19', first: 'Bo', last: 'Lee', dob: '1961-01-01', zip: '90012', status: 'CANCELLED' },
  { id: 'CA105', county: '19', first: 'Cy', last: 'Lee', dob: '1962-01-01', zip: '90012', status: 'PENDING' },
  { id: 'CA106', county: '34', first: 'Ana', last: 'Cruz', dob: '1990-02-02', zip: '95814' },
  { id: 'CA107', county: '34', first: 'Ben', last: 'Cruz', dob: '1991-03-03', zip: '95814' },
  { id: 'CA108', county: '34', first: 'Cai', last: 'Cruz', dob: '1992-04-04', zip: '95814' },
  { id: 'CA109', county: '34', first: 'Dee', last: 'Cruz', dob: '1993-05-05', zip: '95814' },
  { id: 'CA110', county: '34', first: 'Eve', last: 'Cruz', dob: '1994-06-06', zip: '95814' },
  { id: 'CA111', county: '34', first: 'Fay', last: 'Cruz', dob: '1995-07-07', zip: '95814' },
];

/** The form values of a test voter (date of birth as MM-DD-YYYY). */
export function identityOf(v: TestVoter): { 'first-name': string; 'last-name': string; dob: string; zip: string } {
  const [y, m, d] = (v.dob ?? '1980-01-23').split('-');
  return { 'first-name': v.first, 'last-name': v.last, dob: `${m}-${d}-${y}`, zip: v.zip ?? '94110' };
}

export const ELECTION = { id: 'G2026', name: 'November 3, 2026, Statewide General Election', date: '2026-11-03' };

/** The general election, and contact details and cure instructions for the counties of VOTERS. */
export async function seedElection(rt: Runtime): Promise<void> {
  await createElection(rt, { ...ELECTION, kind: 'statewide' }, stateActor('test'));
  await rt.db.pool.query(`UPDATE counties SET phone = '(916) 875-6451', email = 'voter-info@saccounty.gov', website = 'https://elections.saccounty.gov',
    address = '7000 65th Street, Suite A, Sacramento, CA 95823',
    cure_instructions = 'Sign the statement we mailed you, or download it from our website, and return it by mail, email or at any drop box.' WHERE code = '34'`);
  await rt.db.pool.query(`UPDATE counties SET phone = '(415) 554-4375', email = 'sfvote@sfgov.org', website = 'https://sfelections.org' WHERE code = '38'`);
}

/** Envelopes numbered so far (each gets its own IMB serial). */
let envelopes = 0;

export interface BallotStory {
  voterId: string;
  county: string;
  ballotId: string;
  issued: string;
  sent: string;
  /** Statuses after ISSUED, in order: [code, ISO timestamp, cure deadline?]. */
  statuses?: ReadonlyArray<readonly [string, string, string?]>;
  /** USPS scans: [direction, ISO instant, meaning, city]. */
  scans?: ReadonlyArray<readonly ['outbound' | 'inbound', string, string, string]>;
}

/**
 * A ballot's story through the real ingest (one batch per status, as a county's feed would send
 * them day by day), then its envelopes' USPS scans (crosswalk and scans inserted as the tracking
 * and scan imports store them).
 */
export async function tellBallotStory(rt: Runtime, s: BallotStory): Promise<void> {
  const base: BallotJsonRow = { voterId: s.voterId, electionId: ELECTION.id, ballotId: s.ballotId, countyCode: s.county, issuedDate: s.issued, sentDate: s.sent };
  const actor = stateActor('test');
  await ingestBallotBatch(rt, [{ ...base, statusCode: 'ISSUED', statusDate: s.issued }], { actor, source: 'test' });
  for (const [code, at, cure] of s.statuses ?? []) {
    await ingestBallotBatch(rt, [{ ...base, statusCode: code, statusDate: at, ...(cure ? { cureDeadline: cure } : {}) }], { actor, source: 'test' });
  }
  if (!s.scans?.length) return;
  const run = (await rt.db.pool.query<{ id: string }>("INSERT INTO import_runs (kind, source, mode, status) VALUES ('scans', 'test', 'push', 'done') RETURNING id")).rows[0]!.id;
  const serial = () => String(100000000 + ++envelopes).slice(-9);
  const imbs = { outbound: `00040123456${serial()}`, inbound: `00777123456${serial()}` };
  for (const direction of ['outbound', 'inbound'] as const) {
    if (!s.scans.some((x) => x[0] === direction)) continue;
    const cw = (await rt.db.pool.query<{ id: string }>(`INSERT INTO imb_crosswalk (imb, election_id, ballot_id, voter_id, county_code, direction, mail_date, run_id)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, [imbs[direction], ELECTION.id, s.ballotId, s.voterId, s.county, direction, s.sent, run])).rows[0]!.id;
    for (const [, at, meaning, city] of s.scans.filter((x) => x[0] === direction)) {
      await rt.db.pool.query(`INSERT INTO imb_scans (imb, scanned_at, event_code, facility_zip, facility_city, facility_state, meaning, source, run_id, crosswalk_id, matched_run_id)
        VALUES ($1, $2, $3, '95813', $4, 'CA', $5, 'push', $6, $7, $6)`, [imbs[direction], at, meaning === 'delivery' ? '918' : '891', city, meaning, run, cw]);
    }
  }
}
