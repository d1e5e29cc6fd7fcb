import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { AppError } from '../errors.ts';
import { testRuntime } from '../testing/db.ts';
import { html } from './html.ts';
import { CSRF_COOKIE, PORTAL_PAGES, createPortalRoutes, type PortalModule } from './portal.routes.ts';
import { pageContext, sendPage } from './portal/context.ts';
import { errorFor, errorSummary, postForm, textInput } from './portal/forms.ts';
import { ASSETS } from './portal/assets.ts';
import { buildServer } from './server.ts';

const HTML = { accept: 'text/html,application/xhtml+xml' };

/** A form page inside the portal, as part 2's pages will be: echoes what was posted. */
const testForm: PortalModule = (portal) => {
  portal.get('/test-form', async (req, reply) => {
    const ctx = pageContext(req);
    const body = postForm(ctx, { body: textInput(ctx, { id: 'first-name', label: 'First name' }), submitLabel: 'Send' });
    return sendPage(reply, ctx, { title: 'Form', main: body, personal: true });
  });
  portal.post('/test-form', async (req, reply) => {
    const ctx = pageContext(req);
    const value = (req.body as Record<string, string>)['first-name'] ?? '';
    const errors = value === '' ? [{ field: 'first-name', message: 'Enter your first name' }] : [];
    const main = html`${errorSummary(ctx, errors)}${postForm(ctx, {
      body: textInput(ctx, { id: 'first-name', label: 'First name', value, error: errorFor(errors, 'first-name') }),
      submitLabel: 'Send',
    })}`;
    return sendPage(reply, ctx, { title: 'Form', main, hasErrors: errors.length > 0, personal: true });
  });
  portal.get('/test-fails', async () => {
    throw new Error('internal detail xyz');
  });
  portal.get('/test-app-error', async () => {
    throw new AppError(409, 'conflict', 'Conflict', { messageKey: 'help.recentBody' });
  });
};

async function portal(env: Record<string, string> = {}) {
  const rt = await testRuntime({ env });
  return buildServer(rt, { logger: false, routes: [createPortalRoutes([...PORTAL_PAGES, testForm])] });
}

const cookiesOf = (res: LightMyRequestResponse): string[] => {
  const raw = res.headers['set-cookie'];
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
};
const langOf = (body: string): string | undefined => /<html lang="([^"]+)"/.exec(body)?.[1];

