import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { html, type SafeHtml } from '../html.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { PageContext } from './context.ts';
import { telHref } from './paths.ts';

/** A number as voters read it: E.164 (+19162499883) becomes national ((916) 249-9883); short codes stay. */
export function displayNumber(value: string): string {
  if (!/^\+\d{8,15}$/.test(value)) return value;
  return parsePhoneNumberFromString(value)?.formatNational() ?? value;
}

interface Question { id: string; title: MessageKey; body: (ctx: PageContext) => SafeHtml }

const countyLink = (ctx: PageContext) => (text: SafeHtml): SafeHtml => html`<a href="${ctx.profile.helpDesk.countyOfficesUrl}">${text}</a>`;
const para = (...parts: readonly SafeHtml[]): SafeHtml => html`${parts.map((p) => html`<p>${p}</p>
`)}`;

/** The common sign-up problems of the reference FAQs, each with its fix. */
const QUESTIONS: readonly Question[] = [
  { id: 'no-match', title: 'help.noMatchTitle', body: (ctx) => para(
    ctx.th('help.noMatchBody'),
    ctx.th('help.noMatchNickname'),
    ctx.th('help.noMatchCheck', { link: (text) => html`<a href="${ctx.profile.helpDesk.voterStatusUrl}">${text}</a>` })) },
  { id: 'recently-registered', title: 'help.recentTitle', body: (ctx) => para(ctx.th('help.recentBody')) },
  { id: 'overseas', title: 'help.overseasTitle', body: (ctx) => para(ctx.th('help.overseasBody', { state: ctx.profile.stateName })) },
  { id: 'date-of-birth', title: 'help.dobTitle', body: (ctx) => para(ctx.th('help.dobBody')) },
  { id: 'voter-id', title: 'help.voterIdTitle', body: (ctx) => para(ctx.th('help.voterIdBody', {
    voterIdPhone: html`<a href="${telHref(ctx.profile.helpDesk.voterIdPhone)}">${ctx.profile.helpDesk.voterIdPhone}</a>`,
    link: countyLink(ctx) })) },
  { id: 'inactive', title: 'help.inactiveTitle', body: (ctx) => para(ctx.th('help.inactiveBody', { link: countyLink(ctx) })) },
  { id: 'nothing-happens', title: 'help.nothingTitle', body: (ctx) => para(ctx.th('help.nothingBody')) },
  { id: 'no-confirmation', title: 'help.confirmTitle', body: (ctx) => para(ctx.th('help.confirmBody')) },
  { id: 'senders', title: 'help.sendersTitle', body: (ctx) => {
    const s = ctx.config.senders;
    return html`<p>${ctx.t('help.sendersIntro')}</p>
<ul class="usa-list">
<li>${ctx.th('help.sendersEmail', { address: html`<strong>${s.email}</strong>` })}</li>
<li>${ctx.th('help.sendersSms', { number: html`<strong>${displayNumber(s.sms)}</strong>` })}</li>
<li>${ctx.th('help.sendersVoice', { number: html`<strong>${displayNumber(s.voice)}</strong>` })}</li>
</ul>`;
  } },
  { id: 'shared', title: 'help.sharedTitle', body: (ctx) => para(ctx.th('help.sharedBody')) },
  { id: 'blind-low-vision', title: 'help.blindTitle', body: (ctx) => para(ctx.th('help.blindBody')) },
  { id: 'stop', title: 'help.stopTitle', body: (ctx) => para(ctx.th('help.stopBody')) },
  { id: 'contact', title: 'help.contactTitle', body: (ctx) => {
    const desk = ctx.profile.helpDesk;
    return para(
      ctx.th('help.contactCounty', { link: countyLink(ctx) }),
      ctx.th('help.contactHelpDesk', {
        helpDeskName: desk.name,
        phone: html`<a href="${telHref(desk.phone)}">${desk.phone}</a>`,
        email: html`<a href="mailto:${desk.email}">${desk.email}</a>`,
      }));
  } },
];

/** Help with signing up: a list of the questions, then each question with its answer. */
export function helpPage(ctx: PageContext): SafeHtml {
  const { t } = ctx;
  return html`<div class="usa-prose">
<h1>${t('help.title')}</h1>
<p class="usa-intro">${t('help.lead')}</p>
<nav class="bl-toc" aria-labelledby="on-this-page">
<h2 id="on-this-page" class="font-heading-md">${t('help.onThisPage')}</h2>
<ul class="usa-list">
${QUESTIONS.map((q) => html`<li><a href="#${q.id}">${t(q.title)}</a></li>
`)}</ul>
</nav>
${QUESTIONS.map((q) => html`<section class="bl-section">
<h2 id="${q.id}">${t(q.title)}</h2>
${q.body(ctx)}
</section>
`)}</div>`;
}
