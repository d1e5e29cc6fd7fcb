/**
 * Renders a message (kind × language × channel) from its ICU templates, and
 * checks templates that staff write in the console.
 *
 * Strict by design (DESIGN §3: a reminder once went out with its date missing):
 * every variable a template uses on the path the values select must be given
 * and not blank, or `render` throws a RenderError listing them. Nothing is
 * ever rendered with a hole in it.
 *
 * Email HTML is built here from `emailText`: blank lines make paragraphs, line
 * breaks become <br>, variables are HTML-escaped, URL variables become links
 * and the footer always carries a visible unsubscribe link. Text forms (SMS,
 * subject, plain text, voice) keep values as given.
 *
 * Parsed templates are cached by (language, text), so defaults and county
 * overrides are each parsed once. Pure: no I/O.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { SegmentedMessage } from 'sms-segments-calculator';
import { AppError } from '../errors.ts';
import { LANGUAGES, MESSAGE_KINDS } from '../persisted.ts';
import type { Channel, Language, MessageKind } from '../persisted.ts';
import {
  CHANNEL_FORMS, CONDITIONAL_VARIABLES, SELECT_VARIABLES, allowedVariables, defaultTemplates, isSelectVariable,
  isTextVariable, languagePack, needsStopHint, requiredVariables, sampleVariables,
} from './templates/catalog.ts';
import type { TemplateForm, TemplateSet } from './templates/catalog.ts';

export interface RenderInput {
  kind: MessageKind;
  language: Language;
  channel: Channel;
  /** Variable values (see catalog.ts); extra keys are ignored. */
  vars: Record<string, string>;
  /** County or state edits of this kind × language; forms left out use the default. */
  overrides?: Partial<TemplateSet>;
}

export interface RenderedMessage {
  channel: Channel;
  language: Language;
  sms?: string;
  subject?: string;
  text?: string;
  html?: string;
  voice?: string;
}

export type RenderErrorCode = 'template_missing_value' | 'template_invalid' | 'template_invalid_value';

export interface RenderErrorDetails {
  kind: MessageKind;
  language: Language;
  channel: Channel;
  /** Variables that were needed but missing or blank. */
  missing: string[];
  /** Parse errors, or `name=value` pairs a switch variable cannot take. */
  errors?: string[];
}

export class RenderError extends AppError {
  constructor(code: RenderErrorCode, message: string, details: RenderErrorDetails) {
    super(422, code, message, { details: { ...details } });
    this.name = 'RenderError';
  }
}

// ICU AST node types, as numbered by @formatjs/icu-messageformat-parser.
const LITERAL = 0;
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;
const POUND = 7;
const TAG = 8;

