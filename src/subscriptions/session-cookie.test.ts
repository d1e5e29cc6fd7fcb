import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashSessionToken, newSessionToken, readSessionCookie, SESSION_COOKIE, sessionClearCookie, sessionSetCookie, signSessionCookie, unsignSessionCookie } from './session-cookie.ts';

const secret = 'a-secret-of-at-least-32-characters-long';

describe('session tokens and cookies', () => {
  it('tokens are 32 random bytes; only their hash is stored', () => {
    const a = newSessionToken();
    assert.match(a, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, newSessionToken());
    assert.match(hashSessionToken(a), /^[0-9a-f]{64}$/);
  });

  it('a signed cookie gives back its token; a forged or altered one gives null', () => {
    const token = newSessionToken();
    const signed = signSessionCookie(secret, token);
    assert.equal(unsignSessionCookie(secret, signed), token);
    assert.equal(unsignSessionCookie('another-secret-of-at-least-32-chars!!', signed), null);
    assert.equal(unsignSessionCookie(secret, `${newSessionToken()}${signed.slice(43)}`), null);
    assert.equal(unsignSessionCookie(secret, token), null);
    assert.equal(unsignSessionCookie(secret, ''), null);
  });

  it('reads the cookie from a Cookie header among others', () => {
    const token = newSessionToken();
    const header = `bl_lang=es; ${SESSION_COOKIE}=${encodeURIComponent(signSessionCookie(secret, token))}; other=1`;
    assert.equal(readSessionCookie(secret, header), token);
    assert.equal(readSessionCookie(secret, 'bl_lang=es'), null);
    assert.equal(readSessionCookie(secret, `${SESSION_COOKIE}=%E0%A4%A`), null);
    assert.equal(readSessionCookie(secret, undefined), null);
  });

  it('is httpOnly, SameSite=Lax, Secure when asked, and a browser-session cookie', () => {
    const set = sessionSetCookie(secret, newSessionToken(), true);
    assert.match(set, new RegExp(`^${SESSION_COOKIE}=`));
    assert.match(set, /; HttpOnly/);
    assert.match(set, /; SameSite=Lax/);
    assert.match(set, /; Secure$/);
    assert.doesNotMatch(set, /Expires|Max-Age/);
    assert.doesNotMatch(sessionSetCookie(secret, newSessionToken(), false), /Secure/);
    assert.match(sessionClearCookie(false), /Expires=Thu, 01 Jan 1970/);
  });
});
