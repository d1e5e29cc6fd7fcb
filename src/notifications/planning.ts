/**
 * Notification planning: what to send, to whom, on which channel, and from
 * when (DESIGN §2.2–2.4). Pure functions over plain data; the caller reads the
 * event, subscription and election, passes `now`, and stores the plan.
 *
 * ## Decisions
 *
 * Gates, in order (the first that fails is the single skip reason):
 *   no_subscription → subscription_other_county (voter moved; signs up again)
 *   → subscription_inactive → county_not_participating → outside_window
 *   (`now` outside the election's window: the event is kept, and at the
 *   window's opening only `currentStatusEvent` is planned, never a backlog)
 *   → not_yet_mailed (outbound/reissued with no sent date and no USPS scan).
 * Then per channel: consent must be 'active' (else channel_not_active); SMS
 * with `needsYes` also needs `yesConfirmed` (else awaiting_yes); when no
 * channel passes, no_active_channel is added. A channel whose allowed hours
 * are empty is no_allowed_hours; one whose first allowed time falls at or
 * after the window's close is outside_window.
 *
 * Mailed messages (outbound, reissued) never go before the ballot's sent date:
 * notBefore ≥ 00:00 of `sentDate` in the STATE's time zone (the date is the
 * county's). Without a sent date only an IMB scan (reason 'scan') proves the
 * ballot is in the mail. Outbound goes once per ballot whichever trigger comes
 * first (ISSUED or the outbound scan), so its idempotency key ignores the
 * trigger: `${ballotId}:outbound:once:${channel}`. Every other key is
 * `${ballotId}:${kind}:${reason}:${channel}`.
 *
 * Quiet hours (`nextAllowedTime`), judged on the wall clock of the VOTER's zone:
 *   - hours are [start, end): 08:00–20:00 allows 08:00:00 up to 19:59:59.999.
 *   - start > end is an overnight range: 20:00–08:00 allows 20:00–23:59 and
 *     00:00–07:59 of every day.
 *   - start = end means the whole day (e.g. 00:00–00:00); '24:00' is accepted as an end.
 *   - voice is also capped to 08:00–21:00 local whatever the preference (the
 *     two ranges are intersected); an empty intersection means no call at all.
 *   - DST spring-forward: wall times in the gap do not exist; an opening inside
 *     the gap moves to the first instant after it (02:30 → 03:00 new time).
 *   - DST fall-back: the repeated hour is allowed or not by its wall time, both
 *     times round; a message outside hours waits for the first instant whose
 *     wall time is allowed, which may be the second 01:00.
 *   - service messages (confirmation, opt-in/out confirmation, help) bypass
 *     quiet hours: they answer something the voter just did (`isImmediateKind`).
 *
 * Supersede (`supersedes`, `selectLatestPerBallot`), per ballot and channel,
 * among messages still waiting unsent. Kinds have a rank along the ballot's life:
 *     1 outbound, reissued   2 undeliverable, inbound   3 received
 *     4 accepted, not_accepted, contact_county          4 in_person
 *   - a higher rank supersedes a lower one, whichever arrived first (a USPS
 *     scan reported after the county logged the ballot is stale, not news);
 *   - equal rank: the newer (by occurredAt, then arrival order) supersedes the
 *     older — NVS then ACCEPTED (a cure) sends only "accepted"; VAV then CLD
 *     sends only the CLD reason; UND then inbound sends only "inbound";
 *   - except in_person and a decision, which are independent facts about the
 *     voter and the mail ballot: neither supersedes the other, both go.
 *   - "reissued" concerns the NEW ballot; a waiting outbound of the old ballot
 *     is another ballot and is not superseded here.
 */
import type { IANAZone } from 'luxon';
import { STATUS_MESSAGE } from '../ballots/status.ts';
import { ianaZone, isInWindow, startOfLocalDay } from '../elections/window.ts';
import { isStatusCode } from '../persisted.ts';
import type { BallotMessageKind, Channel, ConsentState, Language, MessageKind } from '../persisted.ts';

