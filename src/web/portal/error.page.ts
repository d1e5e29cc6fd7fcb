import { html, type SafeHtml } from '../html.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { PageContext } from './context.ts';
import { PORTAL_PATHS } from './paths.ts';

export type ErrorPageKind = 'notFound' | 'server' | 'expired' | 'tooMany' | 'badRequest';

const TEXTS: Readonly<Record<ErrorPageKind, { title: MessageKey; body: MessageKey }>> = {
  notFound: { title: 'error.notFoundTitle', body: 'error.notFoundBody' },
  server: { title: 'error.serverTitle', body: 'error.serverBody' },
  expired: { title: 'error.expiredTitle', body: 'error.expiredBody' },
  tooMany: { title: 'error.tooManyTitle', body: 'error.tooManyBody' },
  badRequest: { title: 'error.badRequestTitle', body: 'error.badRequestBody' },
};

export const errorPageTitle = (ctx: PageContext, kind: ErrorPageKind): string => ctx.t(TEXTS[kind].title);

/**
 * A page for a problem, in the reader's language, with the way back home. `detail`: the
 * message of a domain error (AppError.messageKey) when the catalog has it, shown instead
 * of the general text.
 */
export function errorPage(ctx: PageContext, kind: ErrorPageKind, detail: MessageKey | null = null): SafeHtml {
  const { t, th } = ctx;
  const homeLink = (text: SafeHtml): SafeHtml => html`<a href="${PORTAL_PATHS.home}">${text}</a>`;
  return html`<div class="usa-prose">
<h1>${t(TEXTS[kind].title)}</h1>
<p class="usa-intro">${th(detail ?? TEXTS[kind].body, { link: homeLink })}</p>
${kind === 'notFound' ? '' : html`<p><a class="usa-button" href="${PORTAL_PATHS.home}">${t('error.home')}</a></p>`}
</div>`;
}
