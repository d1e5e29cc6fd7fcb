import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { testRuntime } from '../testing/db.ts';
import { buildServer } from '../web/server.ts';
import { createApiKey } from '../auth/api-keys.ts';
import { importTrackingFile } from './tracking.service.ts';
import { importScansFile } from './scans.service.ts';
import { mailtrackingRoutes } from './mailtracking.routes.ts';
import { ballotTimeline } from './timeline.service.ts';
import { timelineEntryEnglish } from './timeline.ts';
import type { Runtime } from '../runtime.ts';
import type { ImbUse } from '../persisted.ts';

type Rt = Awaited<ReturnType<typeof testRuntime>>;

const NOW = new Date('2026-10-20T16:00:00Z');
const MID = '314159';
/** Outbound (STID 300) and return (STID 777) IMBs of serial n. */
const out = (n: number) => `00300${MID}${String(n).padStart(9, '0')}`;
const ret = (n: number) => `00777${MID}${String(n).padStart(9, '0')}`;

const TRACKING_HEADER = 'imb,routing_code,election_id,voter_id,ballot_id,direction,mail_date';
const SCAN_HEADER = 'facility_zip|operation_code|scan_time|routing_code|tracking_code';

/** An election G2026 with ballots B1..Bn: Bi of voter Vi, county 19 (Los Angeles) unless given, sent 2026-10-05. */
async function seed(rt: Runtime, options: { imbUse?: ImbUse; ballots?: number; counties?: Array<[county: string, use: ImbUse]> } = {}): Promise<void> {
  const db = rt.db.pool;
  await db.query("INSERT INTO elections (id, name, election_date, kind) VALUES ('G2026', 'General 2026', '2026-11-03', 'statewide')");
  const counties = options.counties ?? [['19', options.imbUse ?? 'both']];
  for (const [county, use] of counties) {
    await db.query("INSERT INTO county_participation (election_id, county_code, participating, imb_use) VALUES ('G2026', $1, true, $2)", [county, use]);
  }
  const codes = counties.map(([county]) => county);
  for (let i = 1; i <= (options.ballots ?? 4); i++) {
    await db.query(`INSERT INTO ballots (election_id, ballot_id, voter_id, county_code, issued_date, sent_date)
      VALUES ('G2026', $1, $2, $3, '2026-10-04', '2026-10-05')`, [`B${i}`, `V${i}`, codes[(i - 1) % codes.length]]);
  }
}

const lines = (rows: string[]) => Readable.from([Buffer.from(`${rows.join('\n')}\n`)]);
const tracking = (rt: Runtime, rows: string[]) => importTrackingFile(rt, { source: 'tracking.csv', input: lines(rows) });
const scans = (rt: Runtime, rows: string[]) => importScansFile(rt, { source: 'scans.txt', input: lines(rows) });

async function events(rt: Runtime, where = 'true'): Promise<Array<{ ballot_id: string; kind: string; reason: string; occurred_at: Date; run_id: number; details: Record<string, string> }>> {
  return (await rt.db.pool.query(`SELECT ballot_id, kind, reason, occurred_at, run_id, details FROM ballot_events WHERE source = 'imb' AND ${where} ORDER BY ballot_id, kind`)).rows;
}

