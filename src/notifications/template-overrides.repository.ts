/**
 * County and state wording of messages (table template_overrides), per kind × language ×
 * form. A county's override wins over the state's, which wins over the default text.
 * Saving checks the template with render.ts `validateTemplate` first, so an override
 * can never drop the voter's name, the date to act by or the STOP hint.
 */
import type { Queryable } from '../db/pool.ts';
import { AppError } from '../errors.ts';
import type { Language, MessageKind } from '../persisted.ts';
import { validateTemplate } from './render.ts';
import { TEMPLATE_FORMS } from './templates/catalog.ts';
import type { TemplateForm, TemplateSet } from './templates/catalog.ts';

export interface TemplateOverride {
  countyCode: string | null;
  kind: MessageKind;
  language: Language;
  form: TemplateForm;
  template: string;
  updatedBy: string | null;
  updatedAt: Date;
}

export type OverrideKey = string;
export const overrideKey = (countyCode: string | null, kind: MessageKind, language: Language): OverrideKey => `${countyCode ?? ''}|${kind}|${language}`;

/**
 * The overrides that apply to messages of these counties, kinds and languages, merged per
 * (county, kind, language): state rows first, then the county's on top.
 */
export async function overridesFor(db: Queryable, wanted: ReadonlyArray<{ countyCode: string | null; kind: MessageKind; language: Language }>): Promise<Map<OverrideKey, Partial<TemplateSet>>> {
  if (wanted.length === 0) return new Map();
  const { rows } = await db.query<{ county_code: string | null; kind: MessageKind; language: Language; form: TemplateForm; template: string }>(
    `SELECT county_code, kind, language, form, template FROM template_overrides
     WHERE (county_code IS NULL OR county_code = ANY($1::text[])) AND kind = ANY($2::text[]) AND language = ANY($3::text[])`,
    [[...new Set(wanted.map((w) => w.countyCode).filter((c): c is string => c !== null))], [...new Set(wanted.map((w) => w.kind))], [...new Set(wanted.map((w) => w.language))]],
  );
  return mergeOverrides(rows.map((r) => ({ countyCode: r.county_code, kind: r.kind, language: r.language, form: r.form, template: r.template })), wanted);
}

function mergeOverrides(
  rows: ReadonlyArray<Pick<TemplateOverride, 'countyCode' | 'kind' | 'language' | 'form' | 'template'>>,
  wanted: ReadonlyArray<{ countyCode: string | null; kind: MessageKind; language: Language }>,
): Map<OverrideKey, Partial<TemplateSet>> {
  const result = new Map<OverrideKey, Partial<TemplateSet>>();
  if (rows.length === 0) return result;
  for (const w of wanted) {
    const k = overrideKey(w.countyCode, w.kind, w.language);
    if (result.has(k)) continue;
    const set: Partial<Record<TemplateForm, string>> = {};
    for (const r of rows) if (r.countyCode === null && r.kind === w.kind && r.language === w.language) set[r.form] = r.template;
    for (const r of rows) if (r.countyCode !== null && r.countyCode === w.countyCode && r.kind === w.kind && r.language === w.language) set[r.form] = r.template;
    if (Object.keys(set).length > 0) result.set(k, set);
  }
  return result;
}

/** Bumped by every save or delete in this process, so its cache never serves an old text. */
let generation = 0;

/**
 * `overridesFor` through a per-process cache of the whole (small) table: delivery asks for
 * every batch. Refreshed after `ttlMs` (default 30 s; a console edit reaches workers in other
 * processes within it) and at once after an edit in this process.
 */
export function cachedOverrides(ttlMs = 30_000): (db: Queryable, wanted: Parameters<typeof overridesFor>[1]) => Promise<Map<OverrideKey, Partial<TemplateSet>>> {
  let rows: TemplateOverride[] | null = null;
  let loadedAt = 0;
  let loadedGeneration = -1;
  return async (db, wanted) => {
    const now = performance.now();
    if (rows === null || now - loadedAt > ttlMs || loadedGeneration !== generation) {
      loadedGeneration = generation;
      rows = await listTemplateOverrides(db);
      loadedAt = now;
    }
    return mergeOverrides(rows, wanted);
  };
}

/** Saves (or replaces) one override after validating it; throws AppError 422 listing the problems. */
export async function saveTemplateOverride(db: Queryable, input: { countyCode: string | null; kind: MessageKind; language: Language; form: TemplateForm; template: string; updatedBy: string | null }): Promise<void> {
  if (!(TEMPLATE_FORMS as readonly string[]).includes(input.form)) throw new AppError(400, 'invalid_form', `unknown template form ${input.form}`);
  const check = validateTemplate(input.kind, input.form, input.template);
  if (!check.ok) throw new AppError(422, 'template_invalid', 'The template cannot be used.', { details: { errors: check.errors } });
  await db.query(
    `INSERT INTO template_overrides (county_code, kind, language, form, template, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (county_code, kind, language, form) DO UPDATE SET template = EXCLUDED.template, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [input.countyCode, input.kind, input.language, input.form, input.template, input.updatedBy],
  );
  generation++;
}

/** Removes one override (the state's or default wording applies again). */
export async function deleteTemplateOverride(db: Queryable, key: { countyCode: string | null; kind: MessageKind; language: Language; form: TemplateForm }): Promise<boolean> {
  const r = await db.query(
    'DELETE FROM template_overrides WHERE county_code IS NOT DISTINCT FROM $1 AND kind = $2 AND language = $3 AND form = $4',
    [key.countyCode, key.kind, key.language, key.form],
  );
  generation++;
  return (r.rowCount ?? 0) > 0;
}

export async function listTemplateOverrides(db: Queryable, filter: { countyCode?: string | null } = {}): Promise<TemplateOverride[]> {
  const { rows } = await db.query<{ county_code: string | null; kind: MessageKind; language: Language; form: TemplateForm; template: string; updated_by: string | null; updated_at: Date }>(
    `SELECT county_code, kind, language, form, template, updated_by, updated_at FROM template_overrides
     WHERE $1::boolean OR county_code IS NOT DISTINCT FROM $2 ORDER BY county_code NULLS FIRST, kind, language, form`,
    [filter.countyCode === undefined, filter.countyCode ?? null],
  );
  return rows.map((r) => ({ countyCode: r.county_code, kind: r.kind, language: r.language, form: r.form, template: r.template, updatedBy: r.updated_by, updatedAt: r.updated_at }));
}
