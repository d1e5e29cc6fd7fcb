import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, needsRehash, passwordProblems, verifyPassword } from './password.ts';
import { checkTotp, newTotpSecret, totpCode, totpStep, totpUri } from './totp.ts';
import { afterFailure, afterSuccess, isLocked } from './lockout.ts';
import { open, seal, secretBoxKey } from './secret-box.ts';
import { readStaffCookie, signStaffCookie, staffClearCookie, staffSetCookie, unsignStaffCookie } from './session-cookie.ts';
import { changeSummary, redact } from './audit.ts';

test('password policy: at least 12 characters as read, at most 256, not the email, not one repeated character', () => {
  const email = 'Ana.Lopez@County.example.gov';
  assert.deepEqual(passwordProblems('correct horse battery', { email }), []);
  assert.deepEqual(passwordProblems('short pass1', { email }), ['too_short']);
  assert.deepEqual(passwordProblems('twelve chars', { email }), []);
  // 11 characters outside the BMP are 22 UTF-16 units, but still 11 characters: too short
  assert.deepEqual(passwordProblems('🐘🐑🐘🐑🐘🐑🐘🐑🐘🐑🐘', { email }), ['too_short']);
  assert.deepEqual(passwordProblems('🐘🐑'.repeat(6), { email }), []);
  assert.deepEqual(passwordProblems(' ana.lopez@county.example.gov ', { email }), ['same_as_email']);
  assert.deepEqual(passwordProblems('ANA.LOPEZ@COUNTY.EXAMPLE.GOV', { email }), ['same_as_email']);
  assert.deepEqual(passwordProblems('ana.lopez', { email: 'ana.lopez@x.gov' }), ['too_short', 'same_as_email']);
  assert.deepEqual(passwordProblems('aaaaaaaaaaaaaaaa', { email }), ['one_character']);
  assert.deepEqual(passwordProblems('x'.repeat(300) + 'y', { email }), ['too_long']);
  assert.deepEqual(passwordProblems('', { email }), ['too_short']);
});