export interface BallotEventForPlanning {
  eventId: string;
  ballotId: string;
  voterId: string;
  electionId: string;
  countyCode: string;
  kind: BallotMessageKind;
  /** A status code, 'scan' (USPS IMB scan) or 'reissue'; part of the idempotency key. */
  reason: string;
  occurredAt: Date;
  /** YYYY-MM-DD, the ballot's sent date, for outbound and reissued. */
  sentDate?: string | null;
}

export interface DailyHours {
  /** 'HH:MM', inclusive. */
  start: string;
  /** 'HH:MM' (or '24:00'), exclusive. */
  end: string;
}

export interface SubscriptionForPlanning {
  subscriptionId: string;
  voterId: string;
  countyCode: string;
  state: 'active' | 'suspended' | 'ended';
  language: Language;
  /** IANA zone the voter's hours are read in (the state's unless the voter chose another). */
  timeZone: string;
  hours: DailyHours;
  channels: Array<{ channel: Channel; consent: ConsentState; address: string; needsYes?: boolean; yesConfirmed?: boolean }>;
}

export interface ElectionForPlanning {
  electionId: string;
  /** The event's county takes part in this election (statewide: not opted out; local: opted in). */
  countyParticipating: boolean;
  window: { opensAt: Date; closesAt: Date };
}

export interface PlannedMessage {
  /** Idempotency key, see `messageKey`. */
  key: string;
  eventId: string;
  ballotId: string;
  voterId: string;
  kind: BallotMessageKind;
  reason: string;
  channel: Channel;
  /** When the event happened; orders messages for supersede. */
  occurredAt: Date;
  /** Earliest send time, already moved into allowed hours and past the sent date. */
  notBefore: Date;
}

export type SkipReason =
  | 'no_subscription'
  | 'subscription_other_county'
  | 'subscription_inactive'
  | 'county_not_participating'
  | 'outside_window'
  | 'not_yet_mailed'
  | 'channel_not_active'
  | 'awaiting_yes'
  | 'no_allowed_hours'
  | 'no_active_channel';

export interface PlanOutcome {
  planned: PlannedMessage[];
  skipped: Array<{ reason: SkipReason; channel?: Channel }>;
}

export const DEFAULT_HOURS: Readonly<DailyHours> = Object.freeze({ start: '08:00', end: '20:00' });
/** Calls are never placed outside these hours, whatever the voter chose. */
export const VOICE_HOURS: Readonly<DailyHours> = Object.freeze({ start: '08:00', end: '21:00' });

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MINUTES_PER_DAY = 24 * 60;

// ---------------------------------------------------------------- keys

/** The idempotency key of one message: at most one send per (ballot, kind, reason, channel); outbound once per ballot. */
export function messageKey(ballotId: string, kind: BallotMessageKind, reason: string, channel: Channel): string {
  return `${ballotId}:${kind}:${kind === 'outbound' ? 'once' : reason}:${channel}`;
}

/** The kinds an event reason may carry; anything else is a caller bug. */
function kindsForReason(reason: string): readonly BallotMessageKind[] {
  if (isStatusCode(reason)) return [STATUS_MESSAGE[reason]];
  if (reason === 'scan') return ['outbound', 'inbound'];
  if (reason === 'reissue') return ['reissued'];
  return [];
}

// ---------------------------------------------------------------- immediate kinds

/**
 * Service messages go out at once, quiet hours or not: they answer something
 * the voter has just done (signed up, replied STOP/START/HELP). Ballot status
 * messages wait for the voter's hours.
 */
export function isImmediateKind(kind: MessageKind): boolean {
  return kind === 'confirmation' || kind === 'opt_out_confirmation' || kind === 'opt_in_confirmation' || kind === 'help';
}

// ---------------------------------------------------------------- quiet hours

/** Minutes of the day, [start, end). */
export type MinuteRange = readonly [start: number, end: number];

function parseClock(s: string, allowMidnightEnd: boolean): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  if (allowMidnightEnd && s === '24:00') return MINUTES_PER_DAY;
  throw new RangeError(`not a time of day (HH:MM): ${JSON.stringify(s)}`);
}

