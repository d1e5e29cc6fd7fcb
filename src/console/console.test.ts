import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { testRuntime } from '../testing/db.ts';
import { buildServer } from '../web/server.ts';
import type { Role } from '../persisted.ts';
import { consoleRoutes } from './console.routes.ts';
import { createUserCommand } from './console.cli.ts';
import { cliOperator, createStaffUser, disableStaffUser } from './accounts.service.ts';
import { auditVoterChange, auditVoterView } from './audit.ts';
import { totpCode } from './totp.ts';

type Rt = Awaited<ReturnType<typeof testRuntime>>;
const PASSWORD = 'correct horse battery staple';
const MINUTE = 60_000;

async function world(env: Record<string, string> = {}) {
  const rt = await testRuntime({ env });
  const app = await buildServer(rt, { routes: [consoleRoutes], logger: false });
  return { rt, app };
}

const post = (app: FastifyInstance, url: string, payload: object | undefined, auth?: string) =>
  app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), headers: auth ? authHeaders(auth) : {} });
const get = (app: FastifyInstance, url: string, auth?: string) => app.inject({ method: 'GET', url, headers: auth ? authHeaders(auth) : {} });
/** `auth` is a bearer token, or a Cookie header value (starting with `bl_staff=`). */
const authHeaders = (auth: string): Record<string, string> => (auth.startsWith('bl_staff=') ? { cookie: auth } : { authorization: `Bearer ${auth}` });
const errorCode = (res: LightMyRequestResponse): string => res.json().error.code;
const setCookies = (res: LightMyRequestResponse): string[] => {
  const raw = res.headers['set-cookie'];
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
};

interface Account { id: number; email: string; secret: string }

/** Creates an account as the CLI would and redeems its set-up token over HTTP. */
async function account(rt: Rt, app: FastifyInstance, email: string, role: Role, countyCodes: string[] = []): Promise<Account> {
  const { user, setup } = await createStaffUser(rt, cliOperator(rt), { email, name: email.split('@')[0]!, role, countyCodes });
  const started = await post(app, '/api/v1/staff/setup', { token: setup.token });
  assert.equal(started.statusCode, 200, started.body);
  const secret = started.json().totpSecret as string;
  const done = await post(app, '/api/v1/staff/setup/complete', { token: setup.token, password: PASSWORD, code: totpCode(secret, rt.clock.now()) });
  assert.equal(done.statusCode, 200, done.body);
  return { id: user.id, email, secret };
}

/** Both sign-in steps; returns the bearer token. The clock moves one step first, so codes are fresh. */
async function signIn(rt: Rt, app: FastifyInstance, a: Account, password = PASSWORD): Promise<string> {
  rt.clock.advance(30_000);
  const first = await post(app, '/api/v1/staff/login', { email: a.email, password });
  assert.equal(first.statusCode, 200, first.body);
  const second = await post(app, '/api/v1/staff/login/totp', { loginToken: first.json().loginToken, code: totpCode(a.secret, rt.clock.now()), mode: 'bearer' });
  assert.equal(second.statusCode, 200, second.body);
  return second.json().token;
}

async function auditActions(rt: Rt, where = 'true', params: unknown[] = []): Promise<string[]> {
  const { rows } = await rt.db.pool.query<{ action: string }>(`SELECT action FROM audit_log WHERE ${where} ORDER BY id`, params);
  return rows.map((r) => r.action);
}

