/**
 * Voter identity normalisation (DESIGN §2.1): the match key of a name, the ZIP
 * and the date of birth. The same functions run on what a voter types at
 * sign-up and on every row of a registry import, so both sides meet on the
 * same keys. Pure; no I/O.
 */

// ---------------------------------------------------------------- names

/**
 * Characters that join or decorate the parts of a name but are not letters of
 * it; the match key drops them all:
 * - whitespace, and invisible format characters (\p{Cf}: soft hyphen,
 *   zero-width space and joiners, bidi marks, BOM) that copy-paste brings along;
 * - hyphens: every dash (\p{Pd}: - ‐ ‑ ‒ – — ―, Hebrew maqaf, …) and the minus sign −;
 * - apostrophes: ' ‘ ’ ʼ, the ʻokina ʻ and the backtick ` (´ needs no entry:
 *   compatibility decomposition turns it into a space and a combining acute);
 * - periods: . and the middle dots · (Catalan l·l) and ・ (between the
 *   given and family names of a name written in katakana).
 * Full-width and other compatibility forms of these (－ ＇ ． ･) are covered
 * because the key is taken after compatibility decomposition.
 */
const SEPARATORS = String.raw`\s\p{Cf}\p{Pd}\u2212'\u2018\u2019\u02BB\u02BC\u0060.\u00B7\u30FB`;

/**
 * The combining diacritics of the Latin, Greek and Cyrillic scripts
 * (acute, grave, circumflex, tilde, diaeresis, cedilla, ogonek, horn, …).
 * Deliberately not every \p{M}: Devanagari, Thai and Khmer vowel signs,
 * Hebrew and Arabic points and the Japanese (han)dakuten are letters of
 * those names, and dropping them would make different names equal.
 */
const DIACRITICS = String.raw`\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\uFE20-\uFE2F`;

/**
 * Lower-case letters that carry a diacritic-like stroke or are ligatures but
 * have no Unicode decomposition, with their usual plain-Latin spelling
 * (Nguyễn Đức → nguyen duc, Ødegård → odegard, Łukasz → lukasz,
 * Strauß → strauss, Guðrún → gudrun, Þór → thor). ς (final sigma) is σ
 * written at the end of a word, so it folds to σ.
 */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  'đ': 'd', 'ð': 'd', 'ħ': 'h', 'ı': 'i', 'ł': 'l', 'ø': 'o', 'ŧ': 't',
  'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'þ': 'th', 'ς': 'σ',
};

const FOLD = new RegExp(`[${SEPARATORS}${DIACRITICS}${Object.keys(UNDECOMPOSED).join('')}]`, 'gu');
const ASCII_SEPARATORS = /[\t\n\v\f\r '.`-]/g;

/** Bit flags per ASCII code: 1 for the characters in SEPARATORS, 2 for A–Z. */
const ASCII_CLASS = new Uint8Array(128);
for (const c of '\t\n\v\f\r \'.`-') ASCII_CLASS[c.charCodeAt(0)] = 1;
for (let c = 0x41; c <= 0x5a; c++) ASCII_CLASS[c] = 2;

/**
 * The match key of a first or last name: two spellings get the same key
 * exactly when they differ only in what does not make a different name.
 *
 * - case: `GARCIA` = `garcia` (full Unicode lower-casing);
 * - Unicode form: NFC = NFD, and compatibility forms (full-width `Ｊｏｓé`,
 *   half-width katakana, ligatures `ﬁ`) equal the letters they display as;
 * - diacritics: `José` = `Jose`, `Peña` = `Pena`, `Nguyễn` = `Nguyen`,
 *   plus the undecomposable `đ ð ħ ı ł ø ŧ ß æ œ þ` (see UNDECOMPOSED);
 * - separators (SEPARATORS: spaces, hyphens, apostrophes, periods) are dropped,
 *   so only the letters in their order remain: `Garcia-Lopez` = `Garcia Lopez`
 *   = `GarciaLopez`, `O'Brien` = `O’Brien` = `OBrien` = `O Brien`,
 *   `St. John` = `St John` = `St.John` = `StJohn`, `Mary Ann` = `Maryann`.
 *   Registries write these inconsistently (O'BRIEN, OBRIEN, O BRIEN) and
 *   voters cannot see which; two real people whose names differ only there
 *   would also have to share date of birth and ZIP, and then they are twins
 *   (the voter ID decides), never a wrong match.
 *
 * Never changed: any letter (Jim ≠ James, Jon ≠ John), letter order, digits
 * or other symbols (kept, so they never equal a name without them), and
 * non-Latin scripts beyond case, Unicode form and Latin-style diacritics.
 *
 * Idempotent: normalizeName(normalizeName(s)) === normalizeName(s). Hot path
 * of the registry import: plain ASCII costs one scan and at most two string
 * copies; an already-normalised key returns its input unchanged.
 */
export function normalizeName(s: string): string {
  let seen = 0; // bit 1: a separator, bit 2: an upper-case letter
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return normalizeUnicodeName(s);
    seen |= ASCII_CLASS[c]!;
  }
  const joined = (seen & 1) === 0 ? s : s.replace(ASCII_SEPARATORS, '');
  return (seen & 2) === 0 ? joined : joined.toLowerCase();
}

/**
 * Compatibility decomposition first (so full-width `Ａ` and `℡` become
 * letters that can be lower-cased), then lower-case, then drop separators
 * and diacritics and fold the undecomposable letters, then recompose to NFC
 * (Hangul syllables, kana with dakuten) so the key compares as text.
 */
