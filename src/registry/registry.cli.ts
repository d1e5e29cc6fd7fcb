import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { openRuntime } from '../runtime.ts';
import { parentCommand, printReport } from '../cli/output.ts';
import { AppError } from '../errors.ts';
import { importVoters } from './import.ts';
import { readMapping } from './mapping.ts';
import { generateVoterCsv } from './generate.ts';

export function registerRegistryCommands(program: Command): void {
  const imp = parentCommand(program, 'import', 'load a feed file');
  imp.command('voters').argument('<file>', "voter file (canonical CSV, or the state's export with --mapping); '-' reads standard input")
    .description('load voter registration records')
    .option('--full', "the file is the whole registry of one county: voters it doesn't list are marked removed")
    .option('--county <code>', 'county code of a full file')
    .option('--mapping <file>', "JSON mapping of the state's own export onto the canonical format (docs/feeds.md)")
    .option('--rejects <file>', 'where to write the rejected lines (CSV: line,reason)')
    .option('--force', 'let a full file remove more than 20% of a county')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: { full?: boolean; county?: string; mapping?: string; rejects?: string; force?: boolean; json?: boolean }) => {
      const mapping = opts.mapping ? await readMapping(opts.mapping) : undefined;
      const rt = await openRuntime();
      try {
        const r = await importVoters({ db: rt.db, profile: rt.profile, clock: rt.clock, dataDir: rt.config.dataDir }, {
          source: file, ...(file === '-' ? { input: process.stdin } : {}),
          full: opts.full ?? false, ...(opts.county ? { county: opts.county } : {}), ...(mapping ? { mapping } : {}),
          ...(opts.rejects ? { rejectsPath: opts.rejects } : {}), force: opts.force ?? false,
        });
        printReport(`Voter import run ${r.runId} (${r.mode}${r.county ? `, county ${r.county}` : ''}) — ${r.source}`, {
          rows: r.rows, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, removed: r.removed, rejected: r.rejected,
          'registry changes': r.registryChanges, 'rows/s': Math.round(r.rows / (r.durationMs / 1000)),
          duration: `${(r.durationMs / 1000).toFixed(2)} s`, sha256: r.sha256, 'rejects file': r.rejectsFile,
          'first rejects': r.sampleRejects.map((x) => ({ line: `line ${x.line}`, reason: x.reason })),
        }, opts.json ?? false);
      } finally {
        await rt.close();
      }
    });

  const gen = parentCommand(program, 'generate', 'make synthetic data for demos, tests and benchmarks');
  gen.command('voters').description('write a deterministic synthetic voter file (canonical CSV)')
    .option('--count <n>', 'number of voters', '1000')
    .option('--profile <id>', 'ca or co', 'ca')
    .option('--seed <n>', 'random seed', '1')
    .option('--counties <codes>', 'comma-separated county codes to limit to')
    .option('--out <file>', 'output file (default: standard output)')
    .action(async (opts: { count: string; profile: string; seed: string; counties?: string; out?: string }) => {
      const count = Number(opts.count);
      const seed = Number(opts.seed);
      if (!Number.isInteger(count) || count < 0) throw new AppError(400, 'invalid_option', '--count must be a whole number');
      if (!Number.isInteger(seed)) throw new AppError(400, 'invalid_option', '--seed must be a whole number');
      if (opts.profile !== 'ca' && opts.profile !== 'co') throw new AppError(400, 'invalid_option', '--profile must be ca or co');
      const stream = generateVoterCsv({ count, profile: opts.profile, seed, ...(opts.counties ? { counties: opts.counties.split(',').map((s) => s.trim()) } : {}) });
      await pipeline(stream, opts.out ? createWriteStream(opts.out) : process.stdout);
      if (opts.out) console.error(`wrote ${count} voters to ${opts.out}`);
    });
}