test('bootstrap: the CLI creates a state admin with a one-time set-up token; set-up needs a good password and a first code; then password + TOTP sign-in with a cookie', async (t) => {
  const { rt, app } = await world();
  const printed: string[] = [];
  t.mock.method(console, 'log', (...args: unknown[]) => printed.push(args.join(' ')));
  const grant = await createUserCommand(rt, { email: ' Root@SOS.example.gov ', name: 'Root Admin', role: 'state_admin' });
  t.mock.restoreAll();
  assert.ok(printed.some((l) => l.includes(grant.token)), 'the token is printed once for the operator');
  assert.ok(printed.some((l) => l.includes('/console/setup')));
  assert.equal(grant.expiresAt.getTime() - rt.clock.now().getTime(), 24 * 3600 * 1000);
  const stored = await rt.db.pool.query('SELECT token_sha256 FROM staff_tokens');
  assert.ok(stored.rows.every((r) => r.token_sha256 !== grant.token), 'only the hash is stored');

  // cannot sign in before set-up, and the answer is the generic one
  const early = await post(app, '/api/v1/staff/login', { email: 'root@sos.example.gov', password: PASSWORD });
  assert.equal(early.statusCode, 401);
  assert.equal(errorCode(early), 'login_failed');

  const s1 = await post(app, '/api/v1/staff/setup', { token: grant.token });
  assert.equal(s1.statusCode, 200);
  const { totpSecret, otpauthUri, email } = s1.json();
  assert.equal(email, 'root@sos.example.gov');
  assert.match(otpauthUri, /^otpauth:\/\/totp\/.*secret=/);
  assert.equal((await post(app, '/api/v1/staff/setup', { token: grant.token })).json().totpSecret, totpSecret, 'same secret on reload');
  const enc = (await rt.db.pool.query('SELECT totp_pending_enc FROM staff_users')).rows[0].totp_pending_enc as string;
  assert.ok(!enc.includes(totpSecret), 'the secret is encrypted at rest');

  const weak = await post(app, '/api/v1/staff/setup/complete', { token: grant.token, password: 'root@sos.example.gov', code: totpCode(totpSecret, rt.clock.now()) });
  assert.equal(weak.statusCode, 400);
  assert.equal(errorCode(weak), 'password_policy');
  assert.deepEqual(weak.json().error.details.problems, ['same_as_email']);
  const short = await post(app, '/api/v1/staff/setup/complete', { token: grant.token, password: 'short', code: totpCode(totpSecret, rt.clock.now()) });
  assert.deepEqual(short.json().error.details.problems, ['too_short']);
  const wrongCode = await post(app, '/api/v1/staff/setup/complete', { token: grant.token, password: PASSWORD, code: totpCode(totpSecret, new Date(rt.clock.now().getTime() - 5 * MINUTE)) });
  assert.equal(errorCode(wrongCode), 'code_wrong');
  const done = await post(app, '/api/v1/staff/setup/complete', { token: grant.token, password: PASSWORD, code: totpCode(totpSecret, rt.clock.now()) });
  assert.equal(done.statusCode, 200);
  assert.equal(done.json().staff.status, 'active');
  const again = await post(app, '/api/v1/staff/setup', { token: grant.token });
  assert.equal(errorCode(again), 'setup_token_invalid', 'a set-up token works once');

  rt.clock.advance(30_000);
  const step1 = await post(app, '/api/v1/staff/login', { email: 'ROOT@sos.example.gov', password: PASSWORD });
  assert.equal(step1.statusCode, 200);
  assert.equal(step1.json().next, 'totp');
  const step2 = await post(app, '/api/v1/staff/login/totp', { loginToken: step1.json().loginToken, code: totpCode(totpSecret, rt.clock.now()) });
  assert.equal(step2.statusCode, 200, step2.body);
  assert.equal(step2.json().token, undefined, 'cookie mode: the token is not in the body');
  assert.equal(step2.headers['cache-control'], 'no-store');
  const [cookie] = setCookies(step2);
  assert.match(cookie!, /^bl_staff=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
  const cookieHeader = cookie!.split(';')[0]!;

  const me = await get(app, '/api/v1/staff/me', cookieHeader);
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().staff.email, 'root@sos.example.gov');
  assert.equal(me.json().countyScope, null);
  assert.ok(me.json().permissions.includes('keys.manage'));
  assert.equal(me.json().session.via, 'cookie');

  const forged = await get(app, '/api/v1/staff/me', `${cookieHeader.slice(0, -3)}abc`);
  assert.equal(forged.statusCode, 401);
  assert.match(setCookies(forged)[0]!, /^bl_staff=; Expires=Thu, 01 Jan 1970/);

  const out = await post(app, '/api/v1/staff/logout', undefined, cookieHeader);
  assert.equal(out.statusCode, 204);
  assert.match(setCookies(out)[0]!, /^bl_staff=;/);
  assert.equal((await get(app, '/api/v1/staff/me', cookieHeader)).statusCode, 401, 'the session ended on the server, not only in the browser');
  assert.deepEqual(await auditActions(rt), ['staff.created', 'login.failed', 'staff.setup_completed', 'login.succeeded', 'logout']);
  const created = (await rt.db.pool.query("SELECT actor_label, details FROM audit_log WHERE action = 'staff.created'")).rows[0];
  assert.equal(created.actor_label, 'cli');
});

