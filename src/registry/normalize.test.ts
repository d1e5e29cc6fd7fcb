import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIsoDate, isNameText, normalizeName, normalizeZip, parseDob } from './normalize.ts';

const same = (a: string, b: string): void => assert.equal(normalizeName(a), normalizeName(b), `${JSON.stringify(a)} should match ${JSON.stringify(b)}`);
const differ = (a: string, b: string): void => assert.notEqual(normalizeName(a), normalizeName(b), `${JSON.stringify(a)} must not match ${JSON.stringify(b)}`);

describe('normalizeName', () => {
  it('ignores case', () => {
    same('GARCIA', 'garcia');
    same('McDonald', 'MCDONALD');
    same('ÉLODIE', 'élodie');
    assert.equal(normalizeName('Smith'), 'smith');
  });

  it('ignores surrounding, double and other whitespace', () => {
    same('  Smith  ', 'Smith');
    same('Mary  Ann', 'Mary Ann');
    same('Mary\tAnn', 'Mary Ann');
    same('Mary\u00A0Ann', 'Mary Ann'); // no-break space
    same('Mary\u3000Ann', 'Mary Ann'); // ideographic space
    same('\u200BSmith\uFEFF', 'Smith'); // zero-width space, BOM from copy-paste
    same('Smi\u00ADth', 'Smith'); // soft hyphen
  });

  it('drops hyphens of every kind: Garcia-Lopez = Garcia Lopez = GarciaLopez', () => {
    same('Garcia-Lopez', 'Garcia Lopez');
    same('Garcia-Lopez', 'GarciaLopez');
    same('Garcia - Lopez', 'Garcia Lopez');
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFF0D', '\uFE63']) same(`Garcia${dash}Lopez`, 'Garcia-Lopez');
  });

  it("drops apostrophes of every kind: O'Brien = OBrien = O Brien", () => {
    same("O'Brien", 'OBrien');
    same("O'Brien", 'O Brien');
    for (const apostrophe of ['\u2019', '\u2018', '\u02BC', '\u02BB', '`', '\u00B4', '\uFF07']) same(`O${apostrophe}Brien`, "O'Brien");
    same("D'Angelo", 'DAngelo');
    same("N'Diaye", 'Ndiaye');
  });

  it('drops periods: St. John = St John = St.John', () => {
    same('St. John', 'St John');
    same('St.John', 'St John');
    same('St. John', 'StJohn');
    same('J.R.', 'JR');
    same('A. J.', 'AJ');
    same('Gal\u00B7la', 'Galla'); // Catalan middle dot
    same('Ga\u0140la', 'Galla'); // ŀ decomposes to l·
    same('ジョン・スミス', 'ジョンスミス'); // katakana middle dot
    same('ｼﾞｮﾝ･ｽﾐｽ', 'ジョン・スミス'); // half-width katakana
  });

  it('ignores diacritics', () => {
    same('José', 'Jose');
    same('Peña', 'Pena');
    same('Nguyễn', 'Nguyen');
    same('Müller', 'Muller');
    same('François', 'Francois');
    same('Zoë', 'Zoe');
    same('Ångström', 'Angstrom');
    same('Dvořák', 'Dvorak');
    same('Şahin', 'Sahin');
    same('İnönü', 'Inonu');
    same('Trương', 'Truong'); // horn
    same('Þórunn', 'Thorunn');
  });

  it('folds letters that have no decomposition', () => {
    same('Đặng', 'Dang');
    same('đức', 'Duc');
    same('Ødegård', 'Odegard');
    same('Łukasz', 'Lukasz');
    same('Strauß', 'Strauss');
    same('STRAUẞ', 'Strauss');
    same('Guðrún', 'Gudrun');
    same('Þór', 'Thor');
    same('Ærø', 'Aero');
    same('Œuvre', 'Oeuvre');
    same('Işık', 'Isik');
    same('Ħal', 'Hal');
  });

  it('treats NFC and NFD input alike', () => {
    const nfc = 'Jos\u00E9 Pe\u00F1a Nguy\u1EC5n';
    const nfd = nfc.normalize('NFD');
    assert.notEqual(nfc, nfd);
    same(nfc, nfd);
    same('\uD55C\uAE00', '\uD55C\uAE00'.normalize('NFD')); // Hangul syllables vs jamo
  });

  it('treats full-width and ligature forms as the letters they show', () => {
    same('ＳＭＩＴＨ', 'Smith');
    same('ﬁnn', 'Finn');
    same('ｶﾞｸ', 'ガク');
  });

  it('never treats aliases or different letters as the same name', () => {
    differ('Jim', 'James');
    differ('Bill', 'William');
    differ('Bob', 'Robert');
    differ('Jon', 'John');
    differ('Ann', 'Anne');
    differ('Smith', 'Smyth');
    differ('Lee', 'Li');
    differ('Amy', 'May'); // same letters, other order
    differ('John 2', 'John');
    differ('Jo', 'J');
  });

  it('keeps the letters of non-Latin scripts that are not diacritics', () => {
    differ('ガク', 'カク'); // dakuten is a different sound
    differ('किरण', 'करण'); // Devanagari vowel sign
    differ('สมชาย', 'สมชย'); // Thai vowel
    differ('김', '금');
    same('Ελένη', 'ΕΛΕΝΗ'.normalize('NFD'));
    same('ΟΔΥΣΣΕΥΣ', 'Οδυσσευσ'); // final sigma
  });

  it('returns a plain lower-case key unchanged and is stable on keys', () => {
    const key = 'garcialopez';
    assert.equal(normalizeName(key), key);
    assert.equal(normalizeName('Garcia-Lopez'), key);
    assert.equal(normalizeName(''), '');
    assert.equal(normalizeName(" - ' . "), '');
  });

  it('gives the same key for ASCII on the fast path and the Unicode path', () => {
    // A trailing zero-width space (dropped) forces the Unicode path.
    for (const s of ["O'Brien", 'ST. JOHN', 'Garcia-Lopez', 'a\tb\nc\vd\fe\rf', 'x`y', 'A1@<b>', '\x1c\x7f', ''.padEnd(300, 'Ab -')]) {
      assert.equal(normalizeName(s), normalizeName(`${s}\u200B`), JSON.stringify(s));
    }
  });

  it('is idempotent, and equal to the fast path on ASCII, over generated strings (property)', () => {
    const random = mulberry32(20241105);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const interesting = [
      ...'aAzZ09 -\'.`\t', ...'éÉñÑøØłŁđĐðÐßẞæÆœŒþÞıİħĦŧŦςΣσ', '\u0301', '\u0308', '\u031B', '\u0345', '\u3099',
      ...'ễỄơƯ’‘ʼʻ´·・ｶﾞ－＇．ＡＺ０ﬁﬀ℡㎒ⅰ①', '\u00A0', '\u200B', '\u200D', '\u00AD', '\uFEFF', '\u2013', '\u2212',
      ...'가각ㄱᄀ한글かがカガ漢字', ...'кийёЁ', ...'किरणสมชาย', 'ǅ', 'ǈ', 'ŉ', 'ŀ', 'Ω', 'Å', 'K', '\uD83D\uDE00',
    ];
    const anyCodePoint = (): string => {
      const cp = Math.floor(random() * 0x30000);
      return cp >= 0xD800 && cp <= 0xDFFF ? 'x' : String.fromCodePoint(cp);
    };
    let checked = 0;
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(random() * 12);
      let s = '';
      for (let j = 0; j < length; j++) s += random() < 0.75 ? pick(interesting) : anyCodePoint();
      const key = normalizeName(s);
      assert.equal(normalizeName(key), key, `not idempotent on ${JSON.stringify(s)}`);
      assert.equal(key, key.normalize('NFC'), `key not NFC for ${JSON.stringify(s)}`);
      assert.equal(normalizeName(s.normalize('NFD')), key, `NFD differs for ${JSON.stringify(s)}`);
      const ascii = s.replace(/[^\x00-\x7F]/g, '');
      assert.equal(normalizeName(ascii), normalizeName(`${ascii}\u200B`), `fast path differs on ${JSON.stringify(ascii)}`);
      checked++;
    }
    assert.equal(checked, 5000);
  });
});