/** The part of the parser's AST this module reads. */
interface AstNode {
  type: number;
  value: string;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

interface Compiled {
  format: IntlMessageFormat;
  nodes: AstNode[];
}

const MAX_CACHED = 20_000;
const compiledCache = new Map<string, Compiled>();

/** Parses once per (language, template); throws the parser's SyntaxError. */
function compile(template: string, language: Language): Compiled {
  const key = `${language}\u0000${template}`;
  let compiled = compiledCache.get(key);
  if (!compiled) {
    // ignoreTag: '<' is plain text here; HTML is built by this module, never by templates.
    const format = new IntlMessageFormat(template, language, undefined, { ignoreTag: true });
    compiled = { format, nodes: format.getAst() as unknown as AstNode[] };
    if (compiledCache.size >= MAX_CACHED) compiledCache.clear();
    compiledCache.set(key, compiled);
  }
  return compiled;
}

const isBlank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';
const usesValue = (n: AstNode): boolean => n.type === ARGUMENT || n.type === NUMBER || n.type === DATE || n.type === TIME;

/**
 * Walks the path the values select and records what is missing or invalid.
 * Only the chosen branch of a select is checked: a `reasonText` inside
 * `{hasReason, select, yes {…}}` is needed only when hasReason is 'yes'.
 */
function checkValues(nodes: AstNode[], vars: Record<string, string>, missing: Set<string>, invalid: Set<string>): void {
  for (const n of nodes) {
    if (usesValue(n)) {
      if (isBlank(vars[n.value])) missing.add(n.value);
    } else if (n.type === SELECT || n.type === PLURAL) {
      const value = vars[n.value];
      if (isBlank(value)) {
        missing.add(n.value);
        continue;
      }
      if (n.type === PLURAL) {
        for (const option of Object.values(n.options ?? {})) checkValues(option.value, vars, missing, invalid);
        continue;
      }
      if (isSelectVariable(n.value) && !SELECT_VARIABLES[n.value].includes(value!)) {
        invalid.add(`${n.value}=${value}`);
        continue;
      }
      const branch = n.options?.[value!] ?? n.options?.other;
      if (branch) checkValues(branch.value, vars, missing, invalid);
    } else if (n.type === TAG) {
      checkValues(n.children ?? [], vars, missing, invalid);
    }
  }
}

const formatText = (c: Compiled, values: Record<string, string>): string => String(c.format.format(values));

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const URL_VARIABLES = new Set(['statusUrl', 'countyWebsite', 'unsubscribeUrl']);
const LINK_STYLE = 'color:#005ea2;text-decoration:underline;';

function variableHtml(name: string, value: string): string {
  const text = escapeHtml(value);
  if (URL_VARIABLES.has(name) && /^https?:\/\/\S+$/i.test(value)) return `<a href="${text}" style="${LINK_STYLE}">${text}</a>`;
  if (name === 'countyEmail' && /^[^\s@<>"]+@[^\s@<>"]+$/.test(value)) return `<a href="mailto:${text}" style="${LINK_STYLE}">${text}</a>`;
  return text;
}

// Private-use characters mark where a variable goes while the literal text is escaped.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARK_RE = /\uE000(\d+)\uE001/g;

/**
 * Formats a template into HTML paragraphs: every value is escaped (and linked
 * when it is a URL), and so is the template's own text, so an edited template
 * cannot inject markup either.
 */
function formatHtmlParagraphs(c: Compiled, vars: Record<string, string>, style: string): string {
  const names: string[] = [];
  const marked: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) {
    if (isSelectVariable(name)) marked[name] = value;
    else marked[name] = `${MARK_OPEN}${names.push(name) - 1}${MARK_CLOSE}`;
  }
  const escaped = escapeHtml(formatText(c, marked));
  return escaped
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter((para) => para !== '')
    .map((para) => `<p style="${style}">${para.split('\n').join('<br>\n')}</p>`)
    .join('\n')
    .replace(MARK_RE, (whole, i: string) => {
      const name = names[Number(i)];
      return name === undefined ? whole : variableHtml(name, vars[name]!);
    });
}

const FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;";
const BODY_P = 'margin:0 0 16px 0;';
const FOOTER_P = 'margin:0 0 8px 0;font-size:14px;color:#454545;';

/**
 * The whole HTML email. Colours meet WCAG AA with room to spare: text #1b1b1b,
 * footer #454545 and links #005ea2, all on white. No images; `lang` set so
 * screen readers use the right voice.
 */
function emailHtml(language: Language, subject: string, body: string, footer: string, unsubscribeUrl: string, unsubscribeLabel: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}" dir="ltr">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:0;background-color:#ffffff;color:#1b1b1b;">',
    `<div style="max-width:40em;margin:0 auto;padding:24px 16px;${FONT}font-size:16px;line-height:1.5;color:#1b1b1b;background-color:#ffffff;">`,
    '<main>',
    body,
    '</main>',
    '<footer style="border-top:1px solid #a9aeb1;margin-top:24px;padding-top:16px;">',
    footer,
    `<p style="${FOOTER_P}"><a href="${escapeHtml(unsubscribeUrl)}" style="${LINK_STYLE}">${escapeHtml(unsubscribeLabel)}</a></p>`,
    '</footer>',
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

function parseOrThrow(template: string, language: Language, details: Omit<RenderErrorDetails, 'missing'>, form: string): Compiled {
  if (template.trim() === '') {
    throw new RenderError('template_invalid', `The ${form} template is empty`, { ...details, missing: [], errors: [`${form}: empty template`] });
  }
  try {
    return compile(template, language);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new RenderError('template_invalid', `The ${form} template cannot be parsed: ${message}`, { ...details, missing: [], errors: [`${form}: ${message}`] });
  }
}

