/**
 * Staff set-up, sign-in (password, then TOTP code), sessions, lockout, and changes to one's
 * own credentials. Failures that must be remembered (a wrong password counts toward lockout)
 * are committed with their audit entries before the error is thrown.
 */
import type pg from 'pg';
import { appSecret } from '../auth/secret.ts';
import { AppError } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import * as repo from './accounts.repository.ts';
import type { StaffRow } from './accounts.repository.ts';
import { normalizeEmail, staffView, toStaff, type SignedInStaff, type StaffView } from './accounts.service.ts';
import { ANONYMOUS_ACTOR, audit, type RequestContext } from './audit.ts';
import { afterFailure, isLocked } from './lockout.ts';
import { PASSWORD_PROBLEM_TEXT, burnPasswordCheck, hashPassword, needsRehash, passwordProblems, verifyPassword } from './password.ts';
import { open, seal, secretBoxKey, type SecretBoxKey } from './secret-box.ts';
import { hashToken, newToken } from './session-cookie.ts';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';

const addMinutes = (d: Date, minutes: number): Date => new Date(d.getTime() + minutes * 60_000);

// --- errors ---------------------------------------------------------------------------

/** One answer for unknown email, wrong password, locked, disabled or unfinished account. */
const loginFailed = (): AppError => new AppError(401, 'login_failed',
  'The email or password is not right, or the account is locked for a while after too many attempts. Try again later, or ask your administrator.');
const codeWrong = (): AppError => new AppError(401, 'code_wrong', 'That code is not right. Enter the current code from your authenticator app.');
const loginStepExpired = (): AppError => new AppError(401, 'login_step_expired', 'The sign-in took too long. Start again with your email and password.');
const setupTokenInvalid = (): AppError => new AppError(400, 'setup_token_invalid', 'This set-up token is unknown, used or expired. Ask your administrator for a new one.');

function assertPasswordPolicy(password: string, email: string): void {
  const problems = passwordProblems(password, { email });
  if (problems.length > 0) {
    throw new AppError(400, 'password_policy', problems.map((p) => PASSWORD_PROBLEM_TEXT[p]).join('; '), { details: { problems } });
  }
}

/** What an audit entry keeps of an email typed at sign-in for an unknown account (a password typed there by mistake is not kept). */
function triedEmail(raw: string): string {
  const e = normalizeEmail(raw).slice(0, 254);
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? e : '[not an email address]';
}

// --- secrets ---------------------------------------------------------------------------

async function totpBox(rt: Runtime): Promise<SecretBoxKey> {
  return secretBoxKey(await appSecret(rt.config), 'staff-totp');
}
const totpContext = (userId: number): string => `staff-totp:${userId}`;

// --- set-up --------------------------------------------------------------------------------

export interface SetupStart { email: string; name: string; totpSecret: string; otpauthUri: string }

/**
 * First step of redeeming a set-up token: the authenticator secret to enrol (the same one
 * again if called twice, so a page reload does not invalidate a scanned QR code). Nothing is
 * consumed until `completeSetup`.
 */
export async function beginSetup(rt: Runtime, token: string, ctx: RequestContext): Promise<SetupStart> {
  const box = await totpBox(rt);
  return rt.db.tx(async (client) => {
    const row = await liveSetupAccount(client, token, ctx.at);
    let secret = row.totp_pending_enc ? open(box, row.totp_pending_enc, totpContext(row.id)) : null;
    if (secret === null) {
      secret = newTotpSecret();
      await repo.setPendingTotp(client, row.id, seal(box, secret, totpContext(row.id)));
    }
    return { email: row.email, name: row.name, totpSecret: secret, otpauthUri: totpUri(secret, row.email, issuer(rt)) };
  });
}

async function liveSetupAccount(client: pg.PoolClient, token: string, now: Date): Promise<StaffRow> {
  const row = await lockTokenAccount(client, hashToken(token), 'setup', now);
  if (!row || row.disabled_at !== null) throw setupTokenInvalid();
  return row;
}

/** The account of a live one-time token, both locked (account first: see findLiveToken); null when the token is not live. */
async function lockTokenAccount(client: pg.PoolClient, tokenHash: string, purpose: repo.TokenPurpose, now: Date): Promise<StaffRow | null> {
  const found = await repo.findLiveToken(client, tokenHash, purpose, now);
  if (!found) return null;
  const row = await repo.findUserById(client, found.user_id, true);
  return row && (await repo.findLiveToken(client, tokenHash, purpose, now, true)) ? row : null;
}

