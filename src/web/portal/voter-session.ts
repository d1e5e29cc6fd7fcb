/**
 * The logged-in voter of a portal request, and the one-time notices shown after a redirect.
 *
 * Session: the token of the subscriptions service (createSession/verifySession) in the
 * `ballotline_voter` cookie, signed by @fastify/cookie with the portal's cookie key, HttpOnly,
 * SameSite=Lax, Secure over https, and a browser-session cookie (no Max-Age: it goes when the
 * browser closes — kinder on shared computers). The database decides expiry (idle and absolute)
 * on every request through verifySession.
 *
 * Notices ("Your changes are saved") survive the POST-redirect-GET in the signed `bl_notice`
 * cookie: a few codes, never personal data, read and cleared by the next page that shows them.
 */
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Config } from '../../config.ts';
import type { Runtime } from '../../runtime.ts';
import { SESSION_COOKIE } from '../../subscriptions/session-cookie.ts';
import { verifySession, type VoterSession } from '../../subscriptions/subscriptions.service.ts';
import { cookieOptions } from './context.ts';
import { PORTAL_PATHS } from './paths.ts';

export const VOTER_COOKIE = SESSION_COOKIE;
export const NOTICE_COOKIE = 'bl_notice';

export interface SignedInVoter { session: VoterSession; token: string }

const voters = new WeakMap<FastifyRequest, SignedInVoter>();

/** The session token in the request's cookie, signature checked (not yet against the database). */
export function sessionToken(req: FastifyRequest): string | null {
  const raw = req.cookies[VOTER_COOKIE];
  if (!raw) return null;
  const unsigned = req.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : null;
}

/** The live session of the request, or null. */
export async function currentVoter(req: FastifyRequest, rt: Runtime): Promise<SignedInVoter | null> {
  const token = sessionToken(req);
  if (token === null) return null;
  const session = await verifySession(rt, token);
  return session ? { session, token } : null;
}

/**
 * preHandler of every page for a logged-in voter: without a live session, a GET goes to the
 * log-in page (telling the voter their session ended, if they had one) and a POST too (303).
 */
export function requireVoter(rt: Runtime): preHandlerAsyncHookHandler {
  return async (req, reply) => {
    const voter = await currentVoter(req, rt);
    if (voter) {
      voters.set(req, voter);
      return;
    }
    if (req.cookies[VOTER_COOKIE]) {
      clearVoterSession(reply, rt.config);
      setNotices(reply, rt.config, ['sessionEnded']);
    }
    return reply.redirect(PORTAL_PATHS.logIn, 303);
  };
}

/** The voter of a request that passed `requireVoter`. */
export function signedInVoter(req: FastifyRequest): SignedInVoter {
  const v = voters.get(req);
  if (!v) throw new Error('signedInVoter() needs the requireVoter preHandler on the route');
  return v;
}

export function setVoterSession(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(VOTER_COOKIE, token, { ...cookieOptions(config), signed: true });
}

export function clearVoterSession(reply: FastifyReply, config: Config): void {
  reply.clearCookie(VOTER_COOKIE, cookieOptions(config));
}

// ---------------------------------------------------------------- notices

/** What a page can be told to say once, after a redirect. Codes only: never personal data. */
export const NOTICES = [
  'saved', 'alreadySubscribed', 'loggedOut', 'sessionEnded', 'signupExpired', 'confirmationSent',
  'optedOutSms', 'optedOutEmail', 'optedOutVoice', 'dncSms', 'dncEmail', 'dncVoice',
] as const;
export type Notice = (typeof NOTICES)[number];
const isNotice = (v: string): v is Notice => (NOTICES as readonly string[]).includes(v);

export function setNotices(reply: FastifyReply, config: Config, notices: readonly Notice[]): void {
  if (notices.length === 0) return;
  reply.setCookie(NOTICE_COOKIE, notices.join(' '), { ...cookieOptions(config), signed: true, maxAge: 300 });
}

/** The notices waiting for this page (then cleared), in the order they were set. */
export function takeNotices(req: FastifyRequest, reply: FastifyReply, config: Config): Notice[] {
  const raw = req.cookies[NOTICE_COOKIE];
  if (!raw) return [];
  reply.clearCookie(NOTICE_COOKIE, cookieOptions(config));
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return [];
  return [...new Set(unsigned.value.split(' ').filter(isNotice))];
}
