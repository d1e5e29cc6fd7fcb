/**
 * Access rules of every console page of this part: no session → sign-in, no permission → 403,
 * no CSRF token → 403, another county's voters, elections participation and staff → 404
 * (and nothing changed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElection } from '../../elections/elections.service.ts';
import { stateActor } from '../../elections/actor.ts';
import { signUp } from '../../subscriptions/subscriptions.service.ts';
import { loadVoters, VOTERS } from '../../web/portal/test-fixtures.ts';
import { createApiKey } from '../../auth/api-keys.ts';
import { Browser, account, consoleWorld, signInBrowser, type Rt } from './test-fixtures.ts';

interface Route { method: 'GET' | 'POST'; url: string; form?: Record<string, string> }

/** Every protected route, with a body that would be valid. `ids` fills in real ids. */
function protectedRoutes(ids: { staffId: number; keyId: string }): Route[] {
  return [
    { method: 'GET', url: '/console' },
    { method: 'POST', url: '/console/sign-out' },
    { method: 'GET', url: '/console/account' },
    { method: 'POST', url: '/console/account/name', form: { name: 'Renamed' } },
    { method: 'POST', url: '/console/account/password', form: { currentPassword: 'x', newPassword: 'y' } },
    { method: 'POST', url: '/console/account/totp', form: { currentPassword: 'x' } },
    { method: 'POST', url: '/console/account/totp/confirm', form: { code: '123456' } },
    { method: 'GET', url: '/console/staff' },
    { method: 'GET', url: '/console/staff/new' },
    { method: 'POST', url: '/console/staff/new', form: { email: 'n@x.example.gov', name: 'N', role: 'county_staff', counties: '19' } },
    { method: 'GET', url: `/console/staff/${ids.staffId}` },
    { method: 'POST', url: `/console/staff/${ids.staffId}`, form: { name: 'N', role: 'county_staff', counties: '34' } },
    ...['disable', 'enable', 'unlock', 'reset'].map((a): Route => ({ method: 'POST', url: `/console/staff/${ids.staffId}/${a}` })),
    { method: 'GET', url: '/console/keys' },
    { method: 'POST', url: '/console/keys', form: { name: 'k', scope: 'county', counties: '34' } },
    { method: 'POST', url: `/console/keys/${ids.keyId}/revoke` },
    { method: 'GET', url: '/console/elections' },
    { method: 'POST', url: '/console/elections', form: { id: 'L2027', name: 'Local', date: '2027-06-01', kind: 'local' } },
    { method: 'GET', url: '/console/elections/G2026' },
    { method: 'GET', url: '/console/elections/G2026/counties/34' },
    ...['opt-out', 'rejoin', 'withdraw'].map((a): Route => ({ method: 'POST', url: `/console/elections/G2026/counties/34/${a}` })),
    { method: 'POST', url: '/console/elections/L2027X/counties/34/opt-in', form: { imbUse: 'none' } },
    { method: 'POST', url: '/console/elections/G2026/counties/34/options', form: { imbUse: 'both' } },
    { method: 'GET', url: '/console/voters' },
    { method: 'POST', url: '/console/voters', form: { last: 'Cruz', zip: '95814' } },
    { method: 'GET', url: '/console/voters/sign-up-check' },
    { method: 'POST', url: '/console/voters/sign-up-check', form: { firstName: 'Ana', lastName: 'Cruz', dob: '02-02-1990', zip: '95814' } },
    { method: 'GET', url: '/console/voters/CA106' },
    { method: 'POST', url: '/console/voters/CA106/preferences', form: { voiceAddress: '916-555-0100' } },
    { method: 'POST', url: '/console/voters/CA106/opt-out', form: { channel: 'all' } },
    { method: 'POST', url: '/console/voters/CA106/resend', form: { channel: 'email' } },
    { method: 'GET', url: '/console/audit' },
  ];
}

