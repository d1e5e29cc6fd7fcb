/**
 * The replay's oracle: from the generator's ground truth (each ballot's life story) and a
 * subscriber's timeline, the messages that voter must receive — kind, ballot, reason,
 * channel, language, and the instant before which none may go out.
 *
 * A second, independent reading of DESIGN §2.2–2.4, written without the planner's code
 * (`src/notifications/planning.ts` is never imported here): its own status → message table,
 * its own quiet-hours arithmetic (stepping the voter's wall clock with luxon), its own
 * "only the newest waiting message goes out" rule. Pure: no I/O, no clock.
 *
 * The rules, as read from DESIGN.md:
 *  - §2.4 table: each status code names one message; a second ballot in issued status is
 *    "Reissued", not a second "Outbound"; POLL/VCR are "In person"; a USPS scan of the return
 *    envelope is "Inbound"; the outbound envelope's scan can be the first sign it was mailed.
 *  - Outbound (and Reissued) once per ballot, never before 00:00 of the sent date in the
 *    state's zone, and only once the sent date is known.
 *  - Each (ballot, message, reason) at most once per channel: a duplicated file sends nothing.
 *  - A status older than what the voter was already told is recorded, not messaged; when a
 *    newer status arrives while an older message still waits (quiet hours), only the newer goes.
 *    "Older/newer" follows the ballot's life: mailed → in the mail / undeliverable → received →
 *    decided (accepted, not accepted, contact county); within one stage the later status date.
 *    Voting in person and the mail ballot's decision are separate facts: neither hides the other.
 *  - §2.2 hours: [start, end) on the voter's wall clock in their zone; start > end runs overnight,
 *    start = end is the whole day; calls only 08:00–21:00 local whatever the voter chose.
 *  - §2.3 window: messages from E-29 to E+30 inclusive (state zone); a message that could only go
 *    out after the window closes is not sent.
 *  - §2.2 sign-up: a confirmation by text and/or email (none by voice), at once; then the current
 *    status of each ballot that has moved (§3: "we send the current status at sign-up"), after the
 *    confirmation (one minute later, docs/notifications.md).
 *  - Opt-out (web, all channels) or moving county: nothing after it. STOP by text: nothing more by
 *    text after it but the opt-out confirmation; other channels go on.
 */
import { DateTime } from 'luxon';
import type { BallotStory } from '../ballots/generate-election.ts';
import type { Channel, Language } from '../persisted.ts';

/** The message a status code names (DESIGN §2.4), transcribed for the oracle alone. */
export const ORACLE_STATUS_MESSAGE: Readonly<Record<string, string>> = Object.freeze({
  ISSUED: 'outbound', INR: 'received', ACCEPTED: 'accepted',
  VAV: 'not_accepted', BME: 'not_accepted', VDD: 'not_accepted', MIA: 'not_accepted', MRE: 'not_accepted',
  NOT: 'not_accepted', OTH: 'not_accepted', CLD: 'not_accepted',
  NVS: 'contact_county', NMS: 'contact_county', INF: 'contact_county', NID: 'contact_county',
  UND: 'undeliverable', POLL: 'in_person', VCR: 'in_person',
});

/** The stage of a ballot's life a message tells (higher is later). */
const STAGE: Readonly<Record<string, number>> = Object.freeze({
  outbound: 1, reissued: 1, undeliverable: 2, inbound: 2, received: 3,
  accepted: 4, not_accepted: 4, contact_county: 4, in_person: 4,
});

/** How long after a sign-up its ballot statuses may go (the confirmation goes first). */
export const AFTER_SIGN_UP_MS = 60_000;

export interface OracleElection {
  electionId: string;
  stateTimeZone: string;
  /** First instant messages may go (00:00 of E-29, state zone). */
  opensAt: Date;
  /** First instant they may no longer go (00:00 of E+31, state zone). */
  closesAt: Date;
}