/** Renders one message; throws RenderError rather than render a blank. */
export function render(input: RenderInput): RenderedMessage {
  const { kind, language, channel, vars } = input;
  const details = { kind, language, channel };
  const set: Record<TemplateForm, string> = { ...defaultTemplates(kind, language) };
  for (const [form, text] of Object.entries(input.overrides ?? {})) {
    if (text !== undefined) set[form as TemplateForm] = text;
  }
  const pack = languagePack(language);
  const forms = CHANNEL_FORMS[channel];
  const compiled = new Map<string, Compiled>(forms.map((form) => [form, parseOrThrow(set[form], language, details, form)]));
  const missing = new Set<string>();
  const invalid = new Set<string>();
  for (const c of compiled.values()) checkValues(c.nodes, vars, missing, invalid);
  let footer: Compiled | undefined;
  if (channel === 'email') {
    footer = compile(pack.emailFooter, language);
    checkValues(footer.nodes, vars, missing, invalid);
    if (isBlank(vars.unsubscribeUrl)) missing.add('unsubscribeUrl');
  }
  if (missing.size > 0) {
    const list = [...missing];
    throw new RenderError('template_missing_value', `Cannot render ${kind} (${language}, ${channel}): missing ${list.join(', ')}`, { ...details, missing: list });
  }
  if (invalid.size > 0) {
    const list = [...invalid];
    throw new RenderError('template_invalid_value', `Cannot render ${kind} (${language}, ${channel}): invalid ${list.join(', ')}`, { ...details, missing: [], errors: list });
  }

  const get = (form: TemplateForm): Compiled => compiled.get(form)!;
  switch (channel) {
    case 'sms':
      return { channel, language, sms: formatText(get('sms'), vars).trim() };
    case 'voice':
      return { channel, language, voice: formatText(get('voice'), vars).trim() };
    case 'email': {
      // One line whatever the values hold: a subject is a mail header.
      const subject = formatText(get('emailSubject'), vars).replace(/\s+/g, ' ').trim();
      const footerText = formatText(footer!, vars).trim();
      const unsubscribeUrl = vars.unsubscribeUrl!;
      const text = `${formatText(get('emailText'), vars).trim()}\n\n--\n${footerText}\n${pack.unsubscribeLabel}: ${unsubscribeUrl}\n`;
      const html = emailHtml(
        language,
        subject,
        formatHtmlParagraphs(get('emailText'), vars, BODY_P),
        formatHtmlParagraphs(footer!, vars, FOOTER_P),
        unsubscribeUrl,
        pack.unsubscribeLabel,
      );
      return { channel, language, subject, text, html };
    }
  }
}

function walk(nodes: AstNode[], visit: (n: AstNode, insideYesOf: ReadonlySet<string>) => void, insideYesOf: ReadonlySet<string> = new Set()): void {
  for (const n of nodes) {
    visit(n, insideYesOf);
    if (n.type === SELECT || n.type === PLURAL) {
      for (const [key, option] of Object.entries(n.options ?? {})) {
        walk(option.value, visit, key === 'yes' ? new Set([...insideYesOf, n.value]) : insideYesOf);
      }
    }
    if (n.type === TAG) walk(n.children ?? [], visit, insideYesOf);
  }
}

/** The variables an ICU template uses, in order of first use. Throws the parser's SyntaxError. */
export function templateVariables(template: string): string[] {
  const names = new Set<string>();
  walk(compile(template, 'en').nodes, (n) => {
    if (usesValue(n) || n.type === SELECT || n.type === PLURAL) names.add(n.value);
  });
  return [...names];
}

/** Variables used on every path through the template, whatever the selects choose. */
function guaranteedVariables(nodes: AstNode[]): Set<string> {
  const out = new Set<string>();
  for (const n of nodes) {
    if (usesValue(n)) out.add(n.value);
    if (n.type === SELECT || n.type === PLURAL) {
      out.add(n.value);
      const branches = Object.values(n.options ?? {}).map((o) => guaranteedVariables(o.value));
      for (const v of branches[0] ?? []) if (branches.every((b) => b.has(v))) out.add(v);
    }
  }
  return out;
}

/** Whether the literal text on every path contains `needle`. */
function alwaysContains(nodes: AstNode[], needle: string): boolean {
  const literal = nodes.filter((n) => n.type === LITERAL).map((n) => n.value).join('');
  if (literal.includes(needle)) return true;
  return nodes.some((n) => n.type === SELECT && Object.values(n.options ?? {}).every((o) => alwaysContains(o.value, needle)));
}

/**
 * Checks a template staff want to save for a kind and form: it parses, uses
 * only the variables this kind and form provide (as text or as switch, as each
 * is meant), keeps the required ones on every path, uses `reasonText` only
 * where `hasReason` is 'yes', and keeps the STOP hint in SMS.
 */
