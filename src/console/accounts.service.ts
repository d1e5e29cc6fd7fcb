/**
 * Staff accounts: what the API shows of them, and their management under the role rules of
 * roles.ts (create, change, disable, enable, reset, unlock). Every change writes its audit
 * entry in the same transaction. Sign-in and sessions are in signin.service.ts.
 */
import type pg from 'pg';
import type { Queryable } from '../db/pool.ts';
import { AppError } from '../errors.ts';
import type { Role } from '../persisted.ts';
import type { Runtime } from '../runtime.ts';
import * as repo from './accounts.repository.ts';
import type { StaffRow } from './accounts.repository.ts';
import { CLI_ACTOR, audit, changeSummary, type AuditActor, type RequestContext } from './audit.ts';
import { isLocked } from './lockout.ts';
import { assignmentProblem, canViewUser, countyScope, manageDenial, type Assignment, type ManageDenial, type Staff } from './roles.ts';
import { hashToken, newToken } from './session-cookie.ts';

/** A signed-in staff member, as requireStaff puts it on the request. */
export interface SignedInStaff extends Staff {
  readonly kind: 'staff';
  /** When and from where the current request came. */
  readonly request: RequestContext;
  readonly session: {
    /** SHA-256 of the session token (never the token). */
    readonly tokenHash: string;
    readonly expiresAt: Date;
    readonly maxExpiresAt: Date;
    readonly via: 'cookie' | 'bearer';
  };
}

/** Whoever runs the CLI has the server: they act as the state, recorded as 'cli'. */
export interface CliOperator { readonly kind: 'cli'; readonly request: RequestContext }
export type Operator = SignedInStaff | CliOperator;

export function cliOperator(rt: Runtime): CliOperator {
  return { kind: 'cli', request: { at: rt.wallClock.now(), ip: null, userAgent: null } };
}

/** An account as the API and CLI show it: never a hash, secret or token. */
export interface StaffView {
  id: number;
  email: string;
  name: string;
  role: Role;
  countyCodes: string[];
  /** setup_pending: password and authenticator not set yet (new account or reset). */
  status: 'setup_pending' | 'active' | 'locked' | 'disabled';
  totpEnabled: boolean;
  lockedUntil: string | null;
  disabledAt: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  createdBy: number | null;
}

export function staffView(row: StaffRow, now: Date): StaffView {
  const status = row.disabled_at ? 'disabled'
    : isLocked({ failedAttempts: row.failed_attempts, lockedUntil: row.locked_until }, now) ? 'locked'
      : row.password_hash === null || !row.totp_enabled ? 'setup_pending' : 'active';
  return {
    id: row.id, email: row.email, name: row.name, role: row.role, countyCodes: row.county_codes, status,
    totpEnabled: row.totp_enabled, lockedUntil: row.locked_until?.toISOString() ?? null,
    disabledAt: row.disabled_at?.toISOString() ?? null, lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(), createdBy: row.created_by,
  };
}

export const toStaff = (row: StaffRow): Staff => ({ id: row.id, email: row.email, name: row.name, role: row.role, countyCodes: row.county_codes });
const actorOf = (op: Operator): Staff | AuditActor => (op.kind === 'cli' ? CLI_ACTOR : op);
const at = (op: Operator | { request: RequestContext }): Date => op.request.at;

// --- errors -----------------------------------------------------------------------------

const notFound = (): AppError => new AppError(404, 'not_found', 'No such staff account');

const DENIAL_TEXT: Record<ManageDenial, string> = {
  forbidden: 'your role may not manage staff accounts',
  role_too_high: 'a county admin manages only county staff',
  county_forbidden: 'a county admin manages only staff of its own counties',
};
const denied = (d: ManageDenial): AppError => new AppError(403, d, DENIAL_TEXT[d]);

// --- input -----------------------------------------------------------------------------

export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

function validEmail(email: string): string {
  const e = normalizeEmail(email);
  if (e.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) throw new AppError(400, 'invalid_email', 'enter a valid email address');
  return e;
}

function validName(name: string): string {
  const n = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (n.length < 1 || n.length > 200) throw new AppError(400, 'invalid_name', 'the name must be 1 to 200 characters');
  return n;
}

function validAssignment(role: Role, countyCodes: readonly string[]): Assignment {
  const assignment = { role, countyCodes: [...new Set(countyCodes.map((c) => c.trim()).filter(Boolean))].sort() };
  const problem = assignmentProblem(assignment);
  if (problem) throw new AppError(400, 'invalid_assignment', problem);
  return assignment;
}

async function assertCountiesExist(db: Queryable, codes: readonly string[]): Promise<void> {
  const unknown = await repo.unknownCounties(db, codes);
  if (unknown.length > 0) throw new AppError(400, 'unknown_county', `unknown county ${unknown.join(', ')}`);
}

// --- secrets ---------------------------------------------------------------------------

