/**
 * Preference and contact rules (DESIGN §2.2): validating and normalising what a voter types
 * for language, channels, hours and time zone, and deciding what each channel change does to
 * consent. Pure; the service reads the current channels and the do-not-contact list, calls
 * these, and writes the result.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { IANAZone } from 'luxon';
import { CHANNELS, LANGUAGES, type Channel, type ConsentState, type Language } from '../persisted.ts';
import { allowedDailyRanges, DEFAULT_HOURS } from '../notifications/planning.ts';
import type { ChannelNotice, FieldProblem, HoursInput, PreferencesInput } from './subscriptions.types.ts';

export { DEFAULT_HOURS };

// ---------------------------------------------------------------- contacts

const MAX_EMAIL_LENGTH = 254;
/** Same shape the registry import accepts (src/registry/voter-row.ts), so both sides store identical strings. */
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[a-z]{2,}$/;

/**
 * An email address as stored everywhere (subscription_channels, do_not_contact, voters):
 * Unicode NFC, trimmed, lower case. Lower-casing the local part is technically lossy but is
 * what every mailbox provider voters use does, and it lets a household's shared address and
 * the do-not-contact list compare as text.
 */
export function normalizeEmail(raw: string): { address: string } | { error: 'email_invalid' } {
  const t = raw.normalize('NFC').trim().toLowerCase();
  if (t.length > MAX_EMAIL_LENGTH || !EMAIL.test(t) || t.includes('..') || t.startsWith('.') || /@\.|\.@/.test(t)) return { error: 'email_invalid' };
  return { address: t };
}

/** Number types that can never receive a ballot message on any channel. */
const NEVER_TYPES = new Set(['PREMIUM_RATE', 'SHARED_COST', 'VOICEMAIL', 'PAGER']);
/** Types that cannot receive texts (in the US most numbers are FIXED_LINE_OR_MOBILE and pass). */
const NOT_SMS_TYPES = new Set(['FIXED_LINE', 'UAN']);

/**
 * A phone number as typed → E.164. US numbers need no country code (`(415) 555-0123`,
 * `415.555.0123`, `1-415-555-0123`); numbers of other countries, for overseas voters, start
 * with `+` or the US international prefix `011`. Invalid numbers, and premium or shared-cost
 * ones, are `phone_invalid`; a number that is known to be a landline cannot take texts
 * (`phone_not_mobile`), though it may take voice calls.
 */
export function normalizePhone(raw: string, channel: 'sms' | 'voice'): { address: string } | { error: 'phone_invalid' | 'phone_not_mobile' } {
  const t = raw.normalize('NFKC').trim();
  if (t === '' || t.length > 40) return { error: 'phone_invalid' };
  const parsed = parsePhoneNumberFromString(t, 'US');
  if (!parsed || !parsed.isValid()) return { error: 'phone_invalid' };
  const type = parsed.getType();
  if (type !== undefined && NEVER_TYPES.has(type)) return { error: 'phone_invalid' };
  if (channel === 'sms' && type !== undefined && NOT_SMS_TYPES.has(type)) return { error: 'phone_not_mobile' };
  return { address: parsed.number };
}

/** The kind of address a channel holds, as in do_not_contact.kind. */
export function addressKind(channel: Channel): 'email' | 'phone' {
  return channel === 'email' ? 'email' : 'phone';
}

/**
 * What the voter sees of a stored address after logging in: enough to recognise it, not
 * enough to learn it (a log-in proves only semi-public facts). `jane@example.com` →
 * `j•••@example.com`; `+14155550123` → `+1 •••-•••-0123`; `+442079460958` → `+44 •••••••0958`.
 */
