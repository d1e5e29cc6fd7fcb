/**
 * Opt-out (DESIGN §2.2): one channel, or everything.
 *
 *   GET/POST /opt-out       one channel → off (logged as a consent event), back to the settings
 *                           page with a notice; "all" → every channel off and the sign-up ended,
 *                           the session ended too, → /opt-out/done
 *   GET      /opt-out/done  confirmation (no personal data: the voter is logged out by then)
 */
import { CHANNELS, type Channel } from '../../persisted.ts';
import { endSession, optOutVoter, type Account } from '../../subscriptions/subscriptions.service.ts';
import { html } from '../html.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { PortalModule } from '../portal.routes.ts';
import { pageContext, sendPage, type Page, type PageContext } from './context.ts';
import { choices, errorFor, errorSummary, postForm, type FieldError } from './forms.ts';
import { formField } from './identity.form.ts';
import { noticeAlerts } from './notices.view.ts';
import { PORTAL_PATHS } from './paths.ts';
import { accountOrLogIn, notSignedUpPage } from './preferences.page.ts';
import { clearVoterSession, requireVoter, setNotices, signedInVoter, takeNotices, type Notice } from './voter-session.ts';

const OPTION_TEXT: Readonly<Record<Channel, MessageKey>> = { sms: 'optout.sms', email: 'optout.email', voice: 'optout.voice' };
const DONE_NOTICE: Readonly<Record<Channel, Notice>> = { sms: 'optedOutSms', email: 'optedOutEmail', voice: 'optedOutVoice' };
const PAGE_ORDER: readonly Channel[] = ['sms', 'email', 'voice'];

export const optOutPages: PortalModule = (portal, rt) => {
  portal.get(PORTAL_PATHS.optOut, { preHandler: requireVoter(rt) }, async (req, reply) => {
    const account = await accountOrLogIn(rt, req, reply);
    if (!account) return reply;
    const ctx = pageContext(req);
    const notices = takeNotices(req, reply, rt.config);
    if (!account.subscription) return sendPage(reply, ctx, notSignedUpPage(ctx, notices));
    return sendPage(reply, ctx, optOutPage(ctx, account, [], notices));
  });

  portal.post(PORTAL_PATHS.optOut, { preHandler: requireVoter(rt) }, async (req, reply) => {
    const account = await accountOrLogIn(rt, req, reply);
    if (!account) return reply;
    if (!account.subscription) return reply.redirect(PORTAL_PATHS.optOut, 303);
    const ctx = pageContext(req);
    const choice = formField(req.body, 'stop', 10);
    const valid = choice === 'all' || (CHANNELS as readonly string[]).includes(choice);
    if (!valid) {
      const errors: FieldError[] = [{ field: firstOptionId(account), message: ctx.t('optout.choose') }];
      return sendPage(reply, ctx, { ...optOutPage(ctx, account, errors, []), status: 422 });
    }
    const voter = signedInVoter(req);
    await optOutVoter(rt, voter.session, choice as Channel | 'all', 'web', 'voter');
    if (choice === 'all') {
      await endSession(rt, voter.token);
      clearVoterSession(reply, rt.config);
      return reply.redirect(PORTAL_PATHS.optedOut, 303);
    }
    setNotices(reply, rt.config, [DONE_NOTICE[choice as Channel]]);
    return reply.redirect(PORTAL_PATHS.preferences, 303);
  });

  portal.get(PORTAL_PATHS.optedOut, async (req, reply) => {
    const ctx = pageContext(req);
    const { t, th } = ctx;
    const main = html`<div class="usa-alert usa-alert--success margin-bottom-3" role="status"><div class="usa-alert__body">
<h1 class="usa-alert__heading">${t('optout.doneTitle')}</h1>
<p class="usa-alert__text">${t('optout.doneBody')}</p>
</div></div>
<div class="usa-prose">
<p>${th('optout.doneAgain', { link: (text) => html`<a href="${PORTAL_PATHS.signUp}">${text}</a>` })}</p>
</div>`;
    return sendPage(reply, ctx, { title: t('optout.doneTitle'), main, personal: true });
  });
};

/** The channels that are on, in page order. */
const channelsOn = (account: Account): { channel: Channel; address: string }[] =>
  PAGE_ORDER.flatMap((ch) => account.subscription?.channels.filter((c) => c.channel === ch && (c.consent === 'active' || c.consent === 'pending')) ?? []);

const firstOptionId = (account: Account): string => `stop-${channelsOn(account)[0]?.channel ?? 'all'}`;

function optOutPage(ctx: PageContext, account: Account, errors: readonly FieldError[], notices: readonly Notice[]): Page {
  const { t } = ctx;
  const on = channelsOn(account);
  const options = [
    ...on.map((c) => ({ value: c.channel, label: t(OPTION_TEXT[c.channel], { address: c.address }) })),
    { value: 'all', label: t('optout.all'), hint: t('optout.allHint') },
  ];
  const main = html`${errorSummary(ctx, errors)}
${noticeAlerts(ctx, notices)}
<h1>${t('optout.title')}</h1>
<p class="usa-intro">${t('optout.lead')}</p>
${on.length === 0 ? html`<p>${t('optout.nothing')}</p>` : ''}
${postForm(ctx, {
    action: PORTAL_PATHS.optOut, submitLabel: t('optout.submit'),
    body: choices(ctx, { id: 'stop', name: 'stop', type: 'radio', legend: t('optout.choice'), options, tile: true, error: errorFor(errors, firstOptionId(account)) }),
  })}
<p class="margin-top-4">${t('optout.textStop')}</p>`;
  return { title: t('optout.title'), main, hasErrors: errors.length > 0, personal: true, nav: 'optOut', signedIn: true };
}
