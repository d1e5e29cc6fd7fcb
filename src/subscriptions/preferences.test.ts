import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  isTimeZone, maskAddress, newChannelState, normalizeEmail, normalizePhone, parseHours, parseLanguage, parsePreferences, planChannelChanges,
  type ExistingChannel,
} from './preferences.ts';

describe('normalizeEmail', () => {
  it('trims, lower-cases and NFC-normalises', () => {
    assert.deepEqual(normalizeEmail('  Jane.Doe+ballot@Example.COM '), { address: 'jane.doe+ballot@example.com' });
    assert.deepEqual(normalizeEmail('Jose\u0301@example.com'), { address: 'josé@example.com' });
  });
  it('rejects what is not an address', () => {
    for (const bad of ['', 'jane', 'jane@', '@example.com', 'jane@example', 'jane doe@example.com', 'a@b.c', 'jane@@example.com', 'jane..doe@example.com', '.jane@example.com', 'jane@.example.com', `${'a'.repeat(250)}@example.com`, '<jane@example.com>']) {
      assert.deepEqual(normalizeEmail(bad), { error: 'email_invalid' }, bad);
    }
  });
});

describe('normalizePhone', () => {
  it('reads US numbers in any common punctuation as E.164', () => {
    for (const s of ['(415) 555-0123', '415-555-0123', '415.555.0123', '4155550123', '1-415-555-0123', '+1 415 555 0123', '４１５５５５０１２３']) {
      assert.deepEqual(normalizePhone(s, 'sms'), { address: '+14155550123' }, s);
    }
  });
  it('accepts international numbers for overseas voters, with + or 011', () => {
    assert.deepEqual(normalizePhone('+44 7911 123456', 'sms'), { address: '+447911123456' });
    assert.deepEqual(normalizePhone('011 81 90-1234-5678', 'sms'), { address: '+819012345678' });
    assert.deepEqual(normalizePhone('+52 55 1234 5678', 'voice'), { address: '+525512345678' });
  });
  it('rejects invalid numbers and premium-rate ones', () => {
    for (const s of ['', '555-0123', '123', '+1 000 555 0123', 'call me', '+44 909 8790000', '1'.repeat(50)]) {
      assert.deepEqual(normalizePhone(s, 'voice'), { error: 'phone_invalid' }, s);
    }
  });
  it('a known landline takes calls but not texts', () => {
    assert.deepEqual(normalizePhone('+44 20 7946 0958', 'sms'), { error: 'phone_not_mobile' });
    assert.deepEqual(normalizePhone('+44 20 7946 0958', 'voice'), { address: '+442079460958' });
  });
});

describe('maskAddress', () => {
  it('shows enough to recognise, not enough to learn', () => {
    assert.equal(maskAddress('email', 'jane@example.com'), 'j•••@example.com');
    assert.equal(maskAddress('sms', '+14155550123'), '+1 •••-•••-0123');
    assert.equal(maskAddress('voice', '+442079460958'), '+44 ••••••0958');
  });
});

describe('parseLanguage, parseHours, isTimeZone', () => {
  it('languages are the ten, case-insensitively', () => {
    assert.equal(parseLanguage('ZH-hant'), 'zh-Hant');
    assert.equal(parseLanguage(' es '), 'es');
    assert.equal(parseLanguage('fr'), null);
    assert.equal(parseLanguage('zh'), null);
  });
  it('hours are HH:MM, end may be 24:00', () => {
    assert.deepEqual(parseHours({ start: '08:00', end: '17:00' }), { hours: { start: '08:00', end: '17:00' } });
    assert.deepEqual(parseHours({ start: '00:00', end: '24:00' }), { hours: { start: '00:00', end: '24:00' } });
    assert.deepEqual(parseHours({ start: '20:00', end: '08:00' }), { hours: { start: '20:00', end: '08:00' } });
    assert.deepEqual(parseHours({ start: '24:00', end: '8:00' }), { errors: [{ field: 'hours.start', code: 'hours_invalid' }, { field: 'hours.end', code: 'hours_invalid' }] });
  });
  it('time zones are IANA zones', () => {
    assert.equal(isTimeZone('America/Los_Angeles'), true);
    assert.equal(isTimeZone('Europe/Berlin'), true);
    assert.equal(isTimeZone('Mars/Olympus'), false);
    assert.equal(isTimeZone('../../etc/passwd'), false);
  });
});

