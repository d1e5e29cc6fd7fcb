import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { testRuntime } from '../testing/db.ts';
import type { Runtime } from '../runtime.ts';
import { createElection, optOutOfStatewide } from '../elections/elections.service.ts';
import { stateActor } from '../elections/actor.ts';
import { approveHeldRun, discardHeldRun, getIngestRun, importBallotFile, type ImportBallotsOptions } from './ingest.ts';
import { parseBallotMapping } from './feed.ts';
import { classifySql } from './ingest.repository.ts';
import { classifyStatusChange } from './status.ts';

const HEADER = 'voter_id,election_id,ballot_id,county_code,status_code,status_date,issued_date,sent_date,reason_text,cure_deadline';
type Extra = Partial<{ issued: string; sent: string; reason: string; cure: string; election: string }>;
const row = (voter: string, ballot: string, county: string, code: string, date: string, x: Extra = {}) =>
  [voter, x.election ?? 'G2026', ballot, county, code, date, x.issued ?? '', x.sent ?? '', x.reason ?? '', x.cure ?? ''].join(',');

const admin = stateActor('test admin');

async function setup(options: { env?: Record<string, string> } = {}) {
  const rt = await testRuntime({ now: new Date('2026-10-01T16:00:00Z'), ...(options.env ? { env: options.env } : {}) });
  await createElection(rt, { id: 'G2026', name: 'General', date: '2026-11-03', kind: 'statewide' }, admin);
  return rt;
}

function ingest(rt: Runtime, lines: string[], options: Partial<ImportBallotsOptions> = {}) {
  return importBallotFile(rt, { source: 'extract.csv', input: Readable.from([Buffer.from(`${[HEADER, ...lines].join('\n')}\n`)]), ...options });
}

const q = async <T = Record<string, unknown>>(rt: Runtime, sql: string, params: unknown[] = []): Promise<T[]> => (await rt.db.pool.query(sql, params)).rows as T[];
const events = (rt: Runtime, runId: number) => q<{ ballot_id: string; kind: string; reason: string; occurred_at: Date; source: string; details: Record<string, unknown> }>(rt,
  'SELECT ballot_id, kind, reason, occurred_at, source, details FROM ballot_events WHERE run_id = $1 ORDER BY id', [runId]);
const ballot = async (rt: Runtime, id: string) => (await q<Record<string, unknown>>(rt, "SELECT * FROM ballots WHERE election_id = 'G2026' AND ballot_id = $1", [id]))[0];
const planJobs = (rt: Runtime, runId: number) => q(rt, "SELECT id FROM pgboss.job WHERE name = 'plan-events' AND data->>'runId' = $1", [String(runId)]);

/** 100 ballots of county 19 issued at E-29 (and 3 of county 38), the usual start of an election. */
const issueWave = (n = 100) => [
  ...Array.from({ length: n }, (_, i) => row(`V${i}`, `B${i}`, '19', 'ISSUED', '2026-10-05', { sent: '2026-10-07' })),
  ...Array.from({ length: 3 }, (_, i) => row(`W${i}`, `C${i}`, '38', 'ISSUED', '2026-10-05', { sent: '2026-10-06' })),
];

test('the issue wave creates ballots and Outbound events, never earlier than the sent date, and enqueues planning in the same transaction', async () => {
  const rt = await setup();
  const r = await ingest(rt, issueWave());
  assert.equal(r.status, 'done', 'the first extract of an election (all ballots new) is never held');
  assert.deepEqual([r.counts.rows, r.counts.new, r.counts.newBallots, r.counts.events, r.counts.rejected], [103, 103, 103, 103, 0]);
  assert.deepEqual(r.eventsByKind, { outbound: 103 });
  const ev = await events(rt, r.runId);
  assert.equal(ev[0]!.kind, 'outbound');
  assert.equal(ev[0]!.reason, 'ISSUED');
  const b0 = ev.find((e) => e.ballot_id === 'B0')!;
  assert.equal(b0.occurred_at.toISOString(), '2026-10-07T07:00:00.000Z', '00:00 of the sent date in Los Angeles');
  assert.equal(b0.details.sentDate, '2026-10-07');
  const b = await ballot(rt, 'B0');
  assert.deepEqual([b!.status_code, b!.status_day, b!.issued_date, b!.sent_date, b!.reissue_of], ['ISSUED', '2026-10-05', '2026-10-05', '2026-10-07', null]);
  assert.equal((await planJobs(rt, r.runId)).length, 1);
  const hist = await q(rt, "SELECT classification, count(*)::int AS n FROM ballot_status_history GROUP BY 1");
  assert.deepEqual(hist, [{ classification: 'new', n: 103 }]);
});

