/**
 * Feeds in the console (docs/console.md "Feeds"): the import runs of every feed a member may
 * see, their rejects as CSV, held ballot ingests and their decision, and uploads from the
 * browser streamed into the same importers the CLI uses.
 *
 * County scope: a county member sees the runs recorded for one of its counties (a voter file
 * or ballot snapshot of that county); statewide runs (no county) are the state's. Another
 * county's run answers 404.
 *
 * Who uploads what (the task of a county member is its own county's data):
 * - voter file: state admin, any rows (optionally one county, or a full file of one county);
 *   county admin, one of its counties, and every row of another county is rejected;
 * - ballot status file: state admin, a delta or a snapshot of one county and election;
 *   county admin, a snapshot of one of its counties only (a delta may touch any county);
 * - tracking and scan files: state admin only (their rows are not bound to a county).
 */
import { Readable } from 'node:stream';
import type { Queryable } from '../db/pool.ts';
import { AppError } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import type { FeedKind, ImportRunRow, RunStatus } from '../feeds/runs.repository.ts';
import { getRun } from '../feeds/runs.repository.ts';
import { approveHeldRun, discardHeldRun, importBallotFile } from '../ballots/ingest.ts';
import { getHold, type HoldRow } from '../ballots/ingest.repository.ts';
import { importVoters } from '../registry/import.ts';
import { importTrackingFile } from '../mailtracking/tracking.service.ts';
import { importScansFile } from '../mailtracking/scans.service.ts';
import { audit, type RequestContext } from './audit.ts';
import { countyScope, coversCounty, electionsActor, hasPermission, type Staff } from './roles.ts';

export const UPLOAD_KINDS = ['voters', 'ballots', 'tracking', 'scans'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];
export const isUploadKind = (v: unknown): v is UploadKind => (UPLOAD_KINDS as readonly unknown[]).includes(v);

export const FEED_LABELS: Readonly<Record<FeedKind, string>> = {
  voters: 'Voter file', ballots: 'Ballot statuses', tracking: 'Tracking file', scans: 'Mail scans', subscriptions: 'Subscriptions',
};
const FEED_KINDS: readonly FeedKind[] = ['voters', 'ballots', 'tracking', 'scans', 'subscriptions'];
export const isFeedKind = (v: unknown): v is FeedKind => (FEED_KINDS as readonly unknown[]).includes(v);
const RUN_STATUSES: readonly RunStatus[] = ['running', 'done', 'failed', 'held', 'approved', 'discarded'];
export const isRunStatus = (v: unknown): v is RunStatus => (RUN_STATUSES as readonly unknown[]).includes(v);

type Member = Staff & { readonly request?: RequestContext };

export interface RunFilter { kind?: FeedKind; status?: RunStatus; limit?: number; beforeId?: number }

/** Runs the member may see, newest first. */
export async function listRunsFor(db: Queryable, staff: Member, filter: RunFilter = {}): Promise<ImportRunRow[]> {
  const { rows } = await db.query<ImportRunRow>(
    `SELECT * FROM import_runs
     WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR status = $2)
       AND ($3::text[] IS NULL OR county_code = ANY($3)) AND ($4::bigint IS NULL OR id < $4)
     ORDER BY id DESC LIMIT $5`,
    [filter.kind ?? null, filter.status ?? null, countyScope(staff), filter.beforeId ?? null, Math.min(Math.max(filter.limit ?? 50, 1), 200)]);
  return rows;
}

/** One run the member may see, or 404. */
export async function runFor(db: Queryable, staff: Member, runId: number): Promise<ImportRunRow> {
  const run = Number.isSafeInteger(runId) && runId > 0 ? await getRun(db, runId) : null;
  if (!run || (run.county_code === null ? countyScope(staff) !== null : !coversCounty(staff, run.county_code))) {
    throw new AppError(404, 'not_found', `no import run ${runId} in your counties`);
  }
  return run;
}

