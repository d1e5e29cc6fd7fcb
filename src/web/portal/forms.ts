/**
 * USWDS form parts for the portal's forms. Every label, hint and error arrives already
 * translated (`ctx.t(...)`); values typed by the voter are escaped like everything else.
 *
 * Conventions (GOV.UK/USWDS error pattern):
 * - A field's `id` is also the anchor the error summary links to; `name` defaults to it.
 * - Errors are one ordered list, `{ field, message }`, in the order of the fields on the page.
 * - With errors, the page passes `hasErrors: true` to sendPage (title starts "Error:") and
 *   puts `errorSummary` first in main; the summary takes focus on load (autofocus, no JS).
 * - Every form posts with `postForm`, which writes the CSRF token; the portal checks it on
 *   every POST before the handler runs.
 */
import { attrs, classes, html, type SafeHtml } from '../html.ts';
import type { PageContext } from './context.ts';

export interface FieldError {
  /** The `id` of the field (or of a fieldset's first input) the message is about. */
  field: string;
  /** Translated message, e.g. ctx.t('signup.dobInvalid'). */
  message: string;
}

/** The error of one field, if any. */
export const errorFor = (errors: readonly FieldError[] | undefined, field: string): string | undefined =>
  errors?.find((e) => e.field === field)?.message;

/** USWDS error alert listing each problem as a link to its field. Renders nothing without errors. */
export function errorSummary(ctx: PageContext, errors: readonly FieldError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="usa-alert usa-alert--error margin-bottom-3" role="alert" tabindex="-1" autofocus id="error-summary">
<div class="usa-alert__body">
<h2 class="usa-alert__heading">${ctx.t('form.errorSummaryTitle')}</h2>
<p class="usa-alert__text">${ctx.t('form.errorSummaryBody')}</p>
<ul class="usa-list">
${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>
`)}</ul>
</div>
</div>`;
}

/** `<form method="post">` with the CSRF token, posting to this page unless `action` is given. */
export function postForm(ctx: PageContext, options: { action?: string; body: SafeHtml; submitLabel: string; id?: string }): SafeHtml {
  return html`<form class="usa-form usa-form--large" method="post" action="${options.action ?? ctx.path}"${options.id ? html` id="${options.id}"` : ''} novalidate>
${csrfField(ctx)}
${options.body}
<button class="usa-button" type="submit">${options.submitLabel}</button>
</form>`;
}

/** The hidden CSRF field, for forms not built with `postForm`. */
export function csrfField(ctx: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrfToken()}">`;
}

export interface TextInputOptions {
  id: string;
  /** Defaults to `id`. */
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  type?: 'text' | 'email' | 'tel' | 'password';
  /** e.g. 'given-name', 'family-name', 'postal-code', 'bday', 'email', 'tel'. */
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'tel' | 'email';
  /** USWDS fixed widths: a ZIP code is 'sm', a name 'xl'. */
  width?: '2xs' | 'xs' | 'sm' | 'md' | 'lg' | 'xl' | '2xl';
  maxlength?: number;
  /** Off for names, codes and addresses. */
  spellcheck?: boolean;
  required?: boolean;
  /** Shown after the label, e.g. ctx.t('form.optional'). */
  optionalLabel?: string;
}

/** Label, hint, error message and input, wired with aria-describedby and aria-invalid. */
export function textInput(ctx: PageContext, o: TextInputOptions): SafeHtml {
  const hintId = o.hint ? `${o.id}-hint` : null;
  const errorId = o.error ? `${o.id}-error` : null;
  return html`<div class="${classes('usa-form-group', o.error && 'usa-form-group--error')}">
<label class="${classes('usa-label', o.error && 'usa-label--error')}" for="${o.id}">${o.label}${o.optionalLabel ? html` <span class="usa-hint">${o.optionalLabel}</span>` : ''}</label>
${hintId ? html`<div class="usa-hint" id="${hintId}">${o.hint}</div>` : ''}
${fieldError(ctx, o.id, o.error)}
<input${attrs({
    class: classes('usa-input', o.width && `usa-input--${o.width}`, o.error && 'usa-input--error'),
    id: o.id,
    name: o.name ?? o.id,
    type: o.type ?? 'text',
    value: o.value ?? '',
    autocomplete: o.autocomplete,
    inputmode: o.inputmode,
    maxlength: o.maxlength,
    spellcheck: o.spellcheck === undefined ? undefined : String(o.spellcheck),
    required: o.required,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
    'aria-invalid': o.error ? 'true' : undefined,
  })}>
</div>`;
}

