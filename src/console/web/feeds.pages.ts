/**
 * Feeds pages: the import runs (counts, duration, status, rejects as CSV), held ballot
 * ingests with their summary and the state admin's decision, and the upload of a file from
 * the browser. The rules are in ../feeds.service.ts; the upload form works without JavaScript,
 * and `feeds.upload.js` (served from /console/assets/) adds a progress bar.
 */
import { readFileSync } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../errors.ts';
import { html, type SafeHtml } from '../../web/html.ts';
import type { ImportRunRow } from '../../feeds/runs.repository.ts';
import type { HoldRow } from '../../ballots/ingest.repository.ts';
import { electionChoices } from '../reports.repository.ts';
import { countyScope, hasPermission } from '../roles.ts';
import {
  FEED_LABELS, approveHeld, checkUpload, discardHeld, firstRejects, holdOf, isFeedKind, isRunStatus, listRunsFor, rejectCount,
  rejectsCsv, runFor, runUpload, sanitizeFileName,
} from '../feeds.service.ts';
import { csrfField, seeOther, sendConsolePage, uploadAction, type ConsolePage, type ConsolePageContext, type ConsolePageModule } from './frame.ts';
import { field, queryValue, selectInput } from './forms.ts';
import { receiveUpload } from './feeds.multipart.ts';

export const FEEDS_PATHS = {
  list: '/console/feeds',
  upload: '/console/feeds/upload',
  run: (id: number | string): string => `/console/feeds/runs/${id}`,
  rejects: (id: number | string): string => `/console/feeds/runs/${id}/rejects.csv`,
  approve: (id: number | string): string => `/console/feeds/runs/${id}/approve`,
  discard: (id: number | string): string => `/console/feeds/runs/${id}/discard`,
  script: '/console/assets/feeds.upload.js',
} as const;

const UPLOAD_SCRIPT = readFileSync(new URL('./feeds.upload.js', import.meta.url), 'utf8');

const fmt = (n: number): string => n.toLocaleString('en-US');
const when = (d: Date | null): string => (d ? d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '–');

