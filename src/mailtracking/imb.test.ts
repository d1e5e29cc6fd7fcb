import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import {
  barsFromBinary, decodeImb, encodeImb, flipBars, IMB_ERROR_CODES, ImbError, isValidImbBars, parseImbFields,
} from './imb.ts';
import type { ImbErrorCode } from './imb.ts';

const TRACKING = '01234567094987654321';
/** USPS-B-3200 Appendix test vectors for tracking 01234567094987654321. */
const VECTORS: ReadonlyArray<readonly [routing: string, bars: string]> = [
  ['', 'ATTFATTDTTADTAATTDTDTATTDAFDDFADFDFTFFFFFTATFAAAATDFFTDAADFTFDTDT'],
  ['01234', 'DTTAFADDTTFTDTFTFDTDDADADAFADFATDDFTAAAFDTTADFAAATDFDTDFADDDTDFFT'],
  ['012345678', 'ADFTTAFDTTTTFATTADTAAATFTFTATDAAAFDDADATATDTDTTDFDTDATADADTDFFTFA'],
  ['01234567891', 'AADTFFDFTDADTAADAATFDTDDAAADDTDTTDAFADADDDTFFFDDTTTADFAAADFTDAADA'],
];
/** Largest binary value a valid tracking + 11-digit routing code converts to (§2.2.1). */
const MAX_VALID_BINARY = ((101_000_100_000n * 10n + 9n) * 5n + 4n) * 10n ** 18n + (10n ** 18n - 1n);