const issuer = (rt: Runtime): string => `${rt.profile.serviceName} console`;

/**
 * Second step: the chosen password (policy checked) and a first code from the authenticator
 * (proving it was enrolled). Consumes the token; the owner then signs in normally.
 */
export async function completeSetup(rt: Runtime, input: { token: string; password: string; code: string }, ctx: RequestContext): Promise<StaffView> {
  const box = await totpBox(rt);
  return rt.db.tx(async (client) => {
    const row = await liveSetupAccount(client, input.token, ctx.at);
    assertPasswordPolicy(input.password, row.email);
    const sealed = row.totp_pending_enc;
    const secret = sealed ? open(box, sealed, totpContext(row.id)) : null;
    if (!sealed || secret === null) throw new AppError(409, 'setup_not_started', 'fetch the authenticator secret first (start the set-up again)');
    const check = checkTotp(secret, input.code, ctx.at, null);
    if (!check.ok) throw codeWrong();
    await repo.setPassword(client, row.id, await hashPassword(input.password), ctx.at);
    await repo.confirmTotp(client, row.id, sealed, check.step, ctx.at);
    await repo.voidTokens(client, row.id, ctx.at, 'setup');
    await audit(client, { actor: toStaff(row), action: 'staff.setup_completed', targetUserId: row.id, countyCodes: row.county_codes, details: {}, at: ctx.at, ip: ctx.ip, userAgent: ctx.userAgent });
    return staffView((await repo.findUserById(client, row.id))!, ctx.at);
  });
}

// --- sign-in -------------------------------------------------------------------------------

type Failure = { ok: false; error: () => AppError };

/**
 * Counts one failed password or code and writes its audit entries (and the lockout's, when
 * this failure locks the account). Returns whether the account is now locked.
 */
async function recordFailure(rt: Runtime, client: pg.PoolClient, row: StaffRow, ctx: RequestContext, step: 'password' | 'code', reason: string): Promise<boolean> {
  const next = afterFailure({ failedAttempts: row.failed_attempts, lockedUntil: row.locked_until }, ctx.at, rt.config.staff);
  await repo.setLockout(client, row.id, next.failedAttempts, next.lockedUntil);
  const base = { actor: toStaff(row), targetUserId: row.id, countyCodes: row.county_codes, at: ctx.at, ip: ctx.ip, userAgent: ctx.userAgent };
  await audit(client, { ...base, action: 'login.failed', details: { step, reason } });
  if (next.lockedNow) await audit(client, { ...base, action: 'login.locked', details: { lockedUntil: next.lockedUntil, minutes: rt.config.staff.lockoutMinutes } });
  return next.lockedNow;
}

/**
 * The password step. Success gives a short-lived one-time login token for the code step;
 * every failure is the same 401 `login_failed`, in about the same time, whether the email is
 * unknown, the password wrong, or the account locked, disabled or not set up.
 */
export async function passwordStep(rt: Runtime, input: { email: string; password: string }, ctx: RequestContext): Promise<{ loginToken: string; expiresAt: Date }> {
  const email = normalizeEmail(input.email);
  const outcome = await rt.db.tx(async (client): Promise<Failure | { ok: true; loginToken: string; expiresAt: Date }> => {
    const row = await repo.findUserByEmail(client, email, true);
    const fail: Failure = { ok: false, error: loginFailed };
    const refusal = !row ? 'unknown_email' : row.disabled_at ? 'disabled' : !row.password_hash || !row.totp_enabled ? 'not_set_up'
      : isLocked({ failedAttempts: row.failed_attempts, lockedUntil: row.locked_until }, ctx.at) ? 'locked' : null;
    if (refusal !== null || !row) {
      await burnPasswordCheck(input.password);
      await audit(client, {
        actor: row ? toStaff(row) : ANONYMOUS_ACTOR, action: 'login.failed', targetUserId: row?.id ?? null, countyCodes: row?.county_codes ?? [],
        details: { step: 'password', reason: refusal, ...(row ? {} : { email: triedEmail(input.email) }) }, at: ctx.at, ip: ctx.ip, userAgent: ctx.userAgent,
      });
      return fail;
    }
    if (!(await verifyPassword(input.password, row.password_hash!))) {
      await recordFailure(rt, client, row, ctx, 'password', 'wrong_password');
      return fail;
    }
    if (needsRehash(row.password_hash!)) await repo.replacePasswordHash(client, row.id, await hashPassword(input.password));
    const loginToken = newToken();
    const expiresAt = addMinutes(ctx.at, rt.config.staff.loginStepMinutes);
    await repo.insertToken(client, { hash: hashToken(loginToken), purpose: 'login', userId: row.id, at: ctx.at, expiresAt });
    return { ok: true, loginToken, expiresAt };
  });
  if (!outcome.ok) throw outcome.error();
  return { loginToken: outcome.loginToken, expiresAt: outcome.expiresAt };
}

