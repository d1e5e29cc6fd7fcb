/**
 * A synthetic vote-by-mail election for tests, demos and the oracle (docs/elections.md#synthetic-election):
 * for each voter, the story of their mail ballot(s) and the rows a daily VoteCal extract
 * would carry, with the ground truth kept.
 *
 * Pure and deterministic: a voter's story depends only on (seed, election id, voter id),
 * never on the other voters or their order, so a larger file tells the same stories for
 * the voters it shares with a smaller one.
 *
 * The shape (E = election day, all dates in the state's calendar):
 *  - every ACTIVE voter is issued ballot 1 at E-29; it is mailed over the following days
 *    (sent E-29..E-22, most in the first days); for ~10% the extract gives the sent date only
 *    on the day it is mailed (the ISSUED row again, now with the date);
 *  - ~1.5% come back undeliverable (UND) 4–12 days after mailing; of those ~65% get a new
 *    ballot 1–3 days later (reissue: ballot 1 is cancelled, CLD, the same day);
 *  - ~0.8% of voters ask for a replacement (reissue, the old ballot CLD) between E-25 and E-3;
 *  - ~6% vote in person (VCR from E-10, POLL on E) instead of returning the ballot;
 *  - ~78% of the rest return it: INR on the day the county receives it (rising towards E,
 *    postmarked ballots arriving until E+7), a decision 1–6 days later;
 *  - of returned ballots: ~1% not accepted (VAV, BME, VDD, MIA, MRE, NOT for ballots
 *    arriving after E+7, OTH); ~2% a signature problem (NVS, NMS) of which ~65% are cured
 *    (ACCEPTED later, before the cure deadline E+28); ~0.15% INF or NID, half resolved; the
 *    rest ACCEPTED.
 */
import type { BallotMessageKind, ParticipationMethod } from '../persisted.ts';
import { addDays } from '../elections/participation.ts';
import { STATUS_MESSAGE } from './status.ts';

export interface ElectionVoter { voterId: string; countyCode: string; status: string }

export interface GenerateElectionOptions {
  electionId: string;
  /** YYYY-MM-DD */
  electionDate: string;
  seed: number;
}

/** Shares of the model, exported so tests check the output against them. */
export const SHARES = {
  sentDateLater: 0.10,
  undeliverable: 0.015,
  reissueAfterUndeliverable: 0.65,
  inPersonAfterUndeliverable: 0.3,
  voterReplacement: 0.008,
  inPerson: 0.06,
  voteCenterOfInPerson: 0.6,
  returned: 0.78,
  notAccepted: 0.01,
  signature: 0.02,
  signatureCured: 0.65,
  otherContact: 0.0015,
  otherContactResolved: 0.5,
} as const;

/** Days from E-29 a first ballot is mailed: 0..7, weights. */
const SENT_OFFSET_WEIGHTS = [30, 25, 15, 10, 8, 6, 4, 2] as const;
const NOT_ACCEPTED_WEIGHTS: ReadonlyArray<readonly [string, number]> = [['VAV', 12], ['BME', 15], ['VDD', 8], ['MIA', 15], ['MRE', 10], ['NOT', 25], ['OTH', 15]];
export const REASON_TEXT: Readonly<Record<string, string>> = {
  VAV: 'Voter already voted', BME: 'Ballot missing from envelope', VDD: 'Voter deceased',
  MIA: 'Missing or incorrect address on envelope', MRE: 'Multiple ballots returned in one envelope',
  NOT: 'Ballot not received on time', OTH: 'Other reasons', CLD: 'Cancelled: a replacement ballot was issued',
  NVS: 'No voter signature on the return envelope', NMS: 'Signature does not match the signature on file',
  INF: 'Contact your county elections office for further information', NID: 'Identification required (first-time voter)',
  UND: 'Ballot returned to the county as undeliverable',
};
/** Days after E by which a signature problem must be cured. */
export const CURE_DEADLINE_DAYS = 28;

export type Outcome = 'accepted' | 'not_accepted' | 'signature_uncured' | 'contact_county' | 'undeliverable' | 'replaced' | 'in_person' | 'not_returned';

export interface StatusStep { code: string; date: string; reasonText?: string; cureDeadline?: string }

