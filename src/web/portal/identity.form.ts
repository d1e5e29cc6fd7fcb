/**
 * The identity form of sign-up and log-in (DESIGN §2.1), and a helpful page for every matching
 * outcome that is not a match: field errors (linked from the error summary), no match, twins
 * (voter ID), voter ID mismatch, inactive / cancelled / pending, throttled, and "not signed up
 * yet" (log-in only).
 *
 * Field error texts come from the subscriptions domain (messages.ts: the same words in the JSON
 * API and here, including the FAQ's own "Date of Birth (DOB) cannot be before 01-01-1900.").
 */
import type { FieldProblem, IdentityFailure, IdentityInput } from '../../subscriptions/subscriptions.types.ts';
import { fieldMessageKey, formatRetryTime, profileMessageParams, voterMessage } from '../../subscriptions/messages.ts';
import { html, type SafeHtml } from '../html.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { Page, PageContext } from './context.ts';
import { dateInput, errorFor, errorSummary, postForm, textInput, type FieldError } from './forms.ts';
import { PORTAL_PATHS, telHref } from './paths.ts';

/** What the voter typed, as typed (shown again in the form). */
export interface IdentityValues { firstName: string; lastName: string; dob: string; zip: string; voterId: string }

export const EMPTY_IDENTITY: IdentityValues = { firstName: '', lastName: '', dob: '', zip: '', voterId: '' };