export function validateTemplate(kind: MessageKind, form: TemplateForm, template: string): { ok: true } | { ok: false; errors: string[] } {
  if (template.trim() === '') return { ok: false, errors: ['The template is empty.'] };
  let nodes: AstNode[];
  try {
    nodes = compile(template, 'en').nodes;
  } catch (err) {
    return { ok: false, errors: [`The template cannot be parsed: ${err instanceof Error ? err.message : String(err)}`] };
  }
  const errors = new Set<string>();
  const allowed = new Set<string>(allowedVariables(kind, form));
  walk(nodes, (n, insideYesOf) => {
    if (n.type === LITERAL) return;
    if (n.type === PLURAL || n.type === POUND || n.type === NUMBER || n.type === DATE || n.type === TIME || n.type === TAG) {
      errors.add('Only {name} and {name, select, …} are supported: values arrive already formatted.');
      if (n.type === POUND || n.type === TAG) return;
    }
    const name = n.value;
    if (!isTextVariable(name) && !isSelectVariable(name)) {
      errors.add(`Unknown variable {${name}}.`);
      return;
    }
    if (!allowed.has(name)) errors.add(`{${name}} is not available in the ${form} of a ${kind} message.`);
    if (n.type === SELECT && !isSelectVariable(name)) errors.add(`{${name}} is text, not a switch: write {${name}}.`);
    if (n.type === ARGUMENT && isSelectVariable(name)) errors.add(`{${name}} is a switch: use {${name}, select, …}.`);
    if (n.type === SELECT && isSelectVariable(name)) {
      const values = SELECT_VARIABLES[name];
      for (const key of Object.keys(n.options ?? {})) {
        if (key !== 'other' && !values.includes(key)) errors.add(`{${name}} is never "${key}".`);
      }
    }
    const condition = isTextVariable(name) ? CONDITIONAL_VARIABLES[name] : undefined;
    if (condition && !insideYesOf.has(condition)) errors.add(`{${name}} may only appear inside {${condition}, select, yes {…} other {…}}.`);
  });
  const present = guaranteedVariables(nodes);
  for (const v of requiredVariables(kind, form)) {
    if (!present.has(v)) errors.add(`Missing required variable {${v}}.`);
  }
  if (needsStopHint(kind, form) && !alwaysContains(nodes, 'STOP')) errors.add('The text must tell the voter to reply STOP to stop.');
  return errors.size === 0 ? { ok: true } : { ok: false, errors: [...errors] };
}

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  /** As the carrier counts them: GSM-7 septets (extension characters count 2), or UCS-2 characters. */
  characters: number;
}

/** Encoding and segment count of an SMS body. */
export function smsSegments(text: string): SmsSegments {
  const m = new SegmentedMessage(text);
  return { encoding: m.encodingName, segments: m.segmentsCount, characters: m.numberOfCharacters };
}

/** Most segments a default SMS may take: two in GSM-7 (306 characters), three in UCS-2 (201). */
export const SMS_SEGMENT_LIMITS: Readonly<Record<SmsSegments['encoding'], number>> = { 'GSM-7': 2, 'UCS-2': 3 };

export interface SmsSizeRow extends SmsSegments {
  kind: MessageKind;
  language: Language;
  /** The values that differ from `sampleVariables` for this row. */
  variant: Record<string, string>;
  limit: number;
  over: boolean;
}

const PLAIN_NAME = 'Maria Guadalupe Hernandez-Rodriguez';

/** The value combinations whose SMS text differs: every branch of every switch, accented and plain name. */
function smsVariants(kind: MessageKind): Record<string, string>[] {
  let variants: Record<string, string>[] = [{}];
  const branch = (name: string, values: readonly string[]): void => {
    variants = variants.flatMap((v) => values.map((value) => ({ ...v, [name]: value })));
  };
  if (kind === 'contact_county') branch('reasonCode', ['NVS', 'NMS', 'NID', 'INF']);
  if (kind === 'contact_county' || kind === 'not_accepted') branch('hasReason', ['yes', 'no']);
  if (kind === 'confirmation') branch('needsYes', ['yes', 'no']);
  branch('voterName', [sampleVariables('en').voterName, PLAIN_NAME]);
  return variants;
}

/** Every default SMS, rendered with the long sample values, with its size. */
export function defaultSmsSizes(): SmsSizeRow[] {
  const rows: SmsSizeRow[] = [];
  for (const language of LANGUAGES) {
    const sample = sampleVariables(language);
    for (const kind of MESSAGE_KINDS) {
      for (const variant of smsVariants(kind)) {
        const sms = render({ kind, language, channel: 'sms', vars: { ...sample, ...variant } }).sms!;
        const size = smsSegments(sms);
        const limit = SMS_SEGMENT_LIMITS[size.encoding];
        rows.push({ kind, language, variant, ...size, limit, over: size.segments > limit });
      }
    }
  }
  return rows;
}

/** Default SMS over the segment limit; the catalog test asserts there are none. */
export function oversizedDefaultSms(): SmsSizeRow[] {
  return defaultSmsSizes().filter((row) => row.over);
}
