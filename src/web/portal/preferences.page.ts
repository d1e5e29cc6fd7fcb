/**
 * Message settings (DESIGN §2.2): language, channels and contacts, hours and time zone of a
 * logged-in voter. POST-redirect-GET: a saved change comes back as GET /preferences with a notice.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parsePreferences } from '../../subscriptions/preferences.ts';
import { getAccount, updatePreferences, type Account } from '../../subscriptions/subscriptions.service.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PortalModule } from '../portal.routes.ts';
import { pageContext, sendPage, type Page, type PageContext } from './context.ts';
import { errorSummary, postForm, type FieldError } from './forms.ts';
import { fieldErrors, sortErrors } from './identity.form.ts';
import { noticeAlerts } from './notices.view.ts';
import { PORTAL_PATHS } from './paths.ts';
import { accountPreferences, mergeProblems, preferencesFields, preferencesInput, readPreferences, type PreferencesValues } from './preferences.form.ts';
import { dncNotices } from './signup.page.ts';
import { clearVoterSession, requireVoter, setNotices, signedInVoter, takeNotices, type Notice } from './voter-session.ts';
import type { Runtime } from '../../runtime.ts';

export const preferencesPages: PortalModule = (portal, rt) => {
  portal.get(PORTAL_PATHS.preferences, { preHandler: requireVoter(rt) }, async (req, reply) => {
    const account = await accountOrLogIn(rt, req, reply);
    if (!account) return reply;
    const ctx = pageContext(req);
    const notices = takeNotices(req, reply, rt.config);
    if (!account.subscription) return sendPage(reply, ctx, notSignedUpPage(ctx, notices));
    return sendPage(reply, ctx, preferencesPage(ctx, account, accountPreferences(account.subscription), [], notices));
  });

  portal.post(PORTAL_PATHS.preferences, { preHandler: requireVoter(rt) }, async (req, reply) => {
    const account = await accountOrLogIn(rt, req, reply);
    if (!account) return reply;
    const sub = account.subscription;
    if (!sub) return reply.redirect(PORTAL_PATHS.preferences, 303);
    const ctx = pageContext(req);
    const values = readPreferences(req.body);
    const { input, errors: own } = preferencesInput(ctx, values, sub.channels);
    if (own.length > 0) {
      // Show every problem at once: this form's own, and what the service's rules would say.
      const voiceOn = sub.channels.some((c) => c.channel === 'voice' && c.consent !== 'opted_out');
      const parsed = parsePreferences(input, { requireChannel: false, currentHours: sub.hours, voiceOn });
      const merged = mergeProblems(own, parsed.ok ? [] : parsed.errors);
      return sendPage(reply, ctx, { ...preferencesPage(ctx, account, values, sortErrors([...merged.own, ...fieldErrors(ctx, merged.service)]), []), status: 422 });
    }
    const r = await updatePreferences(rt, signedInVoter(req).session, input, 'web', 'voter');
    if (r.kind === 'not_subscribed') return reply.redirect(PORTAL_PATHS.preferences, 303);
    if (r.kind === 'invalid') return sendPage(reply, ctx, { ...preferencesPage(ctx, account, values, fieldErrors(ctx, r.fieldErrors), []), status: 422 });
    // Texts and emails get a confirmation when their contact is new (calls never do).
    const newContact = (['sms', 'email'] as const).some((c) => typeof input.channels?.[c] === 'string' && r.notices.every((n) => n.channel !== c));
    const notices: Notice[] = ['saved', ...(newContact ? ['confirmationSent' as const] : []), ...dncNotices(r.notices)];
    setNotices(reply, rt.config, notices);
    return reply.redirect(PORTAL_PATHS.preferences, 303);
  });
};

/** The account of the signed-in voter, or null after sending them to log in (the voter is no longer visible). */
export async function accountOrLogIn(rt: Runtime, req: FastifyRequest, reply: FastifyReply): Promise<Account | null> {
  const account = await getAccount(rt, signedInVoter(req).session);
  if (account) return account;
  clearVoterSession(reply, rt.config);
  reply.redirect(PORTAL_PATHS.logIn, 303);
  return null;
}

function preferencesPage(ctx: PageContext, account: Account, values: PreferencesValues, errors: readonly FieldError[], notices: readonly Notice[]): Page {
  const { t, th } = ctx;
  const sub = account.subscription!;
  const county = (text: SafeHtml) => html`<a href="${ctx.profile.helpDesk.countyOfficesUrl}">${text}</a>`;
  const main = html`${errorSummary(ctx, errors)}
${noticeAlerts(ctx, notices)}
<h1>${t('prefs.title')}</h1>
<p class="usa-intro">${t('prefs.lead', { name: `${account.voter.firstName} ${account.voter.lastName}` })}</p>
${sub.state === 'suspended' ? html`<div class="usa-alert usa-alert--warning usa-alert--slim margin-bottom-3"><div class="usa-alert__body"><p class="usa-alert__text">${th('prefs.suspended', { link: county })}</p></div></div>` : ''}
${postForm(ctx, { action: PORTAL_PATHS.preferences, submitLabel: t('prefs.save'), body: preferencesFields(ctx, values, errors, sub.channels) })}
<p class="margin-top-4">${th('prefs.stopLink', { link: (text) => html`<a href="${PORTAL_PATHS.optOut}">${text}</a>` })}</p>`;
  return { title: t('prefs.title'), main, hasErrors: errors.length > 0, personal: true, nav: 'preferences', signedIn: true };
}

/** Logged in, but no live subscription (opted out of everything, or moved county). */
export function notSignedUpPage(ctx: PageContext, notices: readonly Notice[]): Page {
  const { t } = ctx;
  const main = html`${noticeAlerts(ctx, notices)}<div class="usa-prose">
<h1>${t('outcome.notSubscribedTitle')}</h1>
<p class="usa-intro">${t('prefs.notSubscribedBody')}</p>
<p><a class="usa-button" href="${PORTAL_PATHS.signUp}">${t('outcome.notSubscribedButton')}</a></p>
</div>`;
  return { title: t('outcome.notSubscribedTitle'), main, personal: true, nav: 'preferences', signedIn: true };
}