/** The first value of a urlencoded form field, as a string of at most `max` characters. */
export function formField(body: unknown, name: string, max = 1000): string {
  const v = (body as Record<string, unknown> | null | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first.slice(0, max) : '';
}

export function readIdentity(body: unknown): IdentityValues {
  return {
    firstName: formField(body, 'first-name', 400),
    lastName: formField(body, 'last-name', 400),
    dob: formField(body, 'dob', 100),
    zip: formField(body, 'zip', 100),
    voterId: formField(body, 'voter-id', 100),
  };
}

export const identityInput = (v: IdentityValues): IdentityInput =>
  ({ firstName: v.firstName, lastName: v.lastName, dob: v.dob, zip: v.zip, ...(v.voterId.trim() ? { voterId: v.voterId } : {}) });

export const identityValues = (i: IdentityInput): IdentityValues =>
  ({ firstName: i.firstName, lastName: i.lastName, dob: i.dob, zip: i.zip, voterId: i.voterId ?? '' });

// ---------------------------------------------------------------- field errors

/** The page's id of each field the service names, in the order the fields appear on the pages. */
const FIELD_IDS: ReadonlyArray<readonly [string, string]> = [
  ['firstName', 'first-name'], ['lastName', 'last-name'], ['dob', 'dob'], ['zip', 'zip'], ['voterId', 'voter-id'],
  ['language', 'language-en'], ['channels', 'channels-sms'], ['channels.sms', 'sms-address'], ['channels.email', 'email-address'],
  ['channels.voice', 'voice-address'], ['hours', 'hours-start'], ['hours.start', 'hours-start'], ['hours.end', 'hours-end'], ['timeZone', 'time-zone'],
];
const ORDER: ReadonlyMap<string, number> = new Map(FIELD_IDS.map(([, id], i) => [id, i]));

/** The service's field problems as the page's errors: translated, on the right fields, in page order, one per field. */
export function fieldErrors(ctx: PageContext, problems: readonly FieldProblem[]): FieldError[] {
  const params = profileMessageParams(ctx.profile);
  const errors: FieldError[] = [];
  for (const p of problems) {
    const field = FIELD_IDS.find(([name]) => name === p.field)?.[1] ?? 'first-name';
    if (errors.some((e) => e.field === field)) continue;
    errors.push({ field, message: voterMessage(ctx.lang, fieldMessageKey(p), params) });
  }
  return sortErrors(errors);
}

/** Errors in the order of the fields on the page (the summary reads top to bottom). */
export function sortErrors(errors: readonly FieldError[]): FieldError[] {
  return [...errors].sort((a, b) => (ORDER.get(a.field) ?? 99) - (ORDER.get(b.field) ?? 99));
}

// ---------------------------------------------------------------- the form

export interface IdentityFormOptions {
  values: IdentityValues;
  errors: readonly FieldError[];
  /** Show the voter ID field (after a twins answer, or when the voter already typed one). */
  askVoterId: boolean;
  submitLabel: string;
  action: string;
  /** The ZIP looked like another country's postal code: say which ZIP code to use. */
  overseasHint?: boolean;
}

export function identityForm(ctx: PageContext, o: IdentityFormOptions): SafeHtml {
  const { t } = ctx;
  const v = o.values;
  return postForm(ctx, {
    action: o.action,
    submitLabel: o.submitLabel,
    body: html`${o.askVoterId ? textInput(ctx, {
      id: 'voter-id', label: t('identity.voterId'), hint: t('identity.voterIdHint'), value: v.voterId, autocomplete: 'off', spellcheck: false, width: 'md', maxlength: 40,
      error: errorFor(o.errors, 'voter-id'),
    }) : ''}
${textInput(ctx, { id: 'first-name', label: t('identity.firstName'), hint: t('identity.nameHint'), value: v.firstName, autocomplete: 'given-name', spellcheck: false, width: 'xl', error: errorFor(o.errors, 'first-name') })}
${textInput(ctx, { id: 'last-name', label: t('identity.lastName'), value: v.lastName, autocomplete: 'family-name', spellcheck: false, width: 'xl', error: errorFor(o.errors, 'last-name') })}
${dateInput(ctx, { id: 'dob', label: t('identity.dob'), value: v.dob, autocomplete: 'bday', error: errorFor(o.errors, 'dob') })}
${textInput(ctx, {
    id: 'zip', label: t('identity.zip'), hint: t('identity.zipHint', { state: ctx.profile.stateName }), value: v.zip, autocomplete: 'postal-code',
    inputmode: 'numeric', spellcheck: false, width: 'sm', maxlength: 12, error: errorFor(o.errors, 'zip'),
  })}
${o.overseasHint ? html`<div class="usa-alert usa-alert--info usa-alert--slim margin-bottom-3"><div class="usa-alert__body"><p class="usa-alert__text">${ctx.th('identity.overseasHelp', {
    state: ctx.profile.stateName, link: (text) => html`<a href="${PORTAL_PATHS.help}#overseas">${text}</a>`,
  })}</p></div></div>` : ''}`,
  });
}

// ---------------------------------------------------------------- outcomes

export type IdentityMode = 'signUp' | 'logIn';

interface ModeTexts { title: MessageKey; lead: MessageKey; submit: MessageKey; action: string }
const MODES: Readonly<Record<IdentityMode, ModeTexts>> = {
  signUp: { title: 'signup.title', lead: 'signup.lead', submit: 'identity.continue', action: PORTAL_PATHS.signUp },
  logIn: { title: 'login.title', lead: 'login.lead', submit: 'login.submit', action: PORTAL_PATHS.logIn },
};

/** Everything `identityPage` needs besides the context. */
export interface IdentityPageState {
  values: IdentityValues;
  errors?: readonly FieldError[];
  askVoterId?: boolean;
  overseasHint?: boolean;
  /** Rendered above the heading: step indicator, notices. */
  before?: SafeHtml;
  /** Rendered after the form (e.g. "Not signed up yet?"). */
  after?: SafeHtml;
}

/** The sign-up step 1 or log-in page, with its errors. */
export function identityPage(ctx: PageContext, mode: IdentityMode, s: IdentityPageState): Page {
  const m = MODES[mode];
  const errors = s.errors ?? [];
  const main = html`${errorSummary(ctx, errors)}
${s.before ?? ''}
<h1>${ctx.t(m.title)}</h1>
<p class="usa-intro">${ctx.t(m.lead)}</p>
${identityForm(ctx, {
    values: s.values, errors, askVoterId: s.askVoterId ?? s.values.voterId.trim() !== '', submitLabel: ctx.t(m.submit), action: m.action, overseasHint: s.overseasHint === true,
  })}
${s.after ?? ''}`;
  return { title: ctx.t(m.title), main, hasErrors: errors.length > 0, personal: true, nav: mode };
}

const link = (href: string) => (text: SafeHtml): SafeHtml => html`<a href="${href}">${text}</a>`;
const para = (content: SafeHtml | string): SafeHtml => html`<p>${content}</p>`;

export interface FailureOptions {
  /** Above the heading: the sign-up step indicator. */
  before?: SafeHtml;
  /** The form that was sent had the voter ID field (so a blank one is an error now). */
  voterIdShown?: boolean;
}

/**
 * The page for an identity outcome that is not a match. The voter's values are shown again
 * where they can try again.
 */
export function identityFailurePage(ctx: PageContext, mode: IdentityMode, failure: IdentityFailure, values: IdentityValues, o: FailureOptions = {}): Page {
  const before = o.before ?? html``;
  const { t, th, profile } = ctx;
  const desk = profile.helpDesk;
  const lookup = link(desk.voterStatusUrl);
  const county = link(desk.countyOfficesUrl);
  const m = MODES[mode];
  const form = (errors: readonly FieldError[], askVoterId: boolean): SafeHtml =>
    identityForm(ctx, { values, errors, askVoterId, submitLabel: t(m.submit), action: m.action });

  switch (failure.kind) {
    case 'invalid': {
      const overseasHint = failure.fieldErrors.some((p) => p.code === 'zip_overseas');
      return { ...identityPage(ctx, mode, { values, errors: fieldErrors(ctx, failure.fieldErrors), before, overseasHint }), status: 422 };
    }
    case 'no_match': {
      const main = html`${before}<div class="usa-prose">
<h1>${t('outcome.noMatchTitle')}</h1>
<p class="usa-intro">${t('outcome.noMatchLead')}</p>
<h2>${t('outcome.whatToDo')}</h2>
<ul class="usa-list">
<li>${t('outcome.noMatchExact')}</li>
<li>${th('outcome.noMatchLookup', { link: lookup })}</li>
<li>${t('outcome.noMatchRecent')}</li>
<li>${th('outcome.noMatchCounty', { link: county })}</li>
</ul>
<h2>${t('outcome.tryAgain')}</h2>
</div>
${form([], values.voterId.trim() !== '')}`;
      return { status: 422, title: t('outcome.noMatchTitle'), main, personal: true, nav: mode };
    }
    case 'voter_id_needed':
    case 'voter_id_mismatch': {
      const mismatch = failure.kind === 'voter_id_mismatch';
      const errors: FieldError[] = mismatch ? [{ field: 'voter-id', message: t('outcome.voterIdMismatch') }]
        : o.voterIdShown ? [{ field: 'voter-id', message: t('outcome.voterIdRequired') }] : [];
      const main = html`${errorSummary(ctx, errors)}
${before}<div class="usa-prose">
<h1>${t('outcome.voterIdTitle')}</h1>
<p class="usa-intro">${t('outcome.voterIdLead')}</p>
<div class="usa-alert usa-alert--info usa-alert--slim margin-bottom-3"><div class="usa-alert__body"><p class="usa-alert__text">${th('outcome.voterIdWhere', {
        voterIdPhone: html`<a href="${telHref(desk.voterIdPhone)}">${desk.voterIdPhone}</a>`, link: county,
      })}</p></div></div>
</div>
${form(errors, true)}`;
      return { status: 422, title: t('outcome.voterIdTitle'), main, hasErrors: errors.length > 0, personal: true, nav: mode };
    }
    case 'inactive':
    case 'cancelled':
    case 'pending': {
      const texts = REGISTRATION_TEXTS[failure.kind];
      const main = html`${before}<div class="usa-prose">
<h1>${t(texts.title)}</h1>
<p class="usa-intro">${t(texts.body)}</p>
<h2>${t('outcome.whatToDo')}</h2>
${para(th('outcome.contactCounty', { link: county }))}
${para(th('outcome.registrationLookup', { link: lookup }))}
<p><a class="usa-button usa-button--outline" href="${m.action}">${t('outcome.backToStart')}</a></p>
</div>`;
      return { status: 422, title: t(texts.title), main, personal: true, nav: mode };
    }
    case 'throttled': {
      const time = formatRetryTime(ctx.lang, failure.retryAfter, ctx.now, profile.timeZone);
      const main = html`${before}<div class="usa-prose">
<h1>${t('outcome.throttledTitle')}</h1>
<p class="usa-intro">${t('outcome.throttledBody', { time })}</p>
${para(th('outcome.throttledHelp', { link: lookup }))}
${para(th('outcome.noMatchCounty', { link: county }))}
</div>`;
      return { status: 429, title: t('outcome.throttledTitle'), main, personal: true, nav: mode };
    }
  }
}

const REGISTRATION_TEXTS: Readonly<Record<'inactive' | 'cancelled' | 'pending', { title: MessageKey; body: MessageKey }>> = {
  inactive: { title: 'outcome.inactiveTitle', body: 'outcome.inactiveBody' },
  cancelled: { title: 'outcome.cancelledTitle', body: 'outcome.cancelledBody' },
  pending: { title: 'outcome.pendingTitle', body: 'outcome.pendingBody' },
};

/** Whether the sent form had a field at all (a blank one included). */
export const hasField = (body: unknown, name: string): boolean =>
  typeof body === 'object' && body !== null && Object.hasOwn(body, name);

/**
 * Route option for every POST that checks an identity: at most 30 a minute from one address,
 * on top of the service's throttle of failed attempts (which counts per address and per name
 * and ZIP). Generous enough for a household or a library computer; a 429 gets the portal's
 * "Too many tries" page.
 */
export const IDENTITY_RATE_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } } as const;
