/**
 * USPS scans: an election of N ballots (default 200,000) with their tracking file, then
 * 5 scans per ballot (default 1,000,000) loaded from a delimited file through the real
 * pipeline (parse, validate, local time → UTC, COPY into staging, match, insert, first-scan
 * events), beside a raw COPY of the same file into an unlogged table; then the IV-MTR push
 * endpoint over HTTP on 127.0.0.1 with another P ballots' scans (default 20,000 ballots,
 * 100,000 scans) in batches of 500, two requests in flight. Prints scans/s and events/s of
 * each, the CPU seconds of node and of PostgreSQL (a shared machine's load inflates wall
 * time, not these), and a JSON last line. Target (issue 5): ≥ 50,000 scans/s from files.
 * Events: 90% of the ballots already have their ISSUED Outbound (see below), so a million
 * scans append about 20,000 Outbound and 200,000 Inbound events.
 *
 * `npm run bench -- scans [BALLOTS] [PUSH_BALLOTS]`
 */
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { benchRuntime, cpuSeconds, cpuSpent, peakRssMb, result } from './support.ts';
import { buildServer } from '../src/web/server.ts';
import { createApiKey } from '../src/auth/api-keys.ts';
import { importTrackingFile } from '../src/mailtracking/tracking.service.ts';
import { importScansFile } from '../src/mailtracking/scans.service.ts';
import { mailtrackingRoutes } from '../src/mailtracking/mailtracking.routes.ts';
import { generatedScans, scanFileLines, trackedPieces, trackingFileLines, type MailBallot, type MailTrackingOptions } from '../src/mailtracking/generate.ts';

const ballotsCount = Number(process.argv[2] ?? 200_000);
const pushBallots = Number(process.argv[3] ?? 20_000);
const BATCH = 500;
const IN_FLIGHT = 2;
const dir = '.data/bench-files';
mkdirSync(dir, { recursive: true });

const ballots = (from: number, count: number): MailBallot[] => Array.from({ length: count }, (_, k) => {
  const i = from + k;
  return { electionId: 'GBENCH', ballotId: `B${String(i).padStart(8, '0')}`, voterId: `V${String(i).padStart(8, '0')}`, countyCode: '', sentDate: '2026-10-05', returnedDate: '2026-10-12' };
});