function dailyRanges(hours: DailyHours): MinuteRange[] {
  const start = parseClock(hours.start, false);
  const end = parseClock(hours.end, true);
  if (start === end || (start === 0 && end === MINUTES_PER_DAY)) return [[0, MINUTES_PER_DAY]];
  if (start < end) return [[start, end]];
  return ([[start, MINUTES_PER_DAY], [0, end]] as MinuteRange[]).filter(([a, b]) => a < b);
}

/**
 * The minutes of a day at which a channel may deliver, given the voter's hours
 * (voice intersected with VOICE_HOURS). Empty when nothing is allowed.
 * Throws RangeError for malformed hours.
 */
export function allowedDailyRanges(hours: DailyHours, channel: Channel): MinuteRange[] {
  const own = dailyRanges(hours);
  if (channel !== 'voice') return own;
  const [capStart, capEnd] = dailyRanges(VOICE_HOURS)[0]!;
  return own
    .map(([a, b]): MinuteRange => [Math.max(a, capStart), Math.min(b, capEnd)])
    .filter(([a, b]) => a < b);
}

function wallMs(zone: IANAZone, t: number): number {
  return t + zone.offset(t) * MINUTE;
}

function isAllowedAt(zone: IANAZone, ranges: readonly MinuteRange[], t: number): boolean {
  const minuteOfDay = Math.floor((((wallMs(zone, t) % DAY) + DAY) % DAY) / MINUTE);
  return ranges.some(([a, b]) => minuteOfDay >= a && minuteOfDay < b);
}

/** Instants in (from, to] at which the zone's UTC offset changes (first instant of the new offset). */
function offsetChanges(zone: IANAZone, from: number, to: number): number[] {
  const step = 6 * 60 * MINUTE; // zones never change offset twice within 6 h
  const changes: number[] = [];
  let prevT = from;
  let prev = zone.offset(from);
  for (let t = from + step; prevT < to; t += step) {
    const off = zone.offset(t);
    if (off !== prev) {
      let lo = prevT;
      let hi = t;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zone.offset(mid) === prev) lo = mid;
        else hi = mid;
      }
      changes.push(hi);
    }
    prevT = t;
    prev = off;
  }
  return changes;
}

/**
 * The earliest instant ≥ `at` at which `channel` may deliver to a voter with
 * these hours in this zone (see the header for overnight hours, DST and the
 * voice cap). Returns `at` itself when it is already allowed.
 * Throws RangeError for an unknown zone, malformed hours, or hours that allow
 * nothing for this channel (check `allowedDailyRanges` first).
 */
export function nextAllowedTime(at: Date, timeZone: string, hours: DailyHours, channel: Channel): Date {
  const zone = ianaZone(timeZone);
  const ranges = allowedDailyRanges(hours, channel);
  if (ranges.length === 0) throw new RangeError(`no allowed hours for ${channel} in ${hours.start}–${hours.end}`);
  const t0 = at.getTime();
  if (Number.isNaN(t0)) throw new RangeError('invalid date');
  if (isAllowedAt(zone, ranges, t0)) return new Date(t0);

  // The allowed set only opens where the wall clock reaches a range start
  // (every occurrence of that wall time) or where the offset jumps. Three days
  // cover any non-empty range even when a DST gap swallows one day's opening.
  const horizon = t0 + 3 * DAY;
  const changes = offsetChanges(zone, t0, horizon);
  const offsets = new Set([zone.offset(t0), ...changes.map((t) => zone.offset(t))]);
  const candidates = [...changes];
  const firstDay = Math.floor(wallMs(zone, t0) / DAY) - 1;
  const lastDay = Math.floor(wallMs(zone, horizon) / DAY) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const [start] of ranges) {
      for (const off of offsets) {
        const t = day * DAY + (start - off) * MINUTE;
        if (zone.offset(t) === off) candidates.push(t);
      }
    }
  }
  const next = candidates
    .filter((t) => t > t0 && isAllowedAt(zone, ranges, t))
    .reduce((min, t) => Math.min(min, t), Number.POSITIVE_INFINITY);
  if (!Number.isFinite(next)) throw new RangeError(`no allowed time for ${channel} within 3 days of ${at.toISOString()}`);
  return new Date(next);
}

