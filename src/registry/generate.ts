/**
 * Deterministic synthetic voter registry in the canonical voter-file format
 * (docs/feeds.md): for tests, demos and the import benchmark. Same options →
 * byte-identical output, on any machine; rows stream in constant memory.
 *
 * Row i depends only on the options and rows 0..i-1, never on `count`: the first
 * N rows of a larger file are the file of N rows.
 */
import { Readable } from 'node:stream';
import type { ProfileId } from '../config.ts';
import { AppError } from '../errors.ts';
import type { VoterStatus } from '../persisted.ts';
import { AREA_CODES, CA_COUNTIES, CO_COUNTIES, EMAIL_DOMAINS, NAME_ORIGINS, ORIGIN_WEIGHTS, type NameOrigin, type SyntheticCounty } from './synthetic-data.ts';

export type { ProfileId };

export interface GenerateOptions {
  /** Number of rows, 0 to 1,000,000,000. */
  count: number;
  profile: ProfileId;
  /** Any integer; the same seed gives the same file. */
  seed: number;
  /** Limit the rows to these county codes of the profile. Default: every county, weighted by population. */
  counties?: string[];
  /** Reference date for ages and updated_at. Default 2026-01-01T00:00:00Z. */
  asOf?: Date;
}

/** One registry record. Absent optional values are empty strings, as in the file. */
export interface VoterRow {
  voterId: string;
  countyCode: string;
  firstName: string;
  middleName: string;
  lastName: string;
  suffix: string;
  /** YYYY-MM-DD */
  dob: string;
  zip: string;
  status: VoterStatus;
  confidential: boolean;
  email: string;
  /** E.164, fictional 555-01xx numbers */
  phone: string;
  /** BCP 47 tag of persisted LANGUAGES, or '' */
  language: string;
  /** ISO-8601 UTC (Date#toISOString); '' on confidential rows */
  updatedAt: string;
}

export const VOTER_CSV_HEADER: readonly string[] = Object.freeze([
  'voter_id', 'county_code', 'first_name', 'middle_name', 'last_name', 'suffix', 'dob', 'zip',
  'status', 'confidential', 'email', 'phone', 'language', 'updated_at',
]);

/** Shares of all rows (DESIGN §2.1 needs every one of these cases in test data). */
const SHARE = {
  inactive: 0.03,
  cancelled: 0.005,
  pending: 0.005,
  confidential: 0.001,
  /** a second voter with the first name, last name, DOB and ZIP of an earlier one */
  twin: 0.002,
  /** a second voter of an earlier row's household: same last name, ZIP, maybe email/phone */
  household: 0.03,
  email: 0.6,
  phone: 0.5,
  /** of a household member's email/phone, the share that is the household's own */
  sharedContact: 0.6,
} as const;

/** Adult age bands [from, to, share]: shaped like the adult population, thin above 85. */
const AGE_BANDS: readonly (readonly [number, number, number])[] = [
  [18, 24, 0.115], [25, 34, 0.175], [35, 44, 0.165], [45, 54, 0.155], [55, 64, 0.16],
  [65, 74, 0.13], [75, 84, 0.07], [85, 94, 0.025], [95, 100, 0.005],
];
const SUFFIXES: readonly string[] = ['Jr.', 'Sr.', 'II', 'III', 'IV'];
const SUFFIX_WEIGHTS: readonly number[] = [60, 15, 12, 10, 3];
const DEFAULT_AS_OF = Date.UTC(2026, 0, 1);
const MAX_COUNT = 1_000_000_000;
const RING = 4096;
const DAY_MS = 86_400_000;
const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

// ---------------------------------------------------------------- PRNG

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128-bit state, passes PractRand. */
class Sfc32 {
  a: number;
  b: number;
  c: number;
  d: number;

  /** Seeded as the author recommends: a, b, c from the seed, counter d = 1, then 20 outputs dropped. */
  constructor(seed: number, salt: number) {
    this.a = salt | 0;
    this.b = seed | 0;
    this.c = Math.floor(seed / 4294967296) | 0;
    this.d = 1;
    for (let i = 0; i < 20; i++) this.next();
  }

  /** uniform uint32 */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) + t | 0;
    return t >>> 0;
  }

  /** uniform in [0, 1) */
  float(): number {
    return this.next() / 4294967296;
  }

  /** uniform integer in [0, n) */
  int(n: number): number {
    return Math.floor((this.next() / 4294967296) * n);
  }
}

