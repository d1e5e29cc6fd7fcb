import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { testRuntime } from '../testing/db.ts';
import { planRun } from './plan.service.ts';
import { deliverMessages, decide, retryDelayMs, sweepStaleMessages } from './delivery.service.ts';
import { listOutbox } from './messages.repository.ts';
import { saveTemplateOverride } from './template-overrides.repository.ts';
import { ballot, ballotEvent, countyContacts, dueMessageIds, election, importRun, messagesOf, subscribedVoter } from './test-fixtures.ts';
import type { DeliveryRow } from './messages.repository.ts';

const NOW = new Date('2026-10-20T17:00:00Z'); // 10:00 in Los Angeles

describe('retryDelayMs', () => {
  it('doubles from the base, with half of it random, capped at an hour', () => {
    assert.equal(retryDelayMs(1, 30, () => 0), 15_000);
    assert.equal(retryDelayMs(1, 30, () => 1), 30_000);
    assert.equal(retryDelayMs(3, 30, () => 0.5), 90_000);
    assert.equal(retryDelayMs(20, 30, () => 1), 3_600_000);
  });
});

describe('decide (send-time checks)', () => {
  const base = {
    id: '1', key: 'k', subscription_id: '1', voter_id: 'V', election_id: 'E', ballot_id: 'B', kind: 'accepted', reason: 'ACCEPTED',
    channel: 'sms', address: '+13105550100', language: 'en', occurred_at: NOW, not_before: NOW, window_closes_at: new Date('2026-12-04T08:00:00Z'),
    status: 'planned', content: null, error: null, attempts: 0, lease_until: null, first_attempt_at: null, updated_at: NOW, provider: null,
    provider_message_id: null, sub_state: 'active', time_zone: 'America/Los_Angeles', hours_start: '08:00', hours_end: '20:00', consent: 'active',
    current_address: '+13105550100', needs_yes: false, yes_confirmed_at: null, do_not_contact: false,
  } as unknown as DeliveryRow;
  const tz = 'America/Los_Angeles';
  it('sends a due message to an active channel inside the hours', () => assert.deepEqual(decide(base, NOW, tz), { action: 'send' }));
  it('skips what is done or owned by another worker', () => {
    assert.deepEqual(decide({ ...base, status: 'sent' }, NOW, tz), { action: 'skip', reason: 'sent' });
    assert.deepEqual(decide({ ...base, status: 'sending', lease_until: new Date(NOW.getTime() + 1000) }, NOW, tz), { action: 'skip', reason: 'in_flight' });
    assert.deepEqual(decide({ ...base, status: 'sending', lease_until: NOW }, NOW, tz), { action: 'send' });
  });
  it('suppresses on consent, YES, do-not-contact and subscription state', () => {
    assert.deepEqual(decide({ ...base, consent: 'opted_out' }, NOW, tz), { action: 'close', status: 'suppressed', reason: 'consent_opted_out' });
    assert.deepEqual(decide({ ...base, needs_yes: true }, NOW, tz), { action: 'close', status: 'suppressed', reason: 'awaiting_yes' });
    assert.deepEqual(decide({ ...base, do_not_contact: true }, NOW, tz), { action: 'close', status: 'suppressed', reason: 'do_not_contact' });
    assert.deepEqual(decide({ ...base, sub_state: 'ended' }, NOW, tz), { action: 'close', status: 'suppressed', reason: 'subscription_inactive' });
    assert.deepEqual(decide({ ...base, kind: 'help', do_not_contact: true, consent: 'opted_out' }, NOW, tz), { action: 'send' }, 'a reply to HELP goes');
    assert.deepEqual(decide({ ...base, kind: 'confirmation', needs_yes: true }, NOW, tz), { action: 'send' }, 'the confirmation asks for the YES');
  });
  it('waits for the hours at send time, and never calls after 21:00', () => {
    const late = new Date('2026-10-21T04:30:00Z'); // 21:30 in LA
    assert.deepEqual(decide(base, late, tz), { action: 'defer', until: new Date('2026-10-21T15:00:00Z') });
    assert.deepEqual(decide({ ...base, channel: 'voice', hours_start: '00:00', hours_end: '00:00' }, late, tz), { action: 'defer', until: new Date('2026-10-21T15:00:00Z') });
    assert.deepEqual(decide({ ...base, kind: 'confirmation' }, late, tz), { action: 'send' }, 'confirmations go at once');
  });
  it('cancels once the window has closed', () => {
    assert.deepEqual(decide({ ...base, window_closes_at: NOW }, NOW, tz), { action: 'close', status: 'cancelled', reason: 'window_closed' });
  });
});