test('ingesting the same extract twice creates zero events and enqueues nothing', async () => {
  const rt = await setup();
  const lines = [...issueWave(20), row('V0', 'B0', '19', 'INR', '2026-10-12', { sent: '2026-10-07' })];
  const first = await ingest(rt, lines);
  const second = await ingest(rt, lines);
  assert.equal(first.sha256, second.sha256);
  assert.equal(second.counts.events, 0);
  assert.deepEqual([second.counts.new, second.counts.changed, second.counts.unchanged, second.counts.late], [0, 0, 24, 0]);
  assert.equal((await planJobs(rt, second.runId)).length, 0);
  assert.equal((await q(rt, 'SELECT count(*)::int AS n FROM ballot_status_history'))[0]!.n, 24);
});

test('a delta moves ballots on, one event per new code; the same code with a later date is no news', async () => {
  const rt = await setup();
  await ingest(rt, issueWave(10));
  const r = await ingest(rt, [
    row('V1', 'B1', '19', 'INR', '2026-10-14'),
    row('V2', 'B2', '19', 'INR', '2026-10-14'),
    row('V2', 'B2', '19', 'ACCEPTED', '2026-10-16'),
    row('V3', 'B3', '19', 'ISSUED', '2026-10-08', { sent: '2026-10-07' }),   // same code, later date
  ]);
  assert.deepEqual([r.counts.changed, r.counts.events], [4, 3]);
  assert.deepEqual((await events(rt, r.runId)).map((e) => [e.ballot_id, e.kind, e.reason]),
    [['B1', 'received', 'INR'], ['B2', 'received', 'INR'], ['B2', 'accepted', 'ACCEPTED']]);
  assert.equal((await ballot(rt, 'B2'))!.status_code, 'ACCEPTED');
  assert.equal((await ballot(rt, 'B3'))!.status_day, '2026-10-08');
});

test('a status older than the current one is kept as late and triggers nothing; sent again it is a repeat', async () => {
  const rt = await setup();
  await ingest(rt, issueWave(3));
  await ingest(rt, [row('V1', 'B1', '19', 'ACCEPTED', '2026-10-20')]);
  const r = await ingest(rt, [row('V1', 'B1', '19', 'INR', '2026-10-15'), row('V2', 'B2', '19', 'ISSUED', '2026-10-05', { sent: '2026-10-07' })]);
  assert.deepEqual([r.counts.late, r.counts.unchanged, r.counts.events], [1, 1, 0]);
  assert.equal((await ballot(rt, 'B1'))!.status_code, 'ACCEPTED');
  const late = await q(rt, "SELECT status_code, classification FROM ballot_status_history WHERE ballot_id = 'B1' ORDER BY id");
  assert.deepEqual(late.map((h) => [h.status_code, h.classification]), [['ISSUED', 'new'], ['ACCEPTED', 'changed'], ['INR', 'late']]);
  // An earlier stage reported for the same day is late too (date-only feeds cannot order them).
  const sameDay = await ingest(rt, [row('V1', 'B1', '19', 'INR', '2026-10-20')]);
  assert.deepEqual([sameDay.counts.late, sameDay.counts.events], [1, 0]);
  const again = await ingest(rt, [row('V1', 'B1', '19', 'INR', '2026-10-15')]);
  assert.deepEqual([again.counts.late, again.counts.unchanged, again.counts.events], [0, 1, 0]);
  assert.equal((await q(rt, "SELECT count(*)::int AS n FROM ballot_status_history WHERE ballot_id = 'B1'"))[0]!.n, 4);
});

