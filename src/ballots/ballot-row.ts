/**
 * Validation of one row of the ballot-status feed (docs/feeds/ballots.md). Pure: the
 * ingest prepares a context once per file and calls `validateBallotRow` per row. A bad row
 * is rejected with a reason in plain words; an unknown status code is NOT a bad row — it is
 * kept as written, recorded and reported, never guessed at.
 */
import { DateTime } from 'luxon';
import { AppError } from '../errors.ts';
import { isStatusCode, PARTICIPATION_METHODS } from '../persisted.ts';
import type { County } from '../profiles/profile.ts';
import { countyLookup, parseFileDate } from '../registry/voter-row.ts';
import { startOfLocalDay } from '../elections/window.ts';
import { BALLOT_FIELDS, REQUIRED_BALLOT_COLUMNS, type BallotField, type BallotMapping } from './feed.ts';

/** A validated row, ready for the staging table. */
export interface CanonicalBallotRow {
  voterId: string;
  electionId: string;
  /** null only on participation-history rows (POLL, VCR). */
  ballotId: string | null;
  countyCode: string;
  /** Canonical code after the mapping, or the file's own word when it is unknown. */
  statusCode: string;
  /** ISO instant: the timestamp, or 00:00 of the bare date in the state's time zone. */
  statusDate: string;
  /** YYYY-MM-DD as written (a timestamp's date in its own offset). */
  statusDay: string;
  dateOnly: boolean;
  issuedDate: string | null;
  sentDate: string | null;
  reasonText: string | null;
  cureDeadline: string | null;
}

export type BallotRowResult = { ok: true; row: CanonicalBallotRow } | { ok: false; reason: string };

export interface BallotRowContext {
  /** index of each canonical field in the row (-1 when absent) */
  index: Record<BallotField, number>;
  columnCount: number;
  mapping: BallotMapping;
  /** value in the file (code, FIPS or upper-case name) → county code */
  counties: ReadonlyMap<string, string>;
  /** known elections → election day */
  elections: ReadonlyMap<string, string>;
  /** --election: the election of rows whose election_id is absent or empty */
  defaultElection: string | null;
  /** a snapshot covers one county of one election: every row must be of it */
  snapshot: { county: string; election: string } | null;
  /** the profile's and the mapping's status words → canonical codes */
  statusCodes: ReadonlyMap<string, string>;
  /** YYYY-MM-DD → ISO instant of 00:00 that day in the state's time zone (cached) */
  dayStart: (day: string) => string;
  timeZone: string;
  /** Parsed dates by their text: a feed repeats a few dozen dates a million times. */
  cache: {
    statusDates: Map<string, StatusDate | null>;
    dates: Map<string, string | null>;
    /** election day → status day → within a year of it */
    nearElection: Map<string, Map<string, boolean>>;
  };
}

export interface StatusDate { instant: string; day: string; dateOnly: boolean }

/** Maps the header onto canonical fields; a missing required column stops the whole file. */
export function resolveBallotHeader(header: readonly string[], mapping: BallotMapping, hasDefaultElection: boolean): { index: Record<BallotField, number>; columnCount: number } {
  const positions = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const index = {} as Record<BallotField, number>;
  for (const field of BALLOT_FIELDS) index[field] = positions.get((mapping.columns[field] ?? field).trim().toLowerCase()) ?? -1;
  const missing = REQUIRED_BALLOT_COLUMNS
    .filter((f) => index[f] < 0 && !(f === 'election_id' && hasDefaultElection))
    .map((f) => mapping.columns[f] ?? f);
  if (missing.length > 0) throw new AppError(400, 'file_header', `line 1: the header lacks required column(s): ${missing.join(', ')}`);
  return { index, columnCount: header.length };
}