test('a wrong code is refused and counted; a used code cannot be replayed; the login token is one-time', async () => {
  const { rt, app } = await world();
  const a = await account(rt, app, 'ana@sos.example.gov', 'state_admin');
  rt.clock.advance(30_000);
  const step1 = await post(app, '/api/v1/staff/login', { email: a.email, password: PASSWORD });
  const loginToken = step1.json().loginToken as string;
  const wrong = await post(app, '/api/v1/staff/login/totp', { loginToken, code: totpCode(a.secret, new Date(rt.clock.now().getTime() - 2 * MINUTE)), mode: 'bearer' });
  assert.equal(wrong.statusCode, 401);
  assert.equal(errorCode(wrong), 'code_wrong');
  assert.equal((await rt.db.pool.query('SELECT failed_attempts FROM staff_users WHERE id = $1', [a.id])).rows[0].failed_attempts, 1);

  const code = totpCode(a.secret, rt.clock.now());
  const ok = await post(app, '/api/v1/staff/login/totp', { loginToken, code, mode: 'bearer' });
  assert.equal(ok.statusCode, 200);
  assert.ok(ok.json().token.length >= 43);
  assert.equal(setCookies(ok).length, 0, 'bearer mode sets no cookie');
  assert.equal((await rt.db.pool.query('SELECT failed_attempts FROM staff_users WHERE id = $1', [a.id])).rows[0].failed_attempts, 0, 'success resets the count');
  const sessions = await rt.db.pool.query('SELECT token_sha256 FROM staff_sessions');
  assert.ok(sessions.rows.every((r) => r.token_sha256 !== ok.json().token), 'session tokens stored hashed');

  const reused = await post(app, '/api/v1/staff/login/totp', { loginToken, code, mode: 'bearer' });
  assert.equal(errorCode(reused), 'login_step_expired', 'the login token was used');

  // same code, new password step, still inside the code's window: a replay
  rt.clock.advance(10_000);
  const again = await post(app, '/api/v1/staff/login', { email: a.email, password: PASSWORD });
  const replay = await post(app, '/api/v1/staff/login/totp', { loginToken: again.json().loginToken, code, mode: 'bearer' });
  assert.equal(replay.statusCode, 401);
  assert.equal(errorCode(replay), 'code_wrong');
  const reasons = (await rt.db.pool.query("SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'login.failed' ORDER BY id")).rows.map((r) => r.reason);
  assert.deepEqual(reasons, ['invalid', 'replayed']);

  // the login step expires
  rt.clock.advance(6 * MINUTE);
  const late = await post(app, '/api/v1/staff/login/totp', { loginToken: again.json().loginToken, code: totpCode(a.secret, rt.clock.now()), mode: 'bearer' });
  assert.equal(errorCode(late), 'login_step_expired');
});