// ---------------------------------------------------------------- weighted tables

interface Table { cum: Float64Array; total: number }

function table(weights: readonly number[]): Table {
  const cum = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => { total += w; cum[i] = total; });
  return { cum, total };
}

function draw(rng: Sfc32, t: Table): number {
  const x = rng.float() * t.total;
  const cum = t.cum;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Names with their diacritic-free form and e-mail token, weighted by rank. */
interface NameList { display: readonly string[]; ascii: readonly string[]; token: readonly string[]; table: Table }

function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D').replace(/đ/g, 'd').normalize('NFC');
}

function nameList(names: readonly string[], rankOffset = 8): NameList {
  const ascii = names.map(foldDiacritics);
  return {
    display: names,
    ascii,
    token: ascii.map((a) => a.toLowerCase().replace(/[^a-z0-9]/g, '') || 'voter'),
    table: table(names.map((_, i) => 1 / (i + rankOffset))),
  };
}

interface Origin {
  src: NameOrigin;
  male: NameList;
  female: NameList;
  middleMale: NameList;
  middleFemale: NameList;
  surnames: NameList;
}

const ORIGINS: readonly Origin[] = NAME_ORIGINS.map((o) => ({
  src: o,
  male: nameList(o.maleFirst),
  female: nameList(o.femaleFirst),
  middleMale: nameList(o.middleMale ?? o.maleFirst),
  middleFemale: nameList(o.middleFemale ?? o.femaleFirst),
  surnames: nameList(o.surnames, o.surnameOffset),
}));
const ENGLISH_MALE = nameList(NAME_ORIGINS.find((o) => o.id === 'anglo')!.maleFirst);
const ENGLISH_FEMALE = nameList(NAME_ORIGINS.find((o) => o.id === 'anglo')!.femaleFirst);
const SUFFIX_TABLE = table(SUFFIX_WEIGHTS);

// ---------------------------------------------------------------- dates

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isoDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** The day `years` before (y, m, d), Feb 29 falling back to Feb 28. */
function yearsBefore(y: number, m: number, d: number, years: number): number {
  const yy = y - years;
  const last = new Date(Date.UTC(yy, m, 0)).getUTCDate();
  return daysFromCivil(yy, m, Math.min(d, last));
}

interface DobModel {
  ageTable: Table;
  /** first and last possible birthday (epoch days) of each age 18..100 */
  lo: Int32Array;
  hi: Int32Array;
  minDay: number;
  /** YYYY-MM-DD of every day from minDay to asOf: birthdays and updated_at dates */
  strings: string[];
}

function dobModel(asOf: Date): DobModel {
  const y = asOf.getUTCFullYear(), m = asOf.getUTCMonth() + 1, d = asOf.getUTCDate();
  const ages = 100 - 18 + 1;
  const weights: number[] = [];
  const lo = new Int32Array(ages), hi = new Int32Array(ages);
  for (let i = 0; i < ages; i++) {
    const age = 18 + i;
    const band = AGE_BANDS.find(([from, to]) => age >= from && age <= to)!;
    weights.push(band[2] / (band[1] - band[0] + 1));
    hi[i] = yearsBefore(y, m, d, age);
    lo[i] = yearsBefore(y, m, d, age + 1) + 1;
  }
  const minDay = lo[ages - 1]!;
  const strings: string[] = [];
  // every birthday, and every day up to asOf for updated_at
  const lastDay = Math.floor(asOf.getTime() / DAY_MS);
  for (let day = minDay; day <= lastDay; day++) strings.push(isoDate(day));
  return { ageTable: table(weights), lo, hi, minDay, strings };
}

// ---------------------------------------------------------------- voter IDs

/**
 * A keyed permutation of [0, 10^9): a 4-round Feistel network on 30 bits, cycle-walked
 * below 10^9. Row i gets permute(i), so IDs are unique and look random.
 */
function permuteId(x: number, keys: Int32Array): number {
  do {
    let l = x >>> 15, r = x & 0x7fff;
    for (let k = 0; k < 4; k++) {
      let h = Math.imul(r ^ keys[k]!, 0x9e3779b1);
      h ^= h >>> 15;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      const nl = r;
      r = l ^ (h & 0x7fff);
      l = nl;
    }
    x = (l << 15) | r;
  } while (x >= MAX_COUNT);
  return x;
}

// ---------------------------------------------------------------- options

interface Plan {
  count: number;
  profile: ProfileId;
  seed: number;
  counties: readonly SyntheticCounty[];
  asOf: Date;
}

