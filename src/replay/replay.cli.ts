import type { Command } from 'commander';
import { withRuntime } from '../cli/output.ts';
import { AppError } from '../errors.ts';
import { replayInScratchDatabase } from './replay.service.ts';
import { reportText, writeReport } from './report.ts';

const wholeNumber = (s: string, name: string, min: number): number => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < min) throw new AppError(400, 'invalid_option', `${name} must be a whole number ≥ ${min}`);
  return n;
};

/**
 * `ballotline replay`: a whole synthetic election through the real system, compared with the
 * oracle (docs/replay.md). Runs in a scratch database on the configured server, never in the
 * configured database itself. Exit code 1 when any message differs.
 */
export function registerReplayCommands(program: Command): void {
  program.command('replay').description('replay a whole synthetic election and check every message against an independent oracle')
    .option('--voters <n>', 'voters in the election', '5000')
    .option('--seed <s>', 'seed of the election and the scenario', '1')
    .option('--faults', 'kill the worker and web processes with SIGKILL, cut the database connections, make the provider fail for a while')
    .option('--report <file>', 'write the report as JSON to FILE and as text beside it (.json → .txt)')
    .option('--keep', 'keep the scratch database')
    .action((opts: { voters: string; seed: string; faults?: boolean; report?: string; keep?: boolean }) => withRuntime(async (rt) => {
      const voters = wholeNumber(opts.voters, '--voters', 1);
      const seed = wholeNumber(opts.seed, '--seed', 0);
      const { report, database } = await replayInScratchDatabase(rt.config, rt.db.url, {
        voters, seed, faults: opts.faults ?? false, keep: opts.keep ?? false, progress: (line) => console.error(line),
      });
      console.log(reportText(report));
      if (opts.keep) console.log(`scratch database kept: ${database}`);
      if (opts.report) {
        const files = await writeReport(opts.report, report);
        console.log(`report written to ${files.json} and ${files.text}`);
      }
      if (report.mismatchCount > 0) process.exitCode = 1;
    }));
}
