import { createReadStream } from 'node:fs';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';
import type { Database } from '../db/pool.ts';
import type { JurisdictionProfile } from '../profiles/profile.ts';
import type { Clock } from '../clock.ts';
import { csvRecords, type CsvRecord } from '../feeds/csv.ts';
import { CopyRowWriter } from '../feeds/copy-writer.ts';
import type { RejectsSink, Reject } from '../feeds/rejects.ts';
import { stageRows, type StagingCopy } from '../feeds/staging-copy.ts';
import { finishRun, insertRejects, startRun } from '../feeds/runs.repository.ts';
import { DEFAULT_MAPPING, type FileMapping } from './mapping.ts';
import { countyLookup, resolveHeader, validateVoterRow, type CanonicalVoter, type RowContext } from './voter-row.ts';
import * as repo from './voters.repository.ts';
import { applyRegistryChanges } from '../subscriptions/registry-changes.repository.ts';

export interface ImportVotersOptions {
  /** A path, or '-' with `input` for standard input. */
  source: string;
  input?: Readable;
  /** Full file of one county: voters it no longer lists are marked removed. Requires `county`. */
  full?: boolean;
  county?: string;
  /** Reject every row that is not of `county` (a county member's upload in the console); implied by `full`. */
  onlyCounty?: boolean;
  mapping?: FileMapping;
  /** Where the rejects CSV goes; default `<dataDir>/rejects/voters-run-<id>.csv`. */
  rejectsPath?: string;
  /** A full file may not remove more than this share of the county's voters (default 0.2) unless forced. */
  maxRemovalShare?: number;
  force?: boolean;
  /** A load that adds at least this many voters and at least doubles the registry is a bulk load (voters.repository.ts). */
  bulkMinNewRows?: number;
}

export interface ImportVotersReport {
  runId: number;
  source: string;
  sha256: string;
  mode: 'upsert' | 'full';
  county: string | null;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
  rejected: number;
  registryChanges: number;
  durationMs: number;
  rejectsFile: string | null;
  sampleRejects: Reject[];
  /** Milliseconds spent in each phase (stream = parse, validate and COPY; the rest is SQL). */
  phases: Record<string, number>;
}

export interface ImportDeps { db: Database; profile: JurisdictionProfile; clock: Clock; dataDir: string; profileTimeZone?: string }

/**
 * Loads a voter file: stream → validate each row → COPY into a staging table → one set-based
 * merge, all in one transaction (a failure leaves the registry as it was). The first load of a
 * registry COPYs straight into `voters` instead (see `startFirstLoad`). Memory is constant
 * whatever the file size. Bad rows are rejected with their line number and reason; every good
 * row loads. The run is recorded with the file's SHA-256 and its counts.
 */
