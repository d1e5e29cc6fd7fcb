import { test } from 'node:test';
import assert from 'node:assert/strict';
import { smsSegments } from '../notifications/render.ts';
import { defaultTemplates } from '../notifications/templates/catalog.ts';
import { assertCanEdit, channelOfForm, parseSlot, previewTemplate } from './templates.service.ts';

const es = defaultTemplates('accepted', 'es').sms;
const GSM_ES = '{voterName}, {electionName}: el condado de {countyName} acepto su boleta. ¡Gracias, señor! Responda STOP para salir';

test('preview: the Spanish SMS renders on sample data with its encoding and segments; an emoji switches it to UCS-2', () => {
  const p = previewTemplate({ kind: 'accepted', language: 'es', form: 'sms' }, es);
  assert.equal(p.ok, true, p.errors.join('; '));
  assert.ok(p.text!.includes('Maria Guadalupe Hernández-Rodríguez'));
  assert.equal(p.sms!.encoding, 'UCS-2', 'accents outside GSM-7 (í) make the sample UCS-2');
  assert.equal(p.smsPlain!.encoding, 'UCS-2', 'the default text itself has ó (aceptó)');
  const plain = previewTemplate({ kind: 'accepted', language: 'es', form: 'sms' }, GSM_ES);
  assert.equal(plain.ok, true, plain.errors.join('; '));
  assert.deepEqual([plain.smsPlain!.encoding, plain.smsPlain!.segments], ['GSM-7', 2], 'ñ and ¡ are GSM-7: two GSM-7 segments (under 306 characters) with a plain name');
  assert.equal(plain.sms!.encoding, 'UCS-2', 'the accented sample name (á, í) still makes it UCS-2');
  const emoji = previewTemplate({ kind: 'accepted', language: 'es', form: 'sms' }, `${GSM_ES} 🗳️`);
  assert.equal(emoji.smsPlain!.encoding, 'UCS-2', 'an emoji switches it to UCS-2');
  assert.ok(emoji.smsPlain!.segments >= plain.smsPlain!.segments);
});

test('segment counting of Spanish text with accents: é, ñ, ü are GSM-7; á, í, ó, ú are not; 160/153 and 70/67 per segment', () => {
  const gsm = smsSegments('Su boleta fue recibida. ¿Preguntas? Llame a la oficina del condado. Señor Müller, é');
  assert.deepEqual([gsm.encoding, gsm.segments], ['GSM-7', 1]);
  assert.deepEqual([smsSegments('a'.repeat(160)).segments, smsSegments('a'.repeat(161)).segments], [1, 2]);
  const ucs = smsSegments('Su boleta llegó: votación aceptada.');
  assert.equal(ucs.encoding, 'UCS-2');
  assert.deepEqual([smsSegments('ó'.repeat(70)).segments, smsSegments('ó'.repeat(71)).segments, smsSegments('ó'.repeat(135)).segments], [1, 2, 3]);
  const emoji = smsSegments('Su boleta 🗳');
  assert.equal(emoji.encoding, 'UCS-2');
});

test('validation: unknown and missing variables are refused with a clear message; preview lists them', () => {
  const unknown = previewTemplate({ kind: 'accepted', language: 'es', form: 'sms' }, `${es} {cancelUrl}`);
  assert.equal(unknown.ok, false);
  assert.ok(unknown.errors.includes('Unknown variable {cancelUrl}.'), unknown.errors.join('; '));
  const missing = previewTemplate({ kind: 'accepted', language: 'es', form: 'sms' }, 'Su boleta fue aceptada. Responda STOP para dejar de recibir.');
  assert.equal(missing.ok, false);
  assert.ok(missing.errors.includes('Missing required variable {voterName}.'), missing.errors.join('; '));
  const broken = previewTemplate({ kind: 'accepted', language: 'es', form: 'sms' }, 'Hola {voterName');
  assert.equal(broken.ok, false);
  assert.match(broken.errors[0]!, /cannot be parsed/);
  assert.equal(broken.text, null);
  const notHere = previewTemplate({ kind: 'accepted', language: 'en', form: 'emailSubject' }, 'Ballot of {voterName} {cureDeadline}');
  assert.ok(notHere.errors.some((e) => e.includes('{cureDeadline} is not available')), notHere.errors.join('; '));
});

test('slots and who may edit them', () => {
  assert.deepEqual(parseSlot({ kind: 'accepted', language: 'es', form: 'sms', county: ' 19 ' }), { kind: 'accepted', language: 'es', form: 'sms', countyCode: '19' });
  assert.throws(() => parseSlot({ kind: 'nope', language: 'es', form: 'sms' }), /No such message template/);
  assert.throws(() => parseSlot({ kind: 'accepted', language: 'xx', form: 'sms' }), /No such message template/);
  assert.deepEqual(['sms', 'emailSubject', 'emailText', 'voice'].map((f) => channelOfForm(f as never)), ['sms', 'email', 'email', 'voice']);
  const countyAdmin = { role: 'county_admin' as const, countyCodes: ['19'] };
  assert.throws(() => assertCanEdit(countyAdmin, null), (e: { status?: number }) => e.status === 403, 'state wording: templates.manage only');
  assert.throws(() => assertCanEdit(countyAdmin, '38'), (e: { status?: number }) => e.status === 404, 'another county: not found');
  assertCanEdit(countyAdmin, '19');
  assert.throws(() => assertCanEdit({ role: 'county_staff', countyCodes: ['19'] }, '19'), (e: { status?: number }) => e.status === 403);
  assertCanEdit({ role: 'state_admin', countyCodes: [] }, null);
});
