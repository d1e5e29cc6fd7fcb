/**
 * Elections, county participation and county contacts: the service the CLI, the JSON API and
 * (later) the console call. Every function takes the acting party (`Actor`) and checks what it
 * may do: the state creates elections and overrides the 90-day rule; a county acts only for
 * itself. Rules live in participation.ts, SQL in elections.repository.ts.
 */
import { AppError } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import type { ImbUse } from '../persisted.ts';
import { todayIn } from '../registry/import.ts';
import { getCounty as getCountyRow, type CountyRow } from '../profiles/counties.repository.ts';
import { assertCounty, assertState, type Actor } from './actor.ts';
import { trackingWindow } from './window.ts';
import { addDays, checkImbUse, checkOptInTiming, checkTrackingStart, optInDeadline, validateElection, type ElectionInput } from './participation.ts';
import * as repo from './elections.repository.ts';

type Deps = Pick<Runtime, 'db' | 'profile' | 'clock'>;

export interface Election {
  id: string;
  name: string;
  date: string;
  kind: 'statewide' | 'special' | 'local';
  trackingDaysBefore: number;
  trackingDaysAfter: number;
  createdBy: string | null;
  createdAt: Date;
  /** Special/local: the last day a county may opt in without a state override. Statewide: null. */
  optInDeadline: string | null;
}

export interface CountyParticipation {
  countyCode: string;
  countyName: string;
  participating: boolean;
  /** The county's chosen first day of messages; null = E-trackingDaysBefore. */
  trackingStart: string | null;
  imbUse: ImbUse;
  lateOverrideReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** When messages may go out for this county (state time zone); null when not participating. */
  window: { opensAt: Date; closesAt: Date } | null;
}

function toElection(r: repo.ElectionRow, minDays: number): Election {
  return {
    id: r.id, name: r.name, date: r.election_date, kind: r.kind,
    trackingDaysBefore: r.tracking_days_before, trackingDaysAfter: r.tracking_days_after,
    createdBy: r.created_by, createdAt: r.created_at,
    optInDeadline: r.kind === 'statewide' ? null : optInDeadline(r.election_date, minDays),
  };
}

function toParticipation(deps: Deps, e: repo.ElectionRow, p: repo.ParticipationRow): CountyParticipation {
  // Statewide: a county without a row (added to the profile later) takes part, as every county does.
  const participating = p.participating ?? (e.kind === 'statewide');
  return {
    countyCode: p.county_code, countyName: p.county_name, participating,
    trackingStart: p.tracking_start, imbUse: p.imb_use ?? 'none', lateOverrideReason: p.late_override_reason,
    decidedBy: p.decided_by, decidedAt: p.decided_at,
    window: participating
      ? trackingWindow(e.election_date, deps.profile.timeZone, {
        daysBefore: e.tracking_days_before, daysAfter: e.tracking_days_after, ...(p.tracking_start ? { startDate: p.tracking_start } : {}),
      })
      : null,
  };
}

async function electionOr404(deps: Deps, id: string): Promise<repo.ElectionRow> {
  const e = await repo.getElection(deps.db.pool, id);
  if (!e) throw new AppError(404, 'election_not_found', `no election ${id}`);
  return e;
}

function knownCounty(deps: Deps, code: string): void {
  if (!deps.profile.counties.some((c) => c.code === code)) throw new AppError(404, 'county_not_found', `no county ${code} in the ${deps.profile.stateName} profile`);
}

/** Creates an election (state only). Statewide: every county takes part from the start. */
export async function createElection(deps: Deps, input: ElectionInput, actor: Actor): Promise<Election> {
  assertState(actor, 'create elections');
  const e = validateElection(input, deps.profile.trackingWindow);
  await deps.db.tx(async (client) => {
    if (!(await repo.insertElection(client, e, actor.name))) throw new AppError(409, 'election_exists', `an election ${e.id} already exists`);
    if (e.kind === 'statewide') await repo.insertAllCountiesParticipating(client, e.id, actor.name);
  });
  return toElection((await repo.getElection(deps.db.pool, e.id))!, deps.profile.localOptInMinDays);
}

export async function getElection(deps: Deps, id: string): Promise<Election> {
  return toElection(await electionOr404(deps, id), deps.profile.localOptInMinDays);
}

/** Elections by date; `upcoming` keeps those whose window has not closed yet (election day ≥ today − daysAfter). */
export async function listElections(deps: Deps, filter: { upcoming?: boolean } = {}): Promise<Array<Election & { participatingCounties: number }>> {
  const onOrAfter = filter.upcoming ? todayIn(deps.profile.timeZone, deps.clock.now()) : null;
  const rows = await repo.listElections(deps.db.pool, { onOrAfter: onOrAfter === null ? null : addDays(onOrAfter, -deps.profile.trackingWindow.daysAfter) });
  return rows.map((r) => ({ ...toElection(r, deps.profile.localOptInMinDays), participatingCounties: r.participating_counties }));
}

