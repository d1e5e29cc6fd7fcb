import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StagingStatsCollector } from './ingest.repository.ts';

test('staging stats: rows per county, status rows, and every ballot seen twice', () => {
  const c = new StagingStatsCollector();
  for (let i = 0; i < 50_000; i++) c.add('G2026', i % 2 ? '19' : '37', `B${i}`, 'ISSUED');
  c.add('G2026', '19', 'B7', 'INR');
  c.add('G2026', '19', 'B7', 'ACCEPTED');
  c.add('G2026', '37', 'B40000', 'INR');
  c.add('L2027', '19', 'B7', 'ISSUED');            // same ballot ID, another election: another ballot
  c.add('G2026', '19', null, 'POLL');
  c.add('G2026', '19', 'B9', 'VCR');               // participation rows never count as ballot rows
  const s = c.result();
  assert.equal(s.statusRows, 50_004);
  assert.deepEqual(s.pairs.sort((a, b) => (a.electionId + a.countyCode).localeCompare(b.electionId + b.countyCode)), [
    { electionId: 'G2026', countyCode: '19', rows: 25_004 }, { electionId: 'G2026', countyCode: '37', rows: 25_001 },
    { electionId: 'L2027', countyCode: '19', rows: 1 }]);
  const keys = new Set(s.multiKeys!.map(([e, b]) => `${e}/${b}`));
  assert.ok(keys.has('G2026/B7') && keys.has('G2026/B40000'), 'every repeat is caught');
  assert.ok(keys.size < 100, `few false candidates (${keys.size})`);
});

test('staging stats give up on the candidates past a bound (SQL finds them then)', () => {
  const c = new StagingStatsCollector();
  for (let i = 0; i < 200_001; i++) {
    c.add('G2026', '19', `B${i}`, 'ISSUED');
    c.add('G2026', '19', `B${i}`, 'INR');
  }
  assert.equal(c.result().multiKeys, null);
  assert.equal(c.result().statusRows, 400_002);
});
