/**
 * Ballot-status ingestion (docs/feeds/ballots.md): a file (`ballotline import ballots`) or a
 * JSON batch (POST /api/v1/ballot-statuses) → validate each row → COPY into a staging table →
 * classify against the current state in SQL → guardrail → apply, append ballot events and
 * enqueue the planning job, all in one transaction: either all of it happens, or none.
 *
 * Held ingests (guardrail.ts) keep their validated rows in held_ballot_rows and change nothing
 * else until a state admin approves (the same rows are then applied against the state at that
 * moment) or discards them.
 */
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AppError } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import { QUEUES, sendInTx } from '../queue.ts';
import { copyLine, csvRecords, type CsvRecord } from '../feeds/csv.ts';
import { RejectsSink, type Reject } from '../feeds/rejects.ts';
import { finishRun, getRun, insertRejects, listRejects, startRun, type ImportRunRow } from '../feeds/runs.repository.ts';
import { assertState, coversCounty, type Actor } from '../elections/actor.ts';
import { countyLookup } from '../registry/voter-row.ts';
import { BALLOT_FIELDS, DEFAULT_BALLOT_MAPPING, type BallotMapping } from './feed.ts';
import { ballotRowContext, resolveBallotHeader, validateBallotRow, type BallotRowContext, type CanonicalBallotRow } from './ballot-row.ts';
import { guardrail, type CountyImpact } from './guardrail.ts';
import * as repo from './ingest.repository.ts';

type Deps = Pick<Runtime, 'db' | 'profile' | 'clock' | 'config' | 'queue'>;

/** Row figures add up: rows = new + changed + unchanged + late + unknownCode + participation + rejected. */
export interface IngestCounts {
  rows: number;
  /** first status of a ballot */
  new: number;
  /** a newer status (a new code, or the same code with a later date) */
  changed: number;
  /** nothing new: the same status again, or an old status we already hold */
  unchanged: number;
  /** older than the ballot's current status and not seen before: recorded, triggers nothing */
  late: number;
  /** a status code outside DESIGN §2.4: recorded and reported, never guessed */
  unknownCode: number;
  /** participation-history rows (POLL, VCR) */
  participation: number;
  rejected: number;
  // figures that are not row buckets:
  /** ballots reported for the first time */
  newBallots: number;
  /** of which a second (or later) ballot of the voter in the election */
  reissues: number;
  /** existing ballots whose status did not change but whose sent/issued date, reason or cure deadline did */
  updated: number;
  /** new participation records (each an In-person event when the voter has a mail ballot) */
  inPerson: number;
  /** snapshot: ballots of the county we hold that the snapshot does not list (kept as they are) */
  missing: number;
  /** ballot events appended */
  events: number;
}

export interface IngestReport {
  runId: number;
  source: string;
  sha256: string | null;
  mode: 'delta' | 'snapshot';
  status: 'done' | 'held' | 'approved';
  county: string | null;
  election: string | null;
  counts: IngestCounts;
  eventsByKind: Record<string, number>;
  unknownCodes: Record<string, number>;
  /** why the guardrail held it, and what it would change per county */
  hold: { reasons: string[]; counties: CountyImpact[] } | null;
  durationMs: number;
  phases: Record<string, number>;
  rejectsFile: string | null;
  sampleRejects: Reject[];
}

export interface ImportBallotsOptions {
  /** A path, or '-' with `input` for standard input. */
  source: string;
  input?: Readable;
  /** The file is the whole current state of one county in one election. Default: a delta. */
  snapshot?: { county: string; election: string } | null;
  /** The election of rows that have no election_id (or a file without that column). */
  election?: string | null;
  mapping?: BallotMapping;
  /** Default `<dataDir>/rejects/ballots-run-<id>.csv`. */
  rejectsPath?: string;
}

const LOCK_KEY = 7_400_413_020; // arbitrary, fixed: one ballot ingest (or approval) at a time

/** `ballotline import ballots FILE`. */
export async function importBallotFile(deps: Deps, options: ImportBallotsOptions): Promise<IngestReport> {
  const snapshot = options.snapshot ?? null;
  if (snapshot) {
    if (!deps.profile.counties.some((c) => c.code === snapshot.county)) throw new AppError(400, 'unknown_county', `unknown county ${snapshot.county}`);
  }
  const election = snapshot?.election ?? options.election ?? null;
  const mapping = options.mapping ?? DEFAULT_BALLOT_MAPPING;
  const input = options.input ?? createReadStream(options.source);
  const { batches, sha256 } = csvRecords(input, { delimiter: mapping.delimiter });
  try {
    return await ingest(deps, {
      source: options.source === '-' ? 'stdin' : basename(options.source),
      snapshot, election, mapping, rejectsPath: options.rejectsPath ?? null, header: null, batches, sha256,
    });
  } finally {
    input.destroy();
  }
}

