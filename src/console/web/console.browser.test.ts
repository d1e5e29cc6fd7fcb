/**
 * The console in a real browser (Debian's Chromium), as a new state admin uses it: set-up from
 * the token printed by `ballotline admin create-user`, sign-in with TOTP, create a county admin,
 * set up a local election for a county, help a voter whose sign-up fails, and read the audit
 * trail of all of it. axe reports no violation on any page visited.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { fixedClock } from '../../clock.ts';
import { portalRoutes } from '../../web/portal.routes.ts';
import { assertNoPageProblems, checkA11y, screenshot, startBrowserHarness, type BrowserHarness } from '../../testing/browser.ts';
import { signUp } from '../../subscriptions/subscriptions.service.ts';
import { loadVoters, VOTERS } from '../../web/portal/test-fixtures.ts';
import { createUserCommand } from '../console.cli.ts';
import { totpCode } from '../totp.ts';
import { PASSWORD, accountsConsole } from './test-fixtures.ts';

type FixedClock = ReturnType<typeof fixedClock>;

const h: BrowserHarness = await startBrowserHarness({ routes: [portalRoutes, accountsConsole] });

/** axe, no CSP or script problem, and a screenshot. */
async function checked(page: Page, name: string): Promise<void> {
  await checkA11y(page);
  assertNoPageProblems(page);
  await screenshot(page, `console-${name}`);
}

/** USWDS draws radio buttons and checkboxes on their labels (the input itself is off screen): click the label. */
async function tick(page: Page, inputId: string): Promise<void> {
  await page.locator(`label[for="${inputId}"]`).click();
  assert.equal(await page.locator(`#${inputId}`).isChecked(), true);
}

/** A fresh code: the clock moves one step so that no code is used twice. */
function nextCode(secret: string): string {
  (h.rt.clock as FixedClock).advance(30_000);
  return totpCode(secret, h.rt.clock.now());
}