export function duration(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

const STATUS_TAGS: Readonly<Record<string, string>> = {
  running: 'Running', done: 'Done', failed: 'Failed', held: 'Held for review', approved: 'Approved', discarded: 'Discarded',
};

const statusTag = (status: string): SafeHtml => html`<span class="usa-tag${status === 'failed' || status === 'held' ? ' bg-secondary-dark' : ''}">${STATUS_TAGS[status] ?? status}</span>`;

function runId(params: unknown): number {
  const raw = (params as { id?: string }).id ?? '';
  if (!/^\d{1,15}$/.test(raw)) throw new AppError(404, 'not_found', 'No such run');
  return Number(raw);
}

function runsTable(runs: readonly ImportRunRow[]): SafeHtml {
  if (runs.length === 0) return html`<p>No runs match.</p>`;
  return html`<table class="usa-table usa-table--striped bl-console-table">
<caption class="usa-sr-only">Import runs, newest first</caption>
<thead><tr><th scope="col">Run</th><th scope="col">Feed</th><th scope="col">File</th><th scope="col">County</th><th scope="col">Status</th><th scope="col">Started</th><th scope="col">Duration</th><th scope="col" class="text-right">Rows</th><th scope="col" class="text-right">Rejected</th></tr></thead>
<tbody>${runs.map((r) => html`<tr>
<th scope="row"><a class="usa-link" href="${FEEDS_PATHS.run(r.id)}">#${r.id}</a></th><td>${FEED_LABELS[r.kind] ?? r.kind}</td><td>${r.source}</td><td>${r.county_code ?? 'statewide'}</td>
<td>${statusTag(r.status)}</td><td>${when(r.started_at)}</td><td>${duration(r.duration_ms)}</td>
<td class="text-right">${fmt(r.counts.rows ?? 0)}</td><td class="text-right">${fmt(r.counts.rejected ?? 0)}</td></tr>`)}</tbody>
</table>`;
}

async function listPage(ctx: ConsolePageContext): Promise<ConsolePage> {
  const db = ctx.rt.db.pool;
  const kind = queryValue(ctx.query, 'kind');
  const status = queryValue(ctx.query, 'status');
  const runs = await listRunsFor(db, ctx.staff, { ...(isFeedKind(kind) ? { kind } : {}), ...(isRunStatus(status) ? { status } : {}), limit: 100 });
  const held = await listRunsFor(db, ctx.staff, { status: 'held', limit: 50 });
  const canUpload = hasPermission(ctx.staff, 'feeds.manage');
  const option = (value: string, label: string, current: string): { value: string; label: string; selected: boolean } => ({ value, label, selected: value === current });
  return {
    title: 'Feeds',
    nav: 'feeds',
    main: html`${canUpload ? html`<p><a class="usa-button" href="${FEEDS_PATHS.upload}">Upload a file</a></p>` : ''}
<section aria-labelledby="held-heading">
<h2 id="held-heading">Held ingests</h2>
<p>A ballot-status ingest that would change an unusual share of a county's statuses is held until a state admin approves or discards it.</p>
${held.length === 0 ? html`<p>No ingest is waiting for a decision.</p>` : runsTable(held)}
</section>
<section aria-labelledby="runs-heading">
<h2 id="runs-heading">Runs</h2>
<form class="usa-form bl-console-filters" method="get" action="${FEEDS_PATHS.list}">
${selectInput(ctx, { id: 'kind', label: 'Feed', options: [option('', 'All feeds', kind), ...Object.entries(FEED_LABELS).map(([v, l]) => option(v, l, kind))] })}
${selectInput(ctx, { id: 'status', label: 'Status', options: [option('', 'Any status', status), ...Object.entries(STATUS_TAGS).map(([v, l]) => option(v, l, status))] })}
<button class="usa-button usa-button--outline" type="submit">Show</button>
</form>
${runsTable(runs)}
</section>`,
  };
}

function holdSummary(hold: HoldRow): SafeHtml {
  const s = hold.summary;
  return html`<h2>Why it was held</h2>
<ul>${s.reasons.map((r) => html`<li>${r}</li>`)}</ul>
<table class="usa-table bl-console-table">
<caption>What the ingest would change, per county and election</caption>
<thead><tr><th scope="col">Election</th><th scope="col">County</th><th scope="col" class="text-right">Rows</th><th scope="col" class="text-right">Ballots with a status</th><th scope="col" class="text-right">Would change</th><th scope="col" class="text-right">Missing from snapshot</th><th scope="col">Takes part</th><th scope="col">Most frequent changes</th></tr></thead>
<tbody>${s.counties.map((c) => html`<tr><td>${c.electionId}</td><th scope="row">${c.countyCode}</th><td class="text-right">${fmt(c.rows)}</td><td class="text-right">${fmt(c.existing)}</td>
<td class="text-right">${fmt(c.changes)}${c.existing > 0 ? ` (${((c.changes / c.existing) * 100).toFixed(1)}%)` : ''}</td><td class="text-right">${fmt(c.missing)}</td><td>${c.participating ? 'yes' : 'no'}</td>
<td>${c.transitions.length === 0 ? '–' : html`<ul class="usa-list usa-list--unstyled">${c.transitions.slice(0, 5).map((t) => html`<li>${t.from} → ${t.to}: ${fmt(t.count)}</li>`)}</ul>`}</td></tr>`)}</tbody>
</table>`;
}

function decisionForms(ctx: ConsolePageContext, id: number): SafeHtml {
  const form = (action: string, label: string, formId: string, danger: boolean): SafeHtml => html`<form class="usa-form" method="post" action="${action}" id="${formId}">
${csrfField(ctx)}
<label class="usa-label" for="${formId}-reason">Reason (recorded with your decision)</label>
<textarea class="usa-textarea" id="${formId}-reason" name="reason" rows="2" maxlength="1000" required></textarea>
<button class="usa-button${danger ? ' usa-button--secondary' : ''}" type="submit">${label}</button>
</form>`;
  return html`<h2>Decide</h2>
<p>Approving applies exactly the held rows against the ballots as they are now, and sends the messages they cause. Discarding drops them; nothing of this ingest is applied.</p>
<div class="grid-row grid-gap">
<div class="tablet:grid-col-6">${form(FEEDS_PATHS.approve(id), 'Approve and apply', 'approve', false)}</div>
<div class="tablet:grid-col-6">${form(FEEDS_PATHS.discard(id), 'Discard', 'discard', true)}</div>
</div>`;
}

const COUNT_LABELS: Readonly<Record<string, string>> = {
  rows: 'Rows read', new: 'New statuses', changed: 'Changed statuses', unchanged: 'Unchanged', late: 'Late (older than current)', unknownCode: 'Unknown status codes',
  participation: 'Participation rows', rejected: 'Rejected rows', newBallots: 'New ballots', reissues: 'Reissued ballots', updated: 'Updated', inPerson: 'Voted in person',
  missing: 'Missing from snapshot', events: 'Ballot events', inserted: 'Inserted', removed: 'Removed', registryChanges: 'Registry changes', reusedWithin45Days: 'IMBs reused within 45 days',
  matchedScans: 'Waiting scans matched', outboundEvents: 'Outbound events', inboundEvents: 'Inbound events',
};

async function runPage(ctx: ConsolePageContext, id: number): Promise<ConsolePage> {
  const db = ctx.rt.db.pool;
  const run = await runFor(db, ctx.staff, id);
  const [hold, rejects, total] = [await holdOf(db, id), await firstRejects(db, id, 20), await rejectCount(db, id)];
  const counts = Object.entries(run.counts);
  const decide = run.status === 'held' && hold !== null && hold.decision === null && hasPermission(ctx.staff, 'ingest.approve');
  return {
    title: `${FEED_LABELS[run.kind] ?? run.kind} run #${run.id}`,
    nav: 'feeds',
    breadcrumbs: [[FEEDS_PATHS.list, 'Feeds']],
    main: html`<dl>
<dt>Status</dt><dd>${statusTag(run.status)}</dd>
<dt>File</dt><dd>${run.source}</dd>
<dt>Mode</dt><dd>${run.mode}</dd>
<dt>County</dt><dd>${run.county_code ?? 'statewide'}</dd>
<dt>Started</dt><dd>${when(run.started_at)}</dd>
<dt>Finished</dt><dd>${when(run.finished_at)}</dd>
<dt>Duration</dt><dd>${duration(run.duration_ms)}</dd>
${run.sha256 ? html`<dt>SHA-256</dt><dd><code>${run.sha256}</code></dd>` : ''}
</dl>
${run.error ? html`<div class="usa-alert usa-alert--error usa-alert--slim"><div class="usa-alert__body"><p class="usa-alert__text">The run failed and changed nothing: ${run.error}</p></div></div>` : ''}
${counts.length > 0 ? html`<table class="usa-table usa-table--compact bl-console-table"><caption>Counts</caption>
<thead><tr><th scope="col">What</th><th scope="col" class="text-right">Number</th></tr></thead>
<tbody>${counts.map(([k, n]) => html`<tr><th scope="row">${COUNT_LABELS[k] ?? k}</th><td class="text-right">${fmt(n)}</td></tr>`)}</tbody></table>` : ''}
${hold ? holdSummary(hold) : ''}
${hold?.decision ? html`<p><strong>${hold.decision === 'approved' ? 'Approved' : 'Discarded'}</strong> by ${hold.decided_by ?? '–'} at ${when(hold.decided_at)}: ${hold.decision_reason ?? ''}</p>` : ''}
${decide ? decisionForms(ctx, run.id) : ''}
<h2>Rejected rows</h2>
${total === 0 ? html`<p>No row was rejected.</p>` : html`<p>${fmt(total)} row(s) were rejected; the rest was applied. <a class="usa-link" href="${FEEDS_PATHS.rejects(run.id)}" download>Download all rejects as CSV (line number and reason)</a>.</p>
<table class="usa-table usa-table--compact bl-console-table"><caption>First ${fmt(rejects.length)} rejected rows</caption>
<thead><tr><th scope="col" class="text-right">Line</th><th scope="col">Reason</th></tr></thead>
<tbody>${rejects.map((r) => html`<tr><th scope="row" class="text-right">${r.line}</th><td>${r.reason}</td></tr>`)}</tbody></table>`}`,
  };
}

async function uploadPage(ctx: ConsolePageContext, error?: string): Promise<ConsolePage> {
  const scope = countyScope(ctx.staff);
  const state = scope === null;
  const counties = ctx.rt.profile.counties.filter((c) => scope === null || scope.includes(c.code));
  const elections = await electionChoices(ctx.rt.db.pool);
  const kinds: Array<[string, string, string]> = [
    ['voters', 'Voter file', 'Registration records from the state voter database (docs/feeds/voters.md).'],
    ['ballots', 'Ballot status file', 'Ballot statuses and participation history (docs/feeds/ballots.md).'],
    ...(state ? [
      ['tracking', 'Tracking file', 'The print vendor\'s IMB ↔ ballot crosswalk (docs/feeds/tracking.md).'],
      ['scans', 'Mail scan file', 'USPS Informed Visibility scans (docs/feeds/scans.md).'],
    ] as Array<[string, string, string]> : []),
  ];
  return {
    title: 'Upload a file',
    nav: 'feeds',
    breadcrumbs: [[FEEDS_PATHS.list, 'Feeds']],
    status: error ? 400 : 200,
    hasErrors: error !== undefined,
    main: html`${error ? html`<div class="usa-alert usa-alert--error" role="alert"><div class="usa-alert__body"><h2 class="usa-alert__heading">The file was not loaded</h2><p class="usa-alert__text">${error}</p></div></div>` : ''}
<p>The file is read as it arrives and loaded in one go: a malformed row is rejected with its line number and reason, the rest is applied. Then the run's result is shown.</p>
${state ? '' : html`<p>You upload for your own counties only: a voter file's rows of another county are rejected, and a ballot file is a snapshot of one county in one election.</p>`}
<form class="usa-form usa-form--large" id="upload-form" method="post" enctype="multipart/form-data" action="${uploadAction(ctx, FEEDS_PATHS.upload)}">
<fieldset class="usa-fieldset"><legend class="usa-legend">What is the file?</legend>
${kinds.map(([v, l, hint], i) => html`<div class="usa-radio"><input class="usa-radio__input" id="kind-${v}" type="radio" name="kind" value="${v}"${i === 0 ? html` checked` : ''}><label class="usa-radio__label" for="kind-${v}">${l}<span class="usa-checkbox__label-description">${hint}</span></label></div>`)}
</fieldset>
${selectInput(ctx, { id: 'county', label: 'County', hint: state ? 'Required for a full voter file or a ballot snapshot; otherwise leave on "Statewide".' : 'The county this file is for.', options: [...(state ? [{ value: '', label: 'Statewide (rows of any county)' }] : []), ...counties.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))] })}
${selectInput(ctx, { id: 'election', label: 'Election (ballot files)', hint: 'For a ballot snapshot, or for rows that do not name their election.', options: [{ value: '', label: 'None: the rows name it' }, ...elections.map((e) => ({ value: e.id, label: `${e.name} (${e.id}, ${e.electionDate})` }))] })}
<fieldset class="usa-fieldset"><legend class="usa-legend">How does it apply?</legend>
<div class="usa-radio"><input class="usa-radio__input" id="mode-partial" type="radio" name="mode" value="partial" checked><label class="usa-radio__label" for="mode-partial">Adds and updates records${state ? '' : ' (voter files)'}<span class="usa-checkbox__label-description">A voter file updates the voters it lists; a ballot file is a delta.</span></label></div>
<div class="usa-radio"><input class="usa-radio__input" id="mode-whole" type="radio" name="mode" value="whole"><label class="usa-radio__label" for="mode-whole">Is the whole of one county<span class="usa-checkbox__label-description">A full voter file (voters it does not list are marked removed) or a ballot snapshot of one county and election.</span></label></div>
</fieldset>
<div class="usa-form-group">
<label class="usa-label" for="file">File (CSV)</label>
<span class="usa-hint" id="file-hint">Delimited text, UTF-8, header line first.</span>
<input class="usa-file-input" id="file" name="file" type="file" accept=".csv,.txt,.tsv,.psv,text/csv,text/plain" aria-describedby="file-hint" required>
</div>
<div class="usa-form-group" id="upload-progress-group" hidden>
<label class="usa-label" for="upload-progress">Upload progress</label>
<progress id="upload-progress" max="100" value="0">0%</progress>
</div>
<p id="upload-status" role="status" aria-live="polite" class="usa-hint"></p>
<button class="usa-button" type="submit" id="upload-submit">Upload and load</button>
</form>
<script src="${FEEDS_PATHS.script}" defer></script>`,
  };
}

export const feedsPages: ConsolePageModule = (pages) => {
  pages.nav({ id: 'feeds', href: FEEDS_PATHS.list, label: 'Feeds', description: 'Import runs and their rejects, held ingests, and uploading a file.', anyOf: ['feeds.view'], order: 40 });

  pages.app.get(FEEDS_PATHS.script, async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(UPLOAD_SCRIPT));

  pages.get(FEEDS_PATHS.list, { anyOf: ['feeds.view'] }, async (ctx) => listPage(ctx));
  pages.get(FEEDS_PATHS.upload, { anyOf: ['feeds.manage'] }, async (ctx) => uploadPage(ctx));
  pages.get('/console/feeds/runs/:id', { anyOf: ['feeds.view'] }, async (ctx, req) => runPage(ctx, runId(req.params)));
  pages.get('/console/feeds/runs/:id/rejects.csv', { anyOf: ['feeds.view'] }, async (ctx, req, reply) => {
    const id = runId(req.params);
    const csv = await rejectsCsv(ctx.rt, ctx.staff, id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="run-${id}-rejects.csv"`).send(csv);
  });
  pages.post('/console/feeds/runs/:id/approve', { anyOf: ['ingest.approve'] }, async (ctx, req, reply) => {
    const id = runId(req.params);
    await approveHeld(ctx.rt, ctx.staff, id, field(req.body, 'reason'));
    return seeOther(reply, ctx, FEEDS_PATHS.run(id), `Run #${id} approved and applied.`);
  });
  pages.post('/console/feeds/runs/:id/discard', { anyOf: ['ingest.approve'] }, async (ctx, req, reply) => {
    const id = runId(req.params);
    await discardHeld(ctx.rt, ctx.staff, id, field(req.body, 'reason'));
    return seeOther(reply, ctx, FEEDS_PATHS.run(id), `Run #${id} discarded: nothing of it was applied.`);
  });

  // Streamed: the body is read here, never buffered (frame.ts leaves multipart bodies unread).
  pages.app.post(FEEDS_PATHS.upload, { preHandler: pages.guard({ anyOf: ['feeds.manage'] }) }, async (req, reply): Promise<FastifyReply> => {
    const ctx = pages.context(req, reply);
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) throw new AppError(400, 'upload_invalid', 'Send the file with the upload form.');
    try {
      const outcome = await receiveUpload(req.raw, async (fields, file, fileName) => {
        const request = checkUpload(ctx.rt, ctx.staff, { ...fields, mode: modeOf(fields) });
        return runUpload(ctx.rt, ctx.staff, request, file, sanitizeFileName(fileName));
      });
      return seeOther(reply, ctx, FEEDS_PATHS.run(outcome.runId), `File loaded: run #${outcome.runId}.`);
    } catch (err) {
      if (err instanceof AppError && err.status === 400) return sendConsolePage(reply, ctx, await uploadPage(ctx, err.message));
      throw err;
    }
  });
};

/** The form's two choices mapped to each feed's mode names. */
function modeOf(fields: Readonly<Record<string, string>>): string {
  const whole = fields.mode === 'whole';
  return fields.kind === 'ballots' ? (whole ? 'snapshot' : 'delta') : whole ? 'full' : 'upsert';
}
