/**
 * Elections and county participation. State admins create statewide, special and local
 * elections (`elections.manage`); county admins (and the state for any county) decide their
 * counties' participation (`elections.participate`): opt out of / rejoin a statewide election,
 * opt in to / withdraw from a special or local one (90-day rule; a state admin may override
 * with a reason), tracking start and IMB use. The rules are the elections service's; the
 * recorded actor (`decided_by`, `created_by`) is the staff member's email, and each decision is
 * also written to the audit log.
 */
import type { FastifyReply } from 'fastify';
import { AppError } from '../../errors.ts';
import { ELECTION_KINDS, IMB_USES, type ElectionKind, type ImbUse } from '../../persisted.ts';
import { html, type SafeHtml } from '../../web/html.ts';
import * as elections from '../../elections/elections.service.ts';
import { audit } from '../audit.ts';
import { assertCountyAccess, countyScope, electionsActor, hasPermission } from '../roles.ts';
import { seeOther, type ConsolePage, type ConsolePageContext, type ConsolePageModule } from './frame.ts';
import { buttonForm, choices, errorFor, errorSummary, field, postForm, selectInput, textInput, type FieldError } from './forms.ts';
import { countyLabel, day, when } from './view.ts';

const BASE = '/console/elections';
const ELECTION_ID = /^[A-Za-z0-9_-]{1,32}$/;
const KIND_LABEL: Record<ElectionKind, string> = { statewide: 'Statewide', special: 'Special', local: 'Local' };
const IMB_LABEL: Record<ImbUse, string> = { none: 'No IMB', outbound: 'Outbound envelopes', inbound: 'Return envelopes', both: 'Both' };

const notFound = (): AppError => new AppError(404, 'not_found', 'No such election');

function electionIdParam(v: string | undefined): string {
  if (!v || !ELECTION_ID.test(v)) throw notFound();
  return v;
}

