/**
 * Encryption at rest of small secrets (staff TOTP secrets): AES-256-GCM under a key derived
 * from the app secret with HKDF-SHA256, so a copy of the database alone does not reveal them.
 * Each value is bound to its context (e.g. `staff-totp:42`) as additional authenticated data:
 * a ciphertext copied to another user's row does not decrypt. Format:
 * `v1.<iv>.<ciphertext>.<tag>`, base64url parts, 12-byte random IV.
 *
 * Changing the app secret makes stored values undecryptable: staff then need a reset
 * (docs/console.md#bootstrap-and-recovery).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export type SecretBoxKey = { readonly key: Buffer };

/** The key for one purpose, derived from the app secret. */
export function secretBoxKey(appSecret: string, purpose: string): SecretBoxKey {
  return { key: Buffer.from(hkdfSync('sha256', appSecret, 'ballotline', `secret-box:${purpose}`, 32)) };
}

export function seal(box: SecretBoxKey, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', box.key, iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), data.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The plaintext, or null when the value was tampered with, moved to another context, or sealed under another key. */
export function open(box: SecretBoxKey, sealed: string, context: string): string | null {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', box.key, Buffer.from(parts[1]!, 'base64url'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(parts[3]!, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(parts[2]!, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