describe('isNameText', () => {
  it('accepts letters of any script, marks, spaces and name punctuation', () => {
    for (const s of ["O'Brien", 'Garcia-Lopez', 'St. John', 'José', 'Jose\u0301', 'Nguyễn', '김민준', 'ジョン・スミス', 'Ｓｍｉｔｈ', 'O´Brien', 'Kaʻahumanu', 'Gal·la', 'Anne–Marie', '']) {
      assert.equal(isNameText(s), true, s);
    }
  });
  it('refuses digits and symbols no name has', () => {
    for (const s of ['John2', 'J0hn', '<script>', 'a@b', 'Smith, Jr', 'Smith;', 'A/B', '(Bob)', 'Smith!', 'Bob™', 'Ⅲ', '１', '😀', 'tab\u0007']) {
      assert.equal(isNameText(s), false, s);
    }
  });
});

describe('normalizeZip', () => {
  it('accepts a 5-digit ZIP and ZIP+4 in its usual forms', () => {
    assert.deepEqual(normalizeZip('95814'), { zip5: '95814' });
    assert.deepEqual(normalizeZip('95814-1234'), { zip5: '95814' });
    assert.deepEqual(normalizeZip('958141234'), { zip5: '95814' });
    assert.deepEqual(normalizeZip('95814 1234'), { zip5: '95814' });
    assert.deepEqual(normalizeZip('  95814 '), { zip5: '95814' });
    assert.deepEqual(normalizeZip('\t95814-1234\n'), { zip5: '95814' });
    assert.deepEqual(normalizeZip('０２１３８'), { zip5: '02138' }); // full-width digits
    assert.deepEqual(normalizeZip('00501'), { zip5: '00501' }); // leading zeros kept
  });

  it('accepts 5-digit foreign codes, which cannot be told from a ZIP', () => {
    assert.deepEqual(normalizeZip('75008'), { zip5: '75008' }); // Paris
    assert.deepEqual(normalizeZip('10115'), { zip5: '10115' }); // Berlin
  });

  it('recognises foreign postal codes as zip_overseas', () => {
    for (const s of ['SW1A 1AA', 'sw1a 1aa', 'K1A 0B6', 'K1A0B6', '2000', '100-0001', '1000001', '123 45', '01-234', '1234-567', '12345-678', '110001', '1012 AB', 'D02 X285', 'C1425', '1234567890', '9581']) {
      assert.deepEqual(normalizeZip(s), { error: 'zip_overseas' }, s);
    }
  });

  it('refuses other shapes as zip_format', () => {
    for (const s of ['', '   ', 'abcde', 'none', '95814!', '#95814', '95.814', '95814--1234', '95814 - 1234', '1234567890123', '95814/1234', 'n/a']) {
      assert.deepEqual(normalizeZip(s), { error: 'zip_format' }, JSON.stringify(s));
    }
  });
});

