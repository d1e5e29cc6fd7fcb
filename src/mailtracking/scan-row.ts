/**
 * Validation of one USPS scan, from a delimited file row or an IV-MTR push event, into the
 * row that is staged for the database. Pure functions (the facility lookup is passed in).
 *
 * A scan time with an offset (`…Z`, `…-07:00`) is an instant. One without is the facility's
 * local time, as IV's delimited files give it, and is turned into UTC with the time zone of
 * the facility's ZIP (local-time.ts, which also says how DST edges are read).
 */
import { ImbError, decodeImb, parseImbFields } from './imb.ts';
import { scanMeaning } from './scan-meaning.ts';
import { utcFromLocal } from './local-time.ts';
import type { FacilityLookup } from './facility.ts';
import type { ScanMeaning } from '../persisted.ts';

/** One scan as either source gives it, before validation. */
export interface ScanInput {
  /** Tracking code (20 digits), tracking + routing (25, 29 or 31 digits) or the 65 bars. */
  imb: string;
  /** Routing code when given apart from `imb`. */
  routing?: string | null;
  eventCode: string;
  facilityZip: string | null;
  time: string;
  facilityCity?: string | null;
  facilityState?: string | null;
  mailPhase?: string | null;
  handlingEventType?: string | null;
}

export interface StagedScan {
  imb: string;
  routing: string;
  /** The scan's instant, in milliseconds since the epoch (UTC). */
  scannedAtMs: number;
  eventCode: string;
  facilityZip: string | null;
  facilityCity: string | null;
  facilityState: string | null;
  mailPhase: string | null;
  handlingEventType: string | null;
  meaning: ScanMeaning;
}

export type ScanCheck = { ok: true; scan: StagedScan } | { ok: false; reason: string };

export interface ScanContext {
  facilities: FacilityLookup;
  /** Scans later than this (plus a day of slack for clocks) are refused as impossible. */
  now: Date;
}

const EARLIEST = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

export function validateScan(input: ScanInput, ctx: ScanContext): ScanCheck {
  if (input.imb.trim() === '') return { ok: false, reason: 'missing IMB' };
  if (input.time.trim() === '') return { ok: false, reason: 'missing scan time' };
  if (input.eventCode.trim() === '') return { ok: false, reason: 'missing operation code (scan event code)' };
  const imb = splitImb(input.imb, input.routing ?? '');
  if (typeof imb === 'string') return { ok: false, reason: imb };
  const eventCode = input.eventCode.trim();
  if (!/^[A-Za-z0-9]{1,8}$/.test(eventCode)) return { ok: false, reason: `operation code "${eventCode}" is not 1-8 letters or digits` };
  const zipRaw = input.facilityZip?.trim() ?? '';
  if (zipRaw !== '' && !/^\d{5}(-?\d{4})?$/.test(zipRaw)) return { ok: false, reason: `facility ZIP "${zipRaw}" is not a ZIP code` };
  const facility = zipRaw === '' ? null : ctx.facilities(zipRaw.slice(0, 5));
  const time = parseScanTime(input.time.trim());
  if (time === null) return { ok: false, reason: `scan time "${input.time.trim()}" is not a date and time (YYYY-MM-DD HH:MM:SS or MM/DD/YYYY HH:MM:SS, optionally with an offset)` };
  const [y, mo, d, h, mi, sec, ms] = time.parts;
  let instant: number;
  if (time.offsetMinutes !== null) {
    instant = Date.UTC(y, mo - 1, d, h, mi, sec, ms) - time.offsetMinutes * 60_000;
  } else {
    if (facility === null) return { ok: false, reason: 'scan time has no offset and no facility ZIP: the local time cannot be placed' };
    if (facility.timeZone === null) return { ok: false, reason: `unknown facility ZIP ${facility.zip}: its time zone is not known, so the local scan time cannot be turned into UTC` };
    instant = utcFromLocal(facility.timeZone, y, mo, d, h, mi, sec, ms);
  }
  if (instant < EARLIEST) return { ok: false, reason: `scan time ${input.time.trim()} is before 2000` };
  if (instant > ctx.now.getTime() + DAY_MS) return { ok: false, reason: `scan time ${input.time.trim()} is in the future` };
  const mailPhase = blankToNull(input.mailPhase);
  return {
    ok: true,
    scan: {
      imb: imb.tracking,
      routing: imb.routing,
      scannedAtMs: instant,
      eventCode,
      facilityZip: facility?.zip ?? null,
      facilityCity: blankToNull(input.facilityCity) ?? facility?.city ?? null,
      facilityState: blankToNull(input.facilityState)?.toUpperCase() ?? facility?.state ?? null,
      mailPhase,
      handlingEventType: blankToNull(input.handlingEventType),
      meaning: scanMeaning(eventCode, mailPhase),
    },
  };
}