function throwsImb(fn: () => unknown, code: ImbErrorCode, messagePattern?: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof ImbError, `expected ImbError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (messagePattern) assert.match(err.message, messagePattern);
    return true;
  });
}

/** mulberry32: small seeded PRNG so failures reproduce. */
function seededRandom(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function randomDigits(random: (n: number) => number, length: number): string {
  return Array.from({ length }, () => String(random(10))).join('');
}

/** A valid tracking code; a 9-digit mailer ID starts with 9, a 6-digit one never does. */
function randomTracking(random: (n: number) => number, mailerLength: 6 | 9): string {
  const barcodeId = String(random(10)) + String(random(5));
  const mailerId = mailerLength === 9 ? '9' + randomDigits(random, 8) : String(random(9)) + randomDigits(random, 5);
  return barcodeId + randomDigits(random, 3) + mailerId + randomDigits(random, 15 - mailerLength);
}

/** Toggles only the ascender (or only the descender) of one bar: one bit of one character. */
function toggleBit(bars: string, bit: number): string {
  const position = bit >> 1;
  const bar = bars[position]!;
  let ascender = bar === 'F' || bar === 'A';
  let descender = bar === 'F' || bar === 'D';
  if (bit & 1) ascender = !ascender;
  else descender = !descender;
  const letter = ascender && descender ? 'F' : ascender ? 'A' : descender ? 'D' : 'T';
  return bars.slice(0, position) + letter + bars.slice(position + 1);
}

function errorCodeOf(bars: string): string {
  try {
    decodeImb(bars);
    return 'decoded';
  } catch (err) {
    return err instanceof ImbError ? err.code : 'unexpected';
  }
}

/** Every barcode with exactly two of its 130 ascender/descender bits toggled. */
function* twoBitDamage(bars: string): Generator<string> {
  for (let i = 0; i < 130; i++) {
    for (let j = i + 1; j < 130; j++) yield toggleBit(toggleBit(bars, i), j);
  }
}

describe('spec test vectors', () => {
  for (const [routing, bars] of VECTORS) {
    it(`encodes routing "${routing}"`, () => {
      assert.equal(encodeImb(TRACKING, routing), bars);
    });
    it(`decodes routing "${routing}"`, () => {
      assert.deepEqual(decodeImb(bars), {
        barcodeId: '01', serviceTypeId: '234', mailerId: '567094', serialNumber: '987654321',
        routingCode: routing, tracking: TRACKING, upsideDown: false,
      });
    });
    it(`decodes routing "${routing}" read upside down`, () => {
      const decoded = decodeImb(flipBars(bars));
      assert.equal(decoded.upsideDown, true);
      assert.equal(decoded.tracking, TRACKING);
      assert.equal(decoded.routingCode, routing);
    });
  }
  it('encodes with routing omitted the same as empty routing', () => {
    assert.equal(encodeImb(TRACKING), VECTORS[0]![1]);
  });
});

describe('parseImbFields', () => {
  it('splits a 6-digit mailer ID and 9-digit serial', () => {
    assert.deepEqual(parseImbFields('00270123456123456789', '94105'), {
      barcodeId: '00', serviceTypeId: '270', mailerId: '123456', serialNumber: '123456789', routingCode: '94105',
    });
  });
  it('splits a 9-digit mailer ID (starts with 9) and 6-digit serial', () => {
    assert.deepEqual(parseImbFields('00777912345678123456'), {
      barcodeId: '00', serviceTypeId: '777', mailerId: '912345678', serialNumber: '123456', routingCode: '',
    });
  });
  it('accepts the extremes of every field', () => {
    assert.equal(parseImbFields('94999999999999999999', '99999999999').barcodeId, '94');
    assert.equal(parseImbFields('00000000000000000000', '00000').routingCode, '00000');
  });
});

describe('input errors', () => {
  const cases: ReadonlyArray<readonly [string, () => unknown, ImbErrorCode, RegExp]> = [
    ['tracking with a letter', () => encodeImb('0123456709498765432X'), 'imb_tracking_digits', /Tracking code.*digits/],
    ['tracking with a space', () => encodeImb('01234 67094987654321'), 'imb_tracking_digits', /Tracking code/],
    ['tracking with full-width digits', () => encodeImb('０１234567094987654321'), 'imb_tracking_digits', /Tracking code/],
    ['tracking not a string', () => encodeImb(undefined as unknown as string), 'imb_tracking_digits', /Tracking code/],
    ['tracking of 19 digits', () => encodeImb(TRACKING.slice(1)), 'imb_tracking_length', /Tracking code.*20 digits; got 19/],
    ['tracking of 21 digits', () => encodeImb(TRACKING + '0'), 'imb_tracking_length', /got 21/],
    ['empty tracking', () => encodeImb(''), 'imb_tracking_length', /got 0/],
    ['barcode ID second digit 5', () => encodeImb('05234567094987654321'), 'imb_barcode_id', /Barcode ID.*second digit.*0-4; got 5/],
    ['barcode ID second digit 9', () => parseImbFields('09234567094987654321'), 'imb_barcode_id', /got 9/],
    ['routing with a dash', () => encodeImb(TRACKING, '94105-1234'), 'imb_routing_digits', /Routing code.*digits/],
    ['routing not a string', () => encodeImb(TRACKING, 94105 as unknown as string), 'imb_routing_digits', /Routing code/],
    ['routing of 4 digits', () => encodeImb(TRACKING, '9410'), 'imb_routing_length', /Routing code.*5, 9 or 11 digits; got 4/],
    ['routing of 10 digits', () => encodeImb(TRACKING, '9410512345'), 'imb_routing_length', /got 10/],
    ['routing of 12 digits', () => parseImbFields(TRACKING, '941051234512'), 'imb_routing_length', /got 12/],
  ];
  for (const [name, fn, code, message] of cases) {
    it(`rejects ${name} with ${code}`, () => throwsImb(fn, code, message));
  }
  it('ImbError is an AppError with status 400 and a serialisable body', () => {
    let caught: unknown;
    try {
      encodeImb('1');
    } catch (err) {
      caught = err;
    }
    assert.ok(caught instanceof AppError && caught instanceof ImbError);
    assert.equal(caught.status, 400);
    assert.equal(caught.messageKey, 'imb_tracking_length');
    assert.deepEqual(caught.toJSON(), {
      error: { code: 'imb_tracking_length', message: 'Tracking code must be exactly 20 digits; got 1.', details: { length: 1 } },
    });
  });
});

describe('bar errors', () => {
  const bars = VECTORS[1]![1];
  it('rejects 64 and 66 bars and the empty string with imb_bars_length', () => {
    throwsImb(() => decodeImb(bars.slice(1)), 'imb_bars_length', /65 bars; got 64/);
    throwsImb(() => decodeImb(bars + 'T'), 'imb_bars_length', /got 66/);
    throwsImb(() => decodeImb(''), 'imb_bars_length', /got 0/);
    throwsImb(() => decodeImb(null as unknown as string), 'imb_bars_length');
  });
  it('rejects a letter other than F/A/D/T (including lower case) with imb_bars_character', () => {
    for (const letter of ['X', 'f', ' ', '1']) {
      throwsImb(() => decodeImb('ATT' + letter + bars.slice(4)), 'imb_bars_character', /bar 4 must be one of F, A, D, T/);
    }
  });
  it('rejects a character outside the 5-of-13 and 2-of-13 tables with imb_bars_damaged', () => {
    throwsImb(() => decodeImb('T'.repeat(65)), 'imb_bars_damaged', /character .* not a valid IMb character/);
    throwsImb(() => decodeImb('F'.repeat(65)), 'imb_bars_damaged');
    throwsImb(() => decodeImb(toggleBit(bars, 0)), 'imb_bars_damaged');
  });
  it('rejects valid characters with an odd codeword J (no orientation) with imb_bars_orientation', () => {
    const damaged = [...twoBitDamage(bars)].find((b) => errorCodeOf(b) === 'imb_bars_orientation');
    assert.ok(damaged, 'some two-bit change of character J gives an odd codeword');
    throwsImb(() => decodeImb(damaged), 'imb_bars_orientation', /codeword J is odd/);
  });
  it('rejects valid characters whose CRC does not match with imb_bars_crc', () => {
    const damaged = [...twoBitDamage(bars)].find((b) => errorCodeOf(b) === 'imb_bars_crc');
    assert.ok(damaged, 'some two-bit change turns one character into another valid one');
    throwsImb(() => decodeImb(damaged), 'imb_bars_crc', /frame check sequence \(CRC\)/);
  });
  it('rejects a well-formed barcode whose value is beyond any routing code with imb_bars_range', () => {
    assert.equal(barsFromBinary(MAX_VALID_BINARY), encodeImb('94999999999999999999', '99999999999'));
    throwsImb(() => decodeImb(barsFromBinary(MAX_VALID_BINARY + 1n)), 'imb_bars_range', /routing value beyond/);
  });
  it('throws every declared error code for some input', () => {
    const damagedWith = (code: string) => [...twoBitDamage(bars)].find((b) => errorCodeOf(b) === code)!;
    const producers: Record<ImbErrorCode, () => unknown> = {
      imb_tracking_digits: () => encodeImb('x'),
      imb_tracking_length: () => encodeImb('1'),
      imb_barcode_id: () => encodeImb('07234567094987654321'),
      imb_routing_digits: () => encodeImb(TRACKING, 'x'),
      imb_routing_length: () => encodeImb(TRACKING, '1'),
      imb_bars_length: () => decodeImb('F'),
      imb_bars_character: () => decodeImb('X'.repeat(65)),
      imb_bars_damaged: () => decodeImb('T'.repeat(65)),
      imb_bars_orientation: () => decodeImb(damagedWith('imb_bars_orientation')),
      imb_bars_crc: () => decodeImb(damagedWith('imb_bars_crc')),
      imb_bars_range: () => decodeImb(barsFromBinary(MAX_VALID_BINARY + 1n)),
    };
    assert.deepEqual(Object.keys(producers).sort(), [...IMB_ERROR_CODES].sort());
    for (const [code, produce] of Object.entries(producers)) throwsImb(produce, code as ImbErrorCode);
  });
});

describe('damage detection', () => {
  for (const [routing, bars] of VECTORS) {
    it(`detects every single-bar substitution in vector "${routing}" (65 × 3)`, () => {
      for (let position = 0; position < 65; position++) {
        for (const letter of 'FADT') {
          if (letter === bars[position]) continue;
          const damaged = bars.slice(0, position) + letter + bars.slice(position + 1);
          assert.equal(isValidImbBars(damaged), false, `bar ${position + 1} → ${letter}`);
          throwsImb(() => decodeImb(damaged), 'imb_bars_damaged');
        }
      }
    });
    it(`never decodes any two-bit damage of vector "${routing}" (8,385 cases)`, () => {
      for (const damaged of twoBitDamage(bars)) {
        const code = errorCodeOf(damaged);
        assert.ok(['imb_bars_damaged', 'imb_bars_orientation', 'imb_bars_crc'].includes(code), `${damaged}: ${code}`);
      }
    });
  }
});

describe('round trips', () => {
  const random = seededRandom(20241105);
  const routingLengths = [0, 5, 9, 11] as const;
  it('decodes 4,000 random valid codes back to their fields, both ways up', () => {
    for (let i = 0; i < 4000; i++) {
      const mailerLength = i % 8 < 4 ? 6 : 9;
      const tracking = randomTracking(random, mailerLength);
      const routing = randomDigits(random, routingLengths[i % 4]!);
      const bars = encodeImb(tracking, routing);
      assert.match(bars, /^[FADT]{65}$/);
      const expected = { ...parseImbFields(tracking, routing), tracking };
      assert.equal(expected.mailerId.length, mailerLength);
      assert.deepEqual(decodeImb(bars), { ...expected, upsideDown: false }, `${tracking}/${routing}`);
      assert.deepEqual(decodeImb(flipBars(bars)), { ...expected, upsideDown: true }, `${tracking}/${routing} flipped`);
    }
  });
  it('round-trips the smallest and largest codes of each routing length', () => {
    for (const length of routingLengths) {
      for (const [tracking, digit] of [['00000000000000000000', '0'], ['94999999999999999999', '9']] as const) {
        const routing = digit.repeat(length);
        const decoded = decodeImb(encodeImb(tracking, routing));
        assert.equal(decoded.tracking, tracking);
        assert.equal(decoded.routingCode, routing);
      }
    }
  });
});

describe('isValidImbBars', () => {
  it('is true for valid bars either way up and false for anything undecodable', () => {
    assert.equal(isValidImbBars(VECTORS[2]![1]), true);
    assert.equal(isValidImbBars(flipBars(VECTORS[2]![1])), true);
    assert.equal(isValidImbBars(''), false);
    assert.equal(isValidImbBars('T'.repeat(65)), false);
    assert.equal(isValidImbBars(VECTORS[2]![1].toLowerCase()), false);
  });
});

describe('barsFromBinary', () => {
  it('refuses values outside the codeword range', () => {
    assert.throws(() => barsFromBinary(-1n), RangeError);
    assert.throws(() => barsFromBinary(659n * 1365n ** 8n * 636n), RangeError);
    assert.match(barsFromBinary(659n * 1365n ** 8n * 636n - 1n), /^[FADT]{65}$/);
  });
});