const PROFILE_COUNTIES: Readonly<Record<ProfileId, readonly SyntheticCounty[]>> = { ca: CA_COUNTIES, co: CO_COUNTIES };

function plan(opts: GenerateOptions): Plan {
  const problems: string[] = [];
  const { count, profile, seed } = opts;
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) problems.push(`count must be an integer from 0 to ${MAX_COUNT}`);
  if (profile !== 'ca' && profile !== 'co') problems.push('profile must be ca or co');
  if (!Number.isSafeInteger(seed)) problems.push('seed must be an integer');
  const asOf = opts.asOf ?? new Date(DEFAULT_AS_OF);
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) problems.push('asOf must be a valid date');
  let counties: readonly SyntheticCounty[] = [];
  if (profile === 'ca' || profile === 'co') {
    counties = PROFILE_COUNTIES[profile];
    if (opts.counties !== undefined) {
      const wanted = new Set(opts.counties);
      const unknown = [...wanted].filter((c) => !counties.some((k) => k.code === c));
      if (wanted.size === 0) problems.push('counties, when given, must list at least one county code');
      if (unknown.length > 0) problems.push(`unknown ${profile} county code(s): ${unknown.join(', ')}`);
      counties = counties.filter((c) => wanted.has(c.code));
    }
  }
  if (problems.length > 0) throw new AppError(400, 'generate_options', `invalid generator options: ${problems.join('; ')}`, { details: { problems } });
  return { count, profile, seed, counties, asOf };
}

// ---------------------------------------------------------------- rows

const PROFILE_SALT: Readonly<Record<ProfileId, number>> = { ca: 0x43a1, co: 0x43f0 };

/** Makes row 0, 1, 2, … in order; keeps only a fixed ring of recent rows (for twins and households). */
class RowFactory {
  readonly count: number;
  private readonly rng: Sfc32;
  private readonly idPrefix: string;
  private readonly idKeys: Int32Array;
  private readonly counties: readonly SyntheticCounty[];
  private readonly countyZips: readonly (readonly string[])[];
  private readonly countyTable: Table;
  private readonly originTable: Table;
  private readonly areaCodes: readonly string[];
  private readonly dob: DobModel;
  private readonly asOfSec: number;
  private readonly asOfDay: number;

  // ring of recent non-confidential rows
  private ringSize = 0;
  private ringNext = 0;
  private readonly rCounty = new Int32Array(RING);
  private readonly rOrigin = new Int32Array(RING);
  private readonly rAscii = new Uint8Array(RING);
  private readonly rMale = new Uint8Array(RING);
  private readonly rDobDay = new Int32Array(RING);
  private readonly rZip: string[] = new Array<string>(RING).fill('');
  private readonly rFirst: string[] = new Array<string>(RING).fill('');
  private readonly rFirstTok: string[] = new Array<string>(RING).fill('');
  private readonly rLast: string[] = new Array<string>(RING).fill('');
  private readonly rLastTok: string[] = new Array<string>(RING).fill('');
  private readonly rEmail: string[] = new Array<string>(RING).fill('');
  private readonly rPhone: string[] = new Array<string>(RING).fill('');

  constructor(p: Plan) {
    this.count = p.count;
    this.rng = new Sfc32(p.seed, PROFILE_SALT[p.profile]);
    const keyRng = new Sfc32(p.seed, PROFILE_SALT[p.profile] ^ 0x1d5);
    this.idKeys = Int32Array.from([keyRng.next(), keyRng.next(), keyRng.next(), keyRng.next()]);
    this.idPrefix = p.profile.toUpperCase();
    this.counties = p.counties;
    this.countyZips = p.counties.map((c) => c.zips.split(' '));
    this.countyTable = table(p.counties.map((c) => c.population));
    const weights = ORIGIN_WEIGHTS[p.profile];
    this.originTable = table(ORIGINS.map((o) => weights[o.src.id] ?? 0));
    this.areaCodes = AREA_CODES[p.profile];
    this.dob = dobModel(p.asOf);
    this.asOfSec = Math.floor(p.asOf.getTime() / 1000);
    this.asOfDay = Math.floor(p.asOf.getTime() / DAY_MS);
  }