export async function importVoters(deps: ImportDeps, options: ImportVotersOptions): Promise<ImportVotersReport> {
  if (options.full && !options.county) throw new AppError(400, 'full_needs_county', '--full needs --county CODE: a full file replaces one county');
  if (options.county && !deps.profile.counties.some((c) => c.code === options.county)) throw new AppError(400, 'unknown_county', `unknown county ${options.county}`);
  const mapping = options.mapping ?? DEFAULT_MAPPING;
  const mode = options.full ? 'full' : 'upsert';
  const started = performance.now();
  const input = options.input ?? createReadStream(options.source);
  const sourceName = options.source === '-' ? 'stdin' : basename(options.source);
  const runId = await startRun(deps.db.pool, { kind: 'voters', source: sourceName, mode, countyCode: options.county ?? null });
  const rejectsPath = options.rejectsPath ?? join(deps.dataDir, 'rejects', `voters-run-${runId}.csv`);
  const { batches, sha256 } = csvRecords(input, { delimiter: mapping.delimiter });

  try {
    const report = await deps.db.tx(async (client) => {
      await client.query("SET LOCAL statement_timeout = '30min'");
      // The duplicate check, the diff and the key-ordered insert sort or hash the whole file:
      // in memory rather than in temporary files.
      await client.query("SET LOCAL work_mem = '256MB'");
      await repo.lockVoterImports(client);
      await repo.createVoterStaging(client);
      const phases: Record<string, number> = {};
      let mark = performance.now();
      const phase = (name: string): void => { const now = performance.now(); phases[name] = Math.round(now - mark); mark = now; };
      // The state's first load streams straight into voters (nothing to compare with); every
      // later load goes through the staging table and the diff.
      const firstLoad = await repo.registryIsEmpty(client) ? await repo.startFirstLoad(client) : null;
      const { result: rows, sink } = await stageRows(client, firstLoad ? repo.FIRST_LOAD_COPY : repo.VOTER_STAGING_COPY, {
        path: rejectsPath,
        write: async (batch) => {
          await insertRejects(client, runId, batch);
          await repo.recordRejectedIds(client, batch.flatMap((r) => (r.key ? [r.key] : [])));
        },
      }, (staging, sink) => streamRows(batches, staging, sink, deps, mapping, options.full || options.onlyCounty ? options.county ?? null : null, firstLoad ? runId : null));
      phase('stream');

      let removed = 0;
      let registryChanges = 0, inserted: number, updated = 0, valid: number;
      if (firstLoad) {
        // Rebuilding the primary key finds any voter ID given twice (see finishFirstLoad), so a
        // clean file is not searched for them first.
        const first = await repo.finishFirstLoad(client, firstLoad);
        for (const dup of first.duplicates) await sink.add(dup);
        await sink.drain();
        inserted = valid = first.inserted;
        phase('first load');
      } else {
        for (const dup of await repo.rejectDuplicateIds(client)) await sink.add(dup);
        await sink.drain();
        phase('duplicates');
        if (options.full) {
          const { removals, active } = await repo.countFullRemovals(client, options.county!);
          const share = active === 0 ? 0 : removals / active;
          const limit = options.maxRemovalShare ?? 0.2;
          if (share > limit && !options.force) {
            throw new AppError(409, 'mass_removal', `this full file would remove ${removals} of ${active} voters of county ${options.county} (${(share * 100).toFixed(1)}%, above ${(limit * 100).toFixed(0)}%); check the file, or repeat with --force`);
          }
        }
        await repo.findChangedVoters(client);
        phase('diff');
        registryChanges = await repo.recordRegistryChanges(client, runId);
        phase('changes');
        const bulk = await repo.isBulkLoad(client, options.bulkMinNewRows);
        ({ inserted, updated } = await repo.mergeVoters(client, runId, { bulk }));
        phase(bulk ? 'merge (bulk)' : 'merge');
        valid = await repo.countStaging(client);
      }
      if (options.full && !firstLoad) removed = await repo.markMissingRemoved(client, runId, options.county!);
      // Subscriptions follow the registry in the same transaction (moved, status, confidential; Colorado auto-enrolment).
      await applyRegistryChanges(client, runId, deps.clock.now(), { autoEnrolEmail: deps.profile.enrolment.autoEnrolEmail, timeZone: deps.profileTimeZone ?? deps.profile.timeZone, onlyStaged: !firstLoad });
      phase('finish');
      await sink.close();
      const counts = { rows, inserted, updated, unchanged: valid - inserted - updated, removed, rejected: sink.count, registryChanges };
      const durationMs = performance.now() - started;
      await finishRun(client, runId, { status: 'done', sha256: sha256(), counts, durationMs });
      return {
        runId, source: sourceName, sha256: sha256(), mode, county: options.county ?? null, ...counts,
        registryChanges: registryChanges + removed, durationMs,
        rejectsFile: sink.count > 0 ? rejectsPath : null, sampleRejects: [...sink.sample].sort((a, b) => a.line - b.line), phases,
      } satisfies ImportVotersReport;
    });
    return report;
  } catch (err) {
    await finishRun(deps.db.pool, runId, { status: 'failed', sha256: null, counts: {}, durationMs: performance.now() - started, error: (err as Error).message }).catch(() => undefined);
    input.destroy();
    throw err;
  }
}

/** Validates each record and writes the good ones to the staging COPY; returns the number of data rows read. */
async function streamRows(batches: AsyncIterable<CsvRecord[]>, staging: StagingCopy, sink: RejectsSink, deps: ImportDeps, mapping: FileMapping, onlyCounty: string | null, firstLoadRun: number | null): Promise<number> {
  let ctx: RowContext | null = null;
  let rows = 0;
  const out = new CopyRowWriter();
  const today = todayIn(deps.profileTimeZone ?? deps.profile.timeZone, deps.clock.now());
  const defaultUpdatedAt = deps.clock.now().toISOString();
  for await (const batch of batches) {
    for (const { line, fields, invalidUtf8 } of batch) {
      if (ctx === null) {
        const header = resolveHeader(fields, mapping);
        ctx = { ...header, mapping, counties: countyLookup(deps.profile.counties, mapping.countyBy), onlyCounty, today, defaultUpdatedAt };
        continue;
      }
      rows++;
      const result = validateVoterRow(fields, ctx, invalidUtf8);
      if (!result.ok) {
        const idIndex = ctx.index.voter_id;
        await sink.add({ line, reason: result.reason, ...(idIndex >= 0 && fields[idIndex] ? { key: fields[idIndex]!.trim() } : {}) });
        continue;
      }
      stagingRow(out, line, result.voter, firstLoadRun);
    }
    if (out.size >= 65_536) await staging.writeBytes(out.take());
  }
  await staging.writeBytes(out.take());
  if (ctx === null) throw new AppError(400, 'file_empty', 'the file is empty: no header line');
  return rows;
}

/**
 * One row of VOTER_STAGING_COPY, or of FIRST_LOAD_COPY with the run (a million rows per import:
 * written straight into bytes).
 */
function stagingRow(out: CopyRowWriter, line: number, v: CanonicalVoter, firstLoadRun: number | null): void {
  out.integer(line);
  out.text(v.voterId); out.text(v.countyCode); out.text(v.firstName); out.text(v.middleName); out.text(v.lastName); out.text(v.suffix);
  out.text(v.firstKey); out.text(v.lastKey); out.text(v.dob); out.text(v.zip); out.text(v.status); out.text(v.confidential ? 't' : 'f');
  out.text(v.email); out.text(v.phone); out.text(v.language); out.text(v.sourceUpdatedAt);
  if (firstLoadRun !== null) out.integer(firstLoadRun);
  out.endRow();
}

/** Today's date (YYYY-MM-DD) in the given time zone. */
export function todayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
