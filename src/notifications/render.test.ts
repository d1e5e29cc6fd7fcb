import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { CHANNELS, LANGUAGES, MESSAGE_KINDS } from '../persisted.ts';
import type { Channel, Language, MessageKind } from '../persisted.ts';
import { RenderError, SMS_SEGMENT_LIMITS, render, smsSegments, templateVariables, validateTemplate } from './render.ts';
import type { RenderInput } from './render.ts';
import { sampleVariables } from './templates/catalog.ts';

const EN = sampleVariables('en');

function without(vars: Record<string, string>, ...names: string[]): Record<string, string> {
  const copy = { ...vars };
  for (const n of names) delete copy[n];
  return copy;
}

/** Asserts that rendering throws a RenderError with this code and, if given, exactly these missing variables. */
function throwsRender(input: RenderInput, code: string, missing?: string[]): RenderError {
  let caught: unknown;
  try {
    render(input);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof RenderError, `expected RenderError, got ${String(caught)}`);
  assert.ok(caught instanceof AppError);
  assert.equal(caught.code, code);
  assert.equal(caught.status, 422);
  const details = caught.details as { kind: MessageKind; language: Language; channel: Channel; missing: string[] };
  assert.equal(details.kind, input.kind);
  assert.equal(details.language, input.language);
  assert.equal(details.channel, input.channel);
  if (missing) assert.deepEqual([...details.missing].sort(), [...missing].sort());
  return caught;
}

describe('render', () => {
  it('renders every kind in every language on every channel with the sample values', () => {
    for (const language of LANGUAGES) {
      for (const kind of MESSAGE_KINDS) {
        for (const channel of CHANNELS) {
          const m = render({ kind, language, channel, vars: sampleVariables(language) });
          assert.equal(m.channel, channel);
          assert.equal(m.language, language);
          const present = (['sms', 'subject', 'text', 'html', 'voice'] as const).filter((k) => m[k] !== undefined);
          const expected = channel === 'email' ? ['subject', 'text', 'html'] : [channel];
          assert.deepEqual(present, expected, `${language} ${kind} ${channel}`);
          for (const k of present) assert.notEqual(m[k]!.trim(), '', `${language} ${kind} ${channel} ${k}`);
        }
      }
    }
  });

  it('ignores variables a template does not use', () => {
    const m = render({ kind: 'outbound', language: 'en', channel: 'sms', vars: { ...EN, somethingElse: 'x' } });
    assert.ok(m.sms!.startsWith(`${EN.voterName}: ${EN.countyName} County`));
  });

  it('renders the same text again from the cache', () => {
    const input: RenderInput = { kind: 'received', language: 'vi', channel: 'email', vars: sampleVariables('vi') };
    assert.deepEqual(render(input), render(input));
  });
});