test('a status code outside DESIGN §2.4 is recorded and reported, never guessed', async () => {
  const rt = await setup();
  await ingest(rt, issueWave(3));
  const r = await ingest(rt, [
    row('V1', 'B1', '19', 'XYZ', '2026-10-15'),
    row('V2', 'B2', '19', 'accepted', '2026-10-15'),       // not upper case: not ours to guess
    row('N1', 'NEW1', '19', 'QQQ', '2026-10-15'),          // a ballot first seen with an unknown code
  ]);
  assert.equal(r.counts.unknownCode, 3);
  assert.deepEqual(r.unknownCodes, { QQQ: 1, XYZ: 1, accepted: 1 });
  assert.equal(r.counts.events, 0);
  assert.equal((await ballot(rt, 'B1'))!.status_code, 'ISSUED');
  assert.equal((await ballot(rt, 'NEW1'))!.status_code, null);
  const hist = await q(rt, "SELECT ballot_id, status_code FROM ballot_status_history WHERE classification = 'unknown_code' ORDER BY ballot_id");
  assert.deepEqual(hist.map((h) => [h.ballot_id, h.status_code]), [['B1', 'XYZ'], ['B2', 'accepted'], ['NEW1', 'QQQ']]);
  const again = await ingest(rt, [row('V1', 'B1', '19', 'XYZ', '2026-10-15')]);
  assert.equal(again.counts.unknownCode, 1, 'still reported');
  assert.equal((await q(rt, "SELECT count(*)::int AS n FROM ballot_status_history WHERE classification = 'unknown_code'"))[0]!.n, 3, 'recorded once');
  const view = await getIngestRun(rt, r.runId);
  assert.deepEqual(view.unknownCodes, { QQQ: 1, XYZ: 1, accepted: 1 });
});

test('a second ballot for one voter and election is Reissued (on the new ballot), not a second Outbound', async () => {
  const rt = await setup();
  await ingest(rt, issueWave(3));
  const r = await ingest(rt, [
    row('V1', 'B1', '19', 'UND', '2026-10-12', { sent: '2026-10-07' }),
    row('V1', 'B1', '19', 'CLD', '2026-10-14', { sent: '2026-10-07' }),
    row('V1', 'B1-2', '19', 'ISSUED', '2026-10-14', { sent: '2026-10-15' }),
    // a new voter issued two ballots within one extract: the later one is the reissue
    row('N1', 'N1-a', '19', 'ISSUED', '2026-10-10', { issued: '2026-10-10', sent: '2026-10-10' }),
    row('N1', 'N1-b', '19', 'ISSUED', '2026-10-13', { issued: '2026-10-13', sent: '2026-10-14' }),
  ]);
  assert.equal(r.counts.reissues, 2);
  const ev = await events(rt, r.runId);
  assert.deepEqual(ev.map((e) => [e.ballot_id, e.kind, e.reason]).sort(), [
    ['B1', 'not_accepted', 'CLD'], ['B1', 'undeliverable', 'UND'], ['B1-2', 'reissued', 'reissue'],
    ['N1-a', 'outbound', 'ISSUED'], ['N1-b', 'reissued', 'reissue'],
  ]);
  assert.equal((await ballot(rt, 'B1-2'))!.reissue_of, 'B1');
  assert.equal((await ballot(rt, 'N1-b'))!.reissue_of, 'N1-a');
  const reissued = ev.find((e) => e.ballot_id === 'B1-2')!;
  assert.equal(reissued.occurred_at.toISOString(), '2026-10-15T07:00:00.000Z', 'not before its sent date');
  assert.equal(reissued.details.reissueOf, 'B1');
});

