/**
 * One row of the canonical subscriptions file (docs/feeds/subscriptions.md): subscriptions
 * carried over from a previous ballot-tracking system. Pure: validates and normalises a row,
 * or gives the reason (plain English, for the rejects report) it cannot be loaded.
 */
import { CHANNELS, type Channel, type ConsentState, type Language } from '../persisted.ts';
import { isTimeZone, normalizeEmail, normalizePhone, parseHours, parseLanguage } from './preferences.ts';

export const SUBSCRIPTION_FIELDS = [
  'voter_id', 'language', 'email', 'sms', 'voice', 'hours_start', 'hours_end', 'time_zone',
  'email_consent', 'sms_consent', 'voice_consent', 'consented_at', 'sms_yes_confirmed_at', 'source_system',
] as const;
export type SubscriptionField = (typeof SUBSCRIPTION_FIELDS)[number];

/** States a carried-over channel may have. 'pending' and 'undeliverable' keep what the old system knew. */
const IMPORT_CONSENTS: readonly ConsentState[] = ['active', 'opted_out', 'pending', 'undeliverable'];

export interface SubscriptionImportRow {
  voterId: string;
  /** null: the voter's registry language, else 'en' (decided in SQL). */
  language: Language | null;
  channels: Array<{ channel: Channel; address: string; consent: ConsentState }>;
  hoursStart: string;
  hoursEnd: string;
  /** null: the state's zone. */
  timeZone: string | null;
  consentedAt: string | null;
  smsYesConfirmedAt: string | null;
  sourceSystem: string | null;
}

export interface HeaderIndex { index: Record<SubscriptionField, number>; columnCount: number }

/** Maps the header onto fields (case-insensitive, any order). voter_id and one contact column are required. */
export function resolveSubscriptionHeader(header: readonly string[]): HeaderIndex | { error: string } {
  const positions = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const index = Object.fromEntries(SUBSCRIPTION_FIELDS.map((f) => [f, positions.get(f) ?? -1])) as Record<SubscriptionField, number>;
  const missing: string[] = [];
  if (index.voter_id < 0) missing.push('voter_id');
  if (CHANNELS.every((c) => index[c] < 0)) missing.push('at least one of email, sms, voice');
  if (missing.length > 0) return { error: `line 1: the header lacks required column(s): ${missing.join('; ')}` };
  return { index, columnCount: header.length };
}

/** Same shape as the registry's voter IDs (src/registry/voter-row.ts); compared exactly. */
const VOTER_ID = /^[A-Za-z0-9-]{1,32}$/;

export function validateSubscriptionRow(fields: readonly string[], h: HeaderIndex): { ok: true; row: SubscriptionImportRow } | { ok: false; reason: string } {
  if (fields.length !== h.columnCount) return { ok: false, reason: `expected ${h.columnCount} columns, found ${fields.length}` };
  for (const v of fields) if (v.includes('\uFFFD')) return { ok: false, reason: 'invalid UTF-8 byte sequence' };
  const get = (f: SubscriptionField): string => (h.index[f] < 0 ? '' : (fields[h.index[f]] ?? '').trim());

  const voterId = get('voter_id');
  if (voterId === '') return { ok: false, reason: 'missing voter_id' };
  if (!VOTER_ID.test(voterId)) return { ok: false, reason: `voter_id "${voterId}" is not 1–32 letters, digits or dashes` };

  let language: Language | null = null;
  if (get('language') !== '') {
    language = parseLanguage(get('language'));
    if (language === null) return { ok: false, reason: `unknown language "${get('language')}" (one of en, es, zh-Hant, hi, ja, km, ko, tl, th, vi)` };
  }

  const channels: SubscriptionImportRow['channels'] = [];
  for (const channel of CHANNELS) {
    const raw = get(channel);
    if (raw === '') continue;
    const r = channel === 'email' ? normalizeEmail(raw) : normalizePhone(raw, channel);
    if ('error' in r) return { ok: false, reason: `${channel} "${raw}" is not ${channel === 'email' ? 'an email address' : r.error === 'phone_not_mobile' ? 'a mobile number' : 'a phone number (US, or + and the country code)'}` };
    const consentRaw = get(`${channel}_consent` as SubscriptionField).toLowerCase();
    const consent = (consentRaw === '' ? 'active' : consentRaw) as ConsentState;
    if (!IMPORT_CONSENTS.includes(consent)) return { ok: false, reason: `${channel}_consent "${consentRaw}" is not one of ${IMPORT_CONSENTS.join(', ')}` };
    channels.push({ channel, address: r.address, consent });
  }
  if (channels.length === 0) return { ok: false, reason: 'no contact: give at least one of email, sms, voice' };

  const hours = parseHours({ start: get('hours_start') || '08:00', end: get('hours_end') || '20:00' });
  if ('errors' in hours) return { ok: false, reason: `hours "${get('hours_start')}"–"${get('hours_end')}" are not HH:MM (24-hour clock)` };
  const timeZone = get('time_zone') || null;
  if (timeZone !== null && !isTimeZone(timeZone)) return { ok: false, reason: `time_zone "${timeZone}" is not an IANA time zone` };

  const consentedAt = timestamp(get('consented_at'));
  if (consentedAt === undefined) return { ok: false, reason: `consented_at "${get('consented_at')}" is not a date or timestamp` };
  const smsYes = timestamp(get('sms_yes_confirmed_at'));
  if (smsYes === undefined) return { ok: false, reason: `sms_yes_confirmed_at "${get('sms_yes_confirmed_at')}" is not a date or timestamp` };
  if (smsYes !== null && !channels.some((c) => c.channel === 'sms')) return { ok: false, reason: 'sms_yes_confirmed_at without an sms number' };
  const sourceSystem = get('source_system').slice(0, 100) || null;

  return { ok: true, row: { voterId, language, channels, hoursStart: hours.hours.start, hoursEnd: hours.hours.end, timeZone, consentedAt, smsYesConfirmedAt: smsYes, sourceSystem } };
}

/** '' → null; a date or ISO timestamp → ISO; anything else → undefined. */
function timestamp(s: string): string | null | undefined {
  if (s === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) return undefined;
  const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
