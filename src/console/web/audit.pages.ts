/**
 * The audit log viewer (`audit.view`): filters by actor, voter, county, action and date range
 * (days in the state's time zone), newest first, 50 a page. A county admin sees only entries
 * about its counties (`queryAudit` with the member's county scope). Reading is itself recorded
 * (`audit.viewed`).
 */
import { AppError } from '../../errors.ts';
import { html } from '../../web/html.ts';
import { addDays, isIsoDate } from '../../elections/participation.ts';
import { startOfLocalDay } from '../../elections/window.ts';
import { findStaffIdByEmail, getStaffUser } from '../accounts.service.ts';
import { audit, queryAudit, type AuditFilter } from '../audit.ts';
import { countyScope } from '../roles.ts';
import type { ConsolePageModule } from './frame.ts';
import { errorFor, errorSummary, queryValue, selectInput, textInput, type FieldError } from './forms.ts';
import { countiesInScope, when } from './view.ts';

const BASE = '/console/audit';
const PAGE_SIZE = 50;

export const auditPages: ConsolePageModule = (pages) => {
  const { rt } = pages;
  pages.nav({ id: 'audit', href: BASE, label: 'Audit log', description: 'Who saw or changed voter data, signed in, or managed accounts and elections.', anyOf: ['audit.view'], order: 80 });

  pages.get(BASE, { anyOf: ['audit.view'] }, async (ctx) => {
    const q = {
      actor: queryValue(ctx.query, 'actor', 320), voter: queryValue(ctx.query, 'voter', 64), county: queryValue(ctx.query, 'county', 8),
      action: queryValue(ctx.query, 'action', 64), from: queryValue(ctx.query, 'from', 10), to: queryValue(ctx.query, 'to', 10), before: queryValue(ctx.query, 'before', 12),
    };
    const errors: FieldError[] = [];
    const tz = rt.profile.timeZone;
    let actorId: number | undefined;
    if (/^\d{1,9}$/.test(q.actor)) actorId = Number(q.actor);
    else if (q.actor) {
      try {
        // Only accounts the member may see: the filter does not reveal whether another county's account exists.
        actorId = (await getStaffUser(rt, ctx.staff, await findStaffIdByEmail(rt, q.actor))).id;
      } catch (e) {
        if (!(e instanceof AppError && e.status === 404)) throw e;
        errors.push({ field: 'actor', message: 'No staff account you can see has this email' });
      }
    }
    if (q.from && !isIsoDate(q.from)) errors.push({ field: 'from', message: 'Enter the first day as YYYY-MM-DD' });
    if (q.to && !isIsoDate(q.to)) errors.push({ field: 'to', message: 'Enter the last day as YYYY-MM-DD' });
    if (q.action && !/^[a-z_]+(\.[a-z_]*)?$/.test(q.action)) errors.push({ field: 'action', message: 'Enter an action such as voter.viewed, or a family such as login.' });
    const filter: AuditFilter = {
      ...(actorId !== undefined ? { actorId } : {}), ...(q.voter ? { voterId: q.voter } : {}), ...(q.county ? { countyCode: q.county } : {}),
      ...(q.action && !errors.some((e) => e.field === 'action') ? { action: q.action } : {}),
      ...(q.from && isIsoDate(q.from) ? { from: startOfLocalDay(q.from, tz) } : {}),
      ...(q.to && isIsoDate(q.to) ? { to: startOfLocalDay(addDays(q.to, 1), tz) } : {}),
      ...(/^\d{1,12}$/.test(q.before) ? { beforeId: Number(q.before) } : {}),
      limit: PAGE_SIZE,
    };
    const entries = errors.length > 0 ? [] : await queryAudit(rt.db.pool, filter, countyScope(ctx.staff));
    if (errors.length === 0) {
      await audit(rt.db.pool, { actor: ctx.staff, action: 'audit.viewed', countyCodes: ctx.staff.countyCodes, details: { filter: { ...q }, returned: entries.length } });
    }
    const next = entries.length === PAGE_SIZE ? entries[entries.length - 1]!.id : null;
    const keep = new URLSearchParams(Object.entries(q).filter(([k, v]) => v !== '' && k !== 'before'));
    if (next !== null) keep.set('before', String(next));
    return {
      title: 'Audit log',
      nav: 'audit',
      hasErrors: errors.length > 0,
      status: errors.length > 0 ? 400 : 200,
      main: html`${errorSummary(ctx, errors)}
<form class="usa-form bl-console-filters" method="get" action="${BASE}">
${textInput(ctx, { id: 'actor', label: 'Actor (staff email)', value: q.actor, spellcheck: false, error: errorFor(errors, 'actor') })}
${textInput(ctx, { id: 'voter', label: 'Voter ID', value: q.voter, spellcheck: false, width: 'md' })}
${selectInput(ctx, { id: 'county', label: 'County', options: [{ value: '', label: 'Any county' }, ...countiesInScope(ctx).map((c) => ({ value: c.code, label: `${c.name} (${c.code})`, selected: c.code === q.county }))] })}
${textInput(ctx, { id: 'action', label: 'Action', hint: 'e.g. voter.viewed, or login. for a family', value: q.action, spellcheck: false, width: 'md', error: errorFor(errors, 'action') })}
${textInput(ctx, { id: 'from', label: 'From (day)', hint: 'YYYY-MM-DD', value: q.from, width: 'md', error: errorFor(errors, 'from') })}
${textInput(ctx, { id: 'to', label: 'To (day, included)', hint: 'YYYY-MM-DD', value: q.to, width: 'md', error: errorFor(errors, 'to') })}
<button class="usa-button" type="submit">Show entries</button>
</form>
<table class="usa-table usa-table--borderless usa-table--striped bl-console-table">
<caption>${entries.length === 0 ? 'No entries' : `Entries ${entries[0]!.id} to ${entries[entries.length - 1]!.id}, newest first`}</caption>
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Voter</th><th scope="col">Counties</th><th scope="col">Details</th><th scope="col">From</th></tr></thead>
<tbody>
${entries.map((e) => html`<tr><td>${when(ctx, e.at)}</td><td>${e.actor.label}${e.actor.role ? ` (${e.actor.role})` : ''}</td><th scope="row">${e.action}</th>
<td>${e.voterId ?? ''}</td><td>${e.countyCodes.join(', ')}</td><td><code>${JSON.stringify(e.details)}</code></td><td>${e.ip ?? ''}</td></tr>
`)}</tbody>
</table>
${next !== null ? html`<p><a class="usa-button usa-button--outline" href="${BASE}?${keep.toString()}">Older entries</a></p>` : ''}`,
    };
  });
};