/** The ground truth of one ballot (one line of truth.jsonl). */
export interface BallotStory {
  electionId: string;
  ballotId: string;
  voterId: string;
  countyCode: string;
  issuedDate: string;
  sentDate: string;
  /** The day the extract first gives the sent date (the issue day, or the sent day). */
  sentDateReportedOn: string;
  /** This ballot replaces an earlier one of the voter (Reissued, not a second Outbound). */
  reissueOf: string | null;
  replacedBy: string | null;
  replacementReason: 'undeliverable' | 'voter_request' | null;
  /** Every status in the order it happened, ISSUED first; dates YYYY-MM-DD. */
  statuses: StatusStep[];
  /** Participation history (on the voter's latest ballot only): POLL or VCR and the day. */
  inPerson: { method: ParticipationMethod; date: string } | null;
  outcome: Outcome;
  /** A signature (or ID) problem that the voter fixed in time. */
  cured: boolean;
  /**
   * The messages a subscribed voter is owed for this ballot, at most one per (kind, reason),
   * each not before `notBefore` (before window and quiet hours are applied): Outbound (or
   * Reissued) not before the sent date, then one per status change, In person on its day.
   */
  messages: Array<{ kind: BallotMessageKind; reason: string; notBefore: string }>;
}

/** One row of a daily delta extract (canonical feed columns); `day` names the extract file. */
export interface ExtractRow {
  day: string;
  voterId: string;
  electionId: string;
  ballotId: string;
  countyCode: string;
  statusCode: string;
  statusDate: string;
  issuedDate: string;
  sentDate: string;
  reasonText: string;
  cureDeadline: string;
}

// ---------------------------------------------------------------- randomness

/** 53-bit string hash (cyrb53), to seed each voter's generator from (seed, election, voter). */
function hash53(s: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** sfc32, seeded from a 53-bit number. */
class Rng {
  private a: number; private b: number; private c: number; private d = 1;
  constructor(seed: number) {
    this.a = seed | 0;
    this.b = Math.floor(seed / 4294967296) | 0;
    this.c = 0x9e3779b9;
    for (let i = 0; i < 12; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) + t | 0;
    return t >>> 0;
  }
  float(): number { return this.next() / 4294967296; }
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number { return lo + Math.floor(this.float() * (hi - lo + 1)); }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.float() * total;
    for (const [v, w] of items) { if ((x -= w) < 0) return v; }
    return items[items.length - 1]![0];
  }
}

// ---------------------------------------------------------------- the model

/** Day offsets relative to E of the county receiving a returned ballot, with weights: rising to E, then postmarked arrivals to E+7. */
function returnDayWeights(): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  for (let k = 26; k >= 0; k--) out.push([-k, Math.exp(-k / 9)]);
  for (let j = 1; j <= 7; j++) out.push([j, 0.5 * 0.72 ** (j - 1)]);
  return out;
}
const RETURN_DAYS = returnDayWeights();

interface Draft {
  ballotId: string; issuedDate: string; sentDate: string; sentDateReportedOn: string;
  reissueOf: string | null; replacedBy: string | null; replacementReason: BallotStory['replacementReason'];
  statuses: StatusStep[]; outcome: Outcome; cured: boolean;
}

/**
 * The ballots of one voter in the election: none for a voter who is not ACTIVE, else one,
 * or two when the first was replaced. In-person voting, if any, is on the last one.
 */