/** One row of the JSON batch endpoint: the canonical fields in camelCase. */
export interface BallotJsonRow {
  voterId?: string | null;
  electionId?: string | null;
  ballotId?: string | null;
  countyCode?: string | null;
  statusCode?: string | null;
  statusDate?: string | null;
  issuedDate?: string | null;
  sentDate?: string | null;
  reasonText?: string | null;
  cureDeadline?: string | null;
}

const JSON_KEYS: ReadonlyArray<keyof BallotJsonRow> = ['voterId', 'electionId', 'ballotId', 'countyCode', 'statusCode', 'statusDate', 'issuedDate', 'sentDate', 'reasonText', 'cureDeadline'];

/**
 * A JSON batch from an integration (its own import_runs row, source `api:<key id>`). Every row
 * must be of a county the actor covers, or nothing is applied (403 county_forbidden). Bad rows
 * are rejected by row number (1-based) and the rest applied, as in a file.
 */
export async function ingestBallotBatch(deps: Deps, rows: readonly BallotJsonRow[], options: { actor: Actor; source: string }): Promise<IngestReport> {
  const lookup = countyLookup(deps.profile.counties, 'code');
  const forbidden: number[] = [];
  rows.forEach((r, i) => {
    const raw = (r.countyCode ?? '').trim();
    const code = lookup.get(raw) ?? raw;
    if (raw !== '' && lookup.has(raw) && !coversCounty(options.actor, code)) forbidden.push(i + 1);
  });
  if (forbidden.length > 0) {
    throw new AppError(403, 'county_forbidden', `this key may not write ballots of those counties: row(s) ${forbidden.slice(0, 20).join(', ')}${forbidden.length > 20 ? ', …' : ''}; nothing was applied`,
      { details: { rows: forbidden.slice(0, 1000) } });
  }
  const hash = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  async function* batches(): AsyncIterable<CsvRecord[]> {
    for (let i = 0; i < rows.length; i += 2048) {
      yield rows.slice(i, i + 2048).map((r, j) => ({ line: i + j + 1, fields: JSON_KEYS.map((k) => r[k] ?? '') }));
    }
  }
  return ingest(deps, {
    source: options.source, snapshot: null, election: null, mapping: DEFAULT_BALLOT_MAPPING, rejectsPath: null,
    header: [...BALLOT_FIELDS], batches: batches(), sha256: () => hash,
  });
}

interface IngestInput {
  source: string;
  snapshot: { county: string; election: string } | null;
  election: string | null;
  mapping: BallotMapping;
  rejectsPath: string | null;
  /** null: the first record is the header (a file); else the records are data from the first */
  header: string[] | null;
  batches: AsyncIterable<CsvRecord[]>;
  sha256: () => string;
}

async function ingest(deps: Deps, input: IngestInput): Promise<IngestReport> {
  const started = performance.now();
  const mode = input.snapshot ? 'snapshot' : 'delta';
  const boss = await deps.queue();
  const runId = await startRun(deps.db.pool, { kind: 'ballots', source: input.source, mode, countyCode: input.snapshot?.county ?? null });
  const rejectsPath = input.rejectsPath ?? join(deps.config.dataDir, 'rejects', `ballots-run-${runId}.csv`);
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string): void => { const now = performance.now(); phases[name] = Math.round(now - mark); mark = now; };
  try {
    return await deps.db.tx(async (client) => {
      await prepareTx(client);
      phase('lock');
      const elections = new Map((await client.query<{ id: string; election_date: string }>('SELECT id, election_date FROM elections')).rows.map((r) => [r.id, r.election_date]));
      if (input.election !== null && !elections.has(input.election)) throw new AppError(400, 'unknown_election', `unknown election ${input.election} (create it first: ballotline elections create)`);
      await repo.createStaging(client);
      // Rejects go through the pool: this connection is busy with the COPY while rows stream.
      const sink = new RejectsSink(rejectsPath, (batch) => insertRejects(deps.db.pool, runId, batch));
      const collector = new repo.StagingStatsCollector();
      const rows = await copyRows(client, input, elections, sink, deps, collector);
      await repo.analyzeStaging(client);
      phase('stream');
      const outcome = await diffAndApply(client, deps, boss, runId, { snapshot: input.snapshot !== null, guard: true, sink, phase, stats: collector.result() });
      await sink.close();
      const counts: IngestCounts = { ...outcome.counts, rows, rejected: sink.count };
      const durationMs = performance.now() - started;
      const status = outcome.hold ? 'held' : 'done';
      await finishRun(client, runId, { status, sha256: input.sha256(), counts: flatCounts(counts, outcome.eventsByKind, outcome.unknownCodes), durationMs });
      return {
        runId, source: input.source, sha256: input.sha256(), mode, status, county: input.snapshot?.county ?? null,
        election: input.snapshot?.election ?? input.election, counts, eventsByKind: outcome.eventsByKind, unknownCodes: outcome.unknownCodes,
        hold: outcome.hold, durationMs, phases, rejectsFile: sink.count > 0 ? rejectsPath : null, sampleRejects: sink.sample,
      } satisfies IngestReport;
    });
  } catch (err) {
    await finishRun(deps.db.pool, runId, { status: 'failed', sha256: null, counts: {}, durationMs: performance.now() - started, error: (err as Error).message }).catch(() => undefined);
    throw err;
  }
}