export const electionsPages: ConsolePageModule = (pages) => {
  const { rt } = pages;
  const anyElections = ['elections.manage', 'elections.participate'] as const;
  pages.nav({ id: 'elections', href: BASE, label: 'Elections', description: 'Elections and your counties\u2019 participation: opt in or out, tracking start, IMB use.', anyOf: anyElections, order: 30 });

  /** A county code of the profile that the member may act for; anything else is a 404. */
  const countyParam = (ctx: ConsolePageContext, v: string | undefined): string => {
    if (!v || !rt.profile.counties.some((c) => c.code === v)) throw notFound();
    assertCountyAccess(ctx.staff, v);
    return v;
  };

  const listPage = async (ctx: ConsolePageContext, values: Record<string, string>, errors: readonly FieldError[]): Promise<ConsolePage> => {
    const list = await elections.listElections(rt);
    const manage = hasPermission(ctx.staff, 'elections.manage');
    return {
      title: 'Elections',
      nav: 'elections',
      hasErrors: errors.length > 0,
      status: errors.length > 0 ? 400 : 200,
      main: html`${errorSummary(ctx, errors)}
<table class="usa-table usa-table--borderless bl-console-table">
<caption>${list.length} election${list.length === 1 ? '' : 's'}</caption>
<thead><tr><th scope="col">Election</th><th scope="col">Kind</th><th scope="col">Election day</th><th scope="col">Opt-in deadline</th>${manage ? html`<th scope="col">Counties taking part</th>` : ''}</tr></thead>
<tbody>
${list.map((e) => html`<tr><th scope="row"><a href="${BASE}/${e.id}">${e.name}</a> (${e.id})</th><td>${KIND_LABEL[e.kind]}</td><td>${day(e.date)}</td><td>${e.optInDeadline ? day(e.optInDeadline) : '–'}</td>${manage ? html`<td>${e.participatingCounties}</td>` : ''}</tr>
`)}</tbody>
</table>
${manage ? html`<h2>Create an election</h2>
${postForm(ctx, {
    action: BASE,
    submitLabel: 'Create election',
    body: html`${textInput(ctx, { id: 'id', label: 'Election code', hint: 'The state\u2019s code used in the ballot feed, e.g. G2026 (letters, digits, - and _).', width: 'md', spellcheck: false, value: values.id, error: errorFor(errors, 'id') })}
${textInput(ctx, { id: 'name', label: 'Name', value: values.name, error: errorFor(errors, 'name') })}
${textInput(ctx, { id: 'date', label: 'Election day', hint: 'YYYY-MM-DD, e.g. 2026-11-03', width: 'md', inputmode: 'numeric', value: values.date, error: errorFor(errors, 'date') })}
${choices(ctx, { id: 'kind', name: 'kind', type: 'radio', legend: 'Kind', error: errorFor(errors, 'kind'), options: ELECTION_KINDS.map((k) => ({
    value: k, label: KIND_LABEL[k], checked: values.kind === k,
    hint: k === 'statewide' ? 'Every county takes part unless it opts out.' : 'Counties opt in at least 90 days before election day.',
  })) })}`,
  })}` : ''}`,
    };
  };

  pages.get(BASE, { anyOf: anyElections }, async (ctx) => listPage(ctx, { id: '', name: '', date: '', kind: '' }, []));

  pages.post(BASE, { anyOf: ['elections.manage'] }, async (ctx, req, reply): Promise<ConsolePage | FastifyReply> => {
    const values = { id: field(req.body, 'id', 40), name: field(req.body, 'name', 200), date: field(req.body, 'date', 20), kind: field(req.body, 'kind', 20) };
    const errors: FieldError[] = [];
    if (!ELECTION_ID.test(values.id)) errors.push({ field: 'id', message: 'Enter the election code: 1 to 32 letters, digits, - or _' });
    if (!values.name) errors.push({ field: 'name', message: 'Enter the election\u2019s name' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) errors.push({ field: 'date', message: 'Enter election day as YYYY-MM-DD' });
    if (!(ELECTION_KINDS as readonly string[]).includes(values.kind)) errors.push({ field: 'kind', message: 'Choose the kind of election' });
    if (errors.length > 0) return listPage(ctx, values, errors);
    try {
      const e = await elections.createElection(rt, { id: values.id, name: values.name, date: values.date, kind: values.kind as ElectionKind }, electionsActor(ctx.staff));
      await audit(rt.db.pool, { actor: ctx.staff, action: 'election.created', details: { electionId: e.id, name: e.name, date: e.date, kind: e.kind } });
      return seeOther(reply, ctx, `${BASE}/${e.id}`, `Election ${e.id} created.`);
    } catch (e) {
      if (e instanceof AppError && e.status === 400) return listPage(ctx, values, [{ field: e.message.toLowerCase().includes('date') ? 'date' : e.message.toLowerCase().includes('name') ? 'name' : 'id', message: e.message }]);
      if (e instanceof AppError && e.code === 'election_exists') return listPage(ctx, values, [{ field: 'id', message: e.message }]);
      throw e;
    }
  });

  pages.get(`${BASE}/:id`, { anyOf: anyElections }, async (ctx, req) => {
    const { election, counties } = await elections.getParticipation(rt, electionIdParam(req.params.id));
    const scope = countyScope(ctx.staff);
    const mine = counties.filter((c) => scope === null || scope.includes(c.countyCode));
    const participate = hasPermission(ctx.staff, 'elections.participate');
    return {
      title: `${election.name} (${election.id})`,
      nav: 'elections',
      breadcrumbs: [[BASE, 'Elections']],
      main: html`<dl>
<dt class="text-bold">Kind</dt><dd>${KIND_LABEL[election.kind]}</dd>
<dt class="text-bold">Election day</dt><dd>${day(election.date)}</dd>
<dt class="text-bold">Messages</dt><dd>From ${election.trackingDaysBefore} days before to ${election.trackingDaysAfter} days after election day, unless a county chose another start.</dd>
${election.optInDeadline ? html`<dt class="text-bold">Opt-in deadline</dt><dd>${day(election.optInDeadline)} (90 days before election day)</dd>` : ''}
</dl>
<table class="usa-table usa-table--borderless bl-console-table">
<caption>${scope === null ? 'Every county' : 'Your counties'}</caption>
<thead><tr><th scope="col">County</th><th scope="col">Takes part</th><th scope="col">Tracking starts</th><th scope="col">IMB use</th><th scope="col">Decided</th></tr></thead>
<tbody>
${mine.map((c) => html`<tr><th scope="row">${participate ? html`<a href="${BASE}/${election.id}/counties/${c.countyCode}">${c.countyName} (${c.countyCode})</a>` : `${c.countyName} (${c.countyCode})`}</th>
<td>${c.participating ? 'Yes' : 'No'}${c.lateOverrideReason ? html` <span class="usa-tag">late, by override</span>` : ''}</td>
<td>${c.window ? day(c.trackingStart ?? c.window.opensAt.toISOString().slice(0, 10)) : '–'}</td><td>${c.participating ? IMB_LABEL[c.imbUse] : '–'}</td>
<td>${c.decidedBy ? `${c.decidedBy}, ${c.decidedAt ? when(ctx, c.decidedAt) : ''}` : '–'}</td></tr>
`)}</tbody>
</table>`,
    };
  });

  const countyPage = async (ctx: ConsolePageContext, electionId: string, countyCode: string, errors: readonly FieldError[] = [], values: Record<string, string> = {}): Promise<ConsolePage> => {
    const election = await elections.getElection(rt, electionId);
    const p = await elections.getCountyParticipation(rt, electionId, countyCode);
    const path = `${BASE}/${election.id}/counties/${countyCode}`;
    const state = ctx.staff.role === 'state_admin';
    const optionsFields = (v: { trackingStart: string; imbUse: string }): SafeHtml => html`${textInput(ctx, {
      id: 'trackingStart', label: 'Day tracking turns on', optionalLabel: '(optional)', width: 'md',
      hint: `YYYY-MM-DD, on or before election day. Empty: ${election.trackingDaysBefore} days before election day.`, value: v.trackingStart, error: errorFor(errors, 'trackingStart'),
    })}
${selectInput(ctx, { id: 'imbUse', label: 'Intelligent Mail Barcodes (IMB) used on', error: errorFor(errors, 'imbUse'), options: IMB_USES.map((u) => ({ value: u, label: IMB_LABEL[u], selected: v.imbUse === u })) })}`;
    const current = { trackingStart: values.trackingStart ?? p.trackingStart ?? '', imbUse: values.imbUse ?? p.imbUse };
    let actions: SafeHtml;
    if (election.kind === 'statewide') {
      actions = p.participating
        ? html`<h2>Tracking options</h2>${postForm(ctx, { action: `${path}/options`, submitLabel: 'Save options', body: optionsFields(current) })}
<h2>Opt out</h2><p>The county takes part in every statewide election unless it opts out. Voters of the county then get no messages for this election.</p>
${buttonForm(ctx, { action: `${path}/opt-out`, label: 'Opt out of this election', danger: true })}`
        : html`<p>The county opted out.</p>${buttonForm(ctx, { action: `${path}/rejoin`, label: 'Take part again' })}`;
    } else if (p.participating) {
      actions = html`<h2>Tracking options</h2>${postForm(ctx, { action: `${path}/options`, submitLabel: 'Save options', body: optionsFields(current) })}
<h2>Withdraw</h2>${buttonForm(ctx, { action: `${path}/withdraw`, label: 'Withdraw from this election', danger: true })}`;
    } else {
      actions = html`<h2>Opt in</h2>
<p>The last day to opt in is ${election.optInDeadline ? day(election.optInDeadline) : '–'} (90 days before election day).${state ? ' After it, give the reason for a late opt-in.' : ''}</p>
${postForm(ctx, {
    action: `${path}/opt-in`,
    submitLabel: 'Opt in',
    body: html`${optionsFields(current)}${state ? textInput(ctx, { id: 'overrideReason', label: 'Reason for a late opt-in', optionalLabel: '(state only, after the deadline)', value: values.overrideReason ?? '', error: errorFor(errors, 'overrideReason') }) : ''}`,
  })}`;
    }
    return {
      title: `${countyLabel(ctx, countyCode)}: ${election.name}`,
      nav: 'elections',
      hasErrors: errors.length > 0,
      status: errors.length > 0 ? 400 : 200,
      breadcrumbs: [[BASE, 'Elections'], [`${BASE}/${election.id}`, election.name]],
      main: html`${errorSummary(ctx, errors)}
<dl>
<dt class="text-bold">Election</dt><dd>${KIND_LABEL[election.kind]}, ${day(election.date)}</dd>
<dt class="text-bold">Takes part</dt><dd>${p.participating ? 'Yes' : 'No'}${p.lateOverrideReason ? ` (late opt-in: ${p.lateOverrideReason})` : ''}</dd>
${p.window ? html`<dt class="text-bold">Messages</dt><dd>${when(ctx, p.window.opensAt)} to ${when(ctx, p.window.closesAt)}</dd><dt class="text-bold">IMB use</dt><dd>${IMB_LABEL[p.imbUse]}</dd>` : ''}
<dt class="text-bold">Last decision</dt><dd>${p.decidedBy ? `${p.decidedBy}, ${p.decidedAt ? when(ctx, p.decidedAt) : ''}` : 'none yet'}</dd>
</dl>
${actions}`,
    };
  };

  const countyRoute = `${BASE}/:id/counties/:county`;
  pages.get(countyRoute, { anyOf: ['elections.participate'] }, async (ctx, req) => countyPage(ctx, electionIdParam(req.params.id), countyParam(ctx, req.params.county)));

  /** A participation change: runs it, records it in the audit log, and goes back to the county page. */
  const change = (action: string, run: (ctx: ConsolePageContext, electionId: string, countyCode: string, body: unknown) => Promise<elections.CountyParticipation>, done: string): void => {
    pages.post(`${countyRoute}/${action}`, { anyOf: ['elections.participate'] }, async (ctx, req, reply) => {
      const electionId = electionIdParam(req.params.id);
      const countyCode = countyParam(ctx, req.params.county);
      const values = { trackingStart: field(req.body, 'trackingStart', 20), imbUse: field(req.body, 'imbUse', 20), overrideReason: field(req.body, 'overrideReason', 500) };
      let after: elections.CountyParticipation;
      try {
        after = await run(ctx, electionId, countyCode, req.body);
      } catch (e) {
        if (e instanceof AppError && e.code === 'opt_in_too_late') return countyPage(ctx, electionId, countyCode, [{ field: ctx.staff.role === 'state_admin' ? 'overrideReason' : 'trackingStart', message: e.message }], values);
        if (e instanceof AppError && (e.code === 'invalid_tracking_start' || e.code === 'invalid_imb_use')) {
          return countyPage(ctx, electionId, countyCode, [{ field: e.code === 'invalid_imb_use' ? 'imbUse' : 'trackingStart', message: e.message }], values);
        }
        throw e;
      }
      await audit(rt.db.pool, {
        actor: ctx.staff, action: 'election.participation_changed', countyCode,
        details: { electionId, change: action, participating: after.participating, trackingStart: after.trackingStart, imbUse: after.imbUse, lateOverrideReason: after.lateOverrideReason },
      });
      return seeOther(reply, ctx, `${BASE}/${electionId}/counties/${countyCode}`, done);
    });
  };
  const actor = (ctx: ConsolePageContext) => electionsActor(ctx.staff);
  change('opt-out', (ctx, electionId, countyCode) => elections.optOutOfStatewide(rt, { electionId, countyCode }, actor(ctx)), 'The county opted out of this election.');
  change('rejoin', (ctx, electionId, countyCode) => elections.rejoinStatewide(rt, { electionId, countyCode }, actor(ctx)), 'The county takes part again.');
  change('withdraw', (ctx, electionId, countyCode) => elections.withdrawFromLocal(rt, { electionId, countyCode }, actor(ctx)), 'The county withdrew from this election.');
  change('opt-in', (ctx, electionId, countyCode, body) => {
    const reason = field(body, 'overrideReason', 500);
    return elections.optInToLocal(rt, {
      electionId, countyCode, imbUse: field(body, 'imbUse', 20) as ImbUse, trackingStart: field(body, 'trackingStart', 20) || null,
      override: reason && ctx.staff.role === 'state_admin' ? { reason } : null,
    }, actor(ctx));
  }, 'The county opted in to this election.');
  change('options', (ctx, electionId, countyCode, body) => elections.setParticipationOptions(rt, {
    electionId, countyCode, imbUse: field(body, 'imbUse', 20) as ImbUse, trackingStart: field(body, 'trackingStart', 20) || null,
  }, actor(ctx)), 'Tracking options saved.');
};