export async function holdOf(db: Queryable, runId: number): Promise<HoldRow | null> {
  return getHold(db, runId);
}

/** How many rejects a run has (the CSV has them all; the page shows the first). */
export async function rejectCount(db: Queryable, runId: number): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_rejects WHERE run_id = $1', [runId])).rows[0]!.n;
}

export async function firstRejects(db: Queryable, runId: number, limit: number): Promise<Array<{ line: number; reason: string }>> {
  return (await db.query<{ line: number; reason: string }>('SELECT line, reason FROM import_rejects WHERE run_id = $1 ORDER BY line LIMIT $2', [runId, limit])).rows;
}

const csvCell = (v: string): string => {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The run's rejects as CSV (`line,reason`), read 5,000 at a time by line: constant memory
 * whatever their number. Records the download in the audit log first (rejects can name voters).
 */
export async function rejectsCsv(rt: Pick<Runtime, 'db'>, staff: Member, runId: number): Promise<Readable> {
  const run = await runFor(rt.db.pool, staff, runId);
  await audit(rt.db.pool, { actor: staff, action: 'feed.rejects_downloaded', countyCode: run.county_code, details: { runId, kind: run.kind } });
  const pool = rt.db.pool;
  async function* lines(): AsyncIterable<string> {
    yield 'line,reason\r\n';
    let after = 0;
    for (;;) {
      const { rows } = await pool.query<{ line: number; reason: string }>(
        'SELECT line, reason FROM import_rejects WHERE run_id = $1 AND line > $2 ORDER BY line LIMIT 5000', [runId, after]);
      if (rows.length === 0) return;
      yield rows.map((r) => `${r.line},${csvCell(r.reason)}\r\n`).join('');
      after = rows.at(-1)!.line;
    }
  }
  return Readable.from(lines());
}

// ---------------------------------------------------------------- held ingests

/** A state admin approves a held ingest: the held rows are applied now; recorded with the reason. */
export async function approveHeld(rt: Runtime, staff: Member, runId: number, reason: string): Promise<void> {
  if (!hasPermission(staff, 'ingest.approve')) throw new AppError(403, 'forbidden', 'your role may not approve held ingests');
  if (reason.trim() === '') throw new AppError(400, 'reason_required', 'Say why the held ingest is approved.');
  const report = await approveHeldRun(rt, runId, electionsActor(staff), reason.slice(0, 1000));
  await audit(rt.db.pool, { actor: staff, action: 'ingest.approved', countyCode: report.county, details: { runId, reason: reason.trim(), events: report.counts.events } });
}

/** A state admin discards a held ingest: nothing of it is applied; recorded with the reason. */
export async function discardHeld(rt: Runtime, staff: Member, runId: number, reason: string): Promise<void> {
  if (!hasPermission(staff, 'ingest.approve')) throw new AppError(403, 'forbidden', 'your role may not discard held ingests');
  if (reason.trim() === '') throw new AppError(400, 'reason_required', 'Say why the held ingest is discarded.');
  const run = await getRun(rt.db.pool, runId);
  await discardHeldRun(rt, runId, electionsActor(staff), reason.slice(0, 1000));
  await audit(rt.db.pool, { actor: staff, action: 'ingest.discarded', countyCode: run?.county_code ?? null, details: { runId, reason: reason.trim() } });
}

// ---------------------------------------------------------------- uploads

export interface UploadRequest {
  kind: UploadKind;
  /** voters: the county (required for county members and a full file); ballots: the snapshot's county. */
  county: string | null;
  /** ballots: the snapshot's election, or the election of rows without one. */
  election: string | null;
  /** voters: 'upsert' | 'full'; ballots: 'delta' | 'snapshot'; tracking and scans: 'file'. */
  mode: string;
}

/** Checks an upload before a byte of the file is read: 400 for a bad form, 403 outside the member's reach. */
export function checkUpload(rt: Pick<Runtime, 'profile'>, staff: Member, fields: Readonly<Record<string, string>>): UploadRequest {
  const kind = fields.kind ?? '';
  if (!isUploadKind(kind)) throw new AppError(400, 'upload_kind', 'Choose what the file is: voter file, ballot statuses, tracking file or mail scans.');
  const county = (fields.county ?? '').trim() || null;
  const election = (fields.election ?? '').trim() || null;
  if (county !== null && !rt.profile.counties.some((c) => c.code === county)) throw new AppError(400, 'unknown_county', `Unknown county ${county}.`);
  if (county !== null && !coversCounty(staff, county)) throw new AppError(403, 'county_forbidden', `You may not upload files for county ${county}.`);
  const state = countyScope(staff) === null;
  switch (kind) {
    case 'voters': {
      const mode = fields.mode === 'full' ? 'full' : 'upsert';
      if ((mode === 'full' || !state) && county === null) throw new AppError(400, 'county_required', mode === 'full' ? 'A full voter file replaces one county: choose the county.' : 'Choose the county of this voter file.');
      return { kind, county, election: null, mode };
    }
    case 'ballots': {
      const mode = fields.mode === 'snapshot' || !state ? 'snapshot' : 'delta';
      if (mode === 'snapshot' && (county === null || election === null)) throw new AppError(400, 'snapshot_needs_county', 'A ballot snapshot is the whole state of one county in one election: choose both.');
      return { kind, county, election, mode };
    }
    case 'tracking':
    case 'scans':
      if (!state) throw new AppError(403, 'forbidden', 'Tracking and scan files cover every county: a state admin uploads them.');
      return { kind, county: null, election: null, mode: 'file' };
  }
}

/** What an upload did: the run to show. */
export interface UploadOutcome { runId: number; kind: UploadKind }

/**
 * Streams an uploaded file into its importer (the same functions as `ballotline import …`,
 * given the stream instead of a path): constant memory whatever the size. Records the upload
 * in the audit log. An importer's refusal (a bad header, an unknown election) comes back as
 * its AppError; the run is then recorded as failed.
 */
export async function runUpload(rt: Runtime, staff: Member, req: UploadRequest, input: Readable, fileName: string): Promise<UploadOutcome> {
  const source = sanitizeFileName(fileName);
  try {
    const runId = await importUpload(rt, req, input, source);
    await audit(rt.db.pool, { actor: staff, action: 'feed.uploaded', countyCode: req.county, details: { runId, kind: req.kind, mode: req.mode, file: source } });
    return { runId, kind: req.kind };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    await audit(rt.db.pool, { actor: staff, action: 'feed.uploaded', countyCode: req.county, details: { kind: req.kind, mode: req.mode, file: source, failed: e.code ?? 'error' } });
    throw err;
  }
}

async function importUpload(rt: Runtime, req: UploadRequest, input: Readable, source: string): Promise<number> {
  let runId: number;
  switch (req.kind) {
    case 'voters': {
      const r = await importVoters({ db: rt.db, profile: rt.profile, clock: rt.clock, dataDir: rt.config.dataDir },
        { source, input, full: req.mode === 'full', ...(req.county ? { county: req.county, onlyCounty: true } : {}) });
      runId = r.runId;
      break;
    }
    case 'ballots': {
      const snapshot = req.mode === 'snapshot' ? { county: req.county!, election: req.election! } : null;
      const r = await importBallotFile(rt, { source, input, snapshot, election: req.election });
      runId = r.runId;
      break;
    }
    case 'tracking':
      runId = (await importTrackingFile(rt, { source, input })).runId;
      break;
    case 'scans':
      runId = (await importScansFile(rt, { source, input })).runId;
      break;
  }
  return runId;
}

/** The file's own name, without any path, control characters or more than 200 characters. */
export function sanitizeFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return base === '' || base === '.' || base === '..' ? 'upload' : base;
}
