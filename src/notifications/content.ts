/**
 * The values a message is rendered with, from what delivery loaded (voter, county,
 * election, ballot, subscription), formatted for the message language. A value that is
 * not known is left out, never blanked: render.ts then refuses the message if its
 * template needs it, and the message becomes 'render_failed' with the list of what was
 * missing (e.g. a county without a phone number, a contact_county without a deadline).
 *
 * - `statusDate`: the ballot's sent date for outbound/reissued, else the event's date, in
 *   the state's time zone; `cureDeadline` and `statusDate` as month and day, election day
 *   as a full date.
 * - `reasonText` comes from the feed, in English: it is given only to English messages
 *   (others say the reason through `reasonCode`), so no message mixes languages.
 */
import { DateTime } from 'luxon';
import type { JurisdictionProfile } from '../profiles/profile.ts';
import { isStatusCode } from '../persisted.ts';
import type { Language } from '../persisted.ts';
import { render } from './render.ts';
import type { TemplateSet } from './templates/catalog.ts';
import type { DeliveryRow } from './messages.repository.ts';
import type { MessageContent } from './providers/types.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';
import { PORTAL_PATHS } from '../web/portal/paths.ts';

export interface ContentContext {
  profile: JurisdictionProfile;
  publicUrl: string;
  /** Signs unsubscribe links. */
  secret: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, style: 'monthDay' | 'full', timeZone: string): Intl.DateTimeFormat {
  const k = `${language}|${style}|${timeZone}`;
  let f = formatters.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(language, style === 'full' ? { dateStyle: 'long', timeZone } : { month: 'long', day: 'numeric', timeZone });
    formatters.set(k, f);
  }
  return f;
}

/** A calendar date (YYYY-MM-DD) as written in the language; noon UTC keeps the day whatever the zone. */
const formatDate = (date: string, language: Language, style: 'monthDay' | 'full'): string =>
  formatter(language, style, 'UTC').format(new Date(`${date}T12:00:00Z`));

const localDate = (at: Date, timeZone: string): string => DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;

/** The voter's name as on the registration: first, middle, last, suffix. */
export function voterName(row: Pick<DeliveryRow, 'first_name' | 'middle_name' | 'last_name' | 'suffix'>): string | undefined {
  const name = [row.first_name, row.middle_name, row.last_name, row.suffix].map((p) => p?.trim()).filter((p) => p).join(' ');
  return name === '' ? undefined : name;
}

export function unsubscribeUrl(ctx: ContentContext, subscriptionId: string): string {
  return `${ctx.publicUrl}/unsubscribe/${unsubscribeToken(ctx.secret, subscriptionId, 'email')}`;
}

export function messageVariables(row: DeliveryRow, ctx: ContentContext): Record<string, string> {
  const language = row.language;
  const tz = ctx.profile.timeZone;
  const vars: Record<string, string> = {
    serviceName: ctx.profile.serviceName,
    helpPhone: ctx.profile.helpDesk.phone,
    statusUrl: `${ctx.publicUrl}${PORTAL_PATHS.logIn}`,
  };
  const set = (name: string, value: string | null | undefined): void => {
    if (value !== null && value !== undefined && value.trim() !== '') vars[name] = value;
  };
  set('voterName', voterName(row));
  set('countyName', row.county_name);
  set('countyPhone', row.county_phone);
  set('countyEmail', row.county_email);
  set('countyWebsite', row.county_website);
  set('electionName', row.election_name);
  if (row.election_date) set('electionDate', formatDate(row.election_date, language, 'full'));
  const mailed = row.kind === 'outbound' || row.kind === 'reissued';
  const statusDay = mailed && row.sent_date ? row.sent_date : row.occurred_at ? localDate(row.occurred_at, tz) : null;
  if (statusDay) set('statusDate', formatDate(statusDay, language, 'monthDay'));
  if (row.cure_deadline) set('cureDeadline', formatDate(row.cure_deadline, language, 'monthDay'));
  if (isStatusCode(row.reason)) vars.reasonCode = row.reason;
  const reason = language === 'en' ? row.status_reason?.trim() : undefined;
  vars.hasReason = reason ? 'yes' : 'no';
  if (reason) vars.reasonText = reason;
  vars.needsYes = row.needs_yes && row.yes_confirmed_at === null ? 'yes' : 'no';
  if (row.channel === 'email' && row.subscription_id !== null) vars.unsubscribeUrl = unsubscribeUrl(ctx, row.subscription_id);
  return vars;
}

/** Renders a message; throws render.ts RenderError when a value is missing or a template is broken. */
export function renderContent(row: DeliveryRow, ctx: ContentContext, overrides: Partial<TemplateSet> | undefined): MessageContent {
  const m = render({ kind: row.kind, language: row.language, channel: row.channel, vars: messageVariables(row, ctx), ...(overrides ? { overrides } : {}) });
  const content: MessageContent = {};
  if (m.sms !== undefined) content.sms = m.sms;
  if (m.subject !== undefined) content.subject = m.subject;
  if (m.text !== undefined) content.text = m.text;
  if (m.html !== undefined) content.html = m.html;
  if (m.voice !== undefined) content.voice = m.voice;
  return content;
}
