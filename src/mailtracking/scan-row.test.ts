import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeImb } from './imb.ts';
import { detectDelimiter, parseScanTime, resolveScanHeader, scanInputFromFields, splitImb, validateScan, type ScanContext, type ScanInput, type StagedScan } from './scan-row.ts';
import { isInferredEvent, scanMeaning } from './scan-meaning.ts';
import { utcFromLocal, utcFromLocalUncached } from './local-time.ts';
import { stagingLine, stagingValues } from './scans.repository.ts';
import { copyLine } from '../feeds/csv.ts';
import type { Facility } from './facility.ts';

const TRACKING = '00300314159000000001';
const FACILITIES: Record<string, Facility> = {
  '94615': { zip: '94615', timeZone: 'America/Los_Angeles', city: 'Oakland', state: 'CA' },
  '34001': { zip: '34001', timeZone: null, city: 'Apo', state: 'AA' },
};
const ctx: ScanContext = {
  facilities: (zip) => FACILITIES[zip] ?? { zip, timeZone: null, city: null, state: null },
  now: new Date('2026-10-20T16:00:00Z'),
};
const input = (over: Partial<ScanInput> = {}): ScanInput => ({ imb: TRACKING, eventCode: '891', facilityZip: '94615', time: '2026-10-05 18:30:00', ...over });

describe('parseScanTime', () => {
  /** The parsed time written back as 'YYYY-MM-DD HH:MM:SS.mmm' and its offset in minutes. */
  const read = (text: string) => {
    const t = parseScanTime(text);
    if (t === null) return null;
    const [y, mo, d, h, mi, s, ms] = t.parts;
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    return { local: `${y}-${p(mo)}-${p(d)} ${p(h)}:${p(mi)}:${p(s)}.${p(ms, 3)}`, offset: t.offsetMinutes };
  };
  it('reads ISO and US forms, with or without seconds, offsets and a 12-hour clock', () => {
    assert.deepEqual(read('2026-10-05 18:30:00'), { local: '2026-10-05 18:30:00.000', offset: null });
    assert.deepEqual(read('2026-10-05T18:30'), { local: '2026-10-05 18:30:00.000', offset: null });
    assert.deepEqual(read('2026-10-05T18:30:00.123456Z'), { local: '2026-10-05 18:30:00.123', offset: 0 });
    assert.deepEqual(read('2026-10-05T18:30:00-0700'), { local: '2026-10-05 18:30:00.000', offset: -420 });
    assert.deepEqual(read('2026-10-05 18:30:00 +05:30'), { local: '2026-10-05 18:30:00.000', offset: 330 });
    assert.deepEqual(read('10/5/2026 6:30:00 PM'), { local: '2026-10-05 18:30:00.000', offset: null });
    assert.deepEqual(read('10/05/2026 12:05 AM'), { local: '2026-10-05 00:05:00.000', offset: null });
    assert.deepEqual(read('10/05/2026 12:05 PM'), { local: '2026-10-05 12:05:00.000', offset: null });
    assert.deepEqual(read('10/05/2026 23:05:09'), { local: '2026-10-05 23:05:09.000', offset: null });
    assert.deepEqual(read('10/05/2026 11:05:09 pm'), { local: '2026-10-05 23:05:09.000', offset: null });
    assert.deepEqual(read('2026-10-05T18:30:00+05'), { local: '2026-10-05 18:30:00.000', offset: 300 });
  });
  it('refuses what is not a real date and time', () => {
    for (const bad of ['', '2026-10-05', '2026-02-29 10:00', '2026-13-01 10:00', '2026-10-05 24:00', '2026-10-05 10:60', '10/05/2026 13:00 PM',
      '10/05/2026 0:10 AM', '2026-10-05T10:00:00+15:00', 'yesterday', '2026-10-05 10:00:61']) {
      assert.equal(parseScanTime(bad), null, bad);
    }
    assert.notEqual(parseScanTime('2028-02-29 10:00'), null);
  });
});

