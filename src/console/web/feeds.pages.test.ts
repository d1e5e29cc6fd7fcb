import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { LightMyRequestResponse } from 'fastify';
import { createElection } from '../../elections/elections.service.ts';
import { stateActor } from '../../elections/actor.ts';
import { consolePagesRoutes } from './pages.routes.ts';
import { account, consoleWorld, signInBrowser, type Browser } from './test-fixtures.ts';

const { rt, app } = await consoleWorld([consolePagesRoutes]);
await createElection(rt, { id: 'G2026', name: 'General', date: '2026-11-03', kind: 'statewide' }, stateActor('test'));
const root = await account(rt, 'root@sos.example.gov', 'state_admin');
const state = await signInBrowser(rt, app, root);
const la = await signInBrowser(rt, app, await account(rt, 'lee@lacounty.example.gov', 'county_admin', ['19']));
const sf = await signInBrowser(rt, app, await account(rt, 'sam@sfcounty.example.gov', 'county_admin', ['38']));
const laStaff = await signInBrowser(rt, app, await account(rt, 'kim@lacounty.example.gov', 'county_staff', ['19']));

const VOTER_HEADER = 'voter_id,county_code,first_name,middle_name,last_name,suffix,dob,zip,status,confidential,email,phone,language,updated_at';
const voter = (id: string, county: string, dob = '1980-01-23') => `${id},${county},Ana,,Perez,,${dob},90012,ACTIVE,N,,,,`;
const BALLOT_HEADER = 'voter_id,election_id,ballot_id,county_code,status_code,status_date,issued_date,sent_date,reason_text,cure_deadline';
const ballot = (i: number, code: string, date: string) => `V${i},G2026,B${i},19,${code},${date},2026-10-05,2026-10-07,,`;

