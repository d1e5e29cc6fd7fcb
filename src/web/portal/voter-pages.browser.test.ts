/**
 * The voter pages in a real browser (Debian's Chromium): every page of sign-up, log-in, my
 * ballot, settings and opt-out, reached by using the site, passes axe with zero violations in
 * English, Spanish and Chinese, fits 320 px without scrolling sideways, and is saved as a
 * screenshot (artifacts/screenshots/voter-*.png). Then the journeys: a generated voter signs up
 * in Vietnamese, sees their ballot's timeline, changes their hours and opts out — with the
 * keyboard only, once with JavaScript and once without; and a logged-in voter switches the
 * language to Spanish and to Khmer. HTTP-level checks of every outcome: voter-pages.test.ts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { generateVoterCsv } from '../../registry/generate.ts';
import { importVoters } from '../../registry/import.ts';
import { signUp } from '../../subscriptions/subscriptions.service.ts';
import {
  assertNoHorizontalScroll, assertNoPageProblems, checkA11y, screenshot, startBrowserHarness, type BrowserHarness,
} from '../../testing/browser.ts';
import { CATALOGS } from '../i18n/catalog.ts';
import { identityOf, loadVoters, seedElection, tellBallotStory, type TestVoter } from './test-fixtures.ts';

const h: BrowserHarness = await startBrowserHarness({ runtime: { now: new Date('2026-10-20T18:00:00Z') } });
const rt = h.rt;

/** Per language of the tour: a pair of twins (the first signs up with its voter ID and has a ballot) and an inactive voter. */
const TOUR_LANGS = ['en', 'es', 'zh-Hant'] as const;
const SURNAMES: Readonly<Record<(typeof TOUR_LANGS)[number], string>> = { en: 'Alder', es: 'Benítez', 'zh-Hant': 'Chen' };
const tourVoters = (lang: (typeof TOUR_LANGS)[number], i: number): { twin: TestVoter; other: TestVoter; inactive: TestVoter } => ({
  twin: { id: `TW${i}A`, county: '34', first: 'Tess', last: SURNAMES[lang], dob: `1985-03-1${i}`, zip: '95814' },
  other: { id: `TW${i}B`, county: '34', first: 'Tess', last: SURNAMES[lang], dob: `1985-03-1${i}`, zip: '95814' },
  inactive: { id: `IN${i}`, county: '34', first: 'Ina', last: SURNAMES[lang], dob: '1950-06-06', zip: '95816', status: 'INACTIVE' },
});
const LANGUAGE_VOTER: TestVoter = { id: 'LS1', county: '38', first: 'Lan', last: 'Switch', dob: '1999-09-09', zip: '94110' };

await loadVoters(rt, [...TOUR_LANGS.flatMap((l, i) => Object.values(tourVoters(l, i))), LANGUAGE_VOTER]);
await importVoters({ db: rt.db, profile: rt.profile, clock: rt.clock, dataDir: rt.config.dataDir }, { source: 'generated.csv', input: generateVoterCsv({ count: 400, profile: 'ca', seed: 3 }) });
await seedElection(rt);

const story = (voterId: string, county: string, ballotId: string) => tellBallotStory(rt, {
  voterId, county, ballotId, issued: '2026-10-05', sent: '2026-10-06',
  statuses: [['INR', '2026-10-15T17:00:00Z'], ['NVS', '2026-10-16T17:00:00Z', '2026-11-30']],
  scans: [['outbound', '2026-10-06T22:00:00Z', 'origin', 'Sacramento'], ['outbound', '2026-10-08T15:00:00Z', 'delivery', 'Sacramento'],
    ['inbound', '2026-10-13T20:00:00Z', 'processed', 'West Sacramento']],
});
for (const [i, lang] of TOUR_LANGS.entries()) await story(tourVoters(lang, i).twin.id, '34', `B-TW${i}`);
await story(LANGUAGE_VOTER.id, '38', 'B-LS1');

