import type { Command } from 'commander';
import { openRuntime } from '../runtime.ts';
import { printReport } from '../cli/output.ts';
import { AppError } from '../errors.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';

export function registerAuthCommands(program: Command): void {
  const keys = program.command('keys').description('integration API keys (voter database, print vendors, USPS)');
  keys.command('create').description('create a key; its secret is printed once and never stored')
    .requiredOption('--name <name>', 'who or what uses it')
    .option('--scope <scope>', "'state' (all counties) or 'county'", 'county')
    .option('--counties <codes>', 'comma-separated county codes (scope county)')
    .action(async (opts: { name: string; scope: string; counties?: string }) => {
      if (opts.scope !== 'state' && opts.scope !== 'county') throw new AppError(400, 'invalid_option', '--scope must be state or county');
      const rt = await openRuntime();
      try {
        const { key, token } = await createApiKey(rt.db.pool, { name: opts.name, scope: opts.scope, countyCodes: opts.counties?.split(',').map((s) => s.trim()).filter(Boolean) ?? [], createdBy: 'cli' });
        printReport(`API key ${key.id} created. Keep the token now: it is not shown again.`, { token, scope: key.scope, counties: key.countyCodes.join(', ') || 'all' }, false);
      } finally {
        await rt.close();
      }
    });
  keys.command('list').description('list keys (never their secrets)').action(async () => {
    const rt = await openRuntime();
    try {
      for (const k of await listApiKeys(rt.db.pool)) {
        console.log([k.id, k.name, k.scope, k.countyCodes.join(',') || 'all', k.revokedAt ? 'revoked' : 'active', k.lastUsedAt?.toISOString() ?? 'never used'].join('\t'));
      }
    } finally {
      await rt.close();
    }
  });
  keys.command('revoke').argument('<id>').description('revoke a key at once').action(async (id: string) => {
    const rt = await openRuntime();
    try {
      if (!(await revokeApiKey(rt.db.pool, id))) throw new AppError(404, 'not_found', `no active key ${id}`);
      console.log(`revoked ${id}`);
    } finally {
      await rt.close();
    }
  });
}
