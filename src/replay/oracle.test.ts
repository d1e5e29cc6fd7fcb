import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { voterBallotStories } from '../ballots/generate-election.ts';
import type { BallotStory } from '../ballots/generate-election.ts';
import { ballotEvents, expectedMessages, firstAllowedInstant, hasAllowedHours } from './oracle.ts';
import type { OracleElection, OracleEvent, SubscriberTimeline } from './oracle.ts';
import { buildScenario } from './scenario.ts';

const Z = 'America/Los_Angeles';
const at = (iso: string, zone = Z): Date => DateTime.fromISO(iso, { zone }).toJSDate();
const election: OracleElection = { electionId: 'G2026', stateTimeZone: Z, opensAt: at('2026-10-05T00:00'), closesAt: at('2026-12-04T00:00') };
const sub = (over: Partial<SubscriberTimeline> = {}): SubscriberTimeline => ({
  voterId: 'V1', language: 'es', timeZone: Z, hours: { start: '08:00', end: '20:00' }, channels: { email: 'v1@example.com' },
  signUpAt: at('2026-09-20T12:00'), endsAt: null, stopAt: null, ...over,
});
let order = 0;
const ev = (kind: string, reason: string, occurred: string, arrival: string | null, floor: string | null = null, ballotId = 'B1'): OracleEvent =>
  ({ ballotId, kind, reason, occurred, arrival: arrival === null ? null : at(arrival), floor: floor === null ? null : at(floor), order: order++ });
const ballotMessages = (list: ReturnType<typeof expectedMessages>): string[] =>
  list.filter((m) => m.ballotId !== null).map((m) => `${m.channel} ${m.kind} ${m.reason} ${DateTime.fromJSDate(m.notBefore, { zone: Z }).toFormat("MM-dd HH:mm")}`);

describe('oracle: quiet hours', () => {
  it('keeps an instant inside the hours, else moves to the next opening on the voter\'s wall clock', () => {
    const h = { start: '08:00', end: '20:00' };
    assert.deepEqual(firstAllowedInstant(at('2026-10-10T18:30'), Z, h, 'sms'), at('2026-10-10T18:30'));
    assert.deepEqual(firstAllowedInstant(at('2026-10-10T20:00'), Z, h, 'sms'), at('2026-10-11T08:00'));
    assert.deepEqual(firstAllowedInstant(at('2026-10-10T19:59:30'), Z, h, 'sms'), at('2026-10-10T19:59:30'));
    // In the voter's zone, not the state's.
    assert.deepEqual(firstAllowedInstant(at('2026-10-10T18:30'), 'America/New_York', h, 'email'), at('2026-10-11T08:00', 'America/New_York'));
  });
  it('runs overnight when start > end, all day when start = end', () => {
    assert.deepEqual(firstAllowedInstant(at('2026-10-10T18:30'), Z, { start: '20:00', end: '08:00' }, 'sms'), at('2026-10-10T20:00'));
    assert.deepEqual(firstAllowedInstant(at('2026-10-10T03:00'), Z, { start: '20:00', end: '08:00' }, 'sms'), at('2026-10-10T03:00'));
    assert.deepEqual(firstAllowedInstant(at('2026-10-10T03:00'), Z, { start: '00:00', end: '00:00' }, 'email'), at('2026-10-10T03:00'));
  });
  it('caps calls to 08:00–21:00 whatever the voter chose', () => {
    assert.deepEqual(firstAllowedInstant(at('2026-10-10T03:00'), Z, { start: '00:00', end: '00:00' }, 'voice'), at('2026-10-10T08:00'));
    assert.deepEqual(firstAllowedInstant(at('2026-10-10T06:00'), Z, { start: '20:00', end: '08:00' }, 'voice'), at('2026-10-10T20:00'));
    assert.equal(hasAllowedHours({ start: '22:00', end: '07:00' }, 'voice'), false);
    assert.equal(hasAllowedHours({ start: '22:00', end: '07:00' }, 'sms'), true);
  });
  it('reads the wall clock across the fall-back change (1 November 2026)', () => {
    // 00:30 PDT; 08:00 that day is PST (UTC-8), nine and a half hours later, not eight and a half.
    const t = firstAllowedInstant(at('2026-11-01T00:30'), Z, { start: '08:00', end: '20:00' }, 'sms');
    assert.equal(t.toISOString(), '2026-11-01T16:00:00.000Z');
  });
});