async function writeLines(file: string, lines: Iterable<string>): Promise<number> {
  const out = createWriteStream(file);
  let n = -1;
  let chunk = '';
  for (const line of lines) {
    n++;
    chunk += `${line}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return n;
}

const { rt, done } = await benchRuntime();
try {
  const db = rt.db.pool;
  const fileBallots = ballots(1, ballotsCount);
  const restBallots = ballots(ballotsCount + 1, pushBallots);
  const options: MailTrackingOptions = { unscannedShare: 0, asOf: rt.clock.now() };
  const filePieces = () => trackedPieces(fileBallots, options);
  const pushPieces = [...trackedPieces(restBallots, { ...options, serialStart: ballotsCount + 1 })];

  await db.query("INSERT INTO elections (id, name, election_date, kind) VALUES ('GBENCH', 'Bench general', '2026-11-03', 'statewide')");
  await db.query("INSERT INTO county_participation (election_id, county_code, participating, imb_use) SELECT 'GBENCH', code, true, 'both' FROM counties");
  await db.query(`INSERT INTO ballots (election_id, ballot_id, voter_id, county_code, issued_date, sent_date)
    SELECT 'GBENCH', 'B' || lpad(i::text, 8, '0'), 'V' || lpad(i::text, 8, '0'), c.code, '2026-10-04', '2026-10-05'
    FROM generate_series(1, $1::int) i
    JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS n FROM counties) c ON c.k = i % c.n`, [ballotsCount + pushBallots]);
  // As in a real deployment, the ballot feed has already announced most ballots (ISSUED →
  // Outbound, with a sent date): their outbound scans are timeline only. Every tenth ballot
  // has no event yet, so its first outbound scan is its Outbound; every return envelope's
  // first scan is an Inbound.
  await db.query(`INSERT INTO ballot_events (election_id, ballot_id, voter_id, county_code, kind, reason, occurred_at, source)
    SELECT election_id, ballot_id, voter_id, county_code, 'outbound', 'ISSUED', '2026-10-04T15:00:00Z', 'feed'
    FROM ballots WHERE election_id = 'GBENCH' AND right(ballot_id, 1) <> '0'`);
  await db.query('ANALYZE ballots');
  await db.query('ANALYZE ballot_events');

  const trackingFile = `${dir}/tracking-${ballotsCount + pushBallots}.csv`;
  const envelopes = await writeLines(trackingFile, trackingFileLines((function* () { yield* filePieces(); yield* pushPieces; })()));
  const tracking = await importTrackingFile(rt, { source: trackingFile });
  console.log(`tracking: ${envelopes} envelopes in ${(tracking.durationMs / 1000).toFixed(2)} s = ${Math.round(envelopes / (tracking.durationMs / 1000))} rows/s (inserted ${tracking.inserted}, rejected ${tracking.rejected})`);
  await db.query('ANALYZE imb_crosswalk');

  const scanFile = `${dir}/scans-${ballotsCount}.txt`;
  const scanRows = await writeLines(scanFile, scanFileLines(generatedScans(filePieces(), options)));
  const cpu0 = await cpuSeconds(db);
  const report = await importScansFile(rt, { source: scanFile });
  const cpu = cpuSpent(cpu0, await cpuSeconds(db));
  const fileSeconds = report.durationMs / 1000;
  const fileEvents = report.outboundEvents + report.inboundEvents;
  console.log(`file:     ${report.received} scans in ${fileSeconds.toFixed(2)} s = ${Math.round(report.received / fileSeconds)} scans/s; ${fileEvents} events = ${Math.round(fileEvents / fileSeconds)} events/s (stored ${report.stored}, matched ${report.matched}, rejected ${report.rejected}) phases ${JSON.stringify(report.phases)}`);
  console.log(`          CPU: node ${cpu.node.toFixed(1)} s + postgres ${cpu.postgres.toFixed(1)} s = ${Math.round(report.received / (cpu.node + cpu.postgres))} scans per CPU-second (load average now ${loadavg()[0]!.toFixed(1)})`);

  const rssAfterImport = peakRssMb();
  const again = await importScansFile(rt, { source: scanFile });
  console.log(`re-load:  ${again.received} scans in ${(again.durationMs / 1000).toFixed(2)} s, new ${again.stored}, events ${again.outboundEvents + again.inboundEvents} phases ${JSON.stringify(again.phases)}`);

  await db.query('CREATE UNLOGGED TABLE raw_scans (facility_zip text, operation_code text, scan_time text, routing_code text, tracking_code text)');
  const client = await db.connect();
  const t0 = performance.now();
  try {
    await pipeline(createReadStream(scanFile), client.query(copyFrom("COPY raw_scans FROM STDIN WITH (FORMAT csv, DELIMITER '|', HEADER true)")));
  } finally {
    client.release();
  }
  const copySeconds = (performance.now() - t0) / 1000;
  console.log(`raw COPY: ${scanRows} rows in ${copySeconds.toFixed(2)} s = ${Math.round(scanRows / copySeconds)} rows/s (baseline); ratio ${(fileSeconds / copySeconds).toFixed(2)}×`);

  // IV-MTR push over HTTP.
  const { token } = await createApiKey(db, { name: 'bench IV-MTR', scope: 'state' });
  const app = await buildServer(rt, { routes: [mailtrackingRoutes], logger: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const auth = `Basic ${Buffer.from(token.replace('.', ':')).toString('base64')}`;
  const events = [...generatedScans(pushPieces, options)].map((s) => ({
    imb: s.imb, scanDatetime: s.localTime.replace(' ', 'T'), scanEventCode: s.operationCode, scanFacilityZip: s.facilityZip,
  }));
  const batches: Array<typeof events> = [];
  for (let i = 0; i < events.length; i += BATCH) batches.push(events.slice(i, i + BATCH));
  let next = 0;
  let pushed = 0;
  let pushEvents = 0;
  let failures = 0;
  const p0 = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const res = await fetch(`${address}/api/v1/mailtracking/scans`, {
        method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ events: batch }),
        signal: AbortSignal.timeout(60_000),
      });
      const body = await res.json() as { stored?: number; outboundEvents?: number; inboundEvents?: number };
      if (res.status !== 200) failures++;
      pushed += body.stored ?? 0;
      pushEvents += (body.outboundEvents ?? 0) + (body.inboundEvents ?? 0);
    }
  }));
  const pushSeconds = (performance.now() - p0) / 1000;
  await app.close();
  console.log(`push:     ${events.length} scans in ${batches.length} requests of ${BATCH} in ${pushSeconds.toFixed(2)} s = ${Math.round(events.length / pushSeconds)} scans/s; ${pushEvents} events = ${Math.round(pushEvents / pushSeconds)} events/s (stored ${pushed}, failed requests ${failures})`);
  console.log(`peak RSS: ${rssAfterImport} MB after the file import (the whole bench process), ${peakRssMb()} MB at the end`);

  const scansPerSecond = Math.round(report.received / fileSeconds);
  result({
    bench: 'scans', file_scans: report.received, file_scans_per_s: scansPerSecond, file_events: fileEvents, file_events_per_s: Math.round(fileEvents / fileSeconds),
    file_cpu_s: { node: Number(cpu.node.toFixed(1)), postgres: Number(cpu.postgres.toFixed(1)) },
    baseline_copy_rows_per_s: Math.round(scanRows / copySeconds), ratio_to_copy: Number((fileSeconds / copySeconds).toFixed(2)),
    reload_new: again.stored, tracking_rows_per_s: Math.round(envelopes / (tracking.durationMs / 1000)),
    push_scans: events.length, push_batch: BATCH, push_scans_per_s: Math.round(events.length / pushSeconds), push_events_per_s: Math.round(pushEvents / pushSeconds),
    push_failed_requests: failures, peak_rss_mb_file_import: rssAfterImport, peak_rss_mb: peakRssMb(), load_average: Number(loadavg()[0]!.toFixed(1)), target_scans_per_s: 50_000, meets_target: scansPerSecond >= 50_000,
  });
} finally {
  await done();
}
