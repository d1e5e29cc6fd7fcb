import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testRuntime } from '../testing/db.ts';
import type { Runtime } from '../runtime.ts';
import { loadVoters, serviceMessageJobs, voterApp, type TestVoter } from './testing.ts';
import { optOutByAddress } from './consent.service.ts';

/** A small registry with every case of DESIGN §2.1. */
const VOTERS: TestVoter[] = [
  { id: 'CA1', county: '38', first: 'María', last: "O'Brien-Núñez", dob: '1980-01-23', zip: '94110', language: 'es' },
  { id: 'CA2', county: '19', first: 'John', last: 'Smith', dob: '1970-05-05', zip: '90012' },
  { id: 'CA3', county: '19', first: 'John', last: 'Smith', dob: '1970-05-05', zip: '90012' }, // twin of CA2
  { id: 'CA4', county: '19', first: 'Ann', last: 'Lee', dob: '1960-01-01', zip: '90012', status: 'INACTIVE' },
  { id: 'CA5', county: '19', first: 'Bo', last: 'Lee', dob: '1961-01-01', zip: '90012', status: 'CANCELLED' },
  { id: 'CA6', county: '19', first: 'Cy', last: 'Lee', dob: '1962-01-01', zip: '90012', status: 'PENDING' },
  { id: 'CA7', county: '19', first: '', last: '', confidential: true },
  { id: 'CA8', county: '34', first: 'Ana', last: 'Cruz', dob: '1990-02-02', zip: '95814' },
  { id: 'CA9', county: '34', first: 'Ben', last: 'Cruz', dob: '1991-03-03', zip: '95814' },
];

const maria = { firstName: 'maria', lastName: "O’Brien Nunez", dob: '01-23-1980', zip: '94110' };

async function setup(options: { env?: Record<string, string>; profile?: 'ca' | 'co' } = {}): Promise<{ rt: Runtime & { clock: { advance(ms: number): void } }; app: FastifyInstance }> {
  const rt = await testRuntime(options);
  await loadVoters(rt, VOTERS);
  return { rt, app: await voterApp(rt) };
}

const post = (app: FastifyInstance, url: string, payload: object, headers: Record<string, string> = {}, remoteAddress = '10.0.0.1') =>
  app.inject({ method: 'POST', url, payload, headers, remoteAddress });

