import { test } from 'node:test';
import assert from 'node:assert/strict';
import { totpCode } from '../totp.ts';
import { createStaffUser, cliOperator } from '../accounts.service.ts';
import { PASSWORD, Browser, account, consoleWorld, hiddenValue, signInBrowser } from './test-fixtures.ts';
import { isConsolePath } from './frame.ts';

test('the frame: no session redirects to sign-in with a relative next; pages are no-store; unknown paths are console 404 pages', async () => {
  const { rt, app } = await consoleWorld();
  const b = new Browser(app);
  const home = await b.get('/console/account?tab=1');
  assert.equal(home.statusCode, 303);
  assert.equal(home.headers.location, `/console/sign-in?next=${encodeURIComponent('/console/account?tab=1')}`);
  assert.equal(home.headers['cache-control'], 'no-store');
  const signInPage = await b.get('/console/sign-in?next=https://evil.example/');
  assert.equal(signInPage.statusCode, 200);
  assert.equal(signInPage.headers['cache-control'], 'no-store');
  assert.match(signInPage.body, /name="next" value="\/console"/, 'a foreign next becomes the console home');
  assert.match(signInPage.body, /<main id="main-content"/);
  assert.match(signInPage.body, /class="usa-skipnav" href="#main-content"/);
  assert.ok(b.cookies.has('bl_console_csrf'));
  const missing = await b.get('/console/no-such-page');
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /Page not found/);
  const missingPost = await b.post('/console/no-such-action', {});
  assert.equal(missingPost.statusCode, 404);
  assert.match(missingPost.body, /Page not found/);
  for (const bad of ['//evil.example', '/console//evil', '/console\\x', 'https://x/console', '/consolex']) assert.equal(isConsolePath(bad), false, bad);
  for (const good of ['/console', '/console/voters?q=1']) assert.equal(isConsolePath(good), true, good);

  const admin = await account(rt, 'root@sos.example.gov', 'state_admin');
  const signedIn = await signInBrowser(rt, app, admin);
  const page = await signedIn.get('/console');
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['cache-control'], 'no-store');
  assert.match(page.body, /Signed in as <strong>root \(State admin, all counties\)<\/strong>/);
  assert.match(page.body, /action="\/console\/sign-out"/);
});

test('sign-in: wrong password and wrong code are shown; next is followed; the login token is a hidden field, not in a URL', async () => {
  const { rt, app } = await consoleWorld();
  const a = await account(rt, 'lee@county.example.gov', 'county_admin', ['19']);
  const b = new Browser(app);
  await b.get('/console/sign-in?next=/console/account');
  const wrong = await b.post('/console/sign-in', { email: a.email, password: 'not the password at all', next: '/console/account' });
  assert.equal(wrong.statusCode, 401);
  assert.match(wrong.body, /<title>Error: /);
  assert.match(wrong.body, /The email or password is not right/);
  const first = await b.post('/console/sign-in', { email: a.email, password: PASSWORD, next: '/console/account' });
  assert.equal(first.statusCode, 200);
  const loginToken = hiddenValue(first.body, 'loginToken');
  assert.ok(loginToken.length >= 40);
  const badCode = await b.post('/console/sign-in', { loginToken, code: '000000', next: '/console/account' });
  assert.equal(badCode.statusCode, 401);
  assert.match(badCode.body, /That code is not right/);
  assert.equal(hiddenValue(badCode.body, 'loginToken'), loginToken, 'the login token stays usable after a wrong code');
  rt.clock.advance(30_000);
  const ok = await b.post('/console/sign-in', { loginToken, code: totpCode(a.secret, rt.clock.now()), next: '/console/account' });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/console/account');
  assert.match(String(ok.headers['set-cookie']), /bl_staff=.*HttpOnly; SameSite=Strict/);
  const again = await b.post('/console/sign-in', { loginToken, code: totpCode(a.secret, rt.clock.now()), next: '/console' });
  assert.match(again.body, /The sign-in took too long/, 'a spent login token sends back to step 1');

  // sign-out ends the session
  await b.get('/console');
  const out = await b.post('/console/sign-out', {});
  assert.equal(out.statusCode, 303);
  assert.equal(out.headers.location, '/console/sign-in');
  assert.equal((await b.get('/console')).statusCode, 303);
});

