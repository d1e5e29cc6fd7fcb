/**
 * Who may do what in the console: the role matrix, county scope, and the rules of managing
 * other staff. Pure; the preHandler in staff-auth.ts and the services apply them.
 *
 * | permission            | state_admin  | county_admin               | county_staff |
 * |-----------------------|--------------|----------------------------|--------------|
 * | voters.view           | all counties | own counties               | own counties |
 * | voters.assist         | all counties | own counties               | own counties |
 * | ballots.view          | all counties | own counties               | own counties |
 * | messages.view         | all counties | own counties               | own counties |
 * | feeds.view            | all counties | own counties               | own counties |
 * | reports.view          | all counties | own counties               | own counties |
 * | feeds.manage          | all counties | own counties               | –            |
 * | elections.participate | all counties | own counties               | –            |
 * | templates.override    | all counties | own counties               | –            |
 * | counties.contacts     | all counties | own counties               | –            |
 * | staff.view            | all staff    | staff of own counties      | –            |
 * | staff.manage          | every role   | county_staff of own counties | –          |
 * | audit.view            | all entries  | entries of own counties    | –            |
 * | elections.manage      | yes          | –                          | –            |
 * | templates.manage      | yes          | –                          | –            |
 * | ingest.approve        | yes          | –                          | –            |
 * | keys.manage           | yes          | –                          | –            |
 *
 * Every permission is further bounded by `countyScope`: a county role acts only on rows of its
 * own counties. Nobody changes their own role, counties or account state.
 */
import { AppError } from '../errors.ts';
import type { Role } from '../persisted.ts';
import type { Actor } from '../elections/actor.ts';

export const PERMISSIONS = [
  'voters.view', 'voters.assist', 'ballots.view', 'messages.view', 'feeds.view', 'reports.view',
  'feeds.manage', 'elections.participate', 'templates.override', 'counties.contacts',
  'staff.view', 'staff.manage', 'audit.view',
  'elections.manage', 'templates.manage', 'ingest.approve', 'keys.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const COUNTY_STAFF: readonly Permission[] = ['voters.view', 'voters.assist', 'ballots.view', 'messages.view', 'feeds.view', 'reports.view'];
const COUNTY_ADMIN: readonly Permission[] = [
  ...COUNTY_STAFF, 'feeds.manage', 'elections.participate', 'templates.override', 'counties.contacts', 'staff.view', 'staff.manage', 'audit.view',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  state_admin: PERMISSIONS,
  county_admin: COUNTY_ADMIN,
  county_staff: COUNTY_STAFF,
};

/** A staff member as authorisation sees them. */
export interface Staff {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** The counties of a county role; empty for a state admin. */
  readonly countyCodes: readonly string[];
}

export function hasPermission(staff: Pick<Staff, 'role'>, permission: Permission): boolean {
  return ROLE_PERMISSIONS[staff.role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

/**
 * The counties a staff member may see and act on: null means every county (state admin),
 * otherwise the list. Every county-scoped query takes this and filters with
 * `($scope::text[] IS NULL OR county_code = ANY($scope))`.
 */
export function countyScope(staff: Pick<Staff, 'role' | 'countyCodes'>): readonly string[] | null {
  return staff.role === 'state_admin' ? null : staff.countyCodes;
}

export function coversCounty(staff: Pick<Staff, 'role' | 'countyCodes'>, countyCode: string): boolean {
  const scope = countyScope(staff);
  return scope === null || scope.includes(countyCode);
}

/** Throws 403 `county_forbidden` unless the staff member may act for `countyCode`. */
export function assertCountyAccess(staff: Pick<Staff, 'role' | 'countyCodes'>, countyCode: string): void {
  if (!coversCounty(staff, countyCode)) throw new AppError(403, 'county_forbidden', `you may not act for county ${countyCode}`);
}

/** Throws 403 `forbidden` unless the staff member's role has the permission. */
export function assertPermission(staff: Pick<Staff, 'role'>, permission: Permission): void {
  if (!hasPermission(staff, permission)) throw new AppError(403, 'forbidden', `your role may not do this (${permission})`);
}

/** The role and counties of an account, as they are or as someone wants them to be. */
export interface Assignment { readonly role: Role; readonly countyCodes: readonly string[] }

export type ManageDenial = 'forbidden' | 'role_too_high' | 'county_forbidden';

/**
 * Whether `actor` may manage an account holding `assignment` (apply it to the account as it is
 * and as it would become, so that nobody moves an account into or out of their reach).
 * A state admin manages every account; a county admin only county staff all of whose
 * counties are its own; county staff manage nobody. Self-management is refused elsewhere.
 */
export function manageDenial(actor: Pick<Staff, 'role' | 'countyCodes'>, assignment: Assignment): ManageDenial | null {
  if (!hasPermission(actor, 'staff.manage')) return 'forbidden';
  if (actor.role === 'state_admin') return null;
  if (assignment.role !== 'county_staff') return 'role_too_high';
  if (assignment.countyCodes.length === 0 || !assignment.countyCodes.every((c) => actor.countyCodes.includes(c))) return 'county_forbidden';
  return null;
}

/** The assignment's own consistency: a state admin has no counties, a county role at least one. */
export function assignmentProblem(assignment: Assignment): string | null {
  if (assignment.role === 'state_admin' && assignment.countyCodes.length > 0) return 'a state admin covers every county: give no counties';
  if (assignment.role !== 'state_admin' && assignment.countyCodes.length === 0) return `a ${assignment.role} needs at least one county`;
  return null;
}

/** May `viewer` see the account (list, detail)? State admins: all; county admins: accounts sharing a county. */
export function canViewUser(viewer: Pick<Staff, 'id' | 'role' | 'countyCodes'>, target: Pick<Staff, 'id' | 'countyCodes'>): boolean {
  if (viewer.id === target.id) return true;
  if (!hasPermission(viewer, 'staff.view')) return false;
  const scope = countyScope(viewer);
  return scope === null || target.countyCodes.some((c) => scope.includes(c));
}

/**
 * The elections services' Actor for a staff member (recorded by email). Check the permission
 * first (e.g. requireStaff with anyOf ['elections.participate']): the Actor carries only scope.
 */
export function electionsActor(staff: Pick<Staff, 'email' | 'role' | 'countyCodes'>): Actor {
  return { name: staff.email, scope: staff.role === 'state_admin' ? 'state' : 'county', countyCodes: [...staff.countyCodes] };
}
