/**
 * Sign-up in three steps (DESIGN §2.1–2.2), POST-redirect-GET throughout:
 *
 *   GET/POST /sign-up               1. identity: checked with the service's log-in (the same
 *                                      match and throttle). Not signed up yet → the identity is
 *                                      sealed into the bl_signup cookie (signup-identity.ts) and
 *                                      the voter goes to step 2. Already signed up → logged in,
 *                                      to their settings ("nothing was changed"). Otherwise the
 *                                      outcome's page (identity.form.ts).
 *   GET/POST /sign-up/preferences   2. language, channels and contacts, hours, time zone →
 *                                      signUp(identity from the cookie, preferences).
 *   GET      /sign-up/done          3. what confirmations to expect, and what happens next.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Channel } from '../../persisted.ts';
import { getAccount, logIn, signUp, type Account, type ChannelNotice, type IdentityInput } from '../../subscriptions/subscriptions.service.ts';
import { parsePreferences } from '../../subscriptions/preferences.ts';
import { html, type SafeHtml } from '../html.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { PortalModule } from '../portal.routes.ts';
import { cookieOptions, pageContext, sendPage, type PageContext } from './context.ts';
import { errorSummary, postForm, type FieldError } from './forms.ts';
import {
  EMPTY_IDENTITY, IDENTITY_RATE_LIMIT, fieldErrors, hasField, identityFailurePage, identityInput, identityPage, identityValues, readIdentity, sortErrors,
} from './identity.form.ts';
import { noticeAlerts } from './notices.view.ts';
import { PORTAL_PATHS } from './paths.ts';
import { defaultPreferences, mergeProblems, preferencesFields, preferencesInput, readPreferences, type PreferencesValues } from './preferences.form.ts';
import { appSecretSync } from '../../auth/secret.ts';
import { SIGNUP_COOKIE, SIGNUP_COOKIE_PATH, SIGNUP_TTL_SECONDS, openIdentity, sealIdentity } from './signup-identity.ts';
import { requireVoter, setNotices, setVoterSession, signedInVoter, takeNotices, type Notice } from './voter-session.ts';

export const signupPages: PortalModule = (portal, rt) => {
  const secret = appSecretSync(rt.config);
  const signupCookie = { ...cookieOptions(rt.config), path: SIGNUP_COOKIE_PATH };

  const identityOf = (req: FastifyRequest): IdentityInput | null => openIdentity(secret, req.cookies[SIGNUP_COOKIE], rt.wallClock.now()); // a form's time limit is real time
  /** Back to step 1 when the sealed identity is missing or expired (then say why). */
  const restart = (req: FastifyRequest, reply: FastifyReply): FastifyReply => {
    if (req.cookies[SIGNUP_COOKIE]) {
      reply.clearCookie(SIGNUP_COOKIE, signupCookie);
      setNotices(reply, rt.config, ['signupExpired']);
    }
    return reply.redirect(PORTAL_PATHS.signUp, 303);
  };

  portal.get(PORTAL_PATHS.signUp, async (req, reply) => {
    const ctx = pageContext(req);
    const notices = takeNotices(req, reply, rt.config);
    return sendPage(reply, ctx, identityPage(ctx, 'signUp', { values: EMPTY_IDENTITY, before: html`${noticeAlerts(ctx, notices)}${steps(ctx, 1)}` }));
  });

  portal.post(PORTAL_PATHS.signUp, { config: IDENTITY_RATE_LIMIT }, async (req, reply) => {
    const ctx = pageContext(req);
    const values = readIdentity(req.body);
    const r = await logIn(rt, identityInput(values), { ip: req.ip });
    if (r.kind === 'not_subscribed') {
      reply.setCookie(SIGNUP_COOKIE, sealIdentity(secret, identityInput(values), rt.wallClock.now()), { ...signupCookie, maxAge: SIGNUP_TTL_SECONDS });
      return reply.redirect(PORTAL_PATHS.signUpPreferences, 303);
    }
    if (r.kind === 'logged_in') {
      setVoterSession(reply, rt.config, r.session.token);
      setNotices(reply, rt.config, ['alreadySubscribed']);
      return reply.redirect(PORTAL_PATHS.preferences, 303);
    }
    return sendPage(reply, ctx, identityFailurePage(ctx, 'signUp', r, values, { before: steps(ctx, 1), voterIdShown: hasField(req.body, 'voter-id') }));
  });

  portal.get(PORTAL_PATHS.signUpPreferences, async (req, reply) => {
    const identity = identityOf(req);
    if (!identity) return restart(req, reply);
    const ctx = pageContext(req);
    return sendPage(reply, ctx, preferencesStep(ctx, identity, defaultPreferences(ctx), []));
  });

  portal.post(PORTAL_PATHS.signUpPreferences, { config: IDENTITY_RATE_LIMIT }, async (req, reply) => {
    const identity = identityOf(req);
    if (!identity) return restart(req, reply);
    const ctx = pageContext(req);
    const values = readPreferences(req.body);
    const { input, errors: own } = preferencesInput(ctx, values, null);
    const parsed = parsePreferences(input, { requireChannel: true });
    if (own.length > 0 || !parsed.ok) {
      const merged = mergeProblems(own, parsed.ok ? [] : parsed.errors);
      return sendPage(reply, ctx, { ...preferencesStep(ctx, identity, values, sortErrors([...merged.own, ...fieldErrors(ctx, merged.service)])), status: 422 });
    }
    const r = await signUp(rt, { identity, preferences: input, uiLanguage: ctx.lang, source: 'web' }, { ip: req.ip });
    switch (r.kind) {
      case 'signed_up':
        reply.clearCookie(SIGNUP_COOKIE, signupCookie);
        setVoterSession(reply, rt.config, r.session.token);
        setNotices(reply, rt.config, dncNotices(r.notices));
        return reply.redirect(PORTAL_PATHS.signUpDone, 303);
      case 'already_subscribed':
        reply.clearCookie(SIGNUP_COOKIE, signupCookie);
        setVoterSession(reply, rt.config, r.session.token);
        setNotices(reply, rt.config, ['alreadySubscribed']);
        return reply.redirect(PORTAL_PATHS.preferences, 303);
      case 'invalid': {
        // The identity was checked in step 1; a problem with it now means the rules changed: start again.
        if (r.fieldErrors.some((p) => ['firstName', 'lastName', 'dob', 'zip', 'voterId'].includes(p.field))) return restart(req, reply);
        return sendPage(reply, ctx, { ...preferencesStep(ctx, identity, values, fieldErrors(ctx, r.fieldErrors)), status: 422 });
      }
      default:
        // The registration changed since step 1, or the throttle closed in between.
        reply.clearCookie(SIGNUP_COOKIE, signupCookie);
        return sendPage(reply, ctx, identityFailurePage(ctx, 'signUp', r, identityValues(identity), { before: steps(ctx, 1) }));
    }
  });

  portal.get(PORTAL_PATHS.signUpDone, { preHandler: requireVoter(rt) }, async (req, reply) => {
    const ctx = pageContext(req);
    const account = await getAccount(rt, signedInVoter(req).session);
    if (!account?.subscription) return reply.redirect(PORTAL_PATHS.signUp, 303);
    const notices = takeNotices(req, reply, rt.config);
    return sendPage(reply, ctx, { title: ctx.t('done.title'), main: donePage(ctx, account, notices), personal: true, signedIn: true });
  });
};