describe('splitImb', () => {
  it('takes a tracking code, tracking + routing, or the bars', () => {
    assert.deepEqual(splitImb(TRACKING, ''), { tracking: TRACKING, routing: '' });
    assert.deepEqual(splitImb(`${TRACKING}94615`, ''), { tracking: TRACKING, routing: '94615' });
    assert.deepEqual(splitImb(`${TRACKING}946151234`, ''), { tracking: TRACKING, routing: '946151234' });
    assert.deepEqual(splitImb(`${TRACKING}94615123401`, ''), { tracking: TRACKING, routing: '94615123401' });
    assert.deepEqual(splitImb(TRACKING, '94615'), { tracking: TRACKING, routing: '94615' });
    assert.deepEqual(splitImb(`${TRACKING}94615`, '94615'), { tracking: TRACKING, routing: '94615' });
    assert.deepEqual(splitImb(encodeImb(TRACKING, '94615').toLowerCase(), ''), { tracking: TRACKING, routing: '94615' });
    assert.deepEqual(splitImb(' 00-300-314159-000000001 ', ''), { tracking: TRACKING, routing: '' });
  });
  it('gives a reason for anything else', () => {
    assert.match(splitImb('12345', '') as string, /has 5 digits/);
    assert.match(splitImb('0030031415900000000A', '') as string, /must be digits/);
    assert.match(splitImb('05300314159000000001', '') as string, /Barcode ID's second digit must be 0-4/);
    assert.match(splitImb(TRACKING, '1234') as string, /Routing code.*5, 9 or 11 digits/);
    assert.match(splitImb(`${TRACKING}94615`, '90012') as string, /differs from the routing_code column/);
    assert.match(splitImb('F'.repeat(65), '') as string, /bars do not decode/);
  });
});

describe('validateScan', () => {
  it('stages a local time with the facility zone, and an instant without one', () => {
    const local = validateScan(input(), ctx);
    assert.ok(local.ok);
    assert.deepEqual(local.scan, {
      imb: TRACKING, routing: '', scannedAtMs: Date.parse('2026-10-06T01:30:00.000Z'), eventCode: '891',
      facilityZip: '94615', facilityCity: 'Oakland', facilityState: 'CA', mailPhase: null, handlingEventType: null, meaning: 'processed',
    });
    const instant = validateScan(input({ time: '2026-10-05T18:30:00Z', facilityZip: '', facilityCity: 'Somewhere', facilityState: 'ca' }), ctx);
    assert.ok(instant.ok);
    assert.deepEqual([new Date(instant.scan.scannedAtMs).toISOString(), instant.scan.facilityZip, instant.scan.facilityCity, instant.scan.facilityState], ['2026-10-05T18:30:00.000Z', null, 'Somewhere', 'CA']);
    const offset = validateScan(input({ time: '2026-10-05T18:30:00.25-0700' }), ctx);
    assert.ok(offset.ok && new Date(offset.scan.scannedAtMs).toISOString() === '2026-10-06T01:30:00.250Z');
    const zipPlus4 = validateScan(input({ facilityZip: '94615-1234' }), ctx);
    assert.ok(zipPlus4.ok && zipPlus4.scan.facilityZip === '94615');
  });
  it('rejects with a reason', () => {
    const reason = (over: Partial<ScanInput>) => {
      const r = validateScan(input(over), ctx);
      assert.ok(!r.ok);
      return r.reason;
    };
    assert.match(reason({ imb: '' }), /missing IMB/);
    assert.match(reason({ time: ' ' }), /missing scan time/);
    assert.match(reason({ eventCode: '' }), /missing operation code/);
    assert.match(reason({ eventCode: '8 9' }), /operation code "8 9"/);
    assert.match(reason({ facilityZip: '9461' }), /facility ZIP "9461" is not a ZIP code/);
    assert.match(reason({ facilityZip: '34001' }), /unknown facility ZIP 34001: its time zone is not known/);
    assert.match(reason({ facilityZip: '' }), /no offset and no facility ZIP/);
    assert.match(reason({ time: '1999-12-31 12:00:00' }), /before 2000/);
    assert.match(reason({ time: '2026-10-22 10:00:00' }), /in the future/);
    assert.match(reason({ time: '2026-10-05' }), /not a date and time/);
    // an unknown ZIP is fine when the time carries its offset
    assert.ok(validateScan(input({ facilityZip: '34001', time: '2026-10-05T18:30:00+09:00' }), ctx).ok);
  });
});

describe('scan files', () => {
  it('finds columns by their usual names, or reads five unnamed columns in the documented order', () => {
    const named = resolveScanHeader(['Scan Facility ZIP', 'OpCode', 'scanDatetime', 'IMB Routing Code', 'IMB_Tracking_Code', 'Mail Phase', 'Other']);
    assert.equal(named.headerless, false);
    assert.deepEqual([named.index.facility_zip, named.index.operation_code, named.index.scan_time, named.index.routing_code, named.index.tracking_code, named.index.mail_phase, named.index.imb], [0, 1, 2, 3, 4, 5, -1]);
    const bare = resolveScanHeader(['94615', '891', '2026-10-05 18:30:00', '', TRACKING]);
    assert.equal(bare.headerless, true);
    assert.deepEqual(scanInputFromFields(['94615', '891', '2026-10-05 18:30:00', '', TRACKING], bare.index, 5), {
      imb: TRACKING, routing: '', eventCode: '891', facilityZip: '94615', time: '2026-10-05 18:30:00',
      facilityCity: '', facilityState: '', mailPhase: '', handlingEventType: '',
    });
    assert.equal(scanInputFromFields(['94615'], bare.index, 5), 'expected 5 columns, found 1');
    const imbOnly = resolveScanHeader(['facility_zip', 'operation_code', 'scan_time', 'imb']);
    assert.equal(imbOnly.index.imb, 3);
    assert.throws(() => resolveScanHeader(['facility_zip', 'scan_time', 'routing_code']), /lacks required column\(s\): operation_code, tracking_code \(or imb\)/);
  });
  it('tells the delimiter from the first line', () => {
    assert.equal(detectDelimiter('a|b|c'), '|');
    assert.equal(detectDelimiter('a\tb\tc'), '\t');
    assert.equal(detectDelimiter('a,b,c'), ',');
    assert.equal(detectDelimiter('a,b|c|d'), '|');
    assert.equal(detectDelimiter('single'), ',');
  });
});

describe('scanMeaning', () => {
  it('follows the mail phase when given, else the delivery-sequence operations, else "processed"', () => {
    assert.equal(scanMeaning('891', 'Phase 0 - Acceptance'), 'accepted');
    assert.equal(scanMeaning('891', 'Phase 1 - Origin Processing'), 'origin');
    assert.equal(scanMeaning('891', 'Phase 2 - Destination Processing'), 'destination');
    assert.equal(scanMeaning('891', 'Phase 3a - Delivery Unit'), 'delivery');
    assert.equal(scanMeaning('891', 'Phase 4 - Delivery'), 'delivery');
    assert.equal(scanMeaning('919', null), 'delivery');
    assert.equal(scanMeaning('0918', null), 'delivery');
    assert.equal(scanMeaning('891', null), 'processed');
    assert.equal(scanMeaning('891', 'Something new'), 'processed');
  });
  it('knows assumed and logical events are not scans', () => {
    for (const t of ['A', 'l', 'Assumed', 'LOGICAL']) assert.equal(isInferredEvent(t), true, t);
    for (const t of [null, '', 'P', 'Physical']) assert.equal(isInferredEvent(t), false, String(t));
  });
});

describe('utcFromLocal', () => {
  const utc = (zone: string, local: string) => {
    const t = parseScanTime(local)!;
    return new Date(utcFromLocal(zone, ...t.parts)).toISOString();
  };
  it('uses the offset of the local hour, and reads DST edges as PostgreSQL does', () => {
    assert.equal(utc('America/Los_Angeles', '2026-10-05 18:30:00'), '2026-10-06T01:30:00.000Z');
    assert.equal(utc('America/Los_Angeles', '2026-01-05 18:30:00'), '2026-01-06T02:30:00.000Z');
    assert.equal(utc('America/Denver', '2026-07-01 12:00:00'), '2026-07-01T18:00:00.000Z');
    assert.equal(utc('America/Phoenix', '2026-07-01 12:00:00'), '2026-07-01T19:00:00.000Z');
    assert.equal(utc('Pacific/Honolulu', '2026-07-01 12:00:00'), '2026-07-01T22:00:00.000Z');
    // autumn: 01:30 happens twice; standard time (the later instant)
    assert.equal(utc('America/Los_Angeles', '2025-11-02 00:59:59'), '2025-11-02T07:59:59.000Z');
    assert.equal(utc('America/Los_Angeles', '2025-11-02 01:30:00'), '2025-11-02T09:30:00.000Z');
    assert.equal(utc('America/Los_Angeles', '2025-11-02 02:00:00'), '2025-11-02T10:00:00.000Z');
    // spring: 02:30 never happens; read with the standard offset
    assert.equal(utc('America/Los_Angeles', '2025-03-09 01:59:00'), '2025-03-09T09:59:00.000Z');
    assert.equal(utc('America/Los_Angeles', '2025-03-09 02:30:00'), '2025-03-09T10:30:00.000Z');
    assert.equal(utc('America/Los_Angeles', '2025-03-09 03:00:00'), '2025-03-09T10:00:00.000Z');
    assert.throws(() => utc('Not/AZone', '2025-03-09 03:00:00'), RangeError);
  });
});

describe('cached local time', () => {
  const ZONES = ['America/Los_Angeles', 'America/Denver', 'America/Phoenix', 'America/Chicago', 'America/New_York',
    'America/Anchorage', 'Pacific/Honolulu', 'America/Puerto_Rico', 'Pacific/Guam'];
  it('gives the uncached conversion for every hour around every DST change of 2024-2027, whatever the order of zones and days', () => {
    const days: Array<[number, number, number]> = [];
    for (const y of [2024, 2025, 2026, 2027]) {
      for (const [mo, first, last] of [[3, 7, 15], [11, 1, 8], [1, 1, 2], [7, 1, 1]] as const) {
        for (let d = first; d <= last; d++) days.push([y, mo, d]);
      }
    }
    let checked = 0;
    // Zone by zone, then interleaved (a file mixes facilities): the last-day memo must never leak.
    for (const order of ['zone', 'mixed'] as const) {
      for (const [y, mo, d] of days) {
        for (let h = 0; h < 24; h++) {
          for (const zone of order === 'zone' ? ZONES.slice(0, 1) : ZONES) {
            for (const [mi, s, ms] of [[0, 0, 0], [30, 15, 500], [59, 59, 999]] as const) {
              assert.equal(utcFromLocal(zone, y, mo, d, h, mi, s, ms), utcFromLocalUncached(zone, y, mo, d, h, mi, s, ms), `${zone} ${y}-${mo}-${d} ${h}:${mi}:${s}.${ms}`);
              checked++;
            }
          }
        }
      }
    }
    assert.ok(checked > 20_000);
    // and a zone whose offset changed off the hour in its history still reads each hour as uncached
    assert.equal(utcFromLocal('Australia/Lord_Howe', 2025, 4, 6, 1, 45, 0, 0), utcFromLocalUncached('Australia/Lord_Howe', 2025, 4, 6, 1, 45, 0, 0));
  });
  it('throws for an unknown zone every time (nothing cached)', () => {
    assert.throws(() => utcFromLocal('Not/AZone', 2025, 3, 9, 3, 0, 0, 0), RangeError);
    assert.throws(() => utcFromLocal('Not/AZone', 2025, 3, 9, 3, 0, 0, 0), RangeError);
  });
});

describe('parseScanTime fast path', () => {
  it('reads YYYY-MM-DD HH:MM:SS exactly as the general pattern does, valid or not', () => {
    const samples: string[] = [];
    for (const day of ['2026-10-05', '2028-02-29', '2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-12-31', '1999-12-31'])
      for (const time of ['00:00:00', '18:30:59', '23:59:59', '24:00:00', '10:60:00', '10:00:60']) samples.push(`${day} ${time}`, `${day}T${time}`);
    for (const text of samples) {
      // the same time with a fraction takes the general pattern
      const general = parseScanTime(`${text}.0`);
      assert.deepEqual(parseScanTime(text), general, text);
    }
    for (const bad of ['2026-10-05 18:30:0x', '2026-10-05_18:30:00', '2026/10/05 18:30:00', '２026-10-05 18:30:00']) assert.equal(parseScanTime(bad), null, bad);
  });
});

describe('stagingLine', () => {
  it('is the COPY line of the staging values, escapes and NULLs included', () => {
    const scans: StagedScan[] = [
      { imb: TRACKING, routing: '', scannedAtMs: 1_780_000_000_123, eventCode: '891', facilityZip: '94615', facilityCity: 'Oakland', facilityState: 'CA', mailPhase: null, handlingEventType: null, meaning: 'processed' },
      { imb: TRACKING, routing: '94615', scannedAtMs: 0, eventCode: 'A1', facilityZip: null, facilityCity: 'Back\\slash\tTab\nLine\rReturn', facilityState: null, mailPhase: 'Phase 1', handlingEventType: 'A', meaning: 'origin' },
    ];
    for (const s of scans) assert.equal(stagingLine(7, s), copyLine(stagingValues(7, s)));
  });
  it('gives the same meaning from the per-operation cache as the first time', () => {
    for (let i = 0; i < 3; i++) {
      assert.equal(scanMeaning('919', null), 'delivery');
      assert.equal(scanMeaning('0918', null), 'delivery');
      assert.equal(scanMeaning('891', null), 'processed');
      assert.equal(scanMeaning('891', 'Phase 2 - Destination Processing'), 'destination');
    }
  });
});
