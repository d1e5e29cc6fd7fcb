/**
 * What the pages of staff accounts, API keys, elections, voter assistance and the audit log do,
 * through HTTP as a browser would use them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElection } from '../../elections/elections.service.ts';
import { stateActor } from '../../elections/actor.ts';
import { signUp } from '../../subscriptions/subscriptions.service.ts';
import { serviceMessageJobs } from '../../subscriptions/testing.ts';
import { loadVoters, seedElection, tellBallotStory, VOTERS } from '../../web/portal/test-fixtures.ts';
import { handleServiceMessage } from '../../notifications/service-messages.service.ts';
import { verifyApiKey } from '../../auth/api-keys.ts';
import { account, consoleWorld, signInBrowser } from './test-fixtures.ts';

const unescape = (s: string): string => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

test('staff accounts: a county admin creates county staff of its county (token shown once), not admins; edits, disables, resets, unlocks', async () => {
  const { rt, app } = await consoleWorld();
  const admin = await account(rt, 'lee@county.example.gov', 'county_admin', ['19']);
  const b = await signInBrowser(rt, app, admin);
  const form = await b.get('/console/staff/new');
  assert.doesNotMatch(form.body, /value="state_admin"/, 'only roles the admin may give are offered');
  const tooHigh = await b.post('/console/staff/new', { email: 'boss@county.example.gov', name: 'Boss', role: 'county_admin', counties: '19' });
  assert.equal(tooHigh.statusCode, 400);
  assert.match(tooHigh.body, /A county admin manages only county staff/);
  const otherCounty = await b.post('/console/staff/new', { email: 'x@county.example.gov', name: 'X', role: 'county_staff', counties: '34' });
  assert.match(otherCounty.body, /only staff of its own counties/);
  const created = await b.post('/console/staff/new', { email: 'kim@county.example.gov', name: 'Kim Ng', role: 'county_staff', counties: '19' });
  assert.equal(created.statusCode, 200);
  const token = /id="setup-token">([^<]+)</.exec(created.body)![1]!;
  assert.ok(token.length > 20);
  const { rows: [kim] } = await rt.db.pool.query<{ id: number }>("SELECT id FROM staff_users WHERE email = 'kim@county.example.gov'");
  const detail = await b.get(`/console/staff/${kim!.id}`);
  assert.doesNotMatch(detail.body, new RegExp(token), 'the token is never shown again');
  assert.match(detail.body, /Waiting for set-up/);
  const renamed = await b.post(`/console/staff/${kim!.id}`, { name: 'Kim Ng-Park', role: 'county_staff', counties: '19' });
  assert.equal(renamed.statusCode, 303);
  assert.equal((await b.post(`/console/staff/${kim!.id}/disable`, {})).statusCode, 303);
  assert.match((await b.get(`/console/staff/${kim!.id}`)).body, /Disabled/);
  assert.equal((await b.post(`/console/staff/${kim!.id}/enable`, {})).statusCode, 303);
  const reset = await b.post(`/console/staff/${kim!.id}/reset`, {});
  assert.match(reset.body, /id="setup-token">/);
  assert.equal((await b.post(`/console/staff/${kim!.id}/unlock`, {})).statusCode, 303);
  const own = await b.post(`/console/staff/${admin.id}/disable`, {});
  assert.equal(own.statusCode, 403, 'nobody disables their own account');
  const list = await b.get('/console/staff?role=county_staff&county=19');
  assert.match(list.body, /Kim Ng-Park/);
  assert.doesNotMatch(list.body, /lee@county/);
  const { rows } = await rt.db.pool.query<{ action: string; actor_label: string }>("SELECT action, actor_label FROM audit_log WHERE action LIKE 'staff.%' ORDER BY id");
  assert.deepEqual(rows.filter((r) => r.actor_label === admin.email && r.action !== 'staff.setup_completed').map((r) => r.action),
    ['staff.created', 'staff.updated', 'staff.disabled', 'staff.enabled', 'staff.reset', 'staff.unlocked']);
});

test('API keys: a state admin creates a county key (secret shown once, it works), revokes it; both audited', async () => {
  const { rt, app } = await consoleWorld();
  const admin = await account(rt, 'root@sos.example.gov', 'state_admin');
  const b = await signInBrowser(rt, app, admin);
  await b.get('/console/keys');
  const missing = await b.post('/console/keys', { name: 'Vendor', scope: 'county' });
  assert.match(missing.body, /Choose at least one county/);
  const created = await b.post('/console/keys', { name: 'Print vendor', scope: 'county', counties: ['19', '34'] });
  const token = /id="api-key">([^<]+)</.exec(created.body)![1]!;
  const key = await verifyApiKey(rt.db.pool, token);
  assert.deepEqual(key?.countyCodes, ['19', '34']);
  const list = await b.get('/console/keys');
  assert.doesNotMatch(list.body, new RegExp(token.split('.')[1]!), 'the secret is not listed');
  assert.equal((await b.post(`/console/keys/${key!.id}/revoke`, {})).statusCode, 303);
  assert.equal(await verifyApiKey(rt.db.pool, token), null);
  assert.equal((await b.post(`/console/keys/${key!.id}/revoke`, {})).statusCode, 404, 'a revoked key cannot be revoked again');
  const { rows } = await rt.db.pool.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'key.%' ORDER BY id");
  assert.deepEqual(rows.map((r) => r.action), ['key.created', 'key.revoked']);
});

test('elections: a state admin creates a local election; a county admin opts in before the 90 days only; the state overrides with a reason; options and statewide opt-out', async () => {
  const { rt, app } = await consoleWorld();
  const state = await account(rt, 'root@sos.example.gov', 'state_admin');
  const county = await account(rt, 'lee@county.example.gov', 'county_admin', ['19']);
  const s = await signInBrowser(rt, app, state);
  await s.get('/console/elections');
  const bad = await s.post('/console/elections', { id: 'bad id', name: '', date: '2027-13-01', kind: 'x' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Enter the election code/);
  // Today is 2026-10-01: a local election on 2027-03-02 is 152 days away; one on 2026-12-01, 61.
  assert.equal((await s.post('/console/elections', { id: 'L2027', name: 'Water district', date: '2027-03-02', kind: 'local' })).statusCode, 303);
  assert.equal((await s.post('/console/elections', { id: 'S2026', name: 'Special', date: '2026-12-01', kind: 'special' })).statusCode, 303);
  await createElection(rt, { id: 'G2026', name: 'General', date: '2026-11-03', kind: 'statewide' }, stateActor('test'));

  const c = await signInBrowser(rt, app, county);
  const page = await c.get('/console/elections/L2027/counties/19');
  assert.match(page.body, /Opt in/);
  assert.doesNotMatch(page.body, /Reason for a late opt-in/, 'only the state may override');
  assert.equal((await c.post('/console/elections/L2027/counties/19/opt-in', { imbUse: 'both', trackingStart: '2027-02-01' })).statusCode, 303);
  const late = await c.post('/console/elections/S2026/counties/19/opt-in', { imbUse: 'none', trackingStart: '', overrideReason: 'please' });
  assert.equal(late.statusCode, 400);
  assert.match(late.body, /at least 90 days before election day/);
  assert.match((await s.get('/console/elections/S2026/counties/19')).body, /Reason for a late opt-in/);
  assert.equal((await s.post('/console/elections/S2026/counties/19/opt-in', { imbUse: 'outbound', trackingStart: '', overrideReason: 'vacancy election' })).statusCode, 303);
  assert.equal((await c.post('/console/elections/G2026/counties/19/options', { imbUse: 'inbound', trackingStart: '2026-10-10' })).statusCode, 303);
  assert.equal((await c.post('/console/elections/G2026/counties/19/opt-out', {})).statusCode, 303);
  const { rows } = await rt.db.pool.query('SELECT election_id, participating, imb_use, tracking_start::text AS ts, late_override_reason, decided_by FROM county_participation WHERE county_code = $1 ORDER BY election_id', ['19']);
  assert.deepEqual(rows, [
    { election_id: 'G2026', participating: false, imb_use: 'inbound', ts: '2026-10-10', late_override_reason: null, decided_by: county.email },
    { election_id: 'L2027', participating: true, imb_use: 'both', ts: '2027-02-01', late_override_reason: null, decided_by: county.email },
    { election_id: 'S2026', participating: true, imb_use: 'outbound', ts: null, late_override_reason: 'vacancy election', decided_by: state.email },
  ]);
  const audited = await rt.db.pool.query<{ action: string; n: number }>("SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'election.%' GROUP BY action ORDER BY action");
  assert.deepEqual(audited.rows, [{ action: 'election.created', n: 2 }, { action: 'election.participation_changed', n: 4 }]);
});

test('voter assistance: the sign-up check explains each failure; the voter page shows everything and is audited; actions go through the consent log as county staff', async () => {
  const { rt, app } = await consoleWorld();
  await loadVoters(rt, [...VOTERS, { id: 'CA198', county: '19', first: '', last: '', confidential: true }]);
  const staff = await account(rt, 'kim@county.example.gov', 'county_staff', ['19']);
  const b = await signInBrowser(rt, app, staff);
  await b.get('/console/voters/sign-up-check');
  const check = (form: Record<string, string>) => b.post('/console/voters/sign-up-check', form);

  const format = await check({ firstName: 'John', lastName: 'Smith', dob: '13-40-1970', zip: '90012' });
  assert.match(format.body, /The sign-up page refuses what was typed/);
  const twins = await check({ firstName: 'John', lastName: 'Smith', dob: '05-05-1970', zip: '90012' });
  assert.match(twins.body, /Several active records share/);
  assert.match(twins.body, /CA101/);
  assert.match(twins.body, /CA102/);
  const picked = await check({ firstName: 'john', lastName: 'SMITH', dob: '05-05-1970', zip: '90012', voterId: 'ca-102' });
  assert.match(picked.body, /These details match one active record/);
  const inactive = await check({ firstName: 'Ann', lastName: 'Lee', dob: '01-01-1960', zip: '90012' });
  assert.match(inactive.body, /The record is inactive/);
  const pending = await check({ firstName: 'Cy', lastName: 'Lee', dob: '01-01-1962', zip: '90012' });
  assert.match(pending.body, /The record is pending/);
  const nickname = await check({ firstName: 'Johnny', lastName: 'Smith', dob: '05-05-1970', zip: '90012' });
  assert.match(nickname.body, /No record matches exactly/);
  assert.match(nickname.body, /<th scope="row">First name<\/th><td>Johnny<\/td><td>John<\/td><td><strong>Differs<\/strong>/);
  assert.match(nickname.body, /<th scope="row">ZIP code<\/th><td>90012<\/td><td>90012<\/td><td>Same/);
  const moved = await check({ firstName: 'Ann', lastName: 'Lee', dob: '01-01-1960', zip: '90013' });
  assert.match(moved.body, /<th scope="row">ZIP code<\/th><td>90013<\/td><td>90012<\/td><td><strong>Differs/);
  const confidential = await check({ firstName: 'Any', lastName: 'One', dob: '01-01-1980', zip: '90012', voterId: 'CA198' });
  assert.match(confidential.body, /Confidential — cannot use the service/);
  assert.match((await b.get('/console/voters/CA198')).body, /Confidential — cannot use the service/);

  // Sign the voter up, then help them: a voice channel for a blind voter, another language.
  await signUp(rt, { identity: { firstName: 'Ann', lastName: 'Lee', dob: '01-01-1960', zip: '90012' }, preferences: { channels: { email: 'x@example.com' } } }, { ip: '10.0.0.1' });
  await signUp(rt, { identity: { firstName: 'John', lastName: 'Smith', dob: '05-05-1970', zip: '90012', voterId: 'CA101' }, preferences: { channels: { email: 'john@example.com' } } }, { ip: '10.0.0.2' });
  const search = await b.post('/console/voters', { last: 'smith', dob: '05-05-1970' });
  assert.match(search.body, /2 voters in your counties/);
  assert.match(search.body, /CA101/);
  assert.match(search.body, /CA102/);
  assert.equal((await b.post('/console/voters', { first: 'John' })).statusCode, 400, 'a last name and one more field are needed');
  const found = await b.get('/console/voters?voterId=CA101');
  assert.equal(found.statusCode, 303);
  await seedElection(rt);
  await tellBallotStory(rt, { voterId: 'CA101', county: '19', ballotId: 'B101', issued: '2026-10-05', sent: '2026-10-06', statuses: [['INR', '2026-10-20T17:00:00Z']] });
  const [confirmation] = (await serviceMessageJobs(rt)).filter((j) => j.kind === 'confirmation');
  await handleServiceMessage(rt, { subscriptionId: String(confirmation!.subscriptionId), kind: 'confirmation', channel: 'email' });
  const page = await b.get('/console/voters/CA101');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /John Smith/);
  assert.match(page.body, /Election G2026, ballot B101/);
  assert.match(page.body, /<li>2026-10-20 +Your county received your ballot and is reviewing it\. \[INR\]<\/li>/);
  assert.match(page.body, /<td>confirmation \(service\)<\/td><td>Email<\/td><td>en<\/td>\s*<td>planned<\/td>/);
  assert.match(page.body, /Consent history/);
  assert.match(page.body, /Resend Email confirmation/);
  const bad = await b.post('/console/voters/CA101/preferences', { language: 'en', hoursStart: '08:00', hoursEnd: '20:00', voiceAddress: '12' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="voice-address"/);
  const added = await b.post('/console/voters/CA101/preferences', { language: 'es', hoursStart: '09:00', hoursEnd: '17:00', voiceAddress: '(213) 555-0142' });
  assert.equal(added.statusCode, 303);
  const events = await rt.db.pool.query("SELECT channel, to_state, source, actor FROM consent_events WHERE voter_id = 'CA101' AND channel = 'voice'");
  assert.deepEqual(events.rows, [{ channel: 'voice', to_state: 'active', source: 'county_staff', actor: String(staff.id) }]);
  assert.match((await b.get('/console/voters/CA101')).body, /<td>county_staff<\/td><td>kim@county\.example\.gov<\/td>/, 'the consent history names the staff member');
  const sub = await rt.db.pool.query("SELECT language, hours_start, hours_end FROM subscriptions WHERE voter_id = 'CA101' AND state <> 'ended'");
  assert.deepEqual(sub.rows, [{ language: 'es', hours_start: '09:00', hours_end: '17:00' }]);
  const jobsBefore = (await serviceMessageJobs(rt)).length;
  assert.equal((await b.post('/console/voters/CA101/resend', { channel: 'email' })).statusCode, 303);
  const jobs = await serviceMessageJobs(rt);
  assert.equal(jobs.length, jobsBefore + 1);
  assert.equal(jobs.at(-1)!.kind, 'confirmation');
  assert.equal((await b.post('/console/voters/CA101/opt-out', { channel: 'email' })).statusCode, 303);
  const emailOff = await rt.db.pool.query("SELECT c.consent FROM subscription_channels c JOIN subscriptions s ON s.id = c.subscription_id WHERE s.voter_id = 'CA101' AND c.channel = 'email'");
  assert.equal(emailOff.rows[0].consent, 'opted_out');
  assert.equal((await b.post('/console/voters/CA101/opt-out', { channel: 'all' })).statusCode, 303);
  assert.match((await b.get('/console/voters/CA101')).body, /The voter is not signed up/);
  const optOuts = await rt.db.pool.query("SELECT DISTINCT source FROM consent_events WHERE voter_id = 'CA101' AND to_state = 'opted_out'");
  assert.deepEqual(optOuts.rows, [{ source: 'county_staff' }]);

  const trail = await rt.db.pool.query<{ action: string; what: string }>(
    "SELECT action, details->>'what' AS what FROM audit_log WHERE voter_id = 'CA101' AND actor_id = $1 ORDER BY id", [staff.id]);
  assert.ok(trail.rows.some((r) => r.action === 'voter.viewed' && r.what === 'sign-up check'));
  assert.ok(trail.rows.some((r) => r.action === 'voter.viewed' && r.what.startsWith('record')));
  assert.deepEqual(trail.rows.filter((r) => r.action === 'voter.changed').map((r) => r.what), ['preferences', 'confirmation resent', 'opt-out email', 'opt-out all']);
});

test('audit log: filters, paging, a county admin sees only its counties, reading is recorded', async () => {
  const { rt, app } = await consoleWorld();
  await loadVoters(rt, VOTERS);
  const state = await account(rt, 'root@sos.example.gov', 'state_admin');
  const admin19 = await account(rt, 'lee@county.example.gov', 'county_admin', ['19']);
  const staff34 = await account(rt, 'sac@county.example.gov', 'county_staff', ['34']);
  const b34 = await signInBrowser(rt, app, staff34);
  for (let i = 0; i < 55; i++) await b34.get('/console/voters/CA106');
  const s = await signInBrowser(rt, app, state);
  const first = await s.get(`/console/audit?voter=CA106&action=voter.viewed&actor=${encodeURIComponent(staff34.email)}&from=2026-10-01&to=2026-10-01`);
  assert.equal(first.statusCode, 200);
  assert.equal((first.body.match(/<th scope="row">voter.viewed<\/th>/g) ?? []).length, 50);
  const older = /href="(\/console\/audit\?[^"]+before=\d+)"/.exec(first.body)![1]!;
  const second = await s.get(unescape(older));
  assert.equal((second.body.match(/<th scope="row">voter.viewed<\/th>/g) ?? []).length, 5);
  const nextDay = await s.get('/console/audit?voter=CA106&from=2026-10-02');
  assert.match(nextDay.body, /No entries/);
  const badDate = await s.get('/console/audit?from=10/01/2026');
  assert.equal(badDate.statusCode, 400);
  const a19 = await signInBrowser(rt, app, admin19);
  const scoped = await a19.get('/console/audit?voter=CA106');
  assert.match(scoped.body, /No entries/, 'entries of county 34 are not shown to a county 19 admin');
  const otherActor = await a19.get(`/console/audit?actor=${encodeURIComponent(staff34.email)}`);
  assert.equal(otherActor.statusCode, 400);
  assert.match(otherActor.body, /No staff account you can see has this email/);
  const viewed = await rt.db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'audit.viewed'");
  assert.equal(viewed.rows[0].n, 4, 'a refused filter reads nothing and records nothing');
});
