/**
 * Message templates: the list of every message kind × language × form, and the editor of
 * one (the state's wording, or a county's override) with a preview on sample data, the SMS
 * encoding and segment count, refusal of unknown or missing variables on save, and the
 * history of changes. Rules in ../templates.service.ts. Without JavaScript the "Preview"
 * button re-renders the page; `templates.preview.js` previews as one types.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../../errors.ts';
import { html, type SafeHtml } from '../../web/html.ts';
import { CHANNELS, LANGUAGES, MESSAGE_KINDS, isLanguage, type Language } from '../../persisted.ts';
import { countyScope, hasPermission } from '../roles.ts';
import {
  assertCanEdit, isChannel, isMessageKind, listTemplates, parseSlot, previewTemplate, removeTemplate, saveTemplate, slotText, templateHistory,
  PLAIN_SAMPLE_NAME, type PreviewResult, type TemplateSlot,
} from '../templates.service.ts';
import type { SmsSegments } from '../../notifications/render.ts';
import { csrfField, seeOther, type ConsolePage, type ConsolePageContext, type ConsolePageModule } from './frame.ts';
import { queryValue, rawField, selectInput } from './forms.ts';

const PREVIEW_SCRIPT = readFileSync(new URL('./templates.preview.js', import.meta.url), 'utf8');

export const TEMPLATE_PATHS = {
  list: '/console/templates',
  script: '/console/assets/templates.preview.js',
  edit: (s: Pick<TemplateSlot, 'kind' | 'language' | 'form' | 'countyCode'>): string =>
    `/console/templates/${s.kind}/${s.language}/${s.form}${s.countyCode ? `?county=${encodeURIComponent(s.countyCode)}` : ''}`,
  preview: (s: Pick<TemplateSlot, 'kind' | 'language' | 'form' | 'countyCode'>): string =>
    `/console/templates/${s.kind}/${s.language}/${s.form}/preview${s.countyCode ? `?county=${encodeURIComponent(s.countyCode)}` : ''}`,
  remove: (s: Pick<TemplateSlot, 'kind' | 'language' | 'form'>): string => `/console/templates/${s.kind}/${s.language}/${s.form}/remove`,
} as const;

const FORM_LABELS: Readonly<Record<string, string>> = { sms: 'Text message (SMS)', emailSubject: 'Email subject', emailText: 'Email body', voice: 'Voice call script' };
const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English', es: 'Spanish', 'zh-Hant': 'Chinese (Traditional)', hi: 'Hindi', ja: 'Japanese', km: 'Khmer', ko: 'Korean', tl: 'Tagalog', th: 'Thai', vi: 'Vietnamese',
};
const when = (d: Date): string => d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';

/** The county a member edits by default: the state's wording for a state admin, its first county otherwise. */
function countyOf(ctx: ConsolePageContext, requested: string): string | null {
  if (requested !== '') return requested;
  const scope = countyScope(ctx.staff);
  return scope === null ? null : scope[0] ?? null;
}

async function listPage(ctx: ConsolePageContext): Promise<ConsolePage> {
  const kind = queryValue(ctx.query, 'kind');
  const language = queryValue(ctx.query, 'language');
  const channel = queryValue(ctx.query, 'channel');
  const county = countyOf(ctx, queryValue(ctx.query, 'county'));
  if (county !== null) assertCanEdit(ctx.staff, county);
  const scope = countyScope(ctx.staff);
  const rows = await listTemplates(ctx.rt.db.pool, scope, {
    ...(isMessageKind(kind) ? { kind } : {}), ...(isLanguage(language) ? { language } : {}), ...(isChannel(channel) ? { channel } : {}),
  });
  const counties = ctx.rt.profile.counties.filter((c) => scope === null || scope.includes(c.code));
  const opt = (value: string, label: string, current: string): { value: string; label: string; selected: boolean } => ({ value, label, selected: value === current });
  return {
    title: 'Message templates',
    nav: 'templates',
    main: html`<p>Every message a voter can receive, in every language and form. ${county === null ? 'You are editing the state\'s wording, which every county uses unless it has its own.' : html`You are editing the wording of county <strong>${county}</strong>; where it has none, the state's wording applies.`}</p>
<form class="usa-form bl-console-filters" method="get" action="${TEMPLATE_PATHS.list}">
${selectInput(ctx, { id: 'county', label: 'Whose wording', options: [...(hasPermission(ctx.staff, 'templates.manage') ? [opt('', 'The state\'s', county ?? '')] : []), ...counties.map((c) => opt(c.code, `${c.name} (${c.code})`, county ?? ''))] })}
${selectInput(ctx, { id: 'kind', label: 'Message', options: [opt('', 'All messages', kind), ...MESSAGE_KINDS.map((k) => opt(k, k, kind))] })}
${selectInput(ctx, { id: 'language', label: 'Language', options: [opt('', 'All languages', language), ...LANGUAGES.map((l) => opt(l, LANGUAGE_NAMES[l], language))] })}
${selectInput(ctx, { id: 'channel', label: 'Channel', options: [opt('', 'All channels', channel), ...CHANNELS.map((c) => opt(c, c, channel))] })}
<button class="usa-button usa-button--outline" type="submit">Show</button>
</form>
<table class="usa-table usa-table--striped bl-console-table">
<caption class="usa-sr-only">Templates: message, language, form and the wording in force</caption>
<thead><tr><th scope="col">Message</th><th scope="col">Language</th><th scope="col">Form</th><th scope="col">State wording</th><th scope="col">County wording</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row"><a class="usa-link" href="${TEMPLATE_PATHS.edit({ ...r, countyCode: county })}">${r.kind}<span class="usa-sr-only">, ${LANGUAGE_NAMES[r.language]}, ${FORM_LABELS[r.form]}</span></a></th>
<td lang="en">${LANGUAGE_NAMES[r.language]}</td><td>${FORM_LABELS[r.form]}</td>
<td>${r.stateOverride ? `edited by ${r.stateOverride.updatedBy ?? '–'}, ${when(r.stateOverride.updatedAt)}` : 'default'}</td>
<td>${r.countyOverrides.length === 0 ? '–' : r.countyOverrides.join(', ')}</td></tr>`)}</tbody>
</table>`,
  };
}

