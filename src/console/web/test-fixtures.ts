/**
 * Test support for the console pages: a server with the staff API and the pages, a cookie
 * jar over `inject`, and accounts signed in through the pages themselves.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../persisted.ts';
import { testRuntime } from '../../testing/db.ts';
import { buildServer, type RouteModule } from '../../web/server.ts';
import { cliOperator, createStaffUser } from '../accounts.service.ts';
import { beginSetup, completeSetup } from '../signin.service.ts';
import { totpCode } from '../totp.ts';
import { createConsolePagesRoutes } from './pages.routes.ts';
import { signInPages } from './signin.pages.ts';
import { accountsPages } from './accounts.pages.ts';
import { keysPages } from './keys.pages.ts';
import { electionsPages } from './elections.pages.ts';
import { assistancePages } from './assistance.pages.ts';
import { auditPages } from './audit.pages.ts';
import { keepCookies } from '../../testing/cookies.ts';

/** The console with the sign-in, accounts, keys, elections, voter assistance and audit pages. */
export const accountsConsole: RouteModule = createConsolePagesRoutes([signInPages, accountsPages, keysPages, electionsPages, assistancePages, auditPages]);

export type Rt = Awaited<ReturnType<typeof testRuntime>>;
export const PASSWORD = 'correct horse battery staple';

export async function consoleWorld(routes: readonly RouteModule[] = [accountsConsole]): Promise<{ rt: Rt; app: FastifyInstance }> {
  const rt = await testRuntime();
  const app = await buildServer(rt, { routes, logger: false });
  return { rt, app };
}

export interface Account { id: number; email: string; secret: string; role: Role; countyCodes: string[] }

/** An account created as the CLI would, set up through the service (password PASSWORD). */
export async function account(rt: Rt, email: string, role: Role, countyCodes: string[] = []): Promise<Account> {
  const { user, setup } = await createStaffUser(rt, cliOperator(rt), { email, name: email.split('@')[0]!, role, countyCodes });
  const ctx = { at: rt.clock.now(), ip: null, userAgent: null };
  const start = await beginSetup(rt, setup.token, ctx);
  await completeSetup(rt, { token: setup.token, password: PASSWORD, code: totpCode(start.totpSecret, rt.clock.now()) }, ctx);
  return { id: user.id, email, secret: start.totpSecret, role, countyCodes };
}

/** The `_csrf` value of the first form in a page. */
export function csrfOf(body: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(body);
  assert.ok(m, 'the page has a form with a CSRF token');
  return m[1]!;
}

export function hiddenValue(body: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(body);
  assert.ok(m, `the page has a hidden ${name}`);
  return m[1]!.replace(/&amp;/g, '&');
}

/** A browser-like client: keeps cookies, reads the CSRF token of each page it gets. */
export class Browser {
  readonly cookies = new Map<string, string>();
  csrf = '';
  readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    keepCookies(this.cookies, res);
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
    return res;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), accept: 'text/html' } }));
  }

  /** A form post; `_csrf` is added from the last page unless `csrf: false`. */
  async post(url: string, form: Record<string, string | string[]>, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const params = new URLSearchParams();
    if (options.csrf !== false) params.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
    return this.keep(await this.app.inject({
      method: 'POST', url, payload: params.toString(),
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    }));
  }
}

/** Signs in through the pages (both steps); the clock moves one TOTP step first so the code is fresh. */
export async function signInBrowser(rt: Rt, app: FastifyInstance, a: Account): Promise<Browser> {
  const b = new Browser(app);
  rt.clock.advance(30_000);
  await b.get('/console/sign-in');
  const first = await b.post('/console/sign-in', { email: a.email, password: PASSWORD, next: '/console' });
  assert.equal(first.statusCode, 200, first.body);
  const second = await b.post('/console/sign-in', { loginToken: hiddenValue(first.body, 'loginToken'), code: totpCode(a.secret, rt.clock.now()), next: '/console' });
  assert.equal(second.statusCode, 303, second.body);
  assert.ok(b.cookies.has('bl_staff'));
  await b.get('/console');
  return b;
}
