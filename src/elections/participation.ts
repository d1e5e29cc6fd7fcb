/**
 * Election and county-participation rules (DESIGN §2.3). Pure functions: the service reads
 * the clock and the database and passes plain values in.
 *
 * - Statewide: every county takes part unless it opts out.
 * - Special or local: a county opts in at least `minDays` (90) days before election day,
 *   giving the day tracking turns on and its IMB use. Later is refused, unless a state admin
 *   overrides the rule with a recorded reason.
 */
import { AppError } from '../errors.ts';
import { ELECTION_KINDS, IMB_USES, type ElectionKind, type ImbUse } from '../persisted.ts';

export interface ElectionInput {
  /** The state's election code, e.g. 'G2026': 1–32 letters, digits, '-' or '_'. */
  id: string;
  name: string;
  /** YYYY-MM-DD */
  date: string;
  kind: ElectionKind;
  /** Window opens E-daysBefore (default: the profile's, 29). */
  trackingDaysBefore?: number;
  /** Window stays open through E+daysAfter (default: the profile's, 30). */
  trackingDaysAfter?: number;
}

export interface ValidElection {
  id: string;
  name: string;
  date: string;
  kind: ElectionKind;
  trackingDaysBefore: number;
  trackingDaysAfter: number;
}

const ELECTION_ID = /^[A-Za-z0-9_-]{1,32}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !DATE.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Validates a new election; one AppError lists every problem. */
export function validateElection(input: ElectionInput, defaults: { daysBefore: number; daysAfter: number }): ValidElection {
  const problems: string[] = [];
  const id = typeof input.id === 'string' ? input.id.trim() : '';
  if (!ELECTION_ID.test(id)) problems.push('id must be 1–32 letters, digits, "-" or "_" (the state\'s election code, e.g. G2026)');
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '' || name.length > 200) problems.push('name is required (at most 200 characters)');
  if (!isIsoDate(input.date)) problems.push(`date must be a real date written YYYY-MM-DD, got ${JSON.stringify(input.date)}`);
  if (!(ELECTION_KINDS as readonly unknown[]).includes(input.kind)) problems.push(`kind must be one of ${ELECTION_KINDS.join(', ')}`);
  const before = input.trackingDaysBefore ?? defaults.daysBefore;
  const after = input.trackingDaysAfter ?? defaults.daysAfter;
  if (!Number.isInteger(before) || before < 0 || before > 120) problems.push('trackingDaysBefore must be a whole number from 0 to 120');
  if (!Number.isInteger(after) || after < 0 || after > 120) problems.push('trackingDaysAfter must be a whole number from 0 to 120');
  if (problems.length > 0) throw new AppError(400, 'invalid_election', `the election is invalid: ${problems.join('; ')}`, { details: { problems } });
  return { id, name, date: input.date, kind: input.kind, trackingDaysBefore: before, trackingDaysAfter: after };
}

/** The last day a county may opt in to a special or local election without an override. */
export function optInDeadline(electionDate: string, minDays: number): string {
  return addDays(electionDate, -minDays);
}

/**
 * Whether a county may opt in on `today` (the state's calendar day). Throws AppError 409
 * 'opt_in_too_late' — naming the deadline and the way out — unless the opt-in is on time or
 * a state admin overrides the rule with a reason. Returns the override reason to record (or null).
 */
export function checkOptInTiming(input: {
  electionDate: string;
  today: string;
  minDays: number;
  override: { reason: string } | null;
}): string | null {
  const deadline = optInDeadline(input.electionDate, input.minDays);
  if (input.today <= deadline) return null;
  const reason = input.override?.reason.trim() ?? '';
  if (reason !== '') return reason;
  const left = daysBetween(input.today, input.electionDate);
  throw new AppError(409, 'opt_in_too_late',
    `a county must opt in to a special or local election at least ${input.minDays} days before election day: ` +
    `the last day for the election of ${input.electionDate} was ${deadline}, and it is ${left} day(s) away. ` +
    'The state ballot-tracking staff can let a late opt-in through with a recorded reason.',
    { details: { deadline, electionDate: input.electionDate, daysBefore: left, minDays: input.minDays } });
}

/** The day tracking turns on must be a real date on or before election day. */
export function checkTrackingStart(trackingStart: string | null | undefined, electionDate: string): string | null {
  if (trackingStart === null || trackingStart === undefined || trackingStart === '') return null;
  if (!isIsoDate(trackingStart)) throw new AppError(400, 'invalid_tracking_start', `trackingStart must be a real date written YYYY-MM-DD, got ${JSON.stringify(trackingStart)}`);
  if (trackingStart > electionDate) throw new AppError(400, 'invalid_tracking_start', `tracking must turn on by election day (${electionDate}), not ${trackingStart}`);
  return trackingStart;
}

export function checkImbUse(v: unknown): ImbUse {
  if (!(IMB_USES as readonly unknown[]).includes(v)) throw new AppError(400, 'invalid_imb_use', `imbUse must be one of ${IMB_USES.join(', ')}`);
  return v as ImbUse;
}