describe('parseDob', () => {
  const today = '2024-11-05';
  const ok = (s: string, dob: string): void => assert.deepEqual(parseDob(s, today), { dob }, s);
  const err = (s: string, error: string): void => assert.deepEqual(parseDob(s, today), { error }, s);

  it('accepts MM-DD-YYYY, MM/DD/YYYY, M/D/YYYY, M-D-YYYY and ISO', () => {
    ok('01-23-1980', '1980-01-23');
    ok('01/23/1980', '1980-01-23');
    ok('1/23/1980', '1980-01-23');
    ok('1-3-1980', '1980-01-03');
    ok('1980-01-23', '1980-01-23');
    ok('1980/1/23', '1980-01-23');
    ok('  01-23-1980 ', '1980-01-23');
    ok('０１-２３-１９８０', '1980-01-23');
  });

  it('reads an ambiguous day-month pair as US month first', () => {
    ok('03-04-1980', '1980-03-04');
    err('25-12-1980', 'dob_invalid'); // never re-read as 25 December
  });

  it('dob_required when blank', () => {
    err('', 'dob_required');
    err('   ', 'dob_required');
  });

  it('dob_two_digit_year', () => {
    err('01-23-80', 'dob_two_digit_year');
    err('1/2/80', 'dob_two_digit_year');
    err('01/23/00', 'dob_two_digit_year');
    err('80-01-23', 'dob_two_digit_year'); // whichever end the year is on
  });

  it('dob_format for other shapes', () => {
    for (const s of ['01231980', '19800123', '01.23.1980', '01-23/1980', '1980-01/23', 'Jan 23 1980', '01-23-198', '01-23-19800', '001-23-1980', '1980-01', 'yesterday', '01 23 1980', '1980-01-23T00:00']) {
      err(s, 'dob_format');
    }
  });

  it('dob_invalid for dates that do not exist', () => {
    for (const s of ['13-01-1980', '00-10-1980', '01-32-1980', '01-00-1980', '04-31-1980', '06-31-1980', '09-31-1980', '11-31-1980', '02-30-2000', '1980-13-01', '1980-02-30']) {
      err(s, 'dob_invalid');
    }
    ok('01-31-1980', '1980-01-31');
    ok('12-31-1980', '1980-12-31');
  });

  it('knows the leap years', () => {
    ok('02-29-2000', '2000-02-29'); // divisible by 400
    ok('02-29-1996', '1996-02-29');
    err('02-29-1900', 'dob_invalid'); // divisible by 100, not 400
    err('02-29-2023', 'dob_invalid');
    ok('02-28-2023', '2023-02-28');
  });

  it('dob_before_1900', () => {
    err('12-31-1899', 'dob_before_1900');
    err('01-01-0001', 'dob_before_1900');
    ok('01-01-1900', '1900-01-01');
  });

  it('dob_future: today is accepted, tomorrow is not', () => {
    ok('11-05-2024', '2024-11-05');
    err('11-06-2024', 'dob_future');
    err('2025-01-01', 'dob_future');
    assert.deepEqual(parseDob('12-31-2024', '2024-12-31'), { dob: '2024-12-31' });
    assert.deepEqual(parseDob('01-01-2025', '2024-12-31'), { error: 'dob_future' });
  });

  it('refuses a malformed today (a programming error)', () => {
    assert.throws(() => parseDob('01-23-1980', '11/05/2024'), TypeError);
    assert.throws(() => parseDob('01-23-1980', '2023-02-29'), TypeError);
  });
});

describe('isIsoDate', () => {
  it('is true only for real padded YYYY-MM-DD dates', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2023-02-29'), false);
    assert.equal(isIsoDate('2024-2-29'), false);
  });
});

/** A small seeded PRNG, so the property test is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
