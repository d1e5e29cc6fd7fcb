import { AppError } from '../errors.ts';
import { INVALID_UTF8 } from '../feeds/csv.ts';
import { isLanguage } from '../persisted.ts';
import type { County } from '../profiles/profile.ts';
import { normalizeName } from './normalize.ts';
import { REQUIRED_VOTER_FIELDS, VOTER_FIELDS, type DateFormat, type FileMapping, type VoterField } from './mapping.ts';

/** A validated voter record, ready for the staging table. Confidential rows carry no personal data. */
export interface CanonicalVoter {
  voterId: string;
  countyCode: string;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  suffix: string | null;
  firstKey: string | null;
  lastKey: string | null;
  dob: string | null;
  zip: string | null;
  status: 'ACTIVE' | 'INACTIVE' | 'CANCELLED' | 'PENDING';
  confidential: boolean;
  email: string | null;
  phone: string | null;
  language: string | null;
  sourceUpdatedAt: string;
}

export type RowResult = { ok: true; voter: CanonicalVoter } | { ok: false; reason: string };

/** Everything row validation needs, prepared once per file. */
export interface RowContext {
  /** index of each canonical field in the file's columns (-1 when the file lacks it) */
  index: Record<VoterField, number>;
  columnCount: number;
  mapping: FileMapping;
  counties: ReadonlyMap<string, string>; // value in the file (code, FIPS or upper-case name) → county code
  onlyCounty: string | null;             // --full --county CODE: every row must be of this county
  today: string;                          // YYYY-MM-DD
  defaultUpdatedAt: string;               // ISO; used when the file has no updated_at column
}

/** Maps the header line onto canonical fields; a missing required column stops the whole file. */
export function resolveHeader(header: readonly string[], mapping: FileMapping): { index: Record<VoterField, number>; columnCount: number } {
  const positions = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const index = {} as Record<VoterField, number>;
  for (const field of VOTER_FIELDS) {
    const name = (mapping.columns[field] ?? field).trim().toLowerCase();
    index[field] = positions.get(name) ?? -1;
  }
  const missing = REQUIRED_VOTER_FIELDS.filter((f) => index[f] < 0).map((f) => mapping.columns[f] ?? f);
  const namesMissing = ['first_name', 'last_name', 'dob', 'zip'].filter((f) => index[f as VoterField] < 0).map((f) => mapping.columns[f as VoterField] ?? f);
  if (missing.length > 0 || namesMissing.length > 0) {
    throw new AppError(400, 'file_header', `line 1: the header lacks required column(s): ${[...missing, ...namesMissing].join(', ')}`);
  }
  return { index, columnCount: header.length };
}

export function countyLookup(counties: readonly County[], by: FileMapping['countyBy']): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of counties) {
    const key = by === 'code' ? c.code : by === 'fips' ? c.fips : c.name.toUpperCase();
    map.set(key, c.code);
    if (by === 'code') map.set(String(Number(c.code)), c.code); // '1' as well as '01'
  }
  return map;
}

const VOTER_ID = /^[A-Za-z0-9-]{1,32}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[A-Za-z]{2,}$/;

/**
 * Validates and converts one data row. Pure; the reason is plain English for the rejects report.
 * `invalidUtf8`: the row's bytes were not valid UTF-8 (`CsvRecord.invalidUtf8`).
 */
