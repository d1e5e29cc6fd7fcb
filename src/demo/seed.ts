/**
 * Seeds the demo once (docs/demo.md#seed), through the real entry points: the voter file
 * through the registry import (COPY), the subscribers through the subscriptions carry-over
 * import (COPY), the county contacts and the statewide election through the elections
 * service, the console accounts through account creation and set-up (password + TOTP).
 * Every step is idempotent and skipped when already done, so a second run — or a run after a
 * crash half-way — finishes what is missing and never duplicates anything.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { DateTime } from 'luxon';
import type { Runtime } from '../runtime.ts';
import { AppError } from '../errors.ts';
import { importVoters } from '../registry/import.ts';
import { VOTER_CSV_HEADER, voterRowToCsvLine } from '../registry/generate.ts';
import { importSubscriptions } from '../subscriptions/subscriptions-import.ts';
import { createElection, setCountyContacts, setParticipationOptions } from '../elections/elections.service.ts';
import { stateActor } from '../elections/actor.ts';
import { cliOperator, createStaffUser } from '../console/accounts.service.ts';
import { beginSetup, completeSetup } from '../console/signin.service.ts';
import { totpCode } from '../console/totp.ts';
import { demoPopulation, subscriptionLines, type Population } from './population.ts';
import { placeSeason } from './demo-clock.ts';
import { readDemoState, writeDemoState, type DemoStaff, type DemoState } from './demo-state.ts';
import * as repo from './demo.repository.ts';

export interface SeedOptions {
  /** Voters in the registry. Default 20,000. */
  voters?: number;
  seed?: number;
  /** County codes of the profile. Default: three small counties. */
  counties?: readonly string[];
  /** Real seconds per simulated day (the clock's pace). Default the config's. */
  daySeconds?: number;
  /** Real now (ms), where the season is placed. Default Date.now(). */
  realNow?: number;
}

export const DEMO_SOURCE = 'demo-voters.csv';
export const DEMO_ELECTION_ID = 'DEMO-GENERAL';
/** E-35 to E+31: issue at E-29, certification at E+30. */
export const SEASON_DAYS = 66;
const DAYS_BEFORE = 35;
const DEFAULT_COUNTIES: Readonly<Record<'ca' | 'co', readonly string[]>> = { ca: ['04', '09', '12'], co: ['01', '21', '35'] };

/** The demo's first state: the season placed on the calendar, accounts not yet created. */
export function newDemoState(rt: Pick<Runtime, 'profile' | 'config'>, o: SeedOptions): DemoState {
  const daySeconds = o.daySeconds ?? rt.config.demoDaySeconds;
  const season = placeSeason(o.realNow ?? Date.now(), daySeconds, SEASON_DAYS);
  const electionDate = DateTime.fromMillis(season.start, { zone: rt.profile.timeZone }).plus({ days: DAYS_BEFORE }).toISODate()!;
  const counties = [...(o.counties ?? DEFAULT_COUNTIES[rt.profile.id])];
  const names = new Map(rt.profile.counties.map((c) => [c.code, c.name]));
  const county = counties[0]!;
  const staff: DemoStaff[] = [
    { email: 'state.admin@demo.example.gov', name: 'Demo State Admin', role: 'state_admin', countyCodes: [], password: newPassword(), totpSecret: '' },
    { email: 'county.admin@demo.example.gov', name: `Demo ${names.get(county) ?? county} County Admin`, role: 'county_admin', countyCodes: [county], password: newPassword(), totpSecret: '' },
  ];
  return {
    version: 1, seed: o.seed ?? 2026, voterCount: o.voters ?? 20_000, counties, electionId: DEMO_ELECTION_ID, electionDate,
    clock: { start: season.start, end: season.end, daySeconds, startedAt: null }, staff, seededAt: null, lastDay: null,
  };
}

const newPassword = (): string => `demo-${randomBytes(12).toString('base64url')}`;

export function populationOf(rt: Pick<Runtime, 'profile'>, state: DemoState): Population {
  return demoPopulation({ profile: rt.profile.id, seed: state.seed, count: state.voterCount, counties: state.counties, electionId: state.electionId, electionDate: state.electionDate });
}

/**
 * Seeds the demo database of `rt` (its clock must stand at the season's start) and returns
 * the demo's state, read from or written to the data folder.
 */
export async function seedDemo(rt: Runtime, options: SeedOptions = {}): Promise<DemoState> {
  const dataDir = rt.config.dataDir;
  let state = (await readDemoState(dataDir)) ?? newDemoState(rt, options);
  if (!(await repo.isDemoDatabase(rt.db.pool, DEMO_SOURCE))) {
    throw new AppError(409, 'not_a_demo_database', 'this database already holds voters that the demo did not load; the demo only seeds an empty database or its own');
  }
  await writeDemoState(dataDir, state);
  if (state.seededAt !== null) return state;
  const population = populationOf(rt, state);
  const deps = { db: rt.db, profile: rt.profile, clock: rt.clock, dataDir };
  const actor = stateActor('demo');

  // Voters: the registry import (stream → COPY → merge); a second load changes nothing.
  const voterFile = VOTER_CSV_HEADER.join(',') + '\n' + population.voters.map(voterRowToCsvLine).join('');
  await importVoters(deps, { source: DEMO_SOURCE, input: Readable.from([Buffer.from(voterFile)]) });

  // Subscribers of earlier elections, carried over (COPY); voters already subscribed are left alone.
  if (!(await repo.hasRun(rt.db.pool, 'subscriptions', 'demo-subscriptions.csv'))) {
    const file = subscriptionLines(population.subscribers).join('\n') + '\n';
    await importSubscriptions(deps, { source: 'demo-subscriptions.csv', input: Readable.from([Buffer.from(file)]) });
  }

  for (const code of state.counties) {
    await setCountyContacts(rt, code, {
      phone: '(555) 010-0123', email: `elections-${code}@demo.example.gov`, website: `https://elections-${code}.demo.example.gov`,
      address: '100 Main Street, Room 1', cureInstructions: 'Sign and return the signature statement form sent to you, by mail or in person, before the deadline.',
    }, actor);
  }
  if (!(await repo.electionExists(rt.db.pool, state.electionId))) {
    await createElection(rt, { id: state.electionId, name: 'Demo Statewide General Election', date: state.electionDate, kind: 'statewide' }, actor);
  }
  for (const code of state.counties) await setParticipationOptions(rt, { electionId: state.electionId, countyCode: code, imbUse: 'both' }, actor);

  const staff: DemoStaff[] = [];
  for (const s of state.staff) staff.push(await ensureStaff(rt, s));
  state = { ...state, staff, seededAt: rt.clock.now().toISOString() };
  await writeDemoState(dataDir, state);
  return state;
}

/** Creates and sets up a console account (password + authenticator) unless it exists. */
async function ensureStaff(rt: Runtime, s: DemoStaff): Promise<DemoStaff> {
  if (await repo.staffExists(rt.db.pool, s.email)) return s;
  const op = cliOperator(rt);
  const { setup } = await createStaffUser(rt, op, { email: s.email, name: s.name, role: s.role, countyCodes: s.countyCodes });
  const { totpSecret } = await beginSetup(rt, setup.token, op.request);
  await completeSetup(rt, { token: setup.token, password: s.password, code: totpCode(totpSecret, op.request.at) }, op.request);
  return { ...s, totpSecret };
}

