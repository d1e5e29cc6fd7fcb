/**
 * SQL of staff accounts, sessions and one-time tokens (050_console_staff_audit.sql). Plain
 * functions taking a pool or a transaction client first; tokens arrive already hashed; times
 * come from the caller's clock.
 */
import type { Queryable } from '../db/pool.ts';
import type { Role } from '../persisted.ts';

export interface StaffRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  county_codes: string[];
  password_hash: string | null;
  totp_secret_enc: string | null;
  totp_enabled: boolean;
  totp_pending_enc: string | null;
  totp_last_step: number | null;
  failed_attempts: number;
  locked_until: Date | null;
  disabled_at: Date | null;
  last_login_at: Date | null;
  password_changed_at: Date | null;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, email, name, role, county_codes, password_hash, totp_secret_enc, totp_enabled, totp_pending_enc,
  totp_last_step, failed_attempts, locked_until, disabled_at, last_login_at, password_changed_at, created_by, created_at, updated_at`;

export async function insertUser(db: Queryable, u: { email: string; name: string; role: Role; countyCodes: readonly string[]; createdBy: number | null; at: Date }): Promise<StaffRow> {
  const { rows } = await db.query<StaffRow>(
    `INSERT INTO staff_users (email, name, role, county_codes, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`,
    [u.email, u.name, u.role, [...u.countyCodes], u.createdBy, u.at]);
  return rows[0]!;
}

/** The account, locked for update when `forUpdate` (sign-in and changes serialise per account). */
export async function findUserByEmail(db: Queryable, email: string, forUpdate = false): Promise<StaffRow | null> {
  const { rows } = await db.query<StaffRow>(`SELECT ${COLUMNS} FROM staff_users WHERE email = $1${forUpdate ? ' FOR UPDATE' : ''}`, [email]);
  return rows[0] ?? null;
}

export async function findUserById(db: Queryable, id: number, forUpdate = false): Promise<StaffRow | null> {
  const { rows } = await db.query<StaffRow>(`SELECT ${COLUMNS} FROM staff_users WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/** Accounts sharing a county with `scope` (null: all), optionally of one role or county; enabled ones unless asked. */
export async function listUsers(db: Queryable, f: { scope: readonly string[] | null; role?: Role; countyCode?: string; includeDisabled?: boolean }): Promise<StaffRow[]> {
  const { rows } = await db.query<StaffRow>(
    `SELECT ${COLUMNS} FROM staff_users
      WHERE ($1::text[] IS NULL OR county_codes && $1::text[])
        AND ($2::text IS NULL OR role = $2)
        AND ($3::text IS NULL OR county_codes @> ARRAY[$3::text])
        AND ($4 OR disabled_at IS NULL)
      ORDER BY email`,
    [f.scope === null ? null : [...f.scope], f.role ?? null, f.countyCode ?? null, f.includeDisabled ?? false]);
  return rows;
}

export async function updateAssignment(db: Queryable, id: number, p: { name: string; role: Role; countyCodes: readonly string[]; at: Date }): Promise<StaffRow> {
  const { rows } = await db.query<StaffRow>(
    `UPDATE staff_users SET name = $2, role = $3, county_codes = $4, updated_at = $5 WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, p.name, p.role, [...p.countyCodes], p.at]);
  return rows[0]!;
}

export async function setDisabled(db: Queryable, id: number, disabledAt: Date | null, at: Date): Promise<void> {
  await db.query('UPDATE staff_users SET disabled_at = $2, updated_at = $3 WHERE id = $1', [id, disabledAt, at]);
}

export async function setLockout(db: Queryable, id: number, failedAttempts: number, lockedUntil: Date | null): Promise<void> {
  await db.query('UPDATE staff_users SET failed_attempts = $2, locked_until = $3 WHERE id = $1', [id, failedAttempts, lockedUntil]);
}

/**
 * Stores the step of an accepted code, only if later than the stored one: false means another
 * request used this code (or a later one) first, i.e. a replay.
 */
export async function acceptTotpStep(db: Queryable, id: number, step: number): Promise<boolean> {
  const r = await db.query('UPDATE staff_users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)', [id, step]);
  return (r.rowCount ?? 0) > 0;
}

export async function recordLogin(db: Queryable, id: number, at: Date): Promise<void> {
  await db.query('UPDATE staff_users SET failed_attempts = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1', [id, at]);
}

/** The same password under today's scrypt parameters (see password.ts needsRehash). */
export async function replacePasswordHash(db: Queryable, id: number, hash: string): Promise<void> {
  await db.query('UPDATE staff_users SET password_hash = $2 WHERE id = $1', [id, hash]);
}

export async function setPassword(db: Queryable, id: number, hash: string, at: Date): Promise<void> {
  await db.query('UPDATE staff_users SET password_hash = $2, password_changed_at = $3, updated_at = $3 WHERE id = $1', [id, hash, at]);
}

export async function setPendingTotp(db: Queryable, id: number, sealed: string | null): Promise<void> {
  await db.query('UPDATE staff_users SET totp_pending_enc = $2 WHERE id = $1', [id, sealed]);
}

/** Makes the pending secret the account's, sealed anew under the active context, with its first accepted step. */
export async function confirmTotp(db: Queryable, id: number, sealed: string, step: number, at: Date): Promise<void> {
  await db.query(
    `UPDATE staff_users SET totp_secret_enc = $2, totp_enabled = true, totp_pending_enc = NULL, totp_last_step = $3,
            failed_attempts = 0, locked_until = NULL, updated_at = $4 WHERE id = $1`,
    [id, sealed, step, at]);
}

/** Clears password and authenticator (a reset): the account waits for a new set-up. */
export async function clearCredentials(db: Queryable, id: number, at: Date): Promise<void> {
  await db.query(
    `UPDATE staff_users SET password_hash = NULL, totp_secret_enc = NULL, totp_enabled = false, totp_pending_enc = NULL,
            totp_last_step = NULL, failed_attempts = 0, locked_until = NULL, updated_at = $2 WHERE id = $1`,
    [id, at]);
}

export async function countOtherActiveStateAdmins(db: Queryable, exceptId: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM staff_users WHERE role = 'state_admin' AND disabled_at IS NULL AND id <> $1", [exceptId]);
  return rows[0]!.n;
}

export async function unknownCounties(db: Queryable, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const { rows } = await db.query<{ code: string }>('SELECT code FROM counties WHERE code = ANY($1)', [[...codes]]);
  const known = new Set(rows.map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}

// --- one-time tokens ------------------------------------------------------------------

export type TokenPurpose = 'setup' | 'login';

export async function insertToken(db: Queryable, t: { hash: string; purpose: TokenPurpose; userId: number; at: Date; expiresAt: Date }): Promise<void> {
  await db.query('INSERT INTO staff_tokens (token_sha256, purpose, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [t.hash, t.purpose, t.userId, t.at, t.expiresAt]);
}

/**
 * The account of an unused, unexpired token of that purpose, or null. Lock order is account
 * first, then token (as the account changes that void tokens do): look the token up without
 * a lock, lock the account, then look again with `forUpdate`.
 */
export async function findLiveToken(db: Queryable, hash: string, purpose: TokenPurpose, now: Date, forUpdate = false): Promise<{ user_id: number } | null> {
  const { rows } = await db.query<{ user_id: number }>(
    `SELECT user_id FROM staff_tokens WHERE token_sha256 = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3${forUpdate ? ' FOR UPDATE' : ''}`,
    [hash, purpose, now]);
  return rows[0] ?? null;
}

export async function useToken(db: Queryable, hash: string, at: Date): Promise<void> {
  await db.query('UPDATE staff_tokens SET used_at = $2 WHERE token_sha256 = $1 AND used_at IS NULL', [hash, at]);
}

/** Voids every unused token of the account (of one purpose, or all). */
export async function voidTokens(db: Queryable, userId: number, at: Date, purpose?: TokenPurpose): Promise<void> {
  await db.query('UPDATE staff_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL AND ($3::text IS NULL OR purpose = $3)', [userId, at, purpose ?? null]);
}

// --- sessions -------------------------------------------------------------------------

export async function insertSession(db: Queryable, s: { hash: string; userId: number; at: Date; expiresAt: Date; maxExpiresAt: Date; ip: string | null; userAgent: string | null }): Promise<void> {
  await db.query(
    `INSERT INTO staff_sessions (token_sha256, user_id, created_at, last_seen_at, expires_at, max_expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $3, $4, $5, $6, $7)`,
    [s.hash, s.userId, s.at, s.expiresAt, s.maxExpiresAt, s.ip, s.userAgent]);
}

export interface LiveSession { user: StaffRow; expires_at: Date; max_expires_at: Date }

/**
 * The session of a token hash if live (not ended, idle and absolute limits not reached, its
 * account enabled), touched: last seen now, idle expiry pushed to `idleUntil` but never past
 * the absolute one. Null otherwise. One statement, so concurrent requests cannot revive a
 * session that has just expired.
 */
export async function touchLiveSession(db: Queryable, hash: string, now: Date, idleUntil: Date): Promise<LiveSession | null> {
  const { rows } = await db.query<{ user_id: number; expires_at: Date; max_expires_at: Date }>(
    `UPDATE staff_sessions s SET last_seen_at = $2, expires_at = least($3::timestamptz, s.max_expires_at)
       FROM staff_users u
      WHERE s.token_sha256 = $1 AND u.id = s.user_id AND s.ended_at IS NULL
        AND s.expires_at > $2 AND s.max_expires_at > $2 AND u.disabled_at IS NULL
     RETURNING s.user_id, s.expires_at, s.max_expires_at`,
    [hash, now, idleUntil]);
  const row = rows[0];
  if (!row) return null;
  const user = await findUserById(db, row.user_id);
  return user ? { user, expires_at: row.expires_at, max_expires_at: row.max_expires_at } : null;
}

export async function endSession(db: Queryable, hash: string, at: Date, reason: string): Promise<boolean> {
  const r = await db.query('UPDATE staff_sessions SET ended_at = $2, ended_reason = $3 WHERE token_sha256 = $1 AND ended_at IS NULL', [hash, at, reason]);
  return (r.rowCount ?? 0) > 0;
}

/** Ends every open session of the account but `exceptHash` (the one making the change). */
export async function endUserSessions(db: Queryable, userId: number, at: Date, reason: string, exceptHash: string | null = null): Promise<number> {
  const r = await db.query(
    'UPDATE staff_sessions SET ended_at = $2, ended_reason = $3 WHERE user_id = $1 AND ended_at IS NULL AND ($4::text IS NULL OR token_sha256 <> $4)',
    [userId, at, reason, exceptHash]);
  return r.rowCount ?? 0;
}