export const dncNotices = (notices: readonly ChannelNotice[]): Notice[] =>
  notices.map((n) => (({ sms: 'dncSms', email: 'dncEmail', voice: 'dncVoice' }) as const)[n.channel]);

// ---------------------------------------------------------------- step indicator

const STEPS: readonly MessageKey[] = ['signup.step1', 'signup.step2', 'signup.step3'];

/** USWDS step indicator: where the voter is in the three steps. */
export function steps(ctx: PageContext, current: 1 | 2 | 3): SafeHtml {
  const { t } = ctx;
  return html`<div class="usa-step-indicator usa-step-indicator--no-labels-on-mobile margin-bottom-3">
<ol class="usa-step-indicator__segments" aria-label="${t('signup.stepsLabel')}">
${STEPS.map((key, i) => {
    const n = i + 1;
    const state = n < current ? 'complete' : n === current ? 'current' : '';
    return html`<li class="usa-step-indicator__segment${state ? ` usa-step-indicator__segment--${state}` : ''}"${n === current ? html` aria-current="step"` : ''}><span class="usa-step-indicator__segment-label">${t(key)}${n === current ? '' : html` <span class="usa-sr-only">${t(n < current ? 'signup.stepDone' : 'signup.stepTodo')}</span>`}</span></li>
`;
  })}</ol>
<p class="usa-step-indicator__header bl-step-count">${t('signup.stepOf', { current, total: STEPS.length })}</p>
</div>`;
}