test('lockout: 5 wrong passwords lock the account for 15 minutes, answers never tell whether the email exists, and it unlocks after the period', async () => {
  const { rt, app } = await world();
  const a = await account(rt, app, 'ben@county.example.gov', 'county_staff', ['19']);
  const unknown = await post(app, '/api/v1/staff/login', { email: 'nobody@county.example.gov', password: PASSWORD });
  const wrong = await post(app, '/api/v1/staff/login', { email: a.email, password: 'not the password at all' });
  assert.equal(unknown.statusCode, 401);
  assert.equal(wrong.statusCode, 401);
  assert.deepEqual(unknown.json(), wrong.json(), 'unknown email and wrong password look the same');
  for (let i = 0; i < 4; i++) await post(app, '/api/v1/staff/login', { email: a.email, password: `wrong password ${i}` });

  const locked = await post(app, '/api/v1/staff/login', { email: a.email, password: PASSWORD });
  assert.equal(locked.statusCode, 401);
  assert.deepEqual(locked.json(), wrong.json(), 'a locked account answers like a wrong password, even with the right one');
  assert.deepEqual(await auditActions(rt, "action LIKE 'login.%'"), [
    'login.failed', 'login.failed', 'login.failed', 'login.failed', 'login.failed', 'login.failed', 'login.locked', 'login.failed',
  ]);
  const unknownEntry = (await rt.db.pool.query("SELECT actor_id, actor_label, details FROM audit_log WHERE action = 'login.failed' ORDER BY id LIMIT 1")).rows[0];
  assert.deepEqual(unknownEntry, { actor_id: null, actor_label: 'anonymous', details: { step: 'password', reason: 'unknown_email', email: 'nobody@county.example.gov' } });
  const lockEntry = (await rt.db.pool.query("SELECT actor_id, county_codes, ip, details FROM audit_log WHERE action = 'login.locked'")).rows[0];
  assert.equal(lockEntry.actor_id, a.id);
  assert.deepEqual(lockEntry.county_codes, ['19']);
  assert.equal(lockEntry.ip, '127.0.0.1');
  assert.equal(lockEntry.details.minutes, 15);
  const lastReason = (await rt.db.pool.query("SELECT details->>'reason' AS r FROM audit_log WHERE action = 'login.failed' ORDER BY id DESC LIMIT 1")).rows[0].r;
  assert.equal(lastReason, 'locked');
  const passwords = (await rt.db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE details::text LIKE '%wrong password%' OR details::text LIKE '%horse%'")).rows[0].n;
  assert.equal(passwords, 0, 'no password reaches the audit log');

  rt.clock.advance(14 * MINUTE);
  assert.equal((await post(app, '/api/v1/staff/login', { email: a.email, password: PASSWORD })).statusCode, 401, 'still locked at 14 minutes');
  rt.clock.advance(MINUTE);
  const token = await signIn(rt, app, a);
  assert.equal((await get(app, '/api/v1/staff/me', token)).statusCode, 200, 'unlocked after 15 minutes');
});

test('lockout also follows wrong codes, is configurable, and an admin can lift it', async () => {
  const { rt, app } = await world({ BALLOTLINE_STAFF_MAX_FAILED_ATTEMPTS: '3', BALLOTLINE_STAFF_LOCKOUT_MINUTES: '60' });
  const admin = await account(rt, app, 'root@sos.example.gov', 'state_admin');
  const a = await account(rt, app, 'cy@county.example.gov', 'county_staff', ['19']);
  rt.clock.advance(30_000);
  const step1 = await post(app, '/api/v1/staff/login', { email: a.email, password: PASSWORD });
  const loginToken = step1.json().loginToken as string;
  const bad = (n: number) => String((Number(totpCode(a.secret, rt.clock.now())) + n) % 1_000_000).padStart(6, '0');
  assert.equal(errorCode(await post(app, '/api/v1/staff/login/totp', { loginToken, code: bad(1) })), 'code_wrong');
  assert.equal(errorCode(await post(app, '/api/v1/staff/login/totp', { loginToken, code: bad(2) })), 'code_wrong');
  assert.equal(errorCode(await post(app, '/api/v1/staff/login/totp', { loginToken, code: bad(3) })), 'login_failed', 'the third wrong code locks');
  assert.equal(errorCode(await post(app, '/api/v1/staff/login/totp', { loginToken, code: totpCode(a.secret, rt.clock.now()) })), 'login_step_expired', 'locking voids the login token');
  rt.clock.advance(30 * MINUTE);
  assert.equal((await post(app, '/api/v1/staff/login', { email: a.email, password: PASSWORD })).statusCode, 401, 'locked for 60 minutes');

  const adminToken = await signIn(rt, app, admin);
  const users = (await get(app, '/api/v1/staff/users', adminToken)).json().users as Array<{ email: string; status: string }>;
  assert.equal(users.find((u) => u.email === a.email)!.status, 'locked');
  const unlock = await post(app, `/api/v1/staff/users/${a.id}/unlock`, undefined, adminToken);
  assert.equal(unlock.statusCode, 200);
  assert.equal(unlock.json().status, 'active');
  assert.equal((await get(app, '/api/v1/staff/me', await signIn(rt, app, a))).statusCode, 200);
});

test('sessions end after 30 idle minutes and 12 hours however active', async () => {
  const { rt, app } = await world();
  const a = await account(rt, app, 'dee@sos.example.gov', 'state_admin');
  const idle = await signIn(rt, app, a);
  rt.clock.advance(29 * MINUTE);
  assert.equal((await get(app, '/api/v1/staff/me', idle)).statusCode, 200, 'used within 30 minutes: still live (and extended)');
  rt.clock.advance(29 * MINUTE);
  assert.equal((await get(app, '/api/v1/staff/me', idle)).statusCode, 200);
  rt.clock.advance(30 * MINUTE);
  const expired = await get(app, '/api/v1/staff/me', idle);
  assert.equal(expired.statusCode, 401);
  assert.equal(errorCode(expired), 'unauthenticated');
  rt.clock.advance(-1 * MINUTE);
  assert.equal((await get(app, '/api/v1/staff/me', idle)).statusCode, 200, 'at 29 minutes idle (clock moved back): still live — the limit is exactly the idle timeout');

  const busy = await signIn(rt, app, a);
  const started = rt.clock.now().getTime();
  while (rt.clock.now().getTime() + 25 * MINUTE < started + 12 * 3600_000) {
    rt.clock.advance(25 * MINUTE);
    assert.equal((await get(app, '/api/v1/staff/me', busy)).statusCode, 200);
  }
  const me = (await get(app, '/api/v1/staff/me', busy)).json();
  assert.equal(new Date(me.session.maxExpiresAt).getTime(), started + 12 * 3600_000);
  assert.ok(new Date(me.session.expiresAt).getTime() <= started + 12 * 3600_000, 'idle expiry never passes the absolute one');
  rt.clock.set(new Date(started + 12 * 3600_000));
  assert.equal((await get(app, '/api/v1/staff/me', busy)).statusCode, 401, 'absolute limit reached');
});

test('county admins manage only county staff of their own counties; nobody raises their own role; disabling ends sessions', async () => {
  const { rt, app } = await world();
  const root = await account(rt, app, 'root@sos.example.gov', 'state_admin');
  const la = await account(rt, app, 'admin@la.example.gov', 'county_admin', ['19']);
  const other = await account(rt, app, 'staff@sd.example.gov', 'county_staff', ['37']);
  const shared = await account(rt, app, 'both@x.example.gov', 'county_staff', ['19', '37']);
  const laToken = await signIn(rt, app, la);

  const asState = await post(app, '/api/v1/staff/users', { email: 'evil@la.example.gov', name: 'Evil', role: 'state_admin' }, laToken);
  assert.equal(asState.statusCode, 403);
  assert.equal(errorCode(asState), 'role_too_high');
  assert.equal(errorCode(await post(app, '/api/v1/staff/users', { email: 'x@la.example.gov', name: 'X', role: 'county_admin', countyCodes: ['19'] }, laToken)), 'role_too_high');
  assert.equal(errorCode(await post(app, '/api/v1/staff/users', { email: 'x@sd.example.gov', name: 'X', role: 'county_staff', countyCodes: ['37'] }, laToken)), 'county_forbidden');
  assert.equal(errorCode(await post(app, '/api/v1/staff/users', { email: 'x@sd.example.gov', name: 'X', role: 'county_staff', countyCodes: ['19', '37'] }, laToken)), 'county_forbidden');

  const created = await post(app, '/api/v1/staff/users', { email: 'New.Staff@LA.example.gov', name: 'New Staff', role: 'county_staff', countyCodes: ['19'] }, laToken);
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().user.email, 'new.staff@la.example.gov');
  assert.equal(created.json().user.status, 'setup_pending');
  assert.equal(created.json().user.createdBy, la.id);
  assert.ok(created.json().setupToken.length >= 43);
  const newId = created.json().user.id as number;
  assert.equal((await post(app, '/api/v1/staff/users', { email: 'new.staff@la.example.gov', name: 'Twice', role: 'county_staff', countyCodes: ['19'] }, laToken)).statusCode, 409);

  // cannot promote their staff, nor move them to another county
  assert.equal(errorCode(await app.inject({ method: 'PATCH', url: `/api/v1/staff/users/${newId}`, payload: { role: 'county_admin' }, headers: authHeaders(laToken) })), 'role_too_high');
  assert.equal(errorCode(await app.inject({ method: 'PATCH', url: `/api/v1/staff/users/${newId}`, payload: { countyCodes: ['37'] }, headers: authHeaders(laToken) })), 'county_forbidden');
  const renamed = await app.inject({ method: 'PATCH', url: `/api/v1/staff/users/${newId}`, payload: { name: 'Renamed Staff' }, headers: authHeaders(laToken) });
  assert.equal(renamed.statusCode, 200);
  assert.equal(renamed.json().name, 'Renamed Staff');

  // another county's staff: invisible; a shared member: visible but not theirs to manage
  assert.equal((await get(app, `/api/v1/staff/users/${other.id}`, laToken)).statusCode, 404);
  assert.equal((await post(app, `/api/v1/staff/users/${other.id}/disable`, undefined, laToken)).statusCode, 404);
  assert.equal((await get(app, `/api/v1/staff/users/${shared.id}`, laToken)).statusCode, 200);
  assert.equal(errorCode(await post(app, `/api/v1/staff/users/${shared.id}/disable`, undefined, laToken)), 'county_forbidden');
  assert.equal(errorCode(await post(app, `/api/v1/staff/users/${root.id}/disable`, undefined, laToken)), 'not_found');
  const listed = (await get(app, '/api/v1/staff/users', laToken)).json().users.map((u: { email: string }) => u.email);
  assert.deepEqual(listed, ['admin@la.example.gov', 'both@x.example.gov', 'new.staff@la.example.gov']);
  assert.equal(errorCode(await get(app, '/api/v1/staff/users?countyCode=37', laToken)), 'county_forbidden');

  // nobody changes their own role or counties, or disables themselves
  const raise = await app.inject({ method: 'PATCH', url: `/api/v1/staff/users/${la.id}`, payload: { role: 'state_admin', countyCodes: [] }, headers: authHeaders(laToken) });
  assert.equal(raise.statusCode, 403);
  assert.equal(errorCode(raise), 'own_account');
  assert.equal(errorCode(await app.inject({ method: 'PATCH', url: `/api/v1/staff/users/${la.id}`, payload: { countyCodes: ['19', '37'] }, headers: authHeaders(laToken) })), 'own_account');
  assert.equal(errorCode(await post(app, `/api/v1/staff/users/${la.id}/disable`, undefined, laToken)), 'own_account');
  const rootToken = await signIn(rt, app, root);
  assert.equal(errorCode(await app.inject({ method: 'PATCH', url: `/api/v1/staff/users/${root.id}`, payload: { role: 'county_admin', countyCodes: ['19'] }, headers: authHeaders(rootToken) })), 'own_account');

  // county staff manage nobody
  const sdToken = await signIn(rt, app, other);
  assert.equal(errorCode(await post(app, '/api/v1/staff/users', { email: 'y@sd.example.gov', name: 'Y', role: 'county_staff', countyCodes: ['37'] }, sdToken)), 'forbidden');
  assert.equal((await get(app, '/api/v1/staff/users', sdToken)).statusCode, 403);
  assert.equal((await get(app, `/api/v1/staff/users/${other.id}`, sdToken)).statusCode, 200, 'but see themselves');

  // a state admin manages everyone; disabling ends the member's sessions at once
  const promote = await app.inject({ method: 'PATCH', url: `/api/v1/staff/users/${other.id}`, payload: { role: 'county_admin' }, headers: authHeaders(rootToken) });
  assert.equal(promote.statusCode, 200);
  assert.equal((await get(app, '/api/v1/staff/users', sdToken)).statusCode, 200, 'the new role applies to the open session at once');
  const disabled = await post(app, `/api/v1/staff/users/${other.id}/disable`, undefined, rootToken);
  assert.equal(disabled.json().status, 'disabled');
  assert.equal((await get(app, '/api/v1/staff/me', sdToken)).statusCode, 401);
  assert.equal((await post(app, '/api/v1/staff/login', { email: other.email, password: PASSWORD })).statusCode, 401);

  // the only active state admin cannot be disabled (not even from the CLI) or demoted
  await assert.rejects(disableStaffUser(rt, cliOperator(rt), root.id), (e: { code?: string }) => e.code === 'last_state_admin');

  assert.deepEqual(await auditActions(rt, "action LIKE 'staff.%' AND action <> 'staff.setup_completed'"), [
    'staff.created', 'staff.created', 'staff.created', 'staff.created', 'staff.created', 'staff.updated', 'staff.updated', 'staff.disabled',
  ]);
  const update = (await rt.db.pool.query("SELECT actor_label, target_user_id, details FROM audit_log WHERE action = 'staff.updated' ORDER BY id LIMIT 1")).rows[0];
  assert.deepEqual(update, { actor_label: 'admin@la.example.gov', target_user_id: newId, details: { email: 'new.staff@la.example.gov', changes: { name: { from: 'New Staff', to: 'Renamed Staff' } } } });
});

