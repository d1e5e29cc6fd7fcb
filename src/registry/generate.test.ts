import assert from 'node:assert/strict';
import { text } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { AppError } from '../errors.ts';
import { LANGUAGES } from '../persisted.ts';
import { loadProfile } from '../profiles/profile.ts';
import { generateVoterCsv, generateVoters, VOTER_CSV_HEADER, voterRowToCsvLine, type GenerateOptions, type VoterRow } from './generate.ts';
import { CA_COUNTIES, CO_COUNTIES, NAME_ORIGINS } from './synthetic-data.ts';

const AS_OF = new Date('2026-01-01T00:00:00Z');
const rowsOf = (opts: GenerateOptions): VoterRow[] => [...generateVoters(opts)];
const csvOf = (opts: GenerateOptions): Promise<string> => text(generateVoterCsv(opts));

// One large sample shared by the statistical tests.
const N = 50_000;
const CA = rowsOf({ count: N, profile: 'ca', seed: 2026 });
const CA_OPEN = CA.filter((r) => !r.confidential);
const share = (rows: readonly VoterRow[], pred: (r: VoterRow) => boolean): number => rows.filter(pred).length / rows.length;

function ageAt(dob: string, at: Date): number {
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number];
  const before = at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d);
  return at.getUTCFullYear() - y - (before ? 1 : 0);
}

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

const rowFields = (r: VoterRow): string[] => [
  r.voterId, r.countyCode, r.firstName, r.middleName, r.lastName, r.suffix, r.dob, r.zip,
  r.status, r.confidential ? 'Y' : 'N', r.email, r.phone, r.language, r.updatedAt,
];

describe('generateVoters: determinism and shape', () => {
  it('gives byte-identical output for the same options, and a different file for another seed', async () => {
    const opts: GenerateOptions = { count: 3000, profile: 'ca', seed: 99 };
    const a = await csvOf(opts);
    const b = await csvOf({ ...opts });
    assert.equal(a, b);
    assert.notEqual(await csvOf({ ...opts, seed: 100 }), a);
    assert.deepEqual(rowsOf(opts), rowsOf(opts));
  });

  it('makes the same first rows whatever the count (a small file is the start of a large one)', () => {
    const small = rowsOf({ count: 500, profile: 'ca', seed: 5 });
    const large = rowsOf({ count: 5000, profile: 'ca', seed: 5 });
    assert.deepEqual(large.slice(0, 500), small);
  });

  it('yields exactly count rows', async () => {
    for (const count of [0, 1, 777]) {
      assert.equal(rowsOf({ count, profile: 'ca', seed: 1 }).length, count);
      const lines = (await csvOf({ count, profile: 'co', seed: 1 })).split('\n');
      assert.equal(lines.pop(), '', 'the file ends with a newline');
      assert.equal(lines.length, count + 1, 'header + rows');
    }
    assert.equal(CA.length, N);
  });

  it('gives unique VoteCal-like voter IDs', () => {
    for (const r of CA) assert.match(r.voterId, /^CA\d{9}$/);
    assert.equal(new Set(CA.map((r) => r.voterId)).size, N);
  });

  it('uses only county codes of the profile, weighted by population', () => {
    const codes = new Set(loadProfile('ca').counties.map((c) => c.code));
    for (const r of CA) assert.ok(codes.has(r.countyCode), r.countyCode);
    const la = share(CA, (r) => r.countyCode === '19'); // Los Angeles, about a quarter of Californians
    assert.ok(la > 0.23 && la < 0.28, `Los Angeles share ${la}`);
    assert.ok(new Set(CA.map((r) => r.countyCode)).size > 50, 'almost every county appears in 50,000 rows');
  });

  it("gives 5-digit ZIPs of the voter's county", () => {
    const zipsOf = new Map(CA_COUNTIES.map((c) => [c.code, new Set(c.zips.split(' '))]));
    for (const r of CA_OPEN) {
      assert.match(r.zip, /^\d{5}$/);
      assert.ok(zipsOf.get(r.countyCode)!.has(r.zip), `${r.zip} is not a ZIP of county ${r.countyCode}`);
    }
  });

  it('gives real dates of birth of voters aged 18 to 100, shaped like an adult population', () => {
    const ages = CA_OPEN.map((r) => {
      assert.ok(isRealDate(r.dob), r.dob);
      return ageAt(r.dob, AS_OF);
    });
    assert.equal(Math.min(...ages), 18);
    assert.ok(Math.max(...ages) <= 100 && Math.max(...ages) >= 98, `oldest ${Math.max(...ages)}`);
    const prime = ages.filter((a) => a >= 25 && a <= 70).length / ages.length;
    const old = ages.filter((a) => a >= 95).length / ages.length;
    assert.ok(prime > 0.6 && prime < 0.8, `25–70: ${prime}`);
    assert.ok(old > 0 && old < 0.01, `95+: ${old}`);
    const mean = ages.reduce((s, a) => s + a, 0) / ages.length;
    assert.ok(mean > 44 && mean < 52, `mean age ${mean}`);
  });

  it('measures ages and updated_at from asOf', () => {
    const asOf = new Date('2030-06-15T12:00:00Z');
    for (const r of rowsOf({ count: 5000, profile: 'ca', seed: 3, asOf })) {
      if (r.confidential) continue;
      const age = ageAt(r.dob, asOf);
      assert.ok(age >= 18 && age <= 100, `${r.dob} is ${age} on ${asOf.toISOString()}`);
      assert.ok(new Date(r.updatedAt) < asOf);
    }
  });

  it('stamps updated_at as an ISO-8601 UTC instant before asOf; pending registrations are recent', () => {
    const month = 31 * 86_400_000;
    for (const r of CA_OPEN) {
      assert.equal(new Date(r.updatedAt).toISOString(), r.updatedAt);
      const t = Date.parse(r.updatedAt);
      assert.ok(t < AS_OF.getTime() && t > AS_OF.getTime() - 3.1 * 365 * 86_400_000, r.updatedAt);
      if (r.status === 'PENDING') assert.ok(t > AS_OF.getTime() - month, `pending since ${r.updatedAt}`);
    }
  });
});

