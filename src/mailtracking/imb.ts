/**
 * Intelligent Mail Barcode (IMb) codec, per USPS-B-3200: §2.2.1–2.2.6 are its six
 * encoding steps, Tables 4, 19, 20 and 22 its tables. Pure functions, no I/O.
 *
 * A barcode is 65 letters, one per bar, left to right: F (full), A (ascender),
 * D (descender), T (tracker).
 */
import { AppError } from '../errors.ts';

export interface ImbFields {
  barcodeId: string;      // 2 digits, second digit 0-4
  serviceTypeId: string;  // 3 digits
  mailerId: string;       // 6 digits, or 9 digits when it starts with '9'
  serialNumber: string;   // 9 digits (6-digit mailer ID) or 6 digits (9-digit mailer ID)
  routingCode: string;    // '', 5, 9 or 11 digits
}
export interface DecodedImb extends ImbFields { tracking: string; upsideDown: boolean }

/** Machine codes of every way an IMb input can be wrong. Stable: clients match on them. */
export const IMB_ERROR_CODES = [
  'imb_tracking_digits', 'imb_tracking_length', 'imb_barcode_id',
  'imb_routing_digits', 'imb_routing_length',
  'imb_bars_length', 'imb_bars_character', 'imb_bars_damaged', 'imb_bars_orientation',
  'imb_bars_crc', 'imb_bars_range',
] as const;
export type ImbErrorCode = (typeof IMB_ERROR_CODES)[number];

/** Invalid tracking/routing input or an unreadable barcode; always HTTP 400. */
export class ImbError extends AppError {
  declare readonly code: ImbErrorCode;
  constructor(code: ImbErrorCode, message: string, details?: Record<string, unknown>) {
    super(400, code, message, details === undefined ? {} : { details });
    this.name = 'ImbError';
  }
}

export const IMB_BAR_COUNT = 65;

// ---------------------------------------------------------------- validation

const DIGITS = /^[0-9]*$/;

/** Validates and splits a tracking code (+ optional routing code). Throws ImbError. */
export function parseImbFields(tracking: string, routing = ''): ImbFields {
  checkTracking(tracking);
  checkRouting(routing);
  const mailerLength = tracking[5] === '9' ? 9 : 6;
  return {
    barcodeId: tracking.slice(0, 2),
    serviceTypeId: tracking.slice(2, 5),
    mailerId: tracking.slice(5, 5 + mailerLength),
    serialNumber: tracking.slice(5 + mailerLength),
    routingCode: routing,
  };
}

function checkTracking(tracking: unknown): asserts tracking is string {
  if (typeof tracking !== 'string' || !DIGITS.test(tracking)) {
    throw new ImbError('imb_tracking_digits', 'Tracking code must contain only the digits 0-9.');
  }
  if (tracking.length !== 20) {
    throw new ImbError('imb_tracking_length', `Tracking code must be exactly 20 digits; got ${tracking.length}.`, { length: tracking.length });
  }
  if (tracking.charCodeAt(1) > 0x34) {
    throw new ImbError('imb_barcode_id', `Barcode ID's second digit must be 0-4; got ${tracking[1]}.`, { barcodeId: tracking.slice(0, 2) });
  }
}

function checkRouting(routing: unknown): asserts routing is string {
  if (typeof routing !== 'string' || !DIGITS.test(routing)) {
    throw new ImbError('imb_routing_digits', 'Routing code (delivery ZIP) must contain only the digits 0-9.');
  }
  if (![0, 5, 9, 11].includes(routing.length)) {
    throw new ImbError('imb_routing_length', `Routing code (delivery ZIP) must be empty or 5, 9 or 11 digits; got ${routing.length}.`, { length: routing.length });
  }
}

// ---------------------------------------------------------------- tables

/** Tables 19 and 20 (5-of-13 and 2-of-13 characters), generated as in the spec's Appendix. */
const TABLE_5_OF_13 = nOf13Table(5, 1287);
const TABLE_2_OF_13 = nOf13Table(2, 78);

