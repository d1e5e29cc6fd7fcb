/**
 * The voter pages over HTTP (app.inject): every sign-up and log-in outcome, the sign-up steps,
 * my ballot with a timeline, settings, opt-out, sessions, and the security rules (CSRF, cookies,
 * no personal data in URLs, rate limit). The journeys in a real browser are in
 * voter-pages.browser.test.ts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { testRuntime } from '../../testing/db.ts';
import { buildServer } from '../server.ts';
import { portalRoutes } from '../portal.routes.ts';
import { serviceMessageJobs } from '../../subscriptions/testing.ts';
import { ELECTION, VOTERS, identityOf, loadVoters, seedElection, tellBallotStory } from './test-fixtures.ts';
import { SIGNUP_COOKIE, openIdentity, sealIdentity } from './signup-identity.ts';
import { keepCookies } from '../../testing/cookies.ts';

const HTML = { accept: 'text/html,application/xhtml+xml' };
const rt = await testRuntime({ now: new Date('2026-10-20T18:00:00Z') });
await loadVoters(rt, VOTERS);
await seedElection(rt);
const app: FastifyInstance = await buildServer(rt, { logger: false, routes: [portalRoutes] });
const byId = (id: string) => VOTERS.find((v) => v.id === id)!;

let nextIp = 1;
/** A browser: its own cookie jar and address (so the rate limit and throttle of one test do not touch another). */
class Client {
  readonly cookies = new Map<string, string>();
  readonly ip = `10.1.${Math.floor(nextIp / 250)}.${nextIp++ % 250}`;
  last: LightMyRequestResponse | null = null;
  lang = 'en';

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).concat(`bl_lang=${this.lang}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    keepCookies(this.cookies, res);
    this.last = res;
    return res;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await app.inject({ method: 'GET', url, headers: { ...HTML, cookie: this.cookieHeader() }, remoteAddress: this.ip }));
  }

  /** Posts a form with the CSRF token of the last page. */
  async post(url: string, fields: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    const token = /name="_csrf" value="([^"]+)"/.exec(this.last?.body ?? '')?.[1] ?? '';
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries({ _csrf: token, ...fields })) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.keep(await app.inject({
      method: 'POST', url, payload: body.toString(), remoteAddress: this.ip,
      headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader() },
    }));
  }

  /** Follows a 303 (GET). */
  async follow(): Promise<LightMyRequestResponse> {
    assert.equal(this.last?.statusCode, 303, this.last?.body.slice(0, 500));
    return this.get(String(this.last!.headers.location));
  }
}

const PREFS = { language: 'en', 'hours-start': '08:00', 'hours-end': '20:00', 'time-zone': 'America/Los_Angeles' };
const h1 = (body: string): string => /<h1[^>]*>([^<]*)<\/h1>/.exec(body)?.[1] ?? '';
const text = (body: string): string => body.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

/** Signs a voter up through both steps; returns the client, logged in, on the done page. */
async function signUpVoter(id: string, prefs: Record<string, string | string[]> = { channels: ['email'], 'email-address': `${id.toLowerCase()}@example.com` }): Promise<Client> {
  const c = new Client();
  await c.get('/sign-up');
  const step1 = await c.post('/sign-up', identityOf(byId(id)));
  assert.equal(step1.statusCode, 303, text(step1.body).slice(0, 400));
  assert.equal(step1.headers.location, '/sign-up/preferences');
  await c.follow();
  const step2 = await c.post('/sign-up/preferences', { ...PREFS, ...prefs });
  assert.equal(step2.statusCode, 303, text(step2.body).slice(0, 600));
  assert.equal(step2.headers.location, '/sign-up/done');
  await c.follow();
  return c;
}

describe('sign-up', () => {
  test('happy path: identity → preferences → done, with the confirmations to expect; identity never in a URL', async () => {
    const c = new Client();
    const start = await c.get('/sign-up');
    assert.equal(start.statusCode, 200);
    assert.equal(start.headers['cache-control'], 'no-store');
    assert.match(start.body, /Step 1 of 3/);
    assert.match(start.body, /<label class="usa-label" for="dob">Date of birth<\/label>/);
    assert.match(start.body, /autocomplete="bday"/);

    const step1 = await c.post('/sign-up', { 'first-name': 'maria', 'last-name': 'O’Brien Nunez', dob: '01-23-1980', zip: '94110' });
    assert.equal(step1.statusCode, 303);
    assert.equal(step1.headers.location, '/sign-up/preferences');
    const sealed = c.cookies.get(SIGNUP_COOKIE)!;
    assert.ok(sealed, 'the identity travels in the sealed cookie');
    assert.doesNotMatch(decodeURIComponent(sealed), /maria|1980|94110/i, 'encrypted, not readable');
    const setCookie = String(step1.headers['set-cookie']);
    assert.match(setCookie, /bl_signup=[^;]+; Max-Age=1200; Path=\/sign-up; HttpOnly; SameSite=Lax/);

    const prefsPage = await c.follow();
    assert.equal(prefsPage.statusCode, 200);
    assert.match(text(prefsPage.body), /You are signing up maria O’Brien Nunez\./);
    assert.match(prefsPage.body, /Step 2 of 3/);
    assert.match(prefsPage.body, /<input class="usa-radio__input" id="language-en" type="radio" name="language" value="en" checked>/, 'the page language is the default');
    assert.match(prefsPage.body, /<option value="08:00" selected>8:00\sAM<\/option>/);
    assert.match(prefsPage.body, /<option value="America\/Los_Angeles" selected>Pacific Time \(Los Angeles\)<\/option>/);

    const step2 = await c.post('/sign-up/preferences', {
      ...PREFS, language: 'es', channels: ['sms', 'email'], 'sms-address': '(415) 555-0123', 'email-address': 'Maria@Example.com', 'hours-end': '17:00',
    });
    assert.equal(step2.statusCode, 303, text(step2.body).slice(0, 800));
    assert.equal(step2.headers.location, '/sign-up/done');
    assert.equal(c.cookies.has(SIGNUP_COOKIE), false, 'the sealed identity is cleared');
    assert.ok(c.cookies.get('ballotline_voter'), 'logged in');
    assert.match(String(step2.headers['set-cookie']), /ballotline_voter=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);

    const done = await c.follow();
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Step 3 of 3/);
    const words = text(done.body);
    assert.match(words, /You are signed up/);
    assert.match(words, /Ballot messages for María O'Brien-Núñez, San Francisco County\./);
    assert.match(words, /A confirmation email to m•••@example\.com\./);
    assert.match(words, /A confirmation text to \+1 •••-•••-0123\./);
    assert.match(done.body, /<a class="usa-button" href="\/my-ballot">See my ballot<\/a>/);
    assert.match(done.body, /<form class="bl-logout" method="post" action="\/log-out">/, 'the logged-in navigation');

    const sub = (await rt.db.pool.query("SELECT language, hours_start, hours_end, time_zone, source FROM subscriptions WHERE voter_id = 'CA100'")).rows[0];
    assert.deepEqual(sub, { language: 'es', hours_start: '08:00', hours_end: '17:00', time_zone: 'America/Los_Angeles', source: 'web' });
    const jobs = (await serviceMessageJobs(rt)).filter((j) => j.kind === 'confirmation');
    assert.ok(jobs.some((j) => j.channel === 'sms') && jobs.some((j) => j.channel === 'email'));
    for (const r of [step1, step2]) assert.doesNotMatch(String(r.headers.location), /maria|1980|94110|example/i);
  });

  test('twins → the voter ID page (where to get it); the right voter ID goes on, a wrong one is an error on its field', async () => {
    const c = new Client();
    await c.get('/sign-up');
    const twin = await c.post('/sign-up', identityOf(byId('CA101')));
    assert.equal(twin.statusCode, 422);
    assert.equal(h1(twin.body), 'Enter your voter ID');
    assert.match(twin.body, /<a href="tel:\+19166541141">\(916\) 654-1141<\/a>/, 'the voter-ID phone of the profile');
    assert.match(twin.body, /href="https:\/\/www\.sos\.ca\.gov\/elections\/voting-resources\/county-elections-offices">county elections office<\/a>/);
    assert.match(twin.body, /id="voter-id" name="voter-id"/);
    assert.match(twin.body, /value="John"/, 'what was typed is kept');

    const blank = await c.post('/sign-up', { ...identityOf(byId('CA101')), 'voter-id': '' });
    assert.match(blank.body, /<a href="#voter-id">Enter your voter ID\.<\/a>/);

    const wrong = await c.post('/sign-up', { ...identityOf(byId('CA101')), 'voter-id': 'CA999' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /<title>Error: Enter your voter ID/);
    assert.match(wrong.body, /<a href="#voter-id">This voter ID does not belong to the voter/);
    assert.match(wrong.body, /aria-invalid="true"/);

    const right = await c.post('/sign-up', { ...identityOf(byId('CA101')), 'voter-id': 'ca 102' });
    assert.equal(right.statusCode, 303);
    assert.equal(right.headers.location, '/sign-up/preferences');
  });

  test('no match → check the registration (voter status lookup), wait a few days if recently registered, the county; the form to try again', async () => {
    const c = new Client();
    await c.get('/sign-up');
    const r = await c.post('/sign-up', { ...identityOf(byId('CA106')), 'first-name': 'Anna' });
    assert.equal(r.statusCode, 422);
    assert.equal(h1(r.body), 'We could not find your voter registration');
    assert.match(r.body, /<a href="https:\/\/voterstatus\.sos\.ca\.gov\/">voter status lookup<\/a>/);
    assert.match(text(r.body), /It can take a few days to reach us/);
    assert.match(r.body, /county-elections-offices">county elections office<\/a>/);
    assert.match(r.body, /value="Anna"/);
    assert.match(r.body, /<button class="usa-button" type="submit">Continue<\/button>/);
  });

  test('inactive, cancelled and pending registrations → contact the county', async () => {
    for (const [id, title] of [['CA103', 'Your voter registration is inactive'], ['CA104', 'Your voter registration was cancelled'], ['CA105', 'Your voter registration is not complete yet']] as const) {
      const c = new Client();
      await c.get('/sign-up');
      const r = await c.post('/sign-up', identityOf(byId(id)));
      assert.equal(r.statusCode, 422, id);
      assert.equal(h1(r.body), title);
      assert.match(r.body, /Contact your <a href="https:\/\/www\.sos\.ca\.gov\/elections\/voting-resources\/county-elections-offices">county elections office<\/a>/);
    }
  });

  test('field errors: every field at once, in an error summary linked to the fields; the FAQ wording for a date before 1900', async () => {
    const c = new Client();
    await c.get('/sign-up');
    const r = await c.post('/sign-up', { 'first-name': '', 'last-name': 'Cruz', dob: '01-23-1899', zip: '9581' });
    assert.equal(r.statusCode, 422);
    assert.match(r.body, /<title>Error: Sign up for ballot messages/);
    const summary = /<div class="usa-alert usa-alert--error[^"]*" role="alert" tabindex="-1" autofocus id="error-summary">([\s\S]*?)<\/ul>/.exec(r.body)?.[1] ?? '';
    assert.deepEqual([...summary.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]), ['first-name', 'dob', 'zip']);
    assert.match(summary, /Date of Birth \(DOB\) cannot be before 01-01-1900\./);
    assert.match(r.body, /<span class="usa-error-message" id="dob-error"><span class="usa-sr-only">Error:<\/span> Date of Birth \(DOB\) cannot be before 01-01-1900\.<\/span>/);
    assert.match(r.body, /id="dob" name="dob" type="text" value="01-23-1899"[^>]*aria-describedby="dob-hint dob-error" aria-invalid="true"/);

    const invalid = await c.post('/sign-up', { ...identityOf(byId('CA106')), dob: '02-30-1990' });
    assert.match(invalid.body, /This date does not exist/);
  });

  test('a postal code from abroad gets the overseas hint', async () => {
    const c = new Client();
    await c.get('/sign-up');
    const r = await c.post('/sign-up', { ...identityOf(byId('CA106')), zip: 'SW1A 1AA' });
    assert.equal(r.statusCode, 422);
    assert.match(r.body, /<a href="#zip">Enter the ZIP code of the California residential address you registered to vote with, not an overseas postal code\.<\/a>/);
    assert.match(r.body, /<a href="\/help#overseas">Help for voters living overseas<\/a>/);
  });

  test('throttled → when to try again (429)', async () => {
    const c = new Client();
    await c.get('/sign-up');
    let r: LightMyRequestResponse | null = null;
    for (let i = 0; i < 6; i++) r = await c.post('/sign-up', { 'first-name': 'Zed', 'last-name': 'Nobody', dob: `01-0${i + 1}-1950`, zip: '95814' });
    assert.equal(r!.statusCode, 429);
    assert.equal(h1(r!.body), 'Too many tries');
    assert.match(text(r!.body), /please try again after 11:\d\d\sAM\./);
  });

  test('step 2 problems: a ticked channel without a contact, a contact not chosen, a bad email, all at once', async () => {
    const c = new Client();
    await c.get('/sign-up');
    await c.post('/sign-up', identityOf(byId('CA107')));
    await c.follow();
    const r = await c.post('/sign-up/preferences', { ...PREFS, channels: ['sms', 'email'], 'email-address': 'not-an-email', 'voice-address': '415 555 0199' });
    assert.equal(r.statusCode, 422);
    const summary = /id="error-summary">([\s\S]*?)<\/ul>/.exec(r.body)?.[1] ?? '';
    assert.deepEqual([...summary.matchAll(/<a href="#([^"]+)">([^<]+)</g)].map((m) => [m[1], m[2]]), [
      ['sms-address', 'Enter the mobile phone number for text messages.'],
      ['email-address', 'Enter a valid email address, for example name@example.com.'],
      ['voice-address', 'To use this, check “Phone calls” above. Otherwise, clear this field.'],
    ]);
    assert.match(r.body, /value="not-an-email"/, 'what was typed is kept');

    const none = await c.post('/sign-up/preferences', { ...PREFS });
    assert.match(none.body, /<a href="#channels-sms">Choose at least one way to be notified/);
  });

  test('step 2 without step 1, or after the sealed identity expired, goes back to step 1', async () => {
    const c = new Client();
    const direct = await c.get('/sign-up/preferences');
    assert.equal(direct.statusCode, 303);
    assert.equal(direct.headers.location, '/sign-up');
    const secret = 'test-secret-test-secret-test-secret-0123';
    const old = sealIdentity(secret, { firstName: 'Ana', lastName: 'Cruz', dob: '02-02-1990', zip: '95814' }, new Date(rt.clock.now().getTime() - 21 * 60_000));
    assert.equal(openIdentity(secret, old, rt.clock.now()), null);
    c.cookies.set(SIGNUP_COOKIE, old);
    const expired = await c.get('/sign-up/preferences');
    assert.equal(expired.headers.location, '/sign-up');
    const again = await c.follow();
    assert.match(text(again.body), /Your sign-up took too long/);
    c.cookies.set(SIGNUP_COOKIE, 'forged-value-forged-value-forged-value-forged');
    assert.equal((await c.get('/sign-up/preferences')).headers.location, '/sign-up');
  });

  test('already signed up → logged in, to the settings page, nothing changed', async () => {
    await signUpVoter('CA108');
    const c = new Client();
    await c.get('/sign-up');
    const r = await c.post('/sign-up', identityOf(byId('CA108')));
    assert.equal(r.headers.location, '/preferences');
    const page = await c.follow();
    assert.match(text(page.body), /You are already signed up, so nothing was changed\./);
    assert.match(text(page.body), /On: c•••@example\.com/);
  });
});

describe('log-in and my ballot', () => {
  test('log-in → my ballot with the timeline after an ingest and scans; "contact county" says what, by when and whom', async () => {
    await signUpVoter('CA106');
    await tellBallotStory(rt, {
      voterId: 'CA106', county: '34', ballotId: 'B106', issued: '2026-10-05', sent: '2026-10-06',
      statuses: [['INR', '2026-10-15T17:00:00Z'], ['NVS', '2026-10-16T17:00:00Z', '2026-11-30']],
      scans: [['outbound', '2026-10-06T22:00:00Z', 'origin', 'Sacramento'], ['outbound', '2026-10-08T15:00:00Z', 'delivery', 'Sacramento'],
        ['inbound', '2026-10-13T20:00:00Z', 'processed', 'West Sacramento']],
    });
    const c = new Client();
    const login = await c.get('/log-in');
    assert.match(login.body, /<h1>Log in<\/h1>/);
    const r = await c.post('/log-in', identityOf(byId('CA106')));
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, '/my-ballot');
    const page = await c.follow();
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    const words = text(page.body);
    assert.match(words, /Ballot status for Ana Cruz, Sacramento County\./);
    assert.match(words, new RegExp(ELECTION.name));
    assert.match(words, /Election day: November 3, 2026/);
    assert.match(words, /Action needed: contact your county/);
    assert.match(words, /Your signature is missing from your ballot envelope\./);
    assert.match(words, /Do this by November 30, 2026\./);
    assert.match(words, /Sign the statement we mailed you/);
    assert.match(page.body, /<a href="tel:\+19168756451">\(916\) 875-6451<\/a>/);
    const labels = [...page.body.matchAll(/<h4 class="usa-process-list__heading">([^<]+)<\/h4>/g)].map((m) => m[1]);
    assert.deepEqual(labels, ['Ballot issued', 'Ballot mailed to you', 'In the mail to you', 'In the mail to you', 'In the mail back to your county', 'Received by your county', 'Action needed']);
    assert.match(words, /Many “delivered” events are assumed, not scanned/);
    assert.match(words, /USPS facility in West Sacramento, CA/);
    assert.match(words, /October 13, 2026 at 1:00\sPM PDT/);
    assert.match(words, /Contact Sacramento County elections office/);
    assert.match(page.body, /<a href="https:\/\/elections\.saccounty\.gov">https:\/\/elections\.saccounty\.gov<\/a>/);
  });

  test('log-in of a voter who is not signed up offers sign-up with the details carried over', async () => {
    const c = new Client();
    await c.get('/log-in');
    const r = await c.post('/log-in', identityOf(byId('CA109')));
    assert.equal(r.statusCode, 200);
    assert.equal(h1(r.body), 'You are not signed up');
    assert.match(r.body, /<a class="usa-button" href="\/sign-up\/preferences">Sign up<\/a>/);
    const step2 = await c.get('/sign-up/preferences');
    assert.equal(step2.statusCode, 200);
    assert.match(text(step2.body), /You are signing up Dee Cruz\./);
  });

  test('log-in outcomes: field errors, no match, twins', async () => {
    const c = new Client();
    await c.get('/log-in');
    const bad = await c.post('/log-in', { 'first-name': 'Ana', 'last-name': 'Cruz', dob: '2/2/90', zip: '95814' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /<a href="#dob">Enter the year with four digits/);
    assert.match(bad.body, /Not signed up yet\? <a href="\/sign-up">Sign up<\/a>/);
    const none = await c.post('/log-in', { ...identityOf(byId('CA106')), zip: '95815' });
    assert.equal(h1(none.body), 'We could not find your voter registration');
    assert.match(none.body, /<button class="usa-button" type="submit">Log in<\/button>/);
    const twin = await c.post('/log-in', identityOf(byId('CA101')));
    assert.equal(h1(twin.body), 'Enter your voter ID');
  });

  test('my ballot needs a session; without one, or after log-out, it goes to log-in', async () => {
    const anonymous = new Client();
    const r = await anonymous.get('/my-ballot');
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, '/log-in');

    const c = await signUpVoter('CA110');
    const page = await c.get('/my-ballot');
    assert.equal(page.statusCode, 200);
    assert.match(text(page.body), /No ballot yet/);
    const out = await c.post('/log-out', {});
    assert.equal(out.headers.location, '/log-in');
    assert.match(text((await c.follow()).body), /You are logged out\./);
    assert.equal(c.cookies.has('ballotline_voter'), false);

    const forged = new Client();
    forged.cookies.set('ballotline_voter', 'abc.def');
    const f = await forged.get('/my-ballot');
    assert.equal(f.headers.location, '/log-in');
    assert.match(text((await forged.follow()).body), /you were logged out after some time without activity/);
  });
});

describe('settings and opt-out', () => {
  test('preferences change: hours, language, a new email, a channel off; saved and confirmed', async () => {
    const c = await signUpVoter('CA111', { channels: ['sms', 'voice'], 'sms-address': '916-555-0111', 'voice-address': '916-555-0111' });
    const page = await c.get('/preferences');
    assert.equal(page.statusCode, 200);
    assert.match(text(page.body), /On: \+1 •••-•••-0111/);
    assert.match(page.body, /Leave blank to keep \+1 •••-•••-0111\./);
    assert.match(page.body, /id="channels-sms" type="checkbox" name="channels" value="sms" checked/);

    const bad = await c.post('/preferences', { ...PREFS, channels: ['sms', 'voice'], 'hours-start': '22:00', 'hours-end': '23:00' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /<a href="#hours-start">Voice calls are only made between 08:00 and 21:00/);

    const saved = await c.post('/preferences', {
      ...PREFS, language: 'vi', channels: ['sms', 'email'], 'email-address': 'fay@example.com', 'hours-start': '09:00', 'hours-end': '17:00', 'time-zone': 'America/New_York',
    });
    assert.equal(saved.statusCode, 303, text(saved.body).slice(0, 600));
    assert.equal(saved.headers.location, '/preferences');
    const after = await c.follow();
    const words = text(after.body);
    assert.match(words, /Your changes are saved\./);
    assert.match(words, /If you gave a new mobile number or email address, we sent it a confirmation\./);
    assert.match(words, /On: f•••@example\.com/);
    assert.match(words, /Off: you stopped these \(\+1 •••-•••-0111\)/);
    assert.match(after.body, /<option value="09:00" selected>9:00\sAM<\/option>/);
    assert.match(after.body, /<option value="America\/New_York" selected>/);
    assert.match(after.body, /id="language-vi" type="radio" name="language" value="vi" checked/);
    const sub = (await rt.db.pool.query("SELECT language, hours_start, hours_end, time_zone FROM subscriptions WHERE voter_id = 'CA111' AND state <> 'ended'")).rows[0];
    assert.deepEqual(sub, { language: 'vi', hours_start: '09:00', hours_end: '17:00', time_zone: 'America/New_York' });
    const consent = (await rt.db.pool.query("SELECT channel, consent FROM subscription_channels c JOIN subscriptions s ON s.id = c.subscription_id WHERE s.voter_id = 'CA111' ORDER BY channel")).rows;
    assert.deepEqual(consent.map((r) => [r.channel, r.consent]), [['email', 'active'], ['sms', 'active'], ['voice', 'opted_out']]);
  });

  test('opt-out of one channel, then of everything (sign-up ended, logged out)', async () => {
    const c = await signUpVoter('CA109', { channels: ['sms', 'email'], 'sms-address': '916-555-0109', 'email-address': 'dee@example.com' });
    const page = await c.get('/opt-out');
    assert.match(page.body, /<label class="usa-radio__label" for="stop-sms">Text messages to \+1 •••-•••-0109/);
    const none = await c.post('/opt-out', {});
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /<a href="#stop-sms">Choose what you want to stop\.<\/a>/);
    const one = await c.post('/opt-out', { stop: 'sms' });
    assert.equal(one.headers.location, '/preferences');
    assert.match(text((await c.follow()).body), /You will no longer get text messages\./);
    await c.get('/opt-out');
    const all = await c.post('/opt-out', { stop: 'all' });
    assert.equal(all.headers.location, '/opt-out/done');
    const done = await c.follow();
    assert.equal(h1(done.body), 'Your messages are stopped');
    assert.equal(c.cookies.has('ballotline_voter'), false);
    assert.equal((await c.get('/my-ballot')).headers.location, '/log-in');
    const state = (await rt.db.pool.query("SELECT state, ended_reason FROM subscriptions WHERE voter_id = 'CA109' ORDER BY id DESC LIMIT 1")).rows[0];
    assert.deepEqual(state, { state: 'ended', ended_reason: 'opted_out' });
  });
});

describe('security and languages', () => {
  test('every voter POST needs the CSRF token; cookies are Secure over https', async () => {
    const c = new Client();
    await c.get('/sign-up');
    c.last = null; // forget the page: no token
    const r = await c.post('/sign-up', identityOf(byId('CA106')));
    assert.equal(r.statusCode, 403);
    assert.equal(h1(r.body), 'This page has expired');

    const secureRt = await testRuntime({ env: { BALLOTLINE_PUBLIC_URL: 'https://ballots.example.gov' } });
    await loadVoters(secureRt, VOTERS);
    const secureApp = await buildServer(secureRt, { logger: false, routes: [portalRoutes] });
    const form = await secureApp.inject({ url: '/sign-up', headers: HTML });
    const csrf = String(form.headers['set-cookie']).split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const post = await secureApp.inject({
      method: 'POST', url: '/sign-up', headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded', cookie: csrf },
      payload: new URLSearchParams({ _csrf: token, ...identityOf(byId('CA106')) }).toString(),
    });
    assert.equal(post.statusCode, 303);
    assert.match(String(post.headers['set-cookie']), /bl_signup=[^;]+;.*Secure/);
  });

  test('identity POSTs are rate limited per address (the "Too many tries" page)', async () => {
    const c = new Client();
    await c.get('/log-in');
    let last: LightMyRequestResponse | null = null;
    for (let i = 0; i < 31; i++) last = await c.post('/log-in', { 'first-name': '', 'last-name': '', dob: '', zip: '' });
    assert.equal(last!.statusCode, 429);
    assert.equal(h1(last!.body), 'Too many tries');
  });

  test('the pages in Spanish and Vietnamese', async () => {
    const c = new Client();
    c.lang = 'es';
    const page = await c.get('/sign-up');
    assert.match(page.body, /<html lang="es"/);
    const r = await c.post('/sign-up', { ...identityOf(byId('CA106')), dob: '13-01-1990' });
    assert.match(r.body, /<title>Error: /);
    c.lang = 'vi';
    assert.match((await c.get('/log-in')).body, /<html lang="vi"/);
  });
});