/** Two generated voters with a unique name, date of birth and ZIP, Vietnamese speakers first. */
const generated = (await rt.db.pool.query<{ voter_id: string; county_code: string; first_name: string; last_name: string; dob: string; zip: string }>(`
  SELECT v.voter_id, v.county_code, v.first_name, v.last_name, v.dob::text, v.zip FROM voters v
   WHERE v.status = 'ACTIVE' AND NOT v.confidential AND v.voter_id NOT LIKE 'T%' AND v.voter_id NOT LIKE 'IN%' AND v.voter_id <> 'LS1'
     AND NOT EXISTS (SELECT 1 FROM voters w WHERE w.last_key = v.last_key AND w.zip = v.zip AND w.first_key = v.first_key AND w.dob = v.dob AND w.voter_id <> v.voter_id)
   ORDER BY (v.language = 'vi') DESC, v.voter_id LIMIT 2`)).rows;
for (const g of generated) await story(g.voter_id, g.county_code, `B-${g.voter_id}`);

/** axe, screenshot, then the same page at 320 px: no sideways scroll, screenshot. */
async function check(page: Page, name: string, lang: string): Promise<void> {
  assert.equal(await page.getAttribute('html', 'lang'), lang, `${name} is in ${lang}`);
  await checkA11y(page);
  assertNoPageProblems(page);
  await screenshot(page, `voter-${name}-${lang}-1280`);
  await page.setViewportSize({ width: 320, height: 640 });
  await assertNoHorizontalScroll(page);
  if (lang === 'en') await checkA11y(page);
  await screenshot(page, `voter-${name}-${lang}-320`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const submit = (page: Page) => page.locator('main form.usa-form button[type="submit"]').click();
async function fillIdentity(page: Page, v: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(v)) await page.fill(`#${id}`, value);
}

describe('every voter page, reached by using the site, in English, Spanish and Chinese', () => {
  for (const [i, lang] of TOUR_LANGS.entries()) {
    test(`${lang}: sign-up outcomes, sign-up, my ballot, settings, opt-out, log-in`, async () => {
      const { twin, inactive } = tourVoters(lang, i);
      const page = await h.newPage();
      await page.goto(`/sign-up?lang=${lang}`);
      await check(page, 'signup', lang);

      await fillIdentity(page, { ...identityOf(twin), dob: '01-23-1899' });
      await submit(page);
      assert.equal(await page.locator('#error-summary').isVisible(), true);
      // The browser applies autofocus at its next rendering opportunity after load: wait for it (3 s at most).
      assert.equal(await page.waitForSelector('#error-summary:focus', { timeout: 3000 }).then(() => true, () => false), true, 'the error summary takes focus');
      assert.equal(await page.getAttribute('#dob', 'aria-invalid'), 'true');
      await check(page, 'signup-dob-error', lang);

      await fillIdentity(page, { ...identityOf(twin), 'first-name': 'Tessa' });
      await submit(page);
      assert.equal(await page.locator('h1').innerText(), CATALOGS[lang]['outcome.noMatchTitle']);
      await check(page, 'signup-no-match', lang);

      await fillIdentity(page, identityOf(twin));
      await submit(page);
      assert.equal(await page.locator('h1').innerText(), CATALOGS[lang]['outcome.voterIdTitle']);
      await check(page, 'signup-voter-id', lang);

      await page.fill('#voter-id', twin.id);
      await submit(page);
      assert.equal(new URL(page.url()).pathname, '/sign-up/preferences');
      await check(page, 'signup-preferences', lang);

      await page.locator('label[for="channels-sms"]').click();
      await page.fill('#sms-address', '916-555-0140');
      await page.locator('label[for="channels-email"]').click();
      await page.fill('#email-address', `tess.${i}@example.com`);
      await submit(page);
      assert.equal(new URL(page.url()).pathname, '/sign-up/done');
      await check(page, 'signup-done', lang);

      await page.locator('main a[href="/my-ballot"]').click();
      assert.equal(await page.locator('.usa-process-list__item').count(), 7, 'issued, mailed, two outbound scans, an inbound scan, received, action needed');
      assert.equal(await page.locator('.usa-alert--warning').isVisible(), true);
      await check(page, 'my-ballot', lang);

      await page.locator('header a[href="/preferences"]').click();
      assert.equal(await page.isChecked('#channels-sms'), true);
      await check(page, 'preferences', lang);

      await page.locator('header a[href="/opt-out"]').click();
      await check(page, 'opt-out', lang);
      await page.locator('label[for="stop-all"]').click();
      await submit(page);
      assert.equal(new URL(page.url()).pathname, '/opt-out/done');
      await check(page, 'opt-out-done', lang);

      await page.goto('/log-in');
      await check(page, 'log-in', lang);

      const fresh = await h.newPage();
      await fresh.goto(`/sign-up?lang=${lang}`);
      await fillIdentity(fresh, identityOf(inactive));
      await submit(fresh);
      assert.equal(await fresh.locator('h1').innerText(), CATALOGS[lang]['outcome.inactiveTitle']);
      await check(fresh, 'signup-inactive', lang);
      await page.context().close();
      await fresh.context().close();
    });
  }
});

/** Presses Tab until the element matching `selector` has focus. */
async function tabTo(page: Page, selector: string, max = 90): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator(`${selector}:focus`).count() === 1) return;
  }
  assert.fail(`Tab never reached ${selector} on ${page.url()}`);
}

