import { withRuntime } from '../cli/output.ts';
import type { Command } from 'commander';
import { openRuntime } from '../runtime.ts';
import { parentCommand, printReport } from '../cli/output.ts';
import { AppError } from '../errors.ts';
import { startWorkers } from '../worker.ts';
import { CHANNELS, LANGUAGES } from '../persisted.ts';
import type { Channel } from '../persisted.ts';
import { listOutbox, messageCounts } from './messages.repository.ts';
import { defaultSmsSizes } from './render.ts';
import { listTemplateOverrides } from './template-overrides.repository.ts';
import { validateTemplate, smsSegments, SMS_SEGMENT_LIMITS } from './render.ts';
import { notificationsWorker, notifyTick } from './notifications.worker.ts';

const positiveInt = (s: string, name: string): number => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new AppError(400, 'invalid_option', `${name} must be a whole number ≥ 1`);
  return n;
};

/**
 * `ballotline outbox list`, `ballotline templates check`, `ballotline notify work|tick|status`.
 */
export function registerNotificationsCommands(program: Command): void {
  const outbox = parentCommand(program, 'outbox', 'messages the built-in outbox provider stored instead of sending');
  outbox.command('list').description('read the outbox, oldest first')
    .option('--voter <id>', 'only messages about this voter')
    .option('--channel <channel>', `only ${CHANNELS.join(', ')}`)
    .option('--after <id>', 'entries after this outbox id (paging)')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'one JSON object per line, with the exact provider request')
    .action((opts: { voter?: string; channel?: string; after?: string; limit: string; json?: boolean }) => withRuntime(async (rt) => {
      if (opts.channel !== undefined && !(CHANNELS as readonly string[]).includes(opts.channel)) throw new AppError(400, 'invalid_option', `--channel must be one of ${CHANNELS.join(', ')}`);
      const entries = await listOutbox(rt.db.pool, {
        ...(opts.voter ? { voterId: opts.voter } : {}), ...(opts.channel ? { channel: opts.channel as Channel } : {}),
        ...(opts.after ? { afterId: opts.after } : {}), limit: positiveInt(opts.limit, '--limit'),
      });
      if (opts.json) {
        for (const e of entries) console.log(JSON.stringify(e));
        return;
      }
      if (entries.length === 0) return console.log('the outbox is empty');
      for (const e of entries) {
        console.log(`#${e.id}  ${e.createdAt.toISOString()}  ${e.channel} → ${e.address}  ${e.kind} (${e.language})  voter ${e.voterId ?? '-'}`);
        if (e.subject) console.log(`  Subject: ${e.subject}`);
        for (const line of e.body.split('\n')) console.log(`  ${line}`);
        console.log('');
      }
    }));

  const templates = parentCommand(program, 'templates', 'message texts');
  templates.command('check').description('SMS segment table of every default text, and a check of every override')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => withRuntime(async (rt) => {
      const rows = defaultSmsSizes();
      const overrides = await listTemplateOverrides(rt.db.pool);
      const problems = overrides.map((o) => {
        const check = validateTemplate(o.kind, o.form, o.template);
        const size = o.form === 'sms' ? smsSegments(o.template) : null;
        return { county: o.countyCode ?? 'state', kind: o.kind, language: o.language, form: o.form, errors: check.ok ? [] : check.errors, segments: size?.segments ?? null, encoding: size?.encoding ?? null };
      });
      if (opts.json) return console.log(JSON.stringify({ sms: rows, overrides: problems }));
      console.log('Default SMS texts rendered with long sample values (limit: 2 segments GSM-7, 3 UCS-2)\n');
      console.log(['kind'.padEnd(22), ...LANGUAGES.map((l) => l.padStart(8))].join(''));
      const kinds = [...new Set(rows.map((r) => r.kind))];
      for (const kind of kinds) {
        const cells = LANGUAGES.map((language) => {
          const mine = rows.filter((r) => r.kind === kind && r.language === language);
          const worst = mine.reduce((a, b) => (b.segments > a.segments ? b : a));
          return `${worst.segments}${worst.encoding === 'UCS-2' ? 'u' : 'g'}${mine.some((r) => r.over) ? '!' : ''}`.padStart(8);
        });
        console.log([kind.padEnd(22), ...cells].join(''));
      }
      const over = rows.filter((r) => r.over).length;
      console.log(`\nsegments of the longest variant; g = GSM-7, u = UCS-2 (limit ${SMS_SEGMENT_LIMITS['GSM-7']}/${SMS_SEGMENT_LIMITS['UCS-2']}); ! = over the limit. ${over} over.`);
      if (overrides.length > 0) {
        console.log(`\n${overrides.length} override(s):`);
        for (const p of problems) console.log(`  ${p.county} ${p.kind} ${p.language} ${p.form}: ${p.errors.length === 0 ? 'ok' : p.errors.join(' ')}${p.segments !== null ? ` (${p.segments} ${p.encoding} segments)` : ''}`);
      }
      if (over > 0 || problems.some((p) => p.errors.length > 0)) process.exitCode = 1;
    }));

  const notify = program.command('notify').description('the notification engine');
  notify.command('work').description('run only the notification job workers (planning, delivery, the minute tick)')
    .action(async () => {
      const rt = await openRuntime();
      await startWorkers(rt, [notificationsWorker]);
      const stop = async (): Promise<void> => {
        await rt.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
  notify.command('tick').description('open due tracking windows and hand stale messages back to workers, once')
    .action(() => withRuntime(async (rt) => {
      printReport('notify tick', await notifyTick(rt), false);
    }));
  notify.command('status').description('messages by status')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => withRuntime(async (rt) => {
      printReport('messages by status', await messageCounts(rt.db.pool), opts.json ?? false);
    }));
}
