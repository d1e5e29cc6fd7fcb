/**
 * Staff accounts: list (filter by role and county), create (the one-time set-up token is
 * shown once, on the answer to the POST, never stored in a page that can be reloaded), change
 * role and counties, disable/enable, reset, unlock. Every rule (who may manage whom, nobody
 * changes their own account, the last state admin) is the service's: these pages only show
 * its answers.
 */
import type { FastifyReply } from 'fastify';
import { AppError } from '../../errors.ts';
import { ROLES, type Role } from '../../persisted.ts';
import { html, type SafeHtml } from '../../web/html.ts';
import * as svc from '../accounts.service.ts';
import { hasPermission, type Staff } from '../roles.ts';
import { roleLabel, seeOther, type ConsolePage, type ConsolePageContext, type ConsolePageModule } from './frame.ts';
import { buttonForm, choices, errorFor, errorSummary, field, fieldList, postForm, queryValue, selectInput, textInput, type FieldError } from './forms.ts';
import { countiesInScope, countyLabel, idParam, when } from './view.ts';

const BASE = '/console/staff';

/** Roles the member may give an account. */
const assignableRoles = (staff: Staff): readonly Role[] => (staff.role === 'state_admin' ? ROLES : ['county_staff']);

const STATUS_TEXT: Record<svc.StaffView['status'], string> = { setup_pending: 'Waiting for set-up', active: 'Active', locked: 'Locked', disabled: 'Disabled' };

/** Which field a service error is about. */
function fieldOf(e: AppError): string {
  if (e.code === 'invalid_email' || e.code === 'email_taken') return 'email';
  if (e.code === 'invalid_name') return 'name';
  if (e.code === 'role_too_high') return 'role';
  return 'counties';
}
const FORM_ERRORS = new Set(['invalid_email', 'email_taken', 'invalid_name', 'invalid_assignment', 'role_too_high', 'county_forbidden', 'unknown_county', 'forbidden']);

function assignmentFields(ctx: ConsolePageContext, values: { role: string; counties: readonly string[] }, errors: readonly FieldError[]): SafeHtml {
  return html`${choices(ctx, {
    id: 'role', name: 'role', type: 'radio', legend: 'Role', error: errorFor(errors, 'role'),
    options: assignableRoles(ctx.staff).map((r) => ({ value: r, label: roleLabel(r), checked: values.role === r })),
  })}
${choices(ctx, {
    id: 'counties', name: 'counties', type: 'checkbox', legend: 'Counties', hint: 'A state admin covers every county: leave these empty. A county role needs at least one.',
    error: errorFor(errors, 'counties'), optionsClass: 'bl-console-cards',
    options: countiesInScope(ctx).map((c) => ({ value: c.code, label: `${c.name} (${c.code})`, checked: values.counties.includes(c.code) })),
  })}`;
}

function grantPage(ctx: ConsolePageContext, title: string, user: svc.StaffView, grant: svc.SetupGrant): ConsolePage {
  return {
    title,
    nav: 'staff',
    breadcrumbs: [[BASE, 'Staff accounts']],
    main: html`<div class="usa-alert usa-alert--warning" role="status"><div class="usa-alert__body">
<p class="usa-alert__text">This set-up token is shown <strong>only now</strong>. Give it to ${user.name} by a safe channel (in person or by phone, not in the same email as the address).</p></div></div>
<p>Set-up token for <strong>${user.email}</strong>, valid until ${when(ctx, new Date(grant.expiresAt))}:</p>
<p class="bl-console-secret" id="setup-token">${grant.token}</p>
<p>The owner opens <strong>${ctx.rt.config.publicUrl}/console/setup</strong>, types the token, chooses a password and connects an authenticator app.</p>
<p><a href="${BASE}/${user.id}">See the account</a> · <a href="${BASE}">All staff accounts</a></p>`,
  };
}

