/**
 * The outbox viewer: what the built-in outbox provider "sent", each entry shown as the voter
 * would see or hear it (the text message, the email's subject and body, the voice script),
 * filterable by voter, message kind, language and channel, limited to the member's counties.
 * For demonstrations and training; rules in ../outbox.service.ts.
 */
import { html, type SafeHtml } from '../../web/html.ts';
import { CHANNELS, LANGUAGES, MESSAGE_KINDS, isLanguage } from '../../persisted.ts';
import { isChannel, isMessageKind } from '../templates.service.ts';
import { outboxFor, type OutboxView } from '../outbox.service.ts';
import type { ConsolePage, ConsolePageContext, ConsolePageModule } from './frame.ts';
import { queryValue, selectInput, textInput } from './forms.ts';

export const OUTBOX_PATH = '/console/outbox';

const when = (d: Date): string => d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
const CHANNEL_LABELS: Readonly<Record<string, string>> = { sms: 'Text message', email: 'Email', voice: 'Voice call' };

export function entryView(e: OutboxView): SafeHtml {
  const content = e.channel === 'email'
    ? html`<p class="margin-y-1"><strong>Subject:</strong> <span lang="${e.language}">${e.subject ?? ''}</span></p><div class="bl-outbox-body" lang="${e.language}">${paragraphs(e.body)}</div>`
    : e.channel === 'voice'
      ? html`<p class="margin-y-1"><strong>Spoken:</strong></p><blockquote class="margin-left-2" lang="${e.language}">${paragraphs(e.body)}</blockquote>`
      : html`<div class="bg-base-lightest padding-2 radius-lg maxw-mobile-lg" lang="${e.language}">${paragraphs(e.body)}</div>`;
  return html`<li class="border-bottom-1px border-base-lighter padding-y-2">
<h2 class="font-heading-sm margin-y-1">${CHANNEL_LABELS[e.channel] ?? e.channel}: ${e.kind} (${e.language}) to ${e.address}</h2>
<p class="margin-y-1 text-base-dark">Voter ${e.voterId ?? '–'}${e.countyCode ? `, county ${e.countyCode}` : ''} · message #${e.messageId} · ${when(e.createdAt)}</p>
${content}
</li>`;
}

/** Text with its line breaks: blank lines make paragraphs. */
function paragraphs(text: string): SafeHtml {
  return html`${text.split(/\n\s*\n/).map((p) => html`<p class="margin-y-1">${p.split('\n').map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p>`)}`;
}

async function outboxPage(ctx: ConsolePageContext): Promise<ConsolePage> {
  const voterId = queryValue(ctx.query, 'voter', 64);
  const kind = queryValue(ctx.query, 'kind');
  const language = queryValue(ctx.query, 'language');
  const channel = queryValue(ctx.query, 'channel');
  const before = queryValue(ctx.query, 'before');
  const entries = await outboxFor(ctx.rt.db.pool, ctx.staff, {
    ...(voterId ? { voterId } : {}), ...(isMessageKind(kind) ? { kind } : {}), ...(isLanguage(language) ? { language } : {}),
    ...(isChannel(channel) ? { channel } : {}), ...(/^\d{1,15}$/.test(before) ? { beforeId: Number(before) } : {}), limit: 50,
  });
  const opt = (value: string, label: string, current: string): { value: string; label: string; selected: boolean } => ({ value, label, selected: value === current });
  const next = entries.length === 50 ? `${OUTBOX_PATH}?${new URLSearchParams({ voter: voterId, kind, language, channel, before: String(entries.at(-1)!.id) }).toString()}` : null;
  return {
    title: 'Outbox',
    nav: 'outbox',
    main: html`<p>What the built-in outbox provider holds instead of sending: each message as the voter would see or hear it. Newest first.</p>
<form class="usa-form bl-console-filters" method="get" action="${OUTBOX_PATH}">
${textInput(ctx, { id: 'voter', label: 'Voter ID', value: voterId, width: 'md', spellcheck: false })}
${selectInput(ctx, { id: 'kind', label: 'Message', options: [opt('', 'All messages', kind), ...MESSAGE_KINDS.map((k) => opt(k, k, kind))] })}
${selectInput(ctx, { id: 'language', label: 'Language', options: [opt('', 'All languages', language), ...LANGUAGES.map((l) => opt(l, l, language))] })}
${selectInput(ctx, { id: 'channel', label: 'Channel', options: [opt('', 'All channels', channel), ...CHANNELS.map((c) => opt(c, CHANNEL_LABELS[c] ?? c, channel))] })}
<button class="usa-button usa-button--outline" type="submit">Show</button>
</form>
${entries.length === 0 ? html`<p>No message matches.</p>` : html`<ul class="usa-list usa-list--unstyled">${entries.map(entryView)}</ul>`}
${next ? html`<p><a class="usa-link" href="${next}">Older messages</a></p>` : ''}`,
  };
}

export const outboxPages: ConsolePageModule = (pages) => {
  pages.nav({ id: 'outbox', href: OUTBOX_PATH, label: 'Outbox', description: 'Messages held by the built-in outbox provider, as voters would see them (demonstrations and training).', anyOf: ['messages.view'], order: 70 });
  pages.get(OUTBOX_PATH, { anyOf: ['messages.view'] }, async (ctx) => outboxPage(ctx));
};
