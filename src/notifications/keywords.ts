/**
 * Classifies an inbound SMS reply as an opt-out, opt-in, YES confirmation or
 * help request (DESIGN §2.2). Pure; the SMS webhook acts on the result.
 *
 * Only a whole message is a keyword: "Stop.", " stop ", "STOP ALL" and "Opt-out"
 * are; "please don't stop" is not. Matching ignores case, spaces, punctuation,
 * symbols and width (NFKC), and, for Latin-script replies only, diacritics
 * ("dung" = "DỪNG", "si" = "SÍ") — in other scripts the marks are letters.
 *
 * The carrier keywords (English) always work. Every language's keywords work
 * for every voter too, because the same phone may be shared, the voter may
 * reply in another language, and carriers cannot know the language. Should a
 * word ever mean different things in two languages, English wins if English is
 * one of them; otherwise the voter's language decides, and without one the
 * reply is not a keyword. `KEYWORD_COLLISIONS` lists such words; today there
 * are none, and a test keeps it that way unless someone decides otherwise.
 */
import { LANGUAGES } from '../persisted.ts';
import type { Language } from '../persisted.ts';

export type ReplyKeyword = 'stop' | 'start' | 'yes' | 'help';

/**
 * Keywords as voters type them. `en` holds the carrier (CTIA) keywords, which
 * carriers themselves act on; YES is separate from START because it also
 * confirms a sign-up that needs a YES reply (Colorado).
 */
export const REPLY_KEYWORDS: Readonly<Record<Language, Readonly<Record<ReplyKeyword, readonly string[]>>>> = {
  en: {
    stop: ['STOP', 'END', 'CANCEL', 'UNSUBSCRIBE', 'QUIT', 'STOPALL', 'STOP ALL', 'REVOKE', 'OPTOUT', 'OPT OUT', 'OPT-OUT'],
    start: ['START', 'UNSTOP'],
    yes: ['YES'],
    help: ['HELP', 'INFO'],
  },
  es: {
    stop: ['ALTO', 'PARAR', 'PARE', 'DETENER', 'CANCELAR', 'BAJA'],
    start: ['COMENZAR', 'INICIAR', 'REANUDAR'],
    yes: ['SÍ', 'SI'],
    help: ['AYUDA'],
  },
  'zh-Hant': {
    stop: ['停止', '退訂', '退订', '取消', '取消訂閱'],
    start: ['開始', '开始', '重新訂閱'],
    yes: ['是', '是的'],
    help: ['幫助', '帮助', '協助', '說明'],
  },
  hi: {
    stop: ['रोकें', 'रोको', 'बंद', 'बंद करें'],
    start: ['शुरू', 'शुरू करें'],
    yes: ['हाँ', 'हां', 'जी हाँ', 'जी हां'],
    help: ['मदद', 'सहायता'],
  },
  ja: {
    stop: ['停止', '配信停止', 'ストップ'],
    start: ['開始', '再開'],
    yes: ['はい'],
    help: ['ヘルプ'],
  },
  km: {
    stop: ['ឈប់'],
    // Both spellings of the subscript (ត / ដ) are in everyday use.
    start: ['ចាប់ផ្តើម', 'ចាប់ផ្ដើម'],
    // បាទ (said by men) and ចាស (by women), also written together as បាទ/ចាស.
    yes: ['បាទ', 'ចាស', 'ចា៎ស', 'បាទ/ចាស'],
    help: ['ជំនួយ'],
  },
  ko: {
    stop: ['중지', '중단', '수신거부', '수신 거부'],
    start: ['시작'],
    yes: ['예', '네'],
    help: ['도움말', '도움'],
  },
  tl: {
    stop: ['TIGIL', 'ITIGIL', 'HINTO'],
    start: ['SIMULA'],
    yes: ['OO', 'OPO'],
    help: ['TULONG'],
  },
  th: {
    stop: ['หยุด', 'ยกเลิก'],
    start: ['เริ่ม'],
    yes: ['ใช่', 'ตกลง'],
    help: ['ช่วยเหลือ', 'ช่วยด้วย'],
  },
  vi: {
    stop: ['DỪNG', 'DUNG', 'NGỪNG', 'HỦY', 'HUY'],
    start: ['BẮT ĐẦU'],
    yes: ['CÓ', 'ĐỒNG Ý'],
    help: ['TRỢ GIÚP', 'GIÚP'],
  },
};

const ONLY_LATIN = /^[\p{Script=Latin}\p{M}\p{N}]+$/u;

/** The comparable form of a reply: see the module comment. */
export function normalizeReply(body: string): string {
  let s = body.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
  if (ONLY_LATIN.test(s)) s = s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/\u0110/g, 'D');
  return s.normalize('NFC');
}

const TABLE = new Map<string, Map<Language, ReplyKeyword>>();
for (const language of LANGUAGES) {
  for (const [keyword, words] of Object.entries(REPLY_KEYWORDS[language]) as [ReplyKeyword, readonly string[]][]) {
    for (const word of words) {
      const key = normalizeReply(word);
      let meanings = TABLE.get(key);
      if (!meanings) TABLE.set(key, (meanings = new Map()));
      meanings.set(language, keyword);
    }
  }
}

/** Normalised words that mean different things in different languages. */
export const KEYWORD_COLLISIONS: readonly string[] = [...TABLE]
  .filter(([, meanings]) => new Set(meanings.values()).size > 1)
  .map(([key]) => key);

const MAX_KEYWORD_LENGTH = Math.max(...[...TABLE.keys()].map((k) => k.length));

/**
 * What a whole reply asks for, or null when it is not a keyword (an ordinary
 * message, to be kept for staff). `language` is the voter's message language;
 * it only matters for a word that would collide between languages.
 */
export function classifyReply(body: string, language?: Language): ReplyKeyword | null {
  if (body.length > MAX_KEYWORD_LENGTH * 4 + 32) return null;
  const meanings = TABLE.get(normalizeReply(body));
  if (!meanings) return null;
  const distinct = new Set(meanings.values());
  if (distinct.size === 1) return [...distinct][0]!;
  return meanings.get('en') ?? (language ? meanings.get(language) ?? null : null);
}