describe('parsePreferences', () => {
  it('sign-up needs at least one channel', () => {
    assert.deepEqual(parsePreferences({}, { requireChannel: true }), { ok: false, errors: [{ field: 'channels', code: 'channel_required' }] });
    assert.deepEqual(parsePreferences({ channels: { email: '', sms: null } }, { requireChannel: true }), { ok: false, errors: [{ field: 'channels', code: 'channel_required' }] });
    assert.deepEqual(parsePreferences({ channels: { email: 'A@B.org' } }, { requireChannel: true }), { ok: true, prefs: { channels: { email: 'a@b.org' } } });
  });
  it('reports every problem at once, without channel_required when a channel was just mistyped', () => {
    const r = parsePreferences({ language: 'xx', channels: { email: 'bad', sms: '12' }, hours: { start: '9', end: '17:00' }, timeZone: 'Nowhere' }, { requireChannel: true });
    assert.deepEqual(r, { ok: false, errors: [
      { field: 'language', code: 'language_invalid' }, { field: 'channels.sms', code: 'phone_invalid' }, { field: 'channels.email', code: 'email_invalid' },
      { field: 'hours.start', code: 'hours_invalid' }, { field: 'timeZone', code: 'time_zone_invalid' }] });
  });
  it('voice needs hours that overlap the 08:00–21:00 calling window', () => {
    assert.deepEqual(parsePreferences({ channels: { voice: '4155550123' }, hours: { start: '21:00', end: '08:00' } }, { requireChannel: true }),
      { ok: false, errors: [{ field: 'hours', code: 'hours_exclude_calls' }] });
    assert.equal(parsePreferences({ channels: { voice: '4155550123' }, hours: { start: '20:00', end: '08:00' } }, { requireChannel: true }).ok, true);
    // On update: the stored voice channel and stored hours count when the form leaves them alone.
    assert.equal(parsePreferences({ hours: { start: '22:00', end: '07:00' } }, { requireChannel: false, voiceOn: true }).ok, false);
    assert.equal(parsePreferences({ hours: { start: '22:00', end: '07:00' }, channels: { voice: null } }, { requireChannel: false, voiceOn: true }).ok, true);
    assert.equal(parsePreferences({ channels: { voice: '4155550123' } }, { requireChannel: false, currentHours: { start: '22:00', end: '07:00' } }).ok, false);
  });
});

describe('newChannelState (consent rules)', () => {
  const ca = { smsNeedsYes: false };
  const co = { smsNeedsYes: true };
  it('active at once; confirmation for sms and email, none for voice', () => {
    assert.deepEqual(newChannelState('sms', false, ca), { consent: 'active', needsYes: false, confirm: true });
    assert.deepEqual(newChannelState('email', false, ca), { consent: 'active', needsYes: false, confirm: true });
    assert.deepEqual(newChannelState('voice', false, ca), { consent: 'active', needsYes: false, confirm: false });
  });
  it('Colorado texts need a YES reply', () => {
    assert.deepEqual(newChannelState('sms', false, co), { consent: 'active', needsYes: true, confirm: true });
    assert.deepEqual(newChannelState('email', false, co), { consent: 'active', needsYes: false, confirm: true });
  });
  it('an address on the do-not-contact list stays opted out, unconfirmed', () => {
    assert.deepEqual(newChannelState('sms', true, ca), { consent: 'opted_out', needsYes: false, confirm: false });
    assert.deepEqual(newChannelState('email', true, co), { consent: 'opted_out', needsYes: false, confirm: false });
  });
});

describe('planChannelChanges', () => {
  const policy = { smsNeedsYes: false };
  const none = () => false;
  const have: ExistingChannel[] = [
    { channel: 'email', address: 'a@example.com', consent: 'active' },
    { channel: 'sms', address: '+14155550123', consent: 'opted_out' },
    { channel: 'voice', address: '+14155550123', consent: 'undeliverable' },
  ];
  it('adds new channels', () => {
    assert.deepEqual(planChannelChanges([], { email: 'a@example.com' }, none, policy).changes,
      [{ op: 'add', channel: 'email', address: 'a@example.com', consent: 'active', needsYes: false, confirm: true }]);
  });
  it('does nothing for an unchanged live channel or an absent field', () => {
    assert.deepEqual(planChannelChanges(have, { email: 'a@example.com' }, none, policy), { changes: [], notices: [] });
    assert.deepEqual(planChannelChanges(have, {}, none, policy), { changes: [], notices: [] });
  });
  it('a new address starts consent over; the same address turns an opted-out or undeliverable channel back on', () => {
    const { changes } = planChannelChanges(have, { email: 'b@example.com', sms: '+14155550123', voice: '+14155550123' }, none, policy);
    assert.deepEqual(changes.map((c) => [c.op, c.channel, 'consent' in c ? c.consent : null]), [
      ['reactivate', 'sms', 'active'], ['change_address', 'email', 'active'], ['reactivate', 'voice', 'active']]);
  });
  it('null turns a channel off (once)', () => {
    const { changes } = planChannelChanges(have, { email: null, sms: null }, none, policy);
    assert.deepEqual(changes.map((c) => [c.op, c.channel]), [['opt_out', 'email']]);
    assert.deepEqual(planChannelChanges(have, { voice: null }, none, policy).changes.map((c) => c.op), ['opt_out']);
    assert.deepEqual(planChannelChanges([], { voice: null }, none, policy).changes, []);
  });
  it('do-not-contact: new channels are kept opted out, opted-out ones stay off, and the voter is told', () => {
    const blocked = (_c: string, a: string) => a === '+14155550123';
    const r = planChannelChanges(have, { sms: '+14155550123' }, blocked, policy);
    assert.deepEqual(r, { changes: [], notices: [{ channel: 'sms', code: 'do_not_contact' }] });
    const fresh = planChannelChanges([], { sms: '+14155550123', email: 'a@example.com' }, blocked, policy);
    assert.deepEqual(fresh.changes.map((c) => [c.channel, 'consent' in c ? c.consent : null]), [['sms', 'opted_out'], ['email', 'active']]);
    assert.deepEqual(fresh.notices, [{ channel: 'sms', code: 'do_not_contact' }]);
  });
});
