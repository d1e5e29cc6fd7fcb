import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STATUS_MESSAGE } from '../ballots/status.ts';
import { trackingWindow } from '../elections/window.ts';
import { BALLOT_MESSAGE_KINDS, MESSAGE_KINDS, STATUS_CODES } from '../persisted.ts';
import type { BallotMessageKind, Channel } from '../persisted.ts';
import {
  DEFAULT_HOURS,
  allowedDailyRanges,
  currentStatusEvent,
  isImmediateKind,
  messageKey,
  nextAllowedTime,
  planForEvent,
  selectLatestPerBallot,
  supersedes,
} from './planning.ts';
import type { BallotEventForPlanning, ElectionForPlanning, PlannedMessage, SubscriptionForPlanning } from './planning.ts';

// ---------------------------------------------------------------- fixtures (fixed reference times, no wall clock)

const STATE_TZ = 'America/Los_Angeles';
/** 2026-10-20 10:00 PDT: inside the 2026 general's window and inside default hours. */
const NOW = new Date('2026-10-20T17:00:00Z');
const WINDOW = trackingWindow('2026-11-03', STATE_TZ);

const iso = (d: Date) => d.toISOString();
const at = (s: string) => new Date(s);

function election(over: Partial<ElectionForPlanning> = {}): ElectionForPlanning {
  return { electionId: 'g2026', countyParticipating: true, window: WINDOW, ...over };
}

function sub(over: Partial<SubscriptionForPlanning> = {}): SubscriptionForPlanning {
  return {
    subscriptionId: 's1',
    voterId: 'v1',
    countyCode: '19',
    state: 'active',
    language: 'en',
    timeZone: STATE_TZ,
    hours: { ...DEFAULT_HOURS },
    channels: [
      { channel: 'sms', consent: 'active', address: '+12135550100' },
      { channel: 'email', consent: 'active', address: 'voter@example.org' },
      { channel: 'voice', consent: 'active', address: '+12135550100' },
    ],
    ...over,
  };
}

function ev(over: Partial<BallotEventForPlanning> = {}): BallotEventForPlanning {
  return {
    eventId: 'e1',
    ballotId: 'b1',
    voterId: 'v1',
    electionId: 'g2026',
    countyCode: '19',
    kind: 'received',
    reason: 'INR',
    occurredAt: at('2026-10-20T16:00:00Z'),
    ...over,
  };
}

const reasons = (o: { skipped: Array<{ reason: string; channel?: Channel }> }) =>
  o.skipped.map((s) => (s.channel ? `${s.reason}:${s.channel}` : s.reason));

// ---------------------------------------------------------------- every DESIGN §2.4 row

describe('planForEvent: every DESIGN §2.4 row', () => {
  for (const code of STATUS_CODES) {
    const kind = STATUS_MESSAGE[code];
    test(`${code} → ${kind} on every active channel`, () => {
      const e = ev({ kind, reason: code, sentDate: code === 'ISSUED' ? '2026-10-05' : null });
      const out = planForEvent(e, sub(), election(), STATE_TZ, NOW);
      assert.deepEqual(out.skipped, []);
      assert.deepEqual(out.planned.map((p) => [p.kind, p.reason, p.channel]), [
        [kind, code, 'sms'],
        [kind, code, 'email'],
        [kind, code, 'voice'],
      ]);
      for (const p of out.planned) {
        assert.equal(iso(p.notBefore), iso(NOW));
        assert.equal(p.key, messageKey('b1', kind, code, p.channel));
        assert.equal(p.eventId, 'e1');
        assert.equal(p.voterId, 'v1');
      }
    });
  }

  test('(scan) → inbound', () => {
    const out = planForEvent(ev({ kind: 'inbound', reason: 'scan' }), sub(), election(), STATE_TZ, NOW);
    assert.deepEqual(out.planned.map((p) => p.key), ['b1:inbound:scan:sms', 'b1:inbound:scan:email', 'b1:inbound:scan:voice']);
  });

  test('(scan) → outbound: an outbound IMB scan proves mailing, no sent date needed', () => {
    const out = planForEvent(ev({ kind: 'outbound', reason: 'scan' }), sub(), election(), STATE_TZ, NOW);
    assert.equal(out.planned.length, 3);
    assert.equal(iso(out.planned[0]!.notBefore), iso(NOW));
  });

  test('(derived) → reissued', () => {
    const out = planForEvent(ev({ ballotId: 'b2', kind: 'reissued', reason: 'reissue', sentDate: '2026-10-19' }), sub(), election(), STATE_TZ, NOW);
    assert.deepEqual(out.planned.map((p) => p.key), ['b2:reissued:reissue:sms', 'b2:reissued:reissue:email', 'b2:reissued:reissue:voice']);
  });

  test('a reason that cannot trigger the kind is a caller bug and throws', () => {
    assert.throws(() => planForEvent(ev({ kind: 'accepted', reason: 'INR' }), sub(), election(), STATE_TZ, NOW), RangeError);
    assert.throws(() => planForEvent(ev({ kind: 'received', reason: 'received' }), sub(), election(), STATE_TZ, NOW), RangeError);
    assert.throws(() => planForEvent(ev({ kind: 'received', reason: 'scan' }), sub(), election(), STATE_TZ, NOW), RangeError);
    assert.throws(() => planForEvent(ev({ kind: 'outbound', reason: 'reissue' }), sub(), election(), STATE_TZ, NOW), RangeError);
  });

  test('another election or another voter is a caller bug and throws', () => {
    assert.throws(() => planForEvent(ev(), sub(), election({ electionId: 'p2026' }), STATE_TZ, NOW), RangeError);
    assert.throws(() => planForEvent(ev(), sub({ voterId: 'v2' }), election(), STATE_TZ, NOW), RangeError);
  });
});