async function issueSetupToken(rt: Runtime, client: pg.PoolClient, userId: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
  await repo.voidTokens(client, userId, now, 'setup');
  const token = newToken();
  const expiresAt = new Date(now.getTime() + rt.config.staff.setupTokenHours * 3_600_000);
  await repo.insertToken(client, { hash: hashToken(token), purpose: 'setup', userId, at: now, expiresAt });
  return { token, expiresAt };
}

// --- account management ------------------------------------------------------------------

export interface NewStaffInput { email: string; name: string; role: Role; countyCodes?: readonly string[] }
export interface SetupGrant { token: string; expiresAt: Date }

/**
 * Creates an account waiting for set-up and returns a one-time set-up token (shown once, valid
 * `staff.setupTokenHours`) that its owner redeems to choose a password and enrol an authenticator.
 */
export async function createStaffUser(rt: Runtime, op: Operator, input: NewStaffInput): Promise<{ user: StaffView; setup: SetupGrant }> {
  const email = validEmail(input.email);
  const name = validName(input.name);
  const assignment = validAssignment(input.role, input.countyCodes ?? []);
  if (op.kind === 'staff') {
    const denial = manageDenial(op, assignment);
    if (denial) throw denied(denial);
  }
  return rt.db.tx(async (client) => {
    await assertCountiesExist(client, assignment.countyCodes);
    if (await repo.findUserByEmail(client, email)) throw new AppError(409, 'email_taken', 'a staff account with this email already exists');
    const row = await repo.insertUser(client, { email, name, role: assignment.role, countyCodes: assignment.countyCodes, createdBy: op.kind === 'staff' ? op.id : null, at: at(op) })
      .catch((err: unknown) => {
        // Two creations of one email at once: the unique index decides.
        if ((err as { code?: string }).code === '23505') throw new AppError(409, 'email_taken', 'a staff account with this email already exists', { cause: err });
        throw err;
      });
    const setup = await issueSetupToken(rt, client, row.id, at(op));
    await audit(client, {
      actor: actorOf(op), action: 'staff.created', targetUserId: row.id, countyCodes: row.county_codes,
      details: { email, name, role: row.role, countyCodes: row.county_codes }, at: at(op), ip: op.request.ip, userAgent: op.request.userAgent,
    });
    return { user: staffView(row, at(op)), setup };
  });
}

export interface StaffListFilter { role?: Role; countyCode?: string; includeDisabled?: boolean }

/** Accounts the viewer may see: all for a state admin (or the CLI), those sharing a county for a county admin. */
export async function listStaffUsers(rt: Runtime, viewer: Operator, filter: StaffListFilter = {}): Promise<StaffView[]> {
  const scope = viewer.kind === 'cli' ? null : countyScope(viewer);
  if (scope !== null && filter.countyCode !== undefined && !scope.includes(filter.countyCode)) {
    throw new AppError(403, 'county_forbidden', `you may not see staff of county ${filter.countyCode}`);
  }
  const rows = await repo.listUsers(rt.db.pool, { scope, ...filter });
  return rows.map((r) => staffView(r, at(viewer)));
}

export async function getStaffUser(rt: Runtime, viewer: Operator, id: number): Promise<StaffView> {
  const row = await repo.findUserById(rt.db.pool, id);
  if (!row || (viewer.kind === 'staff' && !canViewUser(viewer, toStaff(row)))) throw notFound();
  return staffView(row, at(viewer));
}

/**
 * Locks the target account for a change by `op`: 404 when the operator may not even see it,
 * 403 `own_account` for one's own account, 403 when the role rules forbid managing it.
 */
async function lockManageable(client: pg.PoolClient, op: Operator, id: number): Promise<StaffRow> {
  const row = await repo.findUserById(client, id, true);
  if (!row || (op.kind === 'staff' && !canViewUser(op, toStaff(row)))) throw notFound();
  if (op.kind === 'staff') {
    if (op.id === row.id) throw new AppError(403, 'own_account', 'nobody changes their own role, counties or account state; ask another administrator');
    const denial = manageDenial(op, { role: row.role, countyCodes: row.county_codes });
    if (denial) throw denied(denial);
  }
  return row;
}

async function assertNotLastStateAdmin(client: pg.PoolClient, row: StaffRow): Promise<void> {
  if (row.role === 'state_admin' && row.disabled_at === null && (await repo.countOtherActiveStateAdmins(client, row.id)) === 0) {
    throw new AppError(409, 'last_state_admin', 'this is the only active state admin: create another one first');
  }
}

export interface StaffPatch { name?: string; role?: Role; countyCodes?: readonly string[] }

/**
 * Changes an account's name, role or counties. Staff may rename themselves; nobody changes
 * their own role or counties. The new assignment must be within the operator's reach too.
 */
