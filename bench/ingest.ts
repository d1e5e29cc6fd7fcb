/**
 * `npm run bench -- ingest [rows]`: ballot-status ingest (DESIGN §5: ≥ 50,000 rows/s on a 1M-row
 * extract with 10% changed; re-ingesting the same extract creates no event).
 *
 * 1. loads an issue wave of N ballots (every ballot ISSUED: the first extract of an election);
 * 2. baseline: a raw COPY of the changed extract into a plain text table, in the same run;
 * 3. ingests the extract with 10% of the ballots moved to INR;
 * 4. ingests the very same extract again (expects zero events).
 * Ends with one JSON line.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { benchRuntime, peakRssMb, result } from './support.ts';
import { createElection } from '../src/elections/elections.service.ts';
import { stateActor } from '../src/elections/actor.ts';
import { importBallotFile, type IngestReport } from '../src/ballots/ingest.ts';
import { EXTRACT_HEADER } from '../src/ballots/generate-election.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error('usage: npm run bench -- ingest [rows]');
  process.exit(2);
}
const dir = resolve('.data/bench-files');
await mkdir(dir, { recursive: true });
const baseFile = `${dir}/ballots-issued.csv`;
const changedFile = `${dir}/ballots-changed.csv`;

/** Row i: voter, ballot and county fixed; 10% of the ballots of each county returned (INR) in the changed extract. */
async function writeExtract(path: string, changed: boolean): Promise<void> {
  const out = createWriteStream(path);
  let buf = `${EXTRACT_HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    const county = String((i % 58) + 1).padStart(2, '0');
    const id = String(i).padStart(8, '0');
    const sent = `2026-10-${String(5 + (i % 6)).padStart(2, '0')}`;
    const inr = changed && Math.floor(i / 58) % 10 === 3; // every tenth ballot of each county
    buf += `CA${id},G2026,B${id},${county},${inr ? 'INR' : 'ISSUED'},${inr ? '2026-10-20' : '2026-10-05'},2026-10-05,${sent},,\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

const { rt, done } = await benchRuntime();
try {
  await writeExtract(baseFile, false);
  await writeExtract(changedFile, true);
  const mb = ((await stat(changedFile)).size / 1e6).toFixed(0);
  console.log(`extract: ${rows.toLocaleString('en-US')} rows, ${mb} MB (10% changed: ISSUED → INR)`);
  await createElection(rt, { id: 'G2026', name: 'General Election', date: '2026-11-03', kind: 'statewide' }, stateActor('bench'));
  await rt.queue();

  const run = async (label: string, file: string): Promise<IngestReport & { rps: number }> => {
    const r = await importBallotFile(rt, { source: file });
    const rps = Math.round(r.counts.rows / (r.durationMs / 1000));
    console.log(`${label.padEnd(28)} ${rps.toLocaleString('en-US').padStart(9)} rows/s  ${(r.durationMs / 1000).toFixed(2)} s  ${r.status}  ` +
      `new ${r.counts.new} changed ${r.counts.changed} unchanged ${r.counts.unchanged} events ${r.counts.events}  phases ${JSON.stringify(r.phases)}`);
    if (r.hold) console.log(`  held: ${r.hold.reasons.slice(0, 3).join('; ')}`);
    return { ...r, rps };
  };

  const wave = await run('issue wave (all new)', baseFile);

  // Baseline: the same file, raw, into a table of text columns, in one COPY.
  await rt.db.pool.query('CREATE UNLOGGED TABLE IF NOT EXISTS bench_raw (voter_id text, election_id text, ballot_id text, county_code text, status_code text, status_date text, issued_date text, sent_date text, reason_text text, cure_deadline text)');
  await rt.db.pool.query('TRUNCATE bench_raw');
  const client = await rt.db.pool.connect();
  const t0 = performance.now();
  try {
    await pipeline(createReadStream(changedFile), client.query(copyFrom('COPY bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)')));
  } finally {
    client.release();
  }
  const copyMs = performance.now() - t0;
  const copyRps = Math.round(rows / (copyMs / 1000));
  console.log(`${'raw COPY (baseline)'.padEnd(28)} ${copyRps.toLocaleString('en-US').padStart(9)} rows/s  ${(copyMs / 1000).toFixed(2)} s`);
  await rt.db.pool.query('DROP TABLE bench_raw');

  const changed = await run('10% changed', changedFile);
  const again = await run('same extract again', changedFile);
  const ok = changed.rps >= 50_000 && again.counts.events === 0 && changed.status === 'done';
  console.log(`target ≥ 50,000 rows/s with 10% changed, zero events on re-ingest: ${ok ? 'met' : 'NOT met'}`);
  result({
    bench: 'ingest', rows,
    changedRowsPerSec: changed.rps, reingestRowsPerSec: again.rps, rawCopyRowsPerSec: copyRps, issueWaveRowsPerSec: wave.rps,
    changedVsCopy: Number((copyRps / changed.rps).toFixed(2)),
    eventsChanged: changed.counts.events, eventsReingest: again.counts.events, eventsIssueWave: wave.counts.events,
    changedSeconds: Number((changed.durationMs / 1000).toFixed(2)), reingestSeconds: Number((again.durationMs / 1000).toFixed(2)),
    peakRssMb: peakRssMb(), targetMet: ok,
  });
} finally {
  await done();
}
