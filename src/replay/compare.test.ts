import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareMessages, type GotMessage } from './compare.ts';
import type { ExpectedMessage } from './oracle.ts';

const t = (iso: string): Date => new Date(iso);
const expected: ExpectedMessage[] = [
  { voterId: 'V1', channel: 'sms', kind: 'confirmation', ballotId: null, reason: null, language: 'ko', notBefore: t('2026-10-01T19:00:00Z') },
  { voterId: 'V1', channel: 'sms', kind: 'outbound', ballotId: 'B1', reason: 'ISSUED', language: 'ko', notBefore: t('2026-10-06T15:00:00Z') },
  { voterId: 'V1', channel: 'sms', kind: 'received', ballotId: 'B1', reason: 'INR', language: 'ko', notBefore: t('2026-10-20T15:00:00Z') },
  { voterId: 'V2', channel: 'email', kind: 'accepted', ballotId: 'B2', reason: 'ACCEPTED', language: 'vi', notBefore: t('2026-10-22T01:30:00Z') },
];
const exact = (): GotMessage[] => expected.map((e, i) => ({
  voterId: e.voterId, channel: e.channel, kind: e.kind, ballotId: e.ballotId, reason: e.reason, language: e.language,
  sentAt: new Date(e.notBefore.getTime() + 1000), seq: i + 1,
}));

describe('comparison with the oracle', () => {
  it('finds nothing when the provider holds exactly what is expected; outbound matches whatever triggered it', () => {
    const got = exact();
    got[1] = { ...got[1]!, reason: 'scan' };
    assert.deepEqual(compareMessages(expected, got), []);
  });
  it('catches a missing message', () => {
    const got = exact().filter((g) => g.kind !== 'received');
    assert.deepEqual(compareMessages(expected, got).map((m) => [m.type, m.voterId, m.message]), [['missing', 'V1', 'received B1 INR']]);
  });
  it('catches an extra message, and a wrong one (a status that was not the voter\'s)', () => {
    const got = [...exact(), { ...exact()[3]!, kind: 'not_accepted', reason: 'VDD', seq: 9 }];
    got[0] = { ...got[0]!, voterId: 'V2', channel: 'email' };
    const found = compareMessages(expected, got).map((m) => [m.type, m.voterId, m.channel, m.message]);
    assert.deepEqual(found, [['missing', 'V1', 'sms', 'confirmation'], ['extra', 'V2', 'email', 'confirmation'], ['extra', 'V2', 'email', 'not_accepted B2 VDD']]);
  });
  it('catches a duplicate', () => {
    const got = [...exact(), { ...exact()[2]!, seq: 10, sentAt: t('2026-10-20T16:00:00Z') }];
    assert.deepEqual(compareMessages(expected, got).map((m) => [m.type, m.message]), [['duplicate', 'received B1 INR']]);
  });
  it('catches an early message (before its sent date or outside the hours) and a wrong language', () => {
    const got = exact();
    got[1] = { ...got[1]!, sentAt: t('2026-10-06T14:59:59Z') };
    got[3] = { ...got[3]!, language: 'en' };
    assert.deepEqual(compareMessages(expected, got).map((m) => [m.type, m.message]), [['early', 'outbound B1 ISSUED'], ['language', 'accepted B2 ACCEPTED']]);
  });
  it('catches messages handed off out of order', () => {
    const got = exact();
    got[1] = { ...got[1]!, seq: 3, sentAt: t('2026-10-20T15:00:02Z') };
    got[2] = { ...got[2]!, seq: 2 };
    assert.deepEqual(compareMessages(expected, got).map((m) => [m.type, m.message]), [['order', 'outbound B1 ISSUED']]);
  });
});
