import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STATUS_CODES } from '../persisted.ts';
import {
  STATUS_MESSAGE,
  classifyStatusChange,
  compareStatusDates,
  isDecision,
  isReturned,
  messageKindForStatus,
  needsVoterAction,
} from './status.ts';

// DESIGN §2.4, copied by hand so that a change to the map has to be a change here too.
const TABLE = [
  ['ISSUED', 'outbound'],
  ['INR', 'received'],
  ['ACCEPTED', 'accepted'],
  ['VAV', 'not_accepted'],
  ['NVS', 'contact_county'],
  ['NMS', 'contact_county'],
  ['BME', 'not_accepted'],
  ['VDD', 'not_accepted'],
  ['MIA', 'not_accepted'],
  ['MRE', 'not_accepted'],
  ['NOT', 'not_accepted'],
  ['INF', 'contact_county'],
  ['OTH', 'not_accepted'],
  ['UND', 'undeliverable'],
  ['NID', 'contact_county'],
  ['CLD', 'not_accepted'],
  ['POLL', 'in_person'],
  ['VCR', 'in_person'],
] as const;

describe('STATUS_MESSAGE (DESIGN §2.4)', () => {
  for (const [code, kind] of TABLE) {
    test(`${code} → ${kind}`, () => {
      assert.equal(STATUS_MESSAGE[code], kind);
      assert.equal(messageKindForStatus(code), kind);
    });
  }

  test('maps every status code and nothing else', () => {
    assert.deepEqual(Object.keys(STATUS_MESSAGE).sort(), [...STATUS_CODES].sort());
    assert.equal(TABLE.length, STATUS_CODES.length);
  });

  test('is frozen', () => {
    assert.ok(Object.isFrozen(STATUS_MESSAGE));
  });

  test('reissued and inbound are derived, not codes', () => {
    assert.ok(!Object.values(STATUS_MESSAGE).includes('reissued'));
    assert.ok(!Object.values(STATUS_MESSAGE).includes('inbound'));
  });
});

describe('messageKindForStatus', () => {
  test('unknown codes are null, never guessed', () => {
    for (const code of ['XYZ', '', 'accepted', 'Accepted', ' INR', 'INR ', 'REISSUED', 'scan', 'toString', '__proto__']) {
      assert.equal(messageKindForStatus(code), null, code);
    }
  });
});

describe('code groups', () => {
  const DECISIONS = ['ACCEPTED', 'VAV', 'BME', 'VDD', 'MIA', 'MRE', 'NOT', 'OTH', 'CLD'];
  const ACTION = ['NVS', 'NMS', 'INF', 'NID'];
  const RETURNED = ['INR', ...DECISIONS.filter((c) => c !== 'CLD'), ...ACTION];

  for (const code of STATUS_CODES) {
    test(`${code}: decision=${DECISIONS.includes(code)} action=${ACTION.includes(code)} returned=${RETURNED.includes(code)}`, () => {
      assert.equal(isDecision(code), DECISIONS.includes(code));
      assert.equal(needsVoterAction(code), ACTION.includes(code));
      assert.equal(isReturned(code), RETURNED.includes(code));
    });
  }

  test('unknown codes belong to no group', () => {
    assert.equal(isDecision('XYZ'), false);
    assert.equal(needsVoterAction('XYZ'), false);
    assert.equal(isReturned('XYZ'), false);
  });
});

describe('compareStatusDates', () => {
  test('dates', () => {
    assert.equal(compareStatusDates('2026-10-05', '2026-10-06'), -1);
    assert.equal(compareStatusDates('2026-10-06', '2026-10-06'), 0);
    assert.equal(compareStatusDates('2026-10-07', '2026-10-06'), 1);
  });

  test('timestamps compare as instants, whatever their offsets', () => {
    assert.equal(compareStatusDates('2026-10-06T01:00:00-07:00', '2026-10-06T08:00:00Z'), 0);
    assert.equal(compareStatusDates('2026-10-06T01:00:00-07:00', '2026-10-06T07:59:59Z'), 1);
    assert.equal(compareStatusDates('2026-10-06T10:00:00.123Z', '2026-10-06T10:00:00.124Z'), -1);
  });

  test('a bare date against a timestamp compares calendar dates as written', () => {
    assert.equal(compareStatusDates('2026-10-06', '2026-10-06T23:00:00-07:00'), 0);
    assert.equal(compareStatusDates('2026-10-06T23:00:00-07:00', '2026-10-07'), -1);
    assert.equal(compareStatusDates('2026-10-07T00:30:00Z', '2026-10-06'), 1);
  });

  test('malformed dates throw', () => {
    for (const bad of ['', '10/06/2026', '2026-02-31', '2026-13-01', '2026-10-06T10:00:00', 'yesterday', '2026-10-6']) {
      assert.throws(() => compareStatusDates(bad, '2026-10-06'), RangeError, bad);
    }
  });
});