describe('render is strict', () => {
  it('names each missing required variable of outbound, on every channel', () => {
    for (const channel of CHANNELS) {
      for (const name of ['voterName', 'countyName', 'electionName']) {
        throwsRender({ kind: 'outbound', language: 'en', channel, vars: without(EN, name) }, 'template_missing_value', [name]);
      }
    }
  });

  it('names each missing variable of contact_county', () => {
    for (const name of ['voterName', 'countyName', 'electionName', 'cureDeadline', 'countyPhone', 'reasonCode']) {
      throwsRender({ kind: 'contact_county', language: 'es', channel: 'sms', vars: without(EN, name) }, 'template_missing_value', [name]);
    }
    for (const name of ['countyEmail', 'countyWebsite', 'statusUrl', 'hasReason']) {
      throwsRender({ kind: 'contact_county', language: 'ko', channel: 'email', vars: without(EN, name) }, 'template_missing_value', [name]);
    }
  });

  it('lists every missing variable at once', () => {
    throwsRender(
      { kind: 'received', language: 'en', channel: 'sms', vars: without(EN, 'voterName', 'countyName', 'electionName') },
      'template_missing_value',
      ['voterName', 'countyName', 'electionName'],
    );
  });

  it('counts empty and whitespace-only strings, and undefined, as missing', () => {
    for (const blank of ['', '   ', '\n\t']) {
      throwsRender({ kind: 'accepted', language: 'ja', channel: 'voice', vars: { ...EN, electionName: blank } }, 'template_missing_value', ['electionName']);
    }
    const vars = { ...EN, countyName: undefined } as unknown as Record<string, string>;
    throwsRender({ kind: 'accepted', language: 'ja', channel: 'sms', vars }, 'template_missing_value', ['countyName']);
  });

  it('needs the unsubscribe URL and service name for every email (footer)', () => {
    throwsRender({ kind: 'accepted', language: 'th', channel: 'email', vars: without(EN, 'unsubscribeUrl') }, 'template_missing_value', ['unsubscribeUrl']);
    throwsRender({ kind: 'accepted', language: 'th', channel: 'email', vars: without(EN, 'serviceName') }, 'template_missing_value', ['serviceName']);
    // …but not for SMS, which carries no footer.
    assert.doesNotThrow(() => render({ kind: 'accepted', language: 'th', channel: 'sms', vars: without(EN, 'unsubscribeUrl', 'serviceName') }));
  });

  it('needs reasonText only when hasReason is yes', () => {
    const vars = without(EN, 'reasonText');
    throwsRender({ kind: 'not_accepted', language: 'en', channel: 'email', vars: { ...vars, hasReason: 'yes' } }, 'template_missing_value', ['reasonText']);
    throwsRender({ kind: 'not_accepted', language: 'en', channel: 'voice', vars: { ...vars, hasReason: 'yes', reasonText: ' ' } }, 'template_missing_value', ['reasonText']);
    const m = render({ kind: 'not_accepted', language: 'en', channel: 'email', vars: { ...vars, hasReason: 'no' } });
    assert.doesNotMatch(m.text!, /Reason/);
  });

  it('needs needsYes for the confirmation SMS', () => {
    throwsRender({ kind: 'confirmation', language: 'km', channel: 'sms', vars: without(EN, 'needsYes') }, 'template_missing_value', ['needsYes']);
    assert.doesNotThrow(() => render({ kind: 'confirmation', language: 'km', channel: 'email', vars: without(EN, 'needsYes') }));
  });

  it('refuses a switch value it does not know rather than fall through silently', () => {
    const err = throwsRender({ kind: 'confirmation', language: 'en', channel: 'sms', vars: { ...EN, needsYes: 'true' } }, 'template_invalid_value', []);
    assert.deepEqual((err.details as { errors: string[] }).errors, ['needsYes=true']);
    throwsRender({ kind: 'contact_county', language: 'en', channel: 'sms', vars: { ...EN, reasonCode: 'XYZ' } }, 'template_invalid_value');
  });
});

describe('render with overrides', () => {
  it('uses an override for its form and defaults for the others', () => {
    const overrides = { sms: '{voterName}: {countyName} County mailed your {electionName} ballot today. Reply STOP to stop' };
    const sms = render({ kind: 'outbound', language: 'en', channel: 'sms', vars: EN, overrides }).sms!;
    assert.equal(sms, `${EN.voterName}: ${EN.countyName} County mailed your ${EN.electionName} ballot today. Reply STOP to stop`);
    const voice = render({ kind: 'outbound', language: 'en', channel: 'voice', vars: EN, overrides }).voice!;
    assert.match(voice, /has mailed your ballot/);
  });

  it('is strict about the variables an override uses', () => {
    const overrides = { voice: 'Call {countyPhone} before {cureDeadline}.' };
    throwsRender({ kind: 'outbound', language: 'en', channel: 'voice', vars: without(EN, 'cureDeadline'), overrides }, 'template_missing_value', ['cureDeadline']);
  });

  it('rejects an override that does not parse, or is blank', () => {
    throwsRender({ kind: 'outbound', language: 'en', channel: 'sms', vars: EN, overrides: { sms: 'Hi {voterName' } }, 'template_invalid', []);
    throwsRender({ kind: 'outbound', language: 'en', channel: 'email', vars: EN, overrides: { emailSubject: '  ' } }, 'template_invalid', []);
  });
});

