/**
 * The feeds, dashboards, message templates and outbox pages in a real browser (Debian's
 * Chromium): a state admin approves a held ingest, edits a Spanish SMS and watches its size
 * change as they type, uploads a file with the progress bar and reads the run's result, and
 * opens the dashboards and the outbox. axe reports no violation on any page visited.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type { Page } from 'playwright-core';
import { assertNoPageProblems, checkA11y, screenshot, startBrowserHarness, type BrowserHarness } from '../../testing/browser.ts';
import { importBallotFile } from '../../ballots/ingest.ts';
import { seedReports } from '../reports.test-fixtures.ts';
import { totpCode } from '../totp.ts';
import type { fixedClock } from '../../clock.ts';
import { portalRoutes } from '../../web/portal.routes.ts';
import { consolePagesRoutes } from './pages.routes.ts';
import { PASSWORD, account, type Account } from './test-fixtures.ts';

const h: BrowserHarness = await startBrowserHarness({ routes: [portalRoutes, consolePagesRoutes] });
await seedReports(h.rt);
const admin = await account(h.rt as Parameters<typeof account>[0], 'ada@sos.example.gov', 'state_admin');

async function checked(page: Page, name: string): Promise<void> {
  await checkA11y(page);
  assertNoPageProblems(page);
  await screenshot(page, `console-${name}`);
}

/** Waits until the expression is true in the page (page.waitForFunction would eval under the page's CSP). */
async function until(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function signIn(page: Page, a: Account): Promise<void> {
  await page.goto('/console/sign-in');
  await page.getByLabel('Email').fill(a.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  (h.rt.clock as ReturnType<typeof fixedClock>).advance(30_000);
  await page.getByLabel('Code from your authenticator app').fill(totpCode(a.secret, h.rt.clock.now()));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/console', { waitUntil: 'load' });
}

const BALLOT_HEADER = 'voter_id,election_id,ballot_id,county_code,status_code,status_date,issued_date,sent_date,reason_text,cure_deadline';
const ballotFile = (code: string, date: string, n: number): Readable =>
  Readable.from([Buffer.from(`${[BALLOT_HEADER, ...Array.from({ length: n }, (_, i) => `W${i},G2026,D${i},19,${code},${date},2026-10-05,2026-10-07,,`)].join('\n')}\n`)]);

test('a state admin approves a held ingest', async () => {
  await importBallotFile(h.rt, { source: 'wave.csv', input: ballotFile('ISSUED', '2026-10-05', 100) });
  const held = await importBallotFile(h.rt, { source: 'vdd.csv', input: ballotFile('VDD', '2026-10-09', 60) });
  assert.equal(held.status, 'held');
  const page = await h.newPage();
  await signIn(page, admin);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Feeds' }).click();
  await checked(page, 'feeds-list');
  await page.locator('#held-heading + p + table').getByRole('link', { name: `#${held.runId}` }).click();
  assert.match(await page.locator('main').innerText(), /60 of 103 statuses would change/);
  await checked(page, 'feeds-held');
  await page.locator('#approve').getByLabel('Reason').fill('County confirmed the list with the coroner');
  await page.getByRole('button', { name: 'Approve and apply' }).click();
  assert.match(await page.locator('[role=status]').first().innerText(), /approved and applied/);
  assert.match(await page.locator('main').innerText(), /Approved by ada@sos\.example\.gov/);
  await checked(page, 'feeds-approved');
});

test('a state admin edits a Spanish SMS and watches the segment count change as they type', async () => {
  const page = await h.newPage();
  await signIn(page, admin);
  await page.goto('/console/templates?language=es&channel=sms');
  await checked(page, 'templates-list');
  await page.locator('a[href="/console/templates/accepted/es/sms"]').click();
  await checked(page, 'templates-editor');
  const size = page.locator('#sms-size');
  assert.match(await size.innerText(), /UCS-2 encoding, \d+ characters with a name without accents/, 'the default text has ó');
  const area = page.getByLabel('Text (ICU message format)');
  await area.fill('{voterName}, {electionName}: el condado de {countyName} acepto su boleta.');
  await area.pressSequentially(' Responda STOP para salir', { delay: 20 });
  await until(page, `document.getElementById('sms-size').textContent.startsWith('SMS size: 1 segment, GSM-7 encoding')`);
  assert.match(await page.locator('#preview-text').innerText(), /acepto su boleta\. Responda STOP para salir$/);
  await area.press('End');
  await page.keyboard.insertText(' 🗳️');
  await until(page, `/^SMS size: \\d segments?, UCS-2 encoding/.test(document.getElementById('sms-size').textContent)`);
  await checked(page, 'templates-editor-emoji');
  await area.fill('{voterName}: {cancelUrl}');
  await until(page, `document.getElementById('preview-errors').textContent.includes('Unknown variable {cancelUrl}.')`);
  await page.getByRole('button', { name: 'Save' }).click();
  assert.match(await page.title(), /^Error: /);
  assert.match(await page.locator('[role=alert]').innerText(), /Unknown variable \{cancelUrl\}\.[\s\S]*Missing required variable \{electionName\}\./);
  await checked(page, 'templates-editor-error');
  await area.fill('{voterName}, {electionName}: el condado de {countyName} acepto su boleta. Responda STOP para salir');
  await page.getByRole('button', { name: 'Save' }).click();
  assert.match(await page.locator('[role=status]').first().innerText(), /Saved/);
  assert.match(await page.locator('main').innerText(), /Changes, newest first/);
  await checked(page, 'templates-saved');
});

test('a state admin uploads a file, sees the progress bar, then the run\'s result', async () => {
  const page = await h.newPage();
  await signIn(page, admin);
  await page.goto('/console/feeds/upload');
  await checked(page, 'feeds-upload');
  const header = 'voter_id,county_code,first_name,middle_name,last_name,suffix,dob,zip,status,confidential,email,phone,language,updated_at';
  const rows = Array.from({ length: 40_000 }, (_, i) => `U${i},19,Ana,,Perez,,1980-01-23,90012,ACTIVE,N,,,,`);
  rows[9] = 'U9,19,Ana,,Perez,,1980-02-30,90012,ACTIVE,N,,,,';
  await page.locator('#kind-voters').check();
  await page.getByLabel('File (CSV)').setInputFiles({ name: 'voters.csv', mimeType: 'text/csv', buffer: Buffer.from(`${[header, ...rows].join('\n')}\n`) });
  // Record what the page shows during the upload (kept in sessionStorage across the navigation to the result).
  await page.evaluate(`(() => {
    const log = (what) => sessionStorage.setItem('seen', JSON.stringify([...JSON.parse(sessionStorage.getItem('seen') || '[]'), what]));
    const bar = document.getElementById('upload-progress');
    const group = document.getElementById('upload-progress-group');
    const status = document.getElementById('upload-status');
    new MutationObserver(() => log('bar ' + bar.textContent + (group.hidden ? ' hidden' : ' shown'))).observe(bar, { childList: true, characterData: true, subtree: true });
    new MutationObserver(() => log('status ' + status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
  })()`);
  await page.getByRole('button', { name: 'Upload and load' }).click();
  await page.waitForURL(/\/console\/feeds\/runs\/\d+$/);
  const seen = JSON.parse(await page.evaluate(`sessionStorage.getItem('seen')`) as string) as string[];
  assert.ok(seen.includes('bar 100% shown'), seen.join(' | '));
  assert.ok(seen.includes('status Uploading voters.csv…'), seen.join(' | '));
  assert.ok(seen.includes('status Uploaded 100%. Loading the file; the result will show when it is done.'), seen.join(' | '));
  const main = await page.locator('main').innerText();
  assert.match(main, /Voter file run #\d+/);
  assert.match(main, /Rows read\s+40,000/);
  assert.match(main, /Inserted\s+39,999/);
  assert.match(main, /1 row\(s\) were rejected/);
  await checked(page, 'feeds-run');
});

test('the dashboards and the outbox pass axe', async () => {
  const page = await h.newPage();
  await signIn(page, admin);
  await page.goto('/console/dashboards?election=G2026');
  assert.equal(await page.locator('svg[role=img]').count(), 6);
  await checked(page, 'dashboards');
  await page.goto('/console/outbox');
  assert.match(await page.locator('main').innerText(), /el condado aceptó su boleta/);
  await checked(page, 'outbox');
});