test('a new state admin: set-up, sign-in, a county admin, a local election, helping a voter, the audit trail', async (t) => {
  const rt = h.rt;
  await loadVoters(rt, VOTERS);
  await signUp(rt, { identity: { firstName: 'John', lastName: 'Smith', dob: '05-05-1970', zip: '90012', voterId: 'CA101' }, preferences: { channels: { email: 'john@example.com' } } }, { ip: '10.0.0.9' });
  t.mock.method(console, 'log', () => undefined);
  const grant = await createUserCommand(rt, { email: 'ada@sos.example.gov', name: 'Ada Root', role: 'state_admin' });
  t.mock.restoreAll();

  const page = await h.newPage();
  // Set-up
  await page.goto('/console/setup');
  await checked(page, 'setup-token');
  await page.getByLabel('Set-up token').fill(grant.token);
  await page.getByRole('button', { name: 'Continue' }).click();
  const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
  assert.match(await page.locator('main').innerText(), /otpauth:\/\/totp\//);
  await checked(page, 'setup-secret');
  await page.getByLabel('New password').fill('short');
  await page.getByLabel('Code from your authenticator app').fill(nextCode(secret));
  await page.getByRole('button', { name: 'Finish set-up' }).click();
  assert.match(await page.title(), /^Error: /);
  await checked(page, 'setup-error');
  await page.getByLabel('New password').fill(PASSWORD);
  await page.getByLabel('Code from your authenticator app').fill(nextCode(secret));
  await page.getByRole('button', { name: 'Finish set-up' }).click();
  assert.equal(new URL(page.url()).pathname, '/console/sign-in');
  assert.match(await page.locator('main').innerText(), /Your account is set up/);
  await checked(page, 'sign-in');

  // Sign-in: a wrong code first, then the right one
  await page.getByLabel('Email').fill('ada@sos.example.gov');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await checked(page, 'sign-in-code');
  await page.getByLabel('Code from your authenticator app').fill('000000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  assert.match(await page.locator('.usa-alert--error').innerText(), /That code is not right/);
  await checked(page, 'sign-in-code-error');
  await page.getByLabel('Code from your authenticator app').fill(nextCode(secret));
  await page.getByRole('button', { name: 'Sign in' }).click();
  assert.equal(new URL(page.url()).pathname, '/console');
  assert.match(await page.locator('header').innerText(), /Ada Root \(State admin, all counties\)/);
  await checked(page, 'home');

  // A county admin for Los Angeles (19)
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Staff' }).click();
  await checked(page, 'staff-list');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Email').fill('lee@lacounty.example.gov');
  await page.getByLabel('Name').fill('Lee Park');
  await tick(page, 'role-county_admin');
  await tick(page, 'counties-19');
  await checked(page, 'staff-new');
  await page.getByRole('button', { name: 'Create account' }).click();
  assert.match(await page.locator('h1').innerText(), /Account created/);
  assert.ok((await page.locator('#setup-token').innerText()).length > 20);
  await checked(page, 'staff-created');

  // A local election, and Los Angeles opting in to it
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Elections' }).click();
  await page.getByLabel('Election code').fill('L2027');
  await page.getByLabel('Name', { exact: true }).fill('Water District Special');
  await page.getByRole('textbox', { name: 'Election day' }).fill('2027-03-02');
  await tick(page, 'kind-local');
  await checked(page, 'elections');
  await page.getByRole('button', { name: 'Create election' }).click();
  assert.match(await page.locator('h1').innerText(), /Water District Special/);
  await checked(page, 'election');
  await page.getByRole('link', { name: 'Los Angeles (19)' }).click();
  await page.getByLabel('Intelligent Mail Barcodes (IMB) used on').selectOption('both');
  await page.getByLabel(/Day tracking turns on/).fill('2027-02-01');
  await checked(page, 'election-county');
  await page.getByRole('button', { name: 'Opt in' }).click();
  assert.match(await page.locator('[role="status"]').first().innerText(), /opted in/);
  await checked(page, 'election-county-opted-in');

  // A voter cannot log in: the first name typed differs from the record; then a voice channel
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Voters' }).click();
  await checked(page, 'voters');
  await page.getByRole('link', { name: 'Why does a sign-up fail?' }).click();
  await page.getByLabel('First name').fill('Johnny');
  await page.getByLabel('Last name').fill('Smith');
  await page.getByLabel('Date of birth').fill('05-05-1970');
  await page.getByLabel('ZIP code of the residential address').fill('90012');
  await page.getByRole('button', { name: 'Check' }).click();
  const result = await page.locator('#check-result').innerText();
  assert.match(result, /No record matches exactly/);
  assert.match(await page.locator('main').innerText(), /First name\tJohnny\tJohn\tDiffers/);
  await checked(page, 'sign-up-check');
  await page.getByRole('link', { name: 'CA101' }).first().click();
  assert.match(await page.locator('h1').innerText(), /John Smith/);
  await checked(page, 'voter');
  await page.getByLabel(/Voice call: new phone number/).fill('(213) 555-0142');
  await page.getByRole('button', { name: 'Save preferences' }).click();
  assert.match(await page.locator('[role="status"]').first().innerText(), /Preferences saved/);
  assert.match(await page.locator('main').innerText(), /Voice call/);
  await checked(page, 'voter-changed');

  // The audit trail of all of it
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click();
  const trail = await page.locator('table').innerText();
  for (const action of ['staff.setup_completed', 'login.failed', 'login.succeeded', 'staff.created', 'election.created', 'election.participation_changed', 'voter.viewed', 'voter.changed']) {
    assert.match(trail, new RegExp(action.replace('.', '\\.')), action);
  }
  await checked(page, 'audit');
  await page.getByLabel('Action').fill('voter.');
  await page.getByLabel('Voter ID').fill('CA101');
  await page.getByRole('button', { name: 'Show entries' }).click();
  assert.doesNotMatch(await page.locator('table').innerText(), /staff\.created/);
  await checked(page, 'audit-filtered');

  // Sign out
  await page.getByRole('button', { name: 'Sign out' }).click();
  assert.equal(new URL(page.url()).pathname, '/console/sign-in');
  await page.goto('/console/audit');
  assert.equal(new URL(page.url()).pathname, '/console/sign-in');
});
