/**
 * The staff console's HTML pages under `/console`: one encapsulated Fastify context holding
 * cookies, form bodies, the CSRF check, the session guard, `no-store`, and HTML error pages
 * (see frame.ts for what a page module gets). Page modules are listed in
 * CONSOLE_PAGE_MODULES; adding one is one line.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import { appSecretSync } from '../../auth/secret.ts';
import { AppError } from '../../errors.ts';
import type { Runtime } from '../../runtime.ts';
import { html } from '../../web/html.ts';
import { pagePath } from '../../web/portal/context.ts';
import type { RouteModule } from '../../web/server.ts';
import { requireStaff } from '../staff-auth.ts';
import {
  CONSOLE_CSRF_COOKIE, CONSOLE_FLASH_COOKIE, CONSOLE_PATHS, isConsolePath, sendConsolePage, visibleNav,
  type ConsoleBaseContext, type ConsolePage, type ConsoleRoute, type ConsolePageContext, type ConsolePageModule, type ConsolePages, type Flash,
  type GuardOptions, type NavEntry, type PageResult,
} from './frame.ts';
import { signInPages } from './signin.pages.ts';
import { accountsPages } from './accounts.pages.ts';
import { keysPages } from './keys.pages.ts';
import { electionsPages } from './elections.pages.ts';
import { assistancePages } from './assistance.pages.ts';
import { auditPages } from './audit.pages.ts';
import { feedsPages } from './feeds.pages.ts';
import { dashboardsPages } from './dashboards.pages.ts';
import { templatesPages } from './templates.pages.ts';
import { outboxPages } from './outbox.pages.ts';

/** Every console page module, in registration order. */
export const CONSOLE_PAGE_MODULES: readonly ConsolePageModule[] = [
  signInPages,
  accountsPages,
  keysPages,
  electionsPages,
  assistancePages,
  auditPages,
  feedsPages,
  dashboardsPages,
  templatesPages,
  outboxPages,
];

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
const MULTIPART = /^multipart\/form-data/i;

/** The console with the given page modules (tests pass their own); the app uses `consolePagesRoutes`. */
export function createConsolePagesRoutes(modules: readonly ConsolePageModule[]): RouteModule {
  return async (app, rt) => {
    await app.register(async (scope) => consoleContext(scope, rt, modules));
  };
}

export const consolePagesRoutes: RouteModule = createConsolePagesRoutes(CONSOLE_PAGE_MODULES);

const contexts = new WeakMap<FastifyRequest, ConsoleBaseContext>();

async function consoleContext(app: FastifyInstance, rt: Runtime, modules: readonly ConsolePageModule[]): Promise<void> {
  const secure = rt.config.publicUrl.startsWith('https:');
  if (!app.hasDecorator('parseCookie')) await app.register(cookie, { secret: appSecretSync(rt.config), hook: 'onRequest' });
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody, { bodyLimit: 256 * 1024 });
  // A multipart body is left unread for the handler to stream from req.raw (file uploads).
  app.addContentTypeParser('multipart/form-data', (_req, _payload, done) => done(null, undefined));
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CONSOLE_CSRF_COOKIE,
    cookieOpts: { path: '/console', httpOnly: true, sameSite: 'strict', secure, signed: true },
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      if (typeof body?._csrf === 'string') return body._csrf;
      if (MULTIPART.test(req.headers['content-type'] ?? '')) {
        const q = (req.query as Record<string, unknown> | undefined)?._csrf;
        return typeof q === 'string' ? q : undefined;
      }
      return undefined;
    },
  });
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });
  const navigation: NavEntry[] = [];
  app.addHook('onRequest', async (req, reply) => {
    contexts.set(req, baseContext(rt, req, reply, navigation));
  });
  // Every state-changing request carries the form's CSRF token; checked before any handler or guard.
  app.addHook('preHandler', (req, reply, done) => {
    if (SAFE_METHODS.has(req.method)) return done();
    app.csrfProtection(req, reply, done);
  });
  app.setErrorHandler((err: FastifyError, req, reply) => sendErrorPage(err, req, reply, rt, navigation));

  const guard = (options: GuardOptions) => requireStaff(rt, { ...(options.anyOf ? { anyOf: options.anyOf } : {}), ...(options.roles ? { roles: options.roles } : {}) });
  const context = (req: FastifyRequest, reply: FastifyReply): ConsolePageContext => {
    if (!req.staff) throw new Error('pages.context() needs pages.guard() as the route preHandler');
    return { ...(contexts.get(req) ?? baseContext(rt, req, reply, navigation)), staff: req.staff };
  };
  const respond = (reply: FastifyReply, ctx: ConsoleBaseContext, result: PageResult): FastifyReply =>
    isPage(result) ? sendConsolePage(reply, ctx, result) : result;

  const pages: ConsolePages = {
    rt,
    app,
    guard,
    context,
    nav: (entry) => {
      navigation.push(entry);
    },
    get: (path, options, handler) => {
      app.get<ConsoleRoute>(path, { preHandler: guard(options), config: options.config ?? {} }, async (req, reply) => {
        const ctx = context(req, reply);
        return respond(reply, ctx, await handler(ctx, req, reply));
      });
    },
    post: (path, options, handler) => {
      app.post<ConsoleRoute>(path, { preHandler: guard(options), config: options.config ?? {} }, async (req, reply) => {
        const ctx = context(req, reply);
        return respond(reply, ctx, await handler(ctx, req, reply));
      });
    },
    publicGet: (path, options, handler) => {
      app.get<ConsoleRoute>(path, { config: options.config ?? {} }, async (req, reply) => {
        const ctx = contexts.get(req)!;
        return respond(reply, ctx, await handler(ctx, req, reply));
      });
    },
    publicPost: (path, options, handler) => {
      app.post<ConsoleRoute>(path, { config: options.config ?? {} }, async (req, reply) => {
        const ctx = contexts.get(req)!;
        return respond(reply, ctx, await handler(ctx, req, reply));
      });
    },
  };

  pages.get(CONSOLE_PATHS.home, {}, async (ctx) => homePage(ctx));
  for (const module of modules) await module(pages);

  // Unknown console paths: a console 404 page (a POST is CSRF-checked first, like every POST).
  app.route({ method: ['GET', 'POST'], url: '/console/*', handler: async () => {
    throw new AppError(404, 'not_found', 'No such page');
  } });
}