export function voterBallotStories(voter: ElectionVoter, opts: GenerateElectionOptions): BallotStory[] {
  if (voter.status !== 'ACTIVE') return [];
  const r = new Rng(hash53(`${opts.electionId}|${voter.voterId}`, opts.seed));
  const E = opts.electionDate;
  const d = (offset: number): string => addDays(E, offset);

  const sentOffset = r.weighted(SENT_OFFSET_WEIGHTS.map((w, i) => [i, w] as const));
  const first: Draft = {
    ballotId: `${voter.voterId}-1`, issuedDate: d(-29), sentDate: d(-29 + sentOffset), sentDateReportedOn: d(-29),
    reissueOf: null, replacedBy: null, replacementReason: null,
    statuses: [{ code: 'ISSUED', date: d(-29) }], outcome: 'not_returned', cured: false,
  };
  if (sentOffset > 0 && r.float() < SHARES.sentDateLater) first.sentDateReportedOn = first.sentDate;
  const drafts = [first];
  let inPerson: BallotStory['inPerson'] = null;

  const u = r.float();
  if (u < SHARES.undeliverable) {
    const undDay = addDays(first.sentDate, r.int(4, 12));
    first.statuses.push({ code: 'UND', date: undDay, reasonText: REASON_TEXT.UND! });
    first.outcome = 'undeliverable';
    if (r.float() < SHARES.reissueAfterUndeliverable) {
      drafts.push(replace(first, addDays(undDay, r.int(1, 3)), 'undeliverable', r));
    } else if (r.float() < SHARES.inPersonAfterUndeliverable) {
      inPerson = { method: 'POLL', date: E };
    }
  } else if (u < SHARES.undeliverable + SHARES.voterReplacement) {
    const earliest = Math.max(-25, -29 + sentOffset + 2);
    drafts.push(replace(first, d(r.int(earliest, -3)), 'voter_request', r));
  } else if (u < SHARES.undeliverable + SHARES.voterReplacement + SHARES.inPerson) {
    inPerson = r.float() < SHARES.voteCenterOfInPerson ? { method: 'VCR', date: d(r.int(-10, -1)) } : { method: 'POLL', date: E };
  }

  const last = drafts[drafts.length - 1]!;
  if (inPerson) last.outcome = 'in_person';
  else if (last.outcome === 'not_returned') returnPath(last, E, r);

  return drafts.map((b, i) => story(voter, opts, b, i === drafts.length - 1 ? inPerson : null));
}

/** Ballot 1 is cancelled and ballot 2 issued the same day, mailed 0–2 days later. */
function replace(first: Draft, day: string, reason: 'undeliverable' | 'voter_request', r: Rng): Draft {
  const second: Draft = {
    ballotId: first.ballotId.replace(/-1$/, '-2'), issuedDate: day, sentDate: addDays(day, r.int(0, 2)), sentDateReportedOn: day,
    reissueOf: first.ballotId, replacedBy: null, replacementReason: reason,
    statuses: [{ code: 'ISSUED', date: day }], outcome: 'not_returned', cured: false,
  };
  first.replacedBy = second.ballotId;
  first.statuses.push({ code: 'CLD', date: day, reasonText: REASON_TEXT.CLD! });
  first.outcome = 'replaced';
  return second;
}

function returnPath(b: Draft, E: string, r: Rng): void {
  if (r.float() >= SHARES.returned) return;
  const d = (offset: number): string => addDays(E, offset);
  const cureBy = d(CURE_DEADLINE_DAYS);
  const u = r.float();
  if (u < SHARES.notAccepted) {
    const code = r.weighted(NOT_ACCEPTED_WEIGHTS);
    b.outcome = 'not_accepted';
    if (code === 'NOT') {
      b.statuses.push({ code, date: d(r.int(8, 14)), reasonText: REASON_TEXT.NOT! });
      return;
    }
    const inr = receivedDay(b, E, r);
    b.statuses.push({ code: 'INR', date: inr }, { code, date: decisionDay(inr, E, r), reasonText: REASON_TEXT[code]! });
    return;
  }
  const inr = receivedDay(b, E, r);
  const decided = decisionDay(inr, E, r);
  b.statuses.push({ code: 'INR', date: inr });
  const contact = u < SHARES.notAccepted + SHARES.signature ? (r.float() < 0.45 ? 'NVS' : 'NMS')
    : u < SHARES.notAccepted + SHARES.signature + SHARES.otherContact ? (r.float() < 0.5 ? 'INF' : 'NID') : null;
  if (contact === null) {
    b.statuses.push({ code: 'ACCEPTED', date: decided });
    b.outcome = 'accepted';
    return;
  }
  b.statuses.push({ code: contact, date: decided, reasonText: REASON_TEXT[contact]!, cureDeadline: cureBy });
  const fixed = r.float() < (contact === 'NVS' || contact === 'NMS' ? SHARES.signatureCured : SHARES.otherContactResolved);
  const fixDay = addDays(decided, r.int(2, 14));
  if (fixed && fixDay <= cureBy) {
    b.statuses.push({ code: 'ACCEPTED', date: fixDay });
    b.outcome = 'accepted';
    b.cured = true;
  } else {
    b.outcome = contact === 'NVS' || contact === 'NMS' ? 'signature_uncured' : 'contact_county';
  }
}

function receivedDay(b: Draft, E: string, r: Rng): string {
  const earliest = addDays(b.sentDate, 3);
  for (;;) {
    const day = addDays(E, r.weighted(RETURN_DAYS));
    if (day >= earliest) return day;
  }
}