async function prepareTx(client: pg.PoolClient): Promise<void> {
  await client.query("SET LOCAL statement_timeout = '30min'");
  await client.query("SET LOCAL work_mem = '128MB'");
  await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
}

/** Streams the records through validation into COPY; returns the number of data rows. */
async function copyRows(client: pg.PoolClient, input: IngestInput, elections: ReadonlyMap<string, string>, sink: RejectsSink, deps: Deps, stats: repo.StagingStatsCollector): Promise<number> {
  const copy = client.query(copyFrom(repo.STAGING_COPY));
  const copyDone = new Promise<void>((resolve, reject) => { copy.on('finish', resolve); copy.on('error', reject); });
  try {
    const rows = await streamRows(input, elections, copy, sink, deps, stats);
    await copyDone;
    await sink.drain();
    return rows;
  } catch (err) {
    // Abort the COPY (the server gets CopyFail) so that the transaction can roll back.
    copy.destroy(err as Error);
    await copyDone.catch(() => undefined);
    throw err;
  }
}

async function streamRows(input: IngestInput, elections: ReadonlyMap<string, string>, copy: Writable, sink: RejectsSink, deps: Deps, stats: repo.StagingStatsCollector): Promise<number> {
  let ctx: BallotRowContext | null = null;
  const makeContext = (header: readonly string[]): BallotRowContext => ballotRowContext({
    header: resolveBallotHeader(header, input.mapping, input.election !== null),
    mapping: input.mapping, counties: deps.profile.counties, elections, defaultElection: input.election,
    snapshot: input.snapshot, profileStatusCodes: deps.profile.statusCodeMapping, timeZone: deps.profile.timeZone,
  });
  if (input.header) ctx = makeContext(input.header);
  let rows = 0;
  let buffer = '';
  for await (const batch of input.batches) {
    for (const { line, fields } of batch) {
      if (ctx === null) {
        ctx = makeContext(fields);
        continue;
      }
      rows++;
      const result = validateBallotRow(fields, ctx);
      if (!result.ok) {
        await sink.add({ line, reason: result.reason });
        continue;
      }
      const r = result.row;
      stats.add(r.electionId, r.countyCode, r.ballotId, r.statusCode);
      buffer += stagingLine(line, r);
    }
    if (buffer.length > 65_536) {
      if (!copy.write(buffer)) await once(copy, 'drain');
      buffer = '';
    }
  }
  if (ctx === null) throw new AppError(400, 'file_empty', 'the file is empty: no header line');
  copy.end(buffer);
  return rows;
}

function stagingLine(line: number, r: CanonicalBallotRow): string {
  return copyLine([line, r.voterId, r.electionId, r.ballotId, r.countyCode, r.statusCode, r.statusDate, r.statusDay,
    r.dateOnly ? 't' : 'f', r.issuedDate, r.sentDate, r.reasonText, r.cureDeadline]);
}

interface Outcome {
  counts: Omit<IngestCounts, 'rows' | 'rejected'>;
  eventsByKind: Record<string, number>;
  unknownCodes: Record<string, number>;
  hold: { reasons: string[]; counties: CountyImpact[] } | null;
}

/**
 * The set-based part, shared by an ingest and the approval of a held one: classify, reject
 * conflicts, guardrail (`guard`), then apply, append events and enqueue planning.
 */
