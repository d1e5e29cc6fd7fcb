/**
 * The frame of the staff console's HTML pages (English only): layout, page context, and the
 * registration helper every console page module uses.
 *
 * A page module is a function given a `ConsolePages` registrar; list it in
 * CONSOLE_PAGE_MODULES (pages.routes.ts) and it joins the console:
 *
 *   export const votersPages: ConsolePageModule = (pages) => {
 *     pages.nav({ id: 'voters', href: '/console/voters', label: 'Voters', description: 'Find a voter …', anyOf: ['voters.view'] });
 *     pages.get('/console/voters/:voterId', { anyOf: ['voters.view'] }, async (ctx, req) => {
 *       const voter = await findVoter(ctx.rt.db.pool, req.params.voterId, countyScope(ctx.staff));
 *       if (!voter) throw notFound();                  // another county's row: 404, never 403
 *       return { title: 'Voter', nav: 'voters', main: html`…` };
 *     });
 *     pages.post('/console/voters/:voterId/opt-out', { anyOf: ['voters.assist'] }, async (ctx, req, reply) => {
 *       …
 *       return seeOther(reply, ctx, `/console/voters/${id}`, 'Opted out.');   // POST-redirect-GET with a flash message
 *     });
 *   };
 *
 * What every console route gets (pages.get/post, and raw routes registered with `pages.app`
 * plus `pages.guard`):
 * - a live staff session (`bl_staff` cookie), else 303 to `/console/sign-in?next=<this path>`
 *   (`next` is only ever a relative `/console…` path);
 * - the permission check of `{ anyOf, roles }`: 403 page otherwise;
 * - a CSRF check on every POST, before any handler: the token is the form's `_csrf` field
 *   (`csrfField(ctx)`, or `postForm` in forms.ts) checked against the secret in the signed
 *   `bl_console_csrf` cookie (SameSite=Strict, path /console). A `multipart/form-data` POST
 *   carries it in the form's action URL instead (`uploadAction(ctx, path)` →
 *   `path?_csrf=…`), because its body is not read before the handler;
 * - bodies: `application/x-www-form-urlencoded` (parsed into `req.body`), and
 *   `multipart/form-data` left unread: the handler streams `req.raw` itself (e.g. with
 *   `busboy`-style parsing of the `content-type` boundary), up to its own limit;
 * - `cache-control: no-store` on every response;
 * - errors rendered as console pages: AppError 400/409 → "cannot do that" with its message,
 *   403 → "not allowed", 404 and 403 `county_forbidden` → "not found" (another county's row
 *   is never confirmed to exist), 429, and 500 without detail;
 * - `ctx.staff.request`: the audit request context (clock, address, user agent) for
 *   `audit(...)`/`auditVoterView(...)` with the staff member as actor.
 *
 * Pages without a session (sign-in, set-up) use `pages.publicGet/publicPost` (CSRF still
 * checked on POST); their context has `staff: null`.
 *
 * Streamed upload, raw route:
 *
 *   pages.app.post('/console/feeds/upload', { preHandler: pages.guard({ anyOf: ['feeds.manage'] }) }, async (req, reply) => {
 *     const ctx = pages.context(req, reply);          // ConsolePageContext (staff set)
 *     … read req.raw …
 *     return sendConsolePage(reply, ctx, { title: 'Upload done', main: html`…` });
 *   });
 *   // the form: html`<form method="post" enctype="multipart/form-data" action="${uploadAction(ctx, '/console/feeds/upload')}">`
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Runtime } from '../../runtime.ts';
import { html, type SafeHtml } from '../../web/html.ts';
import { ASSETS } from '../../web/portal/assets.ts';
import type { SignedInStaff } from '../accounts.service.ts';
import type { Permission } from '../roles.ts';
import { hasPermission } from '../roles.ts';
import type { Role } from '../../persisted.ts';
import { CONSOLE_CSS } from './console-assets.ts';

export const CONSOLE_PATHS = {
  home: '/console',
  signIn: '/console/sign-in',
  signOut: '/console/sign-out',
  setup: '/console/setup',
  account: '/console/account',
} as const;

/** Name of the console's CSRF secret cookie. */
export const CONSOLE_CSRF_COOKIE = 'bl_console_csrf';
/** Name of the one-shot flash message cookie (a message shown on the page after a redirect). */
export const CONSOLE_FLASH_COOKIE = 'bl_console_flash';

export interface Flash { kind: 'success' | 'info' | 'warning' | 'error'; text: string }

/** A link in the console's navigation and on its home page, shown only to members allowed to use it. */
export interface NavEntry {
  /** Matches `ConsolePage.nav` of the pages under it (marks the link current). */
  id: string;
  href: string;
  label: string;
  /** One sentence on the home page: what the member can do there. */
  description: string;
  /** Shown when the member has at least one of these permissions (none: every member). */
  anyOf?: readonly Permission[];
  /** Lower first; the default is 100. */
  order?: number;
}

