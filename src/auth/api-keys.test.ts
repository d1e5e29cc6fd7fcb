import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testRuntime } from '../testing/db.ts';
import { buildServer } from '../web/server.ts';
import { createApiKey, keyCoversCounty, requireApiKey, revokeApiKey, verifyApiKey } from './api-keys.ts';

test('keys are shown once, stored hashed, scoped and revocable', async () => {
  const rt = await testRuntime();
  const { key, token } = await createApiKey(rt.db.pool, { name: 'LA feed', scope: 'county', countyCodes: ['19'] });
  const stored = (await rt.db.pool.query('SELECT secret_sha256 FROM integration_keys WHERE id = $1', [key.id])).rows[0];
  assert.ok(!token.endsWith(stored.secret_sha256) && !JSON.stringify(stored).includes(token.split('.')[1]!));
  const verified = await verifyApiKey(rt.db.pool, token);
  assert.deepEqual(verified, { id: key.id, name: 'LA feed', scope: 'county', countyCodes: ['19'] });
  assert.equal(keyCoversCounty(verified!, '19'), true);
  assert.equal(keyCoversCounty(verified!, '37'), false);
  assert.equal(await verifyApiKey(rt.db.pool, `${key.id}.wrong`), null);
  assert.equal(await verifyApiKey(rt.db.pool, 'garbage'), null);
  assert.equal(await revokeApiKey(rt.db.pool, key.id), true);
  assert.equal(await verifyApiKey(rt.db.pool, token), null);
  await assert.rejects(createApiKey(rt.db.pool, { name: 'x', scope: 'county', countyCodes: ['99'] }), /unknown county 99/);
  await assert.rejects(createApiKey(rt.db.pool, { name: 'x', scope: 'county', countyCodes: [] }), /at least one county/);
});

test('requireApiKey accepts x-api-key and Basic, refuses the rest, and enforces state scope', async () => {
  const rt = await testRuntime();
  const county = await createApiKey(rt.db.pool, { name: 'county', scope: 'county', countyCodes: ['19'] });
  const state = await createApiKey(rt.db.pool, { name: 'state', scope: 'state' });
  const app = await buildServer(rt, { logger: false, routes: [(a) => {
    a.get('/any', { preHandler: requireApiKey(rt.db.pool) }, async (req) => ({ id: req.apiKey!.id }));
    a.get('/state', { preHandler: requireApiKey(rt.db.pool, { scope: 'state' }) }, async () => ({ ok: true }));
  }] });
  const basic = (t: string) => `Basic ${Buffer.from(t.replace('.', ':')).toString('base64')}`;
  assert.equal((await app.inject({ url: '/any', headers: { 'x-api-key': county.token } })).json().id, county.key.id);
  assert.equal((await app.inject({ url: '/any', headers: { authorization: basic(county.token) } })).json().id, county.key.id);
  const none = await app.inject({ url: '/any' });
  assert.equal(none.statusCode, 401);
  assert.equal(none.json().error.code, 'unauthorized');
  assert.match(String(none.headers['www-authenticate']), /Basic/);
  assert.equal((await app.inject({ url: '/state', headers: { 'x-api-key': county.token } })).statusCode, 403);
  assert.equal((await app.inject({ url: '/state', headers: { 'x-api-key': state.token } })).statusCode, 200);
  await app.close();
});
