/**
 * What a portal page handler works with: the reader's language and translator, the
 * profile, the CSRF token for its forms, and `sendPage` to answer with a full page.
 *
 *   app.get(PORTAL_PATHS.help, async (req, reply) => {
 *     const ctx = pageContext(req);
 *     return sendPage(reply, ctx, { title: ctx.t('help.title'), main: helpPage(ctx) });
 *   });
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Config } from '../../config.ts';
import type { Language } from '../../persisted.ts';
import type { JurisdictionProfile } from '../../profiles/profile.ts';
import type { Runtime } from '../../runtime.ts';
import type { SafeHtml } from '../html.ts';
import { translator, type Translator } from '../i18n/catalog.ts';
import { LANGUAGE_COOKIE, chooseLanguage } from '../i18n/negotiate.ts';
import { layout, type NavItem } from './layout.ts';

export interface PageContext extends Translator {
  readonly profile: JurisdictionProfile;
  readonly config: Config;
  /** Path of this page without its query: the target of language links and of forms posting back. */
  readonly path: string;
  /** Now, from the runtime's clock. */
  readonly now: Date;
  /**
   * The CSRF token for a form on this page (`csrfField` writes it). The first call sets the
   * CSRF secret cookie, so pages without forms set no cookie.
   */
  csrfToken(): string;
}

const contexts = new WeakMap<FastifyRequest, PageContext>();

/** The page context of a request handled inside the portal. */
export function pageContext(req: FastifyRequest): PageContext {
  const ctx = contexts.get(req);
  if (!ctx) throw new Error('pageContext() is only available in routes registered inside the portal (see portal.routes.ts)');
  return ctx;
}

/** Cookie attributes of every portal cookie: HttpOnly, SameSite=Lax, Secure when the public URL is https. */
export function cookieOptions(config: Config): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https:') };
}

/** Installs the hook that builds each request's page context (language chosen, remembered if switched). */
export function installPageContext(portal: FastifyInstance, rt: Runtime): void {
  portal.addHook('onRequest', async (req, reply) => {
    const query = req.query as Record<string, unknown> | undefined;
    const choice = chooseLanguage({ query: query?.lang, cookie: req.cookies[LANGUAGE_COOKIE], acceptLanguage: req.headers['accept-language'] });
    if (choice.remember) reply.setCookie(LANGUAGE_COOKIE, choice.lang, { ...cookieOptions(rt.config), maxAge: 365 * 24 * 3600 });
    contexts.set(req, createContext(req, reply, rt, choice.lang));
  });
}

/** The page context, or for a request that failed before it was built, one from Accept-Language. */
export function pageContextForError(req: FastifyRequest, reply: FastifyReply, rt: Runtime): PageContext {
  return contexts.get(req) ?? createContext(req, reply, rt, chooseLanguage({ acceptLanguage: req.headers['accept-language'] }).lang);
}

function createContext(req: FastifyRequest, reply: FastifyReply, rt: Runtime, lang: Language): PageContext {
  const tr = translator(lang, rt.profile.timeZone);
  let token: string | null = null;
  return {
    ...tr,
    profile: rt.profile,
    config: rt.config,
    path: pagePath(req.url),
    now: rt.clock.now(),
    csrfToken() {
      token ??= reply.generateCsrf();
      return token;
    },
  };
}

/**
 * The path part of a request URL, safe to write into this page's links: leading slashes and
 * backslashes collapse to one, so `//evil.example` cannot become a link to another host.
 */
export function pagePath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  return `/${path.replace(/^[/\\]+/, '')}`;
}

export interface Page {
  /** The page's own title (the service name is added). */
  title: string;
  main: SafeHtml;
  status?: number;
  /** Which main navigation item this page is, if any. */
  nav?: NavItem;
  /** The page is for a logged-in voter: the navigation offers their pages and a Log out button. */
  signedIn?: boolean;
  /** The page shows a form with errors: the title starts with "Error:" for screen readers. */
  hasErrors?: boolean;
  /**
   * Pages showing a voter's own data must not be stored by any cache or the browser's
   * back-forward history (`no-store`). Others vary by language only.
   */
  personal?: boolean;
}

/** Sends a full HTML page in the reader's language. */
export function sendPage(reply: FastifyReply, ctx: PageContext, page: Page): FastifyReply {
  reply.status(page.status ?? 200).type('text/html; charset=utf-8');
  if (page.personal) reply.header('cache-control', 'no-store');
  else reply.header('cache-control', 'private, no-cache').header('vary', 'Accept-Language, Cookie');
  return reply.send(layout(ctx, page).value);
}
