/**
 * Default message texts: one `TemplateSet` per message kind × language, and
 * the contract each template is held to (which variables it may and must use).
 *
 * Templates are ICU MessageFormat strings. Every variable is a string that the
 * caller has already formatted for the voter's language (dates included); the
 * only ICU construct used besides `{name}` is `select` on the three switch
 * variables below. Email HTML is not written here: render.ts builds it from
 * `emailText`, so there is one text to translate and keep right.
 *
 * Pure data and lookups, no I/O.
 */
import { BALLOT_MESSAGE_KINDS, LANGUAGES, MESSAGE_KINDS, STATUS_CODES } from '../../persisted.ts';
import type { Channel, Language, MessageKind } from '../../persisted.ts';
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

/** The four written forms of a message. Email HTML is derived from `emailText`. */
export const TEMPLATE_FORMS = ['sms', 'emailSubject', 'emailText', 'voice'] as const;
export type TemplateForm = (typeof TEMPLATE_FORMS)[number];
export type TemplateSet = Readonly<Record<TemplateForm, string>>;

/** The forms a channel sends. */
export const CHANNEL_FORMS: Readonly<Record<Channel, readonly TemplateForm[]>> = {
  sms: ['sms'],
  email: ['emailSubject', 'emailText'],
  voice: ['voice'],
};

/** All default texts of one language. */
export interface LanguagePack {
  readonly language: Language;
  readonly templates: Readonly<Record<MessageKind, TemplateSet>>;
  /**
   * First footer line of every email (text and HTML), e.g. why the reader gets
   * it. render.ts adds the unsubscribe link after it; the footer is not
   * overridable, so no county wording can drop the unsubscribe link.
   */
  readonly emailFooter: string;
  /** Visible text of the unsubscribe link (HTML) and label before the URL (text). */
  readonly unsubscribeLabel: string;
}

/**
 * Variables whose value is written into the message, all pre-formatted strings.
 * - `voterName`: the voter's full name, as on the registration.
 * - `countyName`: bare county name ("San Bernardino"); templates add the word for county.
 * - `electionName`, `electionDate`: as the voter should read them, localised.
 * - `statusDate`: the date of this status (sent date for outbound/reissued), localised.
 * - `cureDeadline`: the last day to act on a contact_county message, localised;
 *   month and day are enough ("November 30") and keep texts short.
 * - `countyPhone`, `countyEmail`, `countyWebsite`: the county elections office.
 * - `statusUrl`: the voter's status page. `unsubscribeUrl`: one-click unsubscribe (email only).
 * - `helpPhone`: the state help desk. `serviceName`: "Where's My Ballot?".
 * - `reasonText`: a short, plain, localised sentence on why (not_accepted,
 *   contact_county); only used inside `{hasReason, select, yes {…}}`.
 */
export const TEXT_VARIABLES = [
  'voterName', 'countyName', 'electionName', 'electionDate', 'statusDate', 'cureDeadline',
  'countyPhone', 'countyEmail', 'countyWebsite', 'statusUrl', 'unsubscribeUrl', 'helpPhone',
  'serviceName', 'reasonText',
] as const;
export type TextVariable = (typeof TEXT_VARIABLES)[number];

/**
 * Switch variables: used only as ICU `select` keys, never written out.
 * - `hasReason`: 'yes' when `reasonText` is given, else 'no'.
 * - `reasonCode`: the status code behind a contact_county message (NVS, NMS,
 *   NID, INF); the template tailors the instruction, `other` is the general one.
 * - `needsYes`: 'yes' when the state holds status texts until the voter replies
 *   YES to the confirmation (Colorado), else 'no'.
 */
export const SELECT_VARIABLES: Readonly<Record<SelectVariable, readonly string[]>> = {
  hasReason: ['yes', 'no'],
  reasonCode: STATUS_CODES,
  needsYes: ['yes', 'no'],
};
export type SelectVariable = 'hasReason' | 'reasonCode' | 'needsYes';
export type Variable = TextVariable | SelectVariable;

export const isTextVariable = (v: string): v is TextVariable => (TEXT_VARIABLES as readonly string[]).includes(v);
export const isSelectVariable = (v: string): v is SelectVariable => Object.hasOwn(SELECT_VARIABLES, v);

/** A variable that may only be used inside the `yes` branch of a select on another. */
export const CONDITIONAL_VARIABLES: Readonly<Partial<Record<TextVariable, SelectVariable>>> = { reasonText: 'hasReason' };

const isBallotKind = (kind: MessageKind): boolean => (BALLOT_MESSAGE_KINDS as readonly string[]).includes(kind);
const ACTION_FORMS: readonly TemplateForm[] = ['sms', 'emailText', 'voice'];

/**
 * Variables a template of this kind and form must use on every path. These are
 * the content rules of DESIGN §2.2–2.4 and §3 that a county edit must keep:
 * every status message names the voter, the county and the election; a
 * confirmation names the voter and the county; a message asking the voter to
 * act says how (phone) and, for contact_county, by when.
 */
