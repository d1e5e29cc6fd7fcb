/**
 * Message wording in the console (docs/console.md "Message templates"): the list of every
 * kind × language × form with what is in force (default, state wording, county wording), the
 * editor's preview on sample data with the SMS size, saving with validation, and the history
 * of every change (table template_override_history, written in the same transaction).
 *
 * Who: the state's own wording needs `templates.manage` (a state admin); a county's wording
 * needs `templates.override` and the county in the member's scope. Checks are made here, so
 * that every caller gets them.
 */
import type { Queryable, Database } from '../db/pool.ts';
import { AppError } from '../errors.ts';
import { CHANNELS, LANGUAGES, MESSAGE_KINDS, isLanguage, type Channel, type Language, type MessageKind } from '../persisted.ts';
import { render, smsSegments, validateTemplate, type SmsSegments } from '../notifications/render.ts';
import { CHANNEL_FORMS, TEMPLATE_FORMS, allowedVariables, defaultTemplates, requiredVariables, sampleVariables, type TemplateForm } from '../notifications/templates/catalog.ts';
import { deleteTemplateOverride, listTemplateOverrides, saveTemplateOverride, type TemplateOverride } from '../notifications/template-overrides.repository.ts';
import { audit, type RequestContext } from './audit.ts';
import { assertPermission, coversCounty, type Staff } from './roles.ts';

export const isMessageKind = (v: unknown): v is MessageKind => (MESSAGE_KINDS as readonly unknown[]).includes(v);
export const isTemplateForm = (v: unknown): v is TemplateForm => (TEMPLATE_FORMS as readonly unknown[]).includes(v);
export const isChannel = (v: unknown): v is Channel => (CHANNELS as readonly unknown[]).includes(v);

/** One template slot: a kind, a language, a form, and whose wording (null county: the state's). */
export interface TemplateSlot {
  kind: MessageKind;
  language: Language;
  form: TemplateForm;
  countyCode: string | null;
}

/** The channel a form is sent on. */
export function channelOfForm(form: TemplateForm): Channel {
  return (Object.entries(CHANNEL_FORMS) as Array<[Channel, readonly TemplateForm[]]>).find(([, forms]) => forms.includes(form))![0];
}

/** Parses and checks the slot named by request parameters; 404 for an unknown kind, language or form. */
export function parseSlot(input: { kind?: unknown; language?: unknown; form?: unknown; county?: unknown }): TemplateSlot {
  if (!isMessageKind(input.kind) || !isLanguage(input.language) || !isTemplateForm(input.form)) throw new AppError(404, 'not_found', 'No such message template');
  const county = typeof input.county === 'string' && input.county.trim() !== '' ? input.county.trim() : null;
  return { kind: input.kind, language: input.language, form: input.form, countyCode: county };
}

/**
 * May `staff` edit this slot's wording? The state's: `templates.manage`. A county's:
 * `templates.override` and the county in scope (404 otherwise: not confirming the county's rows).
 */
export function assertCanEdit(staff: Pick<Staff, 'role' | 'countyCodes'>, countyCode: string | null): void {
  if (countyCode === null) {
    assertPermission(staff, 'templates.manage');
    return;
  }
  assertPermission(staff, 'templates.override');
  if (!coversCounty(staff, countyCode)) throw new AppError(404, 'not_found', 'No such message template');
}

/** What is in force for a slot, and where it comes from. */
export interface SlotText {
  template: string;
  source: 'default' | 'state' | 'county';
  override: TemplateOverride | null;
  /** The text a county override replaces (state wording or default), or the default for a state slot. */
  inherited: string;
}

export async function slotText(db: Queryable, slot: TemplateSlot): Promise<SlotText> {
  const def = defaultTemplates(slot.kind, slot.language)[slot.form];
  const { rows } = await db.query<{ county_code: string | null; template: string; updated_by: string | null; updated_at: Date }>(
    `SELECT county_code, template, updated_by, updated_at FROM template_overrides
     WHERE kind = $1 AND language = $2 AND form = $3 AND (county_code IS NULL OR county_code = $4)`,
    [slot.kind, slot.language, slot.form, slot.countyCode]);
  const state = rows.find((r) => r.county_code === null) ?? null;
  const county = slot.countyCode === null ? null : rows.find((r) => r.county_code === slot.countyCode) ?? null;
  const own = slot.countyCode === null ? state : county;
  const inherited = slot.countyCode === null ? def : state?.template ?? def;
  const override = own ? { countyCode: own.county_code, kind: slot.kind, language: slot.language, form: slot.form, template: own.template, updatedBy: own.updated_by, updatedAt: own.updated_at } : null;
  return { template: own?.template ?? inherited, source: own ? (slot.countyCode === null ? 'state' : 'county') : (slot.countyCode !== null && state ? 'state' : 'default'), override, inherited };
}