test('sign-up: matched voter gets a subscription, a session, masked contacts and one confirmation per sms/email channel', async () => {
  const { rt, app } = await setup();
  const r = await post(app, '/api/v1/signup', { ...maria, channels: { email: ' Maria@Example.COM ', sms: '(415) 555-0123', voice: '415.555.0123' }, hours: { start: '08:00', end: '17:00' } });
  assert.equal(r.statusCode, 201, r.body);
  const body = r.json();
  assert.equal(body.outcome, 'signed_up');
  assert.match(body.token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(body.account.voter.countyCode, '38');
  assert.equal(body.account.subscription.language, 'es', 'the registry language when none was chosen');
  assert.equal(body.account.subscription.timeZone, 'America/Los_Angeles');
  assert.deepEqual(body.account.subscription.hours, { start: '08:00', end: '17:00' });
  assert.deepEqual(body.account.subscription.channels.map((c: { channel: string; address: string; consent: string; needsYes: boolean }) => [c.channel, c.address, c.consent, c.needsYes]), [
    ['email', 'm•••@example.com', 'active', false], ['sms', '+1 •••-•••-0123', 'active', false], ['voice', '+1 •••-•••-0123', 'active', false]]);
  const stored = (await rt.db.pool.query("SELECT channel, address FROM subscription_channels ORDER BY channel")).rows;
  assert.deepEqual(stored.map((c) => c.address), ['maria@example.com', '+14155550123', '+14155550123']);
  const jobs = await serviceMessageJobs(rt);
  const subId = String(body.account.subscription.id);
  assert.deepEqual(jobs.map((j) => [j.subscriptionId, j.kind, j.channel]).sort(), [[subId, 'confirmation', 'email'], [subId, 'confirmation', 'sms']]);
  const events = (await rt.db.pool.query('SELECT channel, from_state, to_state, source, actor FROM consent_events ORDER BY id')).rows;
  assert.deepEqual(events.map((e) => [e.channel, e.from_state, e.to_state, e.source, e.actor]), [
    [null, null, 'active', 'api', 'voter'], ['sms', null, 'active', 'api', 'voter'], ['email', null, 'active', 'api', 'voter'], ['voice', null, 'active', 'api', 'voter']]);

  const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${body.token}` } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().voter.firstName, 'María');
});

test('sign-up again with a live subscription changes nothing and answers already_subscribed with a session', async () => {
  const { rt, app } = await setup();
  assert.equal((await post(app, '/api/v1/signup', { ...maria, channels: { email: 'maria@example.com' } })).statusCode, 201);
  const again = await post(app, '/api/v1/signup', { ...maria, channels: { sms: '4155550199' }, language: 'en' });
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().outcome, 'already_subscribed');
  assert.ok(again.json().token);
  assert.deepEqual(again.json().account.subscription.channels.map((c: { channel: string }) => c.channel), ['email']);
  assert.equal((await serviceMessageJobs(rt)).length, 1, 'no new confirmation');
});

test('identity outcomes: each with a stable code, the right status and a message', async () => {
  const { app } = await setup();
  const channels = { email: 'x@example.com' };
  const cases: Array<[object, number, string]> = [
    [{ ...maria, dob: '01-24-1980' }, 422, 'no_match'],
    [{ firstName: 'Jim', lastName: 'Smith', dob: '05-05-1970', zip: '90012' }, 422, 'no_match'], // no aliases
    [{ firstName: 'John', lastName: 'Smith', dob: '05-05-1970', zip: '90012' }, 422, 'voter_id_needed'],
    [{ firstName: 'John', lastName: 'Smith', dob: '05-05-1970', zip: '90012', voterId: 'CA9' }, 422, 'voter_id_mismatch'],
    [{ firstName: 'Ann', lastName: 'Lee', dob: '01-01-1960', zip: '90012' }, 422, 'inactive'],
    [{ firstName: 'Bo', lastName: 'Lee', dob: '01-01-1961', zip: '90012' }, 422, 'cancelled'],
    [{ firstName: 'Cy', lastName: 'Lee', dob: '01-01-1962', zip: '90012' }, 422, 'pending'],
  ];
  for (const [identity, status, code] of cases) {
    const r = await post(app, '/api/v1/signup', { ...identity, channels });
    assert.equal(r.statusCode, status, `${code}: ${r.body}`);
    assert.equal(r.json().error.code, code);
    assert.ok(r.json().error.message.length > 20);
  }
  const twin = await post(app, '/api/v1/signup', { firstName: 'John', lastName: 'Smith', dob: '05-05-1970', zip: '90012-1234', voterId: 'ca 3', channels });
  assert.equal(twin.statusCode, 201, twin.body);
  const noMatch = await post(app, '/api/v1/signup', { ...maria, dob: '01-25-1980', channels });
  assert.match(noMatch.json().error.message, /voterstatus\.sos\.ca\.gov/);
  const needed = await post(app, '/api/v1/session', { firstName: 'John', lastName: 'Smith', dob: '05-05-1970', zip: '90012' });
  assert.match(needed.json().error.message, /\(916\) 654-1141/);
});

test('field errors: all at once, translated, the FAQ wording for a DOB before 1900', async () => {
  const { app } = await setup();
  const r = await post(app, '/api/v1/signup', { firstName: '', lastName: 'Sm1th', dob: '12-31-1899', zip: 'SW1A 1AA', channels: { email: 'not-an-email', sms: '555-0123' }, hours: { start: '8am', end: '20:00' }, timeZone: 'Mars/Olympus' });
  assert.equal(r.statusCode, 400);
  const { error } = r.json();
  assert.equal(error.code, 'invalid');
  const byField = Object.fromEntries(error.details.fields.map((f: { field: string; code: string; message: string }) => [f.field, f]));
  assert.deepEqual(Object.keys(byField).sort(), ['channels.email', 'channels.sms', 'dob', 'firstName', 'hours.start', 'lastName', 'timeZone', 'zip']);
  assert.equal(byField.dob.code, 'dob_before_1900');
  assert.equal(byField.dob.message, 'Date of Birth (DOB) cannot be before 01-01-1900.');
  assert.equal(byField.zip.code, 'zip_overseas');
  assert.match(byField.zip.message, /California residential address/);
  assert.equal(byField.firstName.message, 'Enter your first name.');

  const es = await post(app, '/api/v1/signup', { ...maria, dob: '1/23/80', channels: {} }, { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' });
  const fields = es.json().error.details.fields;
  assert.deepEqual(fields.map((f: { code: string }) => f.code), ['dob_two_digit_year', 'channel_required']);
  assert.match(fields[0].message, /cuatro dígitos/);
  assert.equal(es.json().error.message, 'Corrija los campos indicados a continuación.');
  const vi = await post(app, '/api/v1/signup', { ...maria, dob: '01-24-1980', channels: { email: 'a@b.co' }, language: 'vi' });
  assert.match(vi.json().error.message, /không khớp/);
});

test('a confidential voter can never sign up and looks like no match, even with their voter ID', async () => {
  const { rt, app } = await setup();
  // The registry keeps no name or DOB for them; whatever is typed, it is no_match.
  const r = await post(app, '/api/v1/signup', { firstName: 'Secret', lastName: 'Person', dob: '01-01-1970', zip: '90012', voterId: 'CA7', channels: { email: 's@example.com' } });
  assert.equal(r.json().error.code, 'no_match');
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM subscriptions WHERE voter_id = 'CA7'")).rows[0].n, 0);
});

test('log-in, preferences, opt-out, log-out', async () => {
  const { rt, app } = await setup();
  const notYet = await post(app, '/api/v1/session', maria);
  assert.equal(notYet.statusCode, 404);
  assert.equal(notYet.json().error.code, 'not_subscribed');
  await post(app, '/api/v1/signup', { ...maria, channels: { email: 'maria@example.com', sms: '4155550123' } });
  const login = await post(app, '/api/v1/session', maria);
  assert.equal(login.statusCode, 200, login.body);
  const auth = { authorization: `Bearer ${login.json().token}` };
  const jobsBefore = (await serviceMessageJobs(rt)).length;

  const patch = await app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: auth, payload: { language: 'vi', hours: { start: '09:00', end: '17:30' }, channels: { email: 'new@example.com', sms: null, voice: '+44 20 7946 0958' } } });
  assert.equal(patch.statusCode, 200, patch.body);
  const sub = patch.json().account.subscription;
  assert.equal(sub.language, 'vi');
  assert.deepEqual(sub.hours, { start: '09:00', end: '17:30' });
  assert.deepEqual(sub.channels.map((c: { channel: string; consent: string; address: string }) => [c.channel, c.consent, c.address]), [
    ['email', 'active', 'n•••@example.com'], ['sms', 'opted_out', '+1 •••-•••-0123'], ['voice', 'active', '+44 ••••••0958']]);
  const newJobs = (await serviceMessageJobs(rt)).slice(jobsBefore);
  assert.deepEqual(newJobs.map((j) => j.channel), ['email'], 'a confirmation for the changed email only (none for voice, none for an opt-out)');
  const ev = (await rt.db.pool.query("SELECT channel, from_state, to_state, details FROM consent_events WHERE channel IN ('email', 'sms') ORDER BY id DESC LIMIT 2")).rows;
  assert.deepEqual(ev.map((e) => [e.channel, e.from_state, e.to_state]).sort(), [['email', 'active', 'active'], ['sms', 'active', 'opted_out']]);
  assert.equal(ev.find((e) => e.channel === 'email').details.previousAddress, 'maria@example.com');

  const bad = await app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: auth, payload: { hours: { start: '22:00', end: '07:00' } } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.details.fields[0].code, 'hours_exclude_calls', 'voice is on and calls happen only 08:00–21:00');

  const out = await app.inject({ method: 'POST', url: '/api/v1/me/opt-out', headers: auth, payload: { channel: 'voice' } });
  assert.equal(out.json().subscription.channels.find((c: { channel: string }) => c.channel === 'voice').consent, 'opted_out');
  const all = await app.inject({ method: 'POST', url: '/api/v1/me/opt-out', headers: auth, payload: { channel: 'all' } });
  assert.equal(all.json().subscription, null);
  const ended = (await rt.db.pool.query("SELECT state, ended_reason FROM subscriptions WHERE voter_id = 'CA1'")).rows[0];
  assert.deepEqual(ended, { state: 'ended', ended_reason: 'opted_out' });

  const ballots = await app.inject({ method: 'GET', url: '/api/v1/me/ballots', headers: auth });
  assert.deepEqual(ballots.json(), { elections: [] });
  assert.equal((await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: auth })).statusCode, 204);
  const after = await app.inject({ method: 'GET', url: '/api/v1/me', headers: auth });
  assert.equal(after.statusCode, 401);
  assert.equal(after.json().error.code, 'session_required');
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer nonsense' } })).statusCode, 401);
});

test('sessions expire after the idle timeout, and use extends them', async () => {
  const { rt, app } = await setup({ env: { BALLOTLINE_VOTER_SESSION_IDLE_MINUTES: '30' } });
  const token = (await post(app, '/api/v1/signup', { ...maria, channels: { email: 'maria@example.com' } })).json().token;
  const get = () => app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  rt.clock.advance(20 * 60_000);
  assert.equal((await get()).statusCode, 200); // extends to +30 min from here
  rt.clock.advance(25 * 60_000);
  assert.equal((await get()).statusCode, 200);
  rt.clock.advance(31 * 60_000);
  assert.equal((await get()).statusCode, 401);
});

test('my ballots lists the voter ballots per election with their status', async () => {
  const { rt, app } = await setup();
  const token = (await post(app, '/api/v1/signup', { ...maria, channels: { email: 'maria@example.com' } })).json().token;
  await rt.db.pool.query("INSERT INTO elections (id, name, election_date, kind) VALUES ('G2026', 'General Election 2026', '2026-11-03', 'statewide')");
  await rt.db.pool.query(`INSERT INTO ballots (election_id, ballot_id, voter_id, county_code, issued_date, sent_date, status_code, status_date, cure_deadline)
    VALUES ('G2026', 'B1', 'CA1', '38', '2026-10-05', '2026-10-06', 'NVS', '2026-10-20T17:00:00Z', '2026-11-30'),
           ('G2026', 'B2', 'CA2', '19', '2026-10-05', '2026-10-06', 'ISSUED', '2026-10-05T17:00:00Z', NULL)`);
  const r = await app.inject({ method: 'GET', url: '/api/v1/me/ballots', headers: { authorization: `Bearer ${token}` } });
  assert.deepEqual(r.json(), { elections: [{ electionId: 'G2026', electionName: 'General Election 2026', electionDate: '2026-11-03', ballots: [
    { ballotId: 'B1', statusCode: 'NVS', statusDate: '2026-10-20T17:00:00.000Z', issuedDate: '2026-10-05', sentDate: '2026-10-06', cureDeadline: '2026-11-30' }] }] });
});

test('throttling per (last name, ZIP): a DOB cannot be brute-forced, and the answer says when to try again', async () => {
  const { rt, app } = await setup({ env: { BALLOTLINE_SIGNUP_MAX_FAILURES_PER_NAME_ZIP: '5', BALLOTLINE_SIGNUP_MAX_FAILURES_PER_CLIENT: '1000' } });
  // Guesses from five different machines: the name/ZIP limit holds across clients.
  for (let day = 1; day <= 5; day++) {
    const r = await post(app, '/api/v1/session', { ...maria, dob: `02-0${day}-1980` }, {}, `10.0.1.${day}`);
    assert.equal(r.json().error.code, 'no_match');
  }
  const sixth = await post(app, '/api/v1/session', maria, { 'accept-language': 'en' }, '10.0.1.9');
  assert.equal(sixth.statusCode, 429);
  assert.equal(sixth.json().error.code, 'throttled');
  assert.equal(sixth.headers['retry-after'], String(15 * 60));
  assert.equal(sixth.json().error.details.retryAfter, '2026-10-01T16:15:00.000Z');
  assert.match(sixth.json().error.message, /try again after 9:15\sAM/);
  // Other voters are not affected.
  assert.equal((await post(app, '/api/v1/session', { firstName: 'Ana', lastName: 'Cruz', dob: '02-02-1990', zip: '95814' }, {}, '10.0.1.9')).json().error.code, 'not_subscribed');
  rt.clock.advance(15 * 60_000);
  assert.equal((await post(app, '/api/v1/session', maria, {}, '10.0.1.9')).json().error.code, 'not_subscribed', 'the window closed');
});

test('parallel guesses at one voter get no more tries than sequential ones', async () => {
  const { app } = await setup({ env: { BALLOTLINE_SIGNUP_MAX_FAILURES_PER_NAME_ZIP: '5', BALLOTLINE_SIGNUP_MAX_FAILURES_PER_CLIENT: '1000' } });
  const guesses = Array.from({ length: 40 }, (_, i) => post(app, '/api/v1/session', { ...maria, dob: `03-${String(i % 28 + 1).padStart(2, '0')}-1981` }, {}, `10.0.2.${i}`));
  const codes = (await Promise.all(guesses)).map((r) => r.json().error.code);
  assert.equal(codes.filter((c) => c === 'no_match').length, 5);
  assert.equal(codes.filter((c) => c === 'throttled').length, 35);
});

test('throttling per client, and honest voters who succeed are not penalised', async () => {
  const { app } = await setup({ env: { BALLOTLINE_SIGNUP_MAX_FAILURES_PER_CLIENT: '4', BALLOTLINE_SIGNUP_MAX_FAILURES_PER_NAME_ZIP: '3' } });
  const ip = '10.0.3.1';
  // A voter mistypes their birthday twice, then gets it right: those two failures are forgiven.
  assert.equal((await post(app, '/api/v1/signup', { ...maria, dob: '01-32-1980', channels: { email: 'm@example.com' } }, {}, ip)).json().error.code, 'invalid'); // not counted
  assert.equal((await post(app, '/api/v1/signup', { ...maria, dob: '01-22-1980', channels: { email: 'm@example.com' } }, {}, ip)).json().error.code, 'no_match');
  assert.equal((await post(app, '/api/v1/signup', { ...maria, dob: '10-23-1980', channels: { email: 'm@example.com' } }, {}, ip)).json().error.code, 'no_match');
  assert.equal((await post(app, '/api/v1/signup', { ...maria, channels: { email: 'm@example.com' } }, {}, ip)).statusCode, 201);
  // The same household computer can still make the client's full allowance of mistakes...
  for (const i of ['A', 'B', 'C', 'D']) {
    assert.equal((await post(app, '/api/v1/session', { firstName: 'Nobody', lastName: `Person${i}`, dob: '01-01-1970', zip: '90001' }, {}, ip)).json().error.code, 'no_match', `failure ${i}`);
  }
  // ...and then it is throttled, on any name.
  assert.equal((await post(app, '/api/v1/session', { firstName: 'Ana', lastName: 'Cruz', dob: '02-02-1990', zip: '95814' }, {}, ip)).json().error.code, 'throttled');
  // Another client is not.
  assert.equal((await post(app, '/api/v1/session', { firstName: 'Ana', lastName: 'Cruz', dob: '02-02-1990', zip: '95814' }, {}, '10.0.3.2')).json().error.code, 'not_subscribed');
});

test('two simultaneous sign-ups of one voter make one subscription', async () => {
  const { rt, app } = await setup();
  // Four at once, within the per-(name, ZIP) budget: every attempt reserves a slot of it before it
  // matches (so parallel guesses cannot outrun the limit) and a success gives it back, so more
  // simultaneous attempts than the budget may see 'throttled' — by design.
  const results = await Promise.all(Array.from({ length: 4 }, (_, i) => post(app, '/api/v1/signup', { ...maria, channels: { email: `m${i}@example.com` } }, {}, `10.0.4.${i}`)));
  const statuses = results.map((r) => r.statusCode).sort();
  assert.deepEqual(statuses, [200, 200, 200, 201], results.map((r) => r.body).join('\n'));
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM subscriptions WHERE voter_id = 'CA1'")).rows[0].n, 1);
  assert.equal((await rt.db.pool.query('SELECT count(*)::int AS n FROM subscription_channels')).rows[0].n, 1);
  assert.equal((await serviceMessageJobs(rt)).length, 1);
});

test('a household shares one email: two subscriptions, and an unsubscribe by address stops both', async () => {
  const { rt, app } = await setup();
  const a = await post(app, '/api/v1/signup', { firstName: 'Ana', lastName: 'Cruz', dob: '02-02-1990', zip: '95814', channels: { email: 'cruz.family@example.com', sms: '9165550100' } });
  const b = await post(app, '/api/v1/signup', { firstName: 'Ben', lastName: 'Cruz', dob: '03-03-1991', zip: '95814', channels: { email: 'Cruz.Family@example.com' } });
  assert.equal(a.statusCode, 201);
  assert.equal(b.statusCode, 201);
  const channels = (await rt.db.pool.query("SELECT s.voter_id, sc.address, sc.consent FROM subscription_channels sc JOIN subscriptions s ON s.id = sc.subscription_id WHERE sc.channel = 'email' ORDER BY 1")).rows;
  assert.deepEqual(channels, [{ voter_id: 'CA8', address: 'cruz.family@example.com', consent: 'active' }, { voter_id: 'CA9', address: 'cruz.family@example.com', consent: 'active' }]);
  const changes = await rt.db.tx((tx) => optOutByAddress(tx, 'CRUZ.family@example.com', 'email', 'email_unsubscribe', null, rt.clock.now()));
  assert.deepEqual(changes.map((c) => [c.voterId, c.channel, c.from, c.to]), [['CA8', 'email', 'active', 'opted_out'], ['CA9', 'email', 'active', 'opted_out']]);
  const sms = (await rt.db.pool.query("SELECT consent FROM subscription_channels WHERE channel = 'sms'")).rows[0];
  assert.equal(sms.consent, 'active', "the household's unsubscribe does not touch Ana's texts");
});

test('an address on the do-not-contact list is kept but opted out, and the voter is told', async () => {
  const { rt, app } = await setup();
  await rt.db.pool.query("INSERT INTO do_not_contact (address, kind, reason, source) VALUES ('+14155550123', 'phone', 'stop', 'sms')");
  const r = await post(app, '/api/v1/signup', { ...maria, channels: { sms: '415-555-0123', email: 'maria@example.com' } }, { 'accept-language': 'en' });
  assert.equal(r.statusCode, 201);
  const body = r.json();
  assert.deepEqual(body.account.subscription.channels.map((c: { channel: string; consent: string }) => [c.channel, c.consent]), [['email', 'active'], ['sms', 'opted_out']]);
  assert.deepEqual(body.notices.map((n: { channel: string; code: string }) => [n.channel, n.code]), [['sms', 'do_not_contact']]);
  assert.match(body.notices[0].message, /reply START/);
  assert.deepEqual((await serviceMessageJobs(rt)).map((j) => j.channel), ['email']);
});

test('Colorado: texts wait for a YES reply (needs_yes); overseas numbers are accepted', async () => {
  const rt = await testRuntime({ profile: 'co' });
  await loadVoters(rt, [{ id: 'CO1', county: '16', first: 'Lena', last: 'Berg', dob: '1985-06-07', zip: '80202' }]);
  const app = await voterApp(rt);
  const r = await post(app, '/api/v1/signup', { firstName: 'Lena', lastName: 'Berg', dob: '06-07-1985', zip: '80202', channels: { sms: '+49 151 23456789' } });
  assert.equal(r.statusCode, 201, r.body);
  const ch = r.json().account.subscription.channels[0];
  assert.deepEqual([ch.channel, ch.consent, ch.needsYes, ch.yesConfirmed], ['sms', 'active', true, false]);
  assert.equal(r.json().account.subscription.timeZone, 'America/Denver');
  assert.equal((await rt.db.pool.query('SELECT address FROM subscription_channels')).rows[0].address, '+4915123456789');
  assert.deepEqual((await serviceMessageJobs(rt)).map((j) => [j.kind, j.channel]), [['confirmation', 'sms']]);
});

test('the voter API is described in OpenAPI at /docs under the voter tag', async () => {
  const { app } = await setup();
  const spec = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
  for (const path of ['/api/v1/signup', '/api/v1/session', '/api/v1/me', '/api/v1/me/preferences', '/api/v1/me/opt-out', '/api/v1/me/ballots']) {
    assert.ok(spec.paths[path], path);
  }
  assert.deepEqual(spec.paths['/api/v1/signup'].post.tags, ['voter']);
  assert.deepEqual(spec.paths['/api/v1/me'].get.security, [{ bearer: [] }]);
});
