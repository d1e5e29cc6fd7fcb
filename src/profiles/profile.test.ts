import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadProfile } from './profile.ts';

test('California has its 58 counties with state codes 01–58 in alphabetical order', () => {
  const ca = loadProfile('ca');
  assert.equal(ca.counties.length, 58);
  assert.deepEqual(ca.counties.map((c) => c.code), Array.from({ length: 58 }, (_, i) => String(i + 1).padStart(2, '0')));
  assert.deepEqual(ca.counties.find((c) => c.code === '19'), { code: '19', fips: '06037', name: 'Los Angeles' });
  assert.equal(ca.timeZone, 'America/Los_Angeles');
  assert.equal(ca.enrolment.autoEnrolEmail, false);
});

test('Colorado has its 64 counties numbered alphabetically, auto-enrolment and YES consent', () => {
  const co = loadProfile('co');
  assert.equal(co.counties.length, 64);
  assert.equal(co.counties[0]!.name, 'Adams');
  assert.equal(co.counties[0]!.code, '01');
  assert.equal(new Set(co.counties.map((c) => c.fips)).size, 64);
  assert.ok(co.counties.every((c) => /^08\d{3}$/.test(c.fips)));
  assert.equal(co.enrolment.autoEnrolEmail, true);
  assert.equal(co.enrolment.smsNeedsYes, true);
  assert.equal(co.timeZone, 'America/Denver');
});

test('both profiles offer the ten languages and a E-29..E+30 window', () => {
  for (const id of ['ca', 'co'] as const) {
    const p = loadProfile(id);
    assert.equal(p.languages.length, 10);
    assert.deepEqual(p.trackingWindow, { daysBefore: 29, daysAfter: 30 });
  }
});