test('POLL and VCR are In-person events on the voter\'s latest ballot; a voter without a mail ballot is recorded only', async () => {
  const rt = await setup();
  await ingest(rt, issueWave(3));
  await ingest(rt, [row('V2', 'B2-2', '19', 'ISSUED', '2026-10-12', { issued: '2026-10-12', sent: '2026-10-13' })]);
  const lines = [row('V1', '', '19', 'VCR', '2026-10-28'), row('V2', '', '19', 'POLL', '2026-11-03'), row('X9', '', '19', 'POLL', '2026-11-03')];
  const r = await ingest(rt, lines);
  assert.deepEqual([r.counts.participation, r.counts.inPerson, r.counts.events], [3, 3, 2]);
  const ev = await events(rt, r.runId);
  assert.deepEqual(ev.map((e) => [e.ballot_id, e.kind, e.reason, e.source]), [['B1', 'in_person', 'VCR', 'participation'], ['B2-2', 'in_person', 'POLL', 'participation']]);
  assert.equal((await ballot(rt, 'B1'))!.status_code, 'ISSUED', 'participation never changes the mail ballot status');
  const again = await ingest(rt, lines);
  assert.deepEqual([again.counts.inPerson, again.counts.events], [0, 0]);
  const x9 = await q(rt, "SELECT ballot_id FROM voter_participation WHERE voter_id = 'X9'");
  assert.deepEqual(x9, [{ ballot_id: null }]);
});

test('the sent date given later re-sends the Outbound event with the date; a cure on one day gives both events in order', async () => {
  const rt = await setup();
  const first = await ingest(rt, [row('V1', 'B1', '19', 'ISSUED', '2026-10-05'), row('V2', 'B2', '19', 'ISSUED', '2026-10-05', { sent: '2026-10-05' })]);
  assert.equal((await events(rt, first.runId))[0]!.details.sentDate, undefined);
  const r = await ingest(rt, [row('V1', 'B1', '19', 'ISSUED', '2026-10-05', { sent: '2026-10-09' })]);
  assert.deepEqual([r.counts.unchanged, r.counts.updated, r.counts.events], [1, 1, 1]);
  const ev = (await events(rt, r.runId))[0]!;
  assert.deepEqual([ev.kind, ev.reason, ev.details.sentDate, ev.details.trigger], ['outbound', 'ISSUED', '2026-10-09', 'sent_date']);
  assert.equal(ev.occurred_at.toISOString(), '2026-10-09T07:00:00.000Z');
  assert.equal((await ingest(rt, [row('V1', 'B1', '19', 'ISSUED', '2026-10-05', { sent: '2026-10-09' })])).counts.events, 0);

  const cure = await ingest(rt, [
    row('V2', 'B2', '19', 'INR', '2026-10-20'),
    row('V2', 'B2', '19', 'ACCEPTED', '2026-10-22'),
    row('V2', 'B2', '19', 'NVS', '2026-10-22', { reason: 'No signature', cure: '2026-12-01' }),
  ]);
  // Same day: NVS (stage 3) and ACCEPTED (stage 3) are ordered by line — the feed's latest word wins.
  assert.deepEqual((await events(rt, cure.runId)).map((e) => e.reason), ['INR', 'ACCEPTED', 'NVS']);
  const b = await ballot(rt, 'B2');
  assert.deepEqual([b!.status_code, b!.status_reason, b!.cure_deadline], ['NVS', 'No signature', '2026-12-01']);
});

