import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new session token: 32 random bytes, base64url. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores for a token: its SHA-256 (the token is random, so a slow hash adds nothing). */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionCookie {
  readonly name: string;
  sign(secret: string, token: string): string;
  /** The token inside a signed cookie value, or null when the signature is wrong or the value malformed. */
  unsign(secret: string, value: string): string | null;
  /** The verified token from a Cookie header; null when absent or forged. */
  read(secret: string, cookieHeader: string | undefined): string | null;
  /** Set-Cookie value: a browser-session cookie (no Expires); the database decides expiry. */
  set(secret: string, token: string, secure: boolean): string;
  /** Set-Cookie value that removes the cookie (log-out). */
  clear(secure: boolean): string;
}

/**
 * A session cookie carrying `<token>.<HMAC-SHA256(secret, purpose, token)>`, HttpOnly, Secure
 * when the site is https. `purpose` keeps a voter cookie from ever verifying as a staff one.
 */
export function sessionCookie(options: { name: string; purpose: string; sameSite: 'Lax' | 'Strict' }): SessionCookie {
  const { name, purpose, sameSite } = options;
  const signature = (secret: string, token: string): string => createHmac('sha256', secret).update(`${purpose}\u0000${token}`).digest('base64url');
  const attributes = (secure: boolean): string[] => ['Path=/', 'HttpOnly', `SameSite=${sameSite}`, ...(secure ? ['Secure'] : [])];
  const cookie: SessionCookie = {
    name,
    sign: (secret, token) => `${token}.${signature(secret, token)}`,
    unsign(secret, value) {
      const dot = value.lastIndexOf('.');
      if (dot <= 0 || value.length > 200) return null;
      const token = value.slice(0, dot);
      const given = Buffer.from(value.slice(dot + 1));
      const expected = Buffer.from(signature(secret, token));
      return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
    },
    read(secret, cookieHeader) {
      if (!cookieHeader) return null;
      for (const part of cookieHeader.split(';')) {
        const eq = part.indexOf('=');
        if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
        try {
          return cookie.unsign(secret, decodeURIComponent(part.slice(eq + 1).trim()));
        } catch {
          return null;
        }
      }
      return null;
    },
    set: (secret, token, secure) => [`${name}=${encodeURIComponent(cookie.sign(secret, token))}`, ...attributes(secure)].join('; '),
    clear: (secure) => [`${name}=`, 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', ...attributes(secure)].join('; '),
  };
  return cookie;
}
