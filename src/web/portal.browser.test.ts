/**
 * The voter portal in a real browser (Debian's Chromium): every page in every language
 * passes axe with zero violations, fits 320 px without scrolling sideways, breaks no CSP
 * rule, works by keyboard and with JavaScript off. Screenshots go to artifacts/screenshots/.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES } from '../persisted.ts';
import {
  applyNoScriptStyles, assertNoHorizontalScroll, assertNoPageProblems, checkA11y, newPageWithoutScripts, screenshot,
  startBrowserHarness, type BrowserHarness,
} from '../testing/browser.ts';

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'help', path: '/help' },
  { name: 'privacy', path: '/privacy' },
  { name: '404', path: '/no-such-page' },
] as const;

/** axe at 320 px too for these (desktop axe runs for all ten); the layout is the same for every language. */
const PHONE_A11Y: ReadonlySet<string> = new Set(['en', 'es', 'zh-Hant', 'km']);

// At the top level, not in before(): the harness's cleanup must run when the file ends.
const h: BrowserHarness = await startBrowserHarness();

for (const lang of LANGUAGES) {
  describe(`portal in ${lang}`, () => {
    for (const { name, path } of PAGES) {
      test(`${name}: no accessibility violations, no CSP or script problem, fits 320 px`, async () => {
        const desktop = await h.newPage({ width: 1280 });
        const res = await desktop.goto(`${path}?lang=${lang}`);
        assert.equal(res?.status(), name === '404' ? 404 : 200);
        assert.equal(await desktop.getAttribute('html', 'lang'), lang);
        assert.equal(await desktop.getAttribute('html', 'dir'), 'ltr');
        await checkA11y(desktop);
        await screenshot(desktop, `${name}-${lang}-1280`);
        assertNoPageProblems(desktop);

        const phone = await h.newPage({ width: 320, height: 640 });
        await phone.goto(`${path}?lang=${lang}`);
        await assertNoHorizontalScroll(phone);
        if (PHONE_A11Y.has(lang)) await checkA11y(phone);
        await screenshot(phone, `${name}-${lang}-320`);
        assertNoPageProblems(phone);
        await desktop.context().close();
        await phone.context().close();
      });
    }
  });
}

describe('portal interaction', () => {
  test('the language switcher changes the language and the choice is remembered', async () => {
    const page = await h.newPage({ locale: 'en-US' });
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Choose a language' }).getByRole('link', { name: 'Español' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Ayuda' }).click();
    assert.equal(new URL(page.url()).search, '', 'no ?lang= needed once chosen');
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.match(await page.locator('h1').innerText(), /Ayuda/);
    assertNoPageProblems(page);
  });

  test('the browser\'s language is the first guess', async () => {
    const page = await h.newPage({ locale: 'ko-KR' });
    await page.goto('/privacy');
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  });

  test('keyboard only: Tab reaches the skip link first, then the language switcher; the skip link moves focus to main', async () => {
    const page = await h.newPage();
    await page.goto('/help');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal(await focused.getAttribute('class'), 'usa-skipnav');
    assert.equal(await focused.innerText(), 'Skip to main content');
    // USWDS slides the focused skip link from above the page to its top (a 0.15 s transition):
    // poll for up to 3 s, measured in the document so that a scrolled viewport cannot mislead.
    let onScreen = false;
    for (let i = 0; i < 30 && !onScreen; i++) {
      const top = await page.evaluate('document.activeElement ? document.activeElement.getBoundingClientRect().top + window.scrollY : -1').catch(() => -1);
      onScreen = typeof top === 'number' && top >= 0;
      if (!onScreen) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(onScreen, 'the focused skip link is on screen');

    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.locator('.bl-languages :focus').count()) === 1;
    }
    assert.ok(reached, 'the language switcher is reached within a few Tabs');
    assert.equal(await page.locator(':focus').getAttribute('lang'), 'en');

    await page.goto('/help');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator(':focus').getAttribute('id'), 'main-content');
    await page.keyboard.press('Tab');
    assert.equal(await page.locator('main :focus').count(), 1, 'the next Tab stays in main');
  });

  test('with JavaScript the banner opens from its button', async () => {
    const page = await h.newPage();
    await page.goto('/');
    const content = page.locator('#gov-banner');
    assert.equal(await content.isVisible(), false);
    await page.getByRole('button', { name: 'Here’s how you know' }).click();
    assert.equal(await content.isVisible(), true);
    assertNoPageProblems(page);
  });

  test('with JavaScript off every page works: links, language switch, banner text shown', async () => {
    const page = await h.newPage({ javaScriptEnabled: false, width: 320, height: 640 });
    await page.goto('/');
    assert.equal(await page.locator('#gov-banner').isVisible(), true, 'banner explanation shown');
    assert.equal(await page.locator('.usa-banner__button').isVisible(), false, 'no button that would do nothing');
    await page.getByRole('link', { name: '中文' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '說明' }).click();
    assert.equal(new URL(page.url()).pathname, '/help');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Privacy' }).click();
    assert.equal(new URL(page.url()).pathname, '/privacy');
    await assertNoHorizontalScroll(page);
    await screenshot(page, 'privacy-en-320-nojs');
    assertNoPageProblems(page);
  });

  test('as rendered without JavaScript, every page has no accessibility violations (en, es, zh-Hant)', async () => {
    for (const lang of ['en', 'es', 'zh-Hant']) {
      for (const { path } of PAGES) {
        const page = await newPageWithoutScripts(h, { width: 320, height: 640 });
        await page.goto(`${path}?lang=${lang}`);
        await applyNoScriptStyles(page);
        assert.equal(await page.locator('#gov-banner').isVisible(), true);
        await checkA11y(page);
        assertNoPageProblems(page);
        await page.context().close();
      }
    }
  });
});