describe('delivery through the outbox', async () => {
  const rt = await testRuntime({ now: NOW });
  const db = rt.db.pool;
  before(async () => {
    await countyContacts(db);
    await election(db);
  });

  async function planned(voterId: string, kind: 'accepted' | 'contact_county' | 'not_accepted', reason: string, channels: Record<string, string>, extra: { language?: 'en' | 'es' | 'ko'; cureDeadline?: string | null; statusReason?: string } = {}): Promise<string[]> {
    await subscribedVoter(db, { voterId, channels, firstName: 'María', lastName: `Núñez ${voterId}`, ...(extra.language ? { language: extra.language } : {}) });
    await ballot(db, { ballotId: `B${voterId}`, voterId, sentDate: '2026-10-10', cureDeadline: extra.cureDeadline ?? null, reason: extra.statusReason ?? null });
    const run = await importRun(db);
    await ballotEvent(db, { ballotId: `B${voterId}`, voterId, kind, reason, occurredAt: new Date('2026-10-20T16:00:00Z'), runId: run });
    await planRun(rt, run);
    return (await messagesOf(db, voterId)).map((m) => m.id);
  }

  it('hands off exactly what the templates render, with the email headers', async () => {
    rt.clock.set(NOW);
    const ids = await planned('D1', 'accepted', 'ACCEPTED', { sms: '+13105550111', email: 'd1@example.com', voice: '+13105550111' }, { language: 'es' });
    const outcomes = await deliverMessages(rt, ids);
    assert.deepEqual(outcomes.map((o) => o.outcome), ['sent', 'sent', 'sent']);
    assert.deepEqual(await deliverMessages(rt, ids).then((o) => o.map((x) => x.outcome)), ['skipped:sent', 'skipped:sent', 'skipped:sent'], 'a second job does nothing');
    const out = await listOutbox(db, { voterId: 'D1' });
    assert.equal(out.length, 3);
    const sms = out.find((e) => e.channel === 'sms')!;
    assert.match(sms.body, /María Núñez D1/);
    assert.match(sms.body, /STOP/);
    assert.equal(sms.payload.To, '+13105550111');
    assert.match(String(sms.payload.StatusCallback), /\/webhooks\/twilio\/status\?m=\d+$/);
    const email = out.find((e) => e.channel === 'email')!;
    const headers = email.payload.headers as Record<string, string>;
    assert.match(headers['List-Unsubscribe']!, /^<http:\/\/localhost:3000\/unsubscribe\/\d+\.email\.[A-Za-z0-9_-]{22}>$/);
    assert.equal(headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    assert.equal(headers['Content-Language'], 'es');
    assert.match(email.subject!, /Los Angeles/);
    assert.match(String(email.payload.html), /unsubscribe\/\d+\.email\./, 'footer link');
    assert.match(String(email.payload.messageId), /^<G2026\/BD1\.accepted\.ACCEPTED\.email\.[0-9a-f]{12}@localhost>$/);
    const voice = out.find((e) => e.channel === 'voice')!;
    assert.match(String(voice.payload.Twiml), /^<\?xml version="1.0" encoding="UTF-8"\?><Response><Say language="es-US" voice="Google.es-US-Standard-A">/);
    const { rows } = await db.query("SELECT outcome, provider FROM delivery_attempts WHERE message_id = ANY($1::bigint[])", [ids]);
    assert.deepEqual(rows.map((r) => [r.outcome, r.provider]), [['sent', 'outbox'], ['sent', 'outbox'], ['sent', 'outbox']]);
  });

  it('checks consent and do-not-contact again at send time', async () => {
    rt.clock.set(NOW);
    const ids = await planned('D2', 'accepted', 'ACCEPTED', { sms: '+13105550112', email: 'd2@example.com' });
    await db.query("INSERT INTO do_not_contact (address, kind, reason, source) VALUES ('+13105550112', 'phone', 'staff', 'test')");
    await db.query("UPDATE subscription_channels SET consent = 'opted_out' WHERE address = 'd2@example.com'");
    const outcomes = await deliverMessages(rt, ids);
    assert.deepEqual(outcomes.map((o) => o.outcome).sort(), ['suppressed:consent_opted_out', 'suppressed:do_not_contact']);
    assert.equal((await listOutbox(db, { voterId: 'D2' })).length, 0);
  });

  it('refuses to send a message with a missing value, and says what was missing', async () => {
    rt.clock.set(NOW);
    const ids = await planned('D3', 'contact_county', 'NVS', { email: 'd3@example.com' }, { cureDeadline: null });
    const [o] = await deliverMessages(rt, ids);
    assert.equal(o!.outcome, 'render_failed');
    const { rows } = await db.query('SELECT status, status_reason, error FROM messages WHERE id = $1', [ids[0]]);
    assert.equal(rows[0].status, 'render_failed');
    assert.equal(rows[0].status_reason, 'template_missing_value');
    assert.deepEqual(rows[0].error.details.missing, ['cureDeadline']);
    assert.equal((await listOutbox(db, { voterId: 'D3' })).length, 0);
  });

  it('tells the event that caused the message, whatever the ballot says by the time it goes out', async () => {
    rt.clock.set(NOW);
    await subscribedVoter(db, { voterId: 'D7', channels: { email: 'd7@example.com' }, firstName: 'Ana', lastName: 'Ruiz' });
    await ballot(db, { ballotId: 'BD7', voterId: 'D7', sentDate: '2026-10-10', cureDeadline: '2026-11-24', reason: 'No voter signature on the return envelope' });
    const run = await importRun(db);
    await ballotEvent(db, { ballotId: 'BD7', voterId: 'D7', kind: 'contact_county', reason: 'NVS', occurredAt: new Date('2026-10-20T16:00:00Z'), runId: run,
      details: { statusCode: 'NVS', reasonText: 'No voter signature on the return envelope', cureDeadline: '2026-11-24' } });
    await planRun(rt, run);
    const ids = (await messagesOf(db, 'D7')).map((m) => m.id);
    // Before it goes out the ballot's row moves on (a later status clears reason and deadline).
    await db.query("UPDATE ballots SET cure_deadline = NULL, status_reason = NULL WHERE ballot_id = 'BD7'");
    assert.deepEqual((await deliverMessages(rt, ids)).map((o) => o.outcome), ['sent']);
    const [email] = await listOutbox(db, { voterId: 'D7' });
    assert.match(email!.body, /November 24/);
    assert.match(email!.body, /No voter signature/);
  });

  it('uses the county\'s wording over the state\'s, and English reasons only in English', async () => {
    rt.clock.set(NOW);
    await saveTemplateOverride(db, { countyCode: null, kind: 'not_accepted', language: 'en', form: 'sms', template: 'STATE {voterName} {countyName} {electionName} {countyPhone}. Reply STOP to stop', updatedBy: 'test' });
    await saveTemplateOverride(db, { countyCode: '19', kind: 'not_accepted', language: 'en', form: 'sms', template: 'COUNTY {voterName} {countyName} {electionName} {countyPhone}{hasReason, select, yes { ({reasonText})} other {}}. Reply STOP to stop', updatedBy: 'test' });
    const ids = await planned('D4', 'not_accepted', 'BME', { sms: '+13105550114' }, { statusReason: 'Ballot missing from envelope' });
    await deliverMessages(rt, ids);
    const [sms] = await listOutbox(db, { voterId: 'D4' });
    assert.equal(sms!.body, 'COUNTY María Núñez D4 Los Angeles November 3, 2026 Statewide General Election (800) 815-2666 (Ballot missing from envelope). Reply STOP to stop');
    await assert.rejects(saveTemplateOverride(db, { countyCode: '19', kind: 'not_accepted', language: 'en', form: 'sms', template: 'Your ballot was not accepted.', updatedBy: 'test' }), /cannot be used/);
  });

  it('waits when a message comes due outside the hours, and cancels after the window', async () => {
    rt.clock.set(NOW);
    const ids = await planned('D5', 'accepted', 'ACCEPTED', { sms: '+13105550115' });
    rt.clock.set(new Date('2026-10-21T04:00:00Z')); // 21:00 in LA: a backlog pushed it past 20:00
    assert.deepEqual((await deliverMessages(rt, ids)).map((o) => o.outcome), ['deferred']);
    const [m] = await messagesOf(db, 'D5');
    assert.equal(m!.not_before.toISOString(), '2026-10-21T15:00:00.000Z');
    rt.clock.set(new Date('2026-12-05T20:00:00Z'));
    assert.deepEqual((await deliverMessages(rt, ids)).map((o) => o.outcome), ['cancelled:window_closed']);
  });

  it('the sweeper hands back messages whose job was lost', async () => {
    rt.clock.set(NOW);
    await planned('D6', 'accepted', 'ACCEPTED', { sms: '+13105550116' });
    rt.clock.set(new Date(NOW.getTime() + 20 * 60_000));
    assert.ok((await dueMessageIds(db, rt.clock.now())).length >= 1);
    assert.ok((await sweepStaleMessages(rt)) >= 1);
    assert.equal(await sweepStaleMessages(rt), 0, 'not again until it is stale again');
  });
});