async function setting(rt: Rt) {
  await loadVoters(rt, [...VOTERS, { id: 'CA199', county: '34', first: '', last: '', confidential: true }]);
  await createElection(rt, { id: 'G2026', name: 'General', date: '2026-11-03', kind: 'statewide' }, stateActor('test'));
  await signUp(rt, { identity: { firstName: 'Ana', lastName: 'Cruz', dob: '02-02-1990', zip: '95814' }, preferences: { channels: { email: 'ana@example.com' } } }, { ip: '10.0.0.1' });
  const key = await createApiKey(rt.db.pool, { name: 'vendor', scope: 'county', countyCodes: ['34'] });
  return { keyId: key.key.id };
}

const send = (b: Browser, r: Route, csrf = true) => (r.method === 'GET' ? b.get(r.url) : b.post(r.url, r.form ?? {}, { csrf }));

test('without a session every page and action redirects to sign-in (303) and changes nothing', async () => {
  const { rt, app } = await consoleWorld();
  const { keyId } = await setting(rt);
  const other = await account(rt, 'sac@county.example.gov', 'county_staff', ['34']);
  const b = new Browser(app);
  await b.get('/console/sign-in'); // a CSRF token, as a browser with an expired session has
  for (const r of protectedRoutes({ staffId: other.id, keyId })) {
    const res = await send(b, r);
    assert.equal(res.statusCode, 303, `${r.method} ${r.url}`);
    assert.match(String(res.headers.location), /^\/console\/sign-in/, `${r.method} ${r.url}`);
  }
  const { rows } = await rt.db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action IN ('voter.changed', 'staff.disabled', 'key.revoked', 'election.participation_changed')");
  assert.equal(rows[0].n, 0);
});

test('every POST without the CSRF token is refused (403) even for a state admin', async () => {
  const { rt, app } = await consoleWorld();
  const { keyId } = await setting(rt);
  const other = await account(rt, 'sac@county.example.gov', 'county_staff', ['34']);
  const admin = await account(rt, 'root@sos.example.gov', 'state_admin');
  const b = await signInBrowser(rt, app, admin);
  for (const r of protectedRoutes({ staffId: other.id, keyId }).filter((x) => x.method === 'POST')) {
    const res = await send(b, r, false);
    assert.equal(res.statusCode, 403, `${r.url}`);
    assert.match(res.body, /This form has expired/, r.url);
  }
  for (const url of ['/console/sign-in', '/console/setup']) assert.equal((await b.post(url, { email: 'x' }, { csrf: false })).statusCode, 403);
  assert.equal((await b.get('/console')).statusCode, 200, 'still signed in: sign-out without a token did nothing');
});

test('members without the permission get a 403 page', async () => {
  const { rt, app } = await consoleWorld();
  const { keyId } = await setting(rt);
  const staff19 = await account(rt, 'kim@county.example.gov', 'county_staff', ['19']);
  const admin19 = await account(rt, 'lee@county.example.gov', 'county_admin', ['19']);
  const other = await account(rt, 'ana19@county.example.gov', 'county_staff', ['19']);
  const countyStaffForbidden = ['/console/staff', '/console/staff/new', '/console/keys', '/console/elections', '/console/audit', '/console/elections/G2026', '/console/elections/G2026/counties/19'];
  const cs = await signInBrowser(rt, app, staff19);
  for (const url of countyStaffForbidden) assert.equal((await cs.get(url)).statusCode, 403, url);
  const attempts: Array<{ url: string; form: Record<string, string> }> = [
    { url: '/console/staff/new', form: { email: 'n@x.example.gov', name: 'N', role: 'county_staff', counties: '19' } },
    { url: `/console/staff/${other.id}/disable`, form: {} },
    { url: '/console/keys', form: { name: 'k', scope: 'state' } },
    { url: '/console/elections', form: { id: 'L2027', name: 'Local', date: '2027-06-01', kind: 'local' } },
    { url: '/console/elections/G2026/counties/19/opt-out', form: {} },
  ];
  for (const r of attempts) assert.equal((await cs.post(r.url, r.form)).statusCode, 403, r.url);
  const ca = await signInBrowser(rt, app, admin19);
  for (const url of ['/console/keys']) assert.equal((await ca.get(url)).statusCode, 403, url);
  assert.equal((await ca.post('/console/keys', { name: 'k', scope: 'state' })).statusCode, 403);
  assert.equal((await ca.post(`/console/keys/${keyId}/revoke`, {})).statusCode, 403);
  assert.equal((await ca.post('/console/elections', { id: 'L2027', name: 'Local', date: '2027-06-01', kind: 'local' })).statusCode, 403);
  const { rows } = await rt.db.pool.query('SELECT count(*)::int AS n FROM elections');
  assert.equal(rows[0].n, 1);
  const home = await cs.get('/console');
  assert.doesNotMatch(home.body, /href="\/console\/(keys|audit|staff|elections)"/, 'the navigation offers only permitted pages');
  assert.match(home.body, /href="\/console\/voters"/);
});

