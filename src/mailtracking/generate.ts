/**
 * Deterministic synthetic mail tracking for demos, tests and benchmarks: from ballots (voter,
 * ballot, county, sent date, returned date) the print vendor's tracking file and USPS scan rows.
 * Same input and options → the same lines, on any machine. Pure: no I/O, no clock.
 *
 * Envelope i of the list gets serial `serialStart + i` under the mailer ID, service type 300
 * outbound and 777 for the return envelope (DESIGN §2.5), so the scans of the same ballot list
 * always carry the IMBs of its tracking file.
 */
import type { EnvelopeDirection } from '../persisted.ts';
import { RETURN_SERVICE_TYPE } from './tracking-row.ts';

export interface MailBallot {
  electionId: string;
  ballotId: string;
  voterId: string;
  countyCode: string;
  /** YYYY-MM-DD: the day the outbound envelope entered the mail; null: not mailed (no scans). */
  sentDate: string | null;
  /** YYYY-MM-DD: the day the voter mailed the ballot back; null: not (yet) returned by mail. */
  returnedDate: string | null;
}

export interface MailTrackingOptions {
  /** 6-digit mailer ID (0-8 first digit). Default '314159'. */
  mailerId?: string;
  /** First serial number (9 digits with a 6-digit mailer ID). Default 1. */
  serialStart?: number;
  seed?: number;
  /** Facility ZIPs scans happen at (known to the facility directory). Default: California processing centres. */
  facilities?: readonly string[];
  /** Scans later than this (facility-local time read as UTC) are left out: they have not happened yet. */
  asOf?: Date;
  /** Share of envelopes USPS never scans. Default 0.05. */
  unscannedShare?: number;
  /**
   * Share of ballots without a returned date whose voter mails them back anyway, 5-15 days
   * after they were sent (in the mail, not yet logged by the county). Default 0.
   */
  mailBackShare?: number;
}

export interface TrackedPiece { ballot: MailBallot; direction: EnvelopeDirection; imb: string; routing: string }

export const DEFAULT_FACILITIES: Readonly<Record<'ca' | 'co', readonly string[]>> = {
  ca: ['94615', '90052', '95813', '92199', '93706'],
  co: ['80266', '80910', '81501', '80525', '81003'],
};

/** The outbound and return envelope of every ballot, with their IMBs. */
export function* trackedPieces(ballots: Iterable<MailBallot>, options: MailTrackingOptions = {}): Generator<TrackedPiece> {
  const mailerId = options.mailerId ?? '314159';
  if (!/^[0-8]\d{5}$/.test(mailerId)) throw new RangeError('mailerId must be 6 digits, the first 0-8');
  let serial = options.serialStart ?? 1;
  for (const ballot of ballots) {
    if (serial > 999_999_999) throw new RangeError('serial numbers exhausted (9 digits)');
    const s = String(serial++).padStart(9, '0');
    yield { ballot, direction: 'outbound', imb: `00300${mailerId}${s}`, routing: '' };
    yield { ballot, direction: 'inbound', imb: `00${RETURN_SERVICE_TYPE}${mailerId}${s}`, routing: '' };
  }
}

export const TRACKING_FILE_HEADER = 'imb,routing_code,election_id,voter_id,ballot_id,direction,mail_date';

/** The tracking file (CSV, docs/feeds/tracking.md), header first, one line each (no newline). */
export function* trackingFileLines(pieces: Iterable<TrackedPiece>): Generator<string> {
  yield TRACKING_FILE_HEADER;
  for (const p of pieces) {
    const b = p.ballot;
    yield [p.imb, p.routing, b.electionId, b.voterId, b.ballotId, p.direction, b.sentDate ?? ''].map(csvField).join(',');
  }
}

export const SCAN_FILE_HEADER = 'facility_zip|operation_code|scan_time|routing_code|tracking_code';

export interface GeneratedScan { facilityZip: string; operationCode: string; localTime: string; routing: string; imb: string }

/**
 * The USPS scans of the envelopes, in facility-local time: outbound on its sent day (origin),
 * the night after (destination) and the morning after that (delivery sequence, op 919); the
 * return envelope on the day it was mailed back and the night after.
 */
export function* generatedScans(pieces: Iterable<TrackedPiece>, options: MailTrackingOptions = {}): Generator<GeneratedScan> {
  const facilities = options.facilities ?? DEFAULT_FACILITIES.ca;
  const unscanned = options.unscannedShare ?? 0.05;
  const mailBack = options.mailBackShare ?? 0;
  const limit = options.asOf?.getTime() ?? Infinity;
  const seed = options.seed ?? 1;
  for (const p of pieces) {
    const random = mulberry32(hash(`${seed}/${p.imb}`));
    if (random() < unscanned) continue;
    const origin = facilities[Math.floor(random() * facilities.length)]!;
    const destination = facilities[Math.floor(random() * facilities.length)]!;
    const steps: Array<[day: string, fromHour: number, zip: string, op: string]> = [];
    if (p.direction === 'outbound') {
      const sent = p.ballot.sentDate;
      if (sent === null) continue;
      steps.push([sent, 18, origin, '891'], [addDays(sent, 1), 1, destination, '911'], [addDays(sent, 2), 4, destination, '919']);
    } else {
      const returned = p.ballot.returnedDate
        ?? (p.ballot.sentDate !== null && random() < mailBack ? addDays(p.ballot.sentDate, 5 + Math.floor(random() * 11)) : null);
      if (returned === null) continue;
      steps.push([returned, 17, destination, '891'], [addDays(returned, 1), 2, origin, '919']);
    }
    for (const [day, fromHour, zip, op] of steps) {
      const localTime = `${day} ${pad(fromHour + Math.floor(random() * 4))}:${pad(Math.floor(random() * 60))}:${pad(Math.floor(random() * 60))}`;
      if (Date.parse(`${day}T${localTime.slice(11)}Z`) > limit) break;
      yield { facilityZip: zip, operationCode: op, localTime, routing: p.routing, imb: p.imb };
    }
  }
}

/** Scan file lines (pipe-delimited, docs/feeds/scans.md), header first. */
export function* scanFileLines(scans: Iterable<GeneratedScan>): Generator<string> {
  yield SCAN_FILE_HEADER;
  for (const s of scans) yield `${s.facilityZip}|${s.operationCode}|${s.localTime}|${s.routing}|${s.imb}`;
}

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** FNV-1a, 32 bits. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
