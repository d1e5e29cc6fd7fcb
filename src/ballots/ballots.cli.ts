import { withRuntime } from '../cli/output.ts';
import type { Command } from 'commander';
import { parentCommand, printReport } from '../cli/output.ts';
import { AppError } from '../errors.ts';
import { stateActor } from '../elections/actor.ts';
import { isIsoDate } from '../elections/participation.ts';
import { readBallotMapping } from './feed.ts';
import { approveHeldRun, discardHeldRun, getIngestRun, importBallotFile, listIngestRuns, type IngestReport } from './ingest.ts';
import { getVoterBallots } from './ballots.service.ts';
import { eventsOfRun } from './ballots.repository.ts';
import { writeSyntheticElection } from './election-files.ts';

/** `ballotline import ballots`, `ballotline ingest ...`, `ballotline ballots show`, `ballotline generate election`. */
export function registerBallotsCommands(program: Command): void {
  const imp = parentCommand(program, 'import', 'load a feed file');
  imp.command('ballots').argument('<file>', "ballot-status extract (canonical CSV, or the state's export with --mapping); '-' reads standard input")
    .description('load ballot statuses and participation history (docs/feeds/ballots.md)')
    .option('--snapshot', 'the file is the whole current state of one county in one election (needs --county and --election)')
    .option('--county <code>', 'county of a snapshot')
    .option('--election <id>', 'election of a snapshot, or of rows that have no election_id')
    .option('--mapping <file>', "JSON mapping of the state's own export onto the canonical format")
    .option('--rejects <file>', 'where to write the rejected lines (CSV: line,reason)')
    .option('--json', 'print the report as JSON')
    .action((file: string, opts: { snapshot?: boolean; county?: string; election?: string; mapping?: string; rejects?: string; json?: boolean }) => withRuntime(async (rt) => {
      if (opts.snapshot && (!opts.county || !opts.election)) throw new AppError(400, 'snapshot_needs_scope', '--snapshot needs --county CODE and --election ID: a snapshot replaces what one county reported for one election');
      const mapping = opts.mapping ? await readBallotMapping(opts.mapping) : undefined;
      const r = await importBallotFile(rt, {
        source: file, ...(file === '-' ? { input: process.stdin } : {}),
        snapshot: opts.snapshot ? { county: opts.county!, election: opts.election! } : null,
        election: opts.election ?? null, ...(mapping ? { mapping } : {}), ...(opts.rejects ? { rejectsPath: opts.rejects } : {}),
      });
      printIngestReport(r, opts.json ?? false);
      if (r.status === 'held' && !opts.json) {
        console.log(`\nNothing of this ingest was applied. A state admin decides:\n  ballotline ingest approve ${r.runId} --by NAME --reason "..."\n  ballotline ingest discard ${r.runId} --by NAME --reason "..."`);
      }
    }));

  const ingest = program.command('ingest').description('ballot ingest runs and held ingests');
  ingest.command('list').description('recent ballot ingest runs')
    .option('--held', 'only those waiting for a decision')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action((opts: { held?: boolean; limit: string; json?: boolean }) => withRuntime(async (rt) => {
      const runs = await listIngestRuns(rt, { held: opts.held ?? false, limit: Number(opts.limit) || 20 });
      if (opts.json) return console.log(JSON.stringify(runs));
      if (runs.length === 0) return console.log(opts.held ? 'no held ingests' : 'no ballot ingests yet');
      for (const r of runs) {
        const c = r.counts;
        console.log([`run ${r.id}`, r.status.padEnd(9), r.started_at.toISOString(), r.source,
          `rows ${c.rows ?? 0}`, `changed ${c.changed ?? 0}`, `events ${c.events ?? 0}`, `rejected ${c.rejected ?? 0}`].join('\t'));
      }
    }));
  ingest.command('show').argument('<run>').description('a run: counts, events, hold summary and decision, rejects')
    .option('--events <n>', 'also list the first n events', '0')
    .option('--json', 'print JSON')
    .action((runArg: string, opts: { events: string; json?: boolean }) => withRuntime(async (rt) => {
      const view = await getIngestRun(rt, runNumber(runArg), { rejects: 20 });
      const events = Number(opts.events) > 0 ? await eventsOfRun(rt.db.pool, view.run.id, Number(opts.events)) : [];
      if (opts.json) return console.log(JSON.stringify({ ...view, events }));
      const r = view.run;
      printReport(`Ballot ingest run ${r.id} — ${r.source} (${r.mode}) — ${r.status}`, {
        started: r.started_at.toISOString(), 'duration': r.duration_ms === null ? null : `${(r.duration_ms / 1000).toFixed(2)} s`, sha256: r.sha256,
        ...view.counts,
        'events by kind': Object.entries(view.eventsByKind).map(([k, n]) => ({ k, n })),
        'unknown codes': Object.entries(view.unknownCodes).map(([k, n]) => ({ k, n })),
        'held because': view.hold?.summary.reasons,
        decision: view.hold?.decision ? `${view.hold.decision} by ${view.hold.decided_by} at ${view.hold.decided_at?.toISOString()}: ${view.hold.decision_reason}` : undefined,
        rejects: view.rejects.map((x) => ({ line: `line ${x.line}`, reason: x.reason })),
        'first events': events.map((e) => ({ e: `${e.ballot_id} ${e.kind} (${e.reason}) at ${e.occurred_at.toISOString()}` })),
      }, false);
    }));
  ingest.command('approve').argument('<run>').description('approve a held ingest: exactly its rows are applied and voters are told')
    .requiredOption('--by <name>', 'the state admin approving (recorded)')
    .requiredOption('--reason <text>', 'why (recorded)')
    .option('--json', 'print JSON')
    .action((runArg: string, opts: { by: string; reason: string; json?: boolean }) => withRuntime(async (rt) => {
      printIngestReport(await approveHeldRun(rt, runNumber(runArg), stateActor(opts.by), opts.reason), opts.json ?? false);
    }));
  ingest.command('discard').argument('<run>').description('discard a held ingest: nothing of it is ever applied')
    .requiredOption('--by <name>', 'the state admin discarding (recorded)')
    .requiredOption('--reason <text>', 'why (recorded)')
    .action((runArg: string, opts: { by: string; reason: string }) => withRuntime(async (rt) => {
      await discardHeldRun(rt, runNumber(runArg), stateActor(opts.by), opts.reason);
      console.log(`run ${runArg} discarded`);
    }));

  const ballots = program.command('ballots').description("a voter's ballots, status history and events");
  ballots.command('show').argument('<voter-id>').option('--election <id>').option('--json', 'print JSON')
    .description("a voter's ballots with their full status history, events and participation")
    .action((voterId: string, opts: { election?: string; json?: boolean }) => withRuntime(async (rt) => {
      const v = await getVoterBallots(rt, voterId, opts.election ?? null);
      if (opts.json) return console.log(JSON.stringify(v));
      if (v.ballots.length === 0) console.log(`no ballots for voter ${voterId}`);
      for (const { ballot: b, history, events } of v.ballots) {
        console.log(`${b.election_id} ballot ${b.ballot_id} (county ${b.county_code}) — now ${b.status_code ?? 'no status'}` +
          `${b.status_day ? ` since ${b.status_day}` : ''}; issued ${b.issued_date ?? '?'}, sent ${b.sent_date ?? '?'}${b.reissue_of ? `; replaces ${b.reissue_of}` : ''}`);
        for (const h of history) console.log(`    status ${h.status_code.padEnd(8)} ${h.status_date_only ? h.status_day : h.status_date.toISOString()}  ${h.classification}${h.reason_text ? `  "${h.reason_text}"` : ''}  (run ${h.run_id})`);
        for (const e of events) console.log(`    event  ${e.kind} (${e.reason}) at ${e.occurred_at.toISOString()}  [${e.source}, run ${e.run_id}]`);
      }
      for (const p of v.participation) console.log(`${p.election_id} voted in person (${p.method}) on ${p.voted_day}${p.ballot_id ? `, event on ballot ${p.ballot_id}` : ', no mail ballot'}`);
    }));

  const gen = parentCommand(program, 'generate', 'make synthetic data for demos, tests and benchmarks');
  gen.command('election').description('a synthetic election: voter file, daily ballot-status extracts (E-29…E+30) and the ground truth (docs/elections.md)')
    .option('--voters <n>', 'number of voters to generate', '10000')
    .option('--voter-file <file>', 'use this voter file (canonical CSV) instead of generating one')
    .option('--seed <n>', 'random seed', '1')
    .option('--profile <id>', 'ca or co', 'ca')
    .option('--counties <codes>', 'comma-separated county codes to limit the voters to')
    .option('--election-id <id>', "the election's code", 'G2026')
    .option('--election-name <name>', "the election's name", 'General Election')
    .option('--election-date <YYYY-MM-DD>', 'election day', '2026-11-03')
    .option('--suspicious', 'also write a transposed extract (half of one county reported VDD) that the guardrail holds')
    .requiredOption('--out <dir>', 'output folder')
    .action(async (opts: { voters: string; voterFile?: string; seed: string; profile: string; counties?: string; electionId: string; electionName: string; electionDate: string; suspicious?: boolean; out: string }) => {
      const voters = Number(opts.voters);
      const seed = Number(opts.seed);
      if (!opts.voterFile && (!Number.isInteger(voters) || voters < 0)) throw new AppError(400, 'invalid_option', '--voters must be a whole number');
      if (!Number.isInteger(seed)) throw new AppError(400, 'invalid_option', '--seed must be a whole number');
      if (opts.profile !== 'ca' && opts.profile !== 'co') throw new AppError(400, 'invalid_option', '--profile must be ca or co');
      if (!isIsoDate(opts.electionDate)) throw new AppError(400, 'invalid_option', '--election-date must be a real date written YYYY-MM-DD');
      const s = await writeSyntheticElection({
        outDir: opts.out, electionId: opts.electionId, electionName: opts.electionName, electionDate: opts.electionDate, seed, profile: opts.profile,
        ...(opts.voterFile ? { voterFile: opts.voterFile } : { voters }),
        ...(opts.counties ? { counties: opts.counties.split(',').map((c) => c.trim()).filter(Boolean) } : {}),
        suspicious: opts.suspicious ?? false,
      });
      printReport(`Synthetic election ${s.election.id} (${s.election.date}) in ${opts.out}`, {
        voters: s.voters, ballots: s.ballots, reissues: s.reissues, 'in person': s.inPerson, cured: s.cured,
        outcomes: Object.entries(s.byOutcome).map(([k, n]) => ({ k, n })),
        'voter file': s.files.voters, extracts: `${s.files.extracts}/ballots-<day>.csv (60 days)`, truth: s.files.truth,
        suspicious: s.suspicious ? `${s.suspicious.file} (${s.suspicious.rows} rows, county ${s.suspicious.county})` : undefined,
      }, false);
      console.log(`\nReplay it:\n  ballotline elections create --id ${s.election.id} --name "${s.election.name}" --date ${s.election.date} --kind statewide` +
        (opts.voterFile ? '' : `\n  ballotline import voters ${s.files.voters}`) +
        `\n  for f in ${s.files.extracts}/ballots-*.csv; do ballotline import ballots "$f"; done` +
        (s.suspicious ? `\n  ballotline import ballots ${s.suspicious.file}    # held by the guardrail` : ''));
    });
}