// ---------------------------------------------------------------- skip reasons

describe('planForEvent: skip reasons', () => {
  test('no_subscription', () => {
    const out = planForEvent(ev(), null, election(), STATE_TZ, NOW);
    assert.deepEqual(out, { planned: [], skipped: [{ reason: 'no_subscription' }] });
  });

  test('subscription_other_county: the voter moved and must sign up again', () => {
    const out = planForEvent(ev(), sub({ countyCode: '37' }), election(), STATE_TZ, NOW);
    assert.deepEqual(reasons(out), ['subscription_other_county']);
  });

  for (const state of ['suspended', 'ended'] as const) {
    test(`subscription_inactive (${state})`, () => {
      const out = planForEvent(ev(), sub({ state }), election(), STATE_TZ, NOW);
      assert.deepEqual(out, { planned: [], skipped: [{ reason: 'subscription_inactive' }] });
    });
  }

  test('county_not_participating', () => {
    const out = planForEvent(ev(), sub(), election({ countyParticipating: false }), STATE_TZ, NOW);
    assert.deepEqual(reasons(out), ['county_not_participating']);
  });

  test('outside_window: before the opening (no backlog is planned early)', () => {
    const out = planForEvent(ev(), sub(), election(), STATE_TZ, new Date(WINDOW.opensAt.getTime() - 1));
    assert.deepEqual(reasons(out), ['outside_window']);
  });

  test('outside_window: at and after the close', () => {
    assert.deepEqual(reasons(planForEvent(ev(), sub(), election(), STATE_TZ, WINDOW.closesAt)), ['outside_window']);
    assert.deepEqual(reasons(planForEvent(ev(), sub(), election(), STATE_TZ, at('2027-01-05T18:00:00Z'))), ['outside_window']);
  });

  test('outside_window per channel: quiet hours push the send past the close', () => {
    // 2026-12-03 20:30 PST, E+30: inside the window but after 20:00; the next opening is Dec 4, after the close.
    const out = planForEvent(ev(), sub(), election(), STATE_TZ, at('2026-12-04T04:30:00Z'));
    assert.deepEqual(out.planned, []);
    assert.deepEqual(reasons(out), ['outside_window:sms', 'outside_window:email', 'outside_window:voice']);
  });

  test('not_yet_mailed: ISSUED without a sent date', () => {
    const out = planForEvent(ev({ kind: 'outbound', reason: 'ISSUED' }), sub(), election(), STATE_TZ, NOW);
    assert.deepEqual(reasons(out), ['not_yet_mailed']);
    const out2 = planForEvent(ev({ kind: 'outbound', reason: 'ISSUED', sentDate: null }), sub(), election(), STATE_TZ, NOW);
    assert.deepEqual(reasons(out2), ['not_yet_mailed']);
  });

  test('not_yet_mailed: reissue without a sent date', () => {
    const out = planForEvent(ev({ kind: 'reissued', reason: 'reissue' }), sub(), election(), STATE_TZ, NOW);
    assert.deepEqual(reasons(out), ['not_yet_mailed']);
  });

  test('gates apply in order: an inactive subscription outside the window reports only subscription_inactive', () => {
    const out = planForEvent(ev(), sub({ state: 'ended' }), election({ countyParticipating: false }), STATE_TZ, WINDOW.closesAt);
    assert.deepEqual(reasons(out), ['subscription_inactive']);
  });

  for (const consent of ['pending', 'opted_out', 'undeliverable'] as const) {
    test(`channel_not_active (${consent}) skips that channel only`, () => {
      const s = sub();
      s.channels[1]!.consent = consent;
      const out = planForEvent(ev(), s, election(), STATE_TZ, NOW);
      assert.deepEqual(out.planned.map((p) => p.channel), ['sms', 'voice']);
      assert.deepEqual(reasons(out), ['channel_not_active:email']);
    });
  }

  test('awaiting_yes: SMS that needs a YES waits for it', () => {
    const s = sub();
    s.channels[0] = { channel: 'sms', consent: 'active', address: '+13035550100', needsYes: true };
    const out = planForEvent(ev(), s, election(), STATE_TZ, NOW);
    assert.deepEqual(out.planned.map((p) => p.channel), ['email', 'voice']);
    assert.deepEqual(reasons(out), ['awaiting_yes:sms']);
  });

  test('SMS that needs a YES goes once it is confirmed', () => {
    const s = sub();
    s.channels[0] = { channel: 'sms', consent: 'active', address: '+13035550100', needsYes: true, yesConfirmed: true };
    const out = planForEvent(ev(), s, election(), STATE_TZ, NOW);
    assert.deepEqual(out.planned.map((p) => p.channel), ['sms', 'email', 'voice']);
  });

  test('needsYes concerns SMS only', () => {
    const s = sub({ channels: [{ channel: 'email', consent: 'active', address: 'a@example.org', needsYes: true }] });
    assert.equal(planForEvent(ev(), s, election(), STATE_TZ, NOW).planned.length, 1);
  });

  test('no_active_channel: nothing consented', () => {
    const s = sub({
      channels: [
        { channel: 'sms', consent: 'opted_out', address: '+12135550100' },
        { channel: 'email', consent: 'pending', address: 'voter@example.org' },
      ],
    });
    const out = planForEvent(ev(), s, election(), STATE_TZ, NOW);
    assert.deepEqual(out.planned, []);
    assert.deepEqual(reasons(out), ['channel_not_active:sms', 'channel_not_active:email', 'no_active_channel']);
  });

  test('no_active_channel: no channels at all', () => {
    const out = planForEvent(ev(), sub({ channels: [] }), election(), STATE_TZ, NOW);
    assert.deepEqual(reasons(out), ['no_active_channel']);
  });

  test('no_allowed_hours: night-only hours leave nothing for voice', () => {
    const out = planForEvent(ev(), sub({ hours: { start: '22:00', end: '07:00' } }), election(), STATE_TZ, NOW);
    assert.deepEqual(out.planned.map((p) => p.channel), ['sms', 'email']);
    assert.deepEqual(reasons(out), ['no_allowed_hours:voice']);
  });

  test('a channel listed twice is planned once', () => {
    const s = sub({
      channels: [
        { channel: 'email', consent: 'active', address: 'a@example.org' },
        { channel: 'email', consent: 'active', address: 'b@example.org' },
      ],
    });
    assert.deepEqual(planForEvent(ev(), s, election(), STATE_TZ, NOW).planned.map((p) => p.key), ['b1:received:INR:email']);
  });
});