function nOf13Table(n: number, size: number): number[] {
  const table = new Array<number>(size);
  let low = 0;
  let high = size - 1;
  for (let c = 0; c < 8192; c++) {
    if (popcount(c) !== n) continue;
    const r = reverse13(c);
    if (r < c) continue;
    if (r === c) table[high--] = c;
    else { table[low++] = c; table[low++] = r; }
  }
  return table;
}

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

function reverse13(x: number): number {
  let r = 0;
  for (let i = 0; i < 13; i++) r |= ((x >> i) & 1) << (12 - i);
  return r;
}

/** Character (13-bit) → codeword and whether it was complemented by its FCS bit. */
const CHARACTER_LOOKUP = buildCharacterLookup();

function buildCharacterLookup(): Map<number, { codeword: number; inverted: boolean }> {
  const lookup = new Map<number, { codeword: number; inverted: boolean }>();
  const all = [...TABLE_5_OF_13, ...TABLE_2_OF_13];
  all.forEach((character, codeword) => {
    lookup.set(character, { codeword, inverted: false });
    lookup.set(character ^ 0x1fff, { codeword, inverted: true });
  });
  return lookup;
}

/**
 * Table 22, bar-to-character mapping: for bars 1..65, the descender's
 * character (A..J) and bit, then the ascender's character and bit.
 */
const BAR_MAP = (
  'H2E3 B10A0 J12C8 F5G11 I9D1 A1F12 C5B8 E4J11 G3I10 D9H6 ' +
  'F11B4 I5C12 J10A2 H1G7 D6E9 A3I6 G4C7 B1J9 H10F2 E0D8 ' +
  'G2A4 I11B0 J8D12 C6H7 F1E10 B12G9 H3I0 F8J7 E6C10 D4A5 ' +
  'I4F7 H11B9 G0J6 A6E8 C1D2 F9I12 E11G1 J5H4 D3B2 A7C0 ' +
  'B3E1 G10D5 I7J4 C11F6 A8H12 E2I1 F10D0 J3A9 G5C4 H8B7 ' +
  'F0E5 C3A10 G12J2 D11B6 I8H9 F4A11 B5C2 J1E12 I3G6 H0D7 ' +
  'E7H5 A12B11 C9J0 G8F3 D10I2'
).split(' ').map(parseBarMapEntry);

function parseBarMapEntry(entry: string): { dc: number; db: number; ac: number; ab: number } {
  const [, dc = '', db = '', ac = '', ab = ''] = /^([A-J])(\d+)([A-J])(\d+)$/.exec(entry) ?? [];
  const index = (letter: string) => letter.charCodeAt(0) - 65;
  return { dc: index(dc), db: Number(db), ac: index(ac), ab: Number(ab) };
}

// ---------------------------------------------------------------- encoding

/** Encodes a tracking code (+ optional routing code) as 65 bars. Throws ImbError. */
export function encodeImb(tracking: string, routing = ''): string {
  parseImbFields(tracking, routing);
  return barsFromBinary(binaryFromFields(tracking, routing));
}

/** §2.2.1: routing value, then each tracking digit (base 5 for the second, 10 for the rest). */
function binaryFromFields(tracking: string, routing: string): bigint {
  let value = routingValue(routing);
  for (const [i, digit] of [...tracking].entries()) value = value * (i === 1 ? 5n : 10n) + BigInt(digit);
  return value;
}

/** Table 4: 0 for none; otherwise the ZIP plus an offset that keeps the lengths apart. */
const ROUTING_OFFSETS: ReadonlyArray<readonly [length: number, offset: bigint, max: bigint]> = [
  [5, 1n, 100_000n],
  [9, 100_001n, 1_000_100_000n],
  [11, 1_000_100_001n, 101_000_100_000n],
];

function routingValue(routing: string): bigint {
  if (routing === '') return 0n;
  const [, offset] = ROUTING_OFFSETS.find(([length]) => length === routing.length)!;
  return BigInt(routing) + offset;
}