export function requiredVariables(kind: MessageKind, form: TemplateForm): Variable[] {
  const action = ACTION_FORMS.includes(form);
  if (isBallotKind(kind)) {
    const vars: Variable[] = ['voterName', 'countyName', 'electionName'];
    if (kind === 'contact_county') vars.push('cureDeadline');
    if (action && (kind === 'contact_county' || kind === 'not_accepted' || kind === 'undeliverable')) vars.push('countyPhone');
    if (action && kind === 'contact_county') vars.push('reasonCode');
    return vars;
  }
  switch (kind) {
    case 'confirmation': return form === 'sms' ? ['voterName', 'countyName', 'needsYes'] : ['voterName', 'countyName'];
    case 'help': return action ? ['serviceName', 'helpPhone'] : ['serviceName'];
    default: return ['serviceName'];
  }
}

/** Variables a template of this kind and form may use (required ones included). */
export function allowedVariables(kind: MessageKind, form: TemplateForm): Variable[] {
  const vars = new Set<Variable>(['voterName', 'countyName', 'countyPhone', 'countyEmail', 'countyWebsite', 'statusUrl', 'helpPhone', 'serviceName']);
  if (isBallotKind(kind)) for (const v of ['electionName', 'electionDate', 'statusDate'] as const) vars.add(v);
  if (kind === 'contact_county') for (const v of ['cureDeadline', 'reasonCode'] as const) vars.add(v);
  if (kind === 'contact_county' || kind === 'not_accepted') for (const v of ['hasReason', 'reasonText'] as const) vars.add(v);
  if (kind === 'confirmation' && form === 'sms') vars.add('needsYes');
  if (form === 'emailText') vars.add('unsubscribeUrl');
  for (const v of requiredVariables(kind, form)) vars.add(v);
  return [...vars];
}

/**
 * SMS forms that must carry the opt-out hint (the literal keyword STOP, which
 * stays in Latin letters in every language because carriers act on it).
 */
export function needsStopHint(kind: MessageKind, form: TemplateForm): boolean {
  return form === 'sms' && (isBallotKind(kind) || kind === 'confirmation' || kind === 'opt_in_confirmation' || kind === 'help');
}

const PACKS: Readonly<Record<Language, LanguagePack>> = {
  en, es, 'zh-Hant': zhHant, hi, ja, km, ko, tl, th, vi,
};

export function languagePack(language: Language): LanguagePack {
  return PACKS[language];
}

/** The default texts of one kind in one language. */
export function defaultTemplates(kind: MessageKind, language: Language): TemplateSet {
  return PACKS[language].templates[kind];
}

/** Every default template, for checks and the console's listing. */
export function* allDefaultTemplates(): Generator<{ kind: MessageKind; language: Language; form: TemplateForm; template: string }> {
  for (const language of LANGUAGES) {
    for (const kind of MESSAGE_KINDS) {
      const set = defaultTemplates(kind, language);
      for (const form of TEMPLATE_FORMS) yield { kind, language, form, template: set[form] };
    }
  }
}

const SAMPLE_DAY = new Date(Date.UTC(2026, 10, 30, 12));
const SAMPLE_ELECTION_DAY = new Date(Date.UTC(2026, 10, 3, 12));
const SAMPLE_STATUS_DAY = new Date(Date.UTC(2026, 9, 12, 12));

/**
 * Realistic long values for previews, tests and the SMS length check: a long
 * hyphenated name with accents (which forces UCS-2 even in English), a long
 * county and election name. Dates are formatted for the language as the caller
 * would (month and day for status and deadline, full date for election day).
 */
export function sampleVariables(language: Language): Record<Variable, string> {
  const monthDay = new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric', timeZone: 'UTC' });
  const full = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    voterName: 'Maria Guadalupe Hernández-Rodríguez',
    countyName: 'San Bernardino',
    electionName: 'November 3, 2026 Statewide General Election',
    electionDate: full.format(SAMPLE_ELECTION_DAY),
    statusDate: monthDay.format(SAMPLE_STATUS_DAY),
    cureDeadline: monthDay.format(SAMPLE_DAY),
    countyPhone: '(909) 387-8300',
    countyEmail: 'elections@sbcountyelections.example.gov',
    countyWebsite: 'https://sbcountyelections.example.gov',
    statusUrl: 'https://ballots.example.gov/s',
    unsubscribeUrl: 'https://ballots.example.gov/u/3f9a1c7e5b2d4a68',
    helpPhone: '(888) 868-3225',
    serviceName: "Where's My Ballot?",
    reasonText: 'The signature on the envelope could not be matched to your voter record.',
    hasReason: 'yes',
    reasonCode: 'NMS',
    needsYes: 'yes',
  };
}