// ---------------------------------------------------------------- sent date

describe('planForEvent: outbound never before the sent date', () => {
  const issued = (sentDate: string) => ev({ kind: 'outbound', reason: 'ISSUED', sentDate });

  test('a sent date in the future waits for that day, then for the voter hours', () => {
    const out = planForEvent(issued('2026-10-22'), sub(), election(), STATE_TZ, NOW);
    for (const p of out.planned) assert.equal(iso(p.notBefore), '2026-10-22T15:00:00.000Z'); // Oct 22 08:00 PDT
  });

  test('a sent date of today or earlier sends now', () => {
    for (const d of ['2026-10-20', '2026-10-05']) {
      assert.equal(iso(planForEvent(issued(d), sub(), election(), STATE_TZ, NOW).planned[0]!.notBefore), iso(NOW));
    }
  });

  test("the sent date is read in the state's zone, the hours in the voter's", () => {
    // Oct 22 00:00 PDT = Oct 22 16:00 JST, inside a Tokyo voter's hours.
    const out = planForEvent(issued('2026-10-22'), sub({ timeZone: 'Asia/Tokyo' }), election(), STATE_TZ, NOW);
    assert.equal(iso(out.planned[0]!.notBefore), '2026-10-22T07:00:00.000Z');
  });

  test('an outbound scan with a future sent date still waits for the sent date', () => {
    const out = planForEvent(ev({ kind: 'outbound', reason: 'scan', sentDate: '2026-10-22' }), sub(), election(), STATE_TZ, NOW);
    assert.equal(iso(out.planned[0]!.notBefore), '2026-10-22T15:00:00.000Z');
  });

  test('reissued waits for its sent date too', () => {
    const out = planForEvent(ev({ kind: 'reissued', reason: 'reissue', sentDate: '2026-10-21' }), sub(), election(), STATE_TZ, NOW);
    assert.equal(iso(out.planned[0]!.notBefore), '2026-10-21T15:00:00.000Z');
  });

  test('a sent date after the window closes plans nothing', () => {
    const out = planForEvent(issued('2026-12-05'), sub(), election(), STATE_TZ, NOW);
    assert.deepEqual(reasons(out), ['outside_window:sms', 'outside_window:email', 'outside_window:voice']);
  });

  test('sent date does not hold back other kinds', () => {
    const out = planForEvent(ev({ sentDate: '2026-10-25' }), sub(), election(), STATE_TZ, NOW);
    assert.equal(iso(out.planned[0]!.notBefore), iso(NOW));
  });
});

// ---------------------------------------------------------------- keys

