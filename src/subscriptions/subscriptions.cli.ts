import type { Command } from 'commander';
import { openRuntime } from '../runtime.ts';
import { parentCommand, printReport } from '../cli/output.ts';
import { importSubscriptions } from './subscriptions-import.ts';

/** `ballotline` commands of the subscriptions domain. */
export function registerSubscriptionsCommands(program: Command): void {
  const imp = parentCommand(program, 'import', 'load a feed file');
  imp.command('subscriptions').argument('<file>', "subscriptions file (canonical CSV, docs/feeds/subscriptions.md); '-' reads standard input")
    .description('carry subscriptions over from a previous ballot-tracking system')
    .option('--rejects <file>', 'where to write the rejected lines (CSV: line,reason)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: { rejects?: string; json?: boolean }) => {
      const rt = await openRuntime();
      try {
        const r = await importSubscriptions({ db: rt.db, profile: rt.profile, clock: rt.clock, dataDir: rt.config.dataDir }, {
          source: file, ...(file === '-' ? { input: process.stdin } : {}), ...(opts.rejects ? { rejectsPath: opts.rejects } : {}),
        });
        printReport(`Subscriptions import run ${r.runId} — ${r.source}`, {
          rows: r.rows, imported: r.imported, 'of which suspended': r.suspended, 'already subscribed (left as is)': r.alreadySubscribed,
          'channels off (do-not-contact)': r.doNotContact, rejected: r.rejected,
          duration: `${(r.durationMs / 1000).toFixed(2)} s`, sha256: r.sha256, 'rejects file': r.rejectsFile,
          'first rejects': r.sampleRejects.map((x) => ({ line: `line ${x.line}`, reason: x.reason })),
        }, opts.json ?? false);
      } finally {
        await rt.close();
      }
    });
}
