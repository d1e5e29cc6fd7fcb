/**
 * Sign-in (password, then authenticator code), sign-out, account set-up from a one-time
 * set-up token, and one's own account (password, authenticator). The rules live in
 * signin.service.ts; these pages only carry its answers. The login token between the two
 * sign-in steps travels in a hidden form field (never in a URL), and is one-time and short-lived.
 */
import type { FastifyReply } from 'fastify';
import { appSecret } from '../../auth/secret.ts';
import { AppError } from '../../errors.ts';
import { html, type SafeHtml } from '../../web/html.ts';
import * as signin from '../signin.service.ts';
import { updateStaffUser } from '../accounts.service.ts';
import { staffClearCookie, staffSetCookie } from '../session-cookie.ts';
import { requestContext, secureCookies } from '../staff-auth.ts';
import { CONSOLE_PATHS, isConsolePath, seeOther, type ConsoleBaseContext, type ConsolePage, type ConsolePageModule } from './frame.ts';
import { qrCode } from './qr.ts';
import { errorSummary, field, postForm, queryValue, rawField, textInput, type FieldError } from './forms.ts';

const LOGIN_RATE = { rateLimit: { max: 30, timeWindow: '1 minute' } };

const nextOf = (value: string): string => (isConsolePath(value) ? value : CONSOLE_PATHS.home);

const codeInput = (ctx: ConsoleBaseContext, errors: readonly FieldError[], label = 'Code from your authenticator app'): SafeHtml => textInput(ctx, {
  id: 'code', label, hint: '6 digits, e.g. 123456. A new code appears every 30 seconds.', inputmode: 'numeric', autocomplete: 'one-time-code',
  width: 'sm', maxlength: 9, spellcheck: false, error: errors.find((e) => e.field === 'code')?.message,
});

function passwordForm(ctx: ConsoleBaseContext, next: string, email: string, errors: readonly FieldError[]): ConsolePage {
  return {
    title: 'Sign in to the console',
    hasErrors: errors.length > 0,
    status: errors.length > 0 ? 401 : 200,
    main: html`${errorSummary(ctx, errors)}
<p>Step 1 of 2: your email and password. Step 2 asks for the code of your authenticator app.</p>
${postForm(ctx, {
    action: CONSOLE_PATHS.signIn,
    submitLabel: 'Continue',
    body: html`<input type="hidden" name="next" value="${next}">
${textInput(ctx, { id: 'email', label: 'Email', type: 'email', autocomplete: 'username', spellcheck: false, value: email, error: errors.find((e) => e.field === 'email')?.message })}
${textInput(ctx, { id: 'password', label: 'Password', type: 'password', autocomplete: 'current-password' })}`,
  })}
<p>New account? <a href="${CONSOLE_PATHS.setup}">Set up your account with your set-up token</a>.</p>`,
  };
}

function codeForm(ctx: ConsoleBaseContext, next: string, loginToken: string, errors: readonly FieldError[]): ConsolePage {
  return {
    title: 'Enter your code',
    hasErrors: errors.length > 0,
    status: errors.length > 0 ? 401 : 200,
    main: html`${errorSummary(ctx, errors)}
<p>Step 2 of 2: open your authenticator app and type the current code for this console.</p>
${postForm(ctx, {
    action: CONSOLE_PATHS.signIn,
    submitLabel: 'Sign in',
    body: html`<input type="hidden" name="next" value="${next}"><input type="hidden" name="loginToken" value="${loginToken}">
${codeInput(ctx, errors)}`,
  })}
<p><a href="${CONSOLE_PATHS.signIn}">Start again</a></p>`,
  };
}

const isCode = (e: unknown, ...codes: string[]): e is AppError => e instanceof AppError && codes.includes(e.code);