export interface SubscriberTimeline {
  voterId: string;
  language: Language;
  timeZone: string;
  hours: { start: string; end: string };
  channels: Partial<Record<Channel, string>>;
  signUpAt: Date;
  /** Opted out of everything on the web, or moved county: nothing after this instant. */
  endsAt: Date | null;
  /** Replied STOP by text at this instant: nothing more to that number, by text or call. */
  stopAt: Date | null;
}

/** One ballot fact that may become a message, as the oracle reads the story. */
export interface OracleEvent {
  ballotId: string;
  kind: string;
  reason: string;
  /** YYYY-MM-DD the fact happened (orders facts of one stage). */
  occurred: string;
  /** When the system learns it (ingest of the extract that carries it); null: never. */
  arrival: Date | null;
  /** Mailed messages: not before this instant. */
  floor: Date | null;
  /** Input order, the last tie-break. */
  order: number;
}

export interface ExpectedMessage {
  voterId: string;
  channel: Channel;
  kind: string;
  /** null for service messages (confirmation, opt-out confirmation). */
  ballotId: string | null;
  /** The status code ('ISSUED' for outbound, 'reissue', 'POLL', …), null for service messages. */
  reason: string | null;
  language: Language;
  notBefore: Date;
}

/** The comparison key: outbound is once per ballot whatever its trigger. */
export function messageIdentity(m: { voterId: string; channel: string; kind: string; ballotId: string | null; reason: string | null }): string {
  if (m.ballotId === null) return `${m.voterId}|${m.channel}|svc|${m.kind}`;
  return `${m.voterId}|${m.channel}|${m.ballotId}|${m.kind}|${m.kind === 'outbound' ? '*' : m.reason}`;
}

// ---------------------------------------------------------------- time

const MIN = 60_000;

