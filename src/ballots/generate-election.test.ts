import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateVoters } from '../registry/generate.ts';
import { addDays } from '../elections/participation.ts';
import { EXTRACT_HEADER, SHARES, extractDays, extractLine, extractRows, transposedRow, voterBallotStories, type BallotStory, type ElectionVoter } from './generate-election.ts';
import { STATUS_MESSAGE } from './status.ts';

const E = '2026-11-03';
const opts = { electionId: 'G2026', electionDate: E, seed: 7 };
const voters: ElectionVoter[] = [...generateVoters({ count: 30_000, profile: 'ca', seed: 7 })].map((v) => ({ voterId: v.voterId, countyCode: v.countyCode, status: v.status }));
const stories: BallotStory[] = voters.flatMap((v) => voterBallotStories(v, opts));
const firsts = stories.filter((s) => s.reissueOf === null);
const share = (n: number, of: number) => n / of;
const near = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual.toFixed(4)} not within ${tolerance} of ${expected}`);

test('deterministic: a voter\'s story depends only on seed, election and voter', () => {
  const again = voters.slice(0, 2000).flatMap((v) => voterBallotStories(v, opts));
  assert.deepEqual(again, stories.slice(0, again.length));
  const alone = voterBallotStories(voters[1234]!, opts);
  assert.deepEqual(alone, stories.filter((s) => s.voterId === voters[1234]!.voterId));
  const other = voters.slice(0, 500).flatMap((v) => voterBallotStories(v, { ...opts, seed: 8 }));
  assert.notDeepEqual(other, stories.slice(0, other.length));
});

test('every ACTIVE voter gets a ballot at E-29, mailed over the following days; others get none', () => {
  const active = voters.filter((v) => v.status === 'ACTIVE');
  assert.equal(firsts.length, active.length);
  assert.ok(voters.some((v) => v.status !== 'ACTIVE'));
  for (const s of firsts) {
    assert.equal(s.issuedDate, addDays(E, -29));
    assert.ok(s.sentDate >= s.issuedDate && s.sentDate <= addDays(E, -22), s.sentDate);
  }
  const spread = new Set(firsts.map((s) => s.sentDate));
  assert.equal(spread.size, 8, 'sent dates spread over E-29..E-22');
  near(share(firsts.filter((s) => s.sentDateReportedOn !== s.issuedDate).length, firsts.length), SHARES.sentDateLater * 0.7, 0.02, 'sent date given later');
});

test('shares are within tolerance of the model', () => {
  const n = firsts.length;
  const und = firsts.filter((s) => s.statuses.some((x) => x.code === 'UND')).length;
  near(share(und, n), SHARES.undeliverable, 0.004, 'undeliverable');
  const reissues = stories.filter((s) => s.reissueOf !== null);
  near(share(reissues.length, n), SHARES.undeliverable * SHARES.reissueAfterUndeliverable + SHARES.voterReplacement, 0.004, 'reissues');
  near(share(stories.filter((s) => s.inPerson).length, n), SHARES.inPerson + SHARES.undeliverable * (1 - SHARES.reissueAfterUndeliverable) * SHARES.inPersonAfterUndeliverable, 0.006, 'in person');
  const returned = stories.filter((s) => s.statuses.some((x) => ['INR', 'NOT'].includes(x.code)));
  const eligible = stories.filter((s) => !s.inPerson && !s.replacedBy && !(s.outcome === 'undeliverable'));
  near(share(returned.length, eligible.length), SHARES.returned, 0.015, 'returned');
  const notAccepted = returned.filter((s) => s.outcome === 'not_accepted');
  near(share(notAccepted.length, returned.length), SHARES.notAccepted, 0.004, 'not accepted');
  const codes = new Set(notAccepted.map((s) => s.statuses.at(-1)!.code));
  assert.deepEqual([...codes].sort(), ['BME', 'MIA', 'MRE', 'NOT', 'OTH', 'VAV', 'VDD'], 'spread over the codes');
  const signature = returned.filter((s) => s.statuses.some((x) => x.code === 'NVS' || x.code === 'NMS'));
  near(share(signature.length, returned.length), SHARES.signature, 0.005, 'signature problems');
  const cured = signature.filter((s) => s.cured);
  near(share(cured.length, signature.length), SHARES.signatureCured, 0.08, 'cured');
  assert.ok(signature.filter((s) => !s.cured).every((s) => s.outcome === 'signature_uncured'));
  assert.ok(stories.some((s) => s.statuses.some((x) => x.code === 'INF' || x.code === 'NID')));
});

test('stories are consistent: dates inside the window and in order, replacements linked, messages owed once', () => {
  const byId = new Map(stories.map((s) => [s.ballotId, s]));
  for (const s of stories) {
    const dates = s.statuses.map((x) => x.date);
    assert.deepEqual(dates, [...dates].sort(), `${s.ballotId} statuses in order`);
    assert.ok(dates.every((d) => d >= addDays(E, -29) && d <= addDays(E, 30)), s.ballotId);
    assert.equal(s.statuses[0]!.code, 'ISSUED');
    if (s.reissueOf) {
      const old = byId.get(s.reissueOf)!;
      assert.equal(old.replacedBy, s.ballotId);
      assert.deepEqual(old.statuses.at(-1), { code: 'CLD', date: s.issuedDate, reasonText: 'Cancelled: a replacement ballot was issued' });
      assert.equal(s.messages[0]!.kind, 'reissued');
    } else {
      assert.deepEqual(s.messages[0], { kind: 'outbound', reason: 'ISSUED', notBefore: s.sentDate });
    }
    const keys = s.messages.map((m) => `${m.kind}:${m.reason}`);
    assert.equal(new Set(keys).size, keys.length);
    for (const m of s.messages.slice(1)) if (m.kind !== 'in_person') assert.equal(m.kind, STATUS_MESSAGE[m.reason as keyof typeof STATUS_MESSAGE]);
    for (const x of s.statuses) if (['NVS', 'NMS', 'INF', 'NID'].includes(x.code)) assert.equal(x.cureDeadline, addDays(E, 28));
  }
});

test('extract rows replay the stories day by day; the sent date comes on the day it is known', () => {
  const days = new Set(extractDays(E));
  assert.equal(days.size, 60);
  for (const s of stories.slice(0, 5000)) {
    const rows = extractRows(s);
    for (const r of rows) assert.ok(days.has(r.day), r.day);
    const statusRows = rows.filter((r) => r.ballotId !== '' && !(r.statusCode === 'ISSUED' && r.day !== r.statusDate));
    assert.deepEqual(statusRows.map((r) => [r.statusCode, r.statusDate]), s.statuses.map((x) => [x.code, x.date]));
    assert.equal(rows.filter((r) => r.sentDate === s.sentDate && r.statusCode === 'ISSUED')[0]?.day, s.sentDateReportedOn);
    if (s.inPerson) assert.deepEqual(rows.filter((r) => r.ballotId === '').map((r) => [r.statusCode, r.day]), [[s.inPerson.method, s.inPerson.date]]);
  }
  assert.equal(EXTRACT_HEADER.split(',').length, 10);
  assert.equal(extractLine({ ...extractRows(stories[0]!)[0]!, reasonText: 'a, "b"' }).split(',').length, 11, 'quoted where needed');
});

test('no daily extract would be held by the guardrail (20% of a county, from 50 changes)', () => {
  const county = new Map(stories.map((s) => [s.ballotId, s.countyCode]));
  const withStatus = new Map<string, number>();      // county → ballots holding a status before the day
  const changes = new Map<string, Map<string, number>>(); // day → county → status-code changes of existing ballots
  const firstDay = new Map<string, string>();
  for (const s of stories) {
    firstDay.set(s.ballotId, s.statuses[0]!.date);
    for (const x of s.statuses.slice(1)) {
      const m = changes.get(x.date) ?? new Map<string, number>();
      m.set(s.countyCode, (m.get(s.countyCode) ?? 0) + 1);
      changes.set(x.date, m);
    }
  }
  let worst = 0;
  for (const day of extractDays(E)) {
    for (const [c, n] of changes.get(day) ?? []) {
      const existing = withStatus.get(c) ?? 0;
      if (n >= 50) worst = Math.max(worst, n / existing);
      assert.ok(n < 50 || n / existing <= 0.2, `${day} county ${c}: ${n} of ${existing}`);
    }
    for (const [id, d] of firstDay) if (d === day) withStatus.set(county.get(id)!, (withStatus.get(county.get(id)!) ?? 0) + 1);
  }
  assert.ok(worst > 0.05, `the busiest day is busy (${worst.toFixed(3)})`);
});

test('the transposed extract reports about half of a county as VDD', () => {
  const la = firsts.filter((s) => s.countyCode === '19');
  const rows = la.map((s) => transposedRow(s, addDays(E, 31), 0.5, 7)).filter((r) => r !== null);
  near(rows.length / la.length, 0.5, 0.03, 'transposed share');
  assert.ok(rows.every((r) => r.statusCode === 'VDD' && r.statusDate === addDays(E, 31)));
});