describe('messageKey (idempotency)', () => {
  test('ballot:kind:reason:channel', () => {
    assert.equal(messageKey('b1', 'contact_county', 'NVS', 'sms'), 'b1:contact_county:NVS:sms');
    assert.notEqual(messageKey('b1', 'contact_county', 'NVS', 'sms'), messageKey('b1', 'contact_county', 'NMS', 'sms'));
    assert.notEqual(messageKey('b1', 'accepted', 'ACCEPTED', 'sms'), messageKey('b1', 'accepted', 'ACCEPTED', 'email'));
  });

  test('outbound is once per ballot, whichever trigger comes first', () => {
    assert.equal(messageKey('b1', 'outbound', 'ISSUED', 'email'), messageKey('b1', 'outbound', 'scan', 'email'));
    assert.equal(messageKey('b1', 'outbound', 'scan', 'email'), 'b1:outbound:once:email');
  });

  test('the same event planned twice yields the same keys (a feed sent twice sends nothing new)', () => {
    const a = planForEvent(ev(), sub(), election(), STATE_TZ, NOW).planned.map((p) => p.key);
    const b = planForEvent(ev({ eventId: 'e2' }), sub(), election(), STATE_TZ, at('2026-10-20T18:00:00Z')).planned.map((p) => p.key);
    assert.deepEqual(a, b);
  });
});

describe('isImmediateKind', () => {
  test('service messages bypass quiet hours; ballot messages do not', () => {
    for (const kind of MESSAGE_KINDS) {
      assert.equal(isImmediateKind(kind), !(BALLOT_MESSAGE_KINDS as readonly string[]).includes(kind), kind);
    }
  });
});

// ---------------------------------------------------------------- quiet hours

const H = (start: string, end: string) => ({ start, end });
const next = (utc: string, tz: string, hours = DEFAULT_HOURS, channel: Channel = 'sms') => iso(nextAllowedTime(at(utc), tz, hours, channel));

describe('nextAllowedTime: ordinary days', () => {
  const LA = 'America/Los_Angeles';

  test('inside hours: the same instant', () => {
    assert.equal(next('2026-10-20T17:00:00.123Z', LA), '2026-10-20T17:00:00.123Z');
  });

  test('before the start: the start of the same day', () => {
    assert.equal(next('2026-10-20T13:59:00Z', LA), '2026-10-20T15:00:00.000Z'); // 06:59 → 08:00 PDT
  });

  test('after the end: the start of the next day', () => {
    assert.equal(next('2026-10-21T04:00:00Z', LA), '2026-10-21T15:00:00.000Z'); // 21:00 → 08:00 PDT
  });

  test('the end is exclusive', () => {
    assert.equal(next('2026-10-21T02:59:59.999Z', LA), '2026-10-21T02:59:59.999Z'); // 19:59:59.999
    assert.equal(next('2026-10-21T03:00:00Z', LA), '2026-10-21T15:00:00.000Z'); // 20:00 → next 08:00
  });

  test('the start is inclusive', () => {
    assert.equal(next('2026-10-20T15:00:00Z', LA), '2026-10-20T15:00:00.000Z');
  });

  test('custom hours 08:00–17:00', () => {
    assert.equal(next('2026-10-21T00:30:00Z', LA, H('08:00', '17:00')), '2026-10-21T15:00:00.000Z'); // 17:30 → 08:00
  });

  test('overnight hours 20:00–08:00: evening and early morning', () => {
    const night = H('20:00', '08:00');
    assert.equal(next('2026-10-20T19:00:00Z', LA, night), '2026-10-21T03:00:00.000Z'); // 12:00 → 20:00
    assert.equal(next('2026-10-21T06:00:00Z', LA, night), '2026-10-21T06:00:00.000Z'); // 23:00 allowed
    assert.equal(next('2026-10-21T10:00:00Z', LA, night), '2026-10-21T10:00:00.000Z'); // 03:00 allowed
    assert.equal(next('2026-10-21T15:00:00Z', LA, night), '2026-10-22T03:00:00.000Z'); // 08:00 → 20:00
  });

  test('start = end is the whole day; 24:00 is a valid end', () => {
    assert.equal(next('2026-10-21T10:00:00Z', LA, H('00:00', '00:00')), '2026-10-21T10:00:00.000Z');
    assert.equal(next('2026-10-21T10:00:00Z', LA, H('00:00', '24:00')), '2026-10-21T10:00:00.000Z');
    assert.equal(next('2026-10-21T10:00:00Z', LA, H('18:00', '24:00')), '2026-10-22T01:00:00.000Z'); // 03:00 → 18:00
  });

  test('malformed hours and zones throw', () => {
    for (const h of [H('8:00', '20:00'), H('08:00', '25:00'), H('24:00', '08:00'), H('08:60', '20:00'), H('', '')]) {
      assert.throws(() => nextAllowedTime(NOW, LA, h, 'sms'), RangeError, JSON.stringify(h));
    }
    assert.throws(() => nextAllowedTime(NOW, 'Nowhere/Town', DEFAULT_HOURS, 'sms'), RangeError);
    assert.throws(() => nextAllowedTime(new Date(Number.NaN), LA, DEFAULT_HOURS, 'sms'), RangeError);
  });
});

