/**
 * The voter portal: server-rendered pages in the voter's language, styled with USWDS,
 * usable without JavaScript.
 *
 * Everything runs in one encapsulated Fastify context that gives every page inside it:
 * cookies (signed), urlencoded form bodies, a CSRF check on every POST (token in the
 * `_csrf` field, secret in a signed cookie), the page context (language, translator —
 * see portal/context.ts), HTML error pages in the reader's language, and an HTML 404.
 * Pages are registered by the modules in PORTAL_PAGES; part 2's pages join that list.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import { AppError } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import type { RouteModule } from './server.ts';
import { CATALOGS, type MessageKey } from './i18n/catalog.ts';
import { portalAssets } from './portal/assets.ts';
import { cookieOptions, installPageContext, pageContext, pageContextForError, sendPage } from './portal/context.ts';
import { errorPage, errorPageTitle, type ErrorPageKind } from './portal/error.page.ts';
import { helpPage } from './portal/help.page.ts';
import { homePage } from './portal/home.page.ts';
import { PORTAL_PATHS } from './portal/paths.ts';
import { privacyPage } from './portal/privacy.page.ts';
import { signupPages } from './portal/signup.page.ts';
import { loginPages } from './portal/login.page.ts';
import { myBallotPages } from './portal/my-ballot.page.ts';
import { preferencesPages } from './portal/preferences.page.ts';
import { optOutPages } from './portal/opt-out.page.ts';
import { appSecretSync } from '../auth/secret.ts';

/** A group of portal pages; registered inside the portal context. */
export type PortalModule = (portal: FastifyInstance, rt: Runtime) => Promise<void> | void;

/** Home, help and privacy: the same for every voter, nothing personal. */
export const staticPages: PortalModule = (portal) => {
  portal.get(PORTAL_PATHS.home, async (req, reply) => {
    const ctx = pageContext(req);
    return sendPage(reply, ctx, { title: ctx.t('home.title'), main: homePage(ctx), nav: 'home' });
  });
  portal.get(PORTAL_PATHS.help, async (req, reply) => {
    const ctx = pageContext(req);
    return sendPage(reply, ctx, { title: ctx.t('help.title'), main: helpPage(ctx), nav: 'help' });
  });
  portal.get(PORTAL_PATHS.privacy, async (req, reply) => {
    const ctx = pageContext(req);
    return sendPage(reply, ctx, { title: ctx.t('privacy.title'), main: privacyPage(ctx) });
  });
};

/** Every group of portal pages, in registration order. */
export const PORTAL_PAGES: readonly PortalModule[] = [staticPages, signupPages, loginPages, myBallotPages, preferencesPages, optOutPages];

export const CSRF_COOKIE = 'bl_csrf';
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The portal with the given pages (tests add their own); the app uses `portalRoutes`. */
export function createPortalRoutes(pageModules: readonly PortalModule[]): RouteModule {
  return async (app, rt) => {
    await app.register(portalAssets);
    await app.register(async (portal) => portalContext(portal, rt, pageModules));
  };
}

export const portalRoutes: RouteModule = createPortalRoutes(PORTAL_PAGES);

async function portalContext(portal: FastifyInstance, rt: Runtime, pageModules: readonly PortalModule[]): Promise<void> {
  // Registered here, inside the portal; skipped if the whole app already has them.
  if (!portal.hasDecorator('parseCookie')) await portal.register(cookie, { secret: appSecretSync(rt.config), hook: 'onRequest' });
  if (!portal.hasContentTypeParser('application/x-www-form-urlencoded')) await portal.register(formbody, { bodyLimit: 64 * 1024 });
  await portal.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { ...cookieOptions(rt.config), signed: true },
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      return typeof body?._csrf === 'string' ? body._csrf : undefined;
    },
  });
  installPageContext(portal, rt);
  // Pages are HTML for people, not part of the API description.
  portal.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  // Every state-changing request carries the form's CSRF token; checked before any handler.
  portal.addHook('preHandler', (req, reply, done) => {
    if (SAFE_METHODS.has(req.method)) return done();
    portal.csrfProtection(req, reply, done);
  });
  portal.setErrorHandler((err: FastifyError, req, reply) => sendErrorPage(err, req, reply, rt));

  for (const pages of pageModules) await pages(portal, rt);

  // Unknown GET paths: an HTML 404 for browsers; API clients get the JSON one.
  portal.get('/*', async (req, reply) => {
    if (!acceptsHtml(req)) return reply.callNotFound();
    const ctx = pageContext(req);
    return sendPage(reply, ctx, { status: 404, title: errorPageTitle(ctx, 'notFound'), main: errorPage(ctx, 'notFound') });
  });
}

const acceptsHtml = (req: FastifyRequest): boolean => (req.headers.accept ?? '').includes('text/html');

function sendErrorPage(err: FastifyError, req: FastifyRequest, reply: FastifyReply, rt: Runtime): FastifyReply {
  const ctx = pageContextForError(req, reply, rt);
  const { status, kind } = classify(err);
  if (status >= 500) req.log.error({ err: loggableError(err) }, 'portal page failed');
  const messageKey = err instanceof AppError && err.messageKey in CATALOGS.en ? (err.messageKey as MessageKey) : null;
  const main = errorPage(ctx, kind, messageKey);
  return sendPage(reply, ctx, { status, title: errorPageTitle(ctx, kind), main, personal: true });
}

/**
 * What of an unexpected error goes into the log: never the message of an error we did not
 * write (a driver's message can quote what the voter typed, e.g. `invalid input syntax for
 * type date: "01-23-1980"`), only its type, code and call stack.
 */
function loggableError(err: FastifyError): Record<string, unknown> {
  const frames = err.stack?.split('\n').filter((line) => line.trimStart().startsWith('at ')).join('\n');
  return { type: err.name, code: err.code, ...(err instanceof AppError ? { message: err.message } : {}), stack: frames };
}

function classify(err: FastifyError): { status: number; kind: ErrorPageKind } {
  if (err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET') return { status: 403, kind: 'expired' };
  const status = err instanceof AppError ? err.status : err.validation ? 400 : (err.statusCode ?? 500);
  if (status === 429) return { status, kind: 'tooMany' };
  if (status === 404) return { status, kind: 'notFound' };
  if (status >= 400 && status < 500) return { status, kind: 'badRequest' };
  return { status: 500, kind: 'server' };
}
