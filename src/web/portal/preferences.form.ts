/**
 * The preferences form of sign-up step 2 and of the settings page (DESIGN §2.2): message
 * language, channels with their contacts, notification hours and time zone. Plain HTML that
 * works without JavaScript: each channel is a checkbox with its contact field under it.
 *
 * Contacts are never shown back in full (the service masks them: a log-in proves only
 * semi-public facts), so on the settings page a channel's field is for a *new* contact; left
 * blank it keeps the current one. Reading the form:
 * - box ticked, field filled → turn on / change to that contact;
 * - box ticked, field blank  → keep the channel as it is if it is on; otherwise the contact is
 *   needed (we cannot turn back on an address we only hold masked);
 * - box not ticked, field blank → turn off if it is on;
 * - box not ticked, field filled → an error: the voter typed a contact but did not choose the
 *   channel, and silently dropping what they typed would surprise them.
 */
import { LANGUAGES, type Channel } from '../../persisted.ts';
import type { AccountChannel, ChannelsInput, FieldProblem, PreferencesInput } from '../../subscriptions/subscriptions.types.ts';
import { DEFAULT_HOURS } from '../../subscriptions/preferences.ts';
import { attrs, html, type SafeHtml } from '../html.ts';
import { LANGUAGE_NAMES, type MessageKey } from '../i18n/catalog.ts';
import type { PageContext } from './context.ts';
import { choiceId, choices, errorFor, selectInput, textInput, type FieldError } from './forms.ts';
import { formField } from './identity.form.ts';

export interface PreferencesValues {
  language: string;
  on: Record<Channel, boolean>;
  /** What the voter typed in each contact field (blank on the settings page: a new contact only). */
  contacts: Record<Channel, string>;
  hoursStart: string;
  hoursEnd: string;
  timeZone: string;
}

const CHANNEL_TEXT: Readonly<Record<Channel, { label: MessageKey; field: MessageKey; missing: MessageKey }>> = {
  sms: { label: 'prefs.sms', field: 'prefs.smsAddress', missing: 'prefs.smsMissing' },
  email: { label: 'prefs.email', field: 'prefs.emailAddress', missing: 'prefs.emailMissing' },
  voice: { label: 'prefs.voice', field: 'prefs.voiceAddress', missing: 'prefs.voiceMissing' },
};
/** Order on the page: texts, email, calls (the FAQ's order). */
const PAGE_CHANNELS: readonly Channel[] = ['sms', 'email', 'voice'];

const isOn = (c: AccountChannel | undefined): boolean => c !== undefined && (c.consent === 'active' || c.consent === 'pending');

/** Sign-up's starting values: the page's language, no channel, the default hours in the state's zone. */
export function defaultPreferences(ctx: PageContext): PreferencesValues {
  return {
    language: ctx.lang, on: { sms: false, email: false, voice: false }, contacts: { sms: '', email: '', voice: '' },
    hoursStart: DEFAULT_HOURS.start, hoursEnd: DEFAULT_HOURS.end, timeZone: ctx.profile.timeZone,
  };
}

/** The settings page's starting values, from the account. */
export function accountPreferences(sub: { language: string; timeZone: string; hours: { start: string; end: string }; channels: readonly AccountChannel[] }): PreferencesValues {
  const on = (ch: Channel) => isOn(sub.channels.find((c) => c.channel === ch));
  return {
    language: sub.language, on: { sms: on('sms'), email: on('email'), voice: on('voice') }, contacts: { sms: '', email: '', voice: '' },
    hoursStart: sub.hours.start, hoursEnd: sub.hours.end, timeZone: sub.timeZone,
  };
}

export function readPreferences(body: unknown): PreferencesValues {
  const ticked = new Set<string>();
  const raw = (body as Record<string, unknown> | null | undefined)?.channels;
  for (const v of Array.isArray(raw) ? raw : [raw]) if (typeof v === 'string') ticked.add(v);
  return {
    language: formField(body, 'language', 35),
    on: { sms: ticked.has('sms'), email: ticked.has('email'), voice: ticked.has('voice') },
    contacts: { sms: formField(body, 'sms-address', 64), email: formField(body, 'email-address', 320), voice: formField(body, 'voice-address', 64) },
    hoursStart: formField(body, 'hours-start', 10),
    hoursEnd: formField(body, 'hours-end', 10),
    timeZone: formField(body, 'time-zone', 64),
  };
}

/**
 * The service's input for what the voter sent, and the errors this form finds itself (a ticked
 * channel without a contact, a contact without its channel). `current`: the account's channels
 * on the settings page, null on sign-up.
 */