describe('nextAllowedTime: voice never outside 08:00–21:00', () => {
  const LA = 'America/Los_Angeles';

  test('late hours are capped at 21:00 for voice only', () => {
    const late = H('08:00', '23:00');
    assert.equal(next('2026-10-21T04:30:00Z', LA, late, 'sms'), '2026-10-21T04:30:00.000Z'); // 21:30 allowed for SMS
    assert.equal(next('2026-10-21T04:30:00Z', LA, late, 'voice'), '2026-10-21T15:00:00.000Z'); // voice: next 08:00
    assert.equal(next('2026-10-21T03:59:00Z', LA, late, 'voice'), '2026-10-21T03:59:00.000Z'); // 20:59 still fine
    assert.equal(next('2026-10-21T04:00:00Z', LA, late, 'voice'), '2026-10-21T15:00:00.000Z'); // 21:00 is out
  });

  test('early hours are capped at 08:00 for voice', () => {
    assert.equal(next('2026-10-20T13:00:00Z', LA, H('06:00', '12:00'), 'voice'), '2026-10-20T15:00:00.000Z'); // 06:00 → 08:00
    assert.equal(next('2026-10-20T13:00:00Z', LA, H('06:00', '12:00'), 'email'), '2026-10-20T13:00:00.000Z');
  });

  test('within the cap the voter hours rule (default 20:00 end)', () => {
    assert.equal(next('2026-10-21T03:30:00Z', LA, DEFAULT_HOURS, 'voice'), '2026-10-21T15:00:00.000Z'); // 20:30 → 08:00
  });

  test('overnight hours intersected with the cap leave 20:00–21:00', () => {
    const night = H('20:00', '08:00');
    assert.deepEqual(allowedDailyRanges(night, 'voice'), [[20 * 60, 21 * 60]]);
    assert.equal(next('2026-10-21T10:00:00Z', LA, night, 'voice'), '2026-10-22T03:00:00.000Z'); // 03:00 → 20:00 next evening
  });

  test('hours with no overlap leave nothing: nextAllowedTime throws', () => {
    assert.deepEqual(allowedDailyRanges(H('22:00', '07:00'), 'voice'), []);
    assert.throws(() => nextAllowedTime(NOW, LA, H('22:00', '07:00'), 'voice'), RangeError);
  });
});

describe('nextAllowedTime: DST in America/Los_Angeles (2026-03-08, 2026-11-01)', () => {
  const LA = 'America/Los_Angeles';

  test('spring forward: 08:00 comes one UTC hour earlier than the day before', () => {
    assert.equal(next('2026-03-07T05:00:00Z', LA), '2026-03-07T16:00:00.000Z'); // Mar 6 21:00 PST → Mar 7 08:00 PST
    assert.equal(next('2026-03-08T05:00:00Z', LA), '2026-03-08T15:00:00.000Z'); // Mar 7 21:00 PST → Mar 8 08:00 PDT
    assert.equal(next('2026-03-08T09:30:00Z', LA), '2026-03-08T15:00:00.000Z'); // 01:30 PST → 08:00 PDT
  });

  test('spring forward: an opening inside the gap moves to the first instant after it', () => {
    assert.equal(next('2026-03-08T08:00:00Z', LA, H('02:30', '06:00')), '2026-03-08T10:00:00.000Z'); // 00:00 PST → 03:00 PDT
  });

  test('spring forward: hours entirely inside the gap wait for the next day', () => {
    assert.equal(next('2026-03-08T09:00:00Z', LA, H('02:00', '02:30')), '2026-03-09T09:00:00.000Z'); // → Mar 9 02:00 PDT
  });

  test('spring forward: overnight hours across the gap', () => {
    // 20:00–08:00: at Mar 8 01:30 PST it is allowed; the 08:00 PDT end is honoured.
    assert.equal(next('2026-03-08T09:30:00Z', LA, H('20:00', '08:00')), '2026-03-08T09:30:00.000Z');
    assert.equal(next('2026-03-08T15:00:00Z', LA, H('20:00', '08:00')), '2026-03-09T03:00:00.000Z'); // 08:00 PDT → 20:00 PDT
  });

  test('fall back: 08:00 comes one UTC hour later', () => {
    assert.equal(next('2026-11-01T04:00:00Z', LA), '2026-11-01T16:00:00.000Z'); // Oct 31 21:00 PDT → Nov 1 08:00 PST
    assert.equal(next('2026-11-01T09:30:00Z', LA), '2026-11-01T16:00:00.000Z'); // second 01:30 (PST) → 08:00 PST
  });

  test('fall back: an opening in the repeated hour is its first occurrence', () => {
    assert.equal(next('2026-11-01T07:30:00Z', LA, H('01:30', '06:00')), '2026-11-01T08:30:00.000Z'); // 00:30 PDT → 01:30 PDT
  });

  test('fall back: the repeated hour opens again by its wall time', () => {
    // Hours 00:30–01:15. At 01:45 PDT it is closed; at 02:00 PDT the clock shows 01:00 PST: open.
    assert.equal(next('2026-11-01T08:45:00Z', LA, H('00:30', '01:15')), '2026-11-01T09:00:00.000Z');
  });

  test('fall back: both passes through the repeated hour are inside 01:00–02:00', () => {
    assert.equal(next('2026-11-01T08:30:00Z', LA, H('01:00', '02:00')), '2026-11-01T08:30:00.000Z'); // 01:30 PDT
    assert.equal(next('2026-11-01T09:30:00Z', LA, H('01:00', '02:00')), '2026-11-01T09:30:00.000Z'); // 01:30 PST
    assert.equal(next('2026-11-01T10:00:00Z', LA, H('01:00', '02:00')), '2026-11-02T09:00:00.000Z'); // 02:00 PST → next 01:00
  });

  test('voice cap across fall back', () => {
    assert.equal(next('2026-11-01T05:00:00Z', LA, H('08:00', '23:00'), 'voice'), '2026-11-01T16:00:00.000Z'); // Oct 31 22:00 PDT → 08:00 PST
  });
});