/** The election and every county's participation in it. */
export async function getParticipation(deps: Deps, electionId: string): Promise<{ election: Election; counties: CountyParticipation[] }> {
  const e = await electionOr404(deps, electionId);
  const rows = await repo.listParticipation(deps.db.pool, electionId);
  return { election: toElection(e, deps.profile.localOptInMinDays), counties: rows.map((p) => toParticipation(deps, e, p)) };
}

export async function getCountyParticipation(deps: Deps, electionId: string, countyCode: string): Promise<CountyParticipation> {
  const e = await electionOr404(deps, electionId);
  knownCounty(deps, countyCode);
  return toParticipation(deps, e, (await repo.getParticipation(deps.db.pool, electionId, countyCode))!);
}

/** A county opts out of a statewide election (its own county, or the state for it). */
export async function optOutOfStatewide(deps: Deps, input: { electionId: string; countyCode: string }, actor: Actor): Promise<CountyParticipation> {
  const e = await electionOr404(deps, input.electionId);
  knownCounty(deps, input.countyCode);
  assertCounty(actor, input.countyCode);
  if (e.kind !== 'statewide') throw new AppError(409, 'not_statewide', `${e.id} is a ${e.kind} election: counties opt in to it, so there is nothing to opt out of (use withdraw)`);
  const cur = (await repo.getParticipation(deps.db.pool, e.id, input.countyCode))!;
  await repo.upsertParticipation(deps.db.pool, {
    electionId: e.id, countyCode: input.countyCode, participating: false, trackingStart: cur.tracking_start, imbUse: cur.imb_use ?? 'none',
    lateOverrideReason: null, decidedBy: actor.name, decidedAt: deps.clock.now(),
  });
  return getCountyParticipation(deps, e.id, input.countyCode);
}

/** A county that opted out of a statewide election takes part again (no deadline: statewide is the default). */
export async function rejoinStatewide(deps: Deps, input: { electionId: string; countyCode: string }, actor: Actor): Promise<CountyParticipation> {
  const e = await electionOr404(deps, input.electionId);
  knownCounty(deps, input.countyCode);
  assertCounty(actor, input.countyCode);
  if (e.kind !== 'statewide') throw new AppError(409, 'not_statewide', `${e.id} is a ${e.kind} election: use opt-in`);
  const cur = (await repo.getParticipation(deps.db.pool, e.id, input.countyCode))!;
  await repo.upsertParticipation(deps.db.pool, {
    electionId: e.id, countyCode: input.countyCode, participating: true, trackingStart: cur.tracking_start, imbUse: cur.imb_use ?? 'none',
    lateOverrideReason: null, decidedBy: actor.name, decidedAt: deps.clock.now(),
  });
  return getCountyParticipation(deps, e.id, input.countyCode);
}

export interface OptInInput {
  electionId: string;
  countyCode: string;
  /** YYYY-MM-DD, on or before election day; omitted = E-trackingDaysBefore. */
  trackingStart?: string | null;
  imbUse: ImbUse;
  /** A state admin lets an opt-in through after the deadline; the reason is recorded. */
  override?: { reason: string } | null;
}

/**
 * A county opts in to a special or local election, at least 90 days (the profile's
 * localOptInMinDays) before election day in the state's calendar. Later is refused with
 * 'opt_in_too_late' unless a state actor gives an override reason. A county already taking
 * part may change its tracking start or IMB use at any time (setParticipationOptions).
 */
export async function optInToLocal(deps: Deps, input: OptInInput, actor: Actor): Promise<CountyParticipation> {
  const e = await electionOr404(deps, input.electionId);
  knownCounty(deps, input.countyCode);
  assertCounty(actor, input.countyCode);
  if (e.kind === 'statewide') throw new AppError(409, 'statewide_election', `${e.id} is statewide: every county takes part unless it opts out`);
  const imbUse = checkImbUse(input.imbUse);
  const trackingStart = checkTrackingStart(input.trackingStart, e.election_date);
  if (input.override) assertState(actor, 'override the opt-in deadline');
  const cur = await repo.getParticipation(deps.db.pool, e.id, input.countyCode);
  if (cur?.participating) throw new AppError(409, 'already_participating', `county ${input.countyCode} already takes part in ${e.id}; change its options instead`);
  const lateOverrideReason = checkOptInTiming({
    electionDate: e.election_date, today: todayIn(deps.profile.timeZone, deps.clock.now()),
    minDays: deps.profile.localOptInMinDays, override: input.override ?? null,
  });
  await repo.upsertParticipation(deps.db.pool, {
    electionId: e.id, countyCode: input.countyCode, participating: true, trackingStart, imbUse,
    lateOverrideReason, decidedBy: actor.name, decidedAt: deps.clock.now(),
  });
  return getCountyParticipation(deps, e.id, input.countyCode);
}