function runNumber(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new AppError(400, 'invalid_option', `"${v}" is not a run number`);
  return n;
}

export function printIngestReport(r: IngestReport, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(r));
    return;
  }
  const c = r.counts;
  printReport(`Ballot ingest run ${r.runId} (${r.mode}${r.county ? `, county ${r.county}` : ''}) — ${r.source} — ${r.status.toUpperCase()}`, {
    rows: c.rows, new: c.new, changed: c.changed, unchanged: c.unchanged, late: c.late, 'unknown code': c.unknownCode,
    participation: c.participation, rejected: c.rejected, 'new ballots': c.newBallots, reissues: c.reissues,
    'dates updated': c.updated, 'in person': c.inPerson, ...(r.mode === 'snapshot' ? { 'missing from snapshot': c.missing } : {}),
    events: c.events,
    'events by kind': Object.entries(r.eventsByKind).map(([k, n]) => ({ k, n })),
    'unknown codes': Object.entries(r.unknownCodes).map(([k, n]) => ({ k, n })),
    'held because': r.hold?.reasons,
    'rows/s': Math.round(c.rows / (r.durationMs / 1000)), duration: `${(r.durationMs / 1000).toFixed(2)} s`, sha256: r.sha256,
    'rejects file': r.rejectsFile,
    'first rejects': r.sampleRejects.map((x) => ({ line: `line ${x.line}`, reason: x.reason })),
  }, false);
}
