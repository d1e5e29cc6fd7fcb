import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consolePagesRoutes } from './pages.routes.ts';
import { account, consoleWorld, signInBrowser } from './test-fixtures.ts';

const { rt, app } = await consoleWorld([consolePagesRoutes]);
const root = await account(rt, 'root@sos.example.gov', 'state_admin');
const state = await signInBrowser(rt, app, root);
const la = await signInBrowser(rt, app, await account(rt, 'lee@lacounty.example.gov', 'county_admin', ['19']));
const sf = await signInBrowser(rt, app, await account(rt, 'sam@sfcounty.example.gov', 'county_admin', ['38']));
const laStaff = await signInBrowser(rt, app, await account(rt, 'kim@lacounty.example.gov', 'county_staff', ['19']));

const ES_SMS = '/console/templates/accepted/es/sms';
const GOOD = '{voterName}, {electionName}: el condado de {countyName} acepto su boleta. Responda STOP para salir';
const overrides = async (): Promise<Array<{ county_code: string | null; template: string }>> =>
  (await rt.db.pool.query('SELECT county_code, template FROM template_overrides ORDER BY county_code NULLS FIRST')).rows;
const history = async (): Promise<Array<{ county_code: string | null; before_template: string | null; after_template: string | null; changed_by: string }>> =>
  (await rt.db.pool.query('SELECT county_code, before_template, after_template, changed_by FROM template_override_history ORDER BY id')).rows;

