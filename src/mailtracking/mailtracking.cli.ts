import { withRuntime } from '../cli/output.ts';
import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Runtime } from '../runtime.ts';
import { parentCommand, printReport } from '../cli/output.ts';
import { AppError } from '../errors.ts';
import { decodeImb, encodeImb } from './imb.ts';
import { renderImbSvg } from './imb-svg.ts';
import { importTrackingFile } from './tracking.service.ts';
import { importScansFile } from './scans.service.ts';
import { ballotTimeline, voterTimelines } from './timeline.service.ts';
import { timelineEntryEnglish, type BallotTimeline } from './timeline.ts';
import { DEFAULT_FACILITIES, generatedScans, scanFileLines, trackedPieces, trackingFileLines, type MailTrackingOptions } from './generate.ts';
import { generatorBallots } from './generate.repository.ts';

/** `ballotline` commands of the mailtracking domain. */
export function registerMailtrackingCommands(program: Command): void {
  registerImbCommands(program);
  registerImportCommands(program);
  registerTimelineCommands(program);
  registerGenerateCommands(program);
}

function registerImbCommands(program: Command): void {
  const imb = program.command('imb').description('encode, decode and draw Intelligent Mail Barcodes (USPS-B-3200)');
  imb.command('encode').argument('<tracking>', '20-digit tracking code').argument('[routing]', 'routing code: delivery ZIP of 5, 9 or 11 digits', '')
    .description('print the 65 bars (F, A, D, T) of a tracking code and routing code')
    .action((tracking: string, routing: string) => {
      console.log(encodeImb(tracking, routing));
    });
  imb.command('decode').argument('<bars>', '65 letters F, A, D, T (read either way up)')
    .description('print the fields of a barcode as JSON')
    .action((bars: string) => {
      console.log(JSON.stringify(decodeImb(bars.trim().toUpperCase()), null, 2));
    });
  imb.command('svg').argument('[tracking]', '20-digit tracking code').argument('[routing]', 'routing code', '')
    .description('write the barcode as an SVG for print proofs (to standard output, or --out)')
    .option('--bars <bars>', 'draw these 65 bars instead of encoding a tracking code')
    .option('--out <file>', 'write to this file')
    .action(async (tracking: string | undefined, routing: string, opts: { bars?: string; out?: string }) => {
      if (!opts.bars && !tracking) throw new AppError(400, 'invalid_option', 'give a tracking code, or --bars');
      const svg = `${renderImbSvg(opts.bars ? opts.bars.trim().toUpperCase() : encodeImb(tracking!, routing))}\n`;
      if (opts.out) await writeFile(opts.out, svg);
      else process.stdout.write(svg);
    });
}

function registerImportCommands(program: Command): void {
  const imp = parentCommand(program, 'import', 'load a feed file');
  imp.command('tracking').argument('<file>', "print vendor's tracking file (CSV or pipe-delimited, docs/feeds/tracking.md); '-' reads standard input")
    .description('load the crosswalk IMB ↔ ballot envelope, and match scans that were waiting for it')
    .option('--rejects <file>', 'where to write the rejected lines (CSV: line,reason)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: { rejects?: string; json?: boolean }) => {
      await withRuntime(async (rt) => {
        const r = await importTrackingFile(rt, { source: file, ...(file === '-' ? { input: process.stdin } : {}), ...(opts.rejects ? { rejectsPath: opts.rejects } : {}) });
        printReport(`Tracking import run ${r.runId} — ${r.source}`, {
          rows: r.rows, inserted: r.inserted, unchanged: r.unchanged, rejected: r.rejected,
          'IMB reused < 45 days': r.reusedWithin45Days, 'waiting scans matched': r.matchedScans,
          'outbound events': r.outboundEvents, 'inbound events': r.inboundEvents,
          duration: `${(r.durationMs / 1000).toFixed(2)} s`, sha256: r.sha256, 'rejects file': r.rejectsFile,
          'first rejects': r.sampleRejects.map((x) => ({ line: `line ${x.line}`, reason: x.reason })),
          'first warnings': r.sampleWarnings.map((w) => ({ line: `line ${w.line}`, reason: `IMB ${w.imb} was used in election ${w.otherElectionId} ${w.days} days apart` })),
        }, opts.json ?? false);
      });
    });
  imp.command('scans').argument('<file>', "USPS Informed Visibility delimited scan file (docs/feeds/scans.md); '-' reads standard input")
    .description('load USPS piece scans: facility-local times become UTC, first scans become Outbound/Inbound events')
    .option('--rejects <file>', 'where to write the rejected lines (CSV: line,reason)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: { rejects?: string; json?: boolean }) => {
      await withRuntime(async (rt) => {
        const r = await importScansFile(rt, { source: file, ...(file === '-' ? { input: process.stdin } : {}), ...(opts.rejects ? { rejectsPath: opts.rejects } : {}) });
        printReport(`Scan import run ${r.runId} — ${r.source}`, {
          rows: r.received, stored: r.stored, duplicates: r.duplicates, matched: r.matched,
          'waiting for tracking file': r.waiting, rejected: r.rejected,
          'outbound events': r.outboundEvents, 'inbound events': r.inboundEvents,
          'scans/s': Math.round(r.received / (r.durationMs / 1000)), duration: `${(r.durationMs / 1000).toFixed(2)} s`,
          sha256: r.sha256, 'rejects file': r.rejectsFile,
          'first rejects': r.sampleRejects.map((x) => ({ line: `line ${x.line}`, reason: x.reason })),
        }, opts.json ?? false);
      });
    });
}