  row(i: number): VoterRow {
    const r = this.rng;
    const voterId = this.idPrefix + String(permuteId(i, this.idKeys)).padStart(9, '0');
    const kind = r.float();
    const s = r.float();
    const status: VoterStatus = s < SHARE.inactive ? 'INACTIVE'
      : s < SHARE.inactive + SHARE.cancelled ? 'CANCELLED'
        : s < SHARE.inactive + SHARE.cancelled + SHARE.pending ? 'PENDING' : 'ACTIVE';

    if (kind < SHARE.confidential) {
      // The registry gives nothing more for a confidential voter (DESIGN §2.1).
      const county = this.counties[draw(r, this.countyTable)]!;
      return {
        voterId, countyCode: county.code, firstName: '', middleName: '', lastName: '', suffix: '', dob: '', zip: '',
        status, confidential: true, email: '', phone: '', language: '', updatedAt: '',
      };
    }

    const isTwin = kind < SHARE.confidential + SHARE.twin && this.ringSize > 0;
    const isHousehold = !isTwin && kind < SHARE.confidential + SHARE.twin + SHARE.household && this.ringSize > 0;
    let male = r.float() < 0.5;
    let c: number, o: number, ascii: boolean, zip: string, dobDay: number;
    let firstName: string, firstTok: string, lastName: string, lastTok: string;
    let j = -1;
    if (isTwin || isHousehold) {
      j = r.int(this.ringSize);
      c = this.rCounty[j]!;
      o = this.rOrigin[j]!;
      ascii = this.rAscii[j] === 1;
      zip = this.rZip[j]!;
      lastName = this.rLast[j]!;
      lastTok = this.rLastTok[j]!;
    } else {
      c = draw(r, this.countyTable);
      const zips = this.countyZips[c]!;
      zip = zips[r.int(zips.length)]!;
      o = draw(r, this.originTable);
      const { src, surnames: sur } = ORIGINS[o]!;
      ascii = r.float() < (src.asciiShare ?? 0);
      const k = draw(r, sur.table);
      lastName = ascii ? sur.ascii[k]! : sur.display[k]!;
      lastTok = sur.token[k]!;
      const compound = r.float();
      if (compound < (src.doubleSurnameShare ?? 0) + (src.hyphenSurnameShare ?? 0)) {
        const k2 = draw(r, sur.table);
        if (k2 !== k) lastName += (compound < (src.doubleSurnameShare ?? 0) ? ' ' : '-') + (ascii ? sur.ascii[k2]! : sur.display[k2]!);
      }
    }
    const origin = ORIGINS[o]!;
    if (isTwin) {
      male = this.rMale[j] === 1;
      firstName = this.rFirst[j]!;
      firstTok = this.rFirstTok[j]!;
      dobDay = this.rDobDay[j]!;
    } else {
      const list = r.float() < (origin.src.englishFirstShare ?? 0) ? (male ? ENGLISH_MALE : ENGLISH_FEMALE) : (male ? origin.male : origin.female);
      const k = draw(r, list.table);
      firstName = ascii ? list.ascii[k]! : list.display[k]!;
      firstTok = list.token[k]!;
      const a = draw(r, this.dob.ageTable);
      dobDay = this.dob.lo[a]! + r.int(this.dob.hi[a]! - this.dob.lo[a]! + 1);
    }

    let middleName = '';
    if (r.float() < origin.src.middleShare) {
      const list = male ? origin.middleMale : origin.middleFemale;
      const k = draw(r, list.table);
      middleName = ascii ? list.ascii[k]! : list.display[k]!;
      if (r.float() < (origin.src.middleInitialShare ?? 0)) middleName = list.ascii[k]!.charAt(0);
    }
    const suffix = male && r.float() < (origin.src.suffixShare ?? 0) ? SUFFIXES[draw(r, SUFFIX_TABLE)]! : '';
    const dob = this.dob.strings[dobDay - this.dob.minDay]!;

    let email = '';
    if (r.float() < SHARE.email) {
      email = isHousehold && this.rEmail[j] !== '' && r.float() < SHARE.sharedContact ? this.rEmail[j]! : this.email(firstTok, lastTok, dob);
    }
    let phone = '';
    if (r.float() < SHARE.phone) {
      phone = isHousehold && this.rPhone[j] !== '' && r.float() < SHARE.sharedContact ? this.rPhone[j]!
        : '+1' + this.areaCodes[r.int(this.areaCodes.length)]! + '55501' + String(r.int(100)).padStart(2, '0');
    }
    let language = '';
    let u = r.float();
    for (const [lang, p] of origin.src.languages) {
      if (u < p) { language = lang; break; }
      u -= p;
    }
    // Pending registrations are recent; others changed within the last three years, after age 16.
    const windowDays = status === 'PENDING' ? 30 : Math.min(3 * 365, this.asOfDay - dobDay - 16 * 365);
    const updatedAt = this.timestamp(this.asOfSec - 1 - r.int(windowDays * 86_400));

    const w = this.ringNext;
    this.rCounty[w] = c;
    this.rOrigin[w] = o;
    this.rAscii[w] = ascii ? 1 : 0;
    this.rMale[w] = male ? 1 : 0;
    this.rDobDay[w] = dobDay;
    this.rZip[w] = zip;
    this.rFirst[w] = firstName;
    this.rFirstTok[w] = firstTok;
    this.rLast[w] = lastName;
    this.rLastTok[w] = lastTok;
    this.rEmail[w] = email;
    this.rPhone[w] = phone;
    this.ringNext = (w + 1) % RING;
    if (this.ringSize < RING) this.ringSize++;

    return {
      voterId, countyCode: this.counties[c]!.code, firstName, middleName, lastName, suffix, dob, zip,
      status, confidential: false, email, phone, language, updatedAt,
    };
  }