test('bad rows are rejected with their line and reason; the rest is applied', async () => {
  const rt = await setup();
  await ingest(rt, issueWave(2));
  const r = await ingest(rt, [
    row('V0', 'B0', '19', 'INR', '2026-10-12'),                  // line 2: good
    row('V1', 'B1', '99', 'INR', '2026-10-12'),                  // 3: unknown county
    row('V1', 'B1', '19', 'INR', '2026-13-12'),                  // 4: bad date
    row('V1', '', '19', 'INR', '2026-10-12'),                    // 5: no ballot id
    row('V1', 'B1', '19', 'INR', '2026-10-12', { election: 'P2099' }), // 6: unknown election
    'V1,G2026,B1,19',                                            // 7: too few columns
    row('ZZ', 'B1', '19', 'INR', '2026-10-12'),                  // 8: ballot of another voter
    row('V1', 'B1', '19', 'INR', '2024-01-01'),                  // 9: far from election day
  ]);
  assert.deepEqual([r.counts.rows, r.counts.changed, r.counts.rejected], [8, 1, 7]);
  const rejects = await q<{ line: number; reason: string }>(rt, 'SELECT line, reason FROM import_rejects WHERE run_id = $1 ORDER BY line', [r.runId]);
  assert.deepEqual(rejects.map((x) => x.line), [3, 4, 5, 6, 7, 8, 9]);
  assert.match(rejects[0]!.reason, /unknown county "99"/);
  assert.match(rejects[1]!.reason, /status_date "2026-13-12" is not a real date/);
  assert.match(rejects[2]!.reason, /missing ballot_id/);
  assert.match(rejects[3]!.reason, /unknown election "P2099"/);
  assert.match(rejects[4]!.reason, /expected 10 columns, found 4/);
  assert.match(rejects[5]!.reason, /ballot B1 of election G2026 belongs to voter V1, not ZZ/);
  assert.match(rejects[6]!.reason, /more than a year from election day/);
});

test('a snapshot covers one county of one election: other rows are rejected, ballots it lacks are counted, and a truncated one is held', async () => {
  const rt = await setup();
  await ingest(rt, issueWave(80));
  const snap = [...Array.from({ length: 70 }, (_, i) => row(`V${i}`, `B${i}`, '19', 'ISSUED', '2026-10-05', { sent: '2026-10-07' })), row('W0', 'C0', '38', 'ISSUED', '2026-10-05')];
  const r = await ingest(rt, snap, { snapshot: { county: '19', election: 'G2026' } });
  assert.deepEqual([r.status, r.counts.unchanged, r.counts.rejected, r.counts.missing, r.counts.events], ['done', 70, 1, 10, 0]);
  const truncated = await ingest(rt, snap.slice(0, 10), { snapshot: { county: '19', election: 'G2026' } });
  assert.equal(truncated.status, 'held');
  assert.match(truncated.hold!.reasons.join(' '), /snapshot lacks 70 of the 80 ballots/);
});

test('the guardrail holds an ingest that would change an unusual share of a county; nothing reaches voters until a state admin approves', async () => {
  const rt = await setup();
  await ingest(rt, issueWave(100));
  const transposed = Array.from({ length: 60 }, (_, i) => row(`V${i}`, `B${i}`, '19', 'VDD', '2026-10-20'));
  const r = await ingest(rt, transposed);
  assert.equal(r.status, 'held');
  assert.match(r.hold!.reasons[0]!, /county 19, election G2026: 60 of 100 statuses would change \(60\.0%, above 20\.0%\): ISSUED→VDD 60/);
  assert.equal(r.counts.events, 0);
  assert.equal((await q(rt, "SELECT count(*)::int AS n FROM ballots WHERE status_code = 'VDD'"))[0]!.n, 0, 'nothing applied');
  assert.equal((await q(rt, 'SELECT count(*)::int AS n FROM ballot_events WHERE run_id = $1', [r.runId]))[0]!.n, 0);
  assert.equal((await planJobs(rt, r.runId)).length, 0);
  const view = await getIngestRun(rt, r.runId);
  assert.equal(view.run.status, 'held');
  assert.equal(view.hold!.summary.counties.find((c) => c.countyCode === '19')!.changes, 60);

  // Meanwhile ballot B0 moves on: approval applies the held rows against the state at that moment.
  await ingest(rt, [row('V0', 'B0', '19', 'ACCEPTED', '2026-10-25')]);
  await assert.rejects(approveHeldRun(rt, r.runId, { name: 'county clerk', scope: 'county', countyCodes: ['19'] }, 'ok'), /only the state may approve/);
  const approved = await approveHeldRun(rt, r.runId, stateActor('Ana State'), 'checked with the county: the file is right');
  assert.equal(approved.status, 'approved');
  assert.deepEqual([approved.counts.changed, approved.counts.late, approved.counts.events], [59, 1, 59]);
  assert.equal((await planJobs(rt, r.runId)).length, 1);
  assert.equal((await q(rt, "SELECT count(*)::int AS n FROM ballots WHERE status_code = 'VDD'"))[0]!.n, 59);
  const decided = await getIngestRun(rt, r.runId);
  assert.deepEqual([decided.run.status, decided.hold!.decision, decided.hold!.decided_by], ['approved', 'approved', 'Ana State']);
  assert.equal((await q(rt, 'SELECT count(*)::int AS n FROM held_ballot_rows'))[0]!.n, 0);
  await assert.rejects(approveHeldRun(rt, r.runId, stateActor('Ana State'), 'again'), /already approved/);
});