test('static pages render in English by default, with the frame, security headers and no cookie', async () => {
  const app = await portal();
  for (const [url, h1] of [['/', 'Track your mail ballot'], ['/help', 'Help with signing up'], ['/privacy', 'Privacy']] as const) {
    const res = await app.inject({ url, headers: HTML });
    assert.equal(res.statusCode, 200, url);
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(langOf(res.body), 'en');
    assert.match(res.body, /<html lang="en" dir="ltr">/);
    assert.match(res.body, new RegExp(`<h1>${h1}</h1>`));
    assert.match(res.body, /An official website of the State of California/);
    assert.match(res.body, /<a class="usa-skipnav" href="#main-content">Skip to main content<\/a>/);
    assert.match(res.body, /Where&#39;s My Ballot\?/);
    assert.doesNotMatch(res.body, /<script>|style="/, 'no inline script or style');
    assert.deepEqual(cookiesOf(res), [], `${url} sets no cookie`);
  }
});

test('language: Accept-Language first, ?lang= switches and is remembered in a cookie', async () => {
  const app = await portal();
  assert.equal(langOf((await app.inject({ url: '/', headers: { ...HTML, 'accept-language': 'es-MX,es;q=0.9,en;q=0.8' } })).body), 'es');
  assert.equal(langOf((await app.inject({ url: '/', headers: { ...HTML, 'accept-language': 'zh-TW' } })).body), 'zh-Hant');
  assert.equal(langOf((await app.inject({ url: '/', headers: { ...HTML, 'accept-language': 'de, fr;q=0.5' } })).body), 'en');

  const switched = await app.inject({ url: '/help?lang=vi', headers: { ...HTML, 'accept-language': 'es' } });
  assert.equal(langOf(switched.body), 'vi');
  const [cookie] = cookiesOf(switched);
  assert.match(cookie!, /^bl_lang=vi;/);
  assert.match(cookie!, /HttpOnly/);
  assert.match(cookie!, /SameSite=Lax/);
  assert.doesNotMatch(cookie!, /Secure/, 'not Secure over http');
  assert.match(switched.body, /<a href="\/help\?lang=vi" lang="vi" hreflang="vi" aria-current="true">Tiếng Việt<\/a>/);

  const remembered = await app.inject({ url: '/privacy', headers: { ...HTML, 'accept-language': 'es', cookie: 'bl_lang=vi' } });
  assert.equal(langOf(remembered.body), 'vi');
  assert.equal(langOf((await app.inject({ url: '/', headers: { ...HTML, cookie: 'bl_lang=xx' } })).body), 'en', 'a bad cookie is ignored');
  assert.equal(langOf((await app.inject({ url: '/?lang=<script>', headers: HTML })).body), 'en', 'a bad switch is ignored');
});

test('cookies are Secure when the public URL is https', async () => {
  const app = await portal({ BALLOTLINE_PUBLIC_URL: 'https://ballots.example.gov' });
  const res = await app.inject({ url: '/?lang=ko', headers: HTML });
  assert.match(cookiesOf(res)[0]!, /; Secure/);
  assert.match(res.body, /<link rel="alternate" hreflang="es" href="https:\/\/ballots\.example\.gov\/\?lang=es">/);
  const form = await app.inject({ url: '/test-form', headers: HTML });
  const csrfCookie = cookiesOf(form).find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  assert.ok(csrfCookie);
  for (const attribute of ['; Secure', '; HttpOnly', '; SameSite=Lax', '; Path=/']) assert.ok(csrfCookie.includes(attribute), attribute);
});

test('every POST needs the CSRF token of its form; values are escaped when shown again', async () => {
  const app = await portal();
  const page = await app.inject({ url: '/test-form', headers: HTML });
  assert.equal(page.headers['cache-control'], 'no-store');
  const csrfCookie = cookiesOf(page).find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  assert.ok(csrfCookie, 'the form page sets the CSRF secret cookie');
  assert.match(csrfCookie, /HttpOnly/);
  assert.match(csrfCookie, /SameSite=Lax/);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(token);
  const cookie = csrfCookie.split(';')[0]!;
  const post = (payload: string, withCookie = true, lang = 'en') => app.inject({
    method: 'POST', url: '/test-form', payload,
    headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded', cookie: withCookie ? `${cookie}; bl_lang=${lang}` : `bl_lang=${lang}` },
  });

  const missing = await post('first-name=Ana');
  assert.equal(missing.statusCode, 403);
  assert.match(missing.body, /<h1>This page has expired<\/h1>/);
  const wrong = await post(`first-name=Ana&_csrf=${encodeURIComponent(`${token}x`)}`);
  assert.equal(wrong.statusCode, 403);
  const noCookie = await post(`first-name=Ana&_csrf=${encodeURIComponent(token)}`, false, 'es');
  assert.equal(noCookie.statusCode, 403);
  assert.equal(langOf(noCookie.body), 'es', 'the expired page is in the reader\'s language');

  const ok = await post(`first-name=${encodeURIComponent('<script>alert(1)</script>')}&_csrf=${encodeURIComponent(token)}`);
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /value="&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  assert.doesNotMatch(ok.body, /<script>alert/);

  const invalid = await post(`first-name=&_csrf=${encodeURIComponent(token)}`);
  assert.match(invalid.body, /<title>Error: Form \| /);
  assert.match(invalid.body, /<a href="#first-name">Enter your first name<\/a>/);
  assert.match(invalid.body, /aria-invalid="true"/);
  assert.match(invalid.body, /aria-describedby="first-name-error"/);
});

test('unknown pages: an HTML 404 in the reader\'s language for browsers, JSON for API clients', async () => {
  const app = await portal();
  const page = await app.inject({ url: '/no-such-page', headers: { ...HTML, cookie: 'bl_lang=ja' } });
  assert.equal(page.statusCode, 404);
  assert.equal(langOf(page.body), 'ja');
  assert.match(page.body, /<a href="\/">/);
  const sneaky = await app.inject({ url: '//evil.example/x', headers: HTML });
  assert.equal(sneaky.statusCode, 404);
  assert.doesNotMatch(sneaky.body, /href="\/\/evil/, 'no link to another host');
  const api = await app.inject({ url: '/no-such-page', headers: { accept: 'application/json' } });
  assert.equal(api.statusCode, 404);
  assert.equal(api.json().error.code, 'not_found');
  assert.equal((await app.inject({ url: '/healthz' })).json().status, 'ok', 'other routes are untouched');
});

test('errors inside the portal become pages in the reader\'s language', async () => {
  const app = await portal();
  const boom = await app.inject({ url: '/test-fails', headers: { ...HTML, 'accept-language': 'ko' } });
  assert.equal(boom.statusCode, 500);
  assert.equal(langOf(boom.body), 'ko');
  assert.doesNotMatch(boom.body, /internal detail xyz/);
  const known = await app.inject({ url: '/test-app-error', headers: HTML });
  assert.equal(known.statusCode, 409);
  assert.match(known.body, /It can take a few days/);
});

test('a failing page logs the error\'s type and stack, never its message', async () => {
  const rt = await testRuntime();
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => { lines.push(line); } });
  const app = await buildServer({ ...rt, log }, { routes: [createPortalRoutes([testForm])] });
  await app.inject({ url: '/test-fails', headers: HTML });
  const entry = lines.map((l) => JSON.parse(l) as { msg: string; err?: { type: string; stack: string } }).find((l) => l.msg === 'portal page failed');
  assert.ok(entry?.err);
  assert.equal(entry.err.type, 'Error');
  assert.match(entry.err.stack, /portal\.test\.ts/);
  assert.ok(!lines.join('').includes('internal detail xyz'), 'the message stays out of the log');
});

test('help page shows the configured senders and the profile\'s help desk', async () => {
  const app = await portal({ BALLOTLINE_EMAIL_FROM: '"Where\'s My Ballot?" <updates@ballots.example.gov>', BALLOTLINE_SMS_FROM: '415-75', BALLOTLINE_VOICE_FROM: '+19162499883' });
  const res = await app.inject({ url: '/help', headers: HTML });
  assert.match(res.body, /<strong>updates@ballots\.example\.gov<\/strong>/);
  assert.match(res.body, /<strong>415-75<\/strong>/);
  assert.match(res.body, /<strong>\(916\) 249-9883<\/strong>/);
  assert.match(res.body, /href="tel:\+19166541141">\(916\) 654-1141<\/a>/, 'voter ID phone');
  assert.match(res.body, /href="https:\/\/www\.sos\.ca\.gov\/elections\/voting-resources\/county-elections-offices"/);
  assert.match(res.body, /James/);
  assert.match(res.body, /01-23-1980/);
  assert.match(res.body, /id="contact"/);
});

test('Colorado: the banner and texts name the profile\'s state and service', async () => {
  const rt = await testRuntime({ profile: 'co' });
  const app = await buildServer(rt, { logger: false, routes: [createPortalRoutes(PORTAL_PAGES)] });
  const res = await app.inject({ url: '/help', headers: HTML });
  assert.match(res.body, /An official website of the State of Colorado/);
  assert.match(res.body, /Colorado Ballot Tracking/);
  assert.match(res.body, /ZIP code of your Colorado home address/);
});

test('assets: USWDS, fonts and our CSS are served from this server, versioned ones cached for a year', async () => {
  const app = await portal();
  const css = await app.inject({ url: ASSETS.uswdsCss });
  assert.equal(css.statusCode, 200);
  assert.match(String(css.headers['cache-control']), /max-age=31536000.*immutable|immutable.*max-age=31536000/);
  const fonts = await app.inject({ url: ASSETS.fontsCss });
  assert.equal(fonts.statusCode, 200);
  assert.match(fonts.body, /font-family:"Source Sans Pro Web".*unicode-range:U\+1780-17FF/);
  const khmerFont = /url\((\/assets\/fonts\/noto-sans-khmer-[^)]+\.woff2)\)/.exec(fonts.body)?.[1];
  assert.ok(khmerFont);
  const font = await app.inject({ url: khmerFont });
  assert.equal(font.statusCode, 200);
  assert.ok(font.rawPayload.length > 1000);
  for (const url of [ASSETS.portalCss, ASSETS.noJsCss, ASSETS.uswdsJs, ASSETS.flag]) assert.equal((await app.inject({ url })).statusCode, 200, url);
});
