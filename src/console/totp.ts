/**
 * Time-based one-time codes (RFC 6238): SHA-1, 30-second steps, 6 digits — what every
 * authenticator app reads from an otpauth:// URI. A code is accepted one step early or late
 * (clock drift), and never twice: the caller stores the step of the last accepted code and a
 * code for that step or an earlier one is refused as a replay. Pure; time comes from the caller.
 */
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now. */
export const TOTP_WINDOW = 1;

/** A new shared secret: 20 random bytes (RFC 4226's recommended length), base32 as apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, account = '', issuer = ''): TOTP {
  return new TOTP({ issuer, label: account, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// URI an authenticator app scans (as a QR code) or is given by hand. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return totp(secret, account, issuer).toString();
}

/** The 30-second step `now` falls in (RFC 6238's T). */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of the step `now` falls in (tests, and nothing else: staff read codes from their app). */
export function totpCode(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'invalid' | 'replayed' };

/**
 * Checks a code typed by a person (spaces allowed, as apps show "123 456"). `lastStep` is the
 * step of the last code accepted for this secret, or null. On success the caller must store
 * `step` atomically (only if still greater than the stored one) to close the race between two
 * requests carrying the same code.
 */
export function checkTotp(secret: string, code: string, now: Date, lastStep: number | null): TotpCheck {
  const digits = code.replace(/\s+/g, '');
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(digits)) return { ok: false, reason: 'malformed' };
  const delta = totp(secret).validate({ token: digits, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return { ok: false, reason: 'invalid' };
  const step = totpStep(now) + delta;
  if (lastStep !== null && step <= lastStep) return { ok: false, reason: 'replayed' };
  return { ok: true, step };
}
