import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES } from '../../persisted.ts';
import { html } from '../html.ts';
import { CATALOGS, LANGUAGE_NAMES, messageArguments, messageFormat, textDirection, translator, type MessageKey } from './catalog.ts';
import { chooseLanguage, fromAcceptLanguage, toSupported } from './negotiate.ts';

const KEYS = Object.keys(CATALOGS.en) as MessageKey[];

test('every language has exactly the English keys', () => {
  for (const lang of LANGUAGES) {
    assert.deepEqual(Object.keys(CATALOGS[lang]).sort(), [...KEYS].sort(), lang);
    assert.ok(LANGUAGE_NAMES[lang], `${lang} has a name in the switcher`);
  }
});

test('every message parses and uses the same variables and tags as English', () => {
  for (const key of KEYS) {
    const reference = messageArguments(messageFormat('en', key));
    for (const lang of LANGUAGES) {
      assert.ok(CATALOGS[lang][key].trim() !== '', `${lang}:${key} is empty`);
      const args = messageArguments(messageFormat(lang, key));
      assert.deepEqual(args, reference, `${lang}:${key} must use ${JSON.stringify(reference)}`);
    }
  }
});

test('translations are translated: almost no message is left in English', () => {
  for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
    const same = KEYS.filter((k) => CATALOGS[lang][k] === CATALOGS.en[k] && !/^\{page\}/.test(CATALOGS.en[k]));
    assert.ok(same.length <= 6, `${lang} has ${same.length} messages identical to English: ${same.join(', ')}`);
  }
});

test('every message renders, as text and as HTML, with sample values', () => {
  const link = (text: ReturnType<typeof html>) => html`<a href="/x">${text}</a>`;
  for (const lang of LANGUAGES) {
    const tr = translator(lang, 'America/Los_Angeles');
    for (const key of KEYS) {
      const { values } = messageArguments(messageFormat(lang, key));
      const sample = Object.fromEntries(values.map((v) => [v, `«${v}»`]));
      const text = tr.t(key, sample);
      assert.doesNotMatch(text, /<\/?(strong|link)>/, `${lang}:${key} plain text keeps no tags`);
      const rich = tr.th(key, { ...sample, link }).value;
      for (const v of values) assert.ok(rich.includes(`«${v}»`), `${lang}:${key} shows {${v}}`);
    }
  }
});

test('th escapes the message and its values, and renders tags with the given markup', () => {
  const tr = translator('en', 'America/Los_Angeles');
  const out = tr.th('footer.helpDesk', { helpDeskName: '<b>Desk</b>', phone: html`<a href="tel:1">1</a>`, email: 'a&b@example.gov' }).value;
  assert.match(out, /&lt;b&gt;Desk&lt;\/b&gt;/);
  assert.match(out, /<a href="tel:1">1<\/a>/);
  assert.match(out, /a&amp;b@example\.gov/);
  assert.equal(tr.th('banner.govBody').value, 'A <strong>.gov</strong> website belongs to an official government organization in the United States.');
  assert.equal(tr.th('home.logIn', { link: (t) => html`<a href="/log-in">${t}</a>` }).value,
    'Already signed up? <a href="/log-in">Log in</a> to see your ballot’s status or change your messages.');
  assert.equal(tr.t('home.logIn'), 'Already signed up? Log in to see your ballot’s status or change your messages.');
  assert.throws(() => tr.th('home.logIn'), /needs a renderer for <link>/);
});

test('dates are localised, in the given time zone, on the Gregorian calendar', () => {
  const election = new Date('2026-11-03T20:00:00Z');
  assert.equal(translator('en', 'America/Los_Angeles').date(election), 'November 3, 2026');
  assert.equal(translator('es', 'America/Los_Angeles').date(election), '3 de noviembre de 2026');
  assert.match(translator('th', 'America/Los_Angeles').date(election), /2026/, 'not the Buddhist era (2569)');
  assert.equal(translator('en', 'America/Los_Angeles').date(new Date('2026-11-04T06:00:00Z')), 'November 3, 2026', 'late evening in California');
  assert.equal(textDirection('en'), 'ltr');
});

test('language choice: ?lang= wins and is remembered, then the cookie, then Accept-Language, then English', () => {
  assert.deepEqual(chooseLanguage({ query: 'ko', cookie: 'es', acceptLanguage: 'vi' }), { lang: 'ko', remember: true });
  assert.deepEqual(chooseLanguage({ query: 'klingon', cookie: 'es', acceptLanguage: 'vi' }), { lang: 'es', remember: false });
  assert.deepEqual(chooseLanguage({ query: ['ko', 'es'], cookie: undefined, acceptLanguage: 'vi' }), { lang: 'vi', remember: false });
  assert.deepEqual(chooseLanguage({ cookie: 'zz', acceptLanguage: undefined }), { lang: 'en', remember: false });
  assert.equal(fromAcceptLanguage('fr-CA, fr;q=0.9, es;q=0.8, en;q=0.7'), 'es');
  assert.equal(fromAcceptLanguage('en;q=0.5, ja;q=0.9'), 'ja');
  assert.equal(fromAcceptLanguage('zh-CN,zh;q=0.9'), 'zh-Hant');
  assert.equal(fromAcceptLanguage('fil-PH'), 'tl');
  assert.equal(fromAcceptLanguage('km-KH, en;q=0'), 'km');
  assert.equal(fromAcceptLanguage('en;q=0, de'), null);
  assert.equal(fromAcceptLanguage('*'), null);
  assert.equal(fromAcceptLanguage(''), null);
  assert.equal(toSupported('ZH-hant-tw'), 'zh-Hant');
  assert.equal(toSupported('vi-VN'), 'vi');
  assert.equal(toSupported('x'.repeat(100)), null);
});
