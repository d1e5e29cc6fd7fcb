import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BALLOT_MESSAGE_KINDS, CHANNELS, LANGUAGES, MESSAGE_KINDS } from '../../persisted.ts';
import type { Channel, Language, MessageKind } from '../../persisted.ts';
import { defaultSmsSizes, oversizedDefaultSms, render, templateVariables, validateTemplate } from '../render.ts';
import type { RenderedMessage } from '../render.ts';
import {
  TEMPLATE_FORMS, allDefaultTemplates, allowedVariables, defaultTemplates, languagePack, needsStopHint, sampleVariables,
} from './catalog.ts';

const SERVICE_KINDS = ['opt_out_confirmation', 'opt_in_confirmation', 'help'] as const;

function renderAll(kind: MessageKind, language: Language, extra: Record<string, string> = {}): RenderedMessage[] {
  const vars = { ...sampleVariables(language), ...extra };
  return CHANNELS.map((channel: Channel) => render({ kind, language, channel, vars }));
}

/** Every written form of a rendered message, labelled for failure messages. */
function forms(messages: RenderedMessage[]): [string, string][] {
  const out: [string, string][] = [];
  for (const m of messages) {
    for (const key of ['sms', 'subject', 'text', 'html', 'voice'] as const) {
      const value = m[key];
      if (value !== undefined) out.push([`${m.language}/${m.channel}/${key}`, value]);
    }
  }
  return out;
}

describe('template catalog', () => {
  it('has every kind × language × form, non-blank, parsing, and valid for its kind', () => {
    let count = 0;
    for (const language of LANGUAGES) {
      const pack = languagePack(language);
      assert.equal(pack.language, language);
      for (const kind of MESSAGE_KINDS) {
        const set = defaultTemplates(kind, language);
        for (const form of TEMPLATE_FORMS) {
          const template = set[form];
          assert.equal(typeof template, 'string', `${language} ${kind} ${form}`);
          assert.notEqual(template.trim(), '', `${language} ${kind} ${form} is blank`);
          assert.doesNotThrow(() => templateVariables(template), `${language} ${kind} ${form} parses`);
          assert.deepEqual(validateTemplate(kind, form, template), { ok: true }, `${language} ${kind} ${form}`);
          count++;
        }
      }
    }
    assert.equal(count, LANGUAGES.length * MESSAGE_KINDS.length * TEMPLATE_FORMS.length);
    assert.equal([...allDefaultTemplates()].length, count);
  });

  it('uses only the variables each kind and form provides', () => {
    for (const t of allDefaultTemplates()) {
      const allowed = new Set<string>(allowedVariables(t.kind, t.form));
      for (const v of templateVariables(t.template)) assert.ok(allowed.has(v), `${t.language} ${t.kind} ${t.form} uses {${v}}`);
    }
  });

  it('has an email footer and unsubscribe label in every language', () => {
    for (const language of LANGUAGES) {
      const pack = languagePack(language);
      assert.deepEqual(templateVariables(pack.emailFooter), ['serviceName'], language);
      assert.notEqual(pack.unsubscribeLabel.trim(), '', language);
    }
  });

  it('writes voice scripts to be heard: no digits of their own', () => {
    for (const t of allDefaultTemplates()) {
      if (t.form === 'voice') assert.doesNotMatch(t.template.replace(/\{[^{}]*\}/g, ''), /[0-9]/, `${t.language} ${t.kind}`);
    }
  });

  it('keeps voice scripts free of the long URLs and email links', () => {
    for (const t of allDefaultTemplates()) {
      if (t.form !== 'voice') continue;
      const vars = templateVariables(t.template);
      for (const v of ['statusUrl', 'unsubscribeUrl', 'countyWebsite', 'countyEmail']) {
        assert.ok(!vars.includes(v), `${t.language} ${t.kind} voice reads {${v}} aloud`);
      }
    }
  });
});

describe('SMS length', () => {
  it('keeps every default SMS within 2 GSM-7 or 3 UCS-2 segments with long sample values', () => {
    const over = oversizedDefaultSms();
    assert.deepEqual(over.map((r) => `${r.language} ${r.kind} ${JSON.stringify(r.variant)} ${r.encoding} ${r.segments}`), []);
  });

  it('checks every kind in every language, every switch branch, accented and plain names', () => {
    const rows = defaultSmsSizes();
    for (const language of LANGUAGES) {
      for (const kind of MESSAGE_KINDS) assert.ok(rows.some((r) => r.language === language && r.kind === kind), `${language} ${kind}`);
    }
    // The accented sample name forces UCS-2 everywhere; the plain one keeps English in GSM-7.
    assert.ok(rows.some((r) => r.language === 'en' && r.kind === 'outbound' && r.encoding === 'GSM-7'));
    const contact = rows.filter((r) => r.language === 'km' && r.kind === 'contact_county').map((r) => r.variant.reasonCode);
    assert.deepEqual([...new Set(contact)].sort(), ['INF', 'NID', 'NMS', 'NVS']);
  });
});