/** Values whose codeword A stays within 0..658, the most §2.2.4 can mark with the FCS bit. */
const BINARY_LIMIT = 659n * 1365n ** 8n * 636n;

/**
 * §2.2.2–2.2.6 for an already-converted binary value (0 ≤ value < BINARY_LIMIT):
 * FCS, codewords, orientation/FCS adjustments, characters, bars. Exported so tests
 * can build barcodes whose value no tracking/routing code produces.
 */
export function barsFromBinary(value: bigint): string {
  if (value < 0n || value >= BINARY_LIMIT) throw new RangeError('IMb binary value out of range');
  const fcs = crc11(value);
  const codewords = codewordsFromBinary(value);
  codewords[9] = codewords[9]! * 2;
  if (fcs & 0x400) codewords[0] = codewords[0]! + 659;
  const characters = codewords.map((cw, i) => characterFromCodeword(cw) ^ ((fcs >> i) & 1 ? 0x1fff : 0));
  return BAR_MAP.map(({ dc, db, ac, ab }) => barLetter((characters[dc]! >> db) & 1, (characters[ac]! >> ab) & 1)).join('');
}

/**
 * §2.2.2: the 11-bit CRC (generator 0x0F35, preset 0x7FF) over the 102 data bits,
 * most significant first — the spec's 13-byte routine without its 2 leading zero bits.
 */
function crc11(value: bigint): number {
  let fcs = 0x7ff;
  for (let bit = 101; bit >= 0; bit--) {
    const data = Number((value >> BigInt(bit)) & 1n);
    const feedback = ((fcs >> 10) ^ data) & 1;
    fcs = ((fcs << 1) ^ (feedback ? 0xf35 : 0)) & 0x7ff;
  }
  return fcs;
}

/** §2.2.3: codeword J is value mod 636, I..B mod 1365, A the rest (0..658). */
function codewordsFromBinary(value: bigint): number[] {
  const codewords = new Array<number>(10);
  codewords[9] = Number(value % 636n);
  value /= 636n;
  for (let i = 8; i >= 1; i--) {
    codewords[i] = Number(value % 1365n);
    value /= 1365n;
  }
  codewords[0] = Number(value);
  return codewords;
}

function characterFromCodeword(codeword: number): number {
  return codeword < 1287 ? TABLE_5_OF_13[codeword]! : TABLE_2_OF_13[codeword - 1287]!;
}

function barLetter(descender: number, ascender: number): string {
  return descender ? (ascender ? 'F' : 'D') : ascender ? 'A' : 'T';
}

// ---------------------------------------------------------------- decoding

/**
 * Decodes 65 bars, read either way up (an upside-down read is the string reversed
 * with A and D swapped). Never corrects damage: any unreadable character, wrong
 * orientation marker or CRC mismatch throws ImbError.
 */
export function decodeImb(bars: string): DecodedImb {
  checkBarsShape(bars);
  const upright = readBars(bars);
  if (upright instanceof ImbError) {
    const flipped = readBars(flipBars(bars));
    if (flipped instanceof ImbError) throw laterStage(upright, flipped);
    return decodedFrom(flipped, true);
  }
  return decodedFrom(upright, false);
}

/** True when `bars` decodes (either way up). */
export function isValidImbBars(bars: string): boolean {
  try {
    decodeImb(bars);
    return true;
  } catch (err) {
    if (err instanceof ImbError) return false;
    throw err;
  }
}

/** The same bars as read by a scanner holding the piece upside down. */
export function flipBars(bars: string): string {
  return [...bars].reverse().map((b) => (b === 'A' ? 'D' : b === 'D' ? 'A' : b)).join('');
}

function checkBarsShape(bars: unknown): asserts bars is string {
  if (typeof bars !== 'string' || bars.length !== IMB_BAR_COUNT) {
    const length = typeof bars === 'string' ? bars.length : 0;
    throw new ImbError('imb_bars_length', `Barcode must be exactly 65 bars; got ${length}.`, { length });
  }
  const position = bars.search(/[^FADT]/) + 1;
  if (position > 0) {
    throw new ImbError('imb_bars_character', `Barcode bar ${position} must be one of F, A, D, T; got "${bars[position - 1]}".`, { position });
  }
}