/** A county withdraws from a special or local election it opted in to. */
export async function withdrawFromLocal(deps: Deps, input: { electionId: string; countyCode: string }, actor: Actor): Promise<CountyParticipation> {
  const e = await electionOr404(deps, input.electionId);
  knownCounty(deps, input.countyCode);
  assertCounty(actor, input.countyCode);
  if (e.kind === 'statewide') throw new AppError(409, 'statewide_election', `${e.id} is statewide: use opt-out`);
  const cur = (await repo.getParticipation(deps.db.pool, e.id, input.countyCode))!;
  if (!cur.participating) throw new AppError(409, 'not_participating', `county ${input.countyCode} does not take part in ${e.id}`);
  await repo.upsertParticipation(deps.db.pool, {
    electionId: e.id, countyCode: input.countyCode, participating: false, trackingStart: cur.tracking_start, imbUse: cur.imb_use ?? 'none',
    lateOverrideReason: cur.late_override_reason, decidedBy: actor.name, decidedAt: deps.clock.now(),
  });
  return getCountyParticipation(deps, e.id, input.countyCode);
}

/** A participating county sets the day tracking turns on (null = the default E-N) and/or its IMB use. */
export async function setParticipationOptions(deps: Deps, input: { electionId: string; countyCode: string; trackingStart?: string | null; imbUse?: ImbUse }, actor: Actor): Promise<CountyParticipation> {
  const e = await electionOr404(deps, input.electionId);
  knownCounty(deps, input.countyCode);
  assertCounty(actor, input.countyCode);
  const cur = (await repo.getParticipation(deps.db.pool, e.id, input.countyCode))!;
  const participating = cur.participating ?? (e.kind === 'statewide');
  if (!participating) throw new AppError(409, 'not_participating', `county ${input.countyCode} does not take part in ${e.id}`);
  const trackingStart = input.trackingStart === undefined ? cur.tracking_start : checkTrackingStart(input.trackingStart, e.election_date);
  const imbUse = input.imbUse === undefined ? cur.imb_use ?? 'none' : checkImbUse(input.imbUse);
  await repo.upsertParticipation(deps.db.pool, {
    electionId: e.id, countyCode: input.countyCode, participating: true, trackingStart, imbUse,
    lateOverrideReason: cur.late_override_reason, decidedBy: actor.name, decidedAt: deps.clock.now(),
  });
  return getCountyParticipation(deps, e.id, input.countyCode);
}

export interface CountyContacts {
  code: string;
  name: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  /** What a voter does to fix a signature problem, and where; shown in "contact county" messages. */
  cureInstructions: string | null;
}

function toContacts(r: CountyRow): CountyContacts {
  return { code: r.code, name: r.name, phone: r.phone, email: r.email, website: r.website, address: r.address, cureInstructions: r.cure_instructions };
}

export async function getCountyContacts(deps: Deps, code: string): Promise<CountyContacts> {
  const r = await getCountyRow(deps.db.pool, code);
  if (!r) throw new AppError(404, 'county_not_found', `no county ${code}`);
  return toContacts(r);
}

const PHONE = /^[0-9()+.\s-]{7,25}(\s*(x|ext\.?)\s*\d{1,6})?$/i;
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[A-Za-z]{2,}$/;

/** Validates a contacts patch: '' clears a field like null; one AppError lists every problem. */
export function validateContacts(patch: Record<string, unknown>): repo.CountyContactsPatch {
  const problems: string[] = [];
  const out: repo.CountyContactsPatch = {};
  const text = (key: keyof repo.CountyContactsPatch, max: number, check?: (v: string) => string | null): void => {
    const v = patch[key];
    if (v === undefined) return;
    if (v !== null && typeof v !== 'string') { problems.push(`${key} must be text`); return; }
    const s = v === null ? '' : v.trim();
    if (s === '') { out[key] = null; return; }
    if (s.length > max) { problems.push(`${key} is longer than ${max} characters`); return; }
    const problem = check?.(s) ?? null;
    if (problem) problems.push(problem);
    else out[key] = s;
  };
  text('phone', 40, (s) => (PHONE.test(s) ? null : `phone "${s}" is not a phone number`));
  text('email', 254, (s) => (EMAIL.test(s) ? null : `email "${s}" is not an email address`));
  text('website', 500, (s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:' ? null : 'website must be an http(s) address';
    } catch {
      return `website "${s}" is not a web address (https://...)`;
    }
  });
  text('address', 500);
  text('cureInstructions', 4000);
  const unknown = Object.keys(patch).filter((k) => !['phone', 'email', 'website', 'address', 'cureInstructions'].includes(k));
  if (unknown.length > 0) problems.push(`unknown field(s): ${unknown.join(', ')}`);
  if (problems.length > 0) throw new AppError(400, 'invalid_contacts', `the county contacts are invalid: ${problems.join('; ')}`, { details: { problems } });
  return out;
}

/** Sets a county's contact details and cure instructions (its own county, or the state). */
export async function setCountyContacts(deps: Deps, countyCode: string, patch: Record<string, unknown>, actor: Actor): Promise<CountyContacts> {
  assertCounty(actor, countyCode);
  const valid = validateContacts(patch);
  if (!(await repo.updateCountyContacts(deps.db.pool, countyCode, valid))) throw new AppError(404, 'county_not_found', `no county ${countyCode}`);
  return getCountyContacts(deps, countyCode);
}