// ---------------------------------------------------------------- planning

function isMailedKind(kind: BallotMessageKind): boolean {
  return kind === 'outbound' || kind === 'reissued';
}

function assertConsistent(ev: BallotEventForPlanning, sub: SubscriptionForPlanning | null, election: ElectionForPlanning): void {
  if (!kindsForReason(ev.reason).includes(ev.kind)) {
    throw new RangeError(`event ${ev.eventId}: reason ${JSON.stringify(ev.reason)} cannot trigger ${ev.kind}`);
  }
  if (ev.electionId !== election.electionId) {
    throw new RangeError(`event ${ev.eventId} is for election ${ev.electionId}, not ${election.electionId}`);
  }
  if (sub !== null && sub.voterId !== ev.voterId) {
    throw new RangeError(`subscription ${sub.subscriptionId} is not voter ${ev.voterId}'s`);
  }
}

function gateSkip(ev: BallotEventForPlanning, sub: SubscriptionForPlanning | null, election: ElectionForPlanning, now: Date): SkipReason | null {
  if (sub === null) return 'no_subscription';
  if (sub.countyCode !== ev.countyCode) return 'subscription_other_county';
  if (sub.state !== 'active') return 'subscription_inactive';
  if (!election.countyParticipating) return 'county_not_participating';
  if (!isInWindow(election.window, now)) return 'outside_window';
  if (isMailedKind(ev.kind) && !ev.sentDate && ev.reason !== 'scan') return 'not_yet_mailed';
  return null;
}

/** The earliest moment the event's message may go out, before quiet hours. */
function earliestSend(ev: BallotEventForPlanning, stateTimeZone: string, now: Date): Date {
  if (!isMailedKind(ev.kind) || !ev.sentDate) return now;
  const mailed = startOfLocalDay(ev.sentDate, stateTimeZone);
  return mailed.getTime() > now.getTime() ? mailed : now;
}

/**
 * Plans the messages of one ballot event for one voter's subscription.
 * `stateTimeZone` reads the sent date; the voter's own zone reads their hours.
 * Throws RangeError when the inputs contradict each other (reason vs kind,
 * election, voter): those are caller bugs, not data to skip.
 */
export function planForEvent(
  ev: BallotEventForPlanning,
  sub: SubscriptionForPlanning | null,
  election: ElectionForPlanning,
  stateTimeZone: string,
  now: Date,
): PlanOutcome {
  assertConsistent(ev, sub, election);
  const gate = gateSkip(ev, sub, election, now);
  if (gate !== null || sub === null) return { planned: [], skipped: [{ reason: gate ?? 'no_subscription' }] };

  const planned: PlannedMessage[] = [];
  const skipped: PlanOutcome['skipped'] = [];
  const eligible: Channel[] = [];
  for (const c of sub.channels) {
    if (eligible.includes(c.channel)) continue; // one entry per channel; the first active one counts
    if (c.consent !== 'active') skipped.push({ reason: 'channel_not_active', channel: c.channel });
    else if (c.channel === 'sms' && c.needsYes === true && c.yesConfirmed !== true) skipped.push({ reason: 'awaiting_yes', channel: c.channel });
    else eligible.push(c.channel);
  }
  if (eligible.length === 0) return { planned, skipped: [...skipped, { reason: 'no_active_channel' }] };

  const earliest = earliestSend(ev, stateTimeZone, now);
  for (const channel of eligible) {
    if (allowedDailyRanges(sub.hours, channel).length === 0) {
      skipped.push({ reason: 'no_allowed_hours', channel });
      continue;
    }
    const notBefore = nextAllowedTime(earliest, sub.timeZone, sub.hours, channel);
    if (notBefore.getTime() >= election.window.closesAt.getTime()) {
      skipped.push({ reason: 'outside_window', channel });
      continue;
    }
    planned.push({
      key: messageKey(ev.ballotId, ev.kind, ev.reason, channel),
      eventId: ev.eventId,
      ballotId: ev.ballotId,
      voterId: ev.voterId,
      kind: ev.kind,
      reason: ev.reason,
      channel,
      occurredAt: ev.occurredAt,
      notBefore,
    });
  }
  return { planned, skipped };
}

