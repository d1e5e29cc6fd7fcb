/**
 * What console routes put in front of every handler:
 *
 *   app.get('/api/v1/staff/voters/:id', { preHandler: requireStaff(rt, { anyOf: ['voters.view'] }) }, async (req) => {
 *     const staff = staffOf(req);
 *     const voter = await findVoter(rt.db.pool, req.params.id, countyScope(staff));   // scoped query
 *     if (!voter) throw notFound();                                                     // not "forbidden": do not confirm it exists
 *     await auditVoterView(rt.db.pool, staff, voter.voterId, 'record');
 *     return voter;
 *   });
 *
 * The session comes from the signed `bl_staff` cookie (console pages) or from
 * `Authorization: Bearer <token>` (API clients). Part 2's HTML pages catch the 401
 * `unauthenticated` to redirect to the sign-in page.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { appSecret } from '../auth/secret.ts';
import { AppError } from '../errors.ts';
import type { Role } from '../persisted.ts';
import type { Runtime } from '../runtime.ts';
import type { RequestContext } from './audit.ts';
import type { SignedInStaff } from './accounts.service.ts';
import { resolveSession } from './signin.service.ts';
import { hasPermission, type Permission } from './roles.ts';
import { readStaffCookie, staffClearCookie } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest { staff?: SignedInStaff }
}

export interface RequireStaffOptions {
  /** Only these roles (403 `forbidden` for others). */
  roles?: readonly Role[];
  /** At least one of these permissions (403 `forbidden` otherwise); see roles.ts for the matrix. */
  anyOf?: readonly Permission[];
}

/** When and from where: real time (`rt.wallClock`), the client address (behind a proxy only when trusted), the user agent. */
export function requestContext(rt: Runtime, req: FastifyRequest): RequestContext {
  const ua = req.headers['user-agent'];
  return { at: rt.wallClock.now(), ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 400) : null };
}

/** True when cookies must carry Secure: the service is reached over https. */
export function secureCookies(rt: Runtime): boolean {
  return rt.config.publicUrl.startsWith('https:');
}

/** The session token of a request and how it came, or null. A bearer header wins over a cookie. */
export async function sessionToken(rt: Runtime, req: FastifyRequest): Promise<{ token: string; via: 'cookie' | 'bearer' } | null> {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth)) {
    const token = auth.replace(/^Bearer\s+/i, '').trim();
    return token.length > 0 && token.length <= 200 ? { token, via: 'bearer' } : null;
  }
  const token = readStaffCookie(await appSecret(rt.config), req.headers.cookie);
  return token ? { token, via: 'cookie' } : null;
}

/**
 * Fastify preHandler: 401 `unauthenticated` without a live staff session (and the stale
 * cookie cleared), 403 `forbidden` when the role or permissions do not fit. Puts the
 * signed-in member on `request.staff` (read it with `staffOf`).
 */
export function requireStaff(rt: Runtime, options: RequireStaffOptions = {}) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const found = await sessionToken(rt, req);
    const staff = found ? await resolveSession(rt, found.token, found.via, requestContext(rt, req)) : null;
    if (!staff) {
      if (found?.via !== 'bearer' && /(?:^|;\s*)bl_staff=/.test(req.headers.cookie ?? '')) reply.header('set-cookie', staffClearCookie(secureCookies(rt)));
      throw new AppError(401, 'unauthenticated', 'Sign in to the console first (your session may have expired).');
    }
    if (options.roles && !options.roles.includes(staff.role)) throw new AppError(403, 'forbidden', 'your role may not do this');
    if (options.anyOf && !options.anyOf.some((p) => hasPermission(staff, p))) throw new AppError(403, 'forbidden', 'your role may not do this');
    req.staff = staff;
  };
}

/** The signed-in member of a request that passed `requireStaff`. */
export function staffOf(req: FastifyRequest): SignedInStaff {
  if (!req.staff) throw new Error('staffOf() needs requireStaff() as the route preHandler');
  return req.staff;
}
