import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, checkImbUse, checkOptInTiming, checkTrackingStart, daysBetween, isIsoDate, optInDeadline, validateElection } from './participation.ts';

const defaults = { daysBefore: 29, daysAfter: 30 };

test('an election is validated as a whole, with the profile window as default', () => {
  assert.deepEqual(validateElection({ id: ' G2026 ', name: ' General ', date: '2026-11-03', kind: 'statewide' }, defaults),
    { id: 'G2026', name: 'General', date: '2026-11-03', kind: 'statewide', trackingDaysBefore: 29, trackingDaysAfter: 30 });
  assert.equal(validateElection({ id: 'L1', name: 'x', date: '2027-03-02', kind: 'local', trackingDaysBefore: 40 }, defaults).trackingDaysBefore, 40);
  assert.throws(() => validateElection({ id: 'G 2026', name: '', date: '2026-02-30', kind: 'general' as never, trackingDaysAfter: 121 }, defaults),
    (err: Error) => ['id must be', 'name is required', 'date must be a real date', 'kind must be one of statewide, special, local', 'trackingDaysAfter'].every((s) => err.message.includes(s)));
});

test('the 90-day rule: on the deadline is on time, a day later is refused with the deadline named', () => {
  assert.equal(optInDeadline('2027-03-02', 90), '2026-12-02');
  assert.equal(checkOptInTiming({ electionDate: '2027-03-02', today: '2026-12-02', minDays: 90, override: null }), null);
  assert.throws(() => checkOptInTiming({ electionDate: '2027-03-02', today: '2026-12-03', minDays: 90, override: null }),
    (err: Error & { code?: string; status?: number }) => err.code === 'opt_in_too_late' && err.status === 409
      && /at least 90 days before election day/.test(err.message) && /was 2026-12-02/.test(err.message) && /89 day\(s\) away/.test(err.message));
});

test('a late opt-in goes through only with a reason, which is returned to be recorded', () => {
  assert.equal(checkOptInTiming({ electionDate: '2027-03-02', today: '2027-02-01', minDays: 90, override: { reason: ' special election called late ' } }), 'special election called late');
  assert.throws(() => checkOptInTiming({ electionDate: '2027-03-02', today: '2027-02-01', minDays: 90, override: { reason: '  ' } }), /opt in/);
  assert.equal(checkOptInTiming({ electionDate: '2027-03-02', today: '2026-11-01', minDays: 90, override: { reason: 'not needed' } }), null, 'on time: nothing to record');
});

test('tracking start: a real date on or before election day, or the default', () => {
  assert.equal(checkTrackingStart(undefined, '2026-11-03'), null);
  assert.equal(checkTrackingStart('', '2026-11-03'), null);
  assert.equal(checkTrackingStart('2026-09-15', '2026-11-03'), '2026-09-15');
  assert.equal(checkTrackingStart('2026-11-03', '2026-11-03'), '2026-11-03');
  assert.throws(() => checkTrackingStart('2026-11-04', '2026-11-03'), /by election day/);
  assert.throws(() => checkTrackingStart('11/01/2026', '2026-11-03'), /YYYY-MM-DD/);
});

test('IMB use and dates', () => {
  for (const v of ['none', 'outbound', 'inbound', 'both']) assert.equal(checkImbUse(v), v);
  assert.throws(() => checkImbUse('yes'), /none, outbound, inbound, both/);
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2026-02-29'), false);
  assert.equal(daysBetween('2026-10-05', '2026-11-03'), 29);
  assert.equal(addDays('2026-11-03', -29), '2026-10-05');
  assert.equal(addDays('2026-03-07', 2), '2026-03-09', 'across DST, calendar days');
});