/** Presses `key` and waits for the page it loads (a form posting back to its own path included), then checks the path. */
async function pressAndWait(page: Page, key: string, path: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.keyboard.press(key)]);
  assert.equal(new URL(page.url()).pathname, path);
}

describe('journeys', () => {
  for (const js of [true, false]) {
    test(`a generated voter signs up in Vietnamese, sees the timeline, changes hours, opts out: keyboard only, JavaScript ${js ? 'on' : 'off'}`, async () => {
      const g = generated[js ? 0 : 1]!;
      const [y, m, d] = g.dob.split('-');
      const vi = CATALOGS.vi;
      const page = await h.newPage({ javaScriptEnabled: js, locale: 'vi-VN', width: js ? 1280 : 320, height: 800 });
      await page.goto('/');
      assert.equal(await page.getAttribute('html', 'lang'), 'vi', 'the browser’s language');

      await tabTo(page, 'header a[href="/sign-up"]');
      await pressAndWait(page, 'Enter', '/sign-up');
      await tabTo(page, '#first-name');
      await page.keyboard.type(g.first_name);
      await page.keyboard.press('Tab');
      await page.keyboard.type(g.last_name);
      await page.keyboard.press('Tab');
      await page.keyboard.type(`${m}-${d}-${y}`);
      await page.keyboard.press('Tab');
      await page.keyboard.type(g.zip);
      await pressAndWait(page, 'Enter', '/sign-up/preferences');

      await tabTo(page, 'input[name="language"]');
      assert.equal(await page.locator('#language-vi:focus').count(), 1, 'Vietnamese, the page’s language, is chosen');
      await tabTo(page, '#channels-sms');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.type('(916) 555-0177');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.type(`${g.voter_id.toLowerCase()}@example.com`);
      await tabTo(page, 'main form.usa-form button[type="submit"]');
      await pressAndWait(page, 'Enter', '/sign-up/done');
      assert.match(await page.locator('main').innerText(), new RegExp(vi['done.title']));
      await screenshot(page, `voter-journey-vi-${js ? 'js' : 'nojs'}-done`);

      await tabTo(page, 'a[href="/my-ballot"]');
      await pressAndWait(page, 'Enter', '/my-ballot');
      const labels = await page.locator('.usa-process-list__heading').allInnerTexts();
      assert.deepEqual(labels, [vi['timeline.label.issued'], vi['timeline.label.mailed'], vi['timeline.label.scanOutbound'], vi['timeline.label.scanOutbound'],
        vi['timeline.label.scanInbound'], vi['timeline.label.received'], vi['timeline.label.actionNeeded']]);
      await screenshot(page, `voter-journey-vi-${js ? 'js' : 'nojs'}-my-ballot`);

      await tabTo(page, 'header a[href="/preferences"]');
      await pressAndWait(page, 'Enter', '/preferences');
      await tabTo(page, '#hours-end');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
      assert.equal(await page.inputValue('#hours-end'), '17:00');
      await tabTo(page, 'main form.usa-form button[type="submit"]');
      await pressAndWait(page, 'Enter', '/preferences');
      assert.match(await page.locator('main').innerText(), new RegExp(vi['notice.saved']));
      const hours = (await rt.db.pool.query("SELECT hours_start, hours_end, language FROM subscriptions WHERE voter_id = $1 AND state <> 'ended'", [g.voter_id])).rows[0];
      assert.deepEqual(hours, { hours_start: '08:00', hours_end: '17:00', language: 'vi' });

      await tabTo(page, 'main a[href="/opt-out"]');
      await pressAndWait(page, 'Enter', '/opt-out');
      await tabTo(page, 'input[name="stop"]');
      for (let i = 0; i < 5 && await page.locator('#stop-all:focus').count() === 0; i++) await page.keyboard.press('ArrowDown');
      assert.equal(await page.isChecked('#stop-all'), true);
      await tabTo(page, 'main form.usa-form button[type="submit"]');
      await pressAndWait(page, 'Enter', '/opt-out/done');
      assert.equal(await page.locator('h1').innerText(), vi['optout.doneTitle']);
      await screenshot(page, `voter-journey-vi-${js ? 'js' : 'nojs'}-opted-out`);
      const ended = (await rt.db.pool.query('SELECT state, ended_reason FROM subscriptions WHERE voter_id = $1 ORDER BY id DESC LIMIT 1', [g.voter_id])).rows[0];
      assert.deepEqual(ended, { state: 'ended', ended_reason: 'opted_out' });
      assertNoPageProblems(page);
      await page.context().close();
    });
  }

  test('a logged-in voter switches the language to Spanish, then to Khmer: the same page, their data, the new language', async () => {
    await signUp(rt, { identity: { firstName: 'Lan', lastName: 'Switch', dob: '09-09-1999', zip: '94110' }, preferences: { channels: { email: 'lan@example.com' } } }, { ip: '10.9.9.9' });
    const page = await h.newPage();
    await page.goto('/log-in');
    await fillIdentity(page, identityOf(LANGUAGE_VOTER));
    await submit(page);
    assert.equal(new URL(page.url()).pathname, '/my-ballot');
    await page.getByRole('link', { name: 'Español' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal(new URL(page.url()).pathname, '/my-ballot');
    assert.equal(await page.locator('h1').innerText(), CATALOGS.es['ballot.title']);
    assert.match(await page.locator('main').innerText(), /Lan Switch/);
    await page.getByRole('link', { name: 'ខ្មែរ' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'km');
    assert.equal(await page.locator('h1').innerText(), CATALOGS.km['ballot.title']);
    assert.equal(await page.locator('.usa-process-list__item').count(), 7);
    await checkA11y(page);
    await screenshot(page, 'voter-my-ballot-km-1280');
    await page.setViewportSize({ width: 320, height: 640 });
    await assertNoHorizontalScroll(page);
    await screenshot(page, 'voter-my-ballot-km-320');
    await page.locator('header a[href="/preferences"]').click();
    assert.equal(await page.getAttribute('html', 'lang'), 'km', 'the choice is remembered');
    assertNoPageProblems(page);
  });
});