function previewBlock(slot: TemplateSlot, p: PreviewResult): SafeHtml {
  return html`<section aria-labelledby="preview-heading" id="preview" data-preview-url="${TEMPLATE_PATHS.preview(slot)}">
<h2 id="preview-heading">Preview on sample data</h2>
<div id="preview-errors">${p.errors.length > 0 ? html`<div class="usa-alert usa-alert--error usa-alert--slim"><div class="usa-alert__body"><p class="usa-alert__text">This text cannot be saved:</p><ul>${p.errors.map((e) => html`<li>${e}</li>`)}</ul></div></div>` : ''}</div>
<div class="bl-template-preview border-1px border-base-lighter padding-2 radius-md" id="preview-text" lang="${slot.language}">${p.text ?? ''}</div>
${slot.form === 'sms' ? html`<p id="sms-size" aria-live="polite" aria-atomic="true">${smsLine(p)}</p>` : ''}
</section>`;
}

const size = (s: SmsSegments): string => `${s.segments} segment${s.segments === 1 ? '' : 's'}, ${s.encoding} encoding, ${s.characters} characters`;

/** The SMS size in words: with the accented sample name (as shown) and with the name written plainly. */
export function smsLine(p: Pick<PreviewResult, 'sms' | 'smsPlain'>): string {
  if (!p.sms || !p.smsPlain) return 'SMS size: not known until the text renders.';
  return `SMS size: ${size(p.smsPlain)} with a name without accents (${PLAIN_SAMPLE_NAME}); ${size(p.sms)} with the accented sample name.`;
}