export function preferencesInput(ctx: PageContext, v: PreferencesValues, current: readonly AccountChannel[] | null): { input: PreferencesInput; errors: FieldError[] } {
  const channels: ChannelsInput = {};
  const errors: FieldError[] = [];
  for (const ch of PAGE_CHANNELS) {
    const typed = v.contacts[ch].trim();
    const have = current?.find((c) => c.channel === ch);
    if (v.on[ch]) {
      if (typed !== '') channels[ch] = typed;
      else if (!isOn(have)) errors.push({ field: `${ch}-address`, message: ctx.t(CHANNEL_TEXT[ch].missing) });
    } else if (typed !== '') {
      errors.push({ field: `${ch}-address`, message: ctx.t('prefs.notChosen', { channel: ctx.t(CHANNEL_TEXT[ch].label) }) });
    } else if (isOn(have)) {
      channels[ch] = null;
    }
  }
  const input: PreferencesInput = {
    ...(v.language !== '' ? { language: v.language } : {}),
    channels,
    hours: { start: v.hoursStart, end: v.hoursEnd },
    ...(v.timeZone !== '' ? { timeZone: v.timeZone } : {}),
  };
  return { input, errors };
}

/**
 * The service's problems and this form's own, one per field: a form error on a contact field
 * wins, and "choose at least one" is left out when a ticked channel only lacks its contact.
 */
export function mergeProblems(own: readonly FieldError[], service: readonly FieldProblem[]): { own: FieldError[]; service: FieldProblem[] } {
  const ownFields = new Set(own.map((e) => e.field));
  const kept = service.filter((p) => {
    if (p.field === 'channels') return own.length === 0;
    const id = p.field.startsWith('channels.') ? `${p.field.slice('channels.'.length)}-address` : null;
    return id === null || !ownFields.has(id);
  });
  return { own: [...own], service: kept };
}

// ---------------------------------------------------------------- rendering

