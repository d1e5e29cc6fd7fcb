import { html, type SafeHtml } from '../html.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { PageContext } from './context.ts';

const SECTIONS: readonly { id: string; title: MessageKey; body: readonly MessageKey[] }[] = [
  { id: 'collect', title: 'privacy.collectTitle', body: ['privacy.collectMatch', 'privacy.collectContact', 'privacy.collectNot'] },
  { id: 'use', title: 'privacy.useTitle', body: ['privacy.useBody'] },
  { id: 'vote', title: 'privacy.voteTitle', body: ['privacy.voteBody'] },
  { id: 'confidential', title: 'privacy.confidentialTitle', body: ['privacy.confidentialBody'] },
  { id: 'opt-out', title: 'privacy.optOutTitle', body: ['privacy.optOutBody'] },
  { id: 'cookies', title: 'privacy.cookiesTitle', body: ['privacy.cookiesBody'] },
  { id: 'security', title: 'privacy.securityTitle', body: ['privacy.securityBody'] },
];

/** What data, why, never sold, confidential voters, opting out (reference FAQs). */
export function privacyPage(ctx: PageContext): SafeHtml {
  const { t } = ctx;
  return html`<div class="usa-prose">
<h1>${t('privacy.title')}</h1>
<p class="usa-intro">${t('privacy.lead')}</p>
${SECTIONS.map((s) => html`<section class="bl-section">
<h2 id="${s.id}">${t(s.title)}</h2>
${s.body.map((key) => html`<p>${t(key)}</p>
`)}</section>
`)}</div>`;
}