/** One row of the template list: a kind × language × form and which wording is in force. */
export interface TemplateListRow {
  kind: MessageKind;
  language: Language;
  form: TemplateForm;
  channel: Channel;
  stateOverride: { updatedBy: string | null; updatedAt: Date } | null;
  /** County overrides of this slot, limited to the viewer's counties. */
  countyOverrides: string[];
}

/** Every kind × language × form with its overrides (county ones only of `scope`). */
export async function listTemplates(db: Queryable, scope: readonly string[] | null, filter: { kind?: MessageKind; language?: Language; channel?: Channel } = {}): Promise<TemplateListRow[]> {
  const overrides = await listTemplateOverrides(db);
  const rows: TemplateListRow[] = [];
  for (const kind of MESSAGE_KINDS) {
    if (filter.kind && filter.kind !== kind) continue;
    for (const language of LANGUAGES) {
      if (filter.language && filter.language !== language) continue;
      for (const form of TEMPLATE_FORMS) {
        const channel = channelOfForm(form);
        if (filter.channel && filter.channel !== channel) continue;
        const mine = overrides.filter((o) => o.kind === kind && o.language === language && o.form === form);
        const state = mine.find((o) => o.countyCode === null);
        rows.push({
          kind, language, form, channel,
          stateOverride: state ? { updatedBy: state.updatedBy, updatedAt: state.updatedAt } : null,
          countyOverrides: mine.filter((o) => o.countyCode !== null && (scope === null || scope.includes(o.countyCode))).map((o) => o.countyCode!),
        });
      }
    }
  }
  return rows;
}

export interface PreviewResult {
  ok: boolean;
  /** Problems that would refuse the save (unknown or missing variables, parse errors). */
  errors: string[];
  /** The form rendered with sample values (when it renders). */
  text: string | null;
  /** SMS only: encoding and segments of the rendered text (the sample voter's name has accents: á, í). */
  sms: SmsSegments | null;
  /** SMS only: the same with the name written without accents, as many registrations hold it. */
  smsPlain: SmsSegments | null;
  variables: { allowed: string[]; required: string[] };
}

/** The sample voter's name without accents: the SMS size of the many names written that way. */
export const PLAIN_SAMPLE_NAME = 'Maria Guadalupe Hernandez-Rodriguez';

/**
 * The form rendered on sample data, with the SMS encoding and segment count, and the
 * problems `save` would refuse. Pure.
 */
export function previewTemplate(slot: Pick<TemplateSlot, 'kind' | 'language' | 'form'>, template: string): PreviewResult {
  const variables = { allowed: [...allowedVariables(slot.kind, slot.form)], required: [...requiredVariables(slot.kind, slot.form)] };
  const check = validateTemplate(slot.kind, slot.form, template);
  const errors = check.ok ? [] : check.errors;
  const channel = channelOfForm(slot.form);
  const rendered = (vars: Record<string, string>): string => {
    const out = render({ kind: slot.kind, language: slot.language, channel, vars, overrides: { [slot.form]: template } });
    return slot.form === 'sms' ? out.sms! : slot.form === 'voice' ? out.voice! : slot.form === 'emailSubject' ? out.subject! : out.text!;
  };
  let text: string | null = null;
  let plain: string | null = null;
  try {
    const sample = sampleVariables(slot.language);
    text = rendered(sample);
    if (slot.form === 'sms') plain = rendered({ ...sample, voterName: PLAIN_SAMPLE_NAME });
  } catch (err) {
    if (errors.length === 0) errors.push(err instanceof Error ? err.message : String(err));
  }
  return {
    ok: errors.length === 0, errors, text,
    sms: text !== null && slot.form === 'sms' ? smsSegments(text) : null,
    smsPlain: plain !== null ? smsSegments(plain) : null,
    variables,
  };
}

