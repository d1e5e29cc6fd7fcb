import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../config.ts';
import { loadProfile } from '../../profiles/profile.ts';
import { translator } from '../i18n/catalog.ts';
import type { PageContext } from './context.ts';
import { choiceId, choices, dateInput, errorFor, errorSummary, postForm, selectInput, textInput } from './forms.ts';

function ctx(lang: 'en' | 'es' = 'en'): PageContext {
  return {
    ...translator(lang, 'America/Los_Angeles'),
    profile: loadProfile('ca'),
    config: loadConfig({}),
    path: '/sign-up',
    now: new Date('2026-10-01T16:00:00Z'),
    csrfToken: () => 'token-123',
  };
}

test('text input: label, hint and error are wired to the input', () => {
  const out = textInput(ctx(), { id: 'zip', label: 'ZIP code', hint: '5 digits', error: 'Enter a ZIP code', value: '9<1', width: 'sm', autocomplete: 'postal-code', inputmode: 'numeric' }).value;
  assert.match(out, /class="usa-form-group usa-form-group--error"/);
  assert.match(out, /<label class="usa-label usa-label--error" for="zip">ZIP code<\/label>/);
  assert.match(out, /<div class="usa-hint" id="zip-hint">5 digits<\/div>/);
  assert.match(out, /<span class="usa-error-message" id="zip-error"><span class="usa-sr-only">Error:<\/span> Enter a ZIP code<\/span>/);
  assert.match(out, /<input class="usa-input usa-input--sm usa-input--error" id="zip" name="zip" type="text" value="9&lt;1" autocomplete="postal-code" inputmode="numeric" aria-describedby="zip-hint zip-error" aria-invalid="true">/);
  const plain = textInput(ctx(), { id: 'first-name', label: 'First name' }).value;
  assert.doesNotMatch(plain, /aria-describedby|aria-invalid|usa-error-message/);
});

test('date input: one field, MM-DD-YYYY hint in the reader\'s language', () => {
  const out = dateInput(ctx('es'), { id: 'dob', label: 'Fecha de nacimiento', autocomplete: 'bday' }).value;
  assert.match(out, /MM-DD-AAAA \(mes, día, año\)\. Por ejemplo: 01-23-1980/);
  assert.match(out, /inputmode="numeric"/);
  assert.match(out, /maxlength="10"/);
  assert.match(out, /autocomplete="bday"/);
});

test('choices: a fieldset with legend; each option labelled, ids the error summary can link to', () => {
  const out = choices(ctx(), {
    id: 'channels', name: 'channels', type: 'checkbox', legend: 'How should we reach you?', error: 'Choose at least one',
    options: [{ value: 'sms', label: 'Text', checked: true }, { value: 'email', label: 'Email', hint: 'We never share it' }, { value: 'voice', label: 'Phone call' }],
  }).value;
  assert.match(out, /<fieldset class="usa-fieldset" aria-describedby="channels-error">/);
  assert.match(out, /<legend class="usa-legend usa-label--error">How should we reach you\?<\/legend>/);
  assert.match(out, /<input class="usa-checkbox__input" id="channels-sms" type="checkbox" name="channels" value="sms" checked>/);
  assert.match(out, /aria-describedby="channels-email-hint"/);
  assert.equal(choiceId('channels', 'sms'), 'channels-sms');
  const radios = choices(ctx(), { id: 'lang', name: 'lang', type: 'radio', legend: 'Language', tile: true, options: [{ value: 'zh-Hant', label: '中文', lang: 'zh-Hant' }] }).value;
  assert.match(radios, /class="usa-radio__input usa-radio__input--tile" id="lang-zh-Hant"/);
  assert.match(radios, /<label class="usa-radio__label" for="lang-zh-Hant" lang="zh-Hant">中文<\/label>/);
});

test('select, error summary and form with the CSRF token', () => {
  const select = selectInput(ctx(), { id: 'from', label: 'From', options: [{ value: '08', label: '8 a.m.', selected: true }, { value: '09', label: '9 a.m.' }] }).value;
  assert.match(select, /<option value="08" selected>8 a.m.<\/option>/);
  const errors = [{ field: 'dob', message: 'Enter your date of birth' }, { field: 'channels-sms', message: 'Choose at least one' }];
  const summary = errorSummary(ctx(), errors).value;
  assert.match(summary, /role="alert" tabindex="-1" autofocus/);
  assert.match(summary, /<h2 class="usa-alert__heading">There is a problem<\/h2>/);
  assert.match(summary, /<li><a href="#dob">Enter your date of birth<\/a><\/li>\n<li><a href="#channels-sms">/);
  assert.equal(errorSummary(ctx(), []).value, '');
  assert.equal(errorFor(errors, 'dob'), 'Enter your date of birth');
  assert.equal(errorFor(errors, 'zip'), undefined);
  const form = postForm(ctx(), { body: textInput(ctx(), { id: 'zip', label: 'ZIP' }), submitLabel: 'Continue' }).value;
  assert.match(form, /^<form class="usa-form usa-form--large" method="post" action="\/sign-up" novalidate>\n<input type="hidden" name="_csrf" value="token-123">/);
  assert.match(form, /<button class="usa-button" type="submit">Continue<\/button>\n<\/form>$/);
});
