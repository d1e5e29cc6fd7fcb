import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { testRuntime } from '../testing/db.ts';
import { importVoters, type ImportVotersOptions } from './import.ts';
import { parseMapping } from './mapping.ts';
import { getVoter } from './voters.repository.ts';
import type { Runtime } from '../runtime.ts';

const HEADER = 'voter_id,county_code,first_name,middle_name,last_name,suffix,dob,zip,status,confidential,email,phone,language,updated_at';
const row = (id: string, county: string, first: string, last: string, dob = '1980-01-23', zip = '94110', status = 'ACTIVE', extra: Partial<{ conf: string; email: string; phone: string; lang: string; updated: string; middle: string }> = {}) =>
  [id, county, first, extra.middle ?? '', last, '', dob, zip, status, extra.conf ?? 'N', extra.email ?? '', extra.phone ?? '', extra.lang ?? '', extra.updated ?? '2026-01-01T00:00:00Z'].join(',');

function run(rt: Runtime, lines: string[], options: Partial<ImportVotersOptions> = {}) {
  const content = lines.join('\n') + '\n';
  return importVoters({ db: rt.db, profile: rt.profile, clock: rt.clock, dataDir: rt.config.dataDir }, { source: 'test.csv', input: Readable.from([Buffer.from(content)]), ...options });
}

