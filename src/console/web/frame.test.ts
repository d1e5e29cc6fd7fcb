/**
 * The frame as other page modules use it: navigation by permission, flash messages, a raw
 * route that streams a multipart body with the CSRF token in its action URL, errors as pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { html } from '../../web/html.ts';
import { AppError } from '../../errors.ts';
import { createConsolePagesRoutes } from './pages.routes.ts';
import { signInPages } from './signin.pages.ts';
import { seeOther, sendConsolePage, uploadAction, type ConsolePageModule } from './frame.ts';
import { account, consoleWorld, signInBrowser } from './test-fixtures.ts';

const probe: ConsolePageModule = (pages) => {
  pages.nav({ id: 'probe', href: '/console/probe', label: 'Probe', description: 'For feeds managers.', anyOf: ['feeds.manage'] });
  pages.get('/console/probe', { anyOf: ['feeds.manage'] }, async (ctx) => ({
    title: 'Probe', nav: 'probe',
    main: html`<form method="post" enctype="multipart/form-data" action="${uploadAction(ctx, '/console/probe/upload')}"></form>`,
  }));
  pages.post('/console/probe/flash', {}, async (ctx, _req, reply) => seeOther(reply, ctx, '/console/probe', 'Done it.'));
  pages.get('/console/probe/conflict', {}, async () => {
    throw new AppError(409, 'busy', 'Another run is in progress.');
  });
  pages.get('/console/probe/boom', {}, async () => {
    throw new Error('secret detail from the driver');
  });
  pages.app.post('/console/probe/upload', { preHandler: pages.guard({ anyOf: ['feeds.manage'] }) }, async (req, reply) => {
    const ctx = pages.context(req, reply);
    const chunks: Buffer[] = [];
    for await (const chunk of req.raw) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    return sendConsolePage(reply, ctx, { title: 'Uploaded', main: html`<p id="size">${body.length}</p><p id="has-file">${String(body.includes('hello,file'))}</p>` });
  });
};

const routes = createConsolePagesRoutes([signInPages, probe]);

test('frame: navigation and pages by permission; flash after a redirect; AppError and unexpected errors as pages', async () => {
  const { rt, app } = await consoleWorld([routes]);
  const admin = await account(rt, 'lee@county.example.gov', 'county_admin', ['19']);
  const staff = await account(rt, 'kim@county.example.gov', 'county_staff', ['19']);
  const a = await signInBrowser(rt, app, admin);
  const home = await a.get('/console');
  assert.match(home.body, /<a href="\/console\/probe">Probe<\/a>/);
  assert.match(home.body, /For feeds managers\./);
  const s = await signInBrowser(rt, app, staff);
  assert.doesNotMatch((await s.get('/console')).body, /\/console\/probe/);
  assert.equal((await s.get('/console/probe')).statusCode, 403);

  const probePage = await a.get('/console/probe');
  assert.match(probePage.body, /aria-current="page">Probe/);
  const redirected = await a.post('/console/probe/flash', {});
  assert.equal(redirected.statusCode, 303);
  assert.match((await a.get('/console/probe')).body, /Done it\./);
  assert.doesNotMatch((await a.get('/console/probe')).body, /Done it\./, 'a flash shows once');

  const conflict = await a.get('/console/probe/conflict');
  assert.equal(conflict.statusCode, 409);
  assert.match(conflict.body, /Another run is in progress\./);
  const boom = await a.get('/console/probe/boom');
  assert.equal(boom.statusCode, 500);
  assert.doesNotMatch(boom.body, /secret detail/);
  assert.equal(boom.headers['cache-control'], 'no-store');
});

test('frame: a raw route streams a multipart body; its CSRF token rides in the action URL; without it, 403', async () => {
  const { rt, app } = await consoleWorld([routes]);
  const admin = await account(rt, 'lee@county.example.gov', 'county_admin', ['19']);
  const a = await signInBrowser(rt, app, admin);
  const page = await a.get('/console/probe');
  const action = /enctype="multipart\/form-data" action="([^"]+)"/.exec(page.body.replace(/&amp;/g, '&'))![1]!;
  assert.match(action, /^\/console\/probe\/upload\?_csrf=/);
  const boundary = 'XyZ123';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nhello,file\r\n--${boundary}--\r\n`;
  const headers = { cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` };
  const ok = await app.inject({ method: 'POST', url: action, payload, headers });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.match(ok.body, /<p id="has-file">true<\/p>/);
  assert.equal(ok.headers['cache-control'], 'no-store');
  const noToken = await app.inject({ method: 'POST', url: '/console/probe/upload', payload, headers });
  assert.equal(noToken.statusCode, 403);
  const noSession = await app.inject({ method: 'POST', url: action, payload, headers: { ...headers, cookie: headers.cookie.replace(/bl_staff=[^;]+;?\s*/, '') } });
  assert.equal(noSession.statusCode, 303);
});
