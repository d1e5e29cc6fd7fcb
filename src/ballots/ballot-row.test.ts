import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadProfile } from '../profiles/profile.ts';
import { ballotRowContext, parseStatusDate, resolveBallotHeader, validateBallotRow, type BallotRowContext } from './ballot-row.ts';
import { BALLOT_FIELDS, DEFAULT_BALLOT_MAPPING, parseBallotMapping, type BallotMapping } from './feed.ts';

const profile = loadProfile('ca');
const HEADER = [...BALLOT_FIELDS];

function ctx(options: { mapping?: BallotMapping; header?: string[]; snapshot?: { county: string; election: string }; defaultElection?: string } = {}): BallotRowContext {
  const mapping = options.mapping ?? DEFAULT_BALLOT_MAPPING;
  return ballotRowContext({
    header: resolveBallotHeader(options.header ?? HEADER, mapping, options.defaultElection !== undefined),
    mapping, counties: profile.counties, elections: new Map([['G2026', '2026-11-03']]),
    defaultElection: options.defaultElection ?? null, snapshot: options.snapshot ?? null,
    profileStatusCodes: profile.statusCodeMapping, timeZone: profile.timeZone,
  });
}

const fields = (o: Partial<Record<(typeof BALLOT_FIELDS)[number], string>>): string[] =>
  BALLOT_FIELDS.map((f) => o[f] ?? ({ voter_id: 'V1', election_id: 'G2026', ballot_id: 'B1', county_code: '19', status_code: 'ISSUED', status_date: '2026-10-05' } as Record<string, string>)[f] ?? '');

const reason = (c: BallotRowContext, f: string[]): string => {
  const r = validateBallotRow(f, c);
  assert.equal(r.ok, false, 'expected a reject');
  return (r as { reason: string }).reason;
};

test('a canonical row becomes a staging row; a bare date is 00:00 of that day in the state time zone', () => {
  const r = validateBallotRow(fields({ sent_date: '2026-10-07', reason_text: '  ', cure_deadline: '' }), ctx());
  assert.deepEqual(r, {
    ok: true,
    row: {
      voterId: 'V1', electionId: 'G2026', ballotId: 'B1', countyCode: '19', statusCode: 'ISSUED',
      statusDate: '2026-10-05T07:00:00.000Z', statusDay: '2026-10-05', dateOnly: true,
      issuedDate: null, sentDate: '2026-10-07', reasonText: null, cureDeadline: null,
    },
  });
});

test('status dates: bare date, timestamp with offset (day as written), timestamp without offset read in the state zone', () => {
  const c = ctx();
  assert.deepEqual(parseStatusDate('2026-10-20T23:30:00-07:00', c), { instant: '2026-10-21T06:30:00.000Z', day: '2026-10-20', dateOnly: false });
  assert.deepEqual(parseStatusDate('2026-10-20 08:00:00+0200', c), { instant: '2026-10-20T06:00:00.000Z', day: '2026-10-20', dateOnly: false });
  assert.deepEqual(parseStatusDate('2026-10-20T09:15', c), { instant: '2026-10-20T16:15:00.000Z', day: '2026-10-20', dateOnly: false });
  assert.deepEqual(parseStatusDate('2026-12-01', c), { instant: '2026-12-01T08:00:00.000Z', day: '2026-12-01', dateOnly: true }, 'PST after DST ends');
  for (const bad of ['2026-02-30', '2026-02-30T10:00:00Z', '20/10/2026', 'yesterday', '2026-10-20T25:00:00Z']) assert.equal(parseStatusDate(bad, c), null, bad);
  const us = ctx({ mapping: parseBallotMapping({ dateFormat: 'MM/DD/YYYY' }) });
  assert.equal(parseStatusDate('10/20/2026', us)?.day, '2026-10-20');
  assert.equal(parseStatusDate('2026-10-20T10:00:00Z', us)?.dateOnly, false, 'ISO timestamps are always accepted');
});