/** Builds the per-file context (everything but the header). */
export function ballotRowContext(input: {
  header: { index: Record<BallotField, number>; columnCount: number };
  mapping: BallotMapping;
  counties: readonly County[];
  elections: ReadonlyMap<string, string>;
  defaultElection: string | null;
  snapshot: { county: string; election: string } | null;
  profileStatusCodes: Readonly<Record<string, string>>;
  timeZone: string;
}): BallotRowContext {
  const starts = new Map<string, string>();
  const tz = input.timeZone;
  return {
    ...input.header,
    mapping: input.mapping,
    counties: countyLookup(input.counties, input.mapping.countyBy),
    elections: input.elections,
    defaultElection: input.defaultElection,
    snapshot: input.snapshot,
    statusCodes: new Map([...Object.entries(input.profileStatusCodes), ...Object.entries(input.mapping.statusCodes)]),
    timeZone: tz,
    cache: { statusDates: new Map(), dates: new Map(), nearElection: new Map() },
    dayStart: (day) => {
      let s = starts.get(day);
      if (s === undefined) {
        s = startOfLocalDay(day, tz).toISOString();
        starts.set(day, s);
      }
      return s;
    },
  };
}

const VOTER_ID = /^[A-Za-z0-9-]{1,32}$/;
const BALLOT_ID = /^[A-Za-z0-9_.:/#-]{1,64}$/;
const CODE = /^[\x21-\x7E]{1,32}$/;
const TS_OFFSET = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})$/;
const TS_LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/;
const MAX_DAYS_FROM_ELECTION = 366;

/**
 * A status date: a bare date in the mapping's format, an ISO 8601 timestamp with an offset
 * ('Z', '+02:00' or '+0200'), or one without an offset, read in the state's time zone.
 */