function decisionDay(inr: string, E: string, r: Rng): string {
  const day = addDays(inr, r.int(1, 6));
  const last = addDays(E, CURE_DEADLINE_DAYS);
  return day > last ? last : day;
}

function story(voter: ElectionVoter, opts: GenerateElectionOptions, b: Draft, inPerson: BallotStory['inPerson']): BallotStory {
  const messages: BallotStory['messages'] = [];
  const seen = new Set<string>();
  const owe = (kind: BallotMessageKind, reason: string, notBefore: string): void => {
    if (seen.has(`${kind}:${reason}`)) return;
    seen.add(`${kind}:${reason}`);
    messages.push({ kind, reason, notBefore });
  };
  for (const s of b.statuses) {
    if (s.code === 'ISSUED') owe(b.reissueOf ? 'reissued' : 'outbound', b.reissueOf ? 'reissue' : 'ISSUED', b.sentDate);
    else owe(STATUS_MESSAGE[s.code as keyof typeof STATUS_MESSAGE], s.code, s.date);
  }
  if (inPerson) owe('in_person', inPerson.method, inPerson.date);
  return {
    electionId: opts.electionId, ballotId: b.ballotId, voterId: voter.voterId, countyCode: voter.countyCode,
    issuedDate: b.issuedDate, sentDate: b.sentDate, sentDateReportedOn: b.sentDateReportedOn,
    reissueOf: b.reissueOf, replacedBy: b.replacedBy, replacementReason: b.replacementReason,
    statuses: b.statuses, inPerson, outcome: b.outcome, cured: b.cured, messages,
  };
}

/**
 * The extract rows of one ballot: each status on the day it happened, the ISSUED row again
 * on the day the sent date becomes known, and the participation-history row (no ballot ID).
 */
export function extractRows(s: BallotStory): ExtractRow[] {
  const base = { voterId: s.voterId, electionId: s.electionId, countyCode: s.countyCode, issuedDate: s.issuedDate };
  const rows: ExtractRow[] = [];
  for (const st of s.statuses) {
    const sentKnown = st.code !== 'ISSUED' || s.sentDateReportedOn === st.date;
    rows.push({
      ...base, day: st.date, ballotId: s.ballotId, statusCode: st.code, statusDate: st.date,
      sentDate: sentKnown ? s.sentDate : '', reasonText: st.reasonText ?? '', cureDeadline: st.cureDeadline ?? '',
    });
  }
  if (s.sentDateReportedOn !== s.issuedDate) {
    rows.push({ ...base, day: s.sentDateReportedOn, ballotId: s.ballotId, statusCode: 'ISSUED', statusDate: s.issuedDate, sentDate: s.sentDate, reasonText: '', cureDeadline: '' });
  }
  if (s.inPerson) {
    rows.push({ ...base, day: s.inPerson.date, ballotId: '', statusCode: s.inPerson.method, statusDate: s.inPerson.date, issuedDate: '', sentDate: '', reasonText: '', cureDeadline: '' });
  }
  return rows;
}

/** The days of the daily extracts: E-29 through E+30. */
export function extractDays(electionDate: string): string[] {
  return Array.from({ length: 60 }, (_, i) => addDays(electionDate, -29 + i));
}

export const EXTRACT_HEADER = 'voter_id,election_id,ballot_id,county_code,status_code,status_date,issued_date,sent_date,reason_text,cure_deadline';

const NEEDS_QUOTES = /[",\r\n]/;
const field = (v: string): string => (NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function extractLine(r: ExtractRow): string {
  return [r.voterId, r.electionId, r.ballotId, r.countyCode, r.statusCode, r.statusDate, r.issuedDate, r.sentDate, r.reasonText, r.cureDeadline].map(field).join(',') + '\n';
}

/**
 * A "transposition error" extract for the guardrail demo: `share` of the ballots of one county
 * reported VDD (voter deceased) on `day`. Deterministic per (seed, ballot).
 */
export function transposedRow(s: BallotStory, day: string, share: number, seed: number): ExtractRow | null {
  if (new Rng(hash53(`transposed|${s.ballotId}`, seed)).float() >= share) return null;
  return {
    day, voterId: s.voterId, electionId: s.electionId, ballotId: s.ballotId, countyCode: s.countyCode, statusCode: 'VDD',
    statusDate: day, issuedDate: s.issuedDate, sentDate: s.sentDate, reasonText: REASON_TEXT.VDD!, cureDeadline: '',
  };
}
