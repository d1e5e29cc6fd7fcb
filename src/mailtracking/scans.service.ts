import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import type pg from 'pg';
import { AppError } from '../errors.ts';
import { QUEUES, sendInTx } from '../queue.ts';
import type { Runtime } from '../runtime.ts';
import type { ApiKey } from '../auth/api-keys.ts';
import { csvRecords, type CsvRecord } from '../feeds/csv.ts';
import { RejectsSink, type Reject } from '../feeds/rejects.ts';
import { finishRun, insertRejects, startRun } from '../feeds/runs.repository.ts';
import { facilityDirectory } from './facility.ts';
import { assertReadable, sniffDelimiter, withCopy } from './delimited.ts';
import { resolveScanHeader, scanInputFromFields, validateScan, type ScanColumnIndex, type ScanContext, type ScanInput, type StagedScan } from './scan-row.ts';
import * as repo from './scans.repository.ts';
import type { ScanSource } from '../persisted.ts';

/** What mail tracking needs of the runtime (a Runtime will do). */
export type MailtrackingDeps = Pick<Runtime, 'db' | 'clock' | 'queue' | 'config'>;

export interface ScanLoadCounts {
  /** Data rows in the file, or events in the push. */
  received: number;
  /** New scans stored (matched or waiting for their tracking file). */
  stored: number;
  /** Scans we already had (same IMB, time and event code). */
  duplicates: number;
  /** Of the new scans, those matched to a ballot envelope now. */
  matched: number;
  /** Of the new scans, those whose IMB no tracking file has named yet: kept and matched when one does. */
  waiting: number;
  rejected: number;
  /** Outbound and Inbound ballot events appended. */
  outboundEvents: number;
  inboundEvents: number;
}

export interface ScanFileReport extends ScanLoadCounts {
  runId: number;
  source: string;
  sha256: string;
  durationMs: number;
  rejectsFile: string | null;
  sampleRejects: Reject[];
  /** Milliseconds spent in each phase: load (parse, validate, COPY, insert and match, in chunks), events, enqueue. */
  phases: Record<string, number>;
}

export interface ImportScansOptions {
  /** A path, or any name with `input`. */
  source: string;
  input?: Readable;
  rejectsPath?: string;
  /** Staged rows per chunk (default 100,000); memory holds two chunks. */
  chunkRows?: number;
}

/**
 * Loads a delimited scan file (docs/feeds/scans.md): stream → validate each row → COPY into
 * staging → insert new scans and match them to envelopes (chunk by chunk) → append the
 * first-scan events and enqueue their planning, all in one transaction. Bad rows are
 * rejected with their line number and reason; every good row loads. Loading the same file
 * again adds nothing.
 */
export async function importScansFile(deps: MailtrackingDeps, options: ImportScansOptions): Promise<ScanFileReport> {
  const started = performance.now();
  if (!options.input) await assertReadable(options.source);
  const sourceName = options.source === '-' ? 'stdin' : basename(options.source);
  const runId = await startRun(deps.db.pool, { kind: 'scans', source: sourceName, mode: 'file', countyCode: null });
  const rejectsPath = options.rejectsPath ?? join(deps.config.dataDir, 'rejects', `scans-run-${runId}.csv`);
  // Opened only now, and read at once: an error of the file then reaches this function's catch.
  const raw = options.input ?? createReadStream(options.source);
  try {
    const { delimiter, input } = await sniffDelimiter(raw);
    const { batches, sha256 } = csvRecords(input, { delimiter });
    const ctx: ScanContext = { facilities: await facilityDirectory(), now: deps.clock.now() };
    return await deps.db.tx(async (client) => {
      await client.query("SET LOCAL statement_timeout = '30min'");
      await client.query("SET LOCAL work_mem = '256MB'");
      await repo.createScanStaging(client);
      const sink = new RejectsSink(rejectsPath, (batch) => insertRejects(client, runId, batch));
      const phases: Record<string, number> = {};
      let mark = performance.now();
      const phase = (name: string): void => { const now = performance.now(); phases[name] = Math.round(now - mark); mark = now; };
      const loader = new ChunkedLoader(client, { runId, source: 'file', counties: null }, options.chunkRows ?? CHUNK_ROWS);
      const received = await streamScanRows(batches, ctx, sink, loader);
      await loader.finish();
      phase('load');
      const { counts: applied } = await finishStaged(deps, client, { runId, received, staged: loader.staged, inserted: loader.inserted, matched: loader.matched, phase });
      await sink.close();
      const counts: ScanLoadCounts = { ...applied, rejected: sink.count };
      const durationMs = performance.now() - started;
      await finishRun(client, runId, { status: 'done', sha256: sha256(), counts: { ...counts }, durationMs });
      return { runId, source: sourceName, sha256: sha256(), ...counts, durationMs, rejectsFile: sink.count > 0 ? rejectsPath : null, sampleRejects: sink.sample, phases };
    });
  } catch (err) {
    await finishRun(deps.db.pool, runId, { status: 'failed', sha256: null, counts: {}, durationMs: performance.now() - started, error: (err as Error).message }).catch(() => undefined);
    raw.destroy();
    throw err;
  }
}