// ---------------------------------------------------------------- supersede

const RANK: Readonly<Record<BallotMessageKind, number>> = Object.freeze({
  outbound: 1,
  reissued: 1,
  undeliverable: 2,
  inbound: 2,
  received: 3,
  accepted: 4,
  not_accepted: 4,
  contact_county: 4,
  in_person: 4,
});

/**
 * Whether a waiting, unsent message `olderWaiting` must not go out because
 * `newer` is there for the same ballot (matrix in the header). Across ranks
 * the times do not matter; within a rank `newer` must not be older.
 */
export function supersedes(
  newer: { kind: BallotMessageKind; occurredAt: Date },
  olderWaiting: { kind: BallotMessageKind; occurredAt: Date },
): boolean {
  const rn = RANK[newer.kind];
  const ro = RANK[olderWaiting.kind];
  if (rn !== ro) return rn > ro;
  if ((newer.kind === 'in_person') !== (olderWaiting.kind === 'in_person')) return false;
  return newer.occurredAt.getTime() >= olderWaiting.occurredAt.getTime();
}

export interface WaitingMessage {
  ballotId: string;
  channel: Channel;
  kind: BallotMessageKind;
  occurredAt: Date;
}

/** Sorts by occurredAt, keeping arrival (input) order for equal times. */
function chronological<T extends { occurredAt: Date }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.occurredAt.getTime() - b.item.occurredAt.getTime() || a.i - b.i)
    .map(({ item }) => item);
}

/**
 * Of the messages still waiting, which go out. Grouped per ballot AND channel
 * (what one channel has waiting says nothing about another's). A message is
 * dropped when another one of its group supersedes it; for equal times the
 * later in the input counts as newer. `by` names the newest message that
 * superseded it. `keep` preserves input order.
 */
export function selectLatestPerBallot<T extends WaitingMessage>(waiting: readonly T[]): { keep: T[]; superseded: Array<{ message: T; by: T }> } {
  const groups = new Map<string, T[]>();
  for (const m of waiting) {
    const k = `${m.ballotId}\u0000${m.channel}`;
    const group = groups.get(k);
    if (group) group.push(m);
    else groups.set(k, [m]);
  }
  const supersededBy = new Map<T, T>();
  for (const group of groups.values()) {
    const ordered = chronological(group);
    ordered.forEach((m, i) => {
      for (let j = ordered.length - 1; j >= 0; j--) {
        const n = ordered[j]!;
        if (j === i) continue;
        const sameRank = RANK[n.kind] === RANK[m.kind];
        if (supersedes(n, m) && (!sameRank || j > i)) {
          supersededBy.set(m, n);
          break;
        }
      }
    });
  }
  return {
    keep: waiting.filter((m) => !supersededBy.has(m)),
    superseded: waiting.filter((m) => supersededBy.has(m)).map((m) => ({ message: m, by: supersededBy.get(m)! })),
  };
}

/**
 * The one event that stands for a ballot's current status: sent at the
 * window's opening (never the backlog) and right after sign-up. The highest
 * rank wins; within a rank the newest (then the last in the input). Between a
 * decision and in_person, the newer one. Null for no events.
 * Throws RangeError when the events are not all of one ballot.
 */
export function currentStatusEvent<T extends { ballotId: string; kind: BallotMessageKind; occurredAt: Date }>(events: readonly T[]): T | null {
  const ballots = new Set(events.map((e) => e.ballotId));
  if (ballots.size > 1) throw new RangeError(`events of several ballots: ${[...ballots].join(', ')}`);
  let current: T | null = null;
  for (const e of chronological(events)) {
    if (current === null || RANK[e.kind] >= RANK[current.kind]) current = e;
  }
  return current;
}
