/**
 * End-to-end browser tests: the real server on 127.0.0.1 (random port) over a test
 * database, driven by Debian's Chromium through playwright-core, with axe-core for
 * accessibility. Chromium is a system package (`apt-get install chromium`; .ci/run
 * installs it) — never downloaded by Playwright. Without it the tests fail, they do not skip.
 *
 *   const h = await startBrowserHarness();
 *   const page = await h.newPage({ width: 320 });
 *   await page.goto(`${h.baseUrl}/help?lang=es`);
 *   await checkA11y(page);
 *   await screenshot(page, 'help-es-320');
 */
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROUTES } from '../app.modules.ts';
import type { Runtime } from '../runtime.ts';
import { buildServer, type RouteModule } from '../web/server.ts';
import { testRuntime, type TestRuntimeOptions } from './db.ts';

/** Debian's Chromium; BALLOTLINE_CHROMIUM overrides (e.g. another distribution's path). */
export const CHROMIUM_PATH = process.env.BALLOTLINE_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Where screenshots go (gitignored); CI keeps them as artifacts. */
export const SCREENSHOT_DIR = resolve('artifacts/screenshots');

export interface NewPageOptions {
  /** Viewport width in CSS pixels. Default 1280. */
  width?: number;
  height?: number;
  /** false runs the page with scripting off, as for a voter who disabled JavaScript. */
  javaScriptEnabled?: boolean;
  /** The browser's Accept-Language, e.g. 'es-MX'. */
  locale?: string;
}

export interface BrowserHarness {
  readonly rt: Runtime;
  readonly app: FastifyInstance;
  readonly browser: Browser;
  /** e.g. http://127.0.0.1:39123 */
  readonly baseUrl: string;
  /** A page in a fresh browser context (own cookies), watched for CSP violations and script errors. */
  newPage(options?: NewPageOptions): Promise<Page>;
}

export interface HarnessOptions {
  /** Route modules to serve; default the whole application (ROUTES). */
  routes?: readonly RouteModule[];
  runtime?: TestRuntimeOptions;
}

/** Fails with the fix when Chromium is not installed. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}. The browser tests need Debian's package: `
      + '`apt-get update && apt-get install -y chromium` (.ci/run does this). Never `npx playwright install`.');
  }
}

/**
 * Starts server and browser for one test file; both stop when the file's tests end.
 * Call it at the top level of the test file (top-level await), not inside before():
 * its cleanup hooks attach to whatever test or hook is running when it is called.
 */
export async function startBrowserHarness(options: HarnessOptions = {}): Promise<BrowserHarness> {
  requireChromium();
  const rt = await testRuntime(options.runtime);
  const app = await buildServer(rt, { logger: false, routes: options.routes ?? ROUTES });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  after(async () => {
    await browser.close().catch(() => undefined);
    await app.close().catch(() => undefined);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    rt, app, browser, baseUrl,
    async newPage(o = {}) {
      const context = await browser.newContext({
        viewport: { width: o.width ?? 1280, height: o.height ?? 900 },
        javaScriptEnabled: o.javaScriptEnabled ?? true,
        locale: o.locale ?? 'en-US',
        baseURL: baseUrl,
      });
      contexts.push(context);
      const page = await context.newPage();
      watchPage(page);
      return page;
    },
  };
}

const problemsOf = new WeakMap<Page, string[]>();

/** Records what a page must never do: break the CSP, throw, log errors, or fail to load a file. */
function watchPage(page: Page): void {
  const problems: string[] = [];
  problemsOf.set(page, problems);
  page.on('console', (msg) => {
    // Failed loads are reported by the response listener (which knows a 404 page from a missing file).
    if (/^Failed to load resource/.test(msg.text())) return;
    if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (res.status() >= 400 && res.request().resourceType() !== 'document') problems.push(`${res.status()} ${url.pathname}`);
  });
  page.on('requestfailed', (req) => problems.push(`failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
}

/** Asserts nothing went wrong on the page so far (CSP violations, script errors, missing files). */
export function assertNoPageProblems(page: Page): void {
  assert.deepEqual(problemsOf.get(page) ?? [], [], `problems on ${page.url()}`);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.1 A and AA, plus axe's best practices (landmarks, headings, regions). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }

/**
 * Runs axe-core in the page and fails on any violation, listing each with its elements.
 * axe is evaluated over the DevTools protocol, so the page's CSP (no inline script) stays on.
 */
export async function checkA11y(page: Page, options: { disableRules?: readonly string[] } = {}): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const rules = Object.fromEntries((options.disableRules ?? []).map((id) => [id, { enabled: false }]));
  const runOptions = { runOnly: { type: 'tag', values: AXE_TAGS }, rules, resultTypes: ['violations'] };
  // A string, evaluated in the page (this project's TypeScript has no DOM types).
  const violations = await page.evaluate(`axe.run(document, ${JSON.stringify(runOptions)}).then((r) => r.violations)`) as AxeViolation[];
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`).join('\n')}`);
  assert.deepEqual(report, [], `accessibility violations on ${page.url()}`);
}

/**
 * A page as a browser without JavaScript renders it, for axe: axe cannot run where scripting
 * is off (its timers never fire), so scripts are served empty and, once loaded, the page's
 * <noscript> stylesheets are applied with `applyNoScriptStyles`. For behaviour without
 * JavaScript use a real `newPage({ javaScriptEnabled: false })`.
 */
export async function newPageWithoutScripts(h: BrowserHarness, options: NewPageOptions = {}): Promise<Page> {
  const page = await h.newPage(options);
  await page.route((url) => url.pathname.endsWith('.js'), (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
  return page;
}

/** Adds the stylesheets a page links inside <noscript> (see newPageWithoutScripts). */
export async function applyNoScriptStyles(page: Page): Promise<void> {
  const hrefs = await page.evaluate(`[...document.querySelectorAll('noscript')]
    .flatMap((n) => [...n.textContent.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&')))`) as string[];
  for (const url of hrefs) await page.addStyleTag({ url });
}

/** Saves a full-page screenshot as artifacts/screenshots/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Asserts the page does not scroll sideways (e.g. at 320 px: WCAG 1.4.10 Reflow). */
export async function assertNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth, wide } = await page.evaluate(`(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''));
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  })()`) as { scrollWidth: number; clientWidth: number; wide: string[] };
  assert.ok(scrollWidth <= clientWidth, `${page.url()} scrolls sideways: ${scrollWidth} > ${clientWidth} (${wide.join(', ')})`);
}
