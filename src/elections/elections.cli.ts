import { withRuntime } from '../cli/output.ts';
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { printReport } from '../cli/output.ts';
import { AppError } from '../errors.ts';
import type { ElectionKind, ImbUse } from '../persisted.ts';
import { stateActor } from './actor.ts';
import * as svc from './elections.service.ts';

/**
 * `ballotline elections ...` and `ballotline counties ...`. Whoever runs the CLI has the server,
 * so it acts as the state; --by names the person recorded with each decision.
 */
export function registerElectionsCommands(program: Command): void {
  const elections = program.command('elections').description('elections and county participation (docs/elections.md)');

  elections.command('create').description('create an election; statewide: every county takes part unless it opts out')
    .requiredOption('--id <code>', "the state's election code, e.g. G2026")
    .requiredOption('--name <name>', 'e.g. "General Election, November 3, 2026"')
    .requiredOption('--date <YYYY-MM-DD>', 'election day')
    .requiredOption('--kind <kind>', 'statewide, special or local')
    .option('--days-before <n>', 'messages start E-n (default 29)')
    .option('--days-after <n>', 'messages end E+n inclusive (default 30)')
    .option('--by <name>', 'who creates it (recorded)')
    .option('--json', 'print JSON')
    .action((opts: { id: string; name: string; date: string; kind: string; daysBefore?: string; daysAfter?: string; by?: string; json?: boolean }) => withRuntime(async (rt) => {
      const e = await svc.createElection(rt, {
        id: opts.id, name: opts.name, date: opts.date, kind: opts.kind as ElectionKind,
        ...(opts.daysBefore !== undefined ? { trackingDaysBefore: whole(opts.daysBefore, '--days-before') } : {}),
        ...(opts.daysAfter !== undefined ? { trackingDaysAfter: whole(opts.daysAfter, '--days-after') } : {}),
      }, stateActor(by(opts.by)));
      printElection(e, opts.json ?? false);
    }));

  elections.command('list').description('list elections')
    .option('--upcoming', 'only elections whose tracking window has not closed')
    .option('--json', 'print JSON')
    .action((opts: { upcoming?: boolean; json?: boolean }) => withRuntime(async (rt) => {
      const list = await svc.listElections(rt, { upcoming: opts.upcoming ?? false });
      if (opts.json) return console.log(JSON.stringify(list));
      if (list.length === 0) return console.log('no elections yet: ballotline elections create --help');
      for (const e of list) console.log([e.id, e.date, e.kind, `${e.participatingCounties} counties`, e.name].join('\t'));
    }));

  elections.command('show').argument('<id>').description("an election and every county's participation")
    .option('--all', 'also list counties that do not take part (special/local)')
    .option('--json', 'print JSON')
    .action((id: string, opts: { all?: boolean; json?: boolean }) => withRuntime(async (rt) => {
      const { election, counties } = await svc.getParticipation(rt, id);
      if (opts.json) return console.log(JSON.stringify({ election, counties }));
      printElection(election, false);
      const shown = counties.filter((c) => opts.all || c.participating || election.kind === 'statewide');
      console.log(`  counties taking part: ${counties.filter((c) => c.participating).length} of ${counties.length}`);
      for (const c of shown) {
        console.log(`    ${c.countyCode} ${c.countyName.padEnd(16)} ${c.participating ? 'takes part' : 'out       '}  ` +
          (c.window ? `messages ${c.window.opensAt.toISOString()} – ${c.window.closesAt.toISOString()}  IMB ${c.imbUse}` : '') +
          (c.lateOverrideReason ? `  late opt-in let through: ${c.lateOverrideReason}` : '') +
          (c.decidedBy ? `  (by ${c.decidedBy})` : ''));
      }
    }));

  const countyCmd = (name: string, description: string) => elections.command(name).argument('<election>').description(description)
    .requiredOption('--county <code>', 'county code').option('--by <name>', 'who decides (recorded)').option('--json', 'print JSON');

  countyCmd('opt-out', 'a county opts out of a statewide election')
    .action((electionId: string, opts: { county: string; by?: string; json?: boolean }) => withRuntime(async (rt) => {
      printParticipation(await svc.optOutOfStatewide(rt, { electionId, countyCode: opts.county }, stateActor(by(opts.by))), electionId, opts.json);
    }));
  countyCmd('rejoin', 'a county that opted out of a statewide election takes part again')
    .action((electionId: string, opts: { county: string; by?: string; json?: boolean }) => withRuntime(async (rt) => {
      printParticipation(await svc.rejoinStatewide(rt, { electionId, countyCode: opts.county }, stateActor(by(opts.by))), electionId, opts.json);
    }));
  countyCmd('opt-in', 'a county opts in to a special or local election (at least 90 days before election day)')
    .requiredOption('--imb <use>', 'IMBs on envelopes: none, outbound, inbound or both')
    .option('--tracking-start <YYYY-MM-DD>', 'the day messages start (default E-29)')
    .option('--override-reason <text>', 'state staff: let a late opt-in through, and why (recorded)')
    .action((electionId: string, opts: { county: string; imb: string; trackingStart?: string; overrideReason?: string; by?: string; json?: boolean }) => withRuntime(async (rt) => {
      printParticipation(await svc.optInToLocal(rt, {
        electionId, countyCode: opts.county, imbUse: opts.imb as ImbUse, trackingStart: opts.trackingStart ?? null,
        override: opts.overrideReason ? { reason: opts.overrideReason } : null,
      }, stateActor(by(opts.by))), electionId, opts.json);
    }));
  countyCmd('withdraw', 'a county withdraws from a special or local election')
    .action((electionId: string, opts: { county: string; by?: string; json?: boolean }) => withRuntime(async (rt) => {
      printParticipation(await svc.withdrawFromLocal(rt, { electionId, countyCode: opts.county }, stateActor(by(opts.by))), electionId, opts.json);
    }));
  countyCmd('set-options', "a participating county's tracking start and IMB use")
    .option('--imb <use>', 'none, outbound, inbound or both')
    .option('--tracking-start <YYYY-MM-DD|default>', "the day messages start; 'default' for E-29")
    .action((electionId: string, opts: { county: string; imb?: string; trackingStart?: string; by?: string; json?: boolean }) => withRuntime(async (rt) => {
      printParticipation(await svc.setParticipationOptions(rt, {
        electionId, countyCode: opts.county,
        ...(opts.imb !== undefined ? { imbUse: opts.imb as ImbUse } : {}),
        ...(opts.trackingStart !== undefined ? { trackingStart: opts.trackingStart === 'default' ? null : opts.trackingStart } : {}),
      }, stateActor(by(opts.by))), electionId, opts.json);
    }));

  const counties = program.command('counties').description('county contact details and cure instructions');
  counties.command('show').argument('<code>').description("a county's contact details")
    .option('--json', 'print JSON')
    .action((code: string, opts: { json?: boolean }) => withRuntime(async (rt) => printContacts(await svc.getCountyContacts(rt, code), opts.json ?? false)));
  counties.command('set-contacts').argument('<code>').description("set a county's contact details; '' clears a field")
    .option('--phone <phone>').option('--email <email>').option('--website <url>').option('--address <text>')
    .option('--cure-instructions <text>', 'what a voter does to fix a signature problem, and where')
    .option('--by <name>', 'who changes them (recorded in the log)')
    .option('--json', 'print JSON')
    .action((code: string, opts: { phone?: string; email?: string; website?: string; address?: string; cureInstructions?: string; by?: string; json?: boolean }) => withRuntime(async (rt) => {
      const { by: who, json, ...patch } = opts;
      if (Object.keys(patch).length === 0) throw new AppError(400, 'invalid_option', 'give at least one of --phone, --email, --website, --address, --cure-instructions');
      const c = await svc.setCountyContacts(rt, code, patch, stateActor(by(who)));
      rt.log.info({ county: code, fields: Object.keys(patch), by: by(who) }, 'county contacts changed');
      printContacts(c, json ?? false);
    }));
}