/**
 * Splits an IMB field into tracking and routing codes and validates both; returns the reason
 * when it is not a valid IMB. A routing code inside `imb` wins over a separate one only when
 * they agree (or the separate one is empty).
 */
export function splitImb(imbField: string, routingField: string): { tracking: string; routing: string } | string {
  // Fast path, the usual row: a bare 20-digit tracking code with a valid barcode ID.
  if (routingField === '' && imbField.length === 20 && TRACKING_20.test(imbField) && imbField.charCodeAt(1) <= 0x34) return { tracking: imbField, routing: '' };
  const raw = imbField.trim().toUpperCase();
  const separate = routingField.trim();
  let tracking: string;
  let routing: string;
  if (/^[FADT]{65}$/.test(raw)) {
    try {
      const d = decodeImb(raw);
      tracking = d.tracking;
      routing = d.routingCode;
    } catch (err) {
      if (err instanceof ImbError) return `IMB bars do not decode: ${err.message}`;
      throw err;
    }
  } else {
    const digits = raw.replace(/[\s-]/g, '');
    if (!/^\d+$/.test(digits)) return `IMB "${imbField.trim()}" must be digits (tracking code, optionally followed by the routing code) or 65 bars of F, A, D, T`;
    if (![20, 25, 29, 31].includes(digits.length)) return `IMB "${imbField.trim()}" has ${digits.length} digits; expected 20 (tracking code) or 25, 29 or 31 (with the routing code)`;
    tracking = digits.slice(0, 20);
    routing = digits.slice(20);
  }
  if (separate !== '') {
    if (routing !== '' && routing !== separate) return `IMB routing code ${routing} differs from the routing_code column ${separate}`;
    routing = separate;
  }
  try {
    parseImbFields(tracking, routing);
  } catch (err) {
    if (err instanceof ImbError) return `invalid IMB: ${err.message}`;
    throw err;
  }
  return { tracking, routing };
}

const TRACKING_20 = /^\d{20}$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*([AP]M)?$/i;

export interface ScanTime {
  /** year, month (1-12), day, hour, minute, second, millisecond, as written. */
  parts: [number, number, number, number, number, number, number];
  /** Minutes east of UTC when the time carries an offset ('Z', '-07:00'); null for a local time. */
  offsetMinutes: number | null;
}

/** Parses a scan time; null when it is not a real date and time. Allocation-light: it runs per row. */
export function parseScanTime(text: string): ScanTime | null {
  let y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string | undefined;
  let offsetMinutes: number | null = null;
  // Fast path, the usual row: 'YYYY-MM-DD HH:MM:SS' (or with 'T'), read digit by digit; the
  // same numbers the ISO pattern gives, checked the same way below.
  if (text.length === 19 && isPlainIso(text)) {
    y = digits(text, 0, 4); mo = digits(text, 5, 2); d = digits(text, 8, 2);
    h = digits(text, 11, 2); mi = digits(text, 14, 2); s = digits(text, 17, 2);
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
    return { parts: [y, mo, d, h, mi, s, 0], offsetMinutes: null };
  }
  let m = ISO.exec(text);
  if (m) {
    y = +m[1]!; mo = +m[2]!; d = +m[3]!; h = +m[4]!; mi = +m[5]!; s = m[6] === undefined ? 0 : +m[6];
    frac = m[7];
    const off = m[8];
    if (off !== undefined) {
      let oh = 0;
      let om = 0;
      if (off !== 'Z' && off !== 'z') {
        const digits = off.length === 6 ? off.slice(1, 3) + off.slice(4) : off.slice(1);
        oh = +digits.slice(0, 2);
        om = digits.length > 2 ? +digits.slice(2) : 0;
        if (oh > 14 || om > 59) return null;
      }
      offsetMinutes = (off[0] === '-' ? -1 : 1) * (oh * 60 + om);
    }
  } else {
    m = US.exec(text);
    if (!m) return null;
    mo = +m[1]!; d = +m[2]!; y = +m[3]!; h = +m[4]!; mi = +m[5]!; s = m[6] === undefined ? 0 : +m[6];
    frac = m[7];
    const half = m[8];
    if (half !== undefined) {
      if (h < 1 || h > 12) return null;
      h = (h % 12) + (half === 'PM' || half === 'pm' || half === 'Pm' || half === 'pM' ? 12 : 0);
    }
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const ms = frac === undefined ? 0 : frac.length >= 3 ? +frac.slice(0, 3) : +frac.padEnd(3, '0');
  return { parts: [y, mo, d, h, mi, s, ms], offsetMinutes };
}

/** 'DDDD-DD-DD[ T]DD:DD:DD' with D an ASCII digit. */
function isPlainIso(t: string): boolean {
  for (let i = 0; i < 19; i++) {
    const c = t.charCodeAt(i);
    switch (i) {
      case 4: case 7: if (c !== 0x2d) return false; break; // '-'
      case 10: if (c !== 0x20 && c !== 0x54) return false; break; // ' ' or 'T'
      case 13: case 16: if (c !== 0x3a) return false; break; // ':'
      default: if (c < 0x30 || c > 0x39) return false;
    }
  }
  return true;
}

function digits(t: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + (t.charCodeAt(i) - 0x30);
  return n;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1]!;
}