describe('classifyStatusChange', () => {
  const s = (code: string, statusDate: string) => ({ code, statusDate });

  test('first status of a ballot is new', () => {
    assert.equal(classifyStatusChange(null, s('ISSUED', '2026-10-05')), 'new');
  });

  test('same code and date is unchanged (a feed sent twice)', () => {
    assert.equal(classifyStatusChange(s('INR', '2026-10-20'), s('INR', '2026-10-20')), 'unchanged');
    assert.equal(classifyStatusChange(s('INR', '2026-10-20'), s('INR', '2026-10-20T09:00:00-07:00')), 'unchanged');
  });

  test('an earlier date is late, whatever the code', () => {
    assert.equal(classifyStatusChange(s('ACCEPTED', '2026-10-22'), s('INR', '2026-10-20')), 'late');
    assert.equal(classifyStatusChange(s('INR', '2026-10-22'), s('ACCEPTED', '2026-10-20')), 'late');
    assert.equal(classifyStatusChange(s('INR', '2026-10-22'), s('INR', '2026-10-20')), 'late');
  });

  test('a later date is changed, even a step back in the ballot life', () => {
    assert.equal(classifyStatusChange(s('ISSUED', '2026-10-05'), s('INR', '2026-10-20')), 'changed');
    assert.equal(classifyStatusChange(s('ACCEPTED', '2026-10-20'), s('INR', '2026-10-21')), 'changed');
  });

  test('same code with a later date is changed (record moves; the message key stays)', () => {
    assert.equal(classifyStatusChange(s('ISSUED', '2026-10-05'), s('ISSUED', '2026-10-07')), 'changed');
  });

  test('same day, different code: a cure (NVS then ACCEPTED) is changed', () => {
    assert.equal(classifyStatusChange(s('NVS', '2026-10-20'), s('ACCEPTED', '2026-10-20')), 'changed');
  });

  test('same day, another decision or contact-county code: the latest word wins', () => {
    assert.equal(classifyStatusChange(s('ACCEPTED', '2026-10-20'), s('NMS', '2026-10-20')), 'changed');
    assert.equal(classifyStatusChange(s('VAV', '2026-10-20'), s('CLD', '2026-10-20')), 'changed');
    assert.equal(classifyStatusChange(s('ACCEPTED', '2026-10-20'), s('POLL', '2026-10-20')), 'changed');
  });

  test('same day, a step forward is changed', () => {
    assert.equal(classifyStatusChange(s('ISSUED', '2026-10-20'), s('UND', '2026-10-20')), 'changed');
    assert.equal(classifyStatusChange(s('ISSUED', '2026-10-20'), s('INR', '2026-10-20')), 'changed');
    assert.equal(classifyStatusChange(s('INR', '2026-10-20'), s('NVS', '2026-10-20')), 'changed');
  });

  test('same day, a step back is late (date-only feeds cannot order it)', () => {
    assert.equal(classifyStatusChange(s('ACCEPTED', '2026-10-20'), s('INR', '2026-10-20')), 'late');
    assert.equal(classifyStatusChange(s('INR', '2026-10-20'), s('ISSUED', '2026-10-20')), 'late');
    assert.equal(classifyStatusChange(s('UND', '2026-10-20'), s('ISSUED', '2026-10-20')), 'late');
  });

  test('timestamps order statuses within a day', () => {
    assert.equal(classifyStatusChange(s('NVS', '2026-10-20T09:00:00Z'), s('ACCEPTED', '2026-10-20T15:00:00Z')), 'changed');
    assert.equal(classifyStatusChange(s('ACCEPTED', '2026-10-20T15:00:00Z'), s('NVS', '2026-10-20T09:00:00Z')), 'late');
  });

  test('malformed dates throw', () => {
    assert.throws(() => classifyStatusChange(s('INR', '2026-10-20'), s('ACCEPTED', '20/10/2026')), RangeError);
  });
});