export const signInPages: ConsolePageModule = (pages) => {
  const { rt } = pages;

  pages.publicGet(CONSOLE_PATHS.signIn, {}, async (ctx) => passwordForm(ctx, nextOf(queryValue(ctx.query, 'next', 500)), '', []));

  pages.publicPost(CONSOLE_PATHS.signIn, { config: LOGIN_RATE }, async (ctx, req, reply) => {
    const next = nextOf(field(req.body, 'next', 500));
    const loginToken = field(req.body, 'loginToken', 200);
    const reqCtx = requestContext(rt, req);
    if (!loginToken) {
      const email = field(req.body, 'email', 320);
      const password = rawField(req.body, 'password');
      if (!email || !password) return passwordForm(ctx, next, email, [{ field: email ? 'password' : 'email', message: email ? 'Enter your password' : 'Enter your email address' }]);
      try {
        const r = await signin.passwordStep(rt, { email, password }, reqCtx);
        return codeForm(ctx, next, r.loginToken, []);
      } catch (e) {
        if (isCode(e, 'login_failed')) return passwordForm(ctx, next, email, [{ field: 'email', message: e.message }]);
        throw e;
      }
    }
    const code = field(req.body, 'code', 20);
    if (!/^[0-9 ]{6,9}$/.test(code)) return codeForm(ctx, next, loginToken, [{ field: 'code', message: 'Enter the 6-digit code from your authenticator app' }]);
    try {
      const s = await signin.codeStep(rt, { loginToken, code }, reqCtx);
      reply.header('set-cookie', staffSetCookie(await appSecret(rt.config), s.token, secureCookies(rt)));
      return reply.redirect(next, 303);
    } catch (e) {
      if (isCode(e, 'code_wrong')) return codeForm(ctx, next, loginToken, [{ field: 'code', message: e.message }]);
      if (isCode(e, 'login_step_expired', 'login_failed')) return passwordForm(ctx, next, '', [{ field: 'email', message: e.message }]);
      throw e;
    }
  });

  pages.post(CONSOLE_PATHS.signOut, {}, async (ctx, _req, reply) => {
    await signin.logout(rt, ctx.staff);
    reply.header('set-cookie', staffClearCookie(secureCookies(rt)));
    return seeOther(reply, ctx, CONSOLE_PATHS.signIn, { kind: 'info', text: 'You are signed out.' });
  });

  // --- set-up ---------------------------------------------------------------------------------

  const tokenForm = (ctx: ConsoleBaseContext, token: string, errors: readonly FieldError[]): ConsolePage => ({
    title: 'Set up your account',
    hasErrors: errors.length > 0,
    status: errors.length > 0 ? 400 : 200,
    main: html`${errorSummary(ctx, errors)}
<p>Your administrator gave you a one-time set-up token. With it you choose your password and connect an authenticator app (such as Google Authenticator, Microsoft Authenticator or 1Password) on your phone.</p>
${postForm(ctx, {
    action: CONSOLE_PATHS.setup,
    submitLabel: 'Continue',
    body: html`<input type="hidden" name="step" value="begin">
${textInput(ctx, { id: 'token', label: 'Set-up token', spellcheck: false, autocomplete: 'off', value: token, error: errors.find((e) => e.field === 'token')?.message })}`,
  })}`,
  });

  const secretForm = async (ctx: ConsoleBaseContext, token: string, start: signin.SetupStart, errors: readonly FieldError[]): Promise<ConsolePage> => ({
    title: 'Set up your account',
    hasErrors: errors.length > 0,
    status: errors.length > 0 ? 400 : 200,
    main: html`${errorSummary(ctx, errors)}
<p>Account: <strong>${start.name}</strong> (${start.email})</p>
<h2>1. Connect your authenticator app</h2>
<p>In your authenticator app, add an account and scan this code:</p>
${await qrCode(start.otpauthUri)}
<p>Or type this key in the app:</p>
<p class="bl-console-secret" id="totp-secret">${start.totpSecret.replace(/(.{4})/g, '$1 ').trim()}</p>
<p>Link for the app: <a class="bl-console-secret" href="${start.otpauthUri}">${start.otpauthUri}</a></p>
<h2>2. Choose a password and confirm with a code</h2>
${postForm(ctx, {
    action: CONSOLE_PATHS.setup,
    submitLabel: 'Finish set-up',
    body: html`<input type="hidden" name="step" value="complete"><input type="hidden" name="token" value="${token}">
${textInput(ctx, { id: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', hint: 'At least 12 characters; not your email. A few words make a strong password.', error: errors.find((e) => e.field === 'password')?.message })}
${codeInput(ctx, errors)}`,
  })}`,
  });

  pages.publicGet(CONSOLE_PATHS.setup, {}, async (ctx) => tokenForm(ctx, queryValue(ctx.query, 'token', 200), []));

  pages.publicPost(CONSOLE_PATHS.setup, { config: LOGIN_RATE }, async (ctx, req, reply) => {
    const token = field(req.body, 'token', 200);
    const reqCtx = requestContext(rt, req);
    if (token.length < 20) return tokenForm(ctx, token, [{ field: 'token', message: 'Enter the set-up token your administrator gave you' }]);
    let start: signin.SetupStart;
    try {
      start = await signin.beginSetup(rt, token, reqCtx);
    } catch (e) {
      if (isCode(e, 'setup_token_invalid')) return tokenForm(ctx, token, [{ field: 'token', message: e.message }]);
      throw e;
    }
    if (field(req.body, 'step') !== 'complete') return secretForm(ctx, token, start, []);
    const password = rawField(req.body, 'password');
    const code = field(req.body, 'code', 20);
    const errors: FieldError[] = [];
    if (!password) errors.push({ field: 'password', message: 'Choose a password' });
    if (!/^[0-9 ]{6,9}$/.test(code)) errors.push({ field: 'code', message: 'Enter the 6-digit code from your authenticator app' });
    if (errors.length > 0) return secretForm(ctx, token, start, errors);
    try {
      await signin.completeSetup(rt, { token, password, code }, reqCtx);
    } catch (e) {
      if (isCode(e, 'password_policy')) return secretForm(ctx, token, start, [{ field: 'password', message: `${e.message}.` }]);
      if (isCode(e, 'code_wrong')) return secretForm(ctx, token, start, [{ field: 'code', message: e.message }]);
      throw e;
    }
    return seeOther(reply, ctx, CONSOLE_PATHS.signIn, 'Your account is set up. Sign in with your email, password and a new code.');
  });

  // --- own account -------------------------------------------------------------------------------

  const accountPage = async (ctx: ConsoleBaseContext, errors: readonly FieldError[], totp?: { totpSecret: string; otpauthUri: string }): Promise<ConsolePage> => ({
    title: 'Your account',
    hasErrors: errors.length > 0,
    status: errors.length > 0 ? 400 : 200,
    main: html`${errorSummary(ctx, errors)}
<dl><dt class="text-bold">Email</dt><dd>${ctx.staff?.email}</dd></dl>
<h2>Your name</h2>
${postForm(ctx, {
    action: `${CONSOLE_PATHS.account}/name`,
    submitLabel: 'Save name',
    secondary: true,
    body: textInput(ctx, { id: 'name', label: 'Name', autocomplete: 'name', value: ctx.staff?.name ?? '', error: errors.find((e) => e.field === 'name')?.message }),
  })}
<h2>Change your password</h2>
<p>Your other sessions end when you change it.</p>
${postForm(ctx, {
    action: `${CONSOLE_PATHS.account}/password`,
    submitLabel: 'Change password',
    body: html`${textInput(ctx, { id: 'currentPassword', label: 'Current password', type: 'password', autocomplete: 'current-password', error: errors.find((e) => e.field === 'currentPassword')?.message })}
${textInput(ctx, { id: 'newPassword', label: 'New password', type: 'password', autocomplete: 'new-password', hint: 'At least 12 characters; not your email.', error: errors.find((e) => e.field === 'newPassword')?.message })}`,
  })}
<h2>Move your authenticator app to a new phone</h2>
${totp ? html`<p>Scan this code (or type the key below) with the app on the new phone, then type a code from it. Until you do, your old app keeps working.</p>
${await qrCode(totp.otpauthUri)}
<p class="bl-console-secret" id="totp-secret">${totp.totpSecret.replace(/(.{4})/g, '$1 ').trim()}</p>
<p>Link for the app: <a class="bl-console-secret" href="${totp.otpauthUri}">${totp.otpauthUri}</a></p>
${postForm(ctx, { action: `${CONSOLE_PATHS.account}/totp/confirm`, submitLabel: 'Confirm new authenticator', body: codeInput(ctx, errors, 'Code from the new app') })}`
    : postForm(ctx, {
      action: `${CONSOLE_PATHS.account}/totp`,
      submitLabel: 'Get a new key',
      secondary: true,
      body: textInput(ctx, { id: 'totpPassword', name: 'currentPassword', label: 'Current password', type: 'password', autocomplete: 'current-password', error: errors.find((e) => e.field === 'totpPassword')?.message }),
    })}`,
  });

  pages.get(CONSOLE_PATHS.account, {}, async (ctx) => accountPage(ctx, []));

  pages.post(`${CONSOLE_PATHS.account}/name`, {}, async (ctx, req, reply) => {
    try {
      // Staff may rename themselves; role and counties stay another administrator's call.
      await updateStaffUser(rt, ctx.staff, ctx.staff.id, { name: field(req.body, 'name', 400) });
    } catch (e) {
      if (isCode(e, 'invalid_name')) return accountPage(ctx, [{ field: 'name', message: 'Enter your name (1 to 200 characters)' }]);
      throw e;
    }
    return seeOther(reply, ctx, CONSOLE_PATHS.account, 'Your name is saved.');
  });

  pages.post(`${CONSOLE_PATHS.account}/password`, { config: LOGIN_RATE }, async (ctx, req, reply) => {
    try {
      await signin.changeOwnPassword(rt, ctx.staff, { currentPassword: rawField(req.body, 'currentPassword'), newPassword: rawField(req.body, 'newPassword') });
    } catch (e) {
      if (isCode(e, 'password_policy')) return accountPage(ctx, [{ field: 'newPassword', message: `${e.message}.` }]);
      if (isCode(e, 'password_wrong', 'login_failed')) return accountPage(ctx, [{ field: 'currentPassword', message: e.code === 'password_wrong' ? 'Your current password is not right' : e.message }]);
      throw e;
    }
    return seeOther(reply, ctx, CONSOLE_PATHS.account, 'Your password is changed.');
  });

  pages.post(`${CONSOLE_PATHS.account}/totp`, { config: LOGIN_RATE }, async (ctx, req) => {
    try {
      return accountPage(ctx, [], await signin.beginOwnTotpChange(rt, ctx.staff, { currentPassword: rawField(req.body, 'currentPassword') }));
    } catch (e) {
      if (isCode(e, 'password_wrong', 'login_failed')) return accountPage(ctx, [{ field: 'totpPassword', message: e.code === 'password_wrong' ? 'Your current password is not right' : e.message }]);
      throw e;
    }
  });

  pages.post(`${CONSOLE_PATHS.account}/totp/confirm`, { config: LOGIN_RATE }, async (ctx, req, reply): Promise<ConsolePage | FastifyReply> => {
    const code = field(req.body, 'code', 20);
    try {
      await signin.confirmOwnTotpChange(rt, ctx.staff, { code });
    } catch (e) {
      if (isCode(e, 'code_wrong')) return accountPage(ctx, [{ field: 'code', message: `${e.message} Start again if the new key is no longer shown.` }]);
      throw e;
    }
    return seeOther(reply, ctx, CONSOLE_PATHS.account, 'Your new authenticator app is active.');
  });
};