export const accountsPages: ConsolePageModule = (pages) => {
  const { rt } = pages;
  pages.nav({ id: 'staff', href: BASE, label: 'Staff', description: 'See staff accounts; create, change, disable, reset or unlock them.', anyOf: ['staff.view'], order: 60 });

  pages.get(BASE, { anyOf: ['staff.view'] }, async (ctx) => {
    const role = queryValue(ctx.query, 'role');
    const countyCode = queryValue(ctx.query, 'county', 8);
    const includeDisabled = queryValue(ctx.query, 'disabled') === '1';
    const filter: svc.StaffListFilter = {
      ...((ROLES as readonly string[]).includes(role) ? { role: role as Role } : {}),
      ...(countyCode ? { countyCode } : {}),
      includeDisabled,
    };
    const users = await svc.listStaffUsers(rt, ctx.staff, filter);
    const manage = hasPermission(ctx.staff, 'staff.manage');
    return {
      title: 'Staff accounts',
      nav: 'staff',
      main: html`${manage ? html`<p><a class="usa-button" href="${BASE}/new">Create an account</a></p>` : ''}
<form class="usa-form bl-console-filters" method="get" action="${BASE}">
${selectInput(ctx, { id: 'role', label: 'Role', options: [{ value: '', label: 'Any role' }, ...ROLES.map((r) => ({ value: r, label: roleLabel(r), selected: r === role }))] })}
${selectInput(ctx, { id: 'county', label: 'County', options: [{ value: '', label: 'Any county' }, ...countiesInScope(ctx).map((c) => ({ value: c.code, label: `${c.name} (${c.code})`, selected: c.code === countyCode }))] })}
${choices(ctx, { id: 'disabled', name: 'disabled', type: 'checkbox', legend: 'Disabled accounts', options: [{ value: '1', label: 'Include disabled accounts', checked: includeDisabled }] })}
<button class="usa-button usa-button--outline" type="submit">Filter</button>
</form>
<table class="usa-table usa-table--borderless bl-console-table">
<caption>${users.length} account${users.length === 1 ? '' : 's'}</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Counties</th><th scope="col">Status</th><th scope="col">Last sign-in</th></tr></thead>
<tbody>
${users.map((u) => html`<tr><th scope="row"><a href="${BASE}/${u.id}">${u.name}</a></th><td>${u.email}</td><td>${roleLabel(u.role)}</td><td>${u.countyCodes.join(', ') || 'all'}</td><td>${STATUS_TEXT[u.status]}</td><td>${u.lastLoginAt ? when(ctx, new Date(u.lastLoginAt)) : 'never'}</td></tr>
`)}</tbody>
</table>`,
    };
  });

  const newForm = (ctx: ConsolePageContext, values: { email: string; name: string; role: string; counties: readonly string[] }, errors: readonly FieldError[]): ConsolePage => ({
    title: 'Create a staff account',
    nav: 'staff',
    hasErrors: errors.length > 0,
    status: errors.length > 0 ? 400 : 200,
    breadcrumbs: [[BASE, 'Staff accounts']],
    main: html`${errorSummary(ctx, errors)}
<p>The new member gets a one-time set-up token (shown on the next page, once) to choose a password and connect an authenticator app.</p>
${postForm(ctx, {
    action: `${BASE}/new`,
    submitLabel: 'Create account',
    body: html`${textInput(ctx, { id: 'email', label: 'Email', type: 'email', spellcheck: false, autocomplete: 'off', value: values.email, error: errorFor(errors, 'email') })}
${textInput(ctx, { id: 'name', label: 'Name', value: values.name, autocomplete: 'off', error: errorFor(errors, 'name') })}
${assignmentFields(ctx, values, errors)}`,
  })}`,
  });

  pages.get(`${BASE}/new`, { anyOf: ['staff.manage'] }, async (ctx) => newForm(ctx, { email: '', name: '', role: 'county_staff', counties: ctx.staff.countyCodes.length === 1 ? ctx.staff.countyCodes : [] }, []));

  pages.post(`${BASE}/new`, { anyOf: ['staff.manage'] }, async (ctx, req) => {
    const values = { email: field(req.body, 'email', 320), name: field(req.body, 'name', 200), role: field(req.body, 'role', 20), counties: fieldList(req.body, 'counties') };
    if (!(ROLES as readonly string[]).includes(values.role)) return newForm(ctx, values, [{ field: 'role', message: 'Choose a role' }]);
    try {
      const r = await svc.createStaffUser(rt, ctx.staff, { email: values.email, name: values.name, role: values.role as Role, countyCodes: values.counties });
      return grantPage(ctx, 'Account created', r.user, r.setup);
    } catch (e) {
      if (e instanceof AppError && FORM_ERRORS.has(e.code)) return newForm(ctx, values, [{ field: fieldOf(e), message: capitalise(e.message) }]);
      throw e;
    }
  });

  const detailPage = async (ctx: ConsolePageContext, id: number, errors: readonly FieldError[] = [], values?: { name: string; role: string; counties: readonly string[] }): Promise<ConsolePage> => {
    const u = await svc.getStaffUser(rt, ctx.staff, id);
    const self = u.id === ctx.staff.id;
    const manage = hasPermission(ctx.staff, 'staff.manage') && !self && (ctx.staff.role === 'state_admin' || u.role === 'county_staff');
    const v = values ?? { name: u.name, role: u.role, counties: u.countyCodes };
    const action = (path: string, label: string, danger = false): SafeHtml => buttonForm(ctx, { action: `${BASE}/${u.id}/${path}`, label, danger });
    return {
      title: `Staff account: ${u.name}`,
      nav: 'staff',
      hasErrors: errors.length > 0,
      status: errors.length > 0 ? 400 : 200,
      breadcrumbs: [[BASE, 'Staff accounts']],
      main: html`${errorSummary(ctx, errors)}
<dl>
<dt class="text-bold">Email</dt><dd>${u.email}</dd>
<dt class="text-bold">Role</dt><dd>${roleLabel(u.role)}</dd>
<dt class="text-bold">Counties</dt><dd>${u.countyCodes.map((c) => countyLabel(ctx, c)).join(', ') || 'all counties'}</dd>
<dt class="text-bold">Status</dt><dd>${STATUS_TEXT[u.status]}${u.lockedUntil && u.status === 'locked' ? ` until ${when(ctx, new Date(u.lockedUntil))}` : ''}</dd>
<dt class="text-bold">Last sign-in</dt><dd>${u.lastLoginAt ? when(ctx, new Date(u.lastLoginAt)) : 'never'}</dd>
<dt class="text-bold">Created</dt><dd>${when(ctx, new Date(u.createdAt))}</dd>
</dl>
${self ? html`<p>This is your account. Another administrator changes your role, counties or account state.</p>` : ''}
${manage ? html`<h2>Actions</h2>
<p>${u.status === 'disabled' ? action('enable', 'Enable') : action('disable', 'Disable', true)}
${u.status === 'locked' ? action('unlock', 'Unlock') : ''}
${u.status !== 'disabled' ? action('reset', 'Reset password and authenticator', true) : ''}</p>
<h2>Change role or counties</h2>
${postForm(ctx, {
    action: `${BASE}/${u.id}`,
    submitLabel: 'Save changes',
    body: html`${textInput(ctx, { id: 'name', label: 'Name', value: v.name, autocomplete: 'off', error: errorFor(errors, 'name') })}
${assignmentFields(ctx, v, errors)}`,
  })}` : ''}`,
    };
  };

  pages.get(`${BASE}/:id`, {}, async (ctx, req) => detailPage(ctx, idParam(req.params.id)));

  pages.post(`${BASE}/:id`, { anyOf: ['staff.manage'] }, async (ctx, req, reply): Promise<ConsolePage | FastifyReply> => {
    const id = idParam(req.params.id);
    const values = { name: field(req.body, 'name', 200), role: field(req.body, 'role', 20), counties: fieldList(req.body, 'counties') };
    if (!(ROLES as readonly string[]).includes(values.role)) return detailPage(ctx, id, [{ field: 'role', message: 'Choose a role' }], values);
    try {
      await svc.updateStaffUser(rt, ctx.staff, id, { name: values.name, role: values.role as Role, countyCodes: values.counties });
    } catch (e) {
      if (e instanceof AppError && FORM_ERRORS.has(e.code) && e.code !== 'forbidden') return detailPage(ctx, id, [{ field: fieldOf(e), message: capitalise(e.message) }], values);
      throw e;
    }
    return seeOther(reply, ctx, `${BASE}/${id}`, 'Changes saved.');
  });

  const simple = (path: string, done: string, run: (id: number, staff: svc.SignedInStaff) => Promise<unknown>): void => {
    pages.post(`${BASE}/:id/${path}`, { anyOf: ['staff.manage'] }, async (ctx, req, reply) => {
      const id = idParam(req.params.id);
      await run(id, ctx.staff);
      return seeOther(reply, ctx, `${BASE}/${id}`, done);
    });
  };
  simple('disable', 'The account is disabled and its sessions have ended.', (id, s) => svc.disableStaffUser(rt, s, id));
  simple('enable', 'The account is enabled.', (id, s) => svc.enableStaffUser(rt, s, id));
  simple('unlock', 'The account is unlocked.', (id, s) => svc.unlockStaffUser(rt, s, id));

  pages.post(`${BASE}/:id/reset`, { anyOf: ['staff.manage'] }, async (ctx, req) => {
    const r = await svc.resetStaffUser(rt, ctx.staff, idParam(req.params.id));
    return grantPage(ctx, 'Account reset', r.user, r.setup);
  });

};

const capitalise = (s: string): string => (s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s);