describe('generateVoters: the mix of records', () => {
  const within = (name: string, got: number, lo: number, hi: number): void => assert.ok(got >= lo && got <= hi, `${name}: ${(got * 100).toFixed(3)}% not in [${lo * 100}%, ${hi * 100}%]`);

  it('has about 3% INACTIVE, 0.5% CANCELLED, 0.5% PENDING, the rest ACTIVE', () => {
    within('INACTIVE', share(CA, (r) => r.status === 'INACTIVE'), 0.025, 0.035);
    within('CANCELLED', share(CA, (r) => r.status === 'CANCELLED'), 0.003, 0.007);
    within('PENDING', share(CA, (r) => r.status === 'PENDING'), 0.003, 0.007);
    within('ACTIVE', share(CA, (r) => r.status === 'ACTIVE'), 0.95, 0.97);
  });

  it('has about 0.1% confidential voters, who carry nothing but ID, county and status', () => {
    const confidential = CA.filter((r) => r.confidential);
    within('confidential', confidential.length / N, 0.0005, 0.0017);
    for (const r of confidential) {
      assert.match(r.voterId, /^CA\d{9}$/);
      assert.match(r.countyCode, /^\d{2}$/);
      assert.ok(['ACTIVE', 'INACTIVE', 'CANCELLED', 'PENDING'].includes(r.status));
      assert.deepEqual(
        [r.firstName, r.middleName, r.lastName, r.suffix, r.dob, r.zip, r.email, r.phone, r.language, r.updatedAt],
        ['', '', '', '', '', '', '', '', '', ''],
        `confidential row ${r.voterId} leaks data`,
      );
    }
  });

  it('has about 0.2% twins: a later voter with the first name, last name, DOB and ZIP of an earlier one', () => {
    const seen = new Set<string>();
    let twins = 0;
    for (const r of CA_OPEN) {
      const key = `${r.firstName}|${r.lastName}|${r.dob}|${r.zip}`;
      if (seen.has(key)) twins++;
      seen.add(key);
    }
    within('twins', twins / N, 0.0012, 0.0032);
  });

  it('gives about 60% an email, 50% a phone, half a middle name and a few a suffix', () => {
    within('email', share(CA_OPEN, (r) => r.email !== ''), 0.58, 0.62);
    within('phone', share(CA_OPEN, (r) => r.phone !== ''), 0.48, 0.52);
    within('middle name', share(CA_OPEN, (r) => r.middleName !== ''), 0.45, 0.57);
    within('suffix', share(CA_OPEN, (r) => r.suffix !== ''), 0.01, 0.05);
  });

  it('uses reserved example domains and fictional 555-01xx numbers in E.164', () => {
    for (const r of CA_OPEN) {
      if (r.email !== '') assert.match(r.email, /^[a-z0-9._]+@example\.(com|net|org)$/);
      if (r.phone !== '') assert.match(r.phone, /^\+1[2-9]\d{2}55501\d{2}$/);
    }
  });

  it('sets languages of the profile only, consistent with the origin of names', () => {
    const allowed = new Set<string>(['', ...LANGUAGES]);
    for (const r of CA) assert.ok(allowed.has(r.language), r.language);
    // A surname is Spanish when one of its words (diacritics ignored) is a Spanish surname.
    const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[Đđ]/g, 'd').toLowerCase();
    const spanishWords = new Set(NAME_ORIGINS.find((o) => o.id === 'spanish')!.surnames.flatMap((n) => fold(n).split(' ')));
    for (const particle of ['de', 'la', 'del', 'santa']) spanishWords.delete(particle);
    const isSpanish = (r: VoterRow): boolean => fold(r.lastName).split(/[ -]/).some((w) => spanishWords.has(w));
    const vietnamese = new Set(NAME_ORIGINS.find((o) => o.id === 'vietnamese')!.surnames.map(fold));
    const es = (rows: VoterRow[]): number => share(rows, (r) => r.language === 'es');
    const vietRows = CA_OPEN.filter((r) => vietnamese.has(fold(r.lastName)));
    within('es among Spanish surnames', es(CA_OPEN.filter(isSpanish)), 0.15, 0.3);
    within('es among others', es(CA_OPEN.filter((r) => !isSpanish(r))), 0, 0.002);
    within('vi among Vietnamese surnames', share(vietRows, (r) => r.language === 'vi'), 0.15, 0.4);
    for (const lang of LANGUAGES) assert.ok(CA.some((r) => r.language === lang), `no voter prefers ${lang}`);
  });

  it('has names with diacritics, hyphens, apostrophes, particles, compound names and suffixes', () => {
    const names = CA_OPEN.map((r) => `${r.firstName} ${r.middleName} ${r.lastName}`);
    const has = (re: RegExp): boolean => names.some((n) => re.test(n));
    assert.ok(has(/[^\x00-\x7F]/), 'diacritics');
    assert.ok(CA_OPEN.some((r) => r.lastName === 'Nguyễn') && CA_OPEN.some((r) => r.lastName === 'Nguyen'), 'Nguyễn with and without diacritics');
    assert.ok(CA_OPEN.some((r) => r.lastName === 'Martínez') && CA_OPEN.some((r) => r.lastName === 'Martinez'), 'Martínez with and without diacritics');
    assert.ok(has(/\p{L}-\p{L}/u), 'hyphenated');
    assert.ok(has(/\p{L}'\p{L}/u), 'apostrophe');
    assert.ok(CA_OPEN.some((r) => /^(dela|de la|del|De) /.test(r.lastName)), 'particle');
    assert.ok(CA_OPEN.some((r) => r.firstName === 'María José'), 'compound first name');
    assert.ok(CA_OPEN.some((r) => /^\p{L}+ \p{L}+$/u.test(r.lastName) && !/^(de|del|dela|delos|Van|von|St\.|Le|Santa|Der) /i.test(r.lastName)), 'two surnames');
    for (const s of ['Jr.', 'Sr.', 'II', 'III', 'IV']) assert.ok(CA_OPEN.some((r) => r.suffix === s), `suffix ${s}`);
    for (const last of ['Wong', 'Kim', 'Patel', 'Tanaka', 'Sok', 'Santos', 'Smith']) assert.ok(CA_OPEN.some((r) => r.lastName === last), last);
    for (const r of CA_OPEN) assert.equal(r.firstName, r.firstName.trim());
  });
});

describe('generateVoters: options', () => {
  it('limits rows to the given counties', () => {
    const rows = rowsOf({ count: 2000, profile: 'ca', seed: 8, counties: ['38', '02'] });
    assert.deepEqual(new Set(rows.map((r) => r.countyCode)), new Set(['38', '02']));
    const zips = new Set([...CA_COUNTIES[37]!.zips.split(' '), ...CA_COUNTIES[1]!.zips.split(' ')]);
    for (const r of rows) if (!r.confidential) assert.ok(zips.has(r.zip));
    const one = rowsOf({ count: 300, profile: 'co', seed: 8, counties: ['28'] }); // Hinsdale, 800 people
    assert.ok(one.every((r) => r.countyCode === '28'));
  });

  it('refuses bad options with one error listing every problem', () => {
    const bad = (opts: GenerateOptions, ...words: string[]): void => {
      assert.throws(() => generateVoterCsv(opts), (err: unknown) => {
        assert.ok(err instanceof AppError);
        assert.equal(err.code, 'generate_options');
        for (const w of words) assert.match(err.message, new RegExp(w));
        return true;
      });
      assert.throws(() => rowsOf(opts), AppError);
    };
    bad({ count: 10, profile: 'ca', seed: 1, counties: ['59', '00'] }, 'unknown ca county code', '59', '00');
    bad({ count: 10, profile: 'co', seed: 1, counties: [] }, 'at least one county');
    bad({ count: -1, profile: 'ca', seed: 1.5 }, 'count', 'seed');
    bad({ count: 10, profile: 'tx' as 'ca', seed: 1 }, 'profile');
    bad({ count: 10, profile: 'ca', seed: 1, asOf: new Date('nope') }, 'asOf');
  });

  it('makes a Colorado registry with Colorado IDs, county codes and ZIPs', () => {
    const rows = rowsOf({ count: 20_000, profile: 'co', seed: 4 });
    const codes = new Set(loadProfile('co').counties.map((c) => c.code));
    assert.equal(new Set(rows.map((r) => r.voterId)).size, rows.length);
    for (const r of rows) {
      assert.match(r.voterId, /^CO\d{9}$/);
      assert.ok(codes.has(r.countyCode), r.countyCode);
      if (!r.confidential) assert.match(r.zip, /^8[01]\d{3}$/);
    }
    const top = [...Map.groupBy(rows, (r) => r.countyCode)].sort((a, b) => b[1].length - a[1].length).slice(0, 3).map(([c]) => c);
    assert.deepEqual(new Set(top), new Set(['21', '17', '03']), 'El Paso, Denver and Arapahoe are the largest');
    assert.ok(share(rows, (r) => r.language === 'es') > 0.02);
  });
});

describe('synthetic county data', () => {
  for (const [id, data] of [['ca', CA_COUNTIES], ['co', CO_COUNTIES]] as const) {
    it(`matches the ${id} profile's counties and has at least three distinct ZIPs each`, () => {
      assert.deepEqual(data.map((c) => ({ code: c.code, fips: c.fips, name: c.name })), loadProfile(id).counties);
      for (const c of data) {
        const zips = c.zips.split(' ');
        assert.ok(zips.length >= 3, `${c.name}: ${zips.length} ZIPs`);
        assert.equal(new Set(zips).size, zips.length, `${c.name} lists a ZIP twice`);
        for (const z of zips) assert.match(z, id === 'ca' ? /^9[0-6]\d{3}$/ : /^8[01]\d{3}$/, `${c.name} ${z}`);
        assert.ok(c.population > 0);
      }
    });
  }
});

describe('voter CSV', () => {
  it('has the canonical header', () => {
    assert.deepEqual(VOTER_CSV_HEADER, [
      'voter_id', 'county_code', 'first_name', 'middle_name', 'last_name', 'suffix', 'dob', 'zip',
      'status', 'confidential', 'email', 'phone', 'language', 'updated_at',
    ]);
  });

  it('parses back (csv-parse) to exactly the generated rows', async () => {
    const opts: GenerateOptions = { count: 20_000, profile: 'ca', seed: 2026 };
    const records = parse(await csvOf(opts), { relax_column_count: false }) as string[][];
    assert.deepEqual(records[0], [...VOTER_CSV_HEADER]);
    const rows = CA.slice(0, 20_000); // same options: the start of the shared sample
    assert.equal(records.length, rows.length + 1);
    rows.forEach((r, i) => assert.deepEqual(records[i + 1], rowFields(r)));
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    const row: VoterRow = {
      voterId: 'CA000000001', countyCode: '01', firstName: 'Mary, Jr', middleName: 'Ann "Nan"', lastName: "O'Brien\nSmith",
      suffix: '', dob: '1980-02-29', zip: '94501', status: 'ACTIVE', confidential: false, email: '', phone: '',
      language: 'es', updatedAt: 'x\r\ny',
    };
    const line = voterRowToCsvLine(row);
    assert.ok(line.endsWith('\n'));
    assert.ok(line.includes('"Mary, Jr","Ann ""Nan""","O\'Brien\nSmith"'));
    assert.deepEqual(parse(line), [rowFields(row)]);
    const plain = CA_OPEN[0]!;
    assert.equal(voterRowToCsvLine(plain), rowFields(plain).join(',') + '\n');
  });

  it('streams lazily: a billion-row file gives its first rows at once', async () => {
    const stream = generateVoterCsv({ count: 1_000_000_000, profile: 'ca', seed: 1 });
    let got = '';
    for await (const chunk of stream) {
      got += String(chunk);
      if (got.split('\n').length > 1000) break; // leaving the loop destroys the stream
    }
    assert.ok(got.startsWith(VOTER_CSV_HEADER.join(',') + '\n'));
    assert.ok(stream.destroyed);
  });
});
