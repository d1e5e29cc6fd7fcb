/**
 * Carries the identity a voter gave in sign-up step 1 to step 2, without putting it in a URL,
 * in the page, or in a table.
 *
 * Decision: an encrypted, authenticated cookie (AES-256-GCM, key derived with HKDF from the
 * portal's cookie key), `bl_signup`, Path=/sign-up, HttpOnly, SameSite=Lax, Secure over https,
 * living 20 minutes (the expiry is inside the sealed value too, so a kept cookie is useless
 * afterwards). Why:
 * - not in the URL or the HTML: no name or date of birth in a query string, a proxy or server
 *   log, the browser history, or a page that could be cached or re-shown (hidden fields would
 *   put them in the page source);
 * - nothing stored: no table to clean up and no migration; any web process with the key can
 *   read it, so sign-up works behind a load balancer;
 * - the browser cannot read it (encrypted) nor change it (authenticated); and it grants
 *   nothing by itself: step 2 calls signUp, which matches and throttles the identity again.
 * It is cleared when sign-up completes, and replaced when step 1 is done again.
 *
 * Pure apart from the clock value passed in.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { IdentityInput } from '../../subscriptions/subscriptions.types.ts';

export const SIGNUP_COOKIE = 'bl_signup';
export const SIGNUP_COOKIE_PATH = '/sign-up';
/** How long a voter has to finish step 2. */
export const SIGNUP_TTL_SECONDS = 20 * 60;

const keys = new Map<string, Buffer>();
function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'ballotline', 'portal sign-up identity v1', 32));
    keys.set(secret, key);
  }
  return key;
}

interface Sealed { f: string; l: string; d: string; z: string; v?: string; exp: number }

/** The identity sealed for the cookie: base64url(iv ‖ ciphertext ‖ tag). */
export function sealIdentity(secret: string, identity: IdentityInput, now: Date): string {
  const payload: Sealed = { f: identity.firstName, l: identity.lastName, d: identity.dob, z: identity.zip, exp: now.getTime() + SIGNUP_TTL_SECONDS * 1000 };
  if (identity.voterId) payload.v = identity.voterId;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The identity in a cookie value, or null when it is forged, damaged, from another key, or expired. */
export function openIdentity(secret: string, value: string | undefined, now: Date): IdentityInput | null {
  if (!value || value.length > 4096) return null;
  const raw = Buffer.from(value, 'base64url');
  if (raw.length < 12 + 16 + 2) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
    const p = JSON.parse(text) as Sealed;
    if (typeof p.exp !== 'number' || p.exp <= now.getTime()) return null;
    return { firstName: p.f, lastName: p.l, dob: p.d, zip: p.z, ...(p.v ? { voterId: p.v } : {}) };
  } catch {
    return null;
  }
}