async function diffAndApply(client: pg.PoolClient, deps: Deps, boss: Awaited<ReturnType<Runtime['queue']>>, runId: number,
  opts: { snapshot: boolean; guard: boolean; sink: RejectsSink; phase: (name: string) => void; stats: repo.StagingStats | null }): Promise<Outcome> {
  const { quiet } = await repo.buildDiff(client, opts.stats);
  for (const r of await repo.rejectConflicts(client)) await opts.sink.add(r);
  await opts.sink.drain();
  await repo.markRepeats(client);
  opts.phase('diff');
  const impacts = await repo.countyImpacts(client, opts.snapshot, opts.stats);
  const diff = await repo.diffCounts(client);
  const participation = await repo.countParticipationRows(client);
  const missing = impacts.reduce((n, c) => n + c.missing, 0);
  opts.phase('impact');
  const base = { new: diff.new, changed: diff.changed, unchanged: diff.unchanged + quiet, late: diff.late, unknownCode: diff.unknownCode, participation, missing };

  const decision = opts.guard ? guardrail(impacts, { share: deps.config.ingest.holdShare, minChanges: deps.config.ingest.holdMinChanges }) : { hold: false, reasons: [] };
  if (decision.hold) {
    const hold = { reasons: decision.reasons, counties: impacts };
    await repo.storeHeldRows(client, runId, { ...hold, counts: { ...base } });
    opts.phase('hold');
    return { counts: { ...base, newBallots: 0, reissues: 0, updated: 0, inPerson: 0, events: 0 }, eventsByKind: {}, unknownCodes: diff.unknownCodes, hold };
  }

  const created = await repo.insertNewBallots(client);
  const updated = await repo.updateBallots(client);
  await repo.insertHistory(client, runId);
  opts.phase('apply');
  const eventsByKind = await repo.insertStatusEvents(client, runId, deps.profile.timeZone);
  const sentDateEvents = await repo.insertSentDateEvents(client, runId, deps.profile.timeZone);
  const part = await repo.applyParticipation(client, runId);
  for (const [kind, n] of [['outbound', sentDateEvents], ['in_person', part.events]] as const) {
    if (n > 0) eventsByKind[kind] = (eventsByKind[kind] ?? 0) + n;
  }
  const events = Object.values(eventsByKind).reduce((a, b) => a + b, 0);
  if (events > 0) await sendInTx(boss, client, QUEUES.planEvents, { runId });
  opts.phase('events');
  return {
    counts: { ...base, newBallots: created.ballots, reissues: created.reissues, updated: updated.detailsOnly, inPerson: part.recorded, events },
    eventsByKind, unknownCodes: diff.unknownCodes, hold: null,
  };
}

/** import_runs.counts is flat numbers: the counts, then `event:<kind>` and `unknown:<code>`. */
function flatCounts(counts: IngestCounts, eventsByKind: Record<string, number>, unknownCodes: Record<string, number>): Record<string, number> {
  return {
    ...counts,
    ...Object.fromEntries(Object.entries(eventsByKind).map(([k, n]) => [`event:${k}`, n])),
    ...Object.fromEntries(Object.entries(unknownCodes).map(([k, n]) => [`unknown:${k}`, n])),
  };
}

function unflatten(flat: Record<string, number>, prefix: string): Record<string, number> {
  return Object.fromEntries(Object.entries(flat).filter(([k]) => k.startsWith(prefix)).map(([k, n]) => [k.slice(prefix.length), n]));
}

// ---------------------------------------------------------------- held ingests

/**
 * A state admin approves a held ingest: exactly the rows that were held are applied, against
 * the ballots as they are now (a status that has moved on meanwhile makes a held row late),
 * then events are appended and planning enqueued, in one transaction.
 */
