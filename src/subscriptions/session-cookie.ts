/**
 * The portal's session cookie: the session token, signed with the app secret (HMAC-SHA256),
 * httpOnly, SameSite=Lax, Secure in production. The API uses the bare token as a bearer
 * token instead. Pure: the caller gets the secret from src/auth/secret.ts.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'ballotline_voter';

/** A new session token: 32 random bytes, base64url. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores for a token: its SHA-256 (the token is random, so a slow hash adds nothing). */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const signature = (secret: string, token: string): string => createHmac('sha256', secret).update(`voter-session\u0000${token}`).digest('base64url');

export function signSessionCookie(secret: string, token: string): string {
  return `${token}.${signature(secret, token)}`;
}

/** The token inside a signed cookie value, or null when the signature is wrong or the value malformed. */
export function unsignSessionCookie(secret: string, value: string): string | null {
  const dot = value.lastIndexOf('.');
  if (dot <= 0 || value.length > 200) return null;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(signature(secret, token));
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/** The session token from a Cookie header, verified; null when absent or forged. */
export function readSessionCookie(secret: string, cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const raw = part.slice(eq + 1).trim();
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      return null;
    }
    return unsignSessionCookie(secret, value);
  }
  return null;
}

/**
 * The Set-Cookie header value that opens a session in the browser. A browser-session cookie
 * (no Expires): it goes when the browser closes — kinder to voters on shared computers — and
 * the database decides expiry (idle and absolute) whatever the browser keeps.
 */
export function sessionSetCookie(secret: string, token: string, secure: boolean): string {
  return [`${SESSION_COOKIE}=${encodeURIComponent(signSessionCookie(secret, token))}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}

/** The Set-Cookie header value that removes the session cookie (log-out). */
export function sessionClearCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}
