import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeName } from '../registry/normalize.ts';
import { matchIdentity, normalizeVoterId, parseIdentity, type CandidateVoter, type IdentityInput, type MatchOutcome, type ParsedIdentity } from './matching.ts';

const TODAY = '2024-11-05';

const form = (over: Partial<IdentityInput> = {}): IdentityInput => ({ firstName: 'María', lastName: "O'Brien-Núñez", dob: '01-23-1980', zip: '95814', ...over });

function parsed(over: Partial<IdentityInput> = {}): ParsedIdentity {
  const r = parseIdentity(form(over), TODAY);
  assert.ok(r.ok, `expected valid input, got ${JSON.stringify(r)}`);
  return r.identity;
}

function errorsOf(over: Partial<IdentityInput>): { field: string; code: string }[] {
  const r = parseIdentity(form(over), TODAY);
  assert.ok(!r.ok, `expected errors for ${JSON.stringify(over)}`);
  return r.errors;
}

let nextId = 1;
/** A registry record of the voter in form(), as the import would store it. */
function voter(over: Partial<CandidateVoter> & { first?: string; last?: string } = {}): CandidateVoter {
  const { first = 'MARIA', last = 'OBRIEN NUNEZ', ...rest } = over;
  return {
    voterId: `V${nextId++}`, countyCode: '34', firstKey: normalizeName(first), lastKey: normalizeName(last),
    dob: '1980-01-23', zip: '95814', status: 'ACTIVE', confidential: false, removed: false, ...rest,
  };
}

const match = (candidates: CandidateVoter[], over: Partial<IdentityInput> = {}): MatchOutcome => matchIdentity(parsed(over), candidates);

describe('parseIdentity', () => {
  it('returns the match keys of a valid form', () => {
    assert.deepEqual(parseIdentity(form({ zip: ' 95814-1234 ', voterId: ' ca 123 ' }), TODAY), {
      ok: true,
      identity: { firstKey: 'maria', lastKey: 'obriennunez', dob: '1980-01-23', zip5: '95814', voterId: 'CA123' },
    });
  });

  it('omits a blank voter ID', () => {
    assert.equal('voterId' in parsed(), false);
    assert.equal('voterId' in parsed({ voterId: '' }), false);
    assert.equal('voterId' in parsed({ voterId: '   ' }), false);
  });

  it('requires every field', () => {
    assert.deepEqual(parseIdentity({ firstName: '', lastName: ' ', dob: '', zip: '  ' }, TODAY), {
      ok: false,
      errors: [
        { field: 'firstName', code: 'name_required' },
        { field: 'lastName', code: 'name_required' },
        { field: 'dob', code: 'dob_required' },
        { field: 'zip', code: 'zip_required' },
      ],
    });
  });

  it('treats a name of punctuation only as missing', () => {
    assert.deepEqual(errorsOf({ firstName: "-'." }), [{ field: 'firstName', code: 'name_required' }]);
  });

  it('refuses names longer than 100 characters, counted in NFC code points', () => {
    assert.equal(parseIdentity(form({ lastName: 'a'.repeat(100) }), TODAY).ok, true);
    assert.deepEqual(errorsOf({ lastName: 'a'.repeat(101) }), [{ field: 'lastName', code: 'name_too_long' }]);
    assert.equal(parseIdentity(form({ lastName: 'e\u0301'.repeat(100) }), TODAY).ok, true); // 200 UTF-16 units in NFD, 100 letters
    assert.equal(parseIdentity(form({ lastName: `  ${'a'.repeat(100)}  ` }), TODAY).ok, true); // surrounding spaces do not count
    assert.deepEqual(errorsOf({ firstName: 'x'.repeat(1_000_000) }), [{ field: 'firstName', code: 'name_too_long' }]);
  });

  it('refuses characters no name has', () => {
    for (const bad of ['John2', '<b>Ann</b>', 'ann@example.com', 'Smith, Jr', 'A/B', 'Bob;', '１']) {
      assert.deepEqual(errorsOf({ firstName: bad }), [{ field: 'firstName', code: 'name_characters' }], bad);
    }
  });

  it('passes every DOB error through', () => {
    const cases: [string, string][] = [
      ['01-23-80', 'dob_two_digit_year'], ['Jan 23', 'dob_format'], ['02-29-2023', 'dob_invalid'],
      ['12-31-1899', 'dob_before_1900'], ['11-06-2024', 'dob_future'], ['', 'dob_required'],
    ];
    for (const [dob, code] of cases) assert.deepEqual(errorsOf({ dob }), [{ field: 'dob', code }], dob);
  });

  it('passes ZIP errors through and flags overseas postal codes', () => {
    assert.deepEqual(errorsOf({ zip: 'SW1A 1AA' }), [{ field: 'zip', code: 'zip_overseas' }]);
    assert.deepEqual(errorsOf({ zip: '2000' }), [{ field: 'zip', code: 'zip_overseas' }]);
    assert.deepEqual(errorsOf({ zip: '95814!' }), [{ field: 'zip', code: 'zip_format' }]);
  });

  it('checks the voter ID format when one is given', () => {
    assert.equal(parsed({ voterId: 'abc123' }).voterId, 'ABC123');
    assert.equal(parsed({ voterId: '1234-5678' }).voterId, '12345678');
    assert.equal(parsed({ voterId: 'Ａ１' }).voterId, 'A1'); // full-width
    assert.equal(parsed({ voterId: 'A'.repeat(32) }).voterId, 'A'.repeat(32));
    for (const bad of ['A'.repeat(33), 'AB_12', 'ÉA1', '12#4', '<x>']) {
      assert.deepEqual(errorsOf({ voterId: bad }), [{ field: 'voterId', code: 'voter_id_format' }], bad);
    }
  });

  it('reports all wrong fields at once', () => {
    assert.deepEqual(parseIdentity({ firstName: 'J0hn', lastName: 'Smith', dob: '13-01-1980', zip: 'K1A 0B6', voterId: '!!' }, TODAY), {
      ok: false,
      errors: [
        { field: 'firstName', code: 'name_characters' },
        { field: 'dob', code: 'dob_invalid' },
        { field: 'zip', code: 'zip_overseas' },
        { field: 'voterId', code: 'voter_id_format' },
      ],
    });
  });
});

