import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate, parseDirection, resolveTrackingHeader, validateTrackingRow } from './tracking-row.ts';

const OUT = '00300314159000000001';
const RET = '00777314159000000001';

describe('tracking file rows', () => {
  const header = ['IMB', 'Routing Code', 'Election ID', 'VoteCal ID', 'Ballot ID', 'Direction', 'Mail Date'];
  const index = resolveTrackingHeader(header);
  const row = (...fields: string[]) => validateTrackingRow(fields, index, header.length);

  it('maps usual header names and requires imb, election and voter', () => {
    assert.deepEqual(index, { imb: 0, routing_code: 1, election_id: 2, voter_id: 3, ballot_id: 4, direction: 5, mail_date: 6 });
    assert.deepEqual(resolveTrackingHeader(['tracking_code', 'election', 'voter']), { imb: 0, routing_code: -1, election_id: 1, voter_id: 2, ballot_id: -1, direction: -1, mail_date: -1 });
    assert.throws(() => resolveTrackingHeader(['imb', 'ballot_id']), /lacks required column\(s\): election_id, voter_id/);
  });

  it('reads a good row, with defaults for what is optional', () => {
    assert.deepEqual(row(OUT, '94615', 'G2026', 'V1', 'B1', 'Outbound', '10/05/2026'), {
      ok: true, row: { imb: OUT, routing: '94615', electionId: 'G2026', voterId: 'V1', ballotId: 'B1', direction: 'outbound', mailDate: '2026-10-05' },
    });
    assert.deepEqual(row(`${RET}95813`, '', ' G2026 ', 'V1', '', '', ''), {
      ok: true, row: { imb: RET, routing: '95813', electionId: 'G2026', voterId: 'V1', ballotId: null, direction: 'inbound', mailDate: null },
    });
  });

  it('rejects with a reason', () => {
    const reason = (...fields: string[]) => {
      const r = row(...fields);
      assert.ok(!r.ok);
      return r.reason;
    };
    assert.match(reason('123', '', 'G2026', 'V1', '', '', ''), /has 3 digits/);
    assert.match(reason(OUT, '', '', 'V1', '', '', ''), /missing election_id/);
    assert.match(reason(OUT, '', 'G2026', '', '', '', ''), /missing voter_id/);
    assert.match(reason(OUT, '', 'G2026', 'V1', '', 'up', ''), /direction "up"/);
    assert.match(reason(OUT, '', 'G2026', 'V1', '', '', '2026-02-29'), /mail_date "2026-02-29" is not a date/);
    assert.equal(validateTrackingRow([OUT], index, header.length).ok, false);
  });

  it('infers the direction from service type 777 and reads dates strictly', () => {
    assert.equal(parseDirection('', RET), 'inbound');
    assert.equal(parseDirection('', OUT), 'outbound');
    assert.equal(parseDirection('RETURN', OUT), 'inbound');
    assert.equal(parseDirection('o', RET), 'outbound');
    assert.equal(parseDate('2026-10-05'), '2026-10-05');
    assert.equal(parseDate('1/2/2026'), '2026-01-02');
    assert.equal(parseDate('1999-12-31'), null);
    assert.equal(parseDate('2026-10-5'), null);
  });
});