/**
 * Validates every data row and hands the good ones to `loader`; returns the number of data
 * rows. Awaits only when the loader has a full chunk to hand over (not once per row).
 */
async function streamScanRows(batches: AsyncIterable<CsvRecord[]>, ctx: ScanContext, sink: RejectsSink, loader: ChunkedLoader): Promise<number> {
  let header: { index: ScanColumnIndex; width: number } | null = null;
  let rows = 0;
  for await (const batch of batches) {
    for (const { line, fields } of batch) {
      if (header === null) {
        let resolved;
        try {
          resolved = resolveScanHeader(fields);
        } catch (err) {
          throw new AppError(400, 'scan_file_header', `line ${line}: ${(err as Error).message}`);
        }
        header = { index: resolved.index, width: fields.length };
        if (!resolved.headerless) continue;
      }
      rows++;
      const input = scanInputFromFields(fields, header.index, header.width);
      const check = typeof input === 'string' ? { ok: false as const, reason: input } : validateScan(input, ctx);
      if (check.ok) {
        if (loader.add(line, check.scan)) await loader.flush();
      } else {
        await sink.add({ line, reason: check.reason });
      }
    }
  }
  if (header === null) throw new AppError(400, 'file_empty', 'the file is empty: no header line');
  return rows;
}

/** Rows staged per chunk of a file: bounds memory to two chunks (about 50 MB). */
const CHUNK_ROWS = 100_000;

/**
 * Loads a file's staged rows in chunks: while PostgreSQL inserts and matches one chunk, the
 * next one is parsed and validated, so that both cores work at once. All chunks run in the
 * import's one transaction, on its one connection; `scan_new` collects what they stored.
 */
class ChunkedLoader {
  staged = 0;
  inserted = 0;
  matched = 0;
  readonly #client: pg.PoolClient;
  readonly #run: { runId: number; source: ScanSource; counties: readonly string[] | null };
  readonly #chunkRows: number;
  /** The chunk so far: full 64 KB pieces as Buffers (outside the JS heap: nothing for the GC to copy), and the piece being filled. */
  #pieces: Buffer[] = [];
  #piece = '';
  #rows = 0;
  #inFlight: Promise<void> = Promise.resolve();
  #chunks = 0;

  constructor(client: pg.PoolClient, run: { runId: number; source: ScanSource; counties: readonly string[] | null }, chunkRows: number) {
    this.#client = client;
    this.#run = run;
    this.#chunkRows = chunkRows;
  }

  /** Adds one row to the chunk; true when the chunk is full and `flush` must be awaited now. */
  add(line: number, scan: StagedScan): boolean {
    this.#piece += repo.stagingLine(line, scan);
    if (this.#piece.length > 65_536) {
      this.#pieces.push(Buffer.from(this.#piece));
      this.#piece = '';
    }
    return ++this.#rows >= this.#chunkRows;
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.#inFlight;
  }