describe('oracle: the facts of a ballot', () => {
  const story = (s: Partial<BallotStory>): BallotStory => ({
    electionId: 'G2026', ballotId: 'B1', voterId: 'V1', countyCode: '19', issuedDate: '2026-10-05', sentDate: '2026-10-08', sentDateReportedOn: '2026-10-08',
    reissueOf: null, replacedBy: null, replacementReason: null, statuses: [{ code: 'ISSUED', date: '2026-10-05' }], inPerson: null, outcome: 'not_returned', cured: false, messages: [], ...s,
  });
  const arrival = (day: string): Date => at(`${day}T18:30`);
  it('reads ISSUED as Outbound, known when the sent date is, never before it; a second ballot as Reissued', () => {
    const [o] = ballotEvents([story({})], arrival, Z);
    assert.deepEqual([o!.kind, o!.reason, o!.arrival, o!.floor], ['outbound', 'ISSUED', at('2026-10-08T18:30'), at('2026-10-08T00:00')]);
    const [r] = ballotEvents([story({ ballotId: 'B2', reissueOf: 'B1' })], arrival, Z);
    assert.deepEqual([r!.kind, r!.reason], ['reissued', 'reissue']);
  });
  it('maps every status code of DESIGN §2.4, and in-person voting', () => {
    const statuses = ['INR', 'ACCEPTED', 'VAV', 'NVS', 'NMS', 'BME', 'VDD', 'MIA', 'MRE', 'NOT', 'INF', 'OTH', 'UND', 'NID', 'CLD'].map((code) => ({ code, date: '2026-10-20' }));
    const events = ballotEvents([story({ statuses: [{ code: 'ISSUED', date: '2026-10-05' }, ...statuses], inPerson: { method: 'VCR', date: '2026-10-30' } })], arrival, Z);
    assert.deepEqual(Object.fromEntries(events.map((e) => [e.reason, e.kind])), {
      ISSUED: 'outbound', INR: 'received', ACCEPTED: 'accepted', VAV: 'not_accepted', NVS: 'contact_county', NMS: 'contact_county', BME: 'not_accepted',
      VDD: 'not_accepted', MIA: 'not_accepted', MRE: 'not_accepted', NOT: 'not_accepted', INF: 'contact_county', OTH: 'not_accepted',
      UND: 'undeliverable', NID: 'contact_county', CLD: 'not_accepted', VCR: 'in_person',
    });
  });
  it('throws for a status code it does not know', () => {
    assert.throws(() => ballotEvents([story({ statuses: [{ code: 'XYZ', date: '2026-10-20' }] })], arrival, Z), /XYZ/);
  });
});

