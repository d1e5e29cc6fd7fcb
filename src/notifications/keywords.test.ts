import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES } from '../persisted.ts';
import type { Language } from '../persisted.ts';
import { KEYWORD_COLLISIONS, REPLY_KEYWORDS, classifyReply, normalizeReply } from './keywords.ts';
import type { ReplyKeyword } from './keywords.ts';

const KINDS: readonly ReplyKeyword[] = ['stop', 'start', 'yes', 'help'];

describe('classifyReply', () => {
  it('knows the carrier keywords, whatever the voter language', () => {
    const carrier: Record<ReplyKeyword, string[]> = {
      stop: ['STOP', 'END', 'CANCEL', 'UNSUBSCRIBE', 'QUIT', 'STOPALL', 'STOP ALL', 'REVOKE', 'OPTOUT', 'OPT OUT'],
      start: ['START', 'UNSTOP'],
      yes: ['YES'],
      help: ['HELP', 'INFO'],
    };
    for (const [kind, words] of Object.entries(carrier)) {
      for (const word of words) {
        assert.equal(classifyReply(word), kind, word);
        for (const language of LANGUAGES) assert.equal(classifyReply(word, language), kind, `${word} (${language})`);
      }
    }
  });

  it('knows every keyword of every language, for a voter of any language and without one', () => {
    let count = 0;
    for (const source of LANGUAGES) {
      for (const kind of KINDS) {
        const words = REPLY_KEYWORDS[source][kind];
        assert.ok(words.length > 0, `${source} has no ${kind} keyword`);
        for (const word of words) {
          assert.equal(classifyReply(word), kind, `${source} ${word}`);
          for (const language of LANGUAGES) assert.equal(classifyReply(word, language), kind, `${source} ${word} (${language})`);
          count++;
        }
      }
    }
    assert.ok(count > 80);
  });

  it('includes the equivalents the design names', () => {
    const expected: Record<Language, Record<ReplyKeyword, string[]>> = {
      en: { stop: ['STOP'], start: ['START'], yes: ['YES'], help: ['HELP'] },
      es: { stop: ['ALTO', 'PARAR', 'CANCELAR'], start: ['COMENZAR'], yes: ['SÍ', 'SI'], help: ['AYUDA'] },
      'zh-Hant': { stop: ['停止', '退訂', '取消'], start: ['開始'], yes: ['是'], help: ['幫助'] },
      vi: { stop: ['DỪNG', 'DUNG', 'HỦY'], start: ['BẮT ĐẦU'], yes: ['CÓ'], help: ['TRỢ GIÚP'] },
      ko: { stop: ['중지'], start: ['시작'], yes: ['예'], help: ['도움말'] },
      ja: { stop: ['停止'], start: ['開始'], yes: ['はい'], help: ['ヘルプ'] },
      tl: { stop: ['TIGIL'], start: ['SIMULA'], yes: ['OO'], help: ['TULONG'] },
      th: { stop: ['หยุด'], start: ['เริ่ม'], yes: ['ใช่'], help: ['ช่วยเหลือ'] },
      hi: { stop: ['रोकें', 'बंद'], start: ['शुरू'], yes: ['हाँ'], help: ['मदद'] },
      km: { stop: ['ឈប់'], start: ['ចាប់ផ្តើម'], yes: ['បាទ', 'ចាស', 'បាទ/ចាស'], help: ['ជំនួយ'] },
    };
    for (const [language, byKind] of Object.entries(expected)) {
      for (const [kind, words] of Object.entries(byKind)) {
        for (const word of words) assert.equal(classifyReply(word, language as Language), kind, `${language} ${word}`);
      }
    }
  });

  it('ignores case, surrounding and inner spaces, punctuation, symbols and full width', () => {
    const cases: [string, ReplyKeyword][] = [
      ['stop', 'stop'], ['Stop', 'stop'], [' Stop ', 'stop'], ['stop.', 'stop'], ['STOP!!!', 'stop'], ['"stop"', 'stop'],
      ['\tStop\n', 'stop'], ['stop all', 'stop'], ['Stop  All', 'stop'], ['opt-out', 'stop'], ['Opt out.', 'stop'],
      ['ＳＴＯＰ', 'stop'], ['stop 🛑', 'stop'], ['yes!', 'yes'], ['Yes.', 'yes'], ['help?', 'help'], ['Info', 'help'],
      ['¡Alto!', 'stop'], ['¿Sí?', 'yes'], ['si', 'yes'], ['ayuda', 'help'],
      ['dừng', 'stop'], ['Dung', 'stop'], ['huy', 'stop'], ['trợ giúp', 'help'], ['Tro giup', 'help'], ['có', 'yes'], ['bắt đầu', 'start'], ['bat dau', 'start'],
      ['停止。', 'stop'], ['「停止」', 'stop'], ['是！', 'yes'], ['はい。', 'yes'], ['중지.', 'stop'], ['예!', 'yes'],
      ['หยุด ', 'stop'], ['बंद।', 'stop'], ['हां', 'yes'], ['ឈប់។', 'stop'], ['tigil', 'stop'], ['Oo', 'yes'], ['Opo', 'yes'],
    ];
    for (const [body, kind] of cases) assert.equal(classifyReply(body), kind, JSON.stringify(body));
  });

  it('matches whole messages only', () => {
    const negatives = [
      'please don\'t stop', 'stop sending me these', 'Stop it now', 'yes please', 'I need help with my ballot', 'STOPP', 'STO P P',
      'start over', 'cancel my ballot?', 'no', 'NO', 'thanks', 'ok', '', '   ', '...', '1', 'STOP STOP', 'yes yes',
      'Where is my ballot', '停止してください', '幫助我', 'ayuda por favor', 'đừng dừng', 'help me', 's t o p x',
      'stop'.repeat(40),
    ];
    for (const body of negatives) assert.equal(classifyReply(body), null, JSON.stringify(body));
  });

  it('has no keyword that means different things in different languages', () => {
    assert.deepEqual(KEYWORD_COLLISIONS, []);
  });
});

describe('normalizeReply', () => {
  it('upper-cases, drops everything but letters, marks and digits, and strips Latin diacritics only', () => {
    assert.equal(normalizeReply(' Stop all! '), 'STOPALL');
    assert.equal(normalizeReply('Sí'), 'SI');
    assert.equal(normalizeReply('Đồng ý'), 'DONGY');
    assert.equal(normalizeReply('ＨＥＬＰ'), 'HELP');
    // Devanagari, Thai and Khmer marks are part of the word and stay.
    assert.equal(normalizeReply('हाँ'), 'हाँ');
    assert.equal(normalizeReply('ใช่'), 'ใช่');
    assert.equal(normalizeReply('ចា៎ស'), 'ចា៎ស');
  });
});