function registerTimelineCommands(program: Command): void {
  const ballots = parentCommand(program, 'ballots', "a voter's ballots, status history and events");
  ballots.command('timeline').argument('<election>', 'election ID').argument('[ballot]', 'ballot ID (or --voter)')
    .description("show a ballot's timeline: issued, mailed, USPS scans, received, decided")
    .option('--voter <id>', "every ballot of this voter in the election")
    .option('--json', 'print the timeline(s) as JSON (stable keys, for other tools)')
    .action(async (election: string, ballotId: string | undefined, opts: { voter?: string; json?: boolean }) => {
      if (!ballotId && !opts.voter) throw new AppError(400, 'invalid_option', 'give a ballot ID, or --voter');
      await withRuntime(async (rt) => {
        const options = { timeZone: rt.profile.timeZone };
        const timelines = ballotId
          ? [await ballotTimeline(rt.db.pool, election, ballotId, options)].filter((t): t is BallotTimeline => t !== null)
          : await voterTimelines(rt.db.pool, opts.voter!, election, options);
        if (timelines.length === 0) throw new AppError(404, 'ballot_not_found', ballotId ? `no ballot ${ballotId} in election ${election}` : `voter ${opts.voter} has no ballot in election ${election}`);
        if (opts.json) {
          console.log(JSON.stringify(ballotId ? timelines[0] : timelines, null, 2));
          return;
        }
        for (const t of timelines) {
          console.log(`Ballot ${t.ballotId} — election ${t.electionId}, voter ${t.voterId}, county ${t.countyCode}`);
          if (t.entries.length === 0) console.log('  (nothing recorded yet)');
          for (const e of t.entries) console.log(`  ${timelineEntryEnglish(e)}`);
        }
      });
    });
}

function registerGenerateCommands(program: Command): void {
  const gen = parentCommand(program, 'generate', 'make synthetic data for demos, tests and benchmarks');
  const common = (c: Command) => c
    .requiredOption('--election <id>', 'election whose ballots get envelopes')
    .option('--mailer-id <digits>', '6-digit mailer ID (use the same for tracking and scans)', '314159')
    .option('--serial-start <n>', 'first serial number (use the same for tracking and scans)', '1')
    .option('--out <file>', 'output file (default: standard output)');
  common(gen.command('tracking').description("write the print vendor's tracking file for an election's ballots (deterministic)"))
    .action(async (opts: GenerateOpts) => {
      await withRuntime(async (rt) => {
        const ballots = await generatorBallots(rt.db.pool, opts.election, rt.profile.timeZone);
        await writeLines(trackingFileLines(trackedPieces(ballots, generatorOptions(rt, opts))), opts.out);
        if (opts.out) console.error(`wrote ${ballots.length * 2} envelopes of ${ballots.length} ballots to ${opts.out}`);
      });
    });
  common(gen.command('scans').description("write USPS scans (facility-local times) of an election's envelopes, up to now (deterministic)"))
    .option('--seed <n>', 'random seed', '1')
    .option('--mail-back-share <share>', 'share of ballots not yet returned whose voter has mailed them back (0-1)', '0.3')
    .option('--unscanned-share <share>', 'share of envelopes USPS never scans (0-1)', '0.05')
    .action(async (opts: GenerateOpts) => {
      await withRuntime(async (rt) => {
        const ballots = await generatorBallots(rt.db.pool, opts.election, rt.profile.timeZone);
        let n = 0;
        const options = generatorOptions(rt, opts);
        const counted = function* () { for (const s of generatedScans(trackedPieces(ballots, options), options)) { n++; yield s; } };
        await writeLines(scanFileLines(counted()), opts.out);
        if (opts.out) console.error(`wrote ${n} scans of ${ballots.length} ballots to ${opts.out}`);
      });
    });
}

interface GenerateOpts { election: string; mailerId: string; serialStart: string; out?: string; seed?: string; mailBackShare?: string; unscannedShare?: string }

function generatorOptions(rt: Runtime, opts: GenerateOpts): MailTrackingOptions {
  const share = (name: string, v: string | undefined, def: number): number => {
    const n = v === undefined ? def : Number(v);
    if (!(n >= 0 && n <= 1)) throw new AppError(400, 'invalid_option', `${name} must be a number from 0 to 1`);
    return n;
  };
  const serialStart = Number(opts.serialStart);
  const seed = Number(opts.seed ?? '1');
  if (!Number.isInteger(serialStart) || serialStart < 0) throw new AppError(400, 'invalid_option', '--serial-start must be a whole number');
  if (!Number.isInteger(seed)) throw new AppError(400, 'invalid_option', '--seed must be a whole number');
  if (!/^[0-8]\d{5}$/.test(opts.mailerId)) throw new AppError(400, 'invalid_option', '--mailer-id must be 6 digits, the first 0-8');
  return {
    mailerId: opts.mailerId, serialStart, seed, asOf: rt.clock.now(), facilities: DEFAULT_FACILITIES[rt.profile.id],
    mailBackShare: share('--mail-back-share', opts.mailBackShare, 0.3), unscannedShare: share('--unscanned-share', opts.unscannedShare, 0.05),
  };
}

async function writeLines(lines: Iterable<string>, out: string | undefined): Promise<void> {
  const text = Readable.from((function* () {
    let chunk = '';
    for (const l of lines) {
      chunk += `${l}\n`;
      if (chunk.length > 65_536) { yield chunk; chunk = ''; }
    }
    if (chunk) yield chunk;
  })());
  await pipeline(text, out ? createWriteStream(out) : process.stdout);
}

