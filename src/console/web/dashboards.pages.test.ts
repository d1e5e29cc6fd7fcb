import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { seedReports } from '../reports.test-fixtures.ts';
import { consolePagesRoutes } from './pages.routes.ts';
import { account, consoleWorld, signInBrowser } from './test-fixtures.ts';

/** The rows of a chart's data table on a dashboard page: [label, value] without the total. */
function tableRows(body: string, id: string): Array<[string, string]> {
  const m = new RegExp(`<table [^>]*id="${id}-table">([\\s\\S]*?)</table>`).exec(body);
  assert.ok(m, `the page has the table ${id}`);
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(m[1]!)![1]!;
  return [...tbody.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="text-right">([^<]*)<\/td><\/tr>/g)].map((r) => [r[1]!, r[2]!]);
}

const { rt, app } = await consoleWorld([consolePagesRoutes]);
await seedReports(rt);
const state = await signInBrowser(rt, app, await account(rt, 'root@sos.example.gov', 'state_admin'));
const la = await signInBrowser(rt, app, await account(rt, 'lee@lacounty.example.gov', 'county_staff', ['19']));

test('dashboard of all counties: every figure matches the data inserted, days in Los Angeles time', async () => {
  const res = await state.get('/console/dashboards?election=G2026');
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(tableRows(res.body, 'ballots-by-status'), [['ACCEPTED', '2'], ['INR', '1'], ['ISSUED', '1'], ['VDD', '1']]);
  assert.deepEqual(tableRows(res.body, 'returns-per-day'), [['2026-10-09', '1'], ['2026-10-10', '1'], ['2026-10-12', '1']]);
  assert.deepEqual(tableRows(res.body, 'signups-per-day'), [['2026-10-01', '2'], ['2026-10-03', '1']]);
  assert.deepEqual(tableRows(res.body, 'optouts-per-day'), [['2026-10-05', '1'], ['2026-10-06', '1']]);
  assert.deepEqual(tableRows(res.body, 'messages-by-channel-status'), [['email failed', '1'], ['sms delivered', '1'], ['sms render_failed', '1'], ['sms sent', '1'], ['voice delivered', '1']]);
  assert.deepEqual(tableRows(res.body, 'failure-rates'), [['email (1 of 1)', '100'], ['sms (1 of 3)', '33.3'], ['voice (0 of 1)', '0']]);
  assert.equal((res.body.match(/<svg class="bl-chart" role="img"/g) ?? []).length, 6, 'a chart beside every table');
  assert.match(res.body, /<desc id="ballots-by-status-desc">Ballots by status\. Status by ballots, total 5\./);
});

test('a county member sees its county only; another county is not found, in the page and in the CSV', async () => {
  const res = await la.get('/console/dashboards?election=G2026');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(tableRows(res.body, 'ballots-by-status'), [['ACCEPTED', '1'], ['INR', '1'], ['ISSUED', '1']]);
  assert.deepEqual(tableRows(res.body, 'returns-per-day'), [['2026-10-09', '1'], ['2026-10-10', '1']]);
  assert.deepEqual(tableRows(res.body, 'signups-per-day'), [['2026-10-01', '2']]);
  assert.deepEqual(tableRows(res.body, 'optouts-per-day'), [['2026-10-05', '1']]);
  assert.deepEqual(tableRows(res.body, 'failure-rates'), [['email (1 of 1)', '100'], ['sms (0 of 2)', '0'], ['voice (0 of 1)', '0']]);
  assert.ok(!res.body.includes('San Francisco (38)'), 'the county picker lists only its counties');
  assert.equal((await la.get('/console/dashboards?election=G2026&county=38')).statusCode, 404);
  assert.equal((await la.get('/console/dashboards/ballots-by-status.csv?election=G2026&county=38')).statusCode, 404);
  const own = await la.get('/console/dashboards/ballots-by-status.csv?election=G2026&county=19');
  assert.equal(own.statusCode, 200);
  assert.deepEqual(parse(own.body), [['Status', 'Ballots'], ['ACCEPTED', '1'], ['INR', '1'], ['ISSUED', '1']]);
});

test('CSV export of each table, by a state admin for one county; unknown tables and elections are not found', async () => {
  const csv = await state.get('/console/dashboards/returns-per-day.csv?election=G2026&county=38');
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.match(String(csv.headers['content-disposition']), /attachment; filename="G2026-38-returns-per-day.csv"/);
  assert.deepEqual(parse(csv.body), [['Day', 'Ballots returned'], ['2026-10-12', '1']]);
  const all = await state.get('/console/dashboards/messages-by-channel-status.csv?election=G2026');
  assert.equal(parse(all.body).length, 6);
  assert.equal((await state.get('/console/dashboards/nope.csv?election=G2026')).statusCode, 404);
  assert.equal((await state.get('/console/dashboards?election=NOPE')).statusCode, 404);
});

test('without a session: sent to sign-in', async () => {
  const res = await app.inject({ method: 'GET', url: '/console/dashboards' });
  assert.equal(res.statusCode, 303);
  assert.match(String(res.headers.location), /^\/console\/sign-in\?next=/);
});
