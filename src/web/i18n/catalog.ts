/**
 * The portal's interface text in the ten languages, and the per-request translator.
 *
 * One catalog per language (`en.ts` is the reference); the type makes a missing key a
 * compile error, and i18n.test.ts checks that every message parses and uses the same
 * variables and tags as English. Messages are ICU MessageFormat, parsed once per
 * (language, key) and cached.
 *
 * Pure: no I/O.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '../../persisted.ts';
import { SafeHtml, html, type HtmlValue } from '../html.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { hi } from './hi.ts';
import { ja } from './ja.ts';
import { km } from './km.ts';
import { ko } from './ko.ts';
import { th } from './th.ts';
import { tl } from './tl.ts';
import { vi } from './vi.ts';
import { zhHant } from './zh-Hant.ts';

export type MessageKey = keyof typeof en;
/** A language's catalog: exactly the English keys. */
export type Catalog = Readonly<Record<MessageKey, string>>;

export const CATALOGS: Readonly<Record<Language, Catalog>> = { en, es, 'zh-Hant': zhHant, hi, ja, km, ko, tl, th, vi };

/** Each language's name in itself, for the language switcher. Never translated. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  es: 'Español',
  'zh-Hant': '中文',
  hi: 'हिन्दी',
  ja: '日本語',
  km: 'ខ្មែរ',
  ko: '한국어',
  tl: 'Tagalog',
  th: 'ไทย',
  vi: 'Tiếng Việt',
};

/** Languages written right to left. None of the ten today; the layout honours it if one is added. */
const RTL: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi']);
export const textDirection = (lang: Language): 'ltr' | 'rtl' => (RTL.has(lang.split('-')[0]!) ? 'rtl' : 'ltr');

/** Plain values for `t`. Dates are formatted by the caller (see `Translator.date`). */
export type TextValues = Readonly<Record<string, string | number>>;
/** A tag's content, already escaped. */
export type TagRenderer = (content: SafeHtml) => SafeHtml;
/** Values for `th`: strings are escaped, `SafeHtml` is inserted as is, functions render `<tag>…</tag>`. */
export type HtmlValues = Readonly<Record<string, string | number | SafeHtml | TagRenderer>>;

export interface Translator {
  readonly lang: Language;
  readonly dir: 'ltr' | 'rtl';
  /** Plain text (titles, attributes). Tags in the message are dropped, their text kept. */
  t(key: MessageKey, values?: TextValues): string;
  /** HTML: the message escaped, with `<strong>` built in and other tags from `values`. */
  th(key: MessageKey, values?: HtmlValues): SafeHtml;
  /** A date in the language, in the given time zone, always on the Gregorian calendar. */
  date(d: Date, options?: Intl.DateTimeFormatOptions): string;
}

const cache = new Map<string, IntlMessageFormat>();

/** The parsed message (cached). Throws if the text is not valid ICU MessageFormat. */
export function messageFormat(lang: Language, key: MessageKey): IntlMessageFormat {
  const id = `${lang}\u0000${key}`;
  let mf = cache.get(id);
  if (!mf) {
    mf = new IntlMessageFormat(CATALOGS[lang][key], lang, undefined, { ignoreTag: false });
    cache.set(id, mf);
  }
  return mf;
}

type Part = string | SafeHtml;
const flatten = (out: unknown): Part[] => (Array.isArray(out) ? out.flatMap(flatten) : [out as Part]);

/** Tags every message may use without the caller supplying them. */
const BUILT_IN_TAGS: Readonly<Record<string, TagRenderer>> = {
  strong: (content) => html`<strong>${content}</strong>`,
};

/** Date formats by language, zone and options: building an Intl.DateTimeFormat costs far more than using one. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function translator(lang: Language, timeZone: string): Translator {
  return {
    lang,
    dir: textDirection(lang),
    t(key, values = {}) {
      const mf = messageFormat(lang, key);
      const tags = tagNames(mf);
      const withTags: Record<string, unknown> = { ...values };
      for (const tag of tags) withTags[tag] ??= (chunks: unknown[]) => chunks.flat(Infinity).join('');
      return flatten(mf.format(withTags as never)).join('');
    },
    th(key, values = {}) {
      const mf = messageFormat(lang, key);
      const prepared: Record<string, unknown> = {};
      for (const tag of tagNames(mf)) {
        const render = (values[tag] as TagRenderer | undefined) ?? BUILT_IN_TAGS[tag];
        if (typeof render !== 'function') throw new Error(`message ${lang}:${key} needs a renderer for <${tag}>`);
        prepared[tag] = (chunks: unknown[]) => render(html`${flatten(chunks) as HtmlValue[]}`);
      }
      for (const [name, v] of Object.entries(values)) if (typeof v !== 'function') prepared[name] = v;
      return html`${flatten(mf.format(prepared as never)) as HtmlValue[]}`;
    },
    date(d, options = { dateStyle: 'long' }) {
      const id = `${lang}\u0000${timeZone}\u0000${JSON.stringify(options)}`;
      let f = dateFormats.get(id);
      if (!f) {
        f = new Intl.DateTimeFormat(lang, { calendar: 'gregory', ...options, timeZone });
        dateFormats.set(id, f);
      }
      return f.format(d);
    },
  };
}

/** Variables and tags a message uses, by name and kind, for comparing languages. */
export interface MessageArguments { values: string[]; tags: string[] }

type AstNode = ReturnType<IntlMessageFormat['getAst']>[number];

/** The value names and tag names used anywhere in the message (inside plural/select options too). */
export function messageArguments(mf: IntlMessageFormat): MessageArguments {
  const values = new Set<string>();
  const tags = new Set<string>();
  const walk = (nodes: readonly AstNode[]): void => {
    for (const node of nodes) {
      // 0 literal, 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 7 pound, 8 tag
      if (node.type === 8) {
        tags.add(node.value);
        walk(node.children);
      } else if (node.type !== 0 && node.type !== 7) {
        values.add(node.value);
        if ('options' in node) for (const opt of Object.values(node.options)) walk((opt as { value: AstNode[] }).value);
      }
    }
  };
  walk(mf.getAst());
  return { values: [...values].sort(), tags: [...tags].sort() };
}

const tagCache = new WeakMap<IntlMessageFormat, readonly string[]>();
function tagNames(mf: IntlMessageFormat): readonly string[] {
  let tags = tagCache.get(mf);
  if (!tags) {
    tags = messageArguments(mf).tags;
    tagCache.set(mf, tags);
  }
  return tags;
}