test('a discarded held ingest is never applied', async () => {
  const rt = await setup();
  await ingest(rt, issueWave(100));
  const r = await ingest(rt, Array.from({ length: 55 }, (_, i) => row(`V${i}`, `B${i}`, '19', 'MIA', '2026-10-20')));
  assert.equal(r.status, 'held');
  await discardHeldRun(rt, r.runId, stateActor('Ana State'), 'transposed columns');
  const view = await getIngestRun(rt, r.runId);
  assert.deepEqual([view.run.status, view.hold!.decision, view.hold!.decision_reason], ['discarded', 'discarded', 'transposed columns']);
  await assert.rejects(approveHeldRun(rt, r.runId, stateActor('Ana State'), 'changed my mind'), /already discarded/);
  assert.equal((await q(rt, "SELECT count(*)::int AS n FROM ballots WHERE status_code = 'MIA'"))[0]!.n, 0);
});

test('the guardrail: a small county is not held for a handful of changes; a county not taking part holds the ingest', async () => {
  const rt = await setup({ env: { BALLOTLINE_INGEST_HOLD_MIN_CHANGES: '5' } });
  await ingest(rt, issueWave(10));
  const small = await ingest(rt, [row('W0', 'C0', '38', 'INR', '2026-10-14'), row('W1', 'C1', '38', 'INR', '2026-10-14')]);
  assert.equal(small.status, 'done', '2 of 3 changed, below the minimum of 5');
  await optOutOfStatewide(rt, { electionId: 'G2026', countyCode: '38' }, admin);
  const r = await ingest(rt, [row('V1', 'B1', '19', 'INR', '2026-10-14'), row('W2', 'C2', '38', 'INR', '2026-10-14')]);
  assert.equal(r.status, 'held');
  assert.match(r.hold!.reasons.join(' '), /county 38, election G2026: the county does not take part in this election \(1 row\(s\)\)/);
  assert.equal((await ballot(rt, 'B1'))!.status_code, 'ISSUED');
});