export function startOfStateDay(day: string, zone: string): Date {
  return DateTime.fromISO(day, { zone }).startOf('day').toJSDate();
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/** Allowed minute-of-day set of a channel under the voter's hours, as a predicate. */
export function allowedMinute(hours: { start: string; end: string }, channel: Channel): (minute: number) => boolean {
  const s = minutesOf(hours.start);
  const e = minutesOf(hours.end) % 1440;
  const voter = (m: number): boolean => (s === e ? true : s < e ? m >= s && m < e : m >= s || m < e);
  if (channel !== 'voice') return voter;
  return (m) => voter(m) && m >= 8 * 60 && m < 21 * 60;
}

/** Whether the channel allows any minute of the day at all. */
export function hasAllowedHours(hours: { start: string; end: string }, channel: Channel): boolean {
  const ok = allowedMinute(hours, channel);
  for (let m = 0; m < 1440; m++) if (ok(m)) return true;
  return false;
}

function wallMinute(t: number, zone: string): number {
  const d = DateTime.fromMillis(t, { zone });
  return d.hour * 60 + d.minute;
}

/**
 * The first instant at or after `at` whose wall-clock minute in `zone` is allowed. Jumps to
 * the next allowed wall minute and checks it again (a DST change may move the wall clock).
 */
export function firstAllowedInstant(at: Date, zone: string, hours: { start: string; end: string }, channel: Channel): Date {
  const ok = allowedMinute(hours, channel);
  let t = at.getTime();
  if (ok(wallMinute(t, zone))) return new Date(t);
  t = Math.floor(t / MIN) * MIN;
  for (let guard = 0; guard < 50; guard++) {
    const m = wallMinute(t, zone);
    if (ok(m)) return new Date(t);
    let step = 1;
    while (step < 1440 && !ok((m + step) % 1440)) step++;
    t += step * MIN;
  }
  throw new RangeError(`no allowed minute for ${channel} in ${hours.start}–${hours.end}`);
}

// ---------------------------------------------------------------- the ballot facts

/**
 * The facts of one voter's ballots as the oracle reads the ground truth. `arrival(day)` says when
 * the extract of that day is ingested (null when it never is).
 */
export interface BallotScans {
  /** When the first scan of the outbound envelope is imported. */
  outboundAt: Date | null;
  /** When the first scan of the return envelope is imported, and the day it was mailed back. */
  inbound: { at: Date; day: string } | null;
}

export function ballotEvents(stories: readonly BallotStory[], arrival: (day: string) => Date | null, stateTimeZone: string, scans: (ballotId: string) => BallotScans | null = () => null): OracleEvent[] {
  const out: OracleEvent[] = [];
  let order = 0;
  for (const s of stories) {
    const seen = new Set<string>();
    const push = (e: Omit<OracleEvent, 'order'>): void => {
      const k = `${e.kind}|${e.reason}`;
      if (seen.has(k)) return;
      seen.add(k);
      out.push({ ...e, order: order++ });
    };
    const scanned = scans(s.ballotId);
    for (const st of s.statuses) {
      if (st.code === 'ISSUED') {
        // Known to be mailed once the extract carries the sent date, or USPS scans the envelope
        // (DESIGN §2.4: whichever comes first; a replacement is "Reissued", never announced by a scan).
        const known = arrival(s.sentDateReportedOn);
        const scan = s.reissueOf ? null : (scanned?.outboundAt ?? null);
        const first = known === null ? scan : scan === null ? known : (scan < known ? scan : known);
        push({
          ballotId: s.ballotId, kind: s.reissueOf ? 'reissued' : 'outbound', reason: s.reissueOf ? 'reissue' : 'ISSUED',
          occurred: s.issuedDate, arrival: first, floor: startOfStateDay(s.sentDate, stateTimeZone),
        });
        if (scanned?.inbound) push({ ballotId: s.ballotId, kind: 'inbound', reason: 'scan', occurred: scanned.inbound.day, arrival: scanned.inbound.at, floor: null });
      } else {
        const kind = ORACLE_STATUS_MESSAGE[st.code];
        if (!kind) throw new RangeError(`the oracle has no message for status ${st.code}`);
        push({ ballotId: s.ballotId, kind, reason: st.code, occurred: st.date, arrival: arrival(st.date), floor: null });
      }
    }
    if (s.inPerson) push({ ballotId: s.ballotId, kind: 'in_person', reason: s.inPerson.method, occurred: s.inPerson.date, arrival: arrival(s.inPerson.date), floor: null });
  }
  return out;
}

/** `a` is news beside `b`, so that `b` waiting must not go out (ties: `a` counts as the later). */
function hides(a: OracleEvent, b: OracleEvent): boolean {
  if (STAGE[a.kind] !== STAGE[b.kind]) return STAGE[a.kind]! > STAGE[b.kind]!;
  if ((a.kind === 'in_person') !== (b.kind === 'in_person')) return false;
  return a.occurred >= b.occurred;
}

/** `told` (already sent) makes `b` old news: a later stage, or the same stage strictly later. */
function makesStale(told: OracleEvent, b: OracleEvent): boolean {
  if (STAGE[told.kind] !== STAGE[b.kind]) return STAGE[told.kind]! > STAGE[b.kind]!;
  if ((told.kind === 'in_person') !== (b.kind === 'in_person')) return false;
  return told.occurred > b.occurred;
}

/** The one fact that stands for a ballot's status at an instant: the latest stage, then the latest. */
function currentOf(events: readonly OracleEvent[]): OracleEvent | null {
  let cur: OracleEvent | null = null;
  const sorted = [...events].sort((a, b) => a.occurred.localeCompare(b.occurred) || a.order - b.order);
  for (const e of sorted) if (cur === null || STAGE[e.kind]! >= STAGE[cur.kind]!) cur = e;
  return cur;
}

// ---------------------------------------------------------------- expected messages

interface Candidate { event: OracleEvent; plannedAt: Date; notBefore: Date }

/** The messages one subscriber must receive, in the order they are due. */
export function expectedMessages(election: OracleElection, sub: SubscriberTimeline, events: readonly OracleEvent[]): ExpectedMessage[] {
  const out: ExpectedMessage[] = [];
  const msg = (channel: Channel, kind: string, ballotId: string | null, reason: string | null, notBefore: Date): ExpectedMessage =>
    ({ voterId: sub.voterId, channel, kind, ballotId, reason, language: sub.language, notBefore });
  const channels = Object.keys(sub.channels) as Channel[];
  const T = sub.signUpAt.getTime();

  for (const channel of channels) {
    // STOP from a number stops everything sent to that number (texts, and calls to the same phone).
    const stopped = sub.channels.sms !== undefined && sub.channels[channel] === sub.channels.sms;
    const endsAt = Math.min(sub.endsAt?.getTime() ?? Infinity, stopped ? (sub.stopAt?.getTime() ?? Infinity) : Infinity);
    if (channel !== 'voice') out.push(msg(channel, 'confirmation', null, null, sub.signUpAt));
    if (channel === 'sms' && sub.stopAt && (sub.endsAt === null || sub.stopAt < sub.endsAt)) out.push(msg(channel, 'opt_out_confirmation', null, null, sub.stopAt));
    if (!hasAllowedHours(sub.hours, channel)) continue;

    const plan = (e: OracleEvent, at: number): Candidate | null => {
      if (at < election.opensAt.getTime() || at >= election.closesAt.getTime() || at >= endsAt) return null;
      const earliest = Math.max(at, e.floor?.getTime() ?? -Infinity);
      const notBefore = firstAllowedInstant(new Date(earliest), sub.timeZone, sub.hours, channel);
      if (notBefore.getTime() >= election.closesAt.getTime()) return null;
      return { event: e, plannedAt: new Date(at), notBefore };
    };

    const byBallot = new Map<string, OracleEvent[]>();
    for (const e of events) byBallot.set(e.ballotId, [...(byBallot.get(e.ballotId) ?? []), e]);
    for (const ballotEvents of byBallot.values()) {
      const candidates: Candidate[] = [];
      const known = ballotEvents.filter((e) => e.arrival !== null && e.arrival.getTime() < T);
      const current = currentOf(known);
      if (current) {
        const c = plan(current, T);
        // Planned at sign-up, due a minute after the confirmation.
        if (c) candidates.push({ ...c, notBefore: firstAllowedInstant(new Date(Math.max(T + AFTER_SIGN_UP_MS, current.floor?.getTime() ?? -Infinity)), sub.timeZone, sub.hours, channel) });
      }
      for (const e of ballotEvents) {
        if (e.arrival === null || e.arrival.getTime() < T) continue;
        const c = plan(e, e.arrival.getTime());
        if (c) candidates.push(c);
      }
      candidates.sort((a, b) => a.plannedAt.getTime() - b.plannedAt.getTime() || a.event.order - b.event.order);
      for (const c of settle(candidates, endsAt)) out.push(msg(channel, c.event.kind, c.event.ballotId, c.event.reason, c.notBefore));
    }
  }
  return out.sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime());
}

/**
 * Plays one ballot's candidates on one channel in the order they are planned: a waiting message
 * goes out at its time unless a newer one arrives first; a candidate older than what was
 * already told, or than what is still waiting, never goes.
 */
function settle(candidates: readonly Candidate[], endsAt: number): Candidate[] {
  const sent: Candidate[] = [];
  let waiting: Candidate[] = [];
  const flush = (before: number): void => {
    for (const w of waiting) if (w.notBefore.getTime() < before && w.notBefore.getTime() < endsAt) sent.push(w);
    waiting = waiting.filter((w) => w.notBefore.getTime() >= before);
  };
  for (const c of candidates) {
    flush(c.plannedAt.getTime());
    if (sent.some((s) => makesStale(s.event, c.event))) continue;
    if (waiting.some((w) => makesStale(w.event, c.event))) continue;
    waiting = waiting.filter((w) => !hides(c.event, w.event));
    waiting.push(c);
  }
  flush(Infinity);
  return sent;
}
