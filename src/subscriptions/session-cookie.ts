/**
 * The portal's session cookie: the session token, signed with the app secret (HMAC-SHA256),
 * HttpOnly, SameSite=Lax, Secure over https. A browser-session cookie (no Expires): it goes when
 * the browser closes — kinder to voters on shared computers — and the database decides expiry.
 * The API uses the bare token as a bearer token instead.
 */
import { sessionCookie } from '../auth/session-cookie.ts';

export { hashSessionToken, newSessionToken } from '../auth/session-cookie.ts';

const voter = sessionCookie({ name: 'ballotline_voter', purpose: 'voter-session', sameSite: 'Lax' });

export const SESSION_COOKIE = voter.name;
export const signSessionCookie = voter.sign;
export const unsignSessionCookie = voter.unsign;
export const readSessionCookie = voter.read;
export const sessionSetCookie = voter.set;
export const sessionClearCookie = voter.clear;
