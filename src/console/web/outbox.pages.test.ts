import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedReports } from '../reports.test-fixtures.ts';
import { consolePagesRoutes } from './pages.routes.ts';
import { account, consoleWorld, signInBrowser } from './test-fixtures.ts';

const { rt, app } = await consoleWorld([consolePagesRoutes]);
await seedReports(rt);
const state = await signInBrowser(rt, app, await account(rt, 'root@sos.example.gov', 'state_admin'));
const laStaff = await account(rt, 'lee@lacounty.example.gov', 'county_staff', ['19']);
const la = await signInBrowser(rt, app, laStaff);

const voters = (body: string): string[] => [...body.matchAll(/<p class="margin-y-1 text-base-dark">Voter (\w+)/g)].map((m) => m[1]!);

test('each entry as the voter sees it: the SMS text, the email subject and body, the voice script', async () => {
  const res = await state.get('/console/outbox');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(voters(res.body), ['V1', 'V2', 'V3', 'V3', 'V1'], 'newest first');
  assert.match(res.body, /<div class="bg-base-lightest[^"]*" lang="es"><p class="margin-y-1">Ana Uno: el condado aceptó su boleta\. Responda STOP para salir<\/p><\/div>/);
  assert.match(res.body, /<strong>Subject:<\/strong> <span lang="en">Your ballot was accepted<\/span>/);
  assert.match(res.body, /<p class="margin-y-1">Ana Uno,<\/p><p class="margin-y-1">your county accepted your ballot\.<\/p>/, 'blank lines make paragraphs');
  assert.match(res.body, /<strong>Spoken:<\/strong>/);
});

test('filters: voter, kind, language and channel', async () => {
  assert.deepEqual(voters((await state.get('/console/outbox?voter=V3')).body), ['V3', 'V3']);
  assert.deepEqual(voters((await state.get('/console/outbox?kind=received&channel=voice')).body), ['V3']);
  assert.deepEqual(voters((await state.get('/console/outbox?language=es')).body), ['V1']);
  assert.deepEqual(voters((await state.get('/console/outbox?channel=email')).body), ['V1']);
  assert.deepEqual(voters((await state.get('/console/outbox?kind=not-a-kind')).body).length, 5, 'an unknown value is no filter');
});

test('a county member sees only its voters\' messages; another county\'s voter shows nothing; the reads are audited', async () => {
  const res = await la.get('/console/outbox');
  assert.deepEqual(voters(res.body), ['V1', 'V3', 'V3', 'V1']);
  assert.ok(!res.body.includes('Bo Dos'));
  const other = await la.get('/console/outbox?voter=V2');
  assert.equal(other.statusCode, 200);
  assert.deepEqual(voters(other.body), []);
  assert.match(other.body, /No message matches/);
  const { rows } = await rt.db.pool.query<{ actor_id: number; voter_id: string | null; details: { entries: number } }>(
    "SELECT actor_id, voter_id, details FROM audit_log WHERE action = 'outbox.viewed' AND actor_id = $1 ORDER BY id", [laStaff.id]);
  assert.deepEqual(rows.map((r) => [r.voter_id, r.details.entries]), [[null, 4], ['V2', 0]]);
});