describe('nextAllowedTime: DST in America/Denver (2026-03-08, 2026-11-01)', () => {
  const DEN = 'America/Denver';

  test('spring forward', () => {
    assert.equal(next('2026-03-08T07:30:00Z', DEN), '2026-03-08T14:00:00.000Z'); // 00:30 MST → 08:00 MDT
    assert.equal(next('2026-03-08T08:00:00Z', DEN, H('02:15', '05:00')), '2026-03-08T09:00:00.000Z'); // 01:00 MST → 03:00 MDT
  });

  test('fall back', () => {
    assert.equal(next('2026-11-01T06:30:00Z', DEN), '2026-11-01T15:00:00.000Z'); // 00:30 MDT → 08:00 MST
    assert.equal(next('2026-11-01T07:45:00Z', DEN, H('00:30', '01:15')), '2026-11-01T08:00:00.000Z'); // 01:45 MDT → 01:00 MST
  });

  test('overnight hours on the fall-back night', () => {
    // 21:00–06:00 in Denver: Oct 31 20:00 MDT waits until 21:00 MDT; 06:00 MST is closed until 21:00 MST.
    assert.equal(next('2026-11-01T02:00:00Z', DEN, H('21:00', '06:00')), '2026-11-01T03:00:00.000Z');
    assert.equal(next('2026-11-01T13:00:00Z', DEN, H('21:00', '06:00')), '2026-11-02T04:00:00.000Z');
  });
});

describe('nextAllowedTime: overseas voters', () => {
  test('Europe/Berlin, including its own fall back (2026-10-25)', () => {
    assert.equal(next('2026-10-20T17:00:00Z', 'Europe/Berlin'), '2026-10-20T17:00:00.000Z'); // 19:00 CEST
    assert.equal(next('2026-10-20T19:00:00Z', 'Europe/Berlin'), '2026-10-21T06:00:00.000Z'); // 21:00 CEST → 08:00 CEST
    assert.equal(next('2026-10-24T20:00:00Z', 'Europe/Berlin'), '2026-10-25T07:00:00.000Z'); // 22:00 CEST → 08:00 CET
  });

  test('Asia/Tokyo (no DST, across the date line from California)', () => {
    assert.equal(next('2026-10-20T17:00:00Z', 'Asia/Tokyo'), '2026-10-20T23:00:00.000Z'); // Oct 21 02:00 JST → 08:00 JST
  });

  test('Pacific/Auckland, including its spring forward (2026-09-27)', () => {
    assert.equal(next('2026-10-20T17:00:00Z', 'Pacific/Auckland'), '2026-10-20T19:00:00.000Z'); // 06:00 NZDT → 08:00 NZDT
    assert.equal(next('2026-09-26T12:00:00Z', 'Pacific/Auckland', H('02:30', '06:00')), '2026-09-26T14:00:00.000Z'); // 00:00 NZST → 03:00 NZDT
  });

  test('planForEvent reads hours in the voter zone', () => {
    // NOW is 10:00 in Los Angeles but 02:00 in Tokyo.
    const out = planForEvent(ev(), sub({ timeZone: 'Asia/Tokyo' }), election(), STATE_TZ, NOW);
    for (const p of out.planned) assert.equal(iso(p.notBefore), '2026-10-20T23:00:00.000Z');
  });
});

describe('planForEvent: quiet hours', () => {
  test('a status at night is held until the voter hours, voice capped', () => {
    const night = at('2026-10-21T05:00:00Z'); // 22:00 PDT
    const out = planForEvent(ev(), sub({ hours: H('07:00', '23:00') }), election(), STATE_TZ, night);
    assert.deepEqual(out.planned.map((p) => [p.channel, iso(p.notBefore)]), [
      ['sms', '2026-10-21T05:00:00.000Z'],
      ['email', '2026-10-21T05:00:00.000Z'],
      ['voice', '2026-10-21T15:00:00.000Z'],
    ]);
  });
});

// ---------------------------------------------------------------- supersede

const T0 = at('2026-10-20T03:00:00Z');
const T1 = at('2026-10-20T15:00:00Z');