export function parseStatusDate(raw: string, ctx: Pick<BallotRowContext, 'mapping' | 'dayStart' | 'timeZone'>): StatusDate | null {
  const date = parseFileDate(raw, ctx.mapping.dateFormat);
  if (date !== null) return { instant: ctx.dayStart(date), day: date, dateOnly: true };
  let m = TS_OFFSET.exec(raw);
  if (m) {
    const [, day, time, offset] = m as unknown as [string, string, string, string];
    if (parseFileDate(day, 'YYYY-MM-DD') === null) return null;
    const off = offset === 'Z' ? 'Z' : offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
    const t = Date.parse(`${day}T${time}${off}`);
    return Number.isNaN(t) ? null : { instant: new Date(t).toISOString(), day, dateOnly: false };
  }
  m = TS_LOCAL.exec(raw);
  if (m) {
    const [, day, time] = m as unknown as [string, string, string];
    if (parseFileDate(day, 'YYYY-MM-DD') === null) return null;
    const d = DateTime.fromISO(`${day}T${time}`, { zone: ctx.timeZone });
    return d.isValid ? { instant: d.toUTC().toISO()!, day, dateOnly: false } : null;
  }
  return null;
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

const CACHE_LIMIT = 50_000;

/** `fn(key)`, remembered; the cache starts over when it grows past CACHE_LIMIT (a feed of distinct timestamps). */
function cached<V>(map: Map<string, V>, key: string, fn: (k: string) => V): V {
  let v = map.get(key);
  if (v === undefined && !map.has(key)) {
    if (map.size >= CACHE_LIMIT) map.clear();
    v = fn(key);
    map.set(key, v);
  }
  return v as V;
}

/** Validates and converts one data row. Pure; the reason is plain English for the rejects report. */
export function validateBallotRow(fields: readonly string[], ctx: BallotRowContext): BallotRowResult {
  if (fields.length !== ctx.columnCount) return { ok: false, reason: `expected ${ctx.columnCount} columns, found ${fields.length}` };
  for (const v of fields) if (v.includes('\uFFFD')) return { ok: false, reason: 'invalid UTF-8 byte sequence' };
  const get = (f: BallotField): string => {
    const i = ctx.index[f];
    return i < 0 ? '' : (fields[i] ?? '').trim();
  };

  const voterId = get('voter_id');
  if (voterId === '') return { ok: false, reason: 'missing voter_id' };
  if (!VOTER_ID.test(voterId)) return { ok: false, reason: `voter_id "${voterId}" is not 1–32 letters, digits or dashes` };

  const electionId = get('election_id') || ctx.defaultElection || '';
  if (electionId === '') return { ok: false, reason: 'missing election_id' };
  const electionDate = ctx.elections.get(electionId);
  if (electionDate === undefined) return { ok: false, reason: `unknown election "${electionId}" (create it first: ballotline elections create)` };

  const countyRaw = get('county_code');
  if (countyRaw === '') return { ok: false, reason: 'missing county_code' };
  const countyCode = ctx.counties.get(ctx.mapping.countyBy === 'name' ? countyRaw.toUpperCase() : countyRaw);
  if (countyCode === undefined) return { ok: false, reason: `unknown county "${countyRaw}"` };
  if (ctx.snapshot && (countyCode !== ctx.snapshot.county || electionId !== ctx.snapshot.election)) {
    return { ok: false, reason: `row of county ${countyCode}, election ${electionId}: this snapshot is of county ${ctx.snapshot.county}, election ${ctx.snapshot.election}` };
  }

  const codeRaw = get('status_code');
  if (codeRaw === '') return { ok: false, reason: 'missing status_code' };
  const statusCode = ctx.statusCodes.get(codeRaw) ?? codeRaw;
  if (!CODE.test(statusCode)) return { ok: false, reason: `status_code "${codeRaw}" is not 1–32 printable characters without spaces` };
  const participation = (PARTICIPATION_METHODS as readonly string[]).includes(statusCode);

  const ballotRaw = get('ballot_id');
  if (ballotRaw === '' && !participation) {
    return { ok: false, reason: isStatusCode(statusCode) ? 'missing ballot_id' : `missing ballot_id (status code "${statusCode}" is unknown, and only POLL and VCR rows may lack a ballot)` };
  }
  if (ballotRaw !== '' && !BALLOT_ID.test(ballotRaw)) return { ok: false, reason: `ballot_id "${ballotRaw}" is not 1–64 letters, digits or _ . : / # -` };

  const dateRaw = get('status_date');
  if (dateRaw === '') return { ok: false, reason: 'missing status_date' };
  const status = cached(ctx.cache.statusDates, dateRaw, (k) => parseStatusDate(k, ctx));
  if (status === null) return { ok: false, reason: `status_date "${dateRaw}" is not a real date (${ctx.mapping.dateFormat}) or an ISO 8601 timestamp` };
  let near = ctx.cache.nearElection.get(electionDate);
  if (near === undefined) ctx.cache.nearElection.set(electionDate, near = new Map());
  if (!cached(near, status.day, (day) => daysApart(day, electionDate) <= MAX_DAYS_FROM_ELECTION)) {
    return { ok: false, reason: `status_date ${status.day} is more than a year from election day ${electionDate} of ${electionId}` };
  }

  const dates: Partial<Record<'issued_date' | 'sent_date' | 'cure_deadline', string | null>> = {};
  for (const f of ['issued_date', 'sent_date', 'cure_deadline'] as const) {
    const raw = get(f);
    if (raw === '') { dates[f] = null; continue; }
    const d = cached(ctx.cache.dates, raw, (k) => parseFileDate(k, ctx.mapping.dateFormat));
    if (d === null) return { ok: false, reason: `${f} "${raw}" is not a real date in the format ${ctx.mapping.dateFormat}` };
    dates[f] = d;
  }
  const reason = get('reason_text');
  if (reason.length > 1000) return { ok: false, reason: 'reason_text is longer than 1000 characters' };

  return {
    ok: true,
    row: {
      voterId, electionId, ballotId: ballotRaw === '' ? null : ballotRaw, countyCode, statusCode,
      statusDate: status.instant, statusDay: status.day, dateOnly: status.dateOnly,
      issuedDate: dates.issued_date ?? null, sentDate: dates.sent_date ?? null,
      reasonText: reason === '' ? null : reason, cureDeadline: dates.cure_deadline ?? null,
    },
  };
}