  /** Same text as Date#toISOString, without a Date per row. */
  private timestamp(sec: number): string {
    const day = Math.floor(sec / 86_400);
    const tod = sec - day * 86_400;
    const h = Math.floor(tod / 3600), m = Math.floor((tod % 3600) / 60), s = tod % 60;
    return this.dob.strings[day - this.dob.minDay]! + 'T' + TWO_DIGITS[h]! + ':' + TWO_DIGITS[m]! + ':' + TWO_DIGITS[s]! + '.000Z';
  }

  private email(first: string, last: string, dob: string): string {
    const r = this.rng;
    const u = r.float();
    const domain = EMAIL_DOMAINS[r.int(EMAIL_DOMAINS.length)]!;
    let local: string;
    if (u < 0.35) local = first + '.' + last;
    else if (u < 0.55) local = first + last + String(10 + r.int(90));
    else if (u < 0.7) local = first.charAt(0) + last;
    else if (u < 0.85) local = first + '_' + last + dob.slice(2, 4);
    else local = last + first.charAt(0) + String(100 + r.int(900));
    return local + '@' + domain;
  }
}

// ---------------------------------------------------------------- API

/**
 * Yields `count` voters. Options are validated when iteration starts (AppError
 * 'generate_options' lists every problem).
 */
export function* generateVoters(opts: GenerateOptions): Generator<VoterRow> {
  const factory = new RowFactory(plan(opts));
  for (let i = 0; i < factory.count; i++) yield factory.row(i);
}

const NEEDS_QUOTES = /[",\r\n]/;

function csvField(v: string): string {
  return NEEDS_QUOTES.test(v) ? '"' + v.replaceAll('"', '""') + '"' : v;
}

/** One RFC 4180 line (fields quoted only when they must be), ending with '\n'. */
export function voterRowToCsvLine(row: VoterRow): string {
  return csvField(row.voterId) + ',' + csvField(row.countyCode) + ',' + csvField(row.firstName) + ','
    + csvField(row.middleName) + ',' + csvField(row.lastName) + ',' + csvField(row.suffix) + ','
    + csvField(row.dob) + ',' + csvField(row.zip) + ',' + csvField(row.status) + ','
    + (row.confidential ? 'Y' : 'N') + ',' + csvField(row.email) + ',' + csvField(row.phone) + ','
    + csvField(row.language) + ',' + csvField(row.updatedAt) + '\n';
}

const HEADER_LINE = VOTER_CSV_HEADER.join(',') + '\n';
const ROWS_PER_CHUNK = 512;

/**
 * The voter file (UTF-8, header line, '\n' line ends) as a byte stream that makes rows
 * only as fast as they are read. Options are validated here, before any byte is read.
 */
export function generateVoterCsv(opts: GenerateOptions): Readable {
  const factory = new RowFactory(plan(opts));
  let next = 0;
  let headerSent = false;
  return new Readable({
    read() {
      let chunk = headerSent ? '' : HEADER_LINE;
      headerSent = true;
      const end = Math.min(factory.count, next + ROWS_PER_CHUNK);
      for (; next < end; next++) chunk += voterRowToCsvLine(factory.row(next));
      if (chunk !== '') this.push(chunk, 'utf8');
      if (next >= factory.count) this.push(null);
    },
  });
}