/** Hour choices: whole hours, start 00:00–23:00, end 01:00–24:00, plus the current value if it is not on the hour. */
function hourOptions(ctx: PageContext, which: 'start' | 'end', selected: string): { value: string; label: string; selected: boolean }[] {
  const values: string[] = [];
  for (let h = which === 'start' ? 0 : 1; h <= (which === 'start' ? 23 : 24); h++) values.push(`${String(h).padStart(2, '0')}:00`);
  if (selected !== '' && !values.includes(selected) && /^\d{2}:\d{2}$/.test(selected)) values.push(selected);
  values.sort();
  return values.map((value) => ({ value, label: value === '24:00' ? ctx.t('prefs.endOfDay') : clockTime(ctx, value), selected: value === selected }));
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();
/** '17:00' as the language writes a time of day (5:00 PM, 17:00, 下午5:00). */
export function clockTime(ctx: PageContext, hhmm: string): string {
  let f = clockFormats.get(ctx.lang);
  if (!f) {
    f = new Intl.DateTimeFormat(ctx.lang === 'tl' ? 'fil' : ctx.lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
    clockFormats.set(ctx.lang, f);
  }
  const [h, m] = hhmm.split(':').map(Number);
  return f.format(new Date(Date.UTC(2026, 0, 1, h ?? 0, m ?? 0)));
}

/** US zones first (the state's own among them), then zones overseas voters live in. */
const US_ZONES = ['America/Los_Angeles', 'America/Denver', 'America/Phoenix', 'America/Chicago', 'America/New_York', 'America/Anchorage', 'Pacific/Honolulu', 'America/Puerto_Rico', 'Pacific/Guam'];
const WORLD_ZONES = [
  'America/Mexico_City', 'America/Bogota', 'America/Sao_Paulo', 'Europe/London', 'Europe/Berlin', 'Europe/Athens', 'Africa/Lagos',
  'Africa/Johannesburg', 'Asia/Jerusalem', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Bangkok', 'Asia/Ho_Chi_Minh', 'Asia/Phnom_Penh',
  'Asia/Manila', 'Asia/Taipei', 'Asia/Hong_Kong', 'Asia/Seoul', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland',
];
const zoneLabels = new Map<string, string>();
/** "Pacific Time (Los Angeles)" in the page's language; the city is the IANA name's. */
function zoneLabel(ctx: PageContext, zone: string): string {
  const id = `${ctx.lang}|${zone}`;
  let label = zoneLabels.get(id);
  if (!label) {
    const generic = new Intl.DateTimeFormat(ctx.lang === 'tl' ? 'fil' : ctx.lang, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date(Date.UTC(2026, 0, 1))).find((p) => p.type === 'timeZoneName')?.value ?? zone;
    label = `${generic} (${zone.split('/').at(-1)!.replace(/_/g, ' ')})`;
    zoneLabels.set(id, label);
  }
  return label;
}

function zoneOptions(ctx: PageContext, selected: string): { value: string; label: string; selected: boolean }[] {
  const zones = [...new Set([ctx.profile.timeZone, ...US_ZONES, ...WORLD_ZONES])];
  if (selected !== '' && !zones.includes(selected)) zones.push(selected);
  return zones.map((z) => ({ value: z, label: zoneLabel(ctx, z), selected: z === selected }));
}

/** What the settings page says about a channel now, under its checkbox. */
function channelState(ctx: PageContext, c: AccountChannel | undefined): string | undefined {
  if (!c) return undefined;
  if (c.consent === 'opted_out') return ctx.t('prefs.stateStopped', { address: c.address });
  if (c.consent === 'undeliverable') return ctx.t('prefs.stateUndeliverable', { address: c.address });
  if (c.channel === 'sms' && c.needsYes && !c.yesConfirmed) return ctx.t('prefs.stateNeedsYes', { address: c.address });
  return ctx.t('prefs.stateOn', { address: c.address });
}

/** The form's fields (the caller wraps them in postForm). */
export function preferencesFields(ctx: PageContext, v: PreferencesValues, errors: readonly FieldError[], current: readonly AccountChannel[] | null): SafeHtml {
  const { t } = ctx;
  const channelBlocks = PAGE_CHANNELS.map((ch) => {
    const have = current?.find((c) => c.channel === ch);
    const fieldId = `${ch}-address`;
    const boxId = choiceId('channels', ch);
    const state = channelState(ctx, have);
    return html`<div class="bl-channel">
<div class="usa-checkbox">
<input${attrs({ class: 'usa-checkbox__input usa-checkbox__input--tile', id: boxId, type: 'checkbox', name: 'channels', value: ch, checked: v.on[ch], 'aria-describedby': state ? `${boxId}-state` : undefined })}>
<label class="usa-checkbox__label" for="${boxId}">${t(CHANNEL_TEXT[ch].label)}${state ? html`<span class="usa-checkbox__label-description" id="${boxId}-state">${state}</span>` : ''}</label>
</div>
${textInput(ctx, {
      id: fieldId, label: t(CHANNEL_TEXT[ch].field), type: ch === 'email' ? 'email' : 'tel',
      autocomplete: ch === 'email' ? 'email' : 'tel', inputmode: ch === 'email' ? 'email' : 'tel', spellcheck: false, width: ch === 'email' ? 'xl' : 'md',
      hint: [ch === 'email' ? '' : t('prefs.phoneHint'), isOn(have) ? t('prefs.keepHint', { address: have!.address }) : ''].filter(Boolean).join(' ') || undefined,
      value: v.contacts[ch], error: errorFor(errors, fieldId),
    })}
</div>`;
  });
  const channelsError = errorFor(errors, choiceId('channels', 'sms'));
  return html`${choices(ctx, {
    id: 'language', name: 'language', type: 'radio', legend: t('prefs.language'), legendLarge: true, optionsClass: 'bl-language-choices',
    options: LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l, checked: v.language === l })),
    error: errorFor(errors, choiceId('language', 'en')),
  })}
<div class="${channelsError ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}">
<fieldset class="usa-fieldset bl-channels" aria-describedby="channels-hint${channelsError ? ' channels-error' : ''}">
<legend class="usa-legend usa-legend--large">${t('prefs.channels')}</legend>
<div class="usa-hint" id="channels-hint">${t('prefs.channelsHint')}</div>
${channelsError ? html`<span class="usa-error-message" id="channels-error"><span class="usa-sr-only">${t('form.errorPrefix')}</span> ${channelsError}</span>` : ''}
${channelBlocks}
</fieldset>
</div>
<fieldset class="usa-fieldset bl-hours-fieldset" aria-describedby="hours-hint">
<legend class="usa-legend usa-legend--large">${t('prefs.hours')}</legend>
<div class="usa-hint" id="hours-hint">${t('prefs.hoursHint')}</div>
<div class="bl-hours">
${selectInput(ctx, { id: 'hours-start', label: t('prefs.hoursStart'), options: hourOptions(ctx, 'start', v.hoursStart), error: errorFor(errors, 'hours-start') })}
${selectInput(ctx, { id: 'hours-end', label: t('prefs.hoursEnd'), options: hourOptions(ctx, 'end', v.hoursEnd), error: errorFor(errors, 'hours-end') })}
</div>
${selectInput(ctx, { id: 'time-zone', label: t('prefs.timeZone'), options: zoneOptions(ctx, v.timeZone), error: errorFor(errors, 'time-zone') })}
</fieldset>`;
}

/** A channel's name, for notices and the opt-out choices. */
export const channelLabel = (ctx: PageContext, ch: Channel): string => ctx.t(CHANNEL_TEXT[ch].label);

