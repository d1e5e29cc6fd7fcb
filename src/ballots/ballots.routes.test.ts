import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testRuntime } from '../testing/db.ts';
import { buildServer } from '../web/server.ts';
import { createApiKey } from '../auth/api-keys.ts';
import { createElection } from '../elections/elections.service.ts';
import { stateActor } from '../elections/actor.ts';
import { ballotsRoutes } from './ballots.routes.ts';

const issued = (i: number, county = '19') => ({ voterId: `V${county}-${i}`, electionId: 'G2026', ballotId: `B${county}-${i}`, countyCode: county, statusCode: 'ISSUED', statusDate: '2026-10-05', sentDate: '2026-10-07' });

test('JSON batch endpoint: a county key writes only its county; bad rows are rejected by number; the same batch twice adds nothing', async () => {
  const rt = await testRuntime();
  await createElection(rt, { id: 'G2026', name: 'General', date: '2026-11-03', kind: 'statewide' }, stateActor('test'));
  const app = await buildServer(rt, { routes: [ballotsRoutes], logger: false });
  const la = await createApiKey(rt.db.pool, { name: 'LA EMS', scope: 'county', countyCodes: ['19'] });
  const sd = await createApiKey(rt.db.pool, { name: 'SD EMS', scope: 'county', countyCodes: ['37'] });
  const post = (token: string | null, rows: object[]) => app.inject({ method: 'POST', url: '/api/v1/ballot-statuses', ...(token ? { headers: { 'x-api-key': token } } : {}), payload: { rows } });

  assert.equal((await post(null, [issued(1)])).statusCode, 401);
  assert.equal((await post(`${la.key.id}.wrong`, [issued(1)])).statusCode, 401);

  const cross = await post(la.token, [issued(1), issued(2, '37')]);
  assert.deepEqual([cross.statusCode, cross.json().error.code, cross.json().error.details.rows], [403, 'county_forbidden', [2]]);
  assert.equal((await rt.db.pool.query('SELECT count(*)::int AS n FROM ballots')).rows[0].n, 0, 'nothing of a forbidden batch is applied');

  const rows = [issued(1), issued(2), { ...issued(3), statusDate: 'tomorrow' }, { ...issued(4), statusCode: 'SIGNED' }];
  const ok = await post(la.token, rows);
  assert.equal(ok.statusCode, 200, ok.body);
  const body = ok.json();
  assert.deepEqual([body.status, body.counts.new, body.counts.unknownCode, body.counts.rejected, body.counts.events], ['done', 2, 1, 1, 2]);
  assert.deepEqual(body.rejects, [{ row: 3, reason: 'status_date "tomorrow" is not a real date (YYYY-MM-DD) or an ISO 8601 timestamp' }]);
  assert.deepEqual(body.unknownCodes, { SIGNED: 1 });
  const run = (await rt.db.pool.query('SELECT source, kind FROM import_runs WHERE id = $1', [body.runId])).rows[0];
  assert.deepEqual(run, { source: `api:${la.key.id}`, kind: 'ballots' });
  const jobs = await rt.db.pool.query("SELECT 1 FROM pgboss.job WHERE name = 'plan-events' AND data->>'runId' = $1", [String(body.runId)]);
  assert.equal(jobs.rowCount, 1);

  const again = await post(la.token, rows);
  assert.deepEqual([again.json().counts.events, again.json().counts.unchanged], [0, 2]);

  // San Diego's key cannot see Los Angeles' batch or ballots; its own key can.
  const headers = (t: string) => ({ 'x-api-key': t });
  assert.equal((await app.inject({ method: 'GET', url: `/api/v1/ingest/runs/${body.runId}`, headers: headers(sd.token) })).statusCode, 404);
  assert.equal((await app.inject({ method: 'GET', url: `/api/v1/ingest/runs/${body.runId}`, headers: headers(la.token) })).statusCode, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/elections/G2026/ballots/B19-1', headers: headers(sd.token) })).statusCode, 404);
  const view = await app.inject({ method: 'GET', url: '/api/v1/elections/G2026/ballots/B19-1', headers: headers(la.token) });
  assert.deepEqual(view.json().events.map((e: { kind: string }) => e.kind), ['outbound']);
  await app.close();
});

test('held batches: only a state key approves or discards', async () => {
  const rt = await testRuntime();
  await createElection(rt, { id: 'G2026', name: 'General', date: '2026-11-03', kind: 'statewide' }, stateActor('test'));
  const app = await buildServer(rt, { routes: [ballotsRoutes], logger: false });
  const la = (await createApiKey(rt.db.pool, { name: 'LA EMS', scope: 'county', countyCodes: ['19'] })).token;
  const sos = (await createApiKey(rt.db.pool, { name: 'SOS', scope: 'state' })).token;
  const post = (url: string, token: string, payload: object) => app.inject({ method: 'POST', url, headers: { 'x-api-key': token }, payload });

  assert.equal((await post('/api/v1/ballot-statuses', la, { rows: Array.from({ length: 100 }, (_, i) => issued(i)) })).statusCode, 200);
  const held = await post('/api/v1/ballot-statuses', la, { rows: Array.from({ length: 60 }, (_, i) => ({ ...issued(i), statusCode: 'VDD', statusDate: '2026-10-20' })) });
  assert.equal(held.statusCode, 202, held.body);
  const runId = held.json().runId;
  assert.match(held.json().hold.reasons[0], /60 of 100 statuses would change/);

  const listed = await app.inject({ method: 'GET', url: '/api/v1/ingest/runs?held=true', headers: { 'x-api-key': sos } });
  assert.deepEqual(listed.json().runs.map((r: { id: number }) => r.id), [runId]);
  assert.equal((await post(`/api/v1/ingest/runs/${runId}/approve`, la, { by: 'clerk', reason: 'ok' })).statusCode, 403);
  assert.equal((await post(`/api/v1/ingest/runs/${runId}/approve`, sos, { by: 'Ana' })).statusCode, 400, 'a reason is required');
  const approved = await post(`/api/v1/ingest/runs/${runId}/approve`, sos, { by: 'Ana', reason: 'confirmed with the county' });
  assert.equal(approved.statusCode, 200, approved.body);
  assert.deepEqual([approved.json().status, approved.json().counts.events], ['approved', 60]);
  const again = await post(`/api/v1/ingest/runs/${runId}/discard`, sos, { by: 'Ana', reason: 'oops' });
  assert.deepEqual([again.statusCode, again.json().error.code], [409, 'run_already_decided']);
  const shown = await app.inject({ method: 'GET', url: `/api/v1/ingest/runs/${runId}`, headers: { 'x-api-key': sos } });
  assert.equal(shown.json().hold.decided_by, `Ana (api:${sos.split('.')[0]})`);
  await app.close();
});