/**
 * Date as one text field typed MM-DD-YYYY, the format voters are told about in the FAQ
 * and in every error message (DESIGN §2.1). The hint gives the format and an example.
 */
export function dateInput(ctx: PageContext, o: Omit<TextInputOptions, 'type' | 'inputmode' | 'width' | 'maxlength'>): SafeHtml {
  return textInput(ctx, { hint: ctx.t('form.dateHint'), spellcheck: false, ...o, type: 'text', inputmode: 'numeric', width: 'sm', maxlength: 10 });
}

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
  checked?: boolean;
  /** `lang` of the label, when it is in another language (a language choice written in itself). */
  lang?: string;
}

export interface ChoicesOptions {
  /** Prefix of the inputs' ids; the first option's id is `${id}-${first value}` (the error summary links there). */
  id: string;
  name: string;
  type: 'checkbox' | 'radio';
  legend: string;
  hint?: string;
  error?: string;
  options: readonly ChoiceOption[];
  /** USWDS tile style: bigger targets, good for a few options with hints. */
  tile?: boolean;
  /** A large legend, for a fieldset that is a section of a long form. */
  legendLarge?: boolean;
  /** Extra class of the options' container, e.g. for columns. */
  optionsClass?: string;
}

/** The id of a choice's input, for errors: `choiceId('channels', 'sms')`. */
export const choiceId = (id: string, value: string): string => `${id}-${value.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Fieldset of checkboxes or radio buttons with legend, hint and error. */
export function choices(ctx: PageContext, o: ChoicesOptions): SafeHtml {
  const hintId = o.hint ? `${o.id}-hint` : null;
  const errorId = o.error ? `${o.id}-error` : null;
  const kind = o.type === 'checkbox' ? 'checkbox' : 'radio';
  return html`<div class="${classes('usa-form-group', o.error && 'usa-form-group--error')}">
<fieldset class="usa-fieldset"${attrs({ 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined })}>
<legend class="${classes('usa-legend', o.legendLarge && 'usa-legend--large', o.error && 'usa-label--error')}">${o.legend}</legend>
${hintId ? html`<div class="usa-hint" id="${hintId}">${o.hint}</div>` : ''}
${fieldError(ctx, o.id, o.error)}
${o.optionsClass ? html`<div class="${o.optionsClass}">` : ''}${o.options.map((opt) => {
    const inputId = choiceId(o.id, opt.value);
    const optHintId = opt.hint ? `${inputId}-hint` : null;
    return html`<div class="usa-${kind}">
<input${attrs({
      class: classes(`usa-${kind}__input`, o.tile && `usa-${kind}__input--tile`),
      id: inputId,
      type: o.type,
      name: o.name,
      value: opt.value,
      checked: opt.checked,
      'aria-describedby': optHintId ?? undefined,
    })}>
<label class="usa-${kind}__label" for="${inputId}"${opt.lang ? html` lang="${opt.lang}"` : ''}>${opt.label}${optHintId ? html`<span class="usa-${kind}__label-description" id="${optHintId}">${opt.hint}</span>` : ''}</label>
</div>
`;
  })}${o.optionsClass ? html`</div>` : ''}</fieldset>
</div>`;
}

export interface SelectOptions {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: string; selected?: boolean; lang?: string }[];
}

/** Labelled `<select>` (e.g. the start and end of notification hours). */
export function selectInput(ctx: PageContext, o: SelectOptions): SafeHtml {
  const hintId = o.hint ? `${o.id}-hint` : null;
  const errorId = o.error ? `${o.id}-error` : null;
  return html`<div class="${classes('usa-form-group', o.error && 'usa-form-group--error')}">
<label class="${classes('usa-label', o.error && 'usa-label--error')}" for="${o.id}">${o.label}</label>
${hintId ? html`<div class="usa-hint" id="${hintId}">${o.hint}</div>` : ''}
${fieldError(ctx, o.id, o.error)}
<select${attrs({
    class: classes('usa-select', o.error && 'usa-input--error'),
    id: o.id,
    name: o.name ?? o.id,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
    'aria-invalid': o.error ? 'true' : undefined,
  })}>
${o.options.map((opt) => html`<option${attrs({ value: opt.value, selected: opt.selected, lang: opt.lang })}>${opt.label}</option>
`)}</select>
</div>`;
}

function fieldError(ctx: PageContext, id: string, message: string | undefined): SafeHtml {
  if (!message) return html``;
  return html`<span class="usa-error-message" id="${id}-error"><span class="usa-sr-only">${ctx.t('form.errorPrefix')}</span> ${message}</span>`;
}