export async function approveHeldRun(deps: Deps, runId: number, actor: Actor, reason: string): Promise<IngestReport> {
  assertState(actor, 'approve a held ingest');
  if (reason.trim() === '') throw new AppError(400, 'reason_required', 'say why the held ingest is approved (--reason)');
  const started = performance.now();
  const boss = await deps.queue();
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string): void => { const now = performance.now(); phases[name] = Math.round(now - mark); mark = now; };
  return deps.db.tx(async (client) => {
    await prepareTx(client);
    const run = await heldRunForDecision(client, runId);
    const rejectsPath = join(deps.config.dataDir, 'rejects', `ballots-run-${runId}.csv`);
    const sink = new RejectsSink(`${rejectsPath.slice(0, -4)}-approval.csv`, (batch) => insertRejects(client, runId, batch));
    await repo.createStaging(client);
    await repo.loadHeldRows(client, runId);
    await repo.analyzeStaging(client);
    phase('load');
    const outcome = await diffAndApply(client, deps, boss, runId, { snapshot: run.mode === 'snapshot', guard: false, sink, phase, stats: null });
    await sink.close();
    const heldCounts = run.counts;
    const counts: IngestCounts = { ...outcome.counts, rows: heldCounts.rows ?? 0, rejected: (heldCounts.rejected ?? 0) + sink.count };
    await repo.decideHold(client, runId, { decision: 'approved', by: actor.name, reason: reason.trim(), at: deps.clock.now() });
    const durationMs = (run.duration_ms ?? 0) + (performance.now() - started);
    await finishRun(client, runId, { status: 'approved', sha256: run.sha256, counts: flatCounts(counts, outcome.eventsByKind, outcome.unknownCodes), durationMs });
    return {
      runId, source: run.source, sha256: run.sha256, mode: run.mode as 'delta' | 'snapshot', status: 'approved', county: run.county_code,
      election: null, counts, eventsByKind: outcome.eventsByKind, unknownCodes: outcome.unknownCodes, hold: null,
      durationMs, phases, rejectsFile: sink.count > 0 ? sink.path : null, sampleRejects: sink.sample,
    } satisfies IngestReport;
  });
}

/** A state admin discards a held ingest: its rows are dropped; nothing of it was ever applied. */
export async function discardHeldRun(deps: Deps, runId: number, actor: Actor, reason: string): Promise<void> {
  assertState(actor, 'discard a held ingest');
  if (reason.trim() === '') throw new AppError(400, 'reason_required', 'say why the held ingest is discarded (--reason)');
  await deps.db.tx(async (client) => {
    await heldRunForDecision(client, runId);
    await repo.decideHold(client, runId, { decision: 'discarded', by: actor.name, reason: reason.trim(), at: deps.clock.now() });
    await client.query("UPDATE import_runs SET status = 'discarded', finished_at = now() WHERE id = $1", [runId]);
  });
}

async function heldRunForDecision(client: pg.PoolClient, runId: number): Promise<ImportRunRow> {
  const hold = await repo.getHold(client, runId, true);
  const run = await getRun(client, runId);
  if (!hold || !run || run.kind !== 'ballots') throw new AppError(404, 'run_not_held', `run ${runId} is not a held ballot ingest`);
  if (hold.decision !== null) throw new AppError(409, 'run_already_decided', `run ${runId} was already ${hold.decision} by ${hold.decided_by} at ${hold.decided_at?.toISOString()}`);
  return run;
}

export interface IngestRunView {
  run: ImportRunRow;
  counts: Record<string, number>;
  eventsByKind: Record<string, number>;
  unknownCodes: Record<string, number>;
  hold: (Omit<repo.HoldRow, 'run_id'>) | null;
  rejects: Array<{ line: number; reason: string }>;
}

/** A ballot ingest run as the CLI, the API and the console show it. */
export async function getIngestRun(deps: Pick<Runtime, 'db'>, runId: number, options: { rejects?: number } = {}): Promise<IngestRunView> {
  const run = await getRun(deps.db.pool, runId);
  if (!run || run.kind !== 'ballots') throw new AppError(404, 'run_not_found', `no ballot ingest run ${runId}`);
  const hold = await repo.getHold(deps.db.pool, runId);
  const counts = Object.fromEntries(Object.entries(run.counts).filter(([k]) => !k.includes(':')));
  return {
    run, counts, eventsByKind: unflatten(run.counts, 'event:'), unknownCodes: unflatten(run.counts, 'unknown:'),
    hold: hold ? { summary: hold.summary, held_at: hold.held_at, decision: hold.decision, decided_by: hold.decided_by, decision_reason: hold.decision_reason, decided_at: hold.decided_at } : null,
    rejects: await listRejects(deps.db.pool, runId, options.rejects ?? 100),
  };
}

/** Ballot ingest runs, newest first; `held` keeps those waiting for a decision. */
export async function listIngestRuns(deps: Pick<Runtime, 'db'>, filter: { held?: boolean; countyCodes?: readonly string[] | null; limit?: number } = {}): Promise<ImportRunRow[]> {
  return (await deps.db.pool.query<ImportRunRow>(
    `SELECT * FROM import_runs WHERE kind = 'ballots' AND ($1::boolean IS NOT TRUE OR status = 'held')
       AND ($2::text[] IS NULL OR county_code = ANY($2)) ORDER BY id DESC LIMIT $3`,
    [filter.held ?? false, filter.countyCodes ?? null, filter.limit ?? 50])).rows;
}