export interface Editor extends Staff { readonly request?: RequestContext }

/**
 * Saves a slot's wording: validated first (422 `template_invalid` with the list of problems:
 * unknown variables, missing required ones, a lost STOP hint), then written with its history
 * entry and an audit entry in one transaction. Saving the text already in force changes nothing.
 */
export async function saveTemplate(db: Database, staff: Editor, slot: TemplateSlot, template: string): Promise<{ changed: boolean }> {
  assertCanEdit(staff, slot.countyCode);
  const text = template.replace(/\r\n?/g, '\n');
  if (text.length > 4000) throw new AppError(422, 'template_invalid', 'The template cannot be used.', { details: { errors: ['The template is longer than 4,000 characters.'] } });
  const check = validateTemplate(slot.kind, slot.form, text);
  if (!check.ok) throw new AppError(422, 'template_invalid', 'The template cannot be used.', { details: { errors: check.errors } });
  return db.tx(async (client) => {
    const before = await lockedOverride(client, slot);
    if (before === text) return { changed: false };
    await saveTemplateOverride(client, { ...slot, template: text, updatedBy: staff.email });
    await recordChange(client, staff, slot, before, text);
    return { changed: true };
  });
}

/** Removes a slot's override: the state's wording (or the default) applies again. */
export async function removeTemplate(db: Database, staff: Editor, slot: TemplateSlot): Promise<{ changed: boolean }> {
  assertCanEdit(staff, slot.countyCode);
  return db.tx(async (client) => {
    const before = await lockedOverride(client, slot);
    if (before === null) return { changed: false };
    await deleteTemplateOverride(client, slot);
    await recordChange(client, staff, slot, before, null);
    return { changed: true };
  });
}

async function lockedOverride(client: Queryable, slot: TemplateSlot): Promise<string | null> {
  // One editor at a time per slot, so that "before" in the history is what was replaced.
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`template:${slot.countyCode ?? ''}|${slot.kind}|${slot.language}|${slot.form}`]);
  const { rows } = await client.query<{ template: string }>(
    'SELECT template FROM template_overrides WHERE county_code IS NOT DISTINCT FROM $1 AND kind = $2 AND language = $3 AND form = $4',
    [slot.countyCode, slot.kind, slot.language, slot.form]);
  return rows[0]?.template ?? null;
}

async function recordChange(client: Queryable, staff: Editor, slot: TemplateSlot, before: string | null, after: string | null): Promise<void> {
  await client.query(
    `INSERT INTO template_override_history (county_code, kind, language, form, before_template, after_template, changed_by, changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::timestamptz, now()))`,
    [slot.countyCode, slot.kind, slot.language, slot.form, before, after, staff.email, staff.request?.at ?? null]);
  await audit(client, {
    actor: staff, action: after === null ? 'template.removed' : 'template.saved', countyCode: slot.countyCode,
    details: { kind: slot.kind, language: slot.language, form: slot.form, county: slot.countyCode ?? 'state' },
  });
}

export interface HistoryEntry {
  id: number;
  countyCode: string | null;
  before: string | null;
  after: string | null;
  changedBy: string;
  changedAt: Date;
}

/** The changes of one slot, newest first (a county slot: that county's; the state slot: the state's). */
export async function templateHistory(db: Queryable, slot: TemplateSlot, limit = 50): Promise<HistoryEntry[]> {
  const { rows } = await db.query<{ id: number; county_code: string | null; before_template: string | null; after_template: string | null; changed_by: string; changed_at: Date }>(
    `SELECT id, county_code, before_template, after_template, changed_by, changed_at FROM template_override_history
     WHERE kind = $1 AND language = $2 AND form = $3 AND county_code IS NOT DISTINCT FROM $4
     ORDER BY id DESC LIMIT $5`,
    [slot.kind, slot.language, slot.form, slot.countyCode, limit]);
  return rows.map((r) => ({ id: Number(r.id), countyCode: r.county_code, before: r.before_template, after: r.after_template, changedBy: r.changed_by, changedAt: r.changed_at }));
}