test('reset: a lost authenticator gets a new set-up token; old sessions and credentials stop working', async () => {
  const { rt, app } = await world();
  const root = await account(rt, app, 'root@sos.example.gov', 'state_admin');
  const a = await account(rt, app, 'eve@la.example.gov', 'county_staff', ['19']);
  const before = await signIn(rt, app, a);
  const rootToken = await signIn(rt, app, root);
  const reset = await post(app, `/api/v1/staff/users/${a.id}/reset`, undefined, rootToken);
  assert.equal(reset.statusCode, 200);
  assert.equal(reset.json().user.status, 'setup_pending');
  assert.equal((await get(app, '/api/v1/staff/me', before)).statusCode, 401);
  assert.equal((await post(app, '/api/v1/staff/login', { email: a.email, password: PASSWORD })).statusCode, 401);
  const start = await post(app, '/api/v1/staff/setup', { token: reset.json().setupToken });
  const secret = start.json().totpSecret as string;
  assert.notEqual(secret, a.secret);
  rt.clock.advance(30_000);
  assert.equal((await post(app, '/api/v1/staff/setup/complete', { token: reset.json().setupToken, password: 'a brand new passphrase', code: totpCode(secret, rt.clock.now()) })).statusCode, 200);
  assert.equal((await get(app, '/api/v1/staff/me', await signIn(rt, app, { ...a, secret }, 'a brand new passphrase'))).statusCode, 200);
});

