/**
 * Ballot-status rules (DESIGN §2.4): which message a VoteCal status code
 * triggers, how codes group, and whether an incoming status is news.
 *
 * This is the one place where status code → message lives. "Inbound" (a USPS
 * scan of the return envelope) and "Reissued" (a second ballot in issued status)
 * are derived by their producers; they are not status codes.
 *
 * Pure functions, no I/O.
 */
import { isStatusCode } from '../persisted.ts';
import type { BallotMessageKind, StatusCode } from '../persisted.ts';

/** DESIGN §2.4, row by row. Adding a code to STATUS_CODES fails type checking here until it is mapped. */
export const STATUS_MESSAGE: Readonly<Record<StatusCode, BallotMessageKind>> = Object.freeze({
  ISSUED: 'outbound',
  INR: 'received',
  ACCEPTED: 'accepted',
  VAV: 'not_accepted',
  NVS: 'contact_county',
  NMS: 'contact_county',
  BME: 'not_accepted',
  VDD: 'not_accepted',
  MIA: 'not_accepted',
  MRE: 'not_accepted',
  NOT: 'not_accepted',
  INF: 'contact_county',
  OTH: 'not_accepted',
  UND: 'undeliverable',
  NID: 'contact_county',
  CLD: 'not_accepted',
  POLL: 'in_person',
  VCR: 'in_person',
});

/**
 * The message a status code triggers, or null for a code we do not know.
 * Unknown codes are recorded and reported by ingest, never guessed at.
 * Codes are matched exactly (VoteCal sends them upper case).
 */
export function messageKindForStatus(code: string): BallotMessageKind | null {
  return isStatusCode(code) ? STATUS_MESSAGE[code] : null;
}

/** The county has decided on the returned ballot: accepted or not accepted (VAV, BME, VDD, MIA, MRE, NOT, OTH, CLD). */
export function isDecision(code: string): boolean {
  const kind = messageKindForStatus(code);
  return kind === 'accepted' || kind === 'not_accepted';
}

/** The voter must act (sign, match the signature, give ID, call): NVS, NMS, INF, NID. */
export function needsVoterAction(code: string): boolean {
  return messageKindForStatus(code) === 'contact_county';
}

/**
 * The county holds the returned envelope: INR, any decision, or a code asking
 * the voter to act. Used e.g. to drop USPS scans reported after the county has
 * already logged the ballot.
 *
 * Exception: CLD (cancelled) is a decision but not a return — a ballot is
 * usually cancelled because it was replaced or the voter voted in person, not
 * because it came back.
 */
export function isReturned(code: string): boolean {
  if (code === 'CLD') return false;
  return code === 'INR' || isDecision(code) || needsVoterAction(code);
}

/**
 * Where a code sits in a ballot's life, for breaking ties between two statuses
 * reported for the same date: issued (0), undeliverable (1), in review (2),
 * decided / contact county / voted in person (3). Unknown codes rank with the
 * last group so that they are never silently treated as a step back.
 */
export function lifeStage(code: string): number {
  switch (messageKindForStatus(code)) {
    case 'outbound': return 0;
    case 'undeliverable': return 1;
    case 'received': return 2;
    default: return 3;
  }
}

export type StatusChange = 'new' | 'unchanged' | 'late' | 'changed';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Compares two status dates: -1, 0 or 1. Each is `YYYY-MM-DD` or an ISO 8601
 * timestamp with an offset. When both are timestamps the instants are compared;
 * when either is a bare date, only calendar dates are compared (a timestamp's
 * date as written, in its own offset), because a bare date says nothing about
 * the time of day. Throws RangeError for anything else: ingest validates rows
 * before it classifies them.
 */
export function compareStatusDates(a: string, b: string): -1 | 0 | 1 {
  const ta = parseStatusDate(a);
  const tb = parseStatusDate(b);
  if (DATE_ONLY.test(a) || DATE_ONLY.test(b)) {
    const da = a.slice(0, 10);
    const db = b.slice(0, 10);
    return da < db ? -1 : da > db ? 1 : 0;
  }
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

function parseStatusDate(s: string): number {
  const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
  if (!DATE_ONLY.test(s) && !isoTimestamp.test(s)) throw new RangeError(`not a status date: ${JSON.stringify(s)}`);
  const t = Date.parse(DATE_ONLY.test(s) ? `${s}T00:00:00Z` : s);
  // Date.parse accepts 2026-02-31; round-tripping the date part rejects it.
  if (Number.isNaN(t) || (DATE_ONLY.test(s) && new Date(t).toISOString().slice(0, 10) !== s)) {
    throw new RangeError(`not a status date: ${JSON.stringify(s)}`);
  }
  return t;
}

/**
 * Whether an incoming status for a ballot is news, given the ballot's current one.
 *
 * - no current status → 'new'
 * - incoming date earlier than the current one → 'late': recorded, triggers nothing
 *   (DESIGN §2.4: "a status older than the ballot's current one is recorded, not messaged")
 * - same code, same date → 'unchanged' (a feed sent twice)
 * - same code, later date → 'changed' (the record's date moves; the message
 *   idempotency key still prevents a second message of the same kind and reason)
 * - different code, later date → 'changed'
 * - different code, SAME date: the feed's latest word wins ('changed') — e.g.
 *   NVS then ACCEPTED on one day is a cure — unless the incoming code is an
 *   earlier step of the ballot's life than the current one (INR after ACCEPTED,
 *   ISSUED after INR on one day): date-only feeds cannot order those, and a
 *   step back would send a stale message, so it is 'late'.
 */
export function classifyStatusChange(
  current: { code: string; statusDate: string } | null,
  incoming: { code: string; statusDate: string },
): StatusChange {
  if (current === null) return 'new';
  const cmp = compareStatusDates(incoming.statusDate, current.statusDate);
  if (cmp < 0) return 'late';
  if (cmp > 0) return 'changed';
  if (incoming.code === current.code) return 'unchanged';
  return lifeStage(incoming.code) < lifeStage(current.code) ? 'late' : 'changed';
}
