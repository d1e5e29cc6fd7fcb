import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES } from '../persisted.ts';
import { loadProfile } from '../profiles/profile.ts';
import { fieldMessageKey, formatRetryTime, MESSAGE_KEYS, MESSAGES, negotiateLanguage, profileMessageParams, voterMessage } from './messages.ts';

const params = { ...profileMessageParams(loadProfile('ca')), time: '9:15 AM' };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('voter messages', () => {
  it('every language has every message, with the same placeholders as English, and renders', () => {
    for (const lang of LANGUAGES) {
      for (const key of MESSAGE_KEYS) {
        const text = MESSAGES[lang][key];
        assert.ok(text && text.trim() === text, `${lang}/${key}`);
        assert.deepEqual(placeholders(text), placeholders(MESSAGES.en[key]), `${lang}/${key} placeholders`);
        const rendered = voterMessage(lang, key, params);
        assert.doesNotMatch(rendered, /[{}]/, `${lang}/${key}`);
      }
    }
  });

  it('translations are translations: no language repeats the English text of an outcome', () => {
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      for (const key of ['no_match', 'voter_id_needed', 'inactive', 'throttled', 'dob_format', 'channel_required'] as const) {
        assert.notEqual(MESSAGES[lang][key], MESSAGES.en[key], `${lang}/${key}`);
      }
    }
  });

  it('quotes the FAQ for a date of birth before 1900', () => {
    assert.equal(voterMessage('en', 'dob_before_1900', params), 'Date of Birth (DOB) cannot be before 01-01-1900.');
    for (const lang of LANGUAGES) assert.match(MESSAGES[lang].dob_before_1900, /01-01-1900/);
  });

  it('points to the voter-status lookup, the county and the help desk where the FAQ does', () => {
    assert.match(voterMessage('en', 'no_match', params), /https:\/\/voterstatus\.sos\.ca\.gov\/.*county-elections-offices/);
    assert.match(voterMessage('ko', 'voter_id_needed', params), /VoteCal Help Desk.*\(916\) 654-1141/);
    assert.match(voterMessage('es', 'zip_overseas', params), /California/);
    assert.match(voterMessage('en', 'name_too_long', params), /100 characters/);
  });

  it('refuses to render with a missing value', () => {
    assert.throws(() => voterMessage('en', 'throttled', profileMessageParams(loadProfile('ca'))), /needs \{time\}/);
  });

  it('maps field problems to messages', () => {
    assert.equal(fieldMessageKey({ field: 'firstName', code: 'name_required' }), 'first_name_required');
    assert.equal(fieldMessageKey({ field: 'lastName', code: 'name_required' }), 'last_name_required');
    assert.equal(fieldMessageKey({ field: 'dob', code: 'dob_future' }), 'dob_future');
    assert.equal(fieldMessageKey({ field: 'x', code: 'something_new' }), 'invalid');
  });
});

describe('negotiateLanguage', () => {
  it('picks the best offered language by q-value', () => {
    assert.equal(negotiateLanguage('fr-CA, es;q=0.8, en;q=0.5'), 'es');
    assert.equal(negotiateLanguage('en;q=0.4, vi;q=0.9'), 'vi');
    assert.equal(negotiateLanguage('zh-TW'), 'zh-Hant');
    assert.equal(negotiateLanguage('zh-CN,zh;q=0.9'), 'zh-Hant');
    assert.equal(negotiateLanguage('fil-PH'), 'tl');
    assert.equal(negotiateLanguage('KO-kr'), 'ko');
    assert.equal(negotiateLanguage('fr, de'), null);
    assert.equal(negotiateLanguage('es;q=0, en'), 'en');
    assert.equal(negotiateLanguage(undefined), null);
  });
});

describe('formatRetryTime', () => {
  const now = new Date('2026-10-01T16:00:00Z');
  it('is the time in the state zone and the reader language, with the date when not today', () => {
    assert.match(formatRetryTime('en', new Date('2026-10-01T16:15:00Z'), now, 'America/Los_Angeles'), /^9:15\sAM$/);
    assert.match(formatRetryTime('es', new Date('2026-10-01T16:15:00Z'), now, 'America/Los_Angeles'), /9:15/);
    assert.match(formatRetryTime('en', new Date('2026-10-02T08:15:00Z'), now, 'America/Los_Angeles'), /Oct 2, 2026.*1:15\sAM/);
    assert.ok(formatRetryTime('km', new Date('2026-10-01T16:15:00Z'), now, 'America/Los_Angeles').length > 0);
  });
});