/** What a console page handler works with. */
export interface ConsoleBaseContext {
  readonly rt: Runtime;
  /** The signed-in member; null only on public pages (sign-in, set-up). */
  readonly staff: SignedInStaff | null;
  /** The CSRF token for this page's forms (`csrfField(ctx)` writes it). */
  readonly csrfToken: string;
  /** The path of this page without its query: forms post back to it. */
  readonly path: string;
  /** The parsed query string (strings or arrays of strings; validate before use). */
  readonly query: Readonly<Record<string, string | string[] | undefined>>;
  /** A message left by the previous request (POST-redirect-GET), shown once. */
  readonly flash?: Flash;
  /** Navigation entries (all of them; the layout filters by permission). */
  readonly navigation: readonly NavEntry[];
}

/** A console page handler's context: always signed in. */
export interface ConsolePageContext extends ConsoleBaseContext {
  readonly staff: SignedInStaff;
}

export interface ConsolePage {
  /** The page's `<h1>` and the start of its `<title>`. */
  title: string;
  /** Everything after the `<h1>`. */
  main: SafeHtml;
  status?: number;
  /** The navigation entry this page belongs to (`NavEntry.id`). */
  nav?: string;
  /** The page shows a form with errors: the title starts with "Error:". */
  hasErrors?: boolean;
  /** A line of links above the `<h1>`, e.g. back to a list: [[href, label], …]. */
  breadcrumbs?: readonly (readonly [string, string])[];
}

export interface GuardOptions {
  /** At least one of these permissions (403 otherwise). */
  anyOf?: readonly Permission[];
  /** Only these roles (403 otherwise). */
  roles?: readonly Role[];
  /** Route config, e.g. `{ rateLimit: { max: 30, timeWindow: '1 minute' } }`. */
  config?: RouteShorthandOptions['config'];
}

/** What a handler may return: a page to render, or the reply it already sent (e.g. a redirect). */
export type PageResult = ConsolePage | FastifyReply;

/** Route parameters are strings; the body (form fields) is read with the helpers of forms.ts, which validate. */
export interface ConsoleRoute { Params: Record<string, string>; Body: unknown; Querystring: Record<string, string | string[] | undefined> }
export type RouteRequest = FastifyRequest<ConsoleRoute>;

export type PageHandler = (ctx: ConsolePageContext, req: RouteRequest, reply: FastifyReply) => Promise<PageResult>;
export type PublicPageHandler = (ctx: ConsoleBaseContext, req: RouteRequest, reply: FastifyReply) => Promise<PageResult>;

/** The registrar a page module receives. */
export interface ConsolePages {
  readonly rt: Runtime;
  /** The console's encapsulated Fastify instance, for raw routes (streamed uploads): put `guard(...)` as their preHandler. */
  readonly app: FastifyInstance;
  get(path: string, options: GuardOptions, handler: PageHandler): void;
  post(path: string, options: GuardOptions, handler: PageHandler): void;
  /** A page without a session (sign-in, set-up). */
  publicGet(path: string, options: Pick<GuardOptions, 'config'>, handler: PublicPageHandler): void;
  publicPost(path: string, options: Pick<GuardOptions, 'config'>, handler: PublicPageHandler): void;
  /** Adds a navigation entry (and a card on the home page). */
  nav(entry: NavEntry): void;
  /** The session and permission preHandler of `get`/`post`, for raw routes. */
  guard(options: GuardOptions): (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** The page context of a request that passed `guard` (raw routes). */
  context(req: FastifyRequest, reply: FastifyReply): ConsolePageContext;
}

export type ConsolePageModule = (pages: ConsolePages) => Promise<void> | void;

/** Entries the member may use, in order. */
export function visibleNav(ctx: ConsoleBaseContext): readonly NavEntry[] {
  const staff = ctx.staff;
  if (!staff) return [];
  return ctx.navigation
    .filter((e) => !e.anyOf || e.anyOf.length === 0 || e.anyOf.some((p) => hasPermission(staff, p)))
    .slice()
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.label.localeCompare(b.label));
}

/** The hidden CSRF field for a form of this page. */
export function csrfField(ctx: ConsoleBaseContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}">`;
}

