/**
 * Log-in and log-out (DESIGN §2.1). Log-in takes the same identity as sign-up, with the same
 * matching, throttle and outcome pages; a voter who matches but is not signed up is offered
 * sign-up with what they typed already carried over (the sealed bl_signup cookie).
 *
 *   GET/POST /log-in    → /my-ballot (303) with a session cookie
 *   POST     /log-out   → the session ended, the cookie cleared, → /log-in (303)
 */
import type { Runtime } from '../../runtime.ts';
import { endSession, logIn } from '../../subscriptions/subscriptions.service.ts';
import { html } from '../html.ts';
import type { PortalModule } from '../portal.routes.ts';
import { cookieOptions, pageContext, sendPage, type PageContext } from './context.ts';
import { EMPTY_IDENTITY, IDENTITY_RATE_LIMIT, hasField, identityFailurePage, identityInput, identityPage, readIdentity } from './identity.form.ts';
import { noticeAlerts } from './notices.view.ts';
import { PORTAL_PATHS } from './paths.ts';
import { appSecretSync } from '../../auth/secret.ts';
import { SIGNUP_COOKIE, SIGNUP_COOKIE_PATH, SIGNUP_TTL_SECONDS, sealIdentity } from './signup-identity.ts';
import { clearVoterSession, currentVoter, sessionToken, setNotices, setVoterSession, takeNotices } from './voter-session.ts';

export const loginPages: PortalModule = (portal, rt: Runtime) => {
  const secret = appSecretSync(rt.config);
  const notSignedUp = (ctx: PageContext) => html`<p class="margin-top-4">${ctx.th('login.notSignedUp', { link: (text) => html`<a href="${PORTAL_PATHS.signUp}">${text}</a>` })}</p>`;

  portal.get(PORTAL_PATHS.logIn, async (req, reply) => {
    if (await currentVoter(req, rt)) return reply.redirect(PORTAL_PATHS.myBallot, 303);
    const ctx = pageContext(req);
    const notices = takeNotices(req, reply, rt.config);
    return sendPage(reply, ctx, identityPage(ctx, 'logIn', { values: EMPTY_IDENTITY, before: noticeAlerts(ctx, notices), after: notSignedUp(ctx) }));
  });

  portal.post(PORTAL_PATHS.logIn, { config: IDENTITY_RATE_LIMIT }, async (req, reply) => {
    const ctx = pageContext(req);
    const values = readIdentity(req.body);
    const r = await logIn(rt, identityInput(values), { ip: req.ip });
    if (r.kind === 'logged_in') {
      setVoterSession(reply, rt.config, r.session.token);
      return reply.redirect(PORTAL_PATHS.myBallot, 303);
    }
    if (r.kind === 'not_subscribed') {
      reply.setCookie(SIGNUP_COOKIE, sealIdentity(secret, identityInput(values), ctx.now), { ...cookieOptions(rt.config), path: SIGNUP_COOKIE_PATH, maxAge: SIGNUP_TTL_SECONDS });
      const main = html`<div class="usa-prose">
<h1>${ctx.t('outcome.notSubscribedTitle')}</h1>
<p class="usa-intro">${ctx.t('outcome.notSubscribedBody')}</p>
<p><a class="usa-button" href="${PORTAL_PATHS.signUpPreferences}">${ctx.t('outcome.notSubscribedButton')}</a></p>
</div>`;
      return sendPage(reply, ctx, { title: ctx.t('outcome.notSubscribedTitle'), main, personal: true, nav: 'logIn' });
    }
    const page = identityFailurePage(ctx, 'logIn', r, values, { voterIdShown: hasField(req.body, 'voter-id') });
    return sendPage(reply, ctx, r.kind === 'invalid' ? { ...page, main: html`${page.main}${notSignedUp(ctx)}` } : page);
  });

  portal.post(PORTAL_PATHS.logOut, async (req, reply) => {
    const token = sessionToken(req);
    if (token !== null) await endSession(rt, token);
    clearVoterSession(reply, rt.config);
    setNotices(reply, rt.config, ['loggedOut']);
    return reply.redirect(PORTAL_PATHS.logIn, 303);
  });
};
