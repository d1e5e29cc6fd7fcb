import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countsAsFailure, throttleDecision, throttleKeys } from './throttle.ts';

const limits = { maxFailuresPerClient: 20, maxFailuresPerNameZip: 5, windowMs: 15 * 60_000 };
const now = new Date('2026-10-01T16:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('throttleKeys', () => {
  it('are keyed hashes: stable, distinct per kind, and free of the inputs', () => {
    const k = throttleKeys('secret-1', '203.0.113.5', 'garcia', '90012');
    assert.deepEqual(k, throttleKeys('secret-1', '203.0.113.5', 'garcia', '90012'));
    assert.match(k.client, /^c:[A-Za-z0-9_-]{32}$/);
    assert.match(k.nameZip, /^n:/);
    assert.match(k.pair, /^p:/);
    assert.ok(!JSON.stringify(k).includes('garcia') && !JSON.stringify(k).includes('90012') && !JSON.stringify(k).includes('203.0.113.5'));
    assert.notEqual(k.nameZip, throttleKeys('secret-2', '203.0.113.5', 'garcia', '90012').nameZip, 'another secret, other keys');
    assert.equal(k.nameZip, throttleKeys('secret-1', '198.51.100.7', 'garcia', '90012').nameZip, 'name/ZIP key is the same from any client');
    assert.equal(k.client, throttleKeys('secret-1', '203.0.113.5', 'lee', '94110').client, 'client key is the same for any name');
    assert.notEqual(k.pair, throttleKeys('secret-1', '198.51.100.7', 'garcia', '90012').pair);
  });
});

describe('throttleDecision', () => {
  const keys = throttleKeys('s', '203.0.113.5', 'garcia', '90012');
  it('lets attempts through below the limits', () => {
    assert.deepEqual(throttleDecision([], keys, limits, now), { throttled: false });
    assert.deepEqual(throttleDecision([{ key: keys.nameZip, windowStart: minutesAgo(1), failures: 4 }, { key: keys.client, windowStart: minutesAgo(1), failures: 19 }], keys, limits, now), { throttled: false });
  });
  it('refuses once a key used up its failures, until its window closes', () => {
    assert.deepEqual(throttleDecision([{ key: keys.nameZip, windowStart: minutesAgo(10), failures: 5 }], keys, limits, now), { throttled: true, retryAfter: new Date('2026-10-01T16:05:00Z') });
    assert.deepEqual(throttleDecision([{ key: keys.client, windowStart: minutesAgo(3), failures: 20 }], keys, limits, now), { throttled: true, retryAfter: new Date('2026-10-01T16:12:00Z') });
    assert.deepEqual(throttleDecision([{ key: keys.nameZip, windowStart: minutesAgo(15), failures: 50 }], keys, limits, now), { throttled: false }, 'the window closed');
  });
  it('says the later time when both keys are exhausted', () => {
    const r = throttleDecision([{ key: keys.nameZip, windowStart: minutesAgo(14), failures: 5 }, { key: keys.client, windowStart: minutesAgo(2), failures: 25 }], keys, limits, now);
    assert.deepEqual(r, { throttled: true, retryAfter: new Date('2026-10-01T16:13:00Z') });
  });
  it('never limits on the pair key (bookkeeping only)', () => {
    assert.deepEqual(throttleDecision([{ key: keys.pair, windowStart: minutesAgo(1), failures: 1000 }], keys, limits, now), { throttled: false });
  });
});

describe('countsAsFailure', () => {
  it('counts only answers that give a guesser nothing', () => {
    assert.equal(countsAsFailure('no_match'), true);
    assert.equal(countsAsFailure('voter_id_mismatch'), true);
    for (const o of ['matched', 'voter_id_needed', 'inactive', 'cancelled', 'pending']) assert.equal(countsAsFailure(o), false, o);
  });
});