export function validateVoterRow(fields: readonly string[], ctx: RowContext, invalidUtf8 = false): RowResult {
  // Hot path of the registry import (a million rows per run): plain loops, no per-row closures.
  if (fields.length !== ctx.columnCount) return { ok: false, reason: `expected ${ctx.columnCount} columns, found ${fields.length}` };
  if (invalidUtf8) return { ok: false, reason: INVALID_UTF8 };
  const ix = ctx.index;

  const voterId = field(fields, ix.voter_id);
  if (voterId === '') return { ok: false, reason: 'missing voter_id' };
  if (!VOTER_ID.test(voterId)) return { ok: false, reason: `voter_id "${voterId}" is not 1–32 letters, digits or dashes` };
  const countyRaw = field(fields, ix.county_code);
  if (countyRaw === '') return { ok: false, reason: 'missing county_code' };
  const countyCode = ctx.counties.get(ctx.mapping.countyBy === 'name' ? countyRaw.toUpperCase() : countyRaw);
  if (countyCode === undefined) return { ok: false, reason: `unknown county "${countyRaw}"` };
  if (ctx.onlyCounty !== null && countyCode !== ctx.onlyCounty) return { ok: false, reason: `county ${countyCode} is not the county of this full file (${ctx.onlyCounty})` };
  const statusRaw = field(fields, ix.status);
  if (statusRaw === '') return { ok: false, reason: 'missing status' };
  const status = ctx.mapping.statusValues[statusRaw.toUpperCase()] ?? canonicalStatus(statusRaw);
  if (status === null) return { ok: false, reason: `unknown status "${statusRaw}"` };
  const confidential = isConfidential(field(fields, ix.confidential), ctx.mapping.confidentialValues);
  const updatedRaw = field(fields, ix.updated_at);
  let sourceUpdatedAt = ctx.defaultUpdatedAt;
  if (ISO_UTC.test(updatedRaw)) sourceUpdatedAt = updatedRaw; // already canonical: PostgreSQL reads it as is
  else if (updatedRaw !== '') {
    const t = Date.parse(updatedRaw);
    if (Number.isNaN(t)) return { ok: false, reason: `updated_at "${updatedRaw}" is not a timestamp` };
    sourceUpdatedAt = new Date(t).toISOString();
  }

  if (confidential) {
    // The registry of a confidential voter is never stored beyond ID, county, status and the flag.
    return { ok: true, voter: { voterId, countyCode, firstName: null, middleName: null, lastName: null, suffix: null, firstKey: null, lastKey: null, dob: null, zip: null, status, confidential, email: null, phone: null, language: null, sourceUpdatedAt } };
  }

  const firstName = field(fields, ix.first_name);
  const lastName = field(fields, ix.last_name);
  if (firstName === '') return { ok: false, reason: 'missing first_name' };
  if (lastName === '') return { ok: false, reason: 'missing last_name' };
  const dobRaw = field(fields, ix.dob);
  if (dobRaw === '') return { ok: false, reason: 'missing dob' };
  const dob = parseFileDate(dobRaw, ctx.mapping.dateFormat);
  if (dob === null) return { ok: false, reason: `dob "${dobRaw}" is not a real date in the format ${ctx.mapping.dateFormat}` };
  if (dob < '1900-01-01') return { ok: false, reason: `dob ${dob} is before 1900-01-01` };
  if (dob > ctx.today) return { ok: false, reason: `dob ${dob} is in the future` };
  const zipRaw = field(fields, ix.zip);
  if (zipRaw === '') return { ok: false, reason: 'missing zip' };
  const zip = zipRaw.length === 5 && isDigits(zipRaw, 0, 5) ? zipRaw : ZIP.test(zipRaw) ? zipRaw.slice(0, 5) : null;
  if (zip === null) return { ok: false, reason: `zip "${zipRaw}" is not a 5-digit ZIP or ZIP+4` };

  const emailRaw = field(fields, ix.email);
  const phoneRaw = field(fields, ix.phone);
  const languageRaw = field(fields, ix.language);
  const middleName = field(fields, ix.middle_name);
  const suffix = field(fields, ix.suffix);
  return {
    ok: true,
    voter: {
      voterId, countyCode,
      firstName, middleName: middleName === '' ? null : middleName, lastName, suffix: suffix === '' ? null : suffix,
      firstKey: normalizeName(firstName), lastKey: normalizeName(lastName),
      dob, zip, status, confidential,
      // Contact details in a registry are often junk; a bad one is dropped, never the voter.
      email: emailRaw === '' ? null : email(emailRaw),
      phone: usPhone(phoneRaw),
      language: languageRaw === '' || !isLanguage(languageRaw) ? null : languageRaw,
      sourceUpdatedAt,
    },
  };
}

/** The trimmed value of column `i`, or '' when the file lacks the column (i < 0). */
function field(fields: readonly string[], i: number): string {
  return i < 0 ? '' : (fields[i] ?? '').trim();
}

const ZIP = /^\d{5}(-?\d{4})?$/;

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isConfidential(value: string, confidentialValues: readonly string[]): boolean {
  return confidentialValues.includes(value.toUpperCase());
}

function email(raw: string): string | null {
  const e = raw.toLowerCase();
  return EMAIL.test(e) ? e : null;
}

function canonicalStatus(s: string): CanonicalVoter['status'] | null {
  const u = s.toUpperCase();
  return u === 'ACTIVE' || u === 'INACTIVE' || u === 'CANCELLED' || u === 'PENDING' ? u : null;
}

/** Parses a date in the file's format into YYYY-MM-DD, or null when it is not a real calendar date. */
export function parseFileDate(s: string, format: DateFormat): string | null {
  if (format === 'YYYY-MM-DD' && s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && isDigits(s, 0, 4) && isDigits(s, 5, 7) && isDigits(s, 8, 10)) {
    // Already canonical (the common case): check the calendar and keep the string as it is.
    const month = (s.charCodeAt(5) - 48) * 10 + s.charCodeAt(6) - 48;
    const day = (s.charCodeAt(8) - 48) * 10 + s.charCodeAt(9) - 48;
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(s.slice(0, 4)), month) ? s : null;
  }
  let y: string, m: string, d: string;
  let match: RegExpExecArray | null;
  switch (format) {
    case 'YYYY-MM-DD': match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s); if (!match) return null; [, y, m, d] = match as unknown as [string, string, string, string]; break;
    case 'MM/DD/YYYY': match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s); if (!match) return null; [, m, d, y] = match as unknown as [string, string, string, string]; break;
    case 'MM-DD-YYYY': match = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s); if (!match) return null; [, m, d, y] = match as unknown as [string, string, string, string]; break;
    case 'YYYYMMDD': match = /^(\d{4})(\d{2})(\d{2})$/.exec(s); if (!match) return null; [, y, m, d] = match as unknown as [string, string, string, string]; break;
  }
  const year = Number(y), month = Number(m), day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A US number in any common punctuation → E.164; anything else → null (kept out, not guessed). */
function usPhone(s: string): string | null {
  if (s === '') return null;
  if (s.startsWith('+') && !s.startsWith('+1')) return /^\+[1-9]\d{6,14}$/.test(s) ? s : null;
  const digits = s.replace(/[\s().+-]/g, '');
  if (/^1?[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return `+1${digits.slice(-10)}`;
  return null;
}