export function maskAddress(channel: Channel, address: string): string {
  if (channel === 'email') {
    const at = address.lastIndexOf('@');
    return at <= 0 ? '•••' : `${address.slice(0, 1)}•••${address.slice(at)}`;
  }
  if (address.startsWith('+1') && address.length === 12) return `+1 •••-•••-${address.slice(-4)}`;
  const parsed = parsePhoneNumberFromString(address);
  const cc = parsed?.countryCallingCode ?? '';
  const national = address.slice(1 + cc.length);
  return `+${cc} ${'•'.repeat(Math.max(0, national.length - 4))}${national.slice(-4)}`;
}

// ---------------------------------------------------------------- language, hours, zone

/** A language tag as typed → one of LANGUAGES (case-insensitive: `ZH-hant`, `ES`), or null. */
export function parseLanguage(raw: string): Language | null {
  const t = raw.trim().toLowerCase();
  return LANGUAGES.find((l) => l.toLowerCase() === t) ?? null;
}

const START = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * Notification hours 'HH:MM'–'HH:MM' (24-hour clock; the end may be '24:00'). The planning
 * rules give every pair a meaning: start < end is one range, start > end runs overnight,
 * start = end is the whole day (see src/notifications/planning.ts).
 */
export function parseHours(h: HoursInput): { hours: HoursInput } | { errors: FieldProblem[] } {
  const start = h.start.trim();
  const end = h.end.trim();
  const errors: FieldProblem[] = [];
  if (!START.test(start)) errors.push({ field: 'hours.start', code: 'hours_invalid' });
  if (!END.test(end)) errors.push({ field: 'hours.end', code: 'hours_invalid' });
  return errors.length > 0 ? { errors } : { hours: { start, end } };
}

/** True for an IANA zone the runtime knows (`America/Los_Angeles`, `Europe/Berlin`). */
export function isTimeZone(s: string): boolean {
  return s.length <= 64 && /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(s) && IANAZone.isValidZone(s);
}

// ---------------------------------------------------------------- the whole form

export interface ParsedPreferences {
  language?: Language;
  /** Normalised address per channel mentioned; null turns the channel off. */
  channels: Partial<Record<Channel, string | null>>;
  hours?: HoursInput;
  timeZone?: string;
}

/**
 * Validates a preferences form, every field at once. On sign-up (`requireChannel`) at least
 * one channel must carry an address. Voice needs hours that overlap the 08:00–21:00 calling
 * window (`hours_exclude_calls`), judged with the hours the subscription will have
 * (`currentHours` when the form leaves them unchanged).
 */