test("a mapping loads a state's own export as it is; timestamps are compared as instants", async () => {
  const rt = await setup();
  const mapping = parseBallotMapping({
    delimiter: '|',
    columns: { voter_id: 'VoterID', election_id: 'Elec', ballot_id: 'BallotNo', county_code: 'County', status_code: 'Code', status_date: 'When', sent_date: 'Mailed' },
    dateFormat: 'MM/DD/YYYY',
    statusCodes: { ACC: 'ACCEPTED', REV: 'INR' },
    countyBy: 'name',
  });
  const file = ['VoterID|Elec|BallotNo|County|Code|When|Mailed|Extra',
    'V1|G2026|B1|Los Angeles|ISSUED|10/05/2026|10/07/2026|x',
    'V1|G2026|B1|los angeles|REV|2026-10-20T09:15:00-07:00||y',
    'V1|G2026|B1|Los Angeles|ACC|2026-10-20T16:30:00Z||z',
    'V1|G2026|B1|Los Angeles|REV|2026-10-20T08:00:00-07:00||earlier',
  ].join('\n');
  const load = (text: string) => importBallotFile(rt, { source: 'state.txt', input: Readable.from([Buffer.from(text)]), mapping });
  const r = await load(file);
  // Rows of one ballot are applied in the order of their status dates, whatever the file order.
  assert.deepEqual([r.counts.new, r.counts.changed, r.counts.late, r.counts.rejected, r.counts.events], [1, 3, 0, 0, 3]);
  const header = file.split('\n')[0]!;
  const later = await load([header, 'V1|G2026|B1|Los Angeles|REV|2026-10-20T09:00:00-07:00||x', 'V1|G2026|B1|Los Angeles|REV|10/20/2026||x'].join('\n'));
  assert.deepEqual([later.counts.late, later.counts.events], [2, 0], '16:00Z is before 16:30Z; a bare date of the same day ranks by life stage');
  const b = await ballot(rt, 'B1');
  assert.deepEqual([b!.county_code, b!.status_code, b!.sent_date, (b!.status_date as Date).toISOString(), b!.status_date_only], ['19', 'ACCEPTED', '2026-10-07', '2026-10-20T16:30:00.000Z', false]);
  assert.throws(() => parseBallotMapping({ statusCodes: { X: 'ACCPETED' }, columns: { nonsense: 'x' } }), /columns: "nonsense".*statusCodes\.X/s);
});

test('the SQL classification is classifyStatusChange, case for case', async () => {
  const rt = await testRuntime();
  const dates = ['2026-10-20', '2026-10-21', '2026-10-20T08:00:00Z', '2026-10-20T23:30:00Z', '2026-10-21T06:00:00+09:00', '2026-10-19T23:00:00-07:00'];
  const codes = ['ISSUED', 'UND', 'INR', 'ACCEPTED', 'NVS'];
  const cases: Array<{ cur: { code: string; statusDate: string } | null; inc: { code: string; statusDate: string } }> = [];
  for (const cd of dates) for (const cc of codes) for (const id of dates) for (const ic of codes) cases.push({ cur: { code: cc, statusDate: cd }, inc: { code: ic, statusDate: id } });
  for (const id of dates) cases.push({ cur: null, inc: { code: 'INR', statusDate: id } });
  const enc = (s: string | undefined) => {
    if (s === undefined) return { ts: null, day: null, only: null };
    const only = /^\d{4}-\d{2}-\d{2}$/.test(s);
    return { ts: only ? `${s}T00:00:00Z` : s, day: s.slice(0, 10), only };
  };
  const c = cases.map((x) => enc(x.cur?.statusDate));
  const i = cases.map((x) => enc(x.inc.statusDate));
  const sql = classifySql({ code: 'c_code', ts: 'c_ts', day: 'c_day', dateOnly: 'c_only' }, { code: 'i_code', ts: 'i_ts', day: 'i_day', dateOnly: 'i_only' });
  const { rows } = await rt.db.pool.query<{ n: number; cls: string }>(`
    SELECT n, ${sql} AS cls FROM unnest($1::text[], $2::timestamptz[], $3::date[], $4::boolean[], $5::text[], $6::timestamptz[], $7::date[], $8::boolean[])
      WITH ORDINALITY AS t(c_code, c_ts, c_day, c_only, i_code, i_ts, i_day, i_only, n) ORDER BY n`,
  [cases.map((x) => x.cur?.code ?? null), c.map((x) => x.ts), c.map((x) => x.day), c.map((x) => x.only),
    cases.map((x) => x.inc.code), i.map((x) => x.ts), i.map((x) => x.day), i.map((x) => x.only)]);
  assert.equal(rows.length, cases.length);
  for (const [k, x] of cases.entries()) {
    assert.equal(rows[k]!.cls, classifyStatusChange(x.cur, x.inc), `case ${JSON.stringify(x)}`);
  }
});