const isPage = (r: PageResult): r is ConsolePage => typeof r === 'object' && r !== null && typeof (r as ConsolePage).title === 'string' && 'main' in r;

function baseContext(rt: Runtime, req: FastifyRequest, reply: FastifyReply, navigation: readonly NavEntry[]): ConsoleBaseContext {
  let token: string | null = null;
  const flash = readFlash(req, reply);
  return {
    rt,
    staff: req.staff ?? null,
    get csrfToken() {
      token ??= reply.generateCsrf();
      return token;
    },
    path: pagePath(req.url),
    query: (req.query ?? {}) as Record<string, string | string[] | undefined>,
    ...(flash ? { flash } : {}),
    navigation,
  };
}

function readFlash(req: FastifyRequest, reply: FastifyReply): Flash | undefined {
  const raw = req.cookies[CONSOLE_FLASH_COOKIE];
  if (!raw || req.method !== 'GET') return undefined;
  reply.clearCookie(CONSOLE_FLASH_COOKIE, { path: '/console' });
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const v = JSON.parse(unsigned.value) as Flash;
    return typeof v.text === 'string' && ['success', 'info', 'warning', 'error'].includes(v.kind) ? { kind: v.kind, text: v.text.slice(0, 500) } : undefined;
  } catch {
    return undefined;
  }
}

function homePage(ctx: ConsolePageContext): ConsolePage {
  const entries = visibleNav(ctx);
  return {
    title: 'Console home',
    nav: 'home',
    main: html`<p class="usa-intro">What you can do here:</p>
<ul class="bl-console-cards">
${entries.map((e) => html`<li><h2 class="margin-top-0 font-heading-md"><a href="${e.href}">${e.label}</a></h2><p class="margin-bottom-0">${e.description}</p></li>
`)}<li><h2 class="margin-top-0 font-heading-md"><a href="${CONSOLE_PATHS.account}">Your account</a></h2><p class="margin-bottom-0">Change your password or move your authenticator app to a new phone.</p></li>
</ul>`,
  };
}

// --- errors ---------------------------------------------------------------------------------

interface ErrorView { status: number; title: string; text: string }

function classify(err: FastifyError): ErrorView {
  if (err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET') {
    return { status: 403, title: 'This form has expired', text: 'The form was open too long or came from somewhere else. Go back, reload the page and try again.' };
  }
  if (err instanceof AppError) {
    if (err.status === 404 || err.code === 'county_forbidden') return { status: 404, title: 'Page not found', text: 'There is nothing here, or it is outside your counties.' };
    if (err.status === 403) return { status: 403, title: 'Not allowed', text: 'Your role may not open this page or do this. Ask a state administrator if you need it.' };
    if (err.status === 429) return { status: 429, title: 'Too many requests', text: 'Wait a minute, then try again.' };
    if (err.status < 500) return { status: err.status, title: 'That could not be done', text: err.message };
  }
  if (err.validation) return { status: 400, title: 'That could not be done', text: 'The request was not valid.' };
  const status = err.statusCode ?? 500;
  if (status === 429) return { status, title: 'Too many requests', text: 'Wait a minute, then try again.' };
  if (status === 404) return { status, title: 'Page not found', text: 'There is nothing here.' };
  if (status >= 400 && status < 500) return { status, title: 'That could not be done', text: 'The request was not valid.' };
  return { status: 500, title: 'Something went wrong', text: 'The console could not do this. Try again; if it keeps happening, tell the state help desk the time it happened.' };
}

function sendErrorPage(err: FastifyError, req: FastifyRequest, reply: FastifyReply, rt: Runtime, navigation: readonly NavEntry[]): FastifyReply {
  if (err instanceof AppError && err.status === 401 && err.code === 'unauthenticated') {
    // Back to the page after signing in; a form posted with an expired session is not replayed.
    const next = req.method === 'GET' ? req.url : CONSOLE_PATHS.home;
    const to = isConsolePath(next) && next !== CONSOLE_PATHS.home ? `${CONSOLE_PATHS.signIn}?next=${encodeURIComponent(next)}` : CONSOLE_PATHS.signIn;
    return reply.header('cache-control', 'no-store').redirect(to, 303);
  }
  const view = classify(err);
  if (view.status >= 500) req.log.error({ err: { type: err.name, code: err.code, stack: err.stack?.split('\n').filter((l) => l.trimStart().startsWith('at ')).join('\n') } }, 'console page failed');
  const ctx = { ...(contexts.get(req) ?? baseContext(rt, req, reply, navigation)), staff: req.staff ?? null };
  return sendConsolePage(reply, ctx, {
    status: view.status,
    title: view.title,
    main: html`<p class="usa-intro">${view.text}</p><p><a href="${ctx.staff ? CONSOLE_PATHS.home : CONSOLE_PATHS.signIn}">${ctx.staff ? 'Console home' : 'Sign in'}</a></p>`,
  });
}
