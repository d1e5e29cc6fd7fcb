import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from './context.ts';
import { PORTAL_PATHS } from './paths.ts';

/** What the service does and does not do, and the way in (DESIGN §1, §2.1–2.2). */
export function homePage(ctx: PageContext): SafeHtml {
  const { t, th } = ctx;
  const list = (items: readonly SafeHtml[] | readonly string[]): SafeHtml => html`<ul class="usa-list">
${items.map((item) => html`<li>${item}</li>
`)}</ul>`;
  return html`<div class="usa-prose">
<h1>${t('home.title')}</h1>
<p class="usa-intro">${t('home.lead')}</p>
<div class="bl-lead-actions">
<a class="usa-button usa-button--big" href="${PORTAL_PATHS.signUp}">${t('home.signUp')}</a>
<p class="margin-0">${th('home.logIn', { link: (text) => html`<a href="${PORTAL_PATHS.logIn}">${text}</a>` })}</p>
</div>
<section class="bl-section">
<h2 id="what-you-get">${t('home.getTitle')}</h2>
${list([t('home.getChannels'), t('home.getLanguages'), t('home.getHours'), t('home.getOnce'), t('home.getFree')])}
</section>
<section class="bl-section">
<h2 id="what-it-does-not-do">${t('home.notTitle')}</h2>
${list([t('home.notVote'), t('home.notRegistration'), t('home.notRequired')])}
</section>
<section class="bl-section">
<h2 id="what-you-need">${t('home.needTitle')}</h2>
<p>${t('home.needBody')}</p>
<p>${th('home.needHelp', { link: (text) => html`<a href="${PORTAL_PATHS.help}">${text}</a>` })}</p>
</section>
<section class="bl-section">
<h2 id="stop">${t('home.stopTitle')}</h2>
<p>${t('home.stopBody')}</p>
</section>
</div>`;
}