// ---------------------------------------------------------------- step 2

function preferencesStep(ctx: PageContext, identity: IdentityInput, values: PreferencesValues, errors: readonly FieldError[]) {
  const { t, th } = ctx;
  const name = `${identity.firstName.trim()} ${identity.lastName.trim()}`;
  const main = html`${errorSummary(ctx, errors)}
${steps(ctx, 2)}
<h1>${t('signup.prefsTitle')}</h1>
<p class="usa-intro">${t('signup.prefsFor', { name })}</p>
<p>${th('signup.notYou', { link: (text) => html`<a href="${PORTAL_PATHS.signUp}">${text}</a>` })}</p>
${postForm(ctx, { action: PORTAL_PATHS.signUpPreferences, submitLabel: t('signup.submit'), body: preferencesFields(ctx, values, errors, null) })}`;
  return { title: t('signup.prefsTitle'), main, hasErrors: errors.length > 0, personal: true, nav: 'signUp' as const };
}

// ---------------------------------------------------------------- step 3

const EXPECT: Readonly<Record<Channel, MessageKey>> = { email: 'done.expectEmail', sms: 'done.expectSms', voice: 'done.expectVoice' };

function donePage(ctx: PageContext, account: Account, notices: readonly Notice[]): SafeHtml {
  const { t, th } = ctx;
  const sub = account.subscription!;
  const on = sub.channels.filter((c) => c.consent === 'active' || c.consent === 'pending');
  const expect = on.map((c) => (c.channel === 'sms' && c.needsYes && !c.yesConfirmed ? t('done.expectSmsYes', { address: c.address }) : t(EXPECT[c.channel], { address: c.address })));
  return html`${steps(ctx, 3)}
<div class="usa-alert usa-alert--success margin-bottom-3" role="status"><div class="usa-alert__body">
<h1 class="usa-alert__heading">${t('done.title')}</h1>
<p class="usa-alert__text">${t('done.for', { name: `${account.voter.firstName} ${account.voter.lastName}`, county: account.voter.countyName })}</p>
</div></div>
${noticeAlerts(ctx, notices)}
<div class="usa-prose">
<p class="usa-intro">${t('done.lead')}</p>
<h2>${t('done.expectTitle')}</h2>
<ul class="usa-list">
${expect.map((e) => html`<li>${e}</li>
`)}</ul>
<p>${th('done.sendersLink', { link: (text) => html`<a href="${PORTAL_PATHS.help}#senders">${text}</a>` })}</p>
<h2>${t('done.nextTitle')}</h2>
<p>${t('done.nextBody')}</p>
</div>
<ul class="usa-button-group margin-top-3">
<li class="usa-button-group__item"><a class="usa-button" href="${PORTAL_PATHS.myBallot}">${t('done.seeBallot')}</a></li>
<li class="usa-button-group__item"><a class="usa-button usa-button--outline" href="${PORTAL_PATHS.preferences}">${t('nav.preferences')}</a></li>
</ul>`;
}
