/** One-time notices (voter-session.ts) as USWDS alerts, in the reader's language. */
import { profileMessageParams, voterMessage, type MessageKey as VoterMessageKey } from '../../subscriptions/messages.ts';
import { html, type SafeHtml } from '../html.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { PageContext } from './context.ts';
import type { Notice } from './voter-session.ts';

type Kind = 'success' | 'info' | 'warning';

/** Our own texts, and the subscriptions domain's for a contact on the do-not-contact list. */
const TEXTS: Readonly<Record<Notice, { kind: Kind; key: MessageKey } | { kind: Kind; voterKey: VoterMessageKey }>> = {
  saved: { kind: 'success', key: 'notice.saved' },
  confirmationSent: { kind: 'info', key: 'notice.confirmationSent' },
  alreadySubscribed: { kind: 'info', key: 'notice.alreadySubscribed' },
  loggedOut: { kind: 'success', key: 'notice.loggedOut' },
  sessionEnded: { kind: 'info', key: 'notice.sessionEnded' },
  signupExpired: { kind: 'info', key: 'notice.signupExpired' },
  optedOutSms: { kind: 'success', key: 'notice.optedOutSms' },
  optedOutEmail: { kind: 'success', key: 'notice.optedOutEmail' },
  optedOutVoice: { kind: 'success', key: 'notice.optedOutVoice' },
  dncSms: { kind: 'warning', voterKey: 'do_not_contact_sms' },
  dncEmail: { kind: 'warning', voterKey: 'do_not_contact_email' },
  dncVoice: { kind: 'warning', voterKey: 'do_not_contact_voice' },
};

/** Alerts for the notices, in order; `role="status"` so screen readers announce them. */
export function noticeAlerts(ctx: PageContext, notices: readonly Notice[]): SafeHtml {
  return html`${notices.map((n) => {
    const text = TEXTS[n];
    const message = 'key' in text ? ctx.t(text.key) : voterMessage(ctx.lang, text.voterKey, profileMessageParams(ctx.profile));
    return html`<div class="usa-alert usa-alert--${text.kind} usa-alert--slim margin-bottom-2" role="status"><div class="usa-alert__body"><p class="usa-alert__text">${message}</p></div></div>
`;
  })}`;
}