describe('supersedes', () => {
  // newer kind → the older waiting kinds it supersedes (newer by time).
  const MATRIX: Record<BallotMessageKind, BallotMessageKind[]> = {
    outbound: ['outbound', 'reissued'],
    reissued: ['outbound', 'reissued'],
    undeliverable: ['outbound', 'reissued', 'undeliverable', 'inbound'],
    inbound: ['outbound', 'reissued', 'undeliverable', 'inbound'],
    received: ['outbound', 'reissued', 'undeliverable', 'inbound', 'received'],
    accepted: ['outbound', 'reissued', 'undeliverable', 'inbound', 'received', 'accepted', 'not_accepted', 'contact_county'],
    not_accepted: ['outbound', 'reissued', 'undeliverable', 'inbound', 'received', 'accepted', 'not_accepted', 'contact_county'],
    contact_county: ['outbound', 'reissued', 'undeliverable', 'inbound', 'received', 'accepted', 'not_accepted', 'contact_county'],
    in_person: ['outbound', 'reissued', 'undeliverable', 'inbound', 'received', 'in_person'],
  };

  for (const newer of BALLOT_MESSAGE_KINDS) {
    test(`newer ${newer} supersedes exactly: ${MATRIX[newer].join(', ')}`, () => {
      for (const older of BALLOT_MESSAGE_KINDS) {
        assert.equal(supersedes({ kind: newer, occurredAt: T1 }, { kind: older, occurredAt: T0 }), MATRIX[newer].includes(older), `${newer} over ${older}`);
      }
    });
  }

  test('a decision supersedes received held overnight; the cure NVS → ACCEPTED sends only accepted', () => {
    assert.equal(supersedes({ kind: 'accepted', occurredAt: T1 }, { kind: 'received', occurredAt: T0 }), true);
    assert.equal(supersedes({ kind: 'accepted', occurredAt: T1 }, { kind: 'contact_county', occurredAt: T0 }), true);
  });

  test('across ranks time does not matter: a stale scan never supersedes received', () => {
    assert.equal(supersedes({ kind: 'inbound', occurredAt: T1 }, { kind: 'received', occurredAt: T0 }), false);
    assert.equal(supersedes({ kind: 'received', occurredAt: T0 }, { kind: 'inbound', occurredAt: T1 }), true);
  });

  test('within a rank the older never supersedes the newer; equal times do', () => {
    assert.equal(supersedes({ kind: 'contact_county', occurredAt: T0 }, { kind: 'accepted', occurredAt: T1 }), false);
    assert.equal(supersedes({ kind: 'not_accepted', occurredAt: T1 }, { kind: 'not_accepted', occurredAt: T1 }), true);
  });

  test('in_person and a decision are independent, whatever the order', () => {
    assert.equal(supersedes({ kind: 'in_person', occurredAt: T1 }, { kind: 'not_accepted', occurredAt: T0 }), false);
    assert.equal(supersedes({ kind: 'accepted', occurredAt: T1 }, { kind: 'in_person', occurredAt: T0 }), false);
  });
});

describe('selectLatestPerBallot', () => {
  const planned = (e: Partial<BallotEventForPlanning>, now: Date = NOW): PlannedMessage[] =>
    planForEvent(ev(e), sub({ channels: [{ channel: 'sms', consent: 'active', address: '+1' }, { channel: 'email', consent: 'active', address: 'a@b' }] }), election(), STATE_TZ, now).planned;

  test('held overnight: received then accepted → only accepted, per channel', () => {
    const evening = at('2026-10-21T05:00:00Z'); // 22:00 PDT, held until 08:00
    const received = planned({ eventId: 'e1', kind: 'received', reason: 'INR', occurredAt: evening }, evening);
    const accepted = planned({ eventId: 'e2', kind: 'accepted', reason: 'ACCEPTED', occurredAt: at('2026-10-21T06:00:00Z') }, at('2026-10-21T06:00:00Z'));
    const { keep, superseded } = selectLatestPerBallot([...received, ...accepted]);
    assert.deepEqual(keep.map((m) => m.key), ['b1:accepted:ACCEPTED:sms', 'b1:accepted:ACCEPTED:email']);
    assert.deepEqual(superseded.map((s) => [s.message.key, s.by.key]), [
      ['b1:received:INR:sms', 'b1:accepted:ACCEPTED:sms'],
      ['b1:received:INR:email', 'b1:accepted:ACCEPTED:email'],
    ]);
  });

  const w = (ballotId: string, channel: Channel, kind: BallotMessageKind, occurredAt: Date, id: string = kind) => ({ id, ballotId, channel, kind, occurredAt });

  test('other ballots and other channels are untouched', () => {
    const msgs = [w('b1', 'sms', 'received', T0), w('b2', 'sms', 'accepted', T1), w('b1', 'email', 'accepted', T1)];
    assert.deepEqual(selectLatestPerBallot(msgs).keep, msgs);
  });

  test('a stale scan reported after received is dropped', () => {
    const msgs = [w('b1', 'sms', 'received', T0), w('b1', 'sms', 'inbound', T1)];
    const { keep, superseded } = selectLatestPerBallot(msgs);
    assert.deepEqual(keep.map((m) => m.kind), ['received']);
    assert.equal(superseded[0]!.by.kind, 'received');
  });

  test('cure: contact_county then accepted → accepted; accepted then contact_county → contact_county', () => {
    assert.deepEqual(selectLatestPerBallot([w('b1', 'sms', 'contact_county', T0), w('b1', 'sms', 'accepted', T1)]).keep.map((m) => m.kind), ['accepted']);
    assert.deepEqual(selectLatestPerBallot([w('b1', 'sms', 'accepted', T0), w('b1', 'sms', 'contact_county', T1)]).keep.map((m) => m.kind), ['contact_county']);
  });

  test('equal times, equal rank: the later in the input wins', () => {
    const msgs = [w('b1', 'sms', 'not_accepted', T1, 'VAV'), w('b1', 'sms', 'not_accepted', T1, 'CLD')];
    assert.deepEqual(selectLatestPerBallot(msgs).keep.map((m) => m.id), ['CLD']);
  });

  test('input order does not matter when times differ', () => {
    const msgs = [w('b1', 'sms', 'accepted', T1), w('b1', 'sms', 'outbound', T0), w('b1', 'sms', 'inbound', T0)];
    assert.deepEqual(selectLatestPerBallot(msgs).keep.map((m) => m.kind), ['accepted']);
  });

  test('in_person and a decision both go', () => {
    const msgs = [w('b1', 'sms', 'not_accepted', T0), w('b1', 'sms', 'received', T0), w('b1', 'sms', 'in_person', T1)];
    assert.deepEqual(selectLatestPerBallot(msgs).keep.map((m) => m.kind), ['not_accepted', 'in_person']);
  });

  test('empty in, empty out', () => {
    assert.deepEqual(selectLatestPerBallot([]), { keep: [], superseded: [] });
  });
});