test('the list has every kind × language × form; the editor shows the preview and the SMS size', async () => {
  const list = await state.get('/console/templates');
  assert.equal(list.statusCode, 200);
  assert.equal((list.body.match(/<tr><th scope="row"><a class="usa-link" href="\/console\/templates\//g) ?? []).length, 13 * 10 * 4);
  const filtered = await state.get('/console/templates?language=es&channel=sms');
  assert.equal((filtered.body.match(/<tr><th scope="row">/g) ?? []).length, 13);
  const editor = await state.get(ES_SMS);
  assert.equal(editor.statusCode, 200);
  assert.match(editor.body, /<textarea[^>]*lang="es"[^>]*>[^<]*aceptó su boleta/);
  assert.match(editor.body, /<p id="sms-size" aria-live="polite" aria-atomic="true">SMS size: \d segments?, UCS-2 encoding/);
  assert.match(editor.body, /<script src="\/console\/assets\/templates.preview.js" defer><\/script>/);
});

test('preview without JavaScript (the Preview button) and as JSON for the script: the SMS size follows the text', async () => {
  await state.get(ES_SMS);
  const page = await state.post(ES_SMS, { template: GOOD, action: 'preview' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /SMS size: 1 segment, GSM-7 encoding, 153 characters with a name without accents/);
  const json = await state.post('/console/templates/accepted/es/sms/preview', { template: `${GOOD} 🗳️` });
  assert.equal(json.statusCode, 200);
  const p = json.json();
  assert.equal(p.smsPlain.encoding, 'UCS-2');
  assert.match(p.smsLine, /UCS-2 encoding/);
  assert.deepEqual(await overrides(), [], 'a preview saves nothing');
});

test('save: unknown or missing variables are refused with a clear message; a good text is saved with its history', async () => {
  await state.get(ES_SMS);
  const bad = await state.post(ES_SMS, { template: `${GOOD} {cancelUrl}`, action: 'save' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /The template was not saved/);
  assert.match(bad.body, /<li>Unknown variable \{cancelUrl\}\.<\/li>/);
  const missing = await state.post(ES_SMS, { template: 'Su boleta fue aceptada. Responda STOP para salir', action: 'save' });
  assert.match(missing.body, /<li>Missing required variable \{voterName\}\.<\/li>/);
  assert.deepEqual(await overrides(), []);
  const ok = await state.post(ES_SMS, { template: GOOD, action: 'save' });
  assert.equal(ok.statusCode, 303);
  assert.deepEqual(await overrides(), [{ county_code: null, template: GOOD }]);
  const after = await state.get(ES_SMS);
  assert.match(after.body, /Saved: new messages use this text\./);
  assert.match(after.body, /<caption>Changes, newest first<\/caption>/);
  assert.match(after.body, /<td>root@sos\.example\.gov<\/td><td lang="es"><em lang="en">\(default text\)<\/em><\/td><td lang="es">/);
  const again = await state.post(ES_SMS, { template: GOOD, action: 'save' });
  assert.equal(again.statusCode, 303);
  assert.equal((await history()).length, 1, 'saving the same text records nothing');
  const audit = await rt.db.pool.query("SELECT details FROM audit_log WHERE action = 'template.saved'");
  assert.deepEqual(audit.rows.map((r) => r.details), [{ kind: 'accepted', language: 'es', form: 'sms', county: 'state' }]);
});

test('county overrides: a county admin edits its county only; the state wording needs templates.manage; county staff may not edit', async () => {
  const own = await la.get(`${ES_SMS}?county=19`);
  assert.equal(own.statusCode, 200);
  const countyText = `${GOOD}. Condado de Los Angeles`;
  assert.equal((await la.post(`${ES_SMS}?county=19`, { template: countyText, action: 'save' })).statusCode, 303);
  assert.equal((await sf.get(`${ES_SMS}?county=38`)).statusCode, 200);
  assert.equal((await sf.post(`${ES_SMS}?county=38`, { template: `${GOOD}. SF`, action: 'save' })).statusCode, 303);

  assert.equal((await la.get(`${ES_SMS}?county=38`)).statusCode, 404, 'another county\'s override is not found');
  assert.equal((await la.post(`${ES_SMS}?county=38`, { template: GOOD, action: 'save' })).statusCode, 404);
  assert.equal((await la.post('/console/templates/accepted/es/sms/preview?county=38', { template: GOOD })).statusCode, 404);
  assert.equal((await la.post('/console/templates/accepted/es/sms/remove?county=38', {})).statusCode, 404);
  assert.equal((await la.get('/console/templates?county=38')).statusCode, 404);
  assert.equal((await la.get(ES_SMS)).statusCode, 403, 'the state wording is the state\'s');
  assert.equal((await la.post(ES_SMS, { template: GOOD, action: 'save' })).statusCode, 403);
  const list = await la.get('/console/templates?language=es&channel=sms&kind=accepted');
  assert.match(list.body, /<td>19<\/td><\/tr>/);
  assert.ok(!/<td>(38|19, 38)<\/td>/.test(list.body), 'the list names only its own county\'s overrides');
  assert.equal((await laStaff.get('/console/templates')).statusCode, 403);
  assert.equal((await laStaff.get(`${ES_SMS}?county=19`)).statusCode, 403);
  assert.equal((await laStaff.post(`${ES_SMS}?county=19`, { template: GOOD, action: 'save' })).statusCode, 403);
  const sfRow = (await overrides()).find((o) => o.county_code === '38');
  assert.equal(sfRow?.template, `${GOOD}. SF`, 'county 38\'s wording untouched');

  assert.equal((await la.post('/console/templates/accepted/es/sms/remove?county=19', {})).statusCode, 303);
  const h = (await history()).filter((e) => e.county_code === '19');
  assert.deepEqual(h.map((e) => [e.before_template, e.after_template, e.changed_by]), [[null, countyText, 'lee@lacounty.example.gov'], [countyText, null, 'lee@lacounty.example.gov']]);
  const page = await la.get(`${ES_SMS}?county=19`);
  assert.match(page.body, /<em lang="en">\(removed\)<\/em>/);
  assert.ok(!page.body.includes('SF</td>'), 'the history shows this county\'s changes only');
});

test('a POST without the CSRF token is refused and changes nothing', async () => {
  await state.get(ES_SMS);
  const before = await overrides();
  for (const url of [ES_SMS, '/console/templates/accepted/es/sms/preview', '/console/templates/accepted/es/sms/remove']) {
    const res = await state.post(url, { template: 'x {voterName}', action: 'save' }, { csrf: false });
    assert.equal(res.statusCode, 403, url);
    assert.match(res.body, /This form has expired/);
  }
  assert.deepEqual(await overrides(), before);
});
