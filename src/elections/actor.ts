import { AppError } from '../errors.ts';
import type { ApiKey } from '../auth/api-keys.ts';

/**
 * Who is acting on elections, participation and held ingests, as the services see it. The
 * CLI acts as the state (whoever runs it has the server); the JSON API acts as its API key;
 * the console (issue 8) will build one from the signed-in staff member. `name` is what gets
 * recorded (decided_by, created_by).
 */
export interface Actor {
  readonly name: string;
  /** 'state' may act for every county and on state-only things (elections, overrides, approvals). */
  readonly scope: 'state' | 'county';
  /** For scope 'county': the counties it may act for. */
  readonly countyCodes: readonly string[];
}

export function stateActor(name: string): Actor {
  return { name, scope: 'state', countyCodes: [] };
}

/** The actor of an API request: recorded as `api:<key id>`, or `<person> (api:<key id>)` when the caller names one. */
export function actorFromApiKey(key: ApiKey, person?: string): Actor {
  const tag = `api:${key.id}`;
  return { name: person ? `${person} (${tag})` : tag, scope: key.scope, countyCodes: key.countyCodes };
}

export function assertState(actor: Actor, what: string): void {
  if (actor.scope !== 'state') throw new AppError(403, 'forbidden', `only the state may ${what}`);
}

export function coversCounty(actor: Actor, countyCode: string): boolean {
  return actor.scope === 'state' || actor.countyCodes.includes(countyCode);
}

export function assertCounty(actor: Actor, countyCode: string): void {
  if (!coversCounty(actor, countyCode)) throw new AppError(403, 'county_forbidden', `you may not act for county ${countyCode}`);
}