test('scrypt hashes: salted, verifiable, constant format, NFC-normalised, malformed hashes never verify', async () => {
  const a = await hashPassword('correct horse battery');
  const b = await hashPassword('correct horse battery');
  assert.match(a, /^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  assert.notEqual(a, b, 'a fresh salt each time');
  assert.equal(await verifyPassword('correct horse battery', a), true);
  assert.equal(await verifyPassword('correct horse batterY', a), false);
  assert.equal(await verifyPassword('', a), false);
  // é composed (U+00E9) and decomposed (e + U+0301) are the same password
  const composed = await hashPassword('caf\u00e9 au lait 2026');
  assert.equal(await verifyPassword('cafe\u0301 au lait 2026', composed), true);
  for (const bad of ['', 'scrypt$15$8$1$abc', 'bcrypt$2a$10$xxxxxxxxxxxxxxxxxxxxxx', 'scrypt$40$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(43)]) {
    assert.equal(await verifyPassword('anything at all', bad), false, bad);
  }
  assert.equal(needsRehash(a), false);
  assert.equal(needsRehash(a.replace('scrypt$15$', 'scrypt$14$')), true);
});

test('TOTP: RFC 6238 vector, ±1 step accepted, 2 steps refused, malformed refused', () => {
  // RFC 6238 appendix B, SHA-1 secret "12345678901234567890": T=59 s → 94287082 (8 digits); 6 digits → 287082
  const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  assert.equal(totpCode(rfcSecret, new Date(59_000)), '287082');
  assert.equal(totpCode(rfcSecret, new Date(1_111_111_109_000)), '081804');

  const secret = newTotpSecret();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  const now = new Date('2026-10-01T16:00:10Z');
  const step = totpStep(now);
  const at = (steps: number) => new Date(now.getTime() + steps * 30_000);
  assert.deepEqual(checkTotp(secret, totpCode(secret, now), now, null), { ok: true, step });
  assert.deepEqual(checkTotp(secret, totpCode(secret, at(-1)), now, null), { ok: true, step: step - 1 });
  assert.deepEqual(checkTotp(secret, totpCode(secret, at(1)), now, null), { ok: true, step: step + 1 });
  assert.deepEqual(checkTotp(secret, totpCode(secret, at(-2)), now, null), { ok: false, reason: 'invalid' });
  assert.deepEqual(checkTotp(secret, totpCode(secret, at(2)), now, null), { ok: false, reason: 'invalid' });
  const spaced = totpCode(secret, now).replace(/^(\d{3})/, '$1 ');
  assert.equal(checkTotp(secret, spaced, now, null).ok, true, 'spaces as apps show them');
  for (const bad of ['', '12345', '1234567', 'abcdef', '12 34 5']) assert.deepEqual(checkTotp(secret, bad, now, null), { ok: false, reason: 'malformed' }, bad);
  assert.deepEqual(checkTotp(newTotpSecret(), totpCode(secret, now), now, null).ok, false, "another secret's code");
});

test('TOTP: a used code cannot be replayed within its window, nor an older one after it', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-10-01T16:00:10Z');
  const code = totpCode(secret, now);
  const first = checkTotp(secret, code, now, null);
  assert.equal(first.ok, true);
  const step = (first as { step: number }).step;
  // same code, same step and up to one step later: still inside the window, refused as a replay
  assert.deepEqual(checkTotp(secret, code, now, step), { ok: false, reason: 'replayed' });
  assert.deepEqual(checkTotp(secret, code, new Date(now.getTime() + 30_000), step), { ok: false, reason: 'replayed' });
  // the previous step's code, though inside ±1, is older than the last accepted one
  assert.deepEqual(checkTotp(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now, step), { ok: false, reason: 'replayed' });
  // the next step's code is fine
  const later = new Date(now.getTime() + 30_000);
  assert.deepEqual(checkTotp(secret, totpCode(secret, later), later, step), { ok: true, step: step + 1 });
});

test('TOTP URI names issuer, account and parameters for authenticator apps', () => {
  const uri = totpUri('JBSWY3DPEHPK3PXP', 'ana@county.example.gov', "Where's My Ballot? console");
  assert.match(uri, /^otpauth:\/\/totp\//);
  const u = new URL(uri);
  assert.equal(u.searchParams.get('secret'), 'JBSWY3DPEHPK3PXP');
  assert.equal(u.searchParams.get('digits'), '6');
  assert.equal(u.searchParams.get('period'), '30');
  assert.equal(u.searchParams.get('algorithm'), 'SHA1');
  assert.equal(u.searchParams.get('issuer'), "Where's My Ballot? console");
  assert.match(decodeURIComponent(u.pathname), /ana@county\.example\.gov$/);
});

test('lockout: the Nth failure in a row locks for the period and restarts the count; success resets', () => {
  const policy = { maxFailedAttempts: 5, lockoutMinutes: 15 };
  const now = new Date('2026-10-01T16:00:00Z');
  let state = afterSuccess();
  for (let i = 1; i <= 4; i++) {
    const next = afterFailure(state, now, policy);
    assert.equal(next.lockedNow, false);
    assert.equal(next.failedAttempts, i);
    assert.equal(isLocked(next, now), false);
    state = next;
  }
  const locked = afterFailure(state, now, policy);
  assert.equal(locked.lockedNow, true);
  assert.equal(locked.failedAttempts, 0);
  assert.deepEqual(locked.lockedUntil, new Date('2026-10-01T16:15:00Z'));
  assert.equal(isLocked(locked, new Date('2026-10-01T16:14:59Z')), true);
  assert.equal(isLocked(locked, new Date('2026-10-01T16:15:00Z')), false, 'unlocked when the period has run');
  assert.deepEqual(afterSuccess(), { failedAttempts: 0, lockedUntil: null });
  assert.equal(afterFailure(afterSuccess(), now, { maxFailedAttempts: 1, lockoutMinutes: 1 }).lockedNow, true);
});

test('secret box: round trip, bound to its context and key, tamper-evident', () => {
  const box = secretBoxKey('test-secret-test-secret-test-secret-0123', 'staff-totp');
  const sealed = seal(box, 'JBSWY3DPEHPK3PXP', 'staff-totp:1');
  assert.match(sealed, /^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  assert.doesNotMatch(sealed, /JBSWY3DPEHPK3PXP/);
  assert.notEqual(seal(box, 'JBSWY3DPEHPK3PXP', 'staff-totp:1'), sealed, 'random IV');
  assert.equal(open(box, sealed, 'staff-totp:1'), 'JBSWY3DPEHPK3PXP');
  assert.equal(open(box, sealed, 'staff-totp:2'), null, "another account's row");
  assert.equal(open(secretBoxKey('another-secret-another-secret-another', 'staff-totp'), sealed, 'staff-totp:1'), null);
  assert.equal(open(secretBoxKey('test-secret-test-secret-test-secret-0123', 'other'), sealed, 'staff-totp:1'), null);
  const [v, iv, data, tag] = sealed.split('.') as [string, string, string, string];
  const flipped = `${v}.${iv}.${data.slice(0, -2)}${data.slice(-2) === 'AA' ? 'AB' : 'AA'}.${tag}`;
  assert.equal(open(box, flipped, 'staff-totp:1'), null);
  assert.equal(open(box, `${v}.${iv}.${data}.${tag.slice(0, 8)}`, 'staff-totp:1'), null, 'truncated tag');
  assert.equal(open(box, 'garbage', 'staff-totp:1'), null);
});

test('staff cookie: signed, HttpOnly, SameSite=Strict, Secure only over https; forged values refused', () => {
  const secret = 'test-secret-test-secret-test-secret-0123';
  const token = 'a'.repeat(43);
  assert.equal(unsignStaffCookie(secret, signStaffCookie(secret, token)), token);
  assert.equal(unsignStaffCookie('another-secret-another-secret-another', signStaffCookie(secret, token)), null);
  assert.equal(unsignStaffCookie(secret, `${token}.forged`), null);
  assert.equal(unsignStaffCookie(secret, token), null);
  const set = staffSetCookie(secret, token, false);
  assert.match(set, /^bl_staff=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
  assert.match(staffSetCookie(secret, token, true), /; Secure$/);
  assert.match(staffClearCookie(true), /^bl_staff=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
  const header = `other=1; ${set.split(';')[0]}; x=y`;
  assert.equal(readStaffCookie(secret, header), token);
  assert.equal(readStaffCookie(secret, 'bl_staff=%E0%A4%A'), null);
  assert.equal(readStaffCookie(secret, undefined), null);
});

test('audit details: secrets redacted at any depth, change summaries keep only what changed', () => {
  assert.deepEqual(redact({ password: 'x', nested: { newPassword: 'y', token: 'z', setupToken: 'w', code: '123456', countyCode: '19' }, list: [{ totpSecret: 's' }], at: new Date(0) }), {
    password: '[redacted]', nested: { newPassword: '[redacted]', token: '[redacted]', setupToken: '[redacted]', code: '[redacted]', countyCode: '19' },
    list: [{ totpSecret: '[redacted]' }], at: '1970-01-01T00:00:00.000Z',
  });
  assert.deepEqual(changeSummary({ name: 'A', role: 'county_staff', countyCodes: ['19'], password: 'p1' }, { name: 'A', role: 'county_admin', countyCodes: ['19'], password: 'p2' }), {
    role: { from: 'county_staff', to: 'county_admin' }, password: { from: '[redacted]', to: '[redacted]' },
  });
  assert.deepEqual(changeSummary({ email: 'a@x.gov' }, { email: 'a@x.gov' }), {});
  assert.deepEqual(changeSummary(null, { language: 'es' }), { language: { from: null, to: 'es' } });
  assert.deepEqual(changeSummary({ a: 1, b: 2 }, { a: 2, b: 3 }, ['a']), { a: { from: 1, to: 2 } });
});
