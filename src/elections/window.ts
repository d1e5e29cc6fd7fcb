/**
 * The election tracking window (DESIGN §2.3): messages for an election are sent
 * from 00:00 on E-29 (or the county's chosen start date) through the end of
 * E+30, in the state's time zone. Outside it, events are kept but not messaged.
 *
 * Days are calendar days in the given zone, so the window is DST-correct: a
 * window that spans a DST change is 23 or 25 hours shorter or longer than a
 * multiple of 24 h, and both edges are local midnights.
 */
import { DateTime, IANAZone } from 'luxon';

export interface TrackingWindow {
  /** First instant at which messages may be sent (inclusive). */
  opensAt: Date;
  /** First instant at which messages may no longer be sent (exclusive): 00:00 local of the day after the last day. */
  closesAt: Date;
}

export interface TrackingWindowOptions {
  /** The county's chosen first day (`YYYY-MM-DD`), replacing E-`daysBefore`. */
  startDate?: string;
  /** Days before election day the window opens. Default 29 (E-29). */
  daysBefore?: number;
  /** Days after election day that are still inside the window. Default 30 (E+30 inclusive). */
  daysAfter?: number;
}

export const DEFAULT_DAYS_BEFORE = 29;
export const DEFAULT_DAYS_AFTER = 30;

/**
 * The tracking window of an election day in a time zone.
 * Throws RangeError for a malformed date, an unknown zone, a negative or
 * fractional day count, or a start date after the window's last day.
 */
export function trackingWindow(electionDate: string, timeZone: string, opts: TrackingWindowOptions = {}): TrackingWindow {
  const daysBefore = opts.daysBefore ?? DEFAULT_DAYS_BEFORE;
  const daysAfter = opts.daysAfter ?? DEFAULT_DAYS_AFTER;
  for (const [name, n] of [['daysBefore', daysBefore], ['daysAfter', daysAfter]] as const) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${n}`);
  }
  const firstDay = opts.startDate ?? addDays(electionDate, -daysBefore);
  const dayAfterLast = addDays(electionDate, daysAfter + 1);
  const opensAt = startOfLocalDay(firstDay, timeZone);
  const closesAt = startOfLocalDay(dayAfterLast, timeZone);
  if (opensAt.getTime() >= closesAt.getTime()) {
    throw new RangeError(`tracking start ${firstDay} is after the window's last day ${addDays(dayAfterLast, -1)}`);
  }
  return { opensAt, closesAt };
}

/** Whether `at` is inside the window: opensAt ≤ at < closesAt. */
export function isInWindow(w: TrackingWindow, at: Date): boolean {
  const t = at.getTime();
  return t >= w.opensAt.getTime() && t < w.closesAt.getTime();
}

/**
 * The first instant of a calendar day (`YYYY-MM-DD`) in a time zone. Where
 * midnight does not exist (zones that change DST at 00:00, e.g. America/Havana),
 * it is the first instant of the day that does.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const zone = ianaZone(timeZone);
  const d = DateTime.fromISO(parseDate(date), { zone });
  return d.startOf('day').toJSDate();
}

/** A valid IANA zone, or RangeError. */
export function ianaZone(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`unknown time zone: ${JSON.stringify(timeZone)}`);
  return zone;
}

function parseDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date, { zone: 'utc' }).isValid) {
    throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return date;
}

function addDays(date: string, days: number): string {
  return DateTime.fromISO(parseDate(date), { zone: 'utc' }).plus({ days }).toISODate() as string;
}