describe('message content rules', () => {
  const names = (language: Language) => {
    const s = sampleVariables(language);
    return { voter: s.voterName, county: s.countyName, election: s.electionName };
  };

  it('names the voter, the county and the election in every form of every status message', () => {
    for (const language of LANGUAGES) {
      const { voter, county, election } = names(language);
      for (const kind of BALLOT_MESSAGE_KINDS) {
        for (const [label, text] of forms(renderAll(kind, language))) {
          assert.ok(text.includes(voter), `${kind} ${label} lacks the voter`);
          assert.ok(text.includes(county), `${kind} ${label} lacks the county`);
          assert.ok(text.includes(election), `${kind} ${label} lacks the election`);
        }
      }
    }
  });

  it('names the voter and the county in every form of the confirmation', () => {
    for (const language of LANGUAGES) {
      const { voter, county } = names(language);
      for (const [label, text] of forms(renderAll('confirmation', language))) {
        assert.ok(text.includes(voter) && text.includes(county), label);
      }
    }
  });

  it('never leaves a placeholder, brace or "undefined" in any rendered form', () => {
    for (const language of LANGUAGES) {
      for (const kind of MESSAGE_KINDS) {
        for (const hasReason of ['yes', 'no']) {
          for (const [label, text] of forms(renderAll(kind, language, { hasReason }))) {
            assert.doesNotMatch(text, /[{}]|undefined|null/, `${kind} ${label}`);
            if (!label.endsWith('html')) assert.doesNotMatch(text, / {2}|\n{3}/, `${kind} ${label} has a gap`);
          }
        }
      }
    }
  });

  // Words for "counted" or "accepted" (§3: "received … will be counted" is a known failure).
  const COUNTED_OR_ACCEPTED: Readonly<Record<Language, RegExp>> = {
    en: /\bcount(ed|s|ing)?\b|accept/i,
    es: /cont(ad|ar|ará|ara|ó)|cuent[ae]|acept/i,
    'zh-Hant': /計入|計票|計算|接受|有效|採納/,
    hi: /स्वीकार|गिन/,
    ja: /受理|集計|有効/,
    km: /ទទួលយក|រាប់/,
    ko: /승인|집계|수락|유효/,
    tl: /tinanggap|bilang/i,
    th: /ยอมรับ|นับ/,
    vi: /đếm|được tính|chấp nhận|hợp lệ/i,
  };

  it('never says a received ballot is counted or accepted, in any language', () => {
    for (const language of LANGUAGES) {
      for (const [label, text] of forms(renderAll('received', language))) {
        const body = text.replace(/<[^>]*>/g, '');
        assert.doesNotMatch(body, COUNTED_OR_ACCEPTED[language], `received ${label}`);
      }
    }
  });

  it('says the ballot will be counted only once accepted', () => {
    for (const [label, text] of forms(renderAll('accepted', 'en'))) {
      if (!label.endsWith('subject')) assert.match(text, /will be counted/, label);
    }
    for (const [label, text] of forms(renderAll('received', 'en'))) {
      if (!label.endsWith('subject')) assert.match(text, /check/, label);
    }
  });

  it('says outbound is mailed, never delivered; inbound is on its way back, not received', () => {
    for (const [label, text] of forms(renderAll('outbound', 'en'))) {
      assert.doesNotMatch(text, /deliver/i, label);
      assert.match(text, /mailed/i, label);
    }
    for (const [label, text] of forms(renderAll('inbound', 'en'))) {
      assert.doesNotMatch(text, /\breceived\b/i, label);
      assert.match(text, /back/i, label);
    }
  });

  it('contact_county says what to do, how and by when, in every language', () => {
    for (const language of LANGUAGES) {
      const s = sampleVariables(language);
      for (const [label, text] of forms(renderAll('contact_county', language))) {
        assert.ok(text.includes(s.cureDeadline), `${label} lacks the deadline`);
        if (!label.endsWith('subject')) assert.ok(text.includes(s.countyPhone), `${label} lacks the phone`);
        if (label.endsWith('text') || label.endsWith('html')) {
          assert.ok(text.includes(s.countyEmail) && text.includes(s.countyWebsite), `${label} lacks email/website`);
        }
      }
      // The instruction differs by reason: signature statement, ID, or a general call.
      for (const channel of ['email', 'voice', 'sms'] as const) {
        const bodies = ['NVS', 'NID', 'INF'].map((reasonCode) => {
          const m = render({ kind: 'contact_county', language, channel, vars: { ...s, reasonCode } });
          return m.text ?? m.voice ?? m.sms;
        });
        assert.equal(new Set(bodies).size, 3, `${language} ${channel} instructions are not tailored`);
      }
    }
  });

  it('contact_county in English asks for a signature statement, an ID, or a call', () => {
    const text = (reasonCode: string) =>
      render({ kind: 'contact_county', language: 'en', channel: 'email', vars: { ...sampleVariables('en'), reasonCode } }).text!;
    assert.match(text('NVS'), /signature statement/);
    assert.match(text('NMS'), /signature verification statement/);
    assert.match(text('NID'), /copy of .*ID/);
    assert.match(text('INF'), /contact the county/);
    assert.match(text('OTH'), /contact the county/);
  });

  it('not_accepted is plain, points to the county, and shows a reason only when given', () => {
    for (const language of LANGUAGES) {
      const s = sampleVariables(language);
      const withReason = renderAll('not_accepted', language, { hasReason: 'yes' });
      const without = renderAll('not_accepted', language, { hasReason: 'no' });
      for (const [label, text] of forms(withReason)) {
        if (!label.endsWith('subject')) assert.ok(text.includes(s.countyPhone), `${label} lacks the county phone`);
        if (label.endsWith('text') || label.endsWith('voice')) assert.ok(text.includes(s.reasonText), `${label} lacks the reason`);
      }
      for (const [label, text] of forms(without)) assert.ok(!text.includes(s.reasonText), label);
    }
    const en = render({ kind: 'not_accepted', language: 'en', channel: 'email', vars: { ...sampleVariables('en'), hasReason: 'no' } }).text!;
    assert.doesNotMatch(en, /Reason:|fault|failed|invalid|rejected/i);
  });

  it('undeliverable, reissued and in_person say what happened and what to do', () => {
    const en = (kind: MessageKind) => forms(renderAll(kind, 'en')).filter(([label]) => !label.endsWith('subject'));
    for (const [label, text] of en('undeliverable')) {
      assert.match(text, /undeliverable|could not be delivered/, label);
      assert.match(text, /\(909\) 387-8300/, label);
      assert.match(text, /new one|replacement/, label);
    }
    for (const [label, text] of en('reissued')) {
      assert.match(text, /new ballot/, label);
      assert.match(text, /only (the|your) (latest|newest)/i, label);
    }
    for (const [label, text] of en('in_person')) {
      assert.match(text, /voted in person/, label);
      assert.match(text, /not be counted|won't be counted/, label);
    }
  });

  it('carries the STOP hint in every status SMS, the confirmation, opt-in and help', () => {
    for (const language of LANGUAGES) {
      for (const kind of MESSAGE_KINDS) {
        const sms = render({ kind, language, channel: 'sms', vars: sampleVariables(language) }).sms!;
        if (needsStopHint(kind, 'sms')) assert.match(sms, /\bSTOP\b/, `${language} ${kind}`);
      }
    }
  });

  it('asks for YES in the confirmation SMS only when the state needs it', () => {
    for (const language of LANGUAGES) {
      const sms = (needsYes: string) => render({ kind: 'confirmation', language, channel: 'sms', vars: { ...sampleVariables(language), needsYes } }).sms!;
      assert.match(sms('yes'), /\bYES\b/, language);
      assert.doesNotMatch(sms('no'), /\bYES\b/, language);
    }
  });

  it('service messages say who sends, how to get help and how to stop or restart', () => {
    for (const language of LANGUAGES) {
      const s = sampleVariables(language);
      const help = render({ kind: 'help', language, channel: 'sms', vars: s }).sms!;
      assert.ok(help.includes(s.serviceName) && help.includes(s.helpPhone) && help.includes(s.statusUrl), language);
      const out = render({ kind: 'opt_out_confirmation', language, channel: 'sms', vars: s }).sms!;
      assert.match(out, /\bSTART\b/, language);
      for (const kind of SERVICE_KINDS) {
        assert.ok(render({ kind, language, channel: 'sms', vars: s }).sms!.includes(s.serviceName), `${language} ${kind}`);
      }
    }
  });
});
