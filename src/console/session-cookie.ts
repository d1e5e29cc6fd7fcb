/**
 * Staff tokens and the `bl_staff` cookie. Session and one-time tokens are 32 random bytes
 * (base64url); the database keeps only their SHA-256 (the token is random, so a slow hash adds
 * nothing). The cookie carries the session token signed with the app secret (HMAC-SHA256):
 * HttpOnly, SameSite=Strict, Secure when the public URL is https, no Expires (it goes with
 * the browser; the database decides expiry). Pure.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const STAFF_COOKIE = 'bl_staff';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const signature = (secret: string, token: string): string => createHmac('sha256', secret).update(`staff-session\u0000${token}`).digest('base64url');

export function signStaffCookie(secret: string, token: string): string {
  return `${token}.${signature(secret, token)}`;
}

/** The token inside a signed cookie value, or null when forged or malformed. */
export function unsignStaffCookie(secret: string, value: string): string | null {
  const dot = value.lastIndexOf('.');
  if (dot <= 0 || value.length > 200) return null;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(signature(secret, token));
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/** The verified session token of a Cookie header; null when absent or forged. */
export function readStaffCookie(secret: string, cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== STAFF_COOKIE) continue;
    try {
      return unsignStaffCookie(secret, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      return null;
    }
  }
  return null;
}

const attributes = (secure: boolean): string[] => ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];

export function staffSetCookie(secret: string, token: string, secure: boolean): string {
  return [`${STAFF_COOKIE}=${encodeURIComponent(signStaffCookie(secret, token))}`, ...attributes(secure)].join('; ');
}

export function staffClearCookie(secure: boolean): string {
  return [`${STAFF_COOKIE}=`, 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', ...attributes(secure)].join('; ');
}