test('own password and authenticator changes: current password required, other sessions end', async () => {
  const { rt, app } = await world();
  const a = await account(rt, app, 'fay@sos.example.gov', 'state_admin');
  const one = await signIn(rt, app, a);
  const two = await signIn(rt, app, a);
  const wrong = await post(app, '/api/v1/staff/me/password', { currentPassword: 'not my password', newPassword: 'another long passphrase' }, one);
  assert.equal(errorCode(wrong), 'password_wrong');
  assert.equal(errorCode(await post(app, '/api/v1/staff/me/password', { currentPassword: PASSWORD, newPassword: 'fay@sos.example.gov' }, one)), 'password_policy');
  assert.equal((await post(app, '/api/v1/staff/me/password', { currentPassword: PASSWORD, newPassword: 'another long passphrase' }, one)).statusCode, 204);
  assert.equal((await get(app, '/api/v1/staff/me', one)).statusCode, 200);
  assert.equal((await get(app, '/api/v1/staff/me', two)).statusCode, 401, 'other sessions end');

  const begin = await post(app, '/api/v1/staff/me/totp', { currentPassword: 'another long passphrase' }, one);
  assert.equal(begin.statusCode, 200);
  const newSecret = begin.json().totpSecret as string;
  rt.clock.advance(30_000);
  assert.equal(errorCode(await post(app, '/api/v1/staff/me/totp/confirm', { code: totpCode(a.secret, rt.clock.now()) }, one)), 'code_wrong', 'a code from the old device does not confirm');
  assert.equal((await post(app, '/api/v1/staff/me/totp/confirm', { code: totpCode(newSecret, rt.clock.now()) }, one)).statusCode, 204);
  assert.equal((await get(app, '/api/v1/staff/me', await signIn(rt, app, { ...a, secret: newSecret }, 'another long passphrase'))).statusCode, 200);
  assert.deepEqual(await auditActions(rt, "action IN ('staff.password_changed', 'staff.totp_changed')"), ['staff.password_changed', 'staff.totp_changed']);
});

