/**
 * Small view helpers shared by console pages: dates in the state's time zone, counties in the
 * member's scope, route ids.
 */
import { AppError } from '../../errors.ts';
import type { County } from '../../profiles/profile.ts';
import { countyScope } from '../roles.ts';
import type { ConsoleBaseContext, ConsolePageContext } from './frame.ts';

/** A date and time in the state's time zone, e.g. "Oct 1, 2026, 9:00 AM PDT". */
export function when(ctx: ConsoleBaseContext, d: Date): string {
  return new Intl.DateTimeFormat('en-US', {
    year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: ctx.rt.profile.timeZone, timeZoneName: 'short',
  }).format(d);
}

/** A calendar date (YYYY-MM-DD or a Date at midnight UTC) as "Nov 3, 2026". */
export function day(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** The counties the member may act for, in the profile's order. */
export function countiesInScope(ctx: ConsolePageContext): readonly County[] {
  const scope = countyScope(ctx.staff);
  return ctx.rt.profile.counties.filter((c) => scope === null || scope.includes(c.code));
}

/** "Los Angeles (19)"; the bare code when unknown. */
export function countyLabel(ctx: ConsoleBaseContext, code: string): string {
  const c = ctx.rt.profile.counties.find((x) => x.code === code);
  return c ? `${c.name} (${c.code})` : code;
}

/** A numeric id from a route parameter; anything else is a 404 (no such page). */
export function idParam(value: string | undefined): number {
  if (!value || !/^[1-9][0-9]{0,9}$/.test(value) || Number(value) > 2_147_483_647) throw new AppError(404, 'not_found', 'No such page');
  return Number(value);
}

/** Today (YYYY-MM-DD) in the state's time zone, from the runtime's clock. */
export function todayInState(ctx: ConsoleBaseContext): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ctx.rt.profile.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ctx.rt.clock.now());
}