test('unknown status codes are kept as written, never mapped by guess; POLL and VCR need no ballot ID', () => {
  const c = ctx();
  const unknown = validateBallotRow(fields({ status_code: 'Accepted' }), c);
  assert.equal(unknown.ok && unknown.row.statusCode, 'Accepted');
  const poll = validateBallotRow(fields({ status_code: 'POLL', ballot_id: '' }), c);
  assert.equal(poll.ok && poll.row.ballotId, null);
  assert.match(reason(c, fields({ status_code: 'INR', ballot_id: '' })), /^missing ballot_id$/);
  assert.match(reason(c, fields({ status_code: 'ZZZ', ballot_id: '' })), /status code "ZZZ" is unknown, and only POLL and VCR rows may lack a ballot/);
  assert.match(reason(c, fields({ status_code: 'IN R' })), /not 1–32 printable characters/);
  const mapped = ctx({ mapping: parseBallotMapping({ statusCodes: { A: 'ACCEPTED', 'In Review': 'INR' } }) });
  const a = validateBallotRow(fields({ status_code: 'In Review' }), mapped);
  assert.equal(a.ok && a.row.statusCode, 'INR');
});

test('every problem of a row is named', () => {
  const c = ctx();
  assert.match(reason(c, fields({ voter_id: '' })), /missing voter_id/);
  assert.match(reason(c, fields({ voter_id: 'V 1' })), /voter_id "V 1" is not/);
  assert.match(reason(c, fields({ election_id: 'X' })), /unknown election "X"/);
  assert.match(reason(c, fields({ county_code: 'Nowhere' })), /unknown county "Nowhere"/);
  assert.match(reason(c, fields({ ballot_id: 'B 1' })), /ballot_id "B 1" is not/);
  assert.match(reason(c, fields({ status_date: '' })), /missing status_date/);
  assert.match(reason(c, fields({ status_date: '2028-01-01' })), /more than a year from election day 2026-11-03/);
  assert.match(reason(c, fields({ sent_date: '2026-10-32' })), /sent_date "2026-10-32" is not a real date/);
  assert.match(reason(c, fields({ cure_deadline: 'soon' })), /cure_deadline "soon"/);
  assert.match(reason(c, fields({ reason_text: 'x'.repeat(1001) })), /longer than 1000/);
  assert.match(reason(c, fields({ voter_id: 'V\uFFFD' })), /UTF-8/);
  assert.match(reason(c, ['V1', 'G2026']), /expected 10 columns, found 2/);
});

test('a snapshot takes only its county and election; --election fills rows without one', () => {
  const snap = ctx({ snapshot: { county: '19', election: 'G2026' } });
  assert.equal(validateBallotRow(fields({}), snap).ok, true);
  assert.match(reason(snap, fields({ county_code: '38' })), /this snapshot is of county 19, election G2026/);
  const header = HEADER.filter((h) => h !== 'election_id');
  const noElection = ctx({ header, defaultElection: 'G2026' });
  const f = fields({}).filter((_, i) => BALLOT_FIELDS[i] !== 'election_id');
  const r = validateBallotRow(f, noElection);
  assert.equal(r.ok && r.row.electionId, 'G2026');
  assert.throws(() => resolveBallotHeader(header, DEFAULT_BALLOT_MAPPING, false), /line 1: the header lacks required column\(s\): election_id/);
  assert.throws(() => resolveBallotHeader(['voter_id', 'status_code'], DEFAULT_BALLOT_MAPPING, false), /election_id, ballot_id, county_code, status_date/);
});

test('counties by code (with or without the leading zero), FIPS or name', () => {
  assert.equal(validateBallotRow(fields({ county_code: '1' }), ctx()).ok, true);
  const byName = ctx({ mapping: parseBallotMapping({ countyBy: 'name' }) });
  const r = validateBallotRow(fields({ county_code: 'san diego' }), byName);
  assert.equal(r.ok && r.row.countyCode, '37');
  const byFips = ctx({ mapping: parseBallotMapping({ countyBy: 'fips' }) });
  const la = profile.counties.find((c) => c.code === '19')!;
  const f = validateBallotRow(fields({ county_code: la.fips }), byFips);
  assert.equal(f.ok && f.row.countyCode, '19');
});

test('a mapping is checked as a whole', () => {
  assert.throws(() => parseBallotMapping({ delimiter: '||', dateFormat: 'DD.MM.YY', countyBy: 'zip', extra: 1 }),
    (err: Error) => /unknown key "extra"/.test(err.message) && /delimiter/.test(err.message) && /dateFormat/.test(err.message) && /countyBy/.test(err.message));
  assert.throws(() => parseBallotMapping([]), /JSON object/);
});
