/**
 * Form parts for console pages: the portal's USWDS form helpers (src/web/portal/forms.ts)
 * with English texts, plus the console's `postForm`. Same conventions as the portal: a field's
 * `id` is the anchor of its error; errors are one ordered list `{ field, message }`; a page with
 * errors sets `hasErrors: true` and puts `errorSummary` first.
 */
import type { Runtime } from '../../runtime.ts';
import { html, type SafeHtml } from '../../web/html.ts';
import { translator } from '../../web/i18n/catalog.ts';
import type { PageContext } from '../../web/portal/context.ts';
import * as portal from '../../web/portal/forms.ts';
import { fieldErrors as identityFieldErrors } from '../../web/portal/identity.form.ts';
import type { FieldProblem } from '../../subscriptions/subscriptions.service.ts';
import { csrfField, type ConsoleBaseContext } from './frame.ts';

export type { FieldError, ChoiceOption } from '../../web/portal/forms.ts';
export { errorFor, choiceId } from '../../web/portal/forms.ts';

/** The portal forms' context, in English, for a console page. */
function formContext(ctx: ConsoleBaseContext): PageContext {
  const rt: Runtime = ctx.rt;
  return {
    ...translator('en', rt.profile.timeZone),
    profile: rt.profile,
    config: rt.config,
    path: ctx.path,
    now: rt.clock.now(),
    csrfToken: () => ctx.csrfToken,
  };
}

export const errorSummary = (ctx: ConsoleBaseContext, errors: readonly portal.FieldError[]): SafeHtml => portal.errorSummary(formContext(ctx), errors);
export const textInput = (ctx: ConsoleBaseContext, o: portal.TextInputOptions): SafeHtml => portal.textInput(formContext(ctx), o);
export const dateInput = (ctx: ConsoleBaseContext, o: Parameters<typeof portal.dateInput>[1]): SafeHtml => portal.dateInput(formContext(ctx), o);
export const choices = (ctx: ConsoleBaseContext, o: portal.ChoicesOptions): SafeHtml => portal.choices(formContext(ctx), o);
export const selectInput = (ctx: ConsoleBaseContext, o: portal.SelectOptions): SafeHtml => portal.selectInput(formContext(ctx), o);

/** `<form method="post">` with the CSRF token, posting to this page unless `action` is given. */
export function postForm(ctx: ConsoleBaseContext, options: { action?: string; body: SafeHtml; submitLabel: string; id?: string; secondary?: boolean }): SafeHtml {
  return html`<form class="usa-form usa-form--large" method="post" action="${options.action ?? ctx.path}"${options.id ? html` id="${options.id}"` : ''} novalidate>
${csrfField(ctx)}
${options.body}
<button class="usa-button${options.secondary ? ' usa-button--outline' : ''}" type="submit">${options.submitLabel}</button>
</form>`;
}

/** A one-button form (an action on a row: disable, revoke, …), with hidden fields. */
export function buttonForm(ctx: ConsoleBaseContext, options: { action: string; label: string; hidden?: Readonly<Record<string, string>>; danger?: boolean }): SafeHtml {
  return html`<form class="bl-console-inline-form" method="post" action="${options.action}">
${csrfField(ctx)}${Object.entries(options.hidden ?? {}).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<button class="usa-button usa-button--small${options.danger ? ' usa-button--secondary' : ' usa-button--outline'}" type="submit">${options.label}</button>
</form>`;
}

/** A form body value as one trimmed string ('' when missing or repeated oddly). */
export function field(body: unknown, name: string, max = 1000): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.slice(0, max).trim() : '';
}

/** A form body value kept exactly as typed (passwords). */
export function rawField(body: unknown, name: string, max = 1024): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** Every value of a repeated field (checkboxes). */
export function fieldList(body: unknown, name: string): string[] {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter(Boolean).slice(0, 200);
}

/** A query value as one string. */
export function queryValue(query: ConsoleBaseContext['query'], name: string, max = 200): string {
  const v = query[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.slice(0, max).trim() : '';
}

/**
 * The subscriptions service's field problems (sign-up identity, preferences) as English form
 * errors on the portal's field ids: 'first-name', 'last-name', 'dob', 'zip', 'voter-id',
 * 'language-en', 'sms-address', 'email-address', 'voice-address', 'hours-start', 'hours-end'.
 */
export const serviceProblems = (ctx: ConsoleBaseContext, problems: readonly FieldProblem[]): portal.FieldError[] => identityFieldErrors(formContext(ctx), problems);
