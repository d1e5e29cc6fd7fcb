import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isInWindow, startOfLocalDay, trackingWindow } from './window.ts';

const iso = (d: Date) => d.toISOString();

describe('trackingWindow', () => {
  test('2026 general in California: 00:00 PDT on E-29 to the end of E+30 PST', () => {
    const w = trackingWindow('2026-11-03', 'America/Los_Angeles');
    assert.equal(iso(w.opensAt), '2026-10-05T07:00:00.000Z'); // Oct 5 00:00 PDT
    assert.equal(iso(w.closesAt), '2026-12-04T08:00:00.000Z'); // Dec 4 00:00 PST (E+31, exclusive)
  });

  test('2026 general in Colorado (Denver)', () => {
    const w = trackingWindow('2026-11-03', 'America/Denver');
    assert.equal(iso(w.opensAt), '2026-10-05T06:00:00.000Z');
    assert.equal(iso(w.closesAt), '2026-12-04T07:00:00.000Z');
  });

  test('spans the fall-back change: 60 days plus the repeated hour', () => {
    const w = trackingWindow('2026-11-03', 'America/Los_Angeles');
    assert.equal(w.closesAt.getTime() - w.opensAt.getTime(), (60 * 24 + 1) * 3600_000);
  });

  test('spans the spring-forward change: edges stay local midnights', () => {
    const w = trackingWindow('2026-03-10', 'America/Los_Angeles', { daysBefore: 5, daysAfter: 0 });
    assert.equal(iso(w.opensAt), '2026-03-05T08:00:00.000Z'); // 00:00 PST
    assert.equal(iso(w.closesAt), '2026-03-11T07:00:00.000Z'); // 00:00 PDT
    assert.equal(w.closesAt.getTime() - w.opensAt.getTime(), (6 * 24 - 1) * 3600_000);
  });

  test("the county's chosen start replaces E-29", () => {
    const w = trackingWindow('2026-11-03', 'America/Los_Angeles', { startDate: '2026-10-12' });
    assert.equal(iso(w.opensAt), '2026-10-12T07:00:00.000Z');
    assert.equal(iso(w.closesAt), '2026-12-04T08:00:00.000Z');
  });

  test('custom day counts', () => {
    const w = trackingWindow('2026-11-03', 'America/Denver', { daysBefore: 10, daysAfter: 0 });
    assert.equal(iso(w.opensAt), '2026-10-24T06:00:00.000Z');
    assert.equal(iso(w.closesAt), '2026-11-04T07:00:00.000Z');
  });

  test('rejects malformed input', () => {
    assert.throws(() => trackingWindow('11-03-2026', 'America/Los_Angeles'), RangeError);
    assert.throws(() => trackingWindow('2026-02-30', 'America/Los_Angeles'), RangeError);
    assert.throws(() => trackingWindow('2026-11-03', 'Mars/Olympus'), RangeError);
    assert.throws(() => trackingWindow('2026-11-03', 'America/Los_Angeles', { daysBefore: -1 }), RangeError);
    assert.throws(() => trackingWindow('2026-11-03', 'America/Los_Angeles', { daysAfter: 1.5 }), RangeError);
    assert.throws(() => trackingWindow('2026-11-03', 'America/Los_Angeles', { startDate: '2026-12-04' }), RangeError);
    assert.throws(() => trackingWindow('2026-11-03', 'America/Los_Angeles', { startDate: 'soon' }), RangeError);
  });

  test('a start on the last day still makes a one-day window', () => {
    const w = trackingWindow('2026-11-03', 'America/Los_Angeles', { startDate: '2026-12-03' });
    assert.equal(w.closesAt.getTime() - w.opensAt.getTime(), 24 * 3600_000);
  });
});

describe('isInWindow', () => {
  const w = trackingWindow('2026-11-03', 'America/Los_Angeles');

  test('opensAt is in, the instant before is out', () => {
    assert.equal(isInWindow(w, w.opensAt), true);
    assert.equal(isInWindow(w, new Date(w.opensAt.getTime() - 1)), false);
  });

  test('E+30 is in up to its last instant; closesAt is out', () => {
    assert.equal(isInWindow(w, new Date('2026-12-03T23:59:59.999-08:00')), true);
    assert.equal(isInWindow(w, w.closesAt), false);
  });

  test('election day is in', () => {
    assert.equal(isInWindow(w, new Date('2026-11-03T20:00:00-08:00')), true);
  });
});

describe('startOfLocalDay', () => {
  test('local midnight', () => {
    assert.equal(iso(startOfLocalDay('2026-10-22', 'America/Los_Angeles')), '2026-10-22T07:00:00.000Z');
    assert.equal(iso(startOfLocalDay('2026-10-22', 'Asia/Tokyo')), '2026-10-21T15:00:00.000Z');
  });

  test('where midnight is skipped by DST, the first instant of the day', () => {
    // Cuba springs forward at 00:00 → 01:00 on 2026-03-08.
    assert.equal(iso(startOfLocalDay('2026-03-08', 'America/Havana')), '2026-03-08T05:00:00.000Z');
  });
});