export async function updateStaffUser(rt: Runtime, op: Operator, id: number, patch: StaffPatch): Promise<StaffView> {
  return rt.db.tx(async (client) => {
    const self = op.kind === 'staff' && op.id === id;
    let row: StaffRow;
    if (self) {
      row = (await repo.findUserById(client, id, true))!;
      const sameRole = patch.role === undefined || patch.role === row.role;
      const sameCounties = patch.countyCodes === undefined || [...new Set(patch.countyCodes)].sort().join(',') === [...row.county_codes].sort().join(',');
      if (!sameRole || !sameCounties) throw new AppError(403, 'own_account', 'nobody changes their own role or counties; ask another administrator');
    } else {
      row = await lockManageable(client, op, id);
    }
    const name = patch.name === undefined ? row.name : validName(patch.name);
    const assignment = validAssignment(patch.role ?? row.role, patch.countyCodes ?? row.county_codes);
    if (op.kind === 'staff' && !self) {
      const denial = manageDenial(op, assignment);
      if (denial) throw denied(denial);
    }
    await assertCountiesExist(client, assignment.countyCodes);
    if (assignment.role !== 'state_admin') await assertNotLastStateAdmin(client, row);
    const updated = await repo.updateAssignment(client, id, { name, role: assignment.role, countyCodes: assignment.countyCodes, at: at(op) });
    const changes = changeSummary(
      { name: row.name, role: row.role, countyCodes: row.county_codes },
      { name: updated.name, role: updated.role, countyCodes: updated.county_codes });
    if (Object.keys(changes).length > 0) {
      await audit(client, {
        actor: actorOf(op), action: 'staff.updated', targetUserId: id, countyCodes: [...new Set([...row.county_codes, ...updated.county_codes])],
        details: { email: row.email, changes }, at: at(op), ip: op.request.ip, userAgent: op.request.userAgent,
      });
    }
    return staffView(updated, at(op));
  });
}

/** Disables an account at once: its sessions end and its unused tokens are void. Accounts are never deleted. */
export async function disableStaffUser(rt: Runtime, op: Operator, id: number): Promise<StaffView> {
  return rt.db.tx(async (client) => {
    const row = await lockManageable(client, op, id);
    if (row.disabled_at === null) {
      await assertNotLastStateAdmin(client, row);
      await repo.setDisabled(client, id, at(op), at(op));
      const ended = await repo.endUserSessions(client, id, at(op), 'disabled');
      await repo.voidTokens(client, id, at(op));
      await audit(client, { actor: actorOf(op), action: 'staff.disabled', targetUserId: id, countyCodes: row.county_codes, details: { email: row.email, sessionsEnded: ended }, at: at(op), ip: op.request.ip, userAgent: op.request.userAgent });
    }
    return staffView((await repo.findUserById(client, id))!, at(op));
  });
}

export async function enableStaffUser(rt: Runtime, op: Operator, id: number): Promise<StaffView> {
  return rt.db.tx(async (client) => {
    const row = await lockManageable(client, op, id);
    if (row.disabled_at !== null) {
      await repo.setDisabled(client, id, null, at(op));
      await audit(client, { actor: actorOf(op), action: 'staff.enabled', targetUserId: id, countyCodes: row.county_codes, details: { email: row.email }, at: at(op), ip: op.request.ip, userAgent: op.request.userAgent });
    }
    return staffView((await repo.findUserById(client, id))!, at(op));
  });
}

/**
 * Lost password or authenticator: clears both, ends the account's sessions and returns a new
 * one-time set-up token for its owner.
 */
export async function resetStaffUser(rt: Runtime, op: Operator, id: number): Promise<{ user: StaffView; setup: SetupGrant }> {
  return rt.db.tx(async (client) => {
    const row = await lockManageable(client, op, id);
    if (row.disabled_at !== null) throw new AppError(409, 'account_disabled', 'enable the account before resetting it');
    await repo.clearCredentials(client, id, at(op));
    const ended = await repo.endUserSessions(client, id, at(op), 'reset');
    const setup = await issueSetupToken(rt, client, id, at(op));
    await audit(client, { actor: actorOf(op), action: 'staff.reset', targetUserId: id, countyCodes: row.county_codes, details: { email: row.email, sessionsEnded: ended }, at: at(op), ip: op.request.ip, userAgent: op.request.userAgent });
    return { user: staffView((await repo.findUserById(client, id))!, at(op)), setup };
  });
}

/** Lifts a lockout before it runs out (the owner proved who they are some other way). */
export async function unlockStaffUser(rt: Runtime, op: Operator, id: number): Promise<StaffView> {
  return rt.db.tx(async (client) => {
    const row = await lockManageable(client, op, id);
    await repo.setLockout(client, id, 0, null);
    await audit(client, { actor: actorOf(op), action: 'staff.unlocked', targetUserId: id, countyCodes: row.county_codes, details: { email: row.email, wasLockedUntil: row.locked_until }, at: at(op), ip: op.request.ip, userAgent: op.request.userAgent });
    return staffView((await repo.findUserById(client, id))!, at(op));
  });
}

/** Finds an account by email for the CLI. */
export async function findStaffIdByEmail(rt: Runtime, email: string): Promise<number> {
  const row = await repo.findUserByEmail(rt.db.pool, normalizeEmail(email));
  if (!row) throw notFound();
  return row.id;
}
