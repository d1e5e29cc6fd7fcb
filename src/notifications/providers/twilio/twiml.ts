/**
 * TwiML for a voice message: `<Say>` in the message's language with a Twilio voice
 * that speaks it, or `<Play>` of a recorded file for a language no Twilio voice
 * speaks (Khmer), from BALLOTLINE_VOICE_AUDIO_URL. The message is said twice,
 * with a pause, because a call is often answered mid-sentence. Pure.
 */
import type { Language, MessageKind } from '../../../persisted.ts';

/** Twilio `<Say>` language and voice per message language; null: no voice, play a recording. */
export const SAY_VOICES: Readonly<Record<Language, { language: string; voice: string } | null>> = {
  en: { language: 'en-US', voice: 'Google.en-US-Standard-C' },
  es: { language: 'es-US', voice: 'Google.es-US-Standard-A' },
  'zh-Hant': { language: 'cmn-TW', voice: 'Google.cmn-TW-Standard-A' },
  hi: { language: 'hi-IN', voice: 'Google.hi-IN-Standard-A' },
  ja: { language: 'ja-JP', voice: 'Google.ja-JP-Standard-A' },
  km: null,
  ko: { language: 'ko-KR', voice: 'Google.ko-KR-Standard-A' },
  tl: { language: 'fil-PH', voice: 'Google.fil-PH-Standard-A' },
  th: { language: 'th-TH', voice: 'Google.th-TH-Standard-A' },
  vi: { language: 'vi-VN', voice: 'Google.vi-VN-Standard-A' },
};

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * The TwiML document of one call. Throws RangeError when the language has no voice and no
 * recording base URL is configured (the caller records it as a permanent failure).
 */
export function voiceTwiml(input: { kind: MessageKind; language: Language; text: string; audioBaseUrl: string | null }): string {
  const say = SAY_VOICES[input.language];
  let verb: string;
  if (say) {
    verb = `<Say language="${say.language}" voice="${say.voice}">${escapeXml(input.text)}</Say>`;
  } else {
    if (input.audioBaseUrl === null) throw new RangeError(`no Twilio voice speaks ${input.language} and BALLOTLINE_VOICE_AUDIO_URL is not set`);
    verb = `<Play>${escapeXml(`${input.audioBaseUrl}/${input.kind}.${input.language}.mp3`)}</Play>`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${verb}<Pause length="2"/>${verb}</Response>`;
}