function blankToNull(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

// ---------------------------------------------------------------- delimited scan files

/** Columns of a scan file, by canonical name. */
export const SCAN_FILE_COLUMNS = [
  'facility_zip', 'operation_code', 'scan_time', 'routing_code', 'tracking_code',
  'imb', 'facility_city', 'facility_state', 'mail_phase', 'handling_event_type',
] as const;
export type ScanFileColumn = (typeof SCAN_FILE_COLUMNS)[number];

/** A file without a header line has these five columns, in this order (DESIGN §2.5). */
export const HEADERLESS_SCAN_COLUMNS: readonly ScanFileColumn[] = ['facility_zip', 'operation_code', 'scan_time', 'routing_code', 'tracking_code'];

/** Header names accepted for each column, compared without case, spaces, '_' or '-'. */
const SCAN_ALIASES: Readonly<Record<ScanFileColumn, readonly string[]>> = {
  facility_zip: ['facilityzip', 'scanfacilityzip', 'facilityzipcode', 'scanfacilityzipcode'],
  operation_code: ['operationcode', 'opcode', 'operation', 'scaneventcode', 'eventcode'],
  scan_time: ['scantime', 'scandatetime', 'localscantime', 'scandatetimelocal', 'scantimestamp'],
  routing_code: ['routingcode', 'imbroutingcode', 'routing'],
  tracking_code: ['trackingcode', 'imbtrackingcode', 'tracking'],
  imb: ['imb', 'imbcode', 'intelligentmailbarcode'],
  facility_city: ['facilitycity', 'scanfacilitycity'],
  facility_state: ['facilitystate', 'scanfacilitystate'],
  mail_phase: ['mailphase'],
  handling_event_type: ['handlingeventtype'],
};

export type ScanColumnIndex = Readonly<Record<ScanFileColumn, number>>;

const squash = (name: string): string => name.toLowerCase().replace(/[\s_\-.]/g, '');

/**
 * Reads the first record: a header naming the columns, or (five fields, none a known
 * name) the first data row of a headerless file. Throws the reason when required columns
 * are missing.
 */
export function resolveScanHeader(fields: readonly string[]): { index: ScanColumnIndex; headerless: boolean } {
  const squashed = fields.map(squash);
  const index = Object.fromEntries(SCAN_FILE_COLUMNS.map((c) => [c, squashed.findIndex((f) => SCAN_ALIASES[c].includes(f))])) as Record<ScanFileColumn, number>;
  const known = Object.values(index).filter((i) => i >= 0).length;
  if (known === 0 && fields.length === HEADERLESS_SCAN_COLUMNS.length) {
    const positional = Object.fromEntries(SCAN_FILE_COLUMNS.map((c) => [c, HEADERLESS_SCAN_COLUMNS.indexOf(c)])) as Record<ScanFileColumn, number>;
    return { index: positional, headerless: true };
  }
  const missing = (['facility_zip', 'operation_code', 'scan_time'] as const).filter((c) => index[c] < 0);
  if (index.tracking_code < 0 && index.imb < 0) missing.push('tracking_code (or imb)' as never);
  if (missing.length > 0) throw new Error(`the header lacks required column(s): ${missing.join(', ')}`);
  return { index, headerless: false };
}

/** One file row as a ScanInput, or the reason it cannot be one. */
export function scanInputFromFields(fields: readonly string[], index: ScanColumnIndex, width: number): ScanInput | string {
  if (fields.length !== width) return `expected ${width} columns, found ${fields.length}`;
  const tracking = field(fields, index.tracking_code).trim();
  return {
    imb: tracking !== '' ? tracking : field(fields, index.imb),
    routing: field(fields, index.routing_code),
    eventCode: field(fields, index.operation_code),
    facilityZip: field(fields, index.facility_zip),
    time: field(fields, index.scan_time),
    facilityCity: field(fields, index.facility_city),
    facilityState: field(fields, index.facility_state),
    mailPhase: field(fields, index.mail_phase),
    handlingEventType: field(fields, index.handling_event_type),
  };
}

/** The field at `i` of a row, '' for a column the file does not have (-1). */
function field(fields: readonly string[], i: number): string {
  return i >= 0 ? fields[i] ?? '' : '';
}

/** The delimiter of a delimited file, from its first line: '|', tab or ','. */
export function detectDelimiter(firstLine: string): string {
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates: Array<[string, number]> = [['|', count('|')], ['\t', count('\t')], [',', count(',')]];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}