/** The action URL of a multipart form (file upload): the CSRF token rides in the query. */
export function uploadAction(ctx: ConsoleBaseContext, path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(ctx.csrfToken)}`;
}

const ROLE_LABELS: Readonly<Record<Role, string>> = { state_admin: 'State admin', county_admin: 'County admin', county_staff: 'County staff' };
export const roleLabel = (role: Role): string => ROLE_LABELS[role];

/** Who is signed in, for the header: name, role, counties. */
function memberLine(staff: SignedInStaff): string {
  const where = staff.role === 'state_admin' ? 'all counties' : `county ${staff.countyCodes.join(', ')}`;
  return `${staff.name} (${roleLabel(staff.role)}, ${where})`;
}

/** A full console HTML document. */
export function consoleLayout(ctx: ConsoleBaseContext, page: ConsolePage): SafeHtml {
  const serviceName = ctx.rt.profile.serviceName;
  const title = `${page.hasErrors ? 'Error: ' : ''}${page.title} – ${serviceName} Console`;
  const nav = visibleNav(ctx);
  return html`<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${ASSETS.uswdsCss}">
<link rel="stylesheet" href="${ASSETS.portalCss}">
<link rel="stylesheet" href="${CONSOLE_CSS}">
<link rel="icon" href="${ASSETS.favicon}">
</head>
<body>
<a class="usa-skipnav" href="#main-content">Skip to main content</a>
<header class="bl-header bl-console-header">
<div class="grid-container bl-header__inner">
<div class="usa-logo"><em class="usa-logo__text"><a href="${ctx.staff ? CONSOLE_PATHS.home : CONSOLE_PATHS.signIn}">${serviceName} <span class="bl-console-tag">Console</span></a></em></div>
${ctx.staff ? html`<div class="bl-console-member">
<p class="margin-0">Signed in as <strong>${memberLine(ctx.staff)}</strong> · <a href="${CONSOLE_PATHS.account}">Your account</a></p>
<form method="post" action="${CONSOLE_PATHS.signOut}">${csrfField(ctx)}<button class="usa-button usa-button--outline usa-button--small" type="submit">Sign out</button></form>
</div>` : ''}
</div>
${nav.length > 0 ? html`<nav class="bl-console-nav" aria-label="Console">
<div class="grid-container">
<ul class="bl-nav__list">
<li><a href="${CONSOLE_PATHS.home}"${page.nav === 'home' ? html` aria-current="page"` : ''}>Home</a></li>
${nav.map((e) => html`<li><a href="${e.href}"${page.nav === e.id ? html` aria-current="page"` : ''}>${e.label}</a></li>
`)}</ul>
</div>
</nav>` : ''}
</header>
<main id="main-content" tabindex="-1">
<div class="grid-container">
${page.breadcrumbs && page.breadcrumbs.length > 0 ? html`<nav aria-label="Breadcrumbs" class="bl-console-crumbs"><ol class="usa-breadcrumb__list">${page.breadcrumbs.map(([href, label]) => html`<li class="usa-breadcrumb__list-item"><a class="usa-breadcrumb__link" href="${href}"><span>${label}</span></a></li>`)}</ol></nav>` : ''}
<h1>${page.title}</h1>
${ctx.flash ? flashAlert(ctx.flash) : ''}
${page.main}
</div>
</main>
<footer class="usa-footer usa-footer--slim">
<div class="usa-footer__secondary-section"><div class="grid-container"><p>${serviceName} console, for ${ctx.rt.profile.stateName} elections staff. Every view and change of voter data is recorded.</p></div></div>
</footer>
</body>
</html>
`;
}

function flashAlert(flash: Flash): SafeHtml {
  return html`<div class="usa-alert usa-alert--${flash.kind} usa-alert--slim margin-bottom-3" role="status"><div class="usa-alert__body"><p class="usa-alert__text">${flash.text}</p></div></div>`;
}

/** Sends a full console page; `cache-control: no-store` like every console response. */
export function sendConsolePage(reply: FastifyReply, ctx: ConsoleBaseContext, page: ConsolePage): FastifyReply {
  return reply.status(page.status ?? 200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(consoleLayout(ctx, page).value);
}

/**
 * Redirects with 303 (POST-redirect-GET), leaving a message for the next page. `to` must be
 * a console path.
 */
export function seeOther(reply: FastifyReply, ctx: ConsoleBaseContext, to: string, flash?: string | Flash): FastifyReply {
  if (!isConsolePath(to)) throw new Error(`seeOther: not a console path: ${to}`);
  if (flash !== undefined) {
    const value: Flash = typeof flash === 'string' ? { kind: 'success', text: flash } : flash;
    reply.setCookie(CONSOLE_FLASH_COOKIE, JSON.stringify(value), { path: '/console', httpOnly: true, sameSite: 'strict', secure: ctx.rt.config.publicUrl.startsWith('https:'), signed: true });
  }
  return reply.redirect(to, 303);
}

/** True for a relative console path (`/console`, `/console/…`, with a query): the only `next` after sign-in. */
export function isConsolePath(value: string): boolean {
  return /^\/console(?:[/?#]|$)/.test(value) && !/[\\\s]/.test(value) && !value.includes('//') && value.length <= 500;
}