test('audit log: voter views and changes recorded with who, where and the county; filtered, county-scoped, and append-only', async () => {
  const { rt, app } = await world();
  const root = await account(rt, app, 'root@sos.example.gov', 'state_admin');
  const la = await account(rt, app, 'admin@la.example.gov', 'county_admin', ['19']);
  const sd = await account(rt, app, 'admin@sd.example.gov', 'county_admin', ['37']);
  const laStaff = await account(rt, app, 'staff@la.example.gov', 'county_staff', ['19']);
  await rt.db.pool.query(
    `INSERT INTO voters (voter_id, county_code, first_name, last_name, status, source_updated_at)
     VALUES ('V19', '19', 'Ana', 'Lopez', 'ACTIVE', now()), ('V37', '37', 'Bo', 'Chan', 'ACTIVE', now())`);

  // what a console page does after requireStaff: the staff member carries the request's when and where
  const staffRow = { id: laStaff.id, email: laStaff.email, name: 'staff', role: 'county_staff' as const, countyCodes: ['19'] };
  const request = { at: rt.clock.now(), ip: '203.0.113.7', userAgent: 'Firefox/140' };
  await auditVoterView(rt.db.pool, { ...staffRow, request }, 'V19', 'ballots');
  await auditVoterChange(rt.db.pool, { ...staffRow, request }, 'V19', 'preferences', { language: 'en', email: 'a@x.org', token: 'abc' }, { language: 'es', email: 'a@x.org', token: 'def' });
  const view = (await rt.db.pool.query("SELECT * FROM audit_log WHERE action = 'voter.viewed'")).rows[0];
  assert.equal(view.actor_id, laStaff.id);
  assert.equal(view.actor_role, 'county_staff');
  assert.equal(view.voter_id, 'V19');
  assert.deepEqual(view.county_codes, ['19'], "the voter's county, looked up");
  assert.equal(view.ip, '203.0.113.7');
  assert.equal(view.user_agent, 'Firefox/140');
  assert.deepEqual(view.details, { what: 'ballots' });
  assert.equal(view.at.getTime(), request.at.getTime());
  const change = (await rt.db.pool.query("SELECT details FROM audit_log WHERE action = 'voter.changed'")).rows[0];
  assert.deepEqual(change.details, { what: 'preferences', changes: { language: { from: 'en', to: 'es' }, token: '[redacted]' } });
  await auditVoterView(rt.db.pool, { ...staffRow, id: root.id, email: root.email, role: 'state_admin', countyCodes: [], request }, 'V37', 'record');

  // state admin: everything, filterable
  const rootToken = await signIn(rt, app, root);
  const all = await get(app, '/api/v1/staff/audit?limit=500', rootToken);
  assert.equal(all.statusCode, 200);
  const entries = all.json().entries as Array<{ id: number; action: string; voterId: string | null; countyCodes: string[]; actor: { id: number | null; label: string } }>;
  assert.ok(entries.length >= 10);
  assert.ok(entries[0]!.id > entries[1]!.id, 'newest first');
  const byVoter = (await get(app, '/api/v1/staff/audit?voterId=V19', rootToken)).json().entries;
  assert.deepEqual(byVoter.map((e: { action: string }) => e.action), ['voter.changed', 'voter.viewed']);
  const byActor = (await get(app, `/api/v1/staff/audit?actorId=${laStaff.id}&action=voter.`, rootToken)).json().entries;
  assert.equal(byActor.length, 2);
  const logins = (await get(app, '/api/v1/staff/audit?action=login.succeeded', rootToken)).json().entries;
  assert.deepEqual(logins.map((e: { actor: { label: string } }) => e.actor.label), ['root@sos.example.gov']);
  const inCounty37 = (await get(app, '/api/v1/staff/audit?countyCode=37&action=voter.viewed', rootToken)).json().entries;
  assert.deepEqual(inCounty37.map((e: { voterId: string }) => e.voterId), ['V37']);
  const now = rt.clock.now().toISOString();
  assert.equal((await get(app, `/api/v1/staff/audit?from=${encodeURIComponent(now)}&action=staff.`, rootToken)).json().entries.length, 0, 'time range');
  const page1 = (await get(app, '/api/v1/staff/audit?limit=3', rootToken)).json();
  assert.equal(page1.entries.length, 3);
  const page2 = (await get(app, `/api/v1/staff/audit?limit=3&beforeId=${page1.nextBeforeId}`, rootToken)).json();
  assert.ok(page2.entries.every((e: { id: number }) => e.id < page1.nextBeforeId));

  // county admin: only entries about its counties; county staff: none
  const laToken = await signIn(rt, app, la);
  const laView = (await get(app, '/api/v1/staff/audit?limit=500', laToken)).json().entries as Array<{ countyCodes: string[]; voterId: string | null }>;
  assert.ok(laView.length > 0);
  assert.ok(laView.every((e) => e.countyCodes.includes('19')));
  assert.ok(!laView.some((e) => e.voterId === 'V37'));
  assert.equal(errorCode(await get(app, '/api/v1/staff/audit?countyCode=37', laToken)), 'county_forbidden');
  const sdView = (await get(app, '/api/v1/staff/audit?voterId=V19', await signIn(rt, app, sd))).json().entries;
  assert.equal(sdView.length, 0);
  assert.equal((await get(app, '/api/v1/staff/audit', await signIn(rt, app, laStaff))).statusCode, 403);
  assert.ok((await auditActions(rt)).includes('audit.viewed'), 'reading the trail is recorded');

  // append-only, for the owner too
  await assert.rejects(rt.db.pool.query("UPDATE audit_log SET action = 'logout' WHERE action = 'voter.viewed'"), /append-only: UPDATE refused/);
  await assert.rejects(rt.db.pool.query('DELETE FROM audit_log'), /append-only: DELETE refused/);
  await assert.rejects(rt.db.pool.query('TRUNCATE audit_log'), /append-only: TRUNCATE refused/);
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'voter.viewed'")).rows[0].n, 2);
});

test('requireStaff: no or unknown session is 401; OpenAPI lists the staff routes', async () => {
  const { app } = await world();
  assert.equal((await get(app, '/api/v1/staff/me')).statusCode, 401);
  assert.equal((await get(app, '/api/v1/staff/me', 'x'.repeat(43))).statusCode, 401);
  assert.equal((await post(app, '/api/v1/staff/logout', undefined)).statusCode, 401);
  const bad = await post(app, '/api/v1/staff/login', { email: 'a@b.gov', password: 'x', extra: 1 });
  assert.equal(bad.statusCode, 400);
  await app.ready();
  const spec = app.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
  for (const path of ['/api/v1/staff/login', '/api/v1/staff/login/totp', '/api/v1/staff/users', '/api/v1/staff/users/{id}', '/api/v1/staff/audit', '/api/v1/staff/setup/complete']) {
    assert.ok(spec.paths[path], path);
    assert.ok(Object.values(spec.paths[path]!).every((op) => op.tags?.includes('staff')), path);
  }
});
