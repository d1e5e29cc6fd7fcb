/**
 * Staff passwords: the policy, and scrypt hashing from node:crypto.
 *
 * Stored form: `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (salt 16 random bytes, hash 32 bytes,
 * both base64url), so the cost can be raised later and old hashes still verify (and are
 * re-hashed at the next sign-in, see `needsRehash`). N = 2^15, r = 8, p = 1 is OWASP's
 * scrypt baseline: about 32 MiB and tens of milliseconds per hash.
 *
 * Passwords are normalised to Unicode NFC first, so the same password typed on another
 * device (which may compose accents differently) still matches.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const PASSWORD_MIN_LENGTH = 12;
/** Upper bound, so that nobody makes the server hash megabytes. */
export const PASSWORD_MAX_LENGTH = 256;

export const SCRYPT_PARAMS = { log2N: 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** Why a password is refused; the console translates each. */
export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_email' | 'one_character';

/**
 * The policy (docs/console.md#passwords): at least 12 characters (counted as the reader counts
 * them, not in UTF-16 units), at most 256, not the account's email (or its part before @),
 * not one character repeated. Length beats composition rules: no "one digit, one capital".
 */
export function passwordProblems(password: string, context: { email: string }): PasswordProblem[] {
  const pw = password.normalize('NFC');
  const chars = [...pw];
  const problems: PasswordProblem[] = [];
  if (chars.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (chars.length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  const lowered = pw.trim().toLowerCase();
  const email = context.email.trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  if (lowered === email || (local.length > 0 && lowered === local)) problems.push('same_as_email');
  if (chars.length > 0 && chars.every((c) => c === chars[0])) problems.push('one_character');
  return problems;
}

export const PASSWORD_PROBLEM_TEXT: Readonly<Record<PasswordProblem, string>> = {
  too_short: `the password must be at least ${PASSWORD_MIN_LENGTH} characters long`,
  too_long: `the password must be at most ${PASSWORD_MAX_LENGTH} characters long`,
  same_as_email: 'the password must not be your email address',
  one_character: 'the password must not be one character repeated',
};

function scrypt(password: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** log2N, r, p, maxmem: 256 * 2 ** log2N * r * p };
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const { log2N, r, p } = SCRYPT_PARAMS;
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, log2N, r, p);
  return ['scrypt', log2N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash { log2N: number; r: number; p: number; salt: Buffer; key: Buffer }

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [log2N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Bounds keep a damaged or planted row from making one check take minutes.
  if (![log2N, r, p].every(Number.isInteger) || log2N < 10 || log2N > 20 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || key.length !== KEY_LENGTH) return null;
  return { log2N, r, p, salt, key };
}

/** True when `password` matches the stored hash (constant-time comparison); false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.log2N, parsed.r, parsed.p);
  return timingSafeEqual(key, parsed.key);
}

/** True when a stored hash uses weaker parameters than today's (re-hash after a successful sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.log2N < SCRYPT_PARAMS.log2N || parsed.r < SCRYPT_PARAMS.r || parsed.p < SCRYPT_PARAMS.p;
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of one password check on nothing: sign-in calls it when the email is
 * unknown, the account locked or not set up, so that response time does not tell which.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummy);
}
