import { withRuntime } from '../cli/output.ts';
import type { Command } from 'commander';
import type { Runtime } from '../runtime.ts';
import { parentCommand, printReport } from '../cli/output.ts';
import { AppError } from '../errors.ts';
import { ROLES, type Role } from '../persisted.ts';
import * as svc from './accounts.service.ts';

/**
 * `ballotline admin …`: staff accounts from the server's command line. Whoever runs it has the
 * server, so it acts as the state (recorded as 'cli' in the audit log). It never asks for or
 * prints a password: a new or reset account gets a one-time set-up token, printed once, that
 * its owner redeems in the console to choose a password and enrol an authenticator app.
 */
export function registerConsoleCommands(program: Command): void {
  const admin = parentCommand(program, 'admin', 'console staff accounts');

  admin.command('create-user').description('create a staff account and print its one-time set-up token (bootstraps the first state admin)')
    .requiredOption('--email <email>', 'their work email (the sign-in name)')
    .requiredOption('--name <name>', 'their name, as others see it in the console and the audit log')
    .requiredOption('--role <role>', ROLES.join(', '))
    .option('--counties <codes>', 'comma-separated county codes (county roles)')
    .option('--json', 'print as JSON')
    .action(async (opts: { email: string; name: string; role: string; counties?: string; json?: boolean }) => {
      await withRuntime(async (rt) => {
        await createUserCommand(rt, opts);
      });
    });

  admin.command('list-users').description('list staff accounts (never their secrets)')
    .option('--all', 'include disabled accounts')
    .option('--json', 'print as JSON lines')
    .action(async (opts: { all?: boolean; json?: boolean }) => {
      await withRuntime(async (rt) => {
        for (const u of await svc.listStaffUsers(rt, svc.cliOperator(rt), { includeDisabled: opts.all ?? false })) {
          console.log(opts.json ? JSON.stringify(u) : [u.id, u.email, u.name, u.role, u.countyCodes.join(',') || 'all', u.status, u.lastLoginAt ?? 'never signed in'].join('\t'));
        }
      });
    });

  admin.command('disable-user').argument('<email>').description('disable an account at once (its sessions end); accounts are never deleted')
    .action(async (email: string) => {
      await withRuntime(async (rt) => {
        const u = await svc.disableStaffUser(rt, svc.cliOperator(rt), await svc.findStaffIdByEmail(rt, email));
        console.log(`disabled ${u.email}`);
      });
    });

  admin.command('enable-user').argument('<email>').description('enable a disabled account again')
    .action(async (email: string) => {
      await withRuntime(async (rt) => {
        const u = await svc.enableStaffUser(rt, svc.cliOperator(rt), await svc.findStaffIdByEmail(rt, email));
        console.log(`enabled ${u.email}`);
      });
    });

  admin.command('reset-user').argument('<email>').description('lost password or authenticator: clear both and print a new one-time set-up token')
    .option('--json', 'print as JSON')
    .action(async (email: string, opts: { json?: boolean }) => {
      await withRuntime(async (rt) => {
        const r = await svc.resetStaffUser(rt, svc.cliOperator(rt), await svc.findStaffIdByEmail(rt, email));
        printSetup(rt, `Account ${r.user.email} reset.`, r, opts.json ?? false);
      });
    });
}

/** `admin create-user`, separate from commander so that tests call it with a test runtime. */
export async function createUserCommand(rt: Runtime, opts: { email: string; name: string; role: string; counties?: string; json?: boolean }): Promise<svc.SetupGrant> {
  if (!(ROLES as readonly string[]).includes(opts.role)) throw new AppError(400, 'invalid_option', `--role must be one of ${ROLES.join(', ')}`);
  const countyCodes = opts.counties?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  const r = await svc.createStaffUser(rt, svc.cliOperator(rt), { email: opts.email, name: opts.name, role: opts.role as Role, countyCodes });
  printSetup(rt, `Staff account ${r.user.email} (${r.user.role}) created.`, r, opts.json ?? false);
  return r.setup;
}

function printSetup(rt: Runtime, title: string, r: { user: svc.StaffView; setup: svc.SetupGrant }, json: boolean): void {
  printReport(`${title} Give the set-up token to its owner by a safe channel: it is shown only now.`, {
    id: r.user.id,
    email: r.user.email,
    role: r.user.role,
    counties: r.user.countyCodes.join(', ') || 'all',
    'set-up token': r.setup.token,
    'valid until': r.setup.expiresAt.toISOString(),
    'set-up page': `${rt.config.publicUrl}/console/setup (enter the token there; or POST /api/v1/staff/setup)`,
  }, json);
}