/** A multipart form as a browser sends it: the fields first, then the file. */
function multipart(fields: Record<string, string>, file: { name: string; content: string } | null): { payload: Buffer; contentType: string } {
  const boundary = '----ballotline-test-boundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  if (file) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`);
  return { payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts the upload form of the page last loaded by `b` (its CSRF token rides in the action URL). */
async function upload(b: Browser, fields: Record<string, string>, file: { name: string; content: string } | null, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
  const page = await b.get('/console/feeds/upload');
  const action = /id="upload-form" method="post" enctype="multipart\/form-data" action="([^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? '/console/feeds/upload';
  const { payload, contentType } = multipart(fields, file);
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await app.inject({ method: 'POST', url: options.csrf === false ? '/console/feeds/upload' : action, payload, headers: { cookie, 'content-type': contentType } });
  const flash = /bl_console_flash=([^;]*)/.exec(String(res.headers['set-cookie'] ?? ''));
  if (flash) b.cookies.set('bl_console_flash', flash[1]!);
  return res;
}

const runIdOf = (res: LightMyRequestResponse): number => {
  assert.equal(res.statusCode, 303, res.body);
  const m = /^\/console\/feeds\/runs\/(\d+)$/.exec(String(res.headers.location));
  assert.ok(m, String(res.headers.location));
  return Number(m[1]);
};
const runCount = async (): Promise<number> => (await rt.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM import_runs')).rows[0]!.n;

test('a state admin uploads a voter file: the run page shows counts, duration and the rejects, downloadable as CSV', async () => {
  const file = [VOTER_HEADER, voter('V1', '19'), voter('V2', '38'), voter('V3', '19', '1980-02-30'), ''].join('\n');
  const id = runIdOf(await upload(state, { kind: 'voters', county: '', election: '', mode: 'partial' }, { name: '../../etc/voters.csv', content: file }));
  const page = await state.get(`/console/feeds/runs/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /File loaded: run #\d+\./);
  assert.match(page.body, /<h1>Voter file run #\d+<\/h1>/);
  assert.match(page.body, /<dt>File<\/dt><dd>voters\.csv<\/dd>/, 'the file name without its path');
  assert.match(page.body, /<th scope="row">Rows read<\/th><td class="text-right">3<\/td>/);
  assert.match(page.body, /<th scope="row">Inserted<\/th><td class="text-right">2<\/td>/);
  assert.match(page.body, /1 row\(s\) were rejected/);
  assert.match(page.body, /<tr><th scope="row" class="text-right">4<\/th><td>[^<]*date/);
  const csv = await state.get(`/console/feeds/runs/${id}/rejects.csv`);
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-disposition']), new RegExp(`attachment; filename="run-${id}-rejects.csv"`));
  const rows = parse(csv.body) as string[][];
  assert.deepEqual(rows[0], ['line', 'reason']);
  assert.equal(rows.length, 2);
  assert.equal(rows[1]![0], '4');
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'feed.rejects_downloaded'")).rows[0].n, 1);
  const list = await state.get('/console/feeds');
  assert.match(list.body, new RegExp(`href="/console/feeds/runs/${id}">#${id}</a>`));
});

test('a county admin uploads for its county only: other counties\' rows are rejected; other county admins cannot see the run or its rejects', async () => {
  const file = [VOTER_HEADER, voter('L1', '19'), voter('L2', '38'), ''].join('\n');
  const id = runIdOf(await upload(la, { kind: 'voters', county: '19', election: '', mode: 'partial' }, { name: 'la.csv', content: file }));
  const run = (await rt.db.pool.query('SELECT county_code, counts FROM import_runs WHERE id = $1', [id])).rows[0];
  assert.equal(run.county_code, '19');
  assert.deepEqual([run.counts.inserted, run.counts.rejected], [1, 1]);
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM voters WHERE voter_id = 'L2'")).rows[0].n, 0);
  assert.equal((await la.get(`/console/feeds/runs/${id}`)).statusCode, 200);
  assert.equal((await sf.get(`/console/feeds/runs/${id}`)).statusCode, 404);
  assert.equal((await sf.get(`/console/feeds/runs/${id}/rejects.csv`)).statusCode, 404);
  const sfList = await sf.get('/console/feeds');
  assert.ok(!sfList.body.includes(`/console/feeds/runs/${id}"`), 'the list hides another county\'s runs');
  const laList = await la.get('/console/feeds');
  assert.ok(laList.body.includes(`/console/feeds/runs/${id}"`));
  assert.ok(!/statewide/.test(laList.body.split('id="runs-heading"')[1]!), 'statewide runs are the state\'s');

  const before = await runCount();
  const other = await upload(la, { kind: 'voters', county: '38', election: '', mode: 'partial' }, { name: 'x.csv', content: file });
  assert.equal(other.statusCode, 404, 'another county: not found');
  const noCounty = await upload(la, { kind: 'voters', county: '', election: '', mode: 'partial' }, { name: 'x.csv', content: file });
  assert.equal(noCounty.statusCode, 400);
  assert.match(noCounty.body, /Choose the county of this voter file/);
  const tracking = await upload(la, { kind: 'tracking', county: '19', election: '', mode: 'partial' }, { name: 't.csv', content: 'x\n' });
  assert.equal(tracking.statusCode, 403);
  assert.equal(await runCount(), before, 'nothing was read');
});

test('permissions and CSRF: county staff may not upload; an upload without the token is refused; a missing file is a clear error', async () => {
  assert.equal((await laStaff.get('/console/feeds')).statusCode, 200, 'county staff see the feeds');
  assert.equal((await laStaff.get('/console/feeds/upload')).statusCode, 403);
  const before = await runCount();
  const { payload, contentType } = multipart({ kind: 'voters', county: '19' }, { name: 'v.csv', content: `${VOTER_HEADER}\n${voter('K1', '19')}\n` });
  const cookie = [...laStaff.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const staffPost = await app.inject({ method: 'POST', url: `/console/feeds/upload?_csrf=${encodeURIComponent(laStaff.csrf)}`, payload, headers: { cookie, 'content-type': contentType } });
  assert.equal(staffPost.statusCode, 403);
  const noToken = await upload(state, { kind: 'voters', county: '', election: '', mode: 'partial' }, { name: 'v.csv', content: `${VOTER_HEADER}\n${voter('K2', '19')}\n` }, { csrf: false });
  assert.equal(noToken.statusCode, 403);
  assert.match(noToken.body, /This form has expired/);
  assert.equal(await runCount(), before);
  const missing = await upload(state, { kind: 'voters', county: '', election: '', mode: 'partial' }, null);
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Choose a file to upload/);
  const badHeader = await upload(state, { kind: 'ballots', county: '', election: '', mode: 'partial' }, { name: 'b.csv', content: 'nothing,useful\n1,2\n' });
  assert.equal(badHeader.statusCode, 400);
  assert.match(badHeader.body, /The file was not loaded/);
});

test('held ingests: the summary shows what would change; county admins cannot decide; a state admin approves or discards with a reason', async () => {
  const wave = Array.from({ length: 100 }, (_, i) => ballot(i, 'ISSUED', '2026-10-05'));
  const first = runIdOf(await upload(state, { kind: 'ballots', county: '', election: '', mode: 'partial' }, { name: 'wave.csv', content: `${[BALLOT_HEADER, ...wave].join('\n')}\n` }));
  assert.equal((await rt.db.pool.query('SELECT status FROM import_runs WHERE id = $1', [first])).rows[0].status, 'done');
  const vdd = Array.from({ length: 60 }, (_, i) => ballot(i, 'VDD', '2026-10-09'));
  const held = runIdOf(await upload(state, { kind: 'ballots', county: '', election: '', mode: 'partial' }, { name: 'vdd.csv', content: `${[BALLOT_HEADER, ...vdd].join('\n')}\n` }));
  const page = await state.get(`/console/feeds/runs/${held}`);
  assert.match(page.body, /Held for review/);
  assert.match(page.body, /60 of 100 statuses would change/);
  assert.match(page.body, /<li>ISSUED → VDD: 60<\/li>/);
  assert.match(page.body, /action="\/console\/feeds\/runs\/\d+\/approve"/);
  const list = await state.get('/console/feeds');
  assert.match(list.body.split('id="runs-heading"')[0]!, new RegExp(`#${held}</a>`), 'listed under held ingests');

  await la.get('/console/feeds');
  assert.equal((await la.post(`/console/feeds/runs/${held}/approve`, { reason: 'looks fine' })).statusCode, 403);
  assert.equal((await state.post(`/console/feeds/runs/${held}/approve`, { reason: 'x' }, { csrf: false })).statusCode, 403);
  await state.get(`/console/feeds/runs/${held}`);
  const noReason = await state.post(`/console/feeds/runs/${held}/approve`, { reason: ' ' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Say why the held ingest is approved/);
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM ballots WHERE status_code = 'VDD'")).rows[0].n, 0);

  await state.get(`/console/feeds/runs/${held}`);
  const ok = await state.post(`/console/feeds/runs/${held}/approve`, { reason: 'county confirmed the deaths list' });
  assert.equal(ok.statusCode, 303);
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM ballots WHERE status_code = 'VDD'")).rows[0].n, 60);
  const after = await state.get(`/console/feeds/runs/${held}`);
  assert.match(after.body, /<strong>Approved<\/strong> by root@sos\.example\.gov at [^:]+:\d\d:\d\d UTC: county confirmed the deaths list/);
  assert.ok(!after.body.includes('/approve"'), 'decided: no more forms');
  const audit = await rt.db.pool.query("SELECT details FROM audit_log WHERE action = 'ingest.approved'");
  assert.equal(audit.rows[0].details.reason, 'county confirmed the deaths list');

  const back = Array.from({ length: 60 }, (_, i) => ballot(i, 'ISSUED', '2026-10-10'));
  const second = runIdOf(await upload(state, { kind: 'ballots', county: '', election: '', mode: 'partial' }, { name: 'back.csv', content: `${[BALLOT_HEADER, ...back].join('\n')}\n` }));
  await state.get(`/console/feeds/runs/${second}`);
  assert.equal((await state.post(`/console/feeds/runs/${second}/discard`, { reason: 'wrong file' })).statusCode, 303);
  assert.equal((await rt.db.pool.query('SELECT status FROM import_runs WHERE id = $1', [second])).rows[0].status, 'discarded');
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM ballots WHERE status_code = 'VDD'")).rows[0].n, 60, 'nothing of it applied');
});

test('a county admin\'s ballot file is a snapshot of its county and election', async () => {
  const noElection = await upload(la, { kind: 'ballots', county: '19', election: '', mode: 'partial' }, { name: 's.csv', content: `${BALLOT_HEADER}\n${ballot(1, 'ISSUED', '2026-10-05')}\n` });
  assert.equal(noElection.statusCode, 400);
  assert.match(noElection.body, /choose both/);
  const id = runIdOf(await upload(la, { kind: 'ballots', county: '19', election: 'G2026', mode: 'partial' }, { name: 's.csv', content: `${BALLOT_HEADER}\n${ballot(1, 'VDD', '2026-10-09')}\nV900,G2026,C900,38,ISSUED,2026-10-05,,,,\n` }));
  const run = (await rt.db.pool.query('SELECT mode, county_code FROM import_runs WHERE id = $1', [id])).rows[0];
  assert.deepEqual([run.mode, run.county_code], ['snapshot', '19']);
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM ballots WHERE ballot_id = 'C900'")).rows[0].n, 0, 'the row of county 38 is rejected');
});