async function planJobs(rt: Runtime, runId: number): Promise<number> {
  return (await rt.db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'plan-events' AND (data->>'runId')::bigint = $1", [runId])).rows[0]!.n;
}

async function runtime(): Promise<Rt> {
  return testRuntime({ now: NOW });
}

test('a tracking file loads its good rows and rejects each bad one with its line and reason', async () => {
  const rt = await runtime();
  await seed(rt);
  await rt.db.pool.query("INSERT INTO voters (voter_id, county_code, status, source_updated_at) VALUES ('V77', '19', 'ACTIVE', now())");
  const r = await tracking(rt, [
    TRACKING_HEADER,
    `${out(1)},,G2026,V1,B1,outbound,2026-10-05`,          // 2 ok
    `${ret(1)},,G2026,V1,B1,,`,                             // 3 ok: direction from service type 777, mail date from the ballot
    `${out(2)}90012,,G2026,V2,,out,`,                       // 4 ok: routing inside the IMB, ballot found from the voter
    `0150012345678901234,,G2026,V3,B3,outbound,`,           // 5 19 digits
    `${out(5)},,X2099,V3,B3,outbound,`,                     // 6 unknown election
    `${out(6)},,G2026,V99,,outbound,`,                      // 7 unknown voter
    `${out(7)},,G2026,V77,,outbound,`,                      // 8 known voter, no ballot
    `${out(8)},,G2026,V4,B3,outbound,`,                     // 9 another voter's ballot
    `${out(9)},,G2026,V3,B3,outbound,`,                     // 10 IMB claimed twice in the file...
    `${out(9)},,G2026,V4,B4,outbound,`,                     // 11 ...for two envelopes: both refused
    `${out(1)},,G2026,V1,B1,outbound,2026-10-05`,           // 12 the same line again
    `${out(10)},,G2026,V3,B3,sideways,`,                    // 13 bad direction
    `${out(11)},,G2026,V3`,                                 // 14 too few columns
    `${out(12)},,G2026,V3,B3,outbound,2026-02-30`,          // 15 not a date
  ]);
  assert.equal(r.rows, 14);
  assert.equal(r.inserted, 3);
  assert.equal(r.rejected, 11);
  const rejects = (await rt.db.pool.query<{ line: number; reason: string }>('SELECT line, reason FROM import_rejects WHERE run_id = $1 ORDER BY line', [r.runId])).rows;
  assert.deepEqual(rejects.map((x) => x.line), [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  const reason = (line: number) => rejects.find((x) => x.line === line)!.reason;
  assert.match(reason(5), /19 digits/);
  assert.match(reason(6), /unknown election "X2099"/);
  assert.match(reason(7), /unknown voter "V99"/);
  assert.match(reason(8), /voter V77 has no ballot in election G2026/);
  assert.match(reason(9), /ballot B3 of election G2026 belongs to another voter, not V4/);
  assert.match(reason(10), /claimed for two envelopes in this file \(lines 10, 11\)/);
  assert.match(reason(11), /claimed for two envelopes/);
  assert.match(reason(12), /duplicate of line 2/);
  assert.match(reason(13), /direction "sideways"/);
  assert.match(reason(14), /expected 7 columns, found 4/);
  assert.match(reason(15), /mail_date "2026-02-30"/);
  assert.match(await readFile(r.rejectsFile!, 'utf8'), /^7,"unknown voter ""V99""/m);

  const rows = (await rt.db.pool.query('SELECT imb, routing_code, ballot_id, voter_id, county_code, direction, mail_date FROM imb_crosswalk ORDER BY imb')).rows;
  assert.deepEqual(rows.map((x) => [x.imb, x.routing_code, x.ballot_id, x.direction, x.mail_date]), [
    [out(1), '', 'B1', 'outbound', '2026-10-05'],
    [out(2), '90012', 'B2', 'outbound', '2026-10-05'],
    [ret(1), '', 'B1', 'inbound', '2026-10-05'],
  ]);

  // Again: nothing new; an IMB of this election given to another envelope is refused.
  const again = await tracking(rt, [TRACKING_HEADER, `${out(1)},,G2026,V1,B1,outbound,2026-10-05`, `${out(2)},,G2026,V3,B3,outbound,`]);
  assert.deepEqual([again.inserted, again.unchanged, again.rejected], [0, 1, 1]);
  assert.match(again.sampleRejects[0]!.reason, new RegExp(`IMB ${out(2)} already belongs to the outbound envelope of ballot B2 \\(voter V2\\)`));
  const run = (await rt.db.pool.query('SELECT kind, status, counts FROM import_runs WHERE id = $1', [again.runId])).rows[0];
  assert.deepEqual([run.kind, run.status, run.counts.unchanged], ['tracking', 'done', 1]);
});

test('a tracking file with more bad rows than one batch of rejects finishes and loads the good rows around them', async () => {
  const rt = await runtime();
  await seed(rt);
  const bad = Array.from({ length: 6_000 }, () => '0150012345678901234,,G2026,V3,B3,outbound,');
  const r = await tracking(rt, [TRACKING_HEADER, `${out(1)},,G2026,V1,B1,outbound,2026-10-05`, ...bad, `${out(2)},,G2026,V2,B2,outbound,2026-10-05`]);
  assert.deepEqual([r.inserted, r.rejected], [2, 6_000]);
  const n = (await rt.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM import_rejects WHERE run_id = $1', [r.runId])).rows[0]!.n;
  assert.equal(n, 6_000);
});

test('an IMB reused by another election within 45 days loads with a warning; a header without required columns stops the file', async () => {
  const rt = await runtime();
  await seed(rt);
  await rt.db.pool.query("INSERT INTO elections (id, name, election_date, kind) VALUES ('S2026', 'Special', '2026-12-08', 'special')");
  await rt.db.pool.query("INSERT INTO ballots (election_id, ballot_id, voter_id, county_code, sent_date) VALUES ('S2026', 'S1', 'V9', '19', '2026-11-09'), ('S2026', 'S2', 'V8', '19', '2027-01-20')");
  await tracking(rt, [TRACKING_HEADER, `${out(1)},,G2026,V1,B1,outbound,`]);
  const r = await tracking(rt, [TRACKING_HEADER, `${out(1)},,S2026,V9,S1,outbound,`]);
  assert.deepEqual([r.inserted, r.reusedWithin45Days], [1, 1]);
  assert.deepEqual(r.sampleWarnings[0], { line: 2, imb: out(1), electionId: 'S2026', otherElectionId: 'G2026', days: 35 });
  await assert.rejects(tracking(rt, ['imb,voter_id', `${out(1)},V1`]), /line 1: the header lacks required column\(s\): election_id/);
});

test('scans: facility-local time becomes UTC; the first outbound and inbound scans become events; later scans and repeats do not', async () => {
  const rt = await runtime();
  await seed(rt);
  const t = await tracking(rt, [TRACKING_HEADER, `${out(1)},,G2026,V1,B1,outbound,`, `${ret(1)},,G2026,V1,B1,inbound,`, `${out(2)},,G2026,V2,B2,outbound,`]);
  assert.equal(t.matchedScans, 0);
  const file = [
    SCAN_HEADER,
    `94615|891|2026-10-05 18:30:00||${out(1)}`,          // Oakland, PDT: 2026-10-06T01:30Z — B1's first outbound scan
    `90052|919|2026-10-07 05:10:00||${out(1)}`,          // later: timeline only
    `80266|911|2026-10-06 02:00:00||${out(1)}`,          // Denver, MDT: 08:00Z, still after the first
    `94615|891|2026-10-12 17:00:00||${ret(1)}`,          // the return envelope: Inbound
    `94615|891|10/06/2026 07:15:00 PM||${out(2)}`,       // US date format, 12-hour clock
    `99999|891|2026-10-06 10:00:00||${out(2)}`,          // unknown facility ZIP
    `94615|891|2026-10-31 10:00:00||${out(2)}`,          // in the future
    `94615|891|2026-10-06 25:00:00||${out(2)}`,          // not a time
    `94615|891|2026-10-06 10:00:00||01234`,              // not an IMB
    `94615|891|2026-10-06T10:00:00Z||${out(3)}`,         // an instant; IMB no tracking file names (yet)
  ];
  const r = await scans(rt, file);
  assert.deepEqual([r.received, r.stored, r.matched, r.waiting, r.rejected, r.outboundEvents, r.inboundEvents], [10, 6, 5, 1, 4, 2, 1]);
  assert.match(r.sampleRejects.find((x) => x.line === 7)!.reason, /unknown facility ZIP 99999: its time zone is not known/);
  assert.match(r.sampleRejects.find((x) => x.line === 8)!.reason, /in the future/);
  assert.match(r.sampleRejects.find((x) => x.line === 9)!.reason, /is not a date and time/);
  assert.match(r.sampleRejects.find((x) => x.line === 10)!.reason, /5 digits/);

  const stored = (await rt.db.pool.query("SELECT imb, scanned_at, facility_city, facility_state, meaning FROM imb_scans ORDER BY scanned_at")).rows;
  assert.deepEqual(stored.slice(0, 3).map((s) => [s.scanned_at.toISOString(), s.facility_city, s.meaning]), [
    ['2026-10-06T01:30:00.000Z', 'Oakland', 'processed'],
    ['2026-10-06T08:00:00.000Z', 'Denver', 'processed'],
    ['2026-10-06T10:00:00.000Z', 'Oakland', 'processed'],
  ]);
  assert.equal(stored.find((s) => s.imb === out(2)).scanned_at.toISOString(), '2026-10-07T02:15:00.000Z');

  const ev = await events(rt);
  assert.deepEqual(ev.map((e) => [e.ballot_id, e.kind, e.reason, e.occurred_at.toISOString(), e.run_id]), [
    ['B1', 'inbound', 'scan', '2026-10-13T00:00:00.000Z', r.runId],
    ['B1', 'outbound', 'scan', '2026-10-06T01:30:00.000Z', r.runId],
    ['B2', 'outbound', 'scan', '2026-10-07T02:15:00.000Z', r.runId],
  ]);
  assert.deepEqual(ev[1]!.details, { imb: out(1), eventCode: '891', meaning: 'processed', facilityZip: '94615', facilityCity: 'Oakland', facilityState: 'CA' });
  assert.equal(await planJobs(rt, r.runId), 1);

  // The same file again: every good row is a duplicate; nothing new, no job.
  const again = await scans(rt, file);
  assert.deepEqual([again.stored, again.duplicates, again.outboundEvents, again.inboundEvents], [0, 6, 0, 0]);
  assert.equal(await planJobs(rt, again.runId), 0);
  // A later scan of an envelope that already has its event adds to the timeline only.
  const later = await scans(rt, [SCAN_HEADER, `94615|919|2026-10-08 06:00:00||${out(2)}`]);
  assert.deepEqual([later.stored, later.matched, later.outboundEvents], [1, 1, 0]);
  assert.equal((await events(rt)).length, 3);
});

test('a file loaded in many chunks gives the same result as in one: duplicates across chunks, the earliest scan as the event', async () => {
  const rt = await runtime();
  await seed(rt);
  await tracking(rt, [TRACKING_HEADER, `${out(1)},,G2026,V1,B1,outbound,`, `${ret(1)},,G2026,V1,B1,inbound,`]);
  const rows = [SCAN_HEADER,
    `94615|919|2026-10-07 05:30:00||${out(1)}`,
    `94615|891|2026-10-12 17:00:00||${ret(1)}`,
    `99999|891|2026-10-06 10:00:00||${out(1)}`,
    `94615|911|2026-10-06 02:00:00||${out(1)}`,
    `94615|919|2026-10-07 05:30:00||${out(1)}`,
    `94615|891|2026-10-05 18:30:00||${out(1)}`,
    `94615|891|2026-10-05 18:30:00||${out(7)}`];
  const r = await importScansFile(rt, { source: 'chunks.txt', input: lines(rows), chunkRows: 2 });
  assert.deepEqual([r.received, r.stored, r.duplicates, r.matched, r.waiting, r.rejected, r.outboundEvents, r.inboundEvents], [7, 5, 1, 4, 1, 1, 1, 1]);
  assert.deepEqual((await events(rt)).map((e) => [e.kind, e.occurred_at.toISOString()]), [['inbound', '2026-10-13T00:00:00.000Z'], ['outbound', '2026-10-06T01:30:00.000Z']]);
});

test('a scan file without a header line is read in the documented column order; pipe, tab and comma all work', async () => {
  const rt = await runtime();
  await seed(rt);
  await tracking(rt, [TRACKING_HEADER.replaceAll(',', '\t'), [out(1), '', 'G2026', 'V1', 'B1', 'outbound', ''].join('\t')]);
  const r = await scans(rt, [`94615|891|2026-10-05 18:30:00||${out(1)}`, `94615|919|2026-10-07 05:30:00||${out(1)}`, `94615|919|2026-10-07 05:30:00||${out(1)}`]);
  assert.deepEqual([r.received, r.stored, r.duplicates, r.matched, r.outboundEvents], [3, 2, 1, 2, 1], 'a scan twice in one file is stored once');
  const csv = await scans(rt, ['Scan Facility ZIP,Op Code,Scan Date Time,IMB Tracking Code,Mail Phase', `94615,918,2026-10-07 04:00:00,${out(1)},Phase 3 - Delivery Unit`]);
  assert.equal(csv.stored, 1);
  assert.equal((await rt.db.pool.query("SELECT meaning FROM imb_scans WHERE event_code = '918'")).rows[0].meaning, 'delivery');
  await assert.rejects(scans(rt, ['facility_zip|scan_time', '94615|2026-10-05 18:30:00']), /line 1: the header lacks required column\(s\): operation_code, tracking_code \(or imb\)/);
});

test('local times at DST edges are read as PostgreSQL documents: the repeated hour and the skipped hour in standard time', async () => {
  const rt = await runtime();
  await scans(rt, [SCAN_HEADER,
    `94615|891|2025-11-02 01:30:00||${out(1)}`,   // happens twice in California: read as PST
    `94615|891|2025-03-09 02:30:00||${out(1)}`,   // never happens: read as PST, i.e. 03:30 PDT
    `80266|891|2025-07-01 12:00:00||${out(1)}`]); // Denver, MDT
  const times = (await rt.db.pool.query('SELECT scanned_at FROM imb_scans ORDER BY scanned_at')).rows.map((r) => r.scanned_at.toISOString());
  assert.deepEqual(times, ['2025-03-09T10:30:00.000Z', '2025-07-01T18:00:00.000Z', '2025-11-02T09:30:00.000Z']);
});

test('scans before the crosswalk are kept, then matched when the tracking file arrives, with their events', async () => {
  const rt = await runtime();
  await seed(rt);
  const s = await scans(rt, [SCAN_HEADER,
    `94615|891|2026-10-05 18:30:00||${out(1)}`,
    `94615|919|2026-10-07 05:30:00||${out(1)}`,
    `94615|891|2026-10-12 17:00:00||${ret(2)}`]);
  assert.deepEqual([s.stored, s.matched, s.waiting, s.outboundEvents + s.inboundEvents], [3, 0, 3, 0]);
  assert.equal(await planJobs(rt, s.runId), 0);
  const t = await tracking(rt, [TRACKING_HEADER, `${out(1)},,G2026,V1,B1,outbound,`, `${ret(2)},,G2026,V2,B2,inbound,`]);
  assert.deepEqual([t.matchedScans, t.outboundEvents, t.inboundEvents], [3, 1, 1]);
  const ev = await events(rt);
  assert.deepEqual(ev.map((e) => [e.ballot_id, e.kind, e.occurred_at.toISOString(), e.run_id]), [
    ['B1', 'outbound', '2026-10-06T01:30:00.000Z', t.runId],
    ['B2', 'inbound', '2026-10-13T00:00:00.000Z', t.runId],
  ]);
  assert.equal(await planJobs(rt, t.runId), 1);
  assert.equal((await rt.db.pool.query('SELECT count(*)::int AS n FROM imb_scans WHERE crosswalk_id IS NULL')).rows[0].n, 0);
});

test("the county's IMB use decides which scans become events; no Outbound after ISSUED (unless unsendable) or Reissued, no Inbound once the county holds the ballot", async () => {
  const rt = await runtime();
  await seed(rt, { ballots: 8, counties: [['19', 'none'], ['38', 'outbound'], ['37', 'inbound'], ['01', 'both']] });
  // B1 19 none, B2 38 outbound, B3 37 inbound, B4 01 both, B5 19, B6 38, B7 37, B8 01
  const rows = [TRACKING_HEADER];
  const scanRows = [SCAN_HEADER];
  for (let i = 1; i <= 8; i++) {
    rows.push(`${out(i)},,G2026,V${i},B${i},outbound,`, `${ret(i)},,G2026,V${i},B${i},inbound,`);
    scanRows.push(`94615|891|2026-10-05 18:30:00||${out(i)}`, `94615|891|2026-10-12 17:00:00||${ret(i)}`);
  }
  // B8 was already messaged from ISSUED; B4 is in review, B7 accepted: their return scans are stale.
  // B6 is a replacement ballot: it was announced as Reissued, so its outbound scan is no Outbound.
  // B4's ISSUED came without a sent date, so it could not be sent: the scan proves the mailing.
  await rt.db.pool.query(`INSERT INTO ballot_events (election_id, ballot_id, voter_id, county_code, kind, reason, occurred_at, source) VALUES
    ('G2026', 'B8', 'V8', '01', 'outbound', 'ISSUED', '2026-10-05T07:00:00Z', 'feed'),
    ('G2026', 'B4', 'V4', '01', 'outbound', 'ISSUED', '2026-10-05T07:00:00Z', 'feed'),
    ('G2026', 'B6', 'V6', '38', 'reissued', 'reissue', '2026-10-05T07:00:00Z', 'feed')`);
  await rt.db.pool.query("UPDATE ballots SET sent_date = NULL WHERE ballot_id = 'B4'");
  await rt.db.pool.query("UPDATE ballots SET status_code = 'INR', status_date = '2026-10-11T20:00:00Z' WHERE ballot_id = 'B4'");
  await rt.db.pool.query("UPDATE ballots SET status_code = 'ACCEPTED', status_date = '2026-10-11T20:00:00Z' WHERE ballot_id = 'B7'");
  await tracking(rt, rows);
  const r = await scans(rt, scanRows);
  assert.equal(r.matched, 16);
  const ev = await events(rt);
  assert.deepEqual(ev.map((e) => `${e.ballot_id}:${e.kind}`), ['B2:outbound', 'B3:inbound', 'B8:inbound']);
  // B4 was in review, so none of its scans were news; at ISSUED without a sent date, its next outbound scan proves the mailing, once.
  await rt.db.pool.query("UPDATE ballots SET status_code = 'ISSUED' WHERE ballot_id = 'B4'");
  await scans(rt, [SCAN_HEADER, `94615|919|2026-10-07 05:00:00||${out(4)}`]);
  assert.deepEqual((await events(rt, "ballot_id = 'B4'")).map((e) => `${e.kind}:${e.reason}`), ['outbound:scan']);
  await scans(rt, [SCAN_HEADER, `94615|919|2026-10-07 06:00:00||${out(4)}`]);
  assert.equal((await events(rt, "ballot_id = 'B4'")).length, 1, 'once per ballot');
});

test('IV-MTR push: Basic auth, per-event rejects, idempotent, county keys limited to their counties', async () => {
  const rt = await runtime();
  await seed(rt, { counties: [['19', 'both'], ['38', 'both']] });
  // B1, B3 in 19; B2, B4 in 38
  await tracking(rt, [TRACKING_HEADER, `${out(1)},,G2026,V1,B1,outbound,`, `${out(2)},,G2026,V2,B2,outbound,`]);
  const state = await createApiKey(rt.db.pool, { name: 'IV-MTR', scope: 'state' });
  const la = await createApiKey(rt.db.pool, { name: 'LA vendor', scope: 'county', countyCodes: ['19'] });
  const app = await buildServer(rt, { routes: [mailtrackingRoutes], logger: false });
  const basic = (token: string) => `Basic ${Buffer.from(token.replace('.', ':')).toString('base64')}`;
  const push = (token: string | null, events: unknown[]) => app.inject({
    method: 'POST', url: '/api/v1/mailtracking/scans', payload: { events },
    headers: token ? { authorization: basic(token) } : {},
  });
  const events1 = [
    { imb: `${out(1)}90012`, scanDatetime: '2026-10-05T18:30:00', scanEventCode: '891', scanFacilityZip: '94615', scanFacilityCity: 'OAKLAND', scanFacilityState: 'CA', mailPhase: 'Phase 1 - Origin Processing', handlingEventType: 'P', extraField: 'ignored' },
    { imb: out(1), scanDatetime: '2026-10-07T06:00:00-07:00', scanEventCode: 919, mailPhase: 'Phase 4 - Delivery', handlingEventType: 'L' },
    { imb: 'nonsense', scanDatetime: '2026-10-05T18:30:00', scanEventCode: '891', scanFacilityZip: '94615' },
    { scanDatetime: '2026-10-05T18:30:00', scanEventCode: '891' },
  ];
  assert.equal((await push(null, events1)).statusCode, 401);
  assert.equal((await push(`${state.key.id}.wrong-secret`, events1)).statusCode, 401);

  const first = await push(state.token, events1);
  assert.equal(first.statusCode, 200);
  const body = first.json();
  assert.deepEqual([body.received, body.stored, body.matched, body.rejected, body.outboundEvents], [4, 2, 2, 2, 1]);
  assert.deepEqual(body.rejects.map((x: { event: number }) => x.event), [3, 4]);
  assert.match(body.rejects[1].reason, /missing IMB/);
  const second = (await push(state.token, events1)).json();
  assert.deepEqual([second.stored, second.duplicates, second.outboundEvents], [0, 2, 0]);
  const scanRows = (await rt.db.pool.query('SELECT scanned_at, facility_city, meaning, handling_event_type, routing_code FROM imb_scans ORDER BY scanned_at')).rows;
  assert.deepEqual(scanRows.map((s) => [s.scanned_at.toISOString(), s.facility_city, s.meaning, s.routing_code]), [
    ['2026-10-06T01:30:00.000Z', 'OAKLAND', 'origin', '90012'],
    ['2026-10-07T13:00:00.000Z', null, 'delivery', ''],
  ]);
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM import_runs WHERE kind = 'scans' AND mode = 'push' AND source = $1", [`api:${state.key.id}`])).rows[0].n, 2);

  // The LA key may not write county 38's envelope; its unknown IMB waits, and only ever matches an LA ballot.
  const scoped = (await push(la.token, [
    { imb: out(2), scanDatetime: '2026-10-05T18:30:00Z', scanEventCode: '891' },
    { imb: out(3), scanDatetime: '2026-10-05T18:30:00Z', scanEventCode: '891' },
    { imb: out(4), scanDatetime: '2026-10-05T18:30:00Z', scanEventCode: '891' },
  ])).json();
  assert.deepEqual([scoped.stored, scoped.waiting, scoped.rejected, scoped.outOfScope, scoped.outboundEvents], [2, 2, 1, 1, 0]);
  assert.match(scoped.rejects[0].reason, /county 38, which this key may not write/);
  const t = await tracking(rt, [TRACKING_HEADER, `${out(3)},,G2026,V3,B3,outbound,`, `${out(4)},,G2026,V4,B4,outbound,`]);
  assert.deepEqual([t.matchedScans, t.outboundEvents], [1, 1]);
  assert.deepEqual((await events(rt)).map((e) => e.ballot_id), ['B1', 'B3']);
  await app.close();
});

test("a ballot's timeline: issued, mailed, scans with their meaning and place, received, decided — in order, in English without promising delivery", async () => {
  const rt = await runtime();
  await seed(rt);
  const db = rt.db.pool;
  await db.query(`INSERT INTO ballot_status_history (election_id, ballot_id, status_code, status_date, classification) VALUES
    ('G2026', 'B1', 'ISSUED', '2026-10-04T17:00:00Z', 'new'), ('G2026', 'B1', 'INR', '2026-10-14T18:00:00Z', 'changed'),
    ('G2026', 'B1', 'ACCEPTED', '2026-10-16T18:00:00Z', 'changed')`);
  await tracking(rt, [TRACKING_HEADER, `${out(1)},,G2026,V1,B1,outbound,`, `${ret(1)},,G2026,V1,B1,inbound,`]);
  await scans(rt, [SCAN_HEADER,
    `94615|919|2026-10-07 05:30:00||${out(1)}`,
    `94615|891|2026-10-05 18:30:00||${out(1)}`,
    `90052|891|2026-10-12 17:00:00||${ret(1)}`]);
  const t = await ballotTimeline(db, 'G2026', 'B1', { timeZone: rt.profile.timeZone });
  assert.ok(t);
  assert.deepEqual(t.entries.map((e) => [e.day, e.key]), [
    ['2026-10-04', 'timeline.issued'],
    ['2026-10-05', 'timeline.mailed'],
    ['2026-10-05', 'timeline.scan.outbound.processed'],
    ['2026-10-07', 'timeline.scan.outbound.delivery'],
    ['2026-10-12', 'timeline.scan.inbound.processed'],
    ['2026-10-14', 'timeline.received'],
    ['2026-10-16', 'timeline.decided.accepted'],
  ]);
  assert.deepEqual(t.entries[2]!.facility, { zip: '94615', city: 'Oakland', state: 'CA' });
  const english = t.entries.map(timelineEntryEnglish);
  assert.match(english[3]!, /Many "delivered" events are assumed, not scanned/);
  assert.match(english[4]!, /USPS facility in Los Angeles, CA/);
  assert.equal(await ballotTimeline(db, 'G2026', 'nope'), null);

  const app = await buildServer(rt, { routes: [mailtrackingRoutes], logger: false });
  const other = await createApiKey(db, { name: 'SF', scope: 'county', countyCodes: ['38'] });
  const la = await createApiKey(db, { name: 'LA', scope: 'county', countyCodes: ['19'] });
  assert.equal((await app.inject({ url: '/api/v1/mailtracking/timeline/G2026/B1', headers: { 'x-api-key': other.token } })).statusCode, 404);
  const ok = await app.inject({ url: '/api/v1/mailtracking/timeline/G2026/B1', headers: { 'x-api-key': la.token } });
  assert.equal(ok.json().entries.length, 7);
  await app.close();
});