const count = async (rt: Runtime, where = 'true') => (await rt.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM voters WHERE ${where}`)).rows[0]!.n;

test('loads good rows, rejects each bad row with its line number and reason', async () => {
  const rt = await testRuntime();
  const r = await run(rt, [
    HEADER,
    row('CA000000001', '38', 'José', 'Martínez', '1980-01-23', '94110', 'ACTIVE', { email: 'Jose@Example.com', phone: '(415) 555-0123', lang: 'es' }),
    row('CA000000002', '19', 'Mai', 'Nguyễn', '1975-12-31', '90012-1234'),
    row('CA000000003', '99', 'Ann', 'Smith'),                        // line 4: unknown county
    row('CA000000004', '19', 'Bob', 'Lee', '1899-12-31'),            // line 5: before 1900
    row('CA000000005', '19', 'Sue', 'Kim', '2023-02-29'),            // line 6: not a real date
    row('CA000000006', '19', '', 'Park'),                            // line 7: missing first name
    row('CA000000007', '19', 'Tom', 'Reyes', '1980-01-01', '9001'),  // line 8: bad ZIP
    'CA000000008,19,Too,Few',                                        // line 9: wrong column count
    row('CA000000001', '19', 'Dup', 'Licate'),                       // line 10: duplicate voter ID
    row('CA000000009', '19', 'Ann', 'Lee', '1980-01-01', '90012', 'SLEEPING'), // line 11: unknown status
    row('CA000000010', '19', 'Future', 'Person', '2099-01-01'),      // line 12: future DOB
  ]);
  assert.equal(r.rows, 11);
  assert.equal(r.inserted, 2);
  assert.equal(r.rejected, 9);
  const rejects = (await rt.db.pool.query<{ line: number; reason: string }>('SELECT line, reason FROM import_rejects WHERE run_id = $1 ORDER BY line', [r.runId])).rows;
  assert.deepEqual(rejects.map((x) => x.line), [4, 5, 6, 7, 8, 9, 10, 11, 12]);
  assert.match(rejects[0]!.reason, /unknown county "99"/);
  assert.match(rejects[1]!.reason, /before 1900/);
  assert.match(rejects[2]!.reason, /not a real date/);
  assert.match(rejects[3]!.reason, /missing first_name/);
  assert.match(rejects[4]!.reason, /ZIP/);
  assert.match(rejects[5]!.reason, /expected 14 columns, found 4/);
  assert.match(rejects[6]!.reason, /duplicate voter_id \(first seen on line 2\)/);
  assert.match(rejects[7]!.reason, /unknown status "SLEEPING"/);
  assert.match(rejects[8]!.reason, /in the future/);
  const file = await readFile(r.rejectsFile!, 'utf8');
  assert.equal(file.split('\n')[0], 'line,reason');
  assert.match(file, /^10,duplicate voter_id/m);

  const jose = await getVoter(rt.db.pool, 'CA000000001');
  assert.equal(jose?.first_key, 'jose');
  assert.equal(jose?.last_key, 'martinez');
  assert.equal(jose?.email, 'jose@example.com');
  assert.equal(jose?.phone, '+14155550123');
  assert.equal(jose?.language, 'es');
  assert.equal((await getVoter(rt.db.pool, 'CA000000002'))?.zip, '90012');
  const recorded = (await rt.db.pool.query('SELECT * FROM import_runs WHERE id = $1', [r.runId])).rows[0];
  assert.equal(recorded.status, 'done');
  assert.match(recorded.sha256, /^[0-9a-f]{64}$/);
  assert.equal(recorded.counts.rejected, 9);
});

test('importing the same file again changes nothing', async () => {
  const rt = await testRuntime();
  const lines = [HEADER, row('CA1', '19', 'Ana', 'Cruz'), row('CA2', '19', 'Ben', 'Ito')];
  const first = await run(rt, lines);
  const before = (await rt.db.pool.query('SELECT voter_id, updated_at FROM voters ORDER BY 1')).rows;
  const second = await run(rt, lines);
  assert.equal(first.sha256, second.sha256);
  assert.deepEqual([second.inserted, second.updated, second.unchanged, second.registryChanges], [0, 0, 2, 0]);
  assert.deepEqual((await rt.db.pool.query('SELECT voter_id, updated_at FROM voters ORDER BY 1')).rows, before);
});

test('an older record never overwrites a newer one', async () => {
  const rt = await testRuntime();
  await run(rt, [HEADER, row('CA1', '19', 'Ana', 'Cruz', '1980-01-01', '90012', 'ACTIVE', { updated: '2026-03-01T00:00:00Z' })]);
  const r = await run(rt, [HEADER, row('CA1', '19', 'Ana', 'Cruz', '1980-01-01', '90012', 'INACTIVE', { updated: '2026-02-01T00:00:00Z' })]);
  assert.equal(r.updated, 0);
  assert.equal((await getVoter(rt.db.pool, 'CA1'))?.status, 'ACTIVE');
});

test('upsert updates and records registry changes (moved county, status, confidential)', async () => {
  const rt = await testRuntime();
  await run(rt, [HEADER, row('CA1', '19', 'Ana', 'Cruz'), row('CA2', '19', 'Ben', 'Ito'), row('CA3', '19', 'Cy', 'Ng')]);
  const r = await run(rt, [HEADER,
    row('CA1', '37', 'Ana', 'Cruz', '1980-01-23', '92101', 'ACTIVE', { updated: '2026-02-01T00:00:00Z' }),
    row('CA2', '19', 'Ben', 'Ito', '1980-01-23', '94110', 'INACTIVE', { updated: '2026-02-01T00:00:00Z' }),
    ['CA3', '19', '', '', '', '', '', '', 'ACTIVE', 'Y', '', '', '', '2026-02-01T00:00:00Z'].join(','),
  ]);
  assert.equal(r.updated, 3);
  const changes = (await rt.db.pool.query('SELECT voter_id, old_county_code, new_county_code, old_status, new_status, became_confidential FROM registry_changes ORDER BY voter_id')).rows;
  assert.deepEqual(changes.map((c) => [c.voter_id, c.old_county_code, c.new_county_code, c.new_status, c.became_confidential]), [
    ['CA1', '19', '37', 'ACTIVE', false], ['CA2', '19', '19', 'INACTIVE', false], ['CA3', '19', '19', 'ACTIVE', true]]);
  const cy = await getVoter(rt.db.pool, 'CA3');
  assert.equal(cy?.confidential, true);
  assert.equal(cy?.first_name, null);
  assert.equal(cy?.dob, null);
});

test('confidential voters keep only ID, county, status and the flag', async () => {
  const rt = await testRuntime();
  await run(rt, [HEADER, row('CA9', '19', 'Secret', 'Person', '1970-05-05', '90012', 'ACTIVE', { conf: 'Y', email: 'x@example.com', phone: '4155550100' })]);
  const v = await getVoter(rt.db.pool, 'CA9');
  assert.deepEqual([v?.confidential, v?.first_name, v?.last_name, v?.dob, v?.zip, v?.email, v?.phone, v?.first_key], [true, null, null, null, null, null, null, null]);
});

test('a full file replaces one county: missing voters are marked removed, not deleted; other counties untouched', async () => {
  const rt = await testRuntime();
  await run(rt, [HEADER, ...Array.from({ length: 10 }, (_, i) => row(`CA${i}`, '19', 'A', `Person${i}`)), row('CAX', '38', 'Other', 'County')]);
  const r = await run(rt, [HEADER, ...Array.from({ length: 9 }, (_, i) => row(`CA${i}`, '19', 'A', `Person${i}`)), row('CAY', '38', 'Wrong', 'County')], { full: true, county: '19' });
  assert.equal(r.removed, 1);
  assert.equal(r.rejected, 1);
  assert.equal(await count(rt, "removed_at IS NOT NULL AND voter_id = 'CA9'"), 1);
  assert.equal(await count(rt), 11);
  assert.equal(await count(rt, "voter_id = 'CAX' AND removed_at IS NULL"), 1);
  const removal = (await rt.db.pool.query("SELECT removed FROM registry_changes WHERE voter_id = 'CA9'")).rows[0];
  assert.equal(removal.removed, true);
});

test('a full file never removes a voter whose row was rejected, and refuses a mass removal', async () => {
  const rt = await testRuntime();
  await run(rt, [HEADER, ...Array.from({ length: 10 }, (_, i) => row(`CA${i}`, '19', 'A', `Person${i}`))]);
  const r = await run(rt, [HEADER, ...Array.from({ length: 9 }, (_, i) => row(`CA${i}`, '19', 'A', `Person${i}`)), row('CA9', '19', 'A', 'Person9', 'bad-date')], { full: true, county: '19' });
  assert.equal(r.removed, 0);
  assert.equal(r.rejected, 1);
  await assert.rejects(run(rt, [HEADER, row('CA0', '19', 'A', 'Person0')], { full: true, county: '19' }), /would remove 9 of 10 voters/);
  assert.equal(await count(rt, 'removed_at IS NULL'), 10, 'the refused import changed nothing');
  const forced = await run(rt, [HEADER, row('CA0', '19', 'A', 'Person0')], { full: true, county: '19', force: true });
  assert.equal(forced.removed, 9);
});

test("a mapping loads a state's own export as it is", async () => {
  const rt = await testRuntime();
  const mapping = parseMapping({
    delimiter: '|',
    columns: { voter_id: 'VoterID', county_code: 'County', first_name: 'First', last_name: 'Last', dob: 'BirthDate', zip: 'ResZip', status: 'Status', confidential: 'Conf' },
    dateFormat: 'MM/DD/YYYY',
    statusValues: { A: 'ACTIVE', I: 'INACTIVE' },
    countyBy: 'name',
  });
  const r = await run(rt, ['VoterID|County|First|Last|BirthDate|ResZip|Status|Conf|Ignored',
    'V1|Los Angeles|María|Peña|01/23/1980|90012|A|N|x',
    'V2|san diego|Li|Wong|2/3/1990|92101|I|N|y',
    'V3|Atlantis|No|One|01/01/1980|92101|A|N|z',
  ], { mapping });
  assert.equal(r.inserted, 2);
  assert.equal(r.rejected, 1);
  const v2 = await getVoter(rt.db.pool, 'V2');
  assert.deepEqual([v2?.county_code, v2?.dob, v2?.status], ['37', '1990-02-03', 'INACTIVE']);
  assert.throws(() => parseMapping({ dateFormat: 'DD.MM.YY', columns: { nonsense: 'x' } }), /columns: "nonsense".*dateFormat/s);
});

test('invalid UTF-8 rejects that row only; a header without required columns stops the file', async () => {
  const rt = await testRuntime();
  const good = Buffer.from(`${HEADER}\n${row('CA1', '19', 'Ana', 'Cruz')}\n`);
  const bad = Buffer.concat([Buffer.from('CA2,19,'), Buffer.from([0xc3, 0x28]), Buffer.from(',,Bad,,1980-01-01,90012,ACTIVE,N,,,,\n')]);
  const r = await importVoters({ db: rt.db, profile: rt.profile, clock: rt.clock, dataDir: rt.config.dataDir }, { source: 'x.csv', input: Readable.from([Buffer.concat([good, bad])]) });
  assert.equal(r.inserted, 1);
  assert.equal(r.sampleRejects[0]?.line, 3);
  assert.match(r.sampleRejects[0]!.reason, /UTF-8/);
  await assert.rejects(run(rt, ['voter_id,first_name', 'CA1,Ana']), /line 1: the header lacks required column\(s\): county_code, status/);
  const failed = (await rt.db.pool.query("SELECT count(*)::int AS n FROM import_runs WHERE status = 'failed'")).rows[0];
  assert.equal(failed.n, 1);
});

test('a bulk load rebuilds the indexes and keys it set aside, and a small load into a big registry is not bulk', async () => {
  const rt = await testRuntime();
  // Every index of voters and every constraint on it or pointing to it, as the catalogue defines them.
  const schema = async () => (await rt.db.pool.query<{ def: string }>(`
    SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = 'voters'::regclass
    UNION ALL SELECT conrelid::regclass || ': ' || pg_get_constraintdef(oid) FROM pg_constraint
     WHERE (conrelid = 'voters'::regclass OR confrelid = 'voters'::regclass) AND convalidated
    ORDER BY 1`)).rows.map((r) => r.def);
  const before = await schema();
  assert.ok(before.some((d) => /voters_match_idx/.test(d)) && before.some((d) => /voters: FOREIGN KEY .*REFERENCES counties/.test(d)));
  assert.ok(before.some((d) => /voters: PRIMARY KEY \(voter_id\)/.test(d)) && before.some((d) => /voter_sessions: FOREIGN KEY .*REFERENCES voters/.test(d)));

  // The state's first load: straight into voters, without a staging table or a diff. Line 32
  // repeats the voter ID of line 5: the rebuilt primary key finds it, and the later line goes.
  const first = await run(rt, [HEADER, ...Array.from({ length: 30 }, (_, i) => row(`CA1${String(i).padStart(8, '0')}`, '19', 'Ann', `Lee${i}`)),
    row('CA100000003', '19', 'Dup', 'Licate')], { bulkMinNewRows: 10 });
  assert.equal(first.inserted, 30);
  assert.deepEqual(first.sampleRejects, [{ line: 32, reason: 'duplicate voter_id (first seen on line 5)' }]);
  const kept = await getVoter(rt.db.pool, 'CA100000003');
  assert.deepEqual([kept?.first_name, kept?.source_run_id, kept?.source_line], ['Ann', first.runId, 5]);
  assert.ok('first load' in first.phases && !('diff' in first.phases), JSON.stringify(first.phases));
  assert.deepEqual(await schema(), before);
  // The rebuilt match index answers the sign-up lookup.
  const used = await rt.db.tx(async (c) => {
    await c.query('SET LOCAL enable_seqscan = off');
    const r = await c.query<{ 'QUERY PLAN': string }>("EXPLAIN SELECT 1 FROM voters WHERE last_key = 'lee3' AND zip = '94110' AND NOT confidential AND removed_at IS NULL");
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  });
  assert.match(used, /voters_match_idx/);

  // A voter with a session: the key from voter_sessions is set aside and validated again.
  await rt.db.pool.query(`INSERT INTO voter_sessions (token_sha256, voter_id, created_at, expires_at, max_expires_at) VALUES ('t', 'CA100000003', now(), now(), now())`);
  const second = await run(rt, [HEADER, ...Array.from({ length: 40 }, (_, i) => row(`CA2${String(i).padStart(8, '0')}`, '19', 'Bo', `Kim${i}`))], { bulkMinNewRows: 10 });
  assert.equal(second.inserted, 40);
  assert.ok('merge (bulk)' in second.phases, JSON.stringify(second.phases));
  assert.deepEqual([(await getVoter(rt.db.pool, 'CA200000039'))?.source_run_id, (await getVoter(rt.db.pool, 'CA200000039'))?.source_line], [second.runId, 41]);
  assert.deepEqual(await schema(), before);
  // The rebuilt primary key still refuses a second row of one voter.
  await assert.rejects(rt.db.pool.query("INSERT INTO voters (voter_id, county_code, status, source_updated_at) VALUES ('CA200000001', '19', 'ACTIVE', now())"), /voters_pkey/);

  const third = await run(rt, [HEADER, ...Array.from({ length: 12 }, (_, i) => row(`CA3${String(i).padStart(8, '0')}`, '19', 'Cy', `Park${i}`))], { bulkMinNewRows: 10 });
  assert.equal(third.inserted, 12);
  assert.ok('merge' in third.phases && !('merge (bulk)' in third.phases), 'fewer new rows than the registry holds: a normal merge');
  assert.deepEqual(await schema(), before);
  assert.equal(await count(rt), 82);
});

test('more bad rows than one batch of rejects: the batch is written between COPY statements and the good rows around it all load', async () => {
  const rt = await testRuntime();
  const lines = [HEADER];
  for (let i = 0; i < 300; i++) lines.push(row(`CA3${String(i).padStart(8, '0')}`, '19', 'Good', `Before${i}`));
  for (let i = 0; i < 12_000; i++) lines.push(row(`CA4${String(i).padStart(8, '0')}`, '99', 'Bad', `County${i}`));
  for (let i = 0; i < 300; i++) lines.push(row(`CA5${String(i).padStart(8, '0')}`, '19', 'Good', `After${i}`));
  const r = await run(rt, lines);
  assert.equal(r.rejected, 12_000);
  assert.equal(r.inserted, 600);
  assert.equal(await count(rt), 600);
  const stored = (await rt.db.pool.query<{ n: number; first: number; last: number }>('SELECT count(*)::int AS n, min(line) AS first, max(line) AS last FROM import_rejects WHERE run_id = $1', [r.runId])).rows[0]!;
  assert.deepEqual(stored, { n: 12_000, first: 302, last: 12_301 });
});
