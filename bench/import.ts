/**
 * Voter import: generate N voters (default 1,000,000) to a file, import them through the real
 * pipeline (parse, validate, COPY into staging, merge), then in the same run COPY the same file
 * raw into an unlogged table as the baseline. Prints rows/s of both, the ratio and peak RSS.
 * Targets (DESIGN §5): ≥ 100,000 rows/s, within 3× of raw COPY, peak RSS < 300 MB.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { benchRuntime, cpuSeconds, cpuSpent, peakRssMb, result } from './support.ts';
import { importVoters } from '../src/registry/import.ts';

const count = Number(process.argv[2] ?? 1_000_000);
mkdirSync('.data/bench-files', { recursive: true });
const file = `.data/bench-files/voters-${count}.csv`;
if (!existsSync(file)) {
  console.log(`generating ${count} voters into ${file}`);
  execFileSync(process.execPath, ['bin/ballotline.js', 'generate', 'voters', '--count', String(count), '--seed', '42', '--out', file], { stdio: 'inherit' });
}

const { rt, done } = await benchRuntime();
try {
  const deps = { db: rt.db, profile: rt.profile, clock: rt.clock, dataDir: rt.config.dataDir };
  const cpu0 = await cpuSeconds(rt.db.pool);
  const report = await importVoters(deps, { source: file });
  const importCpu = cpuSpent(cpu0, await cpuSeconds(rt.db.pool));
  const importSeconds = report.durationMs / 1000;
  console.log(`import:   ${report.rows} rows in ${importSeconds.toFixed(2)} s = ${Math.round(report.rows / importSeconds)} rows/s (inserted ${report.inserted}, rejected ${report.rejected}) phases ${JSON.stringify(report.phases)}`);

  const again = await importVoters(deps, { source: file });
  console.log(`re-import: ${again.rows} rows in ${(again.durationMs / 1000).toFixed(2)} s, changed ${again.inserted + again.updated} phases ${JSON.stringify(again.phases)}`);
  // The imports' high-water mark, before the baseline: piping the file into COPY has its own.
  const importPeakMb = peakRssMb();

  await rt.db.pool.query(`CREATE UNLOGGED TABLE raw_voters (voter_id text, county_code text, first_name text, middle_name text, last_name text, suffix text,
    dob text, zip text, status text, confidential text, email text, phone text, language text, updated_at text)`);
  const client = await rt.db.pool.connect();
  const copyCpu0 = await cpuSeconds(rt.db.pool);
  const t0 = performance.now();
  try {
    await pipeline(createReadStream(file), client.query(copyFrom('COPY raw_voters FROM STDIN WITH (FORMAT csv, HEADER true)')));
  } finally {
    client.release();
  }
  const copySeconds = (performance.now() - t0) / 1000;
  const copyCpu = cpuSpent(copyCpu0, await cpuSeconds(rt.db.pool));
  console.log(`raw COPY: ${report.rows} rows in ${copySeconds.toFixed(2)} s = ${Math.round(report.rows / copySeconds)} rows/s (baseline)`);
  // CPU seconds, which a busy machine does not inflate (PostgreSQL's parallel index-build workers not included).
  console.log(`CPU:      import node ${importCpu.node.toFixed(1)} s + postgres ${importCpu.postgres.toFixed(1)} s; raw COPY node ${copyCpu.node.toFixed(1)} s + postgres ${copyCpu.postgres.toFixed(1)} s`);
  const ratio = importSeconds / copySeconds;
  console.log(`ratio import/COPY: ${ratio.toFixed(2)}×   peak RSS of the imports: ${importPeakMb} MB (of the whole run, with the baseline: ${peakRssMb()} MB)`);
  result({
    bench: 'import', rows: report.rows, rows_per_s: Math.round(report.rows / importSeconds), baseline_rows_per_s: Math.round(report.rows / copySeconds),
    ratio: Number(ratio.toFixed(2)), reimport_changed: again.inserted + again.updated, peak_rss_mb: importPeakMb,
    cpu_s: { import_node: round1(importCpu.node), import_postgres: round1(importCpu.postgres), copy_node: round1(copyCpu.node), copy_postgres: round1(copyCpu.postgres) },
  });
} finally {
  await done();
}

function round1(n: number): number {
  return Number(n.toFixed(1));
}