// ---------------------------------------------------------------- current status

describe('currentStatusEvent', () => {
  const e = (eventId: string, kind: BallotMessageKind, reason: string, occurredAt: string, ballotId = 'b1') =>
    ev({ eventId, kind, reason, occurredAt: at(occurredAt), ballotId, sentDate: kind === 'outbound' ? '2026-10-01' : null });

  const history = [
    e('e1', 'outbound', 'ISSUED', '2026-10-01T12:00:00Z'),
    e('e2', 'inbound', 'scan', '2026-10-03T12:00:00Z'),
    e('e3', 'received', 'INR', '2026-10-04T00:00:00Z'),
    e('e4', 'contact_county', 'NVS', '2026-10-04T12:00:00Z'),
  ];

  test('no events: null', () => {
    assert.equal(currentStatusEvent([]), null);
  });

  test('the furthest step, newest within it', () => {
    assert.equal(currentStatusEvent(history)!.eventId, 'e4');
    assert.equal(currentStatusEvent([...history, e('e5', 'accepted', 'ACCEPTED', '2026-10-04T18:00:00Z')])!.eventId, 'e5');
  });

  test('input order does not matter', () => {
    assert.equal(currentStatusEvent([...history].reverse())!.eventId, 'e4');
  });

  test('a scan reported after the county logged the ballot is not current', () => {
    const h = [e('e3', 'received', 'INR', '2026-10-04T00:00:00Z'), e('e2', 'inbound', 'scan', '2026-10-04T15:00:00Z')];
    assert.equal(currentStatusEvent(h)!.eventId, 'e3');
  });

  test('between a decision and in_person, the newer', () => {
    assert.equal(currentStatusEvent([e('a', 'not_accepted', 'CLD', '2026-10-10T00:00:00Z'), e('b', 'in_person', 'VCR', '2026-10-11T00:00:00Z')])!.eventId, 'b');
    assert.equal(currentStatusEvent([e('b', 'in_person', 'VCR', '2026-10-10T00:00:00Z'), e('a', 'not_accepted', 'VAV', '2026-10-11T00:00:00Z')])!.eventId, 'a');
  });

  test('events of several ballots throw', () => {
    assert.throws(() => currentStatusEvent([e('a', 'outbound', 'ISSUED', '2026-10-01T00:00:00Z'), e('b', 'outbound', 'ISSUED', '2026-10-01T00:00:00Z', 'b2')]), RangeError);
  });

  test('window opening: only the current status goes out, at the first allowed hour, never the backlog', () => {
    // All four events happened before E-29 (Oct 5 00:00 PDT); planning them as they came would be skipped.
    for (const h of history) assert.deepEqual(reasons(planForEvent(h, sub(), election(), STATE_TZ, h.occurredAt)), ['outside_window']);
    const current = currentStatusEvent(history)!;
    const out = planForEvent(current, sub(), election(), STATE_TZ, WINDOW.opensAt);
    assert.deepEqual(out.planned.map((p) => [p.key, iso(p.notBefore)]), [
      ['b1:contact_county:NVS:sms', '2026-10-05T15:00:00.000Z'],
      ['b1:contact_county:NVS:email', '2026-10-05T15:00:00.000Z'],
      ['b1:contact_county:NVS:voice', '2026-10-05T15:00:00.000Z'],
    ]);
  });

  test('sign-up after the ballot moved: the current status is sent at once (within hours)', () => {
    const out = planForEvent(currentStatusEvent(history)!, sub(), election(), STATE_TZ, NOW);
    assert.deepEqual(out.planned.map((p) => p.kind), ['contact_county', 'contact_county', 'contact_county']);
    assert.equal(iso(out.planned[0]!.notBefore), iso(NOW));
  });
});