export interface NewSession { token: string; staff: StaffView; expiresAt: Date; maxExpiresAt: Date }

/**
 * The code step: the login token from the password step and the current authenticator code.
 * A wrong code counts toward lockout (401 `code_wrong`, the login token stays usable); a code
 * already used is refused as a wrong one. Success opens a session.
 */
export async function codeStep(rt: Runtime, input: { loginToken: string; code: string }, ctx: RequestContext): Promise<NewSession> {
  const box = await totpBox(rt);
  const tokenHash = hashToken(input.loginToken);
  const outcome = await rt.db.tx(async (client): Promise<Failure | { ok: true; session: NewSession }> => {
    const row = await lockTokenAccount(client, tokenHash, 'login', ctx.at);
    if (!row) return { ok: false, error: loginStepExpired };
    if (row.disabled_at || !row.totp_enabled || isLocked({ failedAttempts: row.failed_attempts, lockedUntil: row.locked_until }, ctx.at)) {
      await repo.useToken(client, tokenHash, ctx.at);
      await audit(client, { actor: toStaff(row), action: 'login.failed', targetUserId: row.id, countyCodes: row.county_codes, details: { step: 'code', reason: row.disabled_at ? 'disabled' : 'locked' }, at: ctx.at, ip: ctx.ip, userAgent: ctx.userAgent });
      return { ok: false, error: loginFailed };
    }
    const secret = row.totp_secret_enc ? open(box, row.totp_secret_enc, totpContext(row.id)) : null;
    if (secret === null) {
      // Sealed under another app secret (BALLOTLINE_SECRET changed): only a reset helps.
      rt.log.warn({ staffId: row.id }, 'staff authenticator secret cannot be decrypted (app secret changed?); the account needs a reset');
    }
    const check = secret === null ? { ok: false as const, reason: 'undecryptable' } : checkTotp(secret, input.code, ctx.at, row.totp_last_step);
    const accepted = check.ok && (await repo.acceptTotpStep(client, row.id, check.step));
    if (!accepted) {
      const reason = check.ok ? 'replayed' : check.reason;
      const lockedNow = await recordFailure(rt, client, row, ctx, 'code', reason);
      if (lockedNow) await repo.useToken(client, tokenHash, ctx.at);
      return { ok: false, error: lockedNow ? loginFailed : codeWrong };
    }
    await repo.useToken(client, tokenHash, ctx.at);
    await repo.recordLogin(client, row.id, ctx.at);
    const session = await openSession(rt, client, row, ctx);
    await audit(client, { actor: toStaff(row), action: 'login.succeeded', targetUserId: row.id, countyCodes: row.county_codes, details: { via: 'password+totp' }, at: ctx.at, ip: ctx.ip, userAgent: ctx.userAgent });
    return { ok: true, session };
  });
  if (!outcome.ok) throw outcome.error();
  return outcome.session;
}

async function openSession(rt: Runtime, client: pg.PoolClient, row: StaffRow, ctx: RequestContext): Promise<NewSession> {
  const token = newToken();
  const maxExpiresAt = new Date(ctx.at.getTime() + rt.config.staff.sessionMaxHours * 3_600_000);
  const idle = addMinutes(ctx.at, rt.config.staff.sessionIdleMinutes);
  const expiresAt = idle < maxExpiresAt ? idle : maxExpiresAt;
  await repo.insertSession(client, { hash: hashToken(token), userId: row.id, at: ctx.at, expiresAt, maxExpiresAt, ip: ctx.ip, userAgent: ctx.userAgent });
  return { token, staff: staffView(row, ctx.at), expiresAt, maxExpiresAt };
}

/**
 * The signed-in staff member of a session token, with the session's idle expiry pushed
 * forward; null when the session is unknown, ended, expired (idle or absolute) or its account
 * disabled. Role and counties are read fresh on every request, so a change applies at once.
 */