test('a county admin cannot read or change another county\u2019s voters, elections participation or staff: 404, and nothing changes', async () => {
  const { rt, app } = await consoleWorld();
  await setting(rt);
  const admin19 = await account(rt, 'lee@county.example.gov', 'county_admin', ['19']);
  const staff34 = await account(rt, 'sac@county.example.gov', 'county_staff', ['34']);
  const b = await signInBrowser(rt, app, admin19);
  const before = await snapshot(rt);
  for (const url of ['/console/voters/CA106', '/console/voters/CA199', '/console/elections/G2026/counties/34', `/console/staff/${staff34.id}`, '/console/audit?county=34']) {
    const res = await b.get(url);
    assert.equal(res.statusCode, 404, url);
    assert.doesNotMatch(res.body, /Cruz|95814|02-02-1990/, url);
  }
  const changes: Array<{ url: string; form: Record<string, string> }> = [
    { url: '/console/voters/CA106/preferences', form: { voiceAddress: '916-555-0100' } },
    { url: '/console/voters/CA106/opt-out', form: { channel: 'all' } },
    { url: '/console/voters/CA106/resend', form: { channel: 'email' } },
    { url: '/console/elections/G2026/counties/34/opt-out', form: {} },
    { url: '/console/elections/G2026/counties/34/options', form: { imbUse: 'both' } },
    { url: `/console/staff/${staff34.id}/disable`, form: {} },
    { url: `/console/staff/${staff34.id}/reset`, form: {} },
    { url: `/console/staff/${staff34.id}`, form: { name: 'Taken', role: 'county_staff', counties: '19' } },
  ];
  for (const r of changes) {
    const res = await b.post(r.url, r.form);
    assert.equal(res.statusCode, 404, r.url);
  }
  // Search and the sign-up check see only county 19.
  const search = await b.post('/console/voters', { last: 'Cruz', zip: '95814' });
  assert.match(search.body, /0 voters in your counties/);
  assert.equal((await b.get('/console/voters?voterId=CA106')).statusCode, 400);
  const check = await b.post('/console/voters/sign-up-check', { firstName: 'Ana', lastName: 'Cruz', dob: '02-02-1990', zip: '95814' });
  assert.match(check.body, /No record in your counties/);
  assert.doesNotMatch(check.body, /CA106/);
  const confidential = await b.post('/console/voters/sign-up-check', { firstName: 'X', lastName: 'Y', dob: '01-01-1980', zip: '95814', voterId: 'CA199' });
  assert.doesNotMatch(confidential.body, /Confidential/, 'another county\u2019s confidential voter is not confirmed either');
  // Only county 19's staff are listed.
  const list = await b.get('/console/staff');
  assert.doesNotMatch(list.body, /sac@county/);
  assert.deepEqual(await snapshot(rt), before);
});

async function snapshot(rt: Rt) {
  const q = async (sql: string) => (await rt.db.pool.query(sql)).rows;
  return {
    channels: await q('SELECT subscription_id, channel, address, consent FROM subscription_channels ORDER BY 1, 2'),
    subs: await q('SELECT id, state FROM subscriptions ORDER BY id'),
    participation: await q('SELECT election_id, county_code, participating, imb_use FROM county_participation ORDER BY 1, 2'),
    staff: await q('SELECT id, name, role, county_codes, disabled_at, password_hash IS NULL AS reset FROM staff_users ORDER BY id'),
    jobs: await q("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'service-message'"),
  };
}
