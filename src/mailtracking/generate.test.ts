import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeImb, encodeImb } from './imb.ts';
import { generatedScans, scanFileLines, trackedPieces, trackingFileLines, type MailBallot } from './generate.ts';
import { resolveScanHeader, scanInputFromFields, validateScan } from './scan-row.ts';
import { resolveTrackingHeader, validateTrackingRow } from './tracking-row.ts';
import { facilityDirectory } from './facility.ts';

const ballots: MailBallot[] = Array.from({ length: 200 }, (_, i) => ({
  electionId: 'G2026', ballotId: `B${i}`, voterId: `V${i}`, countyCode: '19',
  sentDate: i % 10 === 9 ? null : '2026-10-05', returnedDate: i % 3 === 0 ? '2026-10-12' : null,
}));
const asOf = new Date('2026-10-20T00:00:00Z');

describe('generated mail tracking', () => {
  it('gives every ballot an outbound and a return envelope with valid, distinct IMBs', () => {
    const pieces = [...trackedPieces(ballots)];
    assert.equal(pieces.length, 400);
    assert.equal(new Set(pieces.map((p) => p.imb)).size, 400);
    for (const p of pieces) {
      const d = decodeImb(encodeImb(p.imb, p.routing));
      assert.equal(d.serviceTypeId, p.direction === 'inbound' ? '777' : '300');
      assert.equal(d.mailerId, '314159');
    }
    assert.throws(() => [...trackedPieces(ballots, { mailerId: '912345' })], /mailerId/);
    assert.throws(() => [...trackedPieces(ballots, { serialStart: 999_999_999 })], /exhausted/);
  });

  it('is deterministic, and its files pass our own validation', async () => {
    const options = { asOf, mailBackShare: 0.5, seed: 7 };
    const scans1 = [...scanFileLines(generatedScans(trackedPieces(ballots, options), options))];
    const scans2 = [...scanFileLines(generatedScans(trackedPieces(ballots, options), options))];
    assert.deepEqual(scans1, scans2);
    assert.notDeepEqual(scans1, [...scanFileLines(generatedScans(trackedPieces(ballots, options), { ...options, seed: 8 }))]);

    const tracking = [...trackingFileLines(trackedPieces(ballots, options))];
    const tIndex = resolveTrackingHeader(tracking[0]!.split(','));
    for (const line of tracking.slice(1)) assert.ok(validateTrackingRow(line.split(','), tIndex, 7).ok, line);

    const facilities = await facilityDirectory();
    const { index } = resolveScanHeader(scans1[0]!.split('|'));
    for (const line of scans1.slice(1)) {
      const input = scanInputFromFields(line.split('|'), index, 5);
      assert.ok(typeof input !== 'string' && validateScan(input, { facilities, now: asOf }).ok, line);
    }
  });

  it('scans what was mailed, what came back, and nothing after asOf', () => {
    const scans = [...generatedScans(trackedPieces(ballots), { asOf, unscannedShare: 0 })];
    const byImb = Map.groupBy(scans, (s) => s.imb);
    const pieces = [...trackedPieces(ballots)];
    const outbound = pieces.filter((p) => p.direction === 'outbound');
    const inbound = pieces.filter((p) => p.direction === 'inbound');
    assert.equal(outbound.filter((p) => byImb.has(p.imb)).length, 180, 'every mailed ballot');
    assert.equal(inbound.filter((p) => byImb.has(p.imb)).length, ballots.filter((b) => b.returnedDate).length);
    assert.deepEqual(byImb.get(outbound[0]!.imb)!.map((s) => s.operationCode), ['891', '911', '919']);
    assert.equal(scans.every((s) => s.localTime < '2026-10-20'), true);
    const early = [...generatedScans(trackedPieces(ballots), { asOf: new Date('2026-10-06T12:00:00Z'), unscannedShare: 0 })];
    assert.equal(early.every((s) => s.localTime <= '2026-10-06 12:00:00'), true);
    assert.ok(early.length > 0 && early.length < scans.length);
    const missed = [...generatedScans(trackedPieces(ballots), { asOf, unscannedShare: 0.5 })];
    assert.ok(missed.length < scans.length * 0.7 && missed.length > scans.length * 0.3);
  });
});

describe('facility directory', () => {
  it('knows the zone, city and state of USPS facility ZIPs, and says when it does not', async () => {
    const f = await facilityDirectory();
    assert.deepEqual(f('94615'), { zip: '94615', timeZone: 'America/Los_Angeles', city: 'Oakland', state: 'CA' });
    assert.equal(f('80266').timeZone, 'America/Denver');
    assert.equal(f('85001').timeZone, 'America/Phoenix');
    assert.equal(f('00601').timeZone, 'America/Puerto_Rico');
    assert.equal(f('34001').timeZone, null, 'military post offices have no zone');
    assert.deepEqual(f('99999'), { zip: '99999', timeZone: null, city: null, state: null });
    assert.equal(f('abcde').timeZone, null);
  });
});