test('sign-in: five wrong codes lock the account; the lock message is the generic one; an expired session goes back to sign-in', async () => {
  const { rt, app } = await consoleWorld();
  const a = await account(rt, 'kim@county.example.gov', 'county_staff', ['19']);
  const b = new Browser(app);
  await b.get('/console/sign-in');
  const first = await b.post('/console/sign-in', { email: a.email, password: PASSWORD });
  const loginToken = hiddenValue(first.body, 'loginToken');
  for (let i = 0; i < 4; i++) assert.match((await b.post('/console/sign-in', { loginToken, code: '000000' })).body, /That code is not right/);
  const locked = await b.post('/console/sign-in', { loginToken, code: '000000' });
  assert.match(locked.body, /locked for a while/);
  assert.doesNotMatch(locked.body, /name="loginToken"/);
  const refused = await b.post('/console/sign-in', { email: a.email, password: PASSWORD });
  assert.equal(refused.statusCode, 401, 'even the right password is refused while locked');
  rt.clock.advance(16 * 60_000);
  const signedIn = await signInBrowser(rt, app, a);
  assert.equal((await signedIn.get('/console')).statusCode, 200);
  rt.clock.advance(31 * 60_000);
  const expired = await signedIn.get('/console/account');
  assert.equal(expired.statusCode, 303);
  assert.equal(expired.headers.location, '/console/sign-in?next=%2Fconsole%2Faccount');
});

test('set-up through the pages: token, secret shown, password policy and code errors, then sign-in', async () => {
  const { rt, app } = await consoleWorld();
  const { setup } = await createStaffUser(rt, cliOperator(rt), { email: 'new@sos.example.gov', name: 'New Person', role: 'state_admin', countyCodes: [] });
  const b = new Browser(app);
  const form = await b.get(`/console/setup?token=${encodeURIComponent(setup.token)}`);
  assert.match(form.body, new RegExp(`value="${setup.token}"`));
  const bad = await b.post('/console/setup', { step: 'begin', token: 'x'.repeat(30) });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /set-up token is unknown, used or expired/);
  const begun = await b.post('/console/setup', { step: 'begin', token: setup.token });
  assert.equal(begun.statusCode, 200);
  const secret = /id="totp-secret">([A-Z2-7 ]+)</.exec(begun.body)![1]!.replace(/ /g, '');
  assert.match(begun.body, /otpauth:\/\/totp\//);
  assert.match(begun.body, /<div class="bl-console-qr" role="img" aria-label="QR code of the authenticator key"><svg aria-hidden="true"/);
  const weak = await b.post('/console/setup', { step: 'complete', token: setup.token, password: 'short', code: totpCode(secret, rt.clock.now()) });
  assert.equal(weak.statusCode, 400);
  assert.match(weak.body, /at least 12 characters/);
  const wrongCode = await b.post('/console/setup', { step: 'complete', token: setup.token, password: PASSWORD, code: '000000' });
  assert.match(wrongCode.body, /That code is not right/);
  const done = await b.post('/console/setup', { step: 'complete', token: setup.token, password: PASSWORD, code: totpCode(secret, rt.clock.now()) });
  assert.equal(done.statusCode, 303);
  assert.match((await b.get('/console/sign-in')).body, /Your account is set up/);
  const signedIn = await signInBrowser(rt, app, { id: 0, email: 'new@sos.example.gov', secret, role: 'state_admin', countyCodes: [] });
  assert.equal((await signedIn.get('/console/account')).statusCode, 200);
});

test('own account: change password (wrong current one refused), move the authenticator', async () => {
  const { rt, app } = await consoleWorld();
  const a = await account(rt, 'ana@county.example.gov', 'county_staff', ['19']);
  const b = await signInBrowser(rt, app, a);
  await b.get('/console/account');
  assert.equal((await b.post('/console/account/name', { name: 'Ana María Ruiz' })).statusCode, 303);
  assert.match((await b.get('/console/account')).body, /Signed in as <strong>Ana María Ruiz/);
  assert.equal((await b.post('/console/account/name', { name: '   ' })).statusCode, 400);
  const wrong = await b.post('/console/account/password', { currentPassword: 'nope nope nope nope', newPassword: 'a brand new pass phrase' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /current password is not right/);
  const ok = await b.post('/console/account/password', { currentPassword: PASSWORD, newPassword: 'a brand new pass phrase' });
  assert.equal(ok.statusCode, 303);
  const begun = await b.post('/console/account/totp', { currentPassword: 'a brand new pass phrase' });
  const secret = /id="totp-secret">([A-Z2-7 ]+)</.exec(begun.body)![1]!.replace(/ /g, '');
  rt.clock.advance(30_000);
  const confirmed = await b.post('/console/account/totp/confirm', { code: totpCode(secret, rt.clock.now()) });
  assert.equal(confirmed.statusCode, 303);
  const { rows } = await rt.db.pool.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'staff.%' ORDER BY id");
  assert.deepEqual(rows.map((r) => r.action).slice(-3), ['staff.updated', 'staff.password_changed', 'staff.totp_changed']);
});

test('CSRF: a POST without the token is refused before anything happens', async () => {
  const { rt, app } = await consoleWorld();
  const a = await account(rt, 'x@county.example.gov', 'county_staff', ['19']);
  const b = await signInBrowser(rt, app, a);
  const res = await b.post('/console/sign-out', {}, { csrf: false });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /This form has expired/);
  assert.equal((await b.get('/console')).statusCode, 200, 'still signed in');
  const login = await new Browser(app).post('/console/sign-in', { email: a.email, password: PASSWORD }, { csrf: false });
  assert.equal(login.statusCode, 403);
});
