import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testRuntime } from '../testing/db.ts';
import { buildServer } from '../web/server.ts';
import { createApiKey } from '../auth/api-keys.ts';
import { electionsRoutes } from './elections.routes.ts';

test('elections JSON API: the state creates and overrides; a county key acts only for its own county', async () => {
  const rt = await testRuntime({ now: new Date('2026-10-01T16:00:00Z') });
  const app = await buildServer(rt, { routes: [electionsRoutes], logger: false });
  const state = (await createApiKey(rt.db.pool, { name: 'SOS', scope: 'state' })).token;
  const la = (await createApiKey(rt.db.pool, { name: 'LA EMS', scope: 'county', countyCodes: ['19'] })).token;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, key: string | null, payload?: object) =>
    app.inject({ method, url, ...(key ? { headers: { 'x-api-key': key } } : {}), ...(payload ? { payload } : {}) });

  assert.equal((await call('GET', '/api/v1/elections', null)).statusCode, 401);
  const forbidden = await call('POST', '/api/v1/elections', la, { id: 'G2026', name: 'General', date: '2026-11-03', kind: 'statewide' });
  assert.equal(forbidden.statusCode, 403);
  const created = await call('POST', '/api/v1/elections', state, { id: 'G2026', name: 'General', date: '2026-11-03', kind: 'statewide', by: 'Ana' });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().createdBy, `Ana (api:${state.split('.')[0]})`);
  assert.equal((await call('POST', '/api/v1/elections', state, { id: 'L1', name: 'Local', date: '2026-12-29', kind: 'local' })).statusCode, 201);
  const bad = await call('POST', '/api/v1/elections', state, { id: 'X', name: 'x', date: '2026-02-30', kind: 'local' });
  assert.deepEqual([bad.statusCode, bad.json().error.code], [400, 'invalid_election']);

  const list = await call('GET', '/api/v1/elections', la);
  assert.deepEqual(list.json().elections.map((e: { id: string }) => e.id), ['G2026', 'L1']);

  const out = await call('POST', '/api/v1/elections/G2026/counties/19/opt-out', la);
  assert.equal(out.statusCode, 200, out.body);
  assert.equal(out.json().participating, false);
  const other = await call('POST', '/api/v1/elections/G2026/counties/38/opt-out', la, {});
  assert.deepEqual([other.statusCode, other.json().error.code], [403, 'county_forbidden']);

  const tooLate = await call('POST', '/api/v1/elections/L1/counties/19/opt-in', la, { imbUse: 'both' });
  assert.deepEqual([tooLate.statusCode, tooLate.json().error.code, tooLate.json().error.details.deadline], [409, 'opt_in_too_late', '2026-09-30']);
  const countyOverride = await call('POST', '/api/v1/elections/L1/counties/19/opt-in', la, { imbUse: 'both', overrideReason: 'please' });
  assert.equal(countyOverride.statusCode, 403);
  const override = await call('POST', '/api/v1/elections/L1/counties/19/opt-in', state, { imbUse: 'both', overrideReason: 'called late by the board', by: 'Ana' });
  assert.equal(override.statusCode, 200, override.body);
  assert.equal(override.json().lateOverrideReason, 'called late by the board');

  const patched = await call('PATCH', '/api/v1/elections/L1/counties/19', la, { trackingStart: '2026-12-10' });
  assert.equal(patched.json().trackingStart, '2026-12-10');
  const shown = await call('GET', '/api/v1/elections/L1', la);
  assert.equal(shown.json().counties.find((c: { countyCode: string }) => c.countyCode === '19').imbUse, 'both');

  const contacts = await call('PATCH', '/api/v1/counties/19/contacts', la, { phone: '(800) 815-2666', cureInstructions: 'Call us.' });
  assert.equal(contacts.statusCode, 200, contacts.body);
  assert.equal((await call('GET', '/api/v1/counties/19/contacts', la)).json().cureInstructions, 'Call us.');
  assert.equal((await call('PATCH', '/api/v1/counties/38/contacts', la, { phone: '(800) 815-2666' })).statusCode, 403);
  await app.close();
});