function by(name: string | undefined): string {
  return name?.trim() || `cli:${userInfo().username}`;
}

function whole(v: string, option: string): number {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new AppError(400, 'invalid_option', `${option} must be a whole number`);
  return n;
}

function printElection(e: svc.Election, json: boolean): void {
  printReport(`Election ${e.id} — ${e.name}`, {
    date: e.date, kind: e.kind, 'messages from': `E-${e.trackingDaysBefore} (or the county's start)`, 'messages through': `E+${e.trackingDaysAfter}`,
    'opt-in deadline': e.optInDeadline ?? undefined, 'created by': e.createdBy,
  }, json);
}

function printParticipation(p: svc.CountyParticipation, electionId: string, json = false): void {
  printReport(`County ${p.countyCode} (${p.countyName}) in ${electionId}: ${p.participating ? 'takes part' : 'does not take part'}`, {
    'tracking start': p.trackingStart ?? 'default', 'IMB use': p.imbUse,
    'messages from': p.window?.opensAt.toISOString(), 'messages until': p.window?.closesAt.toISOString(),
    'late opt-in reason': p.lateOverrideReason ?? undefined, 'decided by': p.decidedBy,
  }, json);
}

function printContacts(c: svc.CountyContacts, json: boolean): void {
  printReport(`County ${c.code} (${c.name})`, {
    phone: c.phone, email: c.email, website: c.website, address: c.address, 'cure instructions': c.cureInstructions,
  }, json);
}