export async function resolveSession(rt: Runtime, token: string, via: 'cookie' | 'bearer', ctx: RequestContext): Promise<SignedInStaff | null> {
  const tokenHash = hashToken(token);
  const live = await repo.touchLiveSession(rt.db.pool, tokenHash, ctx.at, addMinutes(ctx.at, rt.config.staff.sessionIdleMinutes));
  if (!live) return null;
  return { kind: 'staff', ...toStaff(live.user), request: ctx, session: { tokenHash, expiresAt: live.expires_at, maxExpiresAt: live.max_expires_at, via } };
}

export async function logout(rt: Runtime, staff: SignedInStaff): Promise<void> {
  await rt.db.tx(async (client) => {
    if (await repo.endSession(client, staff.session.tokenHash, staff.request.at, 'logout')) {
      await audit(client, { actor: staff, action: 'logout', targetUserId: staff.id, countyCodes: staff.countyCodes, details: { via: staff.session.via } });
    }
  });
}

export async function currentStaff(rt: Runtime, staff: SignedInStaff): Promise<StaffView> {
  return staffView((await repo.findUserById(rt.db.pool, staff.id))!, staff.request.at);
}

// --- own credentials -------------------------------------------------------------------------

/** Checks the signed-in member's current password; a wrong one counts toward lockout like at sign-in. */
async function confirmPassword(rt: Runtime, staff: SignedInStaff, password: string): Promise<StaffRow | Failure> {
  return rt.db.tx(async (client) => {
    const row = (await repo.findUserById(client, staff.id, true))!;
    if (isLocked({ failedAttempts: row.failed_attempts, lockedUntil: row.locked_until }, staff.request.at)) return { ok: false, error: loginFailed };
    if (row.password_hash && (await verifyPassword(password, row.password_hash))) return row;
    await recordFailure(rt, client, row, staff.request, 'password', 'wrong_current_password');
    return { ok: false, error: () => new AppError(401, 'password_wrong', 'your current password is not right') };
  });
}

const isFailure = (v: StaffRow | Failure): v is Failure => 'ok' in v && v.ok === false;

/** Changes one's own password (current one required); the member's other sessions end. */
export async function changeOwnPassword(rt: Runtime, staff: SignedInStaff, input: { currentPassword: string; newPassword: string }): Promise<void> {
  assertPasswordPolicy(input.newPassword, staff.email);
  const checked = await confirmPassword(rt, staff, input.currentPassword);
  if (isFailure(checked)) throw checked.error();
  const hash = await hashPassword(input.newPassword);
  await rt.db.tx(async (client) => {
    await repo.setPassword(client, staff.id, hash, staff.request.at);
    const ended = await repo.endUserSessions(client, staff.id, staff.request.at, 'password_changed', staff.session.tokenHash);
    await audit(client, { actor: staff, action: 'staff.password_changed', targetUserId: staff.id, countyCodes: staff.countyCodes, details: { otherSessionsEnded: ended } });
  });
}

/** Starts moving one's authenticator to a new device: the new secret, active once confirmed with a code. */
export async function beginOwnTotpChange(rt: Runtime, staff: SignedInStaff, input: { currentPassword: string }): Promise<{ totpSecret: string; otpauthUri: string }> {
  const checked = await confirmPassword(rt, staff, input.currentPassword);
  if (isFailure(checked)) throw checked.error();
  const box = await totpBox(rt);
  const secret = newTotpSecret();
  await repo.setPendingTotp(rt.db.pool, staff.id, seal(box, secret, totpContext(staff.id)));
  return { totpSecret: secret, otpauthUri: totpUri(secret, staff.email, issuer(rt)) };
}

export async function confirmOwnTotpChange(rt: Runtime, staff: SignedInStaff, input: { code: string }): Promise<void> {
  const box = await totpBox(rt);
  await rt.db.tx(async (client) => {
    const row = (await repo.findUserById(client, staff.id, true))!;
    const sealed = row.totp_pending_enc;
    const secret = sealed ? open(box, sealed, totpContext(row.id)) : null;
    if (!sealed || secret === null) throw new AppError(409, 'totp_change_not_started', 'start the authenticator change first');
    const check = checkTotp(secret, input.code, staff.request.at, null);
    if (!check.ok) throw codeWrong();
    await repo.confirmTotp(client, row.id, sealed, check.step, staff.request.at);
    await audit(client, { actor: staff, action: 'staff.totp_changed', targetUserId: staff.id, countyCodes: staff.countyCodes, details: {} });
  });
}