describe('oracle: expected messages', () => {
  it('sends each status once it arrives, inside the hours, the mailed one not before its sent date', () => {
    const events = [ev('outbound', 'ISSUED', '2026-10-05', '2026-10-05T18:30', '2026-10-08T00:00'), ev('received', 'INR', '2026-10-20', '2026-10-20T18:30'), ev('accepted', 'ACCEPTED', '2026-10-22', '2026-10-22T18:30')];
    const got = expectedMessages(election, sub({ hours: { start: '09:00', end: '17:00' } }), events);
    assert.deepEqual(got.map((m) => m.kind), ['confirmation', 'outbound', 'received', 'accepted']);
    assert.deepEqual(ballotMessages(got), ['email outbound ISSUED 10-08 09:00', 'email received INR 10-21 09:00', 'email accepted ACCEPTED 10-23 09:00']);
    assert.ok(got.every((m) => m.language === 'es' && m.voterId === 'V1'));
  });
  it('sends only the newest of statuses that arrive together (a late file caught up)', () => {
    const events = [ev('received', 'INR', '2026-10-20', '2026-10-22T18:30'), ev('contact_county', 'NVS', '2026-10-21', '2026-10-22T18:30'), ev('accepted', 'ACCEPTED', '2026-10-22', '2026-10-22T18:30')];
    assert.deepEqual(ballotMessages(expectedMessages(election, sub(), events)), ['email accepted ACCEPTED 10-22 18:30']);
  });
  it('drops a message still waiting for the voter\'s hours when a newer one arrives', () => {
    // Received arrives at 18:30, waits for 09:00; the decision arrives at 08:30 the next morning (a re-sent file).
    const events = [ev('received', 'INR', '2026-10-20', '2026-10-20T18:30'), ev('accepted', 'ACCEPTED', '2026-10-21', '2026-10-21T08:30')];
    assert.deepEqual(ballotMessages(expectedMessages(election, sub({ hours: { start: '09:00', end: '17:00' } }), events)), ['email accepted ACCEPTED 10-21 09:00']);
  });
  it('never tells an older status after a newer one was told', () => {
    const events = [ev('accepted', 'ACCEPTED', '2026-10-22', '2026-10-22T18:30'), ev('received', 'INR', '2026-10-20', '2026-10-24T18:30')];
    assert.deepEqual(ballotMessages(expectedMessages(election, sub(), events)), ['email accepted ACCEPTED 10-22 18:30']);
  });
  it('tells a vote in person beside the mail ballot\'s decision: neither hides the other', () => {
    const events = [ev('not_accepted', 'VAV', '2026-10-30', '2026-10-30T18:30'), ev('in_person', 'POLL', '2026-10-30', '2026-10-30T18:30')];
    assert.deepEqual(ballotMessages(expectedMessages(election, sub(), events)).sort(), ['email in_person POLL 10-30 18:30', 'email not_accepted VAV 10-30 18:30']);
  });
  it('after a sign-up during the election: a confirmation (not by voice), then only each ballot\'s current status', () => {
    const events = [ev('outbound', 'ISSUED', '2026-10-05', '2026-10-05T18:30', '2026-10-06T00:00'), ev('received', 'INR', '2026-10-20', '2026-10-20T18:30'),
      ev('accepted', 'ACCEPTED', '2026-10-25', '2026-10-25T18:30')];
    const got = expectedMessages(election, sub({ signUpAt: at('2026-10-22T10:00:17'), channels: { sms: '+12135550101', voice: '+12135550101' } }), events);
    assert.deepEqual(got.filter((m) => m.kind === 'confirmation').map((m) => [m.channel, m.notBefore]), [['sms', at('2026-10-22T10:00:17')]]);
    assert.deepEqual(ballotMessages(got).sort(), ['sms accepted ACCEPTED 10-25 18:30', 'sms received INR 10-22 10:01', 'voice accepted ACCEPTED 10-25 18:30', 'voice received INR 10-22 10:01']);
  });
  it('STOP ends texts and calls to that number, with one confirmation; email goes on', () => {
    const events = [ev('received', 'INR', '2026-10-20', '2026-10-20T18:30'), ev('accepted', 'ACCEPTED', '2026-10-25', '2026-10-25T18:30')];
    const got = expectedMessages(election, sub({ channels: { sms: '+12135550102', voice: '+12135550102', email: 'v1@example.com' }, stopAt: at('2026-10-22T09:00') }), events);
    assert.deepEqual(ballotMessages(got).sort(), ['email accepted ACCEPTED 10-25 18:30', 'email received INR 10-20 18:30', 'sms received INR 10-20 18:30', 'voice received INR 10-20 18:30']);
    assert.deepEqual(got.filter((m) => m.kind === 'opt_out_confirmation').map((m) => m.channel), ['sms']);
  });
  it('nothing after an opt-out on the web, not even a message already waiting', () => {
    const events = [ev('received', 'INR', '2026-10-20', '2026-10-20T18:30')];
    assert.deepEqual(ballotMessages(expectedMessages(election, sub({ hours: { start: '09:00', end: '17:00' }, endsAt: at('2026-10-21T07:00') }), events)), []);
  });
  it('nothing that could only go out after the window closes, nothing before it opens', () => {
    const events = [ev('not_accepted', 'NOT', '2026-12-03', '2026-12-03T18:30'), ev('received', 'INR', '2026-10-01', '2026-10-01T18:30', null, 'B2')];
    assert.deepEqual(ballotMessages(expectedMessages(election, sub({ hours: { start: '09:00', end: '17:00' } }), events)), []);
    assert.deepEqual(ballotMessages(expectedMessages(election, sub(), events)), ['email not_accepted NOT 12-03 18:30']);
  });
});

describe('scenario', () => {
  it('covers every status code, all languages and channels, and every kind of extract, deterministically', () => {
    const a = buildScenario({ voters: 300, seed: 3, counties: ['19', '37'], stateTimeZone: Z });
    const b = buildScenario({ voters: 300, seed: 3, counties: ['19', '37'], stateTimeZone: Z });
    assert.deepEqual(a.subscribers, b.subscribers);
    const codes = new Set([...a.stories.values()].flat().flatMap((s) => [...s.statuses.map((x) => x.code), ...(s.inPerson ? [s.inPerson.method] : [])]));
    assert.equal(codes.size, 18);
    assert.equal(new Set(a.subscribers.map((s) => s.language)).size, 10);
    assert.deepEqual(new Set(a.subscribers.flatMap((s) => Object.keys(s.channels))), new Set(['sms', 'email', 'voice']));
    assert.deepEqual(new Set(a.extracts.map((x) => x.kind)), new Set(['daily', 'late', 'duplicate', 'held']));
    assert.equal(a.arrival(a.lateDay)?.getTime(), a.arrival(a.extracts.find((x) => x.kind === 'late')!.day)?.getTime());
    // The generator's stories are the ground truth the oracle reads.
    assert.deepEqual(a.stories.get('RP0000001'), voterBallotStories({ voterId: 'RP0000001', countyCode: '19', status: 'ACTIVE' }, { electionId: 'G2026', electionDate: '2026-11-03', seed: 3 }));
  });
});