  /** Hands the chunk to PostgreSQL once the previous one is in. */
  async flush(): Promise<void> {
    await this.#inFlight; // one chunk in PostgreSQL at a time; its failure surfaces here
    if (this.#rows === 0) return;
    if (this.#piece !== '') this.#pieces.push(Buffer.from(this.#piece));
    const pieces = this.#pieces;
    this.staged += this.#rows;
    this.#pieces = [];
    this.#piece = '';
    this.#rows = 0;
    this.#inFlight = this.#load(pieces, this.#chunks++ === 0);
    this.#inFlight.catch(() => undefined); // awaited at the next flush or at finish
  }

  async #load(pieces: Buffer[], first: boolean): Promise<void> {
    const client = this.#client;
    if (!first) await client.query('TRUNCATE scan_staging');
    const copy = repo.copyScanStaging(client);
    await withCopy(copy, async () => {
      for (const piece of pieces) if (!copy.write(piece)) await once(copy, 'drain');
    });
    if (first) await client.query('ANALYZE scan_staging');
    const { inserted, matched } = await repo.insertStagedScans(client, this.#run);
    this.inserted += inserted;
    this.matched += matched;
  }
}

/** After the scans are stored: counts, the first-scan events, and the planning job. */
async function finishStaged(deps: MailtrackingDeps, client: pg.PoolClient, run: { runId: number; received: number; staged: number; inserted: number; matched: number; phase?: (name: string) => void }): Promise<{ counts: Omit<ScanLoadCounts, 'rejected'> }> {
  const { inserted, matched } = run;
  const events = await repo.appendScanEvents(client, run.runId);
  run.phase?.('events');
  if (events.outbound + events.inbound > 0) await sendInTx(await deps.queue(), client, QUEUES.planEvents, { runId: run.runId });
  run.phase?.('enqueue');
  return {
    counts: { received: run.received, stored: inserted, duplicates: run.staged - inserted, matched, waiting: inserted - matched, outboundEvents: events.outbound, inboundEvents: events.inbound },
  };
}

// ---------------------------------------------------------------- IV-MTR push

/** One event of an IV-MTR JSON push (only the fields we read; IV sends many more). */
export interface IvScanEvent {
  imb: string;
  scanDatetime: string;
  scanEventCode: string;
  scanFacilityZip?: string | null;
  scanFacilityCity?: string | null;
  scanFacilityState?: string | null;
  handlingEventType?: string | null;
  mailPhase?: string | null;
  imbRoutingCode?: string | null;
}

export interface PushReport extends ScanLoadCounts {
  runId: number;
  /** Of the rejected, scans of envelopes of counties the key may not write. */
  outOfScope: number;
  /** Rejected events: `event` is the 1-based position in `events`. */
  rejects: Array<{ event: number; reason: string }>;
}

/** Events per push request at most (a batch is one transaction). */
export const MAX_PUSH_EVENTS = 5000;

/**
 * Loads one IV-MTR push: each event is validated on its own (a bad one is rejected with its
 * position and reason, the rest load), then stored, matched and turned into events exactly as
 * a file is. A county-scoped key's scans only apply to ballots of its counties: scans of other
 * counties' envelopes are rejected and counted. Repeating a push adds nothing.
 */
export async function pushScans(deps: MailtrackingDeps, key: ApiKey, events: readonly IvScanEvent[]): Promise<PushReport> {
  const started = performance.now();
  const counties = key.scope === 'state' ? null : key.countyCodes;
  const runId = await startRun(deps.db.pool, { kind: 'scans', source: `api:${key.id}`, mode: 'push', countyCode: counties?.length === 1 ? counties[0]! : null });
  try {
    const ctx: ScanContext = { facilities: await facilityDirectory(), now: deps.clock.now() };
    const rejects: Reject[] = [];
    const good: Array<{ line: number; scan: StagedScan }> = [];
    events.forEach((event, i) => {
      const check = validateScan(ivInput(event), ctx);
      if (check.ok) good.push({ line: i + 1, scan: check.scan });
      else rejects.push({ line: i + 1, reason: check.reason });
    });
    return await deps.db.tx(async (client) => {
      await repo.createScanStaging(client);
      await repo.stageScans(client, good);
      await client.query('ANALYZE scan_staging');
      const outOfScope = counties === null ? [] : await repo.rejectOutOfScope(client, counties);
      const { inserted, matched } = await repo.insertStagedScans(client, { runId, source: 'push', counties });
      const { counts: applied } = await finishStaged(deps, client, { runId, received: events.length, staged: good.length - outOfScope.length, inserted, matched });
      const all = [...rejects, ...outOfScope].sort((a, b) => a.line - b.line);
      await insertRejects(client, runId, all);
      const counts: ScanLoadCounts = { ...applied, rejected: all.length };
      await finishRun(client, runId, { status: 'done', sha256: null, counts: { ...counts }, durationMs: performance.now() - started });
      return { runId, ...counts, outOfScope: outOfScope.length, rejects: all.map((r) => ({ event: r.line, reason: r.reason })) };
    });
  } catch (err) {
    await finishRun(deps.db.pool, runId, { status: 'failed', sha256: null, counts: {}, durationMs: performance.now() - started, error: (err as Error).message }).catch(() => undefined);
    throw err;
  }
}

function ivInput(e: IvScanEvent): ScanInput {
  return {
    imb: e.imb,
    routing: e.imbRoutingCode ?? '',
    eventCode: e.scanEventCode,
    facilityZip: e.scanFacilityZip ?? null,
    time: e.scanDatetime,
    facilityCity: e.scanFacilityCity ?? null,
    facilityState: e.scanFacilityState ?? null,
    mailPhase: e.mailPhase ?? null,
    handlingEventType: e.handlingEventType ?? null,
  };
}