async function editorPage(ctx: ConsolePageContext, slot: TemplateSlot, draft?: string, saveErrors?: string[]): Promise<ConsolePage> {
  assertCanEdit(ctx.staff, slot.countyCode);
  const db = ctx.rt.db.pool;
  const current = await slotText(db, slot);
  const text = draft ?? current.template;
  const p = previewTemplate(slot, text);
  const history = await templateHistory(db, slot);
  const errors = saveErrors ?? [];
  const whose = slot.countyCode === null ? 'state wording' : `county ${slot.countyCode}`;
  return {
    title: `${slot.kind} · ${LANGUAGE_NAMES[slot.language]} · ${FORM_LABELS[slot.form]} (${whose})`,
    nav: 'templates',
    hasErrors: errors.length > 0,
    status: errors.length > 0 ? 422 : 200,
    breadcrumbs: [[`${TEMPLATE_PATHS.list}${slot.countyCode ? `?county=${encodeURIComponent(slot.countyCode)}` : ''}`, 'Message templates']],
    main: html`${errors.length > 0 ? html`<div class="usa-alert usa-alert--error" role="alert"><div class="usa-alert__body"><h2 class="usa-alert__heading">The template was not saved</h2><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul></div></div>` : ''}
<p>In force now: <strong>${current.source === 'default' ? 'the default text' : current.source === 'state' ? 'the state\'s wording' : 'this county\'s wording'}</strong>${current.override ? `, last changed by ${current.override.updatedBy ?? '–'} at ${when(current.override.updatedAt)}` : ''}.</p>
<p>Variables this text may use: ${p.variables.allowed.map((v, i) => html`${i > 0 ? ', ' : ''}<code>{${v}}</code>`)}. Required: ${p.variables.required.length === 0 ? 'none' : p.variables.required.map((v, i) => html`${i > 0 ? ', ' : ''}<code>{${v}}</code>`)}.</p>
<form class="usa-form usa-form--large maxw-full" method="post" action="${TEMPLATE_PATHS.edit(slot)}" id="template-form">
${csrfField(ctx)}
<label class="usa-label" for="template">Text (ICU message format)</label>
<span class="usa-hint" id="template-hint">Write variables as {name}; switches as {hasReason, select, yes {…} other {…}}.</span>
<textarea class="usa-textarea maxw-full" id="template" name="template" rows="${slot.form === 'emailText' || slot.form === 'voice' ? 12 : 5}" lang="${slot.language}" spellcheck="false" aria-describedby="template-hint">${text}</textarea>
<button class="usa-button usa-button--outline" type="submit" name="action" value="preview">Preview</button>
<button class="usa-button" type="submit" name="action" value="save">Save</button>
</form>
${previewBlock(slot, p)}
${current.override ? html`<form method="post" action="${TEMPLATE_PATHS.remove(slot)}${slot.countyCode ? `?county=${encodeURIComponent(slot.countyCode)}` : ''}" class="margin-top-2">${csrfField(ctx)}<button class="usa-button usa-button--secondary" type="submit">Remove this wording (${slot.countyCode === null ? 'the default text' : 'the state\'s wording'} applies again)</button></form>` : ''}
<h2>History</h2>
${history.length === 0 ? html`<p>No change yet.</p>` : html`<table class="usa-table bl-console-table"><caption>Changes, newest first</caption>
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
<tbody>${history.map((h) => html`<tr><th scope="row">${when(h.changedAt)}</th><td>${h.changedBy}</td><td lang="${slot.language}">${h.before ?? html`<em lang="en">(${slot.countyCode === null ? 'default text' : 'state wording'})</em>`}</td><td lang="${slot.language}">${h.after ?? html`<em lang="en">(removed)</em>`}</td></tr>`)}</tbody></table>`}
<script src="${TEMPLATE_PATHS.script}" defer></script>`,
  };
}

function slotOf(params: unknown, query: unknown): TemplateSlot {
  const p = params as { kind?: string; language?: string; form?: string };
  const county = (query as { county?: unknown }).county;
  return parseSlot({ kind: p.kind, language: p.language, form: p.form, county: typeof county === 'string' ? county : undefined });
}

const EDITORS = { anyOf: ['templates.manage', 'templates.override'] } as const;

export const templatesPages: ConsolePageModule = (pages) => {
  pages.nav({ id: 'templates', href: TEMPLATE_PATHS.list, label: 'Message templates', description: 'The wording of every message, in every language, with a preview and its history.', anyOf: ['templates.manage', 'templates.override'], order: 60 });
  pages.app.get(TEMPLATE_PATHS.script, async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(PREVIEW_SCRIPT));

  pages.get(TEMPLATE_PATHS.list, EDITORS, async (ctx) => listPage(ctx));
  pages.get('/console/templates/:kind/:language/:form', EDITORS, async (ctx, req) => editorPage(ctx, slotOf(req.params, req.query)));
  pages.post('/console/templates/:kind/:language/:form', EDITORS, async (ctx, req, reply) => {
    const slot = slotOf(req.params, req.query);
    assertCanEdit(ctx.staff, slot.countyCode);
    const template = rawField(req.body, 'template', 8000);
    if (rawField(req.body, 'action') !== 'save') return editorPage(ctx, slot, template);
    try {
      const r = await saveTemplate(ctx.rt.db, ctx.staff, slot, template);
      return seeOther(reply, ctx, TEMPLATE_PATHS.edit(slot), r.changed ? 'Saved: new messages use this text.' : 'Nothing changed: this text was already in force.');
    } catch (err) {
      if (err instanceof AppError && err.code === 'template_invalid') return editorPage(ctx, slot, template, (err.details?.errors as string[] | undefined) ?? [err.message]);
      throw err;
    }
  });
  pages.post('/console/templates/:kind/:language/:form/preview', EDITORS, async (ctx, req, reply) => {
    const slot = slotOf(req.params, req.query);
    assertCanEdit(ctx.staff, slot.countyCode);
    const p = previewTemplate(slot, rawField(req.body, 'template', 8000));
    return reply.type('application/json; charset=utf-8').send({ ...p, smsLine: slot.form === 'sms' ? smsLine(p) : null });
  });
  pages.post('/console/templates/:kind/:language/:form/remove', EDITORS, async (ctx, req, reply) => {
    const slot = slotOf(req.params, req.query);
    const r = await removeTemplate(ctx.rt.db, ctx.staff, slot);
    return seeOther(reply, ctx, TEMPLATE_PATHS.edit(slot), r.changed ? 'Removed: the inherited text applies again.' : 'There was nothing to remove.');
  });
};
