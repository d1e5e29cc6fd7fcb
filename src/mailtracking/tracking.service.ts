import { createReadStream } from 'node:fs';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';
import { QUEUES, sendInTx } from '../queue.ts';
import { copyLine, csvRecords, type CsvRecord } from '../feeds/csv.ts';
import type { RejectsSink, Reject } from '../feeds/rejects.ts';
import { finishRun, insertRejects, startRun } from '../feeds/runs.repository.ts';
import { assertReadable, sniffDelimiter } from './delimited.ts';
import { stageRows, type StagingCopy } from '../feeds/staging-copy.ts';
import { resolveTrackingHeader, validateTrackingRow, type TrackingColumnIndex } from './tracking-row.ts';
import { appendScanEvents } from './scans.repository.ts';
import * as repo from './tracking.repository.ts';
import type { MailtrackingDeps } from './scans.service.ts';

export interface TrackingFileReport {
  runId: number;
  source: string;
  sha256: string;
  /** Data rows in the file. */
  rows: number;
  /** Envelopes new to the crosswalk. */
  inserted: number;
  /** Envelopes we already had, exactly as the file gives them. */
  unchanged: number;
  rejected: number;
  /** Envelopes whose IMB another election used fewer than 45 days apart (loaded, but worth a look). */
  reusedWithin45Days: number;
  sampleWarnings: repo.ReuseWarning[];
  /** Scans that were waiting for these IMBs and are now matched. */
  matchedScans: number;
  outboundEvents: number;
  inboundEvents: number;
  durationMs: number;
  rejectsFile: string | null;
  sampleRejects: Reject[];
}

export interface ImportTrackingOptions {
  source: string;
  input?: Readable;
  rejectsPath?: string;
}

/**
 * Loads a print vendor's tracking file (docs/feeds/tracking.md), the crosswalk IMB ↔ ballot
 * envelope, in one transaction: rows that name an unknown election, voter or ballot, or an
 * IMB already claimed for another envelope, are rejected with their line and reason; the rest
 * load. Scans that arrived before the crosswalk are matched now and produce their events
 * (same rules as scans that find their envelope at once). Loading the same file again adds
 * nothing.
 */
export async function importTrackingFile(deps: MailtrackingDeps, options: ImportTrackingOptions): Promise<TrackingFileReport> {
  const started = performance.now();
  if (!options.input) await assertReadable(options.source);
  const sourceName = options.source === '-' ? 'stdin' : basename(options.source);
  const runId = await startRun(deps.db.pool, { kind: 'tracking', source: sourceName, mode: 'file', countyCode: null });
  const rejectsPath = options.rejectsPath ?? join(deps.config.dataDir, 'rejects', `tracking-run-${runId}.csv`);
  // Opened only now, and read at once: an error of the file then reaches this function's catch.
  const raw = options.input ?? createReadStream(options.source);
  try {
    const { delimiter, input } = await sniffDelimiter(raw);
    const { batches, sha256 } = csvRecords(input, { delimiter });
    return await deps.db.tx(async (client) => {
      await client.query("SET LOCAL statement_timeout = '30min'");
      await client.query("SET LOCAL work_mem = '256MB'");
      await repo.createTrackingStaging(client);
      const { result: rows, sink } = await stageRows(client, repo.TRACKING_STAGING_COPY,
        { path: rejectsPath, write: (batch) => insertRejects(client, runId, batch) },
        (staging, sink) => streamTrackingRows(batches, sink, staging));
      await repo.checkTrackingStaging(client);
      for (let after = 0, page = await repo.stagedRejects(client, after); page.length > 0; page = await repo.stagedRejects(client, after)) {
        for (const reject of page) await sink.add(reject);
        after = page.at(-1)!.line;
      }
      await sink.drain();
      const { accepted, inserted } = await repo.insertCrosswalk(client, runId);
      const warnings = await repo.reuseWarnings(client);
      const matchedScans = await repo.matchWaitingScans(client, runId);
      const events = matchedScans > 0 ? await appendScanEvents(client, runId) : { outbound: 0, inbound: 0 };
      if (events.outbound + events.inbound > 0) await sendInTx(await deps.queue(), client, QUEUES.planEvents, { runId });
      await sink.close();
      const counts = {
        rows, inserted, unchanged: accepted - inserted, rejected: sink.count, reusedWithin45Days: warnings.count,
        matchedScans, outboundEvents: events.outbound, inboundEvents: events.inbound,
      };
      const durationMs = performance.now() - started;
      await finishRun(client, runId, { status: 'done', sha256: sha256(), counts, durationMs });
      return {
        runId, source: sourceName, sha256: sha256(), ...counts, sampleWarnings: warnings.sample, durationMs,
        rejectsFile: sink.count > 0 ? rejectsPath : null, sampleRejects: sink.sample,
      };
    });
  } catch (err) {
    await finishRun(deps.db.pool, runId, { status: 'failed', sha256: null, counts: {}, durationMs: performance.now() - started, error: (err as Error).message }).catch(() => undefined);
    raw.destroy();
    throw err;
  }
}

async function streamTrackingRows(batches: AsyncIterable<CsvRecord[]>, sink: RejectsSink, staging: StagingCopy): Promise<number> {
  let header: { index: TrackingColumnIndex; width: number } | null = null;
  let rows = 0;
  for await (const batch of batches) {
    for (const { line, fields } of batch) {
      if (header === null) {
        try {
          header = { index: resolveTrackingHeader(fields), width: fields.length };
        } catch (err) {
          throw new AppError(400, 'tracking_file_header', `line ${line}: ${(err as Error).message}`);
        }
        continue;
      }
      rows++;
      const check = validateTrackingRow(fields, header.index, header.width);
      if (!check.ok) {
        await sink.add({ line, reason: check.reason });
        continue;
      }
      const r = check.row;
      await staging.write(copyLine([line, r.imb, r.routing, r.electionId, r.voterId, r.ballotId, r.direction, r.mailDate]));
    }
  }
  if (header === null) throw new AppError(400, 'file_empty', 'the file is empty: no header line');
  return rows;
}