/** Between two failed readings, report the one that got further (it is more likely the true orientation). */
function laterStage(upright: ImbError, flipped: ImbError): ImbError {
  const stage = (e: ImbError) => IMB_ERROR_CODES.indexOf(e.code);
  return stage(flipped) > stage(upright) ? flipped : upright;
}

type Reading = { tracking: string; routing: string };

function readBars(bars: string): Reading | ImbError {
  const characters = charactersFromBars(bars);
  const codewords: number[] = [];
  let fcs = 0;
  for (const [i, character] of characters.entries()) {
    const entry = CHARACTER_LOOKUP.get(character);
    if (!entry) return new ImbError('imb_bars_damaged', `Barcode is damaged: character ${'ABCDEFGHIJ'[i]} is not a valid IMb character.`, { character: 'ABCDEFGHIJ'[i] });
    codewords.push(entry.codeword);
    if (entry.inverted) fcs |= 1 << i;
  }
  return readCodewords(codewords, fcs);
}

function charactersFromBars(bars: string): number[] {
  const characters = new Array<number>(10).fill(0);
  BAR_MAP.forEach(({ dc, db, ac, ab }, i) => {
    const bar = bars[i];
    if (bar === 'F' || bar === 'D') characters[dc]! |= 1 << db;
    if (bar === 'F' || bar === 'A') characters[ac]! |= 1 << ab;
  });
  return characters;
}

/** Undoes §2.2.4 (J doubled, A + 659 for FCS bit 10), then checks the CRC and the routing range. */
function readCodewords(codewords: number[], fcs: number): Reading | ImbError {
  const j = codewords[9]!;
  if (j % 2 !== 0) return new ImbError('imb_bars_orientation', 'Barcode is damaged or misread: codeword J is odd, so neither orientation is valid.');
  if (j >= 1272) return new ImbError('imb_bars_damaged', 'Barcode is damaged: codeword J is out of range.');
  codewords[9] = j / 2;
  if (codewords[0]! >= 659) {
    codewords[0] = codewords[0]! - 659;
    fcs |= 0x400;
  }
  if (codewords[0]! >= 659) return new ImbError('imb_bars_damaged', 'Barcode is damaged: codeword A is out of range.');
  const value = binaryFromCodewords(codewords);
  if (crc11(value) !== fcs) return new ImbError('imb_bars_crc', 'Barcode is damaged: its frame check sequence (CRC) does not match its data.');
  return fieldsFromBinary(value);
}

function binaryFromCodewords(codewords: number[]): bigint {
  let value = BigInt(codewords[0]!);
  for (let i = 1; i <= 8; i++) value = value * 1365n + BigInt(codewords[i]!);
  return value * 636n + BigInt(codewords[9]!);
}

/** Inverse of binaryFromFields; the routing part must fall in one of Table 4's ranges. */
function fieldsFromBinary(value: bigint): Reading | ImbError {
  const digits = new Array<string>(20);
  for (let i = 19; i >= 0; i--) {
    const base = i === 1 ? 5n : 10n;
    digits[i] = String(value % base);
    value /= base;
  }
  const routing = routingFromValue(value);
  if (routing === undefined) return new ImbError('imb_bars_range', 'Barcode encodes a routing value beyond any 11-digit ZIP; it was not produced by a valid encoder.');
  return { tracking: digits.join(''), routing };
}

function routingFromValue(value: bigint): string | undefined {
  if (value === 0n) return '';
  const range = ROUTING_OFFSETS.find(([, , max]) => value <= max);
  if (!range) return undefined;
  const [length, offset] = range;
  return String(value - offset).padStart(length, '0');
}

function decodedFrom({ tracking, routing }: Reading, upsideDown: boolean): DecodedImb {
  return { ...parseImbFields(tracking, routing), tracking, upsideDown };
}