describe('matchIdentity', () => {
  it('matches exactly one active record', () => {
    const v = voter({ countyCode: '19' });
    assert.deepEqual(match([v]), { kind: 'matched', voterId: v.voterId, countyCode: '19' });
  });

  it('says no_match when there is no candidate', () => {
    assert.deepEqual(match([]), { kind: 'no_match' });
  });

  it('compares every field exactly, whatever else the repository returned', () => {
    const others = [
      voter({ first: 'MARIO' }), voter({ last: 'OBRIEN' }), voter({ dob: '1980-01-24' }),
      voter({ dob: null }), voter({ zip: '95815' }), voter({ zip: null }),
    ];
    assert.deepEqual(match(others), { kind: 'no_match' });
    const v = voter();
    assert.deepEqual(match([...others, v]), { kind: 'matched', voterId: v.voterId, countyCode: '34' });
  });

  it('matches a registry ZIP+4 on its 5-digit ZIP', () => {
    const v = voter({ zip: '95814-1234' });
    assert.equal(match([v]).kind, 'matched');
    assert.equal(match([voter({ zip: '958141234' })]).kind, 'matched');
  });

  it('matches the spellings that are the same name', () => {
    const v = voter({ first: 'MARIA', last: "O'BRIEN-NUNEZ" });
    const spellings: Partial<IdentityInput>[] = [
      { firstName: 'maria', lastName: "o'brien-nunez" },
      { firstName: '  MARÍA ', lastName: 'O’Brien  Núñez' },
      { firstName: 'Mari\u0301a', lastName: 'O\u2019Brien-Nu\u0303n\u0303ez' }, // NFD
      { firstName: 'María'.normalize('NFC'), lastName: 'OBrien Nuñez'.normalize('NFC') },
      { firstName: 'Ｍａｒíａ', lastName: 'O Brien Nunez' },
      { lastName: 'OBRIENNUNEZ' },
    ];
    for (const s of spellings) assert.equal(match([v], s).kind, 'matched', JSON.stringify(s));
  });

  it('matches St. John / St John and Garcia-Lopez / Garcia Lopez', () => {
    assert.equal(match([voter({ first: 'JOHN', last: 'ST JOHN' })], { firstName: 'John', lastName: 'St. John' }).kind, 'matched');
    assert.equal(match([voter({ first: 'ANA', last: 'GARCIA LOPEZ' })], { firstName: 'Ana', lastName: 'Garcia-Lopez' }).kind, 'matched');
    assert.equal(match([voter({ first: 'ĐỨC', last: 'NGUYỄN' })], { firstName: 'Duc', lastName: 'Nguyen' }).kind, 'matched');
  });

  it('never matches an alias', () => {
    const aliases: [string, string][] = [['JAMES', 'Jim'], ['WILLIAM', 'Bill'], ['ROBERT', 'Bob'], ['ELIZABETH', 'Liz'], ['JOHN', 'Jon']];
    for (const [registered, typed] of aliases) {
      assert.deepEqual(match([voter({ first: registered })], { firstName: typed }), { kind: 'no_match' }, `${typed} vs ${registered}`);
    }
  });

  describe('twins (same name, DOB and ZIP)', () => {
    it('asks for the voter ID when several active records match', () => {
      assert.deepEqual(match([voter(), voter()]), { kind: 'voter_id_needed' });
      assert.deepEqual(match([voter(), voter(), voter()]), { kind: 'voter_id_needed' });
    });

    it('matches the twin whose voter ID is given, case- and space-insensitively', () => {
      const a = voter({ voterId: 'CA0001', countyCode: '01' });
      const b = voter({ voterId: 'CA0002', countyCode: '19' });
      assert.deepEqual(match([a, b], { voterId: 'ca 0002' }), { kind: 'matched', voterId: 'CA0002', countyCode: '19' });
      assert.deepEqual(match([a, b], { voterId: 'CA0001' }), { kind: 'matched', voterId: 'CA0001', countyCode: '01' });
    });

    it('says voter_id_mismatch when the given voter ID is none of them', () => {
      assert.deepEqual(match([voter(), voter()], { voterId: 'NOPE1' }), { kind: 'voter_id_mismatch' });
    });

    it('gives the status of the chosen twin when it is not active', () => {
      const a = voter({ voterId: 'A1' });
      const b = voter({ voterId: 'B2', status: 'CANCELLED' });
      assert.deepEqual(match([a, b], { voterId: 'B2' }), { kind: 'cancelled' });
    });

    it('matches the one active record when its twins are inactive, cancelled or pending', () => {
      const active = voter();
      for (const status of ['INACTIVE', 'CANCELLED', 'PENDING'] as const) {
        assert.deepEqual(match([voter({ status }), active]), { kind: 'matched', voterId: active.voterId, countyCode: '34' }, status);
      }
      assert.equal(match([voter({ status: 'CANCELLED' }), active, voter({ status: 'PENDING' })]).kind, 'matched');
    });

    it('counts a record repeated with the same voter ID once', () => {
      const v = voter({ voterId: 'CA7' });
      assert.deepEqual(match([v, { ...v, voterId: 'ca 7' }]), { kind: 'matched', voterId: 'CA7', countyCode: '34' });
    });

    it('ignores a confidential twin: it neither matches nor makes the match ambiguous', () => {
      const open = voter();
      const secret = voter({ confidential: true });
      assert.deepEqual(match([open, secret]), { kind: 'matched', voterId: open.voterId, countyCode: '34' });
      assert.deepEqual(match([secret, open]), { kind: 'matched', voterId: open.voterId, countyCode: '34' });
    });

    it('ignores a removed twin', () => {
      const kept = voter();
      assert.deepEqual(match([voter({ removed: true }), kept]), { kind: 'matched', voterId: kept.voterId, countyCode: '34' });
    });
  });

  describe('confidential and removed records', () => {
    it('a confidential voter looks like no_match, whatever its status', () => {
      for (const status of ['ACTIVE', 'INACTIVE', 'CANCELLED', 'PENDING'] as const) {
        assert.deepEqual(match([voter({ confidential: true, status })]), { kind: 'no_match' }, status);
      }
    });

    it('a confidential voter stays hidden when its voter ID is given', () => {
      const secret = voter({ voterId: 'SECRET1', confidential: true });
      assert.deepEqual(match([secret], { voterId: 'SECRET1' }), { kind: 'no_match' });
      assert.deepEqual(match([secret, voter(), voter()], { voterId: 'SECRET1' }), { kind: 'voter_id_mismatch' }); // same as if it did not exist
    });

    it('a removed record is ignored', () => {
      assert.deepEqual(match([voter({ removed: true })]), { kind: 'no_match' });
      assert.deepEqual(match([voter({ removed: true, status: 'CANCELLED' })]), { kind: 'no_match' });
      const gone = voter({ voterId: 'GONE1', removed: true });
      assert.deepEqual(match([gone, voter()], { voterId: 'GONE1' }), { kind: 'voter_id_mismatch' });
    });
  });

  describe('only non-active records', () => {
    it('tells the status of a single non-active record', () => {
      assert.deepEqual(match([voter({ status: 'INACTIVE' })]), { kind: 'inactive' });
      assert.deepEqual(match([voter({ status: 'CANCELLED' })]), { kind: 'cancelled' });
      assert.deepEqual(match([voter({ status: 'PENDING' })]), { kind: 'pending' });
    });

    it('prefers pending over inactive over cancelled, in any order', () => {
      const p = voter({ status: 'PENDING' }), i = voter({ status: 'INACTIVE' }), c = voter({ status: 'CANCELLED' });
      for (const order of [[p, i, c], [c, i, p], [i, c, p], [c, p, i]]) assert.deepEqual(match(order), { kind: 'pending' });
      assert.deepEqual(match([c, i]), { kind: 'inactive' });
      assert.deepEqual(match([i, c]), { kind: 'inactive' });
      assert.deepEqual(match([c, voter({ status: 'CANCELLED' })]), { kind: 'cancelled' });
    });
  });

  describe('a voter ID given with a single match', () => {
    it('matches when it is that record', () => {
      const v = voter({ voterId: 'CA42' });
      assert.deepEqual(match([v], { voterId: 'ca42' }), { kind: 'matched', voterId: 'CA42', countyCode: '34' });
    });

    it('says voter_id_mismatch when it is not', () => {
      assert.deepEqual(match([voter({ voterId: 'CA42' })], { voterId: 'CA43' }), { kind: 'voter_id_mismatch' });
    });

    it('is still no_match when nothing matches the name, DOB and ZIP', () => {
      assert.deepEqual(match([voter({ voterId: 'CA42', dob: '1990-01-01' })], { voterId: 'CA42' }), { kind: 'no_match' });
    });
  });
});

describe('normalizeVoterId', () => {
  it('ignores case, spaces and hyphens', () => {
    assert.equal(normalizeVoterId(' ca 1234-5678 '), 'CA12345678');
    assert.equal(normalizeVoterId('CA12345678'), 'CA12345678');
  });
});