describe('email HTML', () => {
  const hostile = '<script>alert("x")</script> & O\'Brien';

  it('escapes every variable in HTML and keeps text forms raw', () => {
    const m = render({ kind: 'received', language: 'en', channel: 'email', vars: { ...EN, voterName: hostile, countyName: 'A&B' } });
    assert.ok(!m.html!.includes('<script>'));
    assert.ok(m.html!.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Brien'));
    assert.ok(m.html!.includes('A&amp;B County'));
    assert.ok(m.text!.includes(hostile));
    assert.ok(m.subject!.includes(hostile));
    const sms = render({ kind: 'received', language: 'en', channel: 'sms', vars: { ...EN, voterName: hostile } }).sms!;
    assert.ok(sms.startsWith(hostile));
  });

  it('escapes the template text itself, so an override cannot inject markup', () => {
    const overrides = { emailText: '<b>{voterName}</b>, {countyName} County, {electionName}: <img src=x onerror=alert(1)>' };
    const html = render({ kind: 'received', language: 'en', channel: 'email', vars: EN, overrides }).html!;
    assert.ok(html.includes('&lt;b&gt;'));
    assert.ok(!/<img|<b>/.test(html));
  });

  it('links http(s) URLs and the county email, and nothing else', () => {
    const html = render({ kind: 'contact_county', language: 'en', channel: 'email', vars: EN }).html!;
    assert.ok(html.includes(`<a href="${EN.statusUrl}"`));
    assert.ok(html.includes(`<a href="${EN.countyWebsite}"`));
    assert.ok(html.includes(`<a href="mailto:${EN.countyEmail}"`));
    const sneaky = render({ kind: 'contact_county', language: 'en', channel: 'email', vars: { ...EN, countyWebsite: 'javascript:alert(1)' } }).html!;
    assert.ok(!sneaky.includes('href="javascript:'));
    assert.ok(sneaky.includes('javascript:alert(1)'));
  });

  it('is an accessible page: lang, paragraphs, visible unsubscribe link, no images, dark text on white', () => {
    for (const language of LANGUAGES) {
      const vars = sampleVariables(language);
      const m = render({ kind: 'outbound', language, channel: 'email', vars });
      const html = m.html!;
      assert.match(html, new RegExp(`<html lang="${language}"`));
      assert.match(html, /<title>[^<]+<\/title>/);
      assert.ok((html.match(/<p[ >]/g) ?? []).length >= 4, language);
      assert.ok(!/<img\b/.test(html), language);
      assert.match(html, /color:#1b1b1b/);
      assert.match(html, /background-color:#ffffff/);
      const footer = html.slice(html.indexOf('<footer'));
      assert.ok(footer.includes(`<a href="${vars.unsubscribeUrl}" style="color:#005ea2;text-decoration:underline;">`), language);
      // The plain text carries the same unsubscribe link, labelled.
      assert.ok(m.text!.includes(vars.unsubscribeUrl), language);
    }
  });

  it('turns blank lines into paragraphs and line breaks into <br>', () => {
    const html = render({ kind: 'contact_county', language: 'en', channel: 'email', vars: EN }).html!;
    assert.match(html, /<p style="[^"]*">Hello Maria Guadalupe Hernández-Rodríguez,<\/p>/);
    assert.match(html, /Phone: \(909\) 387-8300<br>/);
  });

  it('keeps the subject on one line whatever the values hold', () => {
    const m = render({ kind: 'accepted', language: 'en', channel: 'email', vars: { ...EN, voterName: 'Ann\r\nBcc: x@example.com' } });
    assert.ok(!/[\r\n]/.test(m.subject!));
  });
});

describe('templateVariables', () => {
  it('lists the variables a template uses, in order, including switches and their branches', () => {
    assert.deepEqual(templateVariables('Hi {voterName}, {countyName}'), ['voterName', 'countyName']);
    assert.deepEqual(
      templateVariables('{hasReason, select, yes {Reason: {reasonText}} other {}} {voterName} {voterName}'),
      ['hasReason', 'reasonText', 'voterName'],
    );
    assert.deepEqual(templateVariables('No variables here.'), []);
  });

  it('throws on a template that does not parse', () => {
    assert.throws(() => templateVariables('Hi {voterName'));
  });
});

describe('validateTemplate', () => {
  const good = '{voterName}: {countyName} County mailed your {electionName} ballot. Reply STOP to stop';
  const errorsOf = (kind: MessageKind, form: Parameters<typeof validateTemplate>[1], template: string): string[] => {
    const r = validateTemplate(kind, form, template);
    return r.ok ? [] : r.errors;
  };

  it('accepts a good custom template', () => {
    assert.deepEqual(validateTemplate('outbound', 'sms', good), { ok: true });
  });

  it('rejects parse errors and blank templates', () => {
    assert.match(errorsOf('outbound', 'sms', 'Hi {voterName')[0]!, /cannot be parsed/);
    assert.equal(errorsOf('outbound', 'sms', ' ').length, 1);
  });

  it('rejects unknown variables and variables this kind or form does not provide', () => {
    assert.ok(errorsOf('outbound', 'sms', `${good} {electionDay}`).some((e) => e.includes('Unknown variable {electionDay}')));
    assert.ok(errorsOf('outbound', 'sms', `${good} by {cureDeadline}`).some((e) => e.includes('{cureDeadline} is not available')));
    assert.ok(errorsOf('outbound', 'sms', `${good} {unsubscribeUrl}`).some((e) => e.includes('{unsubscribeUrl} is not available')));
    assert.deepEqual(errorsOf('outbound', 'emailText', '{voterName} {countyName} {electionName} {unsubscribeUrl}'), []);
  });

  it('rejects a template missing a required variable, or having it on one branch only', () => {
    assert.deepEqual(errorsOf('outbound', 'sms', '{voterName}: {countyName} County mailed your ballot. Reply STOP to stop'), ['Missing required variable {electionName}.']);
    const oneBranch = '{voterName} {countyName} {electionName} needs {reasonCode, select, NVS {a signature by {cureDeadline}} other {action}}, call {countyPhone}. Reply STOP to stop';
    assert.deepEqual(errorsOf('contact_county', 'sms', oneBranch), ['Missing required variable {cureDeadline}.']);
    const both = oneBranch.replace('other {action}', 'other {action by {cureDeadline}}');
    assert.deepEqual(errorsOf('contact_county', 'sms', both), []);
    assert.ok(errorsOf('confirmation', 'sms', '{voterName} in {countyName}. Reply STOP to stop').includes('Missing required variable {needsYes}.'));
    assert.ok(errorsOf('help', 'sms', '{serviceName}. Reply STOP to stop').includes('Missing required variable {helpPhone}.'));
  });

  it('keeps reasonText inside hasReason = yes', () => {
    const base = '{voterName} {countyName} {electionName} call {countyPhone}. Reply STOP to stop';
    assert.ok(errorsOf('not_accepted', 'sms', `${base} {reasonText}`).some((e) => e.includes('{reasonText} may only appear inside')));
    assert.deepEqual(errorsOf('not_accepted', 'sms', `${base}{hasReason, select, yes { {reasonText}} other {}}`), []);
    assert.ok(errorsOf('not_accepted', 'sms', `${base}{hasReason, select, maybe {x} other {}}`).some((e) => e.includes('never "maybe"')));
  });

  it('keeps text and switch variables in their roles, and refuses ICU formatting', () => {
    assert.ok(errorsOf('outbound', 'sms', `${good} {voterName, select, x {a} other {b}}`).some((e) => e.includes('is text, not a switch')));
    assert.ok(errorsOf('confirmation', 'sms', '{voterName} {countyName} {needsYes}. Reply STOP to stop').some((e) => e.includes('is a switch')));
    assert.ok(errorsOf('outbound', 'sms', `${good} {electionDate, date, short}`).some((e) => e.includes('already formatted')));
  });

  it('requires the STOP hint in status and confirmation texts, not in the opt-out confirmation', () => {
    assert.deepEqual(errorsOf('outbound', 'sms', good.replace(' Reply STOP to stop', '')), ['The text must tell the voter to reply STOP to stop.']);
    assert.deepEqual(errorsOf('opt_out_confirmation', 'sms', '{serviceName}: texts are off. Reply START to restart.'), []);
    assert.deepEqual(errorsOf('outbound', 'emailText', '{voterName} {countyName} {electionName}'), []);
  });
});

describe('smsSegments', () => {
  it('reports GSM-7 and its segment boundaries', () => {
    assert.deepEqual(smsSegments('Hello'), { encoding: 'GSM-7', segments: 1, characters: 5 });
    assert.equal(smsSegments('a'.repeat(160)).segments, 1);
    assert.equal(smsSegments('a'.repeat(161)).segments, 2);
    assert.equal(smsSegments('a'.repeat(306)).segments, 2);
    assert.equal(smsSegments('a'.repeat(307)).segments, 3);
    assert.equal(smsSegments('é ñ ü à').encoding, 'GSM-7');
    assert.equal(smsSegments('€').characters, 2);
  });

  it('reports UCS-2 for anything outside GSM-7', () => {
    assert.equal(smsSegments('Hernández').encoding, 'UCS-2');
    assert.equal(smsSegments('停止').encoding, 'UCS-2');
    assert.equal(smsSegments('á'.repeat(70)).segments, 1);
    assert.equal(smsSegments('á'.repeat(71)).segments, 2);
    assert.equal(smsSegments('á'.repeat(201)).segments, 3);
    assert.equal(smsSegments('á'.repeat(202)).segments, 4);
    assert.deepEqual(SMS_SEGMENT_LIMITS, { 'GSM-7': 2, 'UCS-2': 3 });
  });
});