function normalizeUnicodeName(s: string): string {
  return s.normalize('NFKD').toLowerCase().replace(FOLD, foldCharacter).normalize('NFC');
}

function foldCharacter(ch: string): string {
  return UNDECOMPOSED[ch] ?? '';
}

/**
 * True when every character of `s` can be part of a written name: letters,
 * combining marks, spaces, invisible format characters and the separators
 * above (with their full-width forms and ´). Digits, `@ < > , ; / ( )` and
 * other symbols are not in any name. Validation only; the key never needs it.
 */
export function isNameText(s: string): boolean {
  return NAME_TEXT.test(s);
}
const NAME_TEXT = new RegExp(String.raw`^[\p{L}\p{M}${SEPARATORS}\u00B4\uFF07\uFF0E\u2024\uFF65]*$`, 'u');

// ---------------------------------------------------------------- ZIP codes

export type ZipError = 'zip_format' | 'zip_overseas';

const US_ZIP = /^(\d{5})(?:[- ]?\d{4})?$/;
/** Groups of letters and digits split by single spaces or hyphens, with at least one digit: the shape of every foreign postal code. */
const FOREIGN_POSTCODE = /^(?=[^\d]*\d)[A-Z\d]+(?:[ -][A-Z\d]+)*$/i;
const FOREIGN_POSTCODE_MAX = 12;

/**
 * The 5-digit ZIP of a US ZIP code as typed: `12345`, `12345-6789`,
 * `12345 6789`, `123456789`, surrounding spaces, full-width digits (NFKC).
 * The +4 is not kept: the registry matches on the 5-digit ZIP.
 *
 * `zip_overseas`: the input has the shape of another country's postal code
 * (`SW1A 1AA`, `K1A 0B6`, `2000`, `100-0001`, `123 45`, `01-234`): letters
 * or a digit count other than 5 and 9. The UI tells the voter to use the
 * ZIP of their residential address in the state, as the state's FAQ does.
 * A 5-digit foreign code (France `75008`, Germany `10115`) cannot be told
 * from a ZIP and is accepted; it simply matches no one.
 *
 * `zip_format`: anything else (symbols, empty, too long).
 */
export function normalizeZip(s: string): { zip5: string } | { error: ZipError } {
  const t = s.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const us = US_ZIP.exec(t);
  if (us) return { zip5: us[1]! };
  if (t.length <= FOREIGN_POSTCODE_MAX && FOREIGN_POSTCODE.test(t)) return { error: 'zip_overseas' };
  return { error: 'zip_format' };
}

// ---------------------------------------------------------------- dates of birth

export type DobError = 'dob_required' | 'dob_format' | 'dob_two_digit_year' | 'dob_invalid' | 'dob_before_1900' | 'dob_future';

export const EARLIEST_DOB = '1900-01-01';

/** `MM-DD-YYYY`, `MM/DD/YYYY`, one-digit month or day allowed, one separator used twice. */
const US_DATE = /^(\d{1,2})([-/])(\d{1,2})\2(\d{4})$/;
/** `YYYY-MM-DD` from `<input type=date>`; also `YYYY/MM/DD`, the order written in Chinese, Japanese and Korean. */
const YEAR_FIRST_DATE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const TWO_DIGIT_YEAR = /^\d{1,2}([-/])\d{1,2}\1\d{2}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a date of birth as typed into `YYYY-MM-DD`.
 *
 * Accepted: `MM-DD-YYYY`, `MM/DD/YYYY`, `M/D/YYYY`, `M-D-YYYY`, `YYYY-MM-DD`,
 * `YYYY/MM/DD`, surrounding spaces, full-width digits (NFKC). A leading
 * day-month pair is always read US-style, month first: `03-04-1980` is
 * March 4; `25-12-1980` is `dob_invalid` (there is no month 25), never
 * reinterpreted as 25 December. Dotted dates (`04.03.1980`) are written
 * day-first in most countries that use them, so they are `dob_format`
 * rather than silently read the US way; so are 8 digits without separators.
 *
 * Errors, in the order checked: `dob_required` (blank), `dob_two_digit_year`
 * (`1/23/80`), `dob_format` (any other shape), `dob_invalid` (month 0 or 13,
 * day 0 or 32, 04-31, 02-29 of a non-leap year), `dob_before_1900` (before
 * 1900-01-01), `dob_future` (after `today`; today itself is accepted).
 *
 * @param today the current date `YYYY-MM-DD` in the state's time zone (injected clock).
 */
export function parseDob(s: string, today: string): { dob: string } | { error: DobError } {
  if (!isIsoDate(today)) throw new TypeError(`parseDob: today must be a real YYYY-MM-DD date, got "${today}"`);
  const t = s.normalize('NFKC').trim();
  if (t === '') return { error: 'dob_required' };
  const parts = splitDate(t);
  if (typeof parts === 'string') return { error: parts };
  const [year, month, day] = parts;
  if (!isCalendarDate(year, month, day)) return { error: 'dob_invalid' };
  const dob = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  if (dob < EARLIEST_DOB) return { error: 'dob_before_1900' };
  if (dob > today) return { error: 'dob_future' };
  return { dob };
}

function splitDate(t: string): [year: number, month: number, day: number] | 'dob_format' | 'dob_two_digit_year' {
  const us = US_DATE.exec(t);
  if (us) return [Number(us[4]), Number(us[1]), Number(us[3])];
  const yearFirst = YEAR_FIRST_DATE.exec(t);
  if (yearFirst) return [Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4])];
  return TWO_DIGIT_YEAR.test(t) ? 'dob_two_digit_year' : 'dob_format';
}

/** True for a real proleptic-Gregorian date `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