export function parsePreferences(input: PreferencesInput, opts: { requireChannel: boolean; currentHours?: HoursInput; voiceOn?: boolean }): { ok: true; prefs: ParsedPreferences } | { ok: false; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const prefs: ParsedPreferences = { channels: {} };
  if (input.language !== undefined) {
    const lang = parseLanguage(input.language);
    if (lang === null) errors.push({ field: 'language', code: 'language_invalid' });
    else prefs.language = lang;
  }
  for (const channel of CHANNELS) {
    const raw = input.channels?.[channel];
    if (raw === undefined) continue;
    if (raw === null || raw.trim() === '') {
      prefs.channels[channel] = null;
      continue;
    }
    const r = channel === 'email' ? normalizeEmail(raw) : normalizePhone(raw, channel);
    if ('error' in r) errors.push({ field: `channels.${channel}`, code: r.error });
    else prefs.channels[channel] = r.address;
  }
  if (opts.requireChannel && !CHANNELS.some((c) => typeof prefs.channels[c] === 'string') && !errors.some((e) => e.field.startsWith('channels.'))) {
    errors.push({ field: 'channels', code: 'channel_required' });
  }
  if (input.hours !== undefined) {
    const h = parseHours(input.hours);
    if ('errors' in h) errors.push(...h.errors);
    else prefs.hours = h.hours;
  }
  if (input.timeZone !== undefined) {
    const tz = input.timeZone.trim();
    if (!isTimeZone(tz)) errors.push({ field: 'timeZone', code: 'time_zone_invalid' });
    else prefs.timeZone = tz;
  }
  const hours = prefs.hours ?? opts.currentHours ?? DEFAULT_HOURS;
  const voiceOn = prefs.channels.voice !== undefined ? prefs.channels.voice !== null : (opts.voiceOn ?? false);
  if (voiceOn && !errors.some((e) => e.field.startsWith('hours.')) && allowedDailyRanges(hours, 'voice').length === 0) {
    errors.push({ field: 'hours', code: 'hours_exclude_calls' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, prefs };
}

// ---------------------------------------------------------------- channel changes and consent

export interface ExistingChannel { channel: Channel; address: string; consent: ConsentState }

export interface ConsentPolicy {
  /** Colorado: status texts wait for a YES reply (profile.enrolment.smsNeedsYes). */
  smsNeedsYes: boolean;
}

/** The state a channel starts in when the voter turns it on with an address. */
export interface NewChannelState { consent: ConsentState; needsYes: boolean; confirm: boolean }

/**
 * A channel the voter turns on (sign-up, a new or changed contact, turning a channel back on):
 * - the address is on the do-not-contact list → stays 'opted_out' (the voter is told why) and
 *   gets no confirmation;
 * - otherwise 'active' at once: signing up on the portal is the voter's consent, and the
 *   confirmation is a receipt that also catches typos (a bounce makes it 'undeliverable');
 * - sms and email get a confirmation, voice none (DESIGN §2.2);
 * - sms under a YES policy (Colorado) is active but `needsYes`: the engine sends "reply YES"
 *   and holds status texts until yes_confirmed_at is set.
 */
export function newChannelState(channel: Channel, doNotContact: boolean, policy: ConsentPolicy): NewChannelState {
  if (doNotContact) return { consent: 'opted_out', needsYes: channel === 'sms' && policy.smsNeedsYes, confirm: false };
  return { consent: 'active', needsYes: channel === 'sms' && policy.smsNeedsYes, confirm: channel !== 'voice' };
}

export type ChannelChange =
  | ({ op: 'add'; channel: Channel; address: string } & NewChannelState)
  /** A new address on an existing channel: consent starts over (YES again, bounces forgotten). */
  | ({ op: 'change_address'; channel: Channel; address: string; from: ExistingChannel } & NewChannelState)
  /** Same address, the channel was opted out or undeliverable and the voter turns it back on. */
  | ({ op: 'reactivate'; channel: Channel; address: string; from: ExistingChannel } & NewChannelState)
  | { op: 'opt_out'; channel: Channel; from: ExistingChannel };

/**
 * What a preferences form does to the channels, given what is stored. Requested `null` turns
 * an existing channel off (opt-out, kept for the record); an unchanged address on a live
 * channel does nothing; `isDoNotContact` says whether an address asked not to be contacted.
 * Returns the changes and the notices to show (channels kept off by do-not-contact).
 */
export function planChannelChanges(
  existing: readonly ExistingChannel[],
  requested: Partial<Record<Channel, string | null>>,
  isDoNotContact: (channel: Channel, address: string) => boolean,
  policy: ConsentPolicy,
): { changes: ChannelChange[]; notices: ChannelNotice[] } {
  const changes: ChannelChange[] = [];
  const notices: ChannelNotice[] = [];
  for (const channel of CHANNELS) {
    const want = requested[channel];
    if (want === undefined) continue;
    const have = existing.find((e) => e.channel === channel);
    if (want === null) {
      if (have && have.consent !== 'opted_out') changes.push({ op: 'opt_out', channel, from: have });
      continue;
    }
    const blocked = isDoNotContact(channel, want);
    if (blocked) notices.push({ channel, code: 'do_not_contact' });
    const state = newChannelState(channel, blocked, policy);
    if (!have) changes.push({ op: 'add', channel, address: want, ...state });
    else if (have.address !== want) changes.push({ op: 'change_address', channel, address: want, from: have, ...state });
    else if ((have.consent === 'opted_out' || have.consent === 'undeliverable') && !blocked) changes.push({ op: 'reactivate', channel, address: want, from: have, ...state });
  }
  return { changes, notices };
}
