import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guardrail, changeShare, type CountyImpact } from './guardrail.ts';

const policy = { share: 0.2, minChanges: 50 };
const impact = (o: Partial<CountyImpact>): CountyImpact => ({
  electionId: 'G2026', countyCode: '19', rows: 1000, existing: 1000, changes: 0, missing: 0, participating: true, transitions: [], ...o,
});

test('an ordinary day is not held', () => {
  assert.deepEqual(guardrail([impact({ changes: 150 })], policy), { hold: false, reasons: [] });
});

test('the first extract of an election (every ballot new, no existing status) is never held', () => {
  assert.equal(guardrail([impact({ existing: 0, changes: 0, rows: 1_000_000 })], policy).hold, false);
});

test('more than the share of a county changing is held, with the numbers and the top transitions', () => {
  const d = guardrail([impact({ changes: 201, transitions: [{ from: 'ISSUED', to: 'VDD', count: 180 }, { from: 'INR', to: 'VDD', count: 21 }] })], policy);
  assert.equal(d.hold, true);
  assert.deepEqual(d.reasons, ['county 19, election G2026: 201 of 1,000 statuses would change (20.1%, above 20.0%): ISSUED→VDD 180, INR→VDD 21']);
  assert.equal(guardrail([impact({ changes: 200 })], policy).hold, false, 'exactly the share is not above it');
});

test('a small county is not held below the minimum number of changes', () => {
  assert.equal(guardrail([impact({ existing: 60, changes: 49 })], policy).hold, false);
  assert.equal(guardrail([impact({ existing: 60, changes: 50 })], policy).hold, true);
  assert.equal(guardrail([impact({ existing: 60, changes: 5 })], { share: 0.2, minChanges: 0 }).hold, false, '5/60 is 8%');
});

test('a county that does not take part holds the ingest, whatever the numbers', () => {
  const d = guardrail([impact({}), impact({ countyCode: '38', rows: 3, existing: 0, participating: false })], policy);
  assert.deepEqual(d.reasons, ['county 38, election G2026: the county does not take part in this election (3 row(s))']);
});

test('a snapshot that lacks a large share of the ballots is held', () => {
  assert.match(guardrail([impact({ missing: 300 })], policy).reasons[0]!, /the snapshot lacks 300 of the 1,000 ballots we hold \(30\.0%\)/);
  assert.equal(guardrail([impact({ missing: 40, existing: 100 })], policy).hold, false);
});

test('every county is judged on its own', () => {
  const d = guardrail([impact({ changes: 100 }), impact({ countyCode: '37', existing: 500, changes: 300 })], policy);
  assert.equal(d.reasons.length, 1);
  assert.match(d.reasons[0]!, /^county 37/);
  assert.equal(changeShare({ changes: 3, existing: 0 }), 0);
});
