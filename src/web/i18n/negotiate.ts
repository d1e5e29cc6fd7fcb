/**
 * Which language a page is shown in: the `?lang=` switch (then remembered in a cookie),
 * else the remembered choice, else the browser's Accept-Language, else English.
 *
 * Pure: no I/O.
 */
import { LANGUAGES, isLanguage, type Language } from '../../persisted.ts';

export const LANGUAGE_COOKIE = 'bl_lang';
export const DEFAULT_LANGUAGE: Language = 'en';

export interface LanguageChoice {
  lang: Language;
  /** True when the reader switched language on this request, so the choice is stored. */
  remember: boolean;
}

export function chooseLanguage(input: { query?: unknown; cookie?: string | undefined; acceptLanguage?: string | undefined }): LanguageChoice {
  const asked = typeof input.query === 'string' ? toSupported(input.query) : null;
  if (asked) return { lang: asked, remember: true };
  if (isLanguage(input.cookie)) return { lang: input.cookie, remember: false };
  return { lang: fromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LANGUAGE, remember: false };
}

/** The best supported language in an Accept-Language header (RFC 9110 §12.5.4), or null. */
export function fromAcceptLanguage(header: string | undefined): Language | null {
  if (!header) return null;
  const ranges = header.split(',').slice(0, 20).map((part, index) => {
    const [range = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    return { range: range.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
  });
  ranges.sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { range, weight } of ranges) {
    if (weight <= 0) continue;
    const lang = toSupported(range);
    if (lang) return lang;
  }
  return null;
}

/**
 * A BCP 47 tag mapped to one of the ten: exact (case-insensitive), then by primary
 * language. Every Chinese tag maps to zh-Hant (the one Chinese offered), Filipino to Tagalog.
 */
export function toSupported(tag: string): Language | null {
  const lower = tag.trim().toLowerCase();
  if (lower === '' || lower === '*' || lower.length > 35) return null;
  const exact = LANGUAGES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split('-')[0]!;
  if (primary === 'zh') return 'zh-Hant';
  if (primary === 'fil') return 'tl';
  return LANGUAGES.find((l) => l === primary) ?? null;
}
