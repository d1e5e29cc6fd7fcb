/**
 * HTML by tagged template, escaped by default.
 *
 *   html`<p class="${cls}">${userText}</p>`
 *
 * Every interpolated string or number is HTML-escaped (`& < > " '`), so it is safe
 * in element content and in *quoted* attribute values — always quote attributes.
 * Only a `SafeHtml` (the result of `html` itself, or of `unsafeRaw` for text that is
 * HTML by construction) is inserted as is. Arrays are joined; `null`, `undefined`
 * and `false` render nothing, so `cond && html`…`` works.
 *
 * Pure: no I/O.
 */

/** A string that is already HTML. Create it only with `html` or `unsafeRaw`. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/**
 * Marks a string as HTML without escaping. Only for text that is HTML by construction
 * and carries no outside input (never a translation, a form value or a database field).
 */
export function unsafeRaw(trustedHtml: string): SafeHtml {
  return new SafeHtml(trustedHtml);
}

/** Renders any value to an HTML string (escaping plain text). */
export function toHtml(value: HtmlValue): SafeHtml {
  return value instanceof SafeHtml ? value : new SafeHtml(render(value));
}

/** Joins values with a separator, escaping each like `html` does. */
export function joinHtml(values: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  const sep = render(separator);
  return new SafeHtml(values.map(render).join(sep));
}

/**
 * Attribute list from an object: `true` writes a bare attribute, `false`/`null`/`undefined`
 * leave it out, anything else is written quoted and escaped. Names are trusted code.
 *
 *   html`<input${attrs({ name, value, required: true, 'aria-describedby': hintId })}>`
 */
export function attrs(values: Readonly<Record<string, string | number | boolean | null | undefined>>): SafeHtml {
  let out = '';
  for (const [name, v] of Object.entries(values)) {
    if (v === false || v === null || v === undefined) continue;
    out += v === true ? ` ${name}` : ` ${name}="${escapeHtml(String(v))}"`;
  }
  return new SafeHtml(out);
}

/** `class` value from parts, leaving out falsy ones. */
export function classes(...parts: readonly (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}
