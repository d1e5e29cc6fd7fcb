import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { testRuntime } from '../testing/db.ts';
import { buildServer } from '../web/server.ts';
import { createApiKey } from '../auth/api-keys.ts';
import { appSecret } from '../auth/secret.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { planRun } from './plan.service.ts';
import { deliverMessages } from './delivery.service.ts';
import { emailWebhookSignature } from './feedback.service.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';
import { ballot, ballotEvent, countyContacts, dueMessageIds, election, importRun, messagesOf, subscribedVoter } from './test-fixtures.ts';

const TOKEN = 'twilio-auth-token-for-tests-0123456789';
const PUBLIC = 'https://ballots.example.gov';
const BOUNCE_SECRET = 'bounce-webhook-secret-0123456789abcdef';
const NOW = new Date('2026-10-20T17:00:00Z');

let sidCounter = 0;

describe('notification webhooks and pages', async () => {
  const rt = await testRuntime({
    profile: 'co',
    now: NOW,
    env: { TWILIO_AUTH_TOKEN: TOKEN, BALLOTLINE_PUBLIC_URL: PUBLIC, BALLOTLINE_EMAIL_WEBHOOK_SECRET: BOUNCE_SECRET },
  });
  const db = rt.db.pool;
  let app: FastifyInstance;
  const COUNTY = '16'; // Denver in the Colorado profile
  before(async () => {
    app = await buildServer(rt, { routes: [notificationsRoutes], logger: false });
    await countyContacts(db, COUNTY);
    await election(db, { counties: [COUNTY] });
  });
  after(async () => app.close());

  /** POSTs a form to a Twilio webhook, signed as Twilio signs it (by the official library) unless told otherwise. */
  function twilioPost(path: string, params: Record<string, string>, signature: string | null | 'sign' = 'sign'): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (signature === 'sign') headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}${path}`, params);
    else if (signature !== null) headers['x-twilio-signature'] = signature;
    return app.inject({ method: 'POST', url: path, headers, payload: new URLSearchParams(params).toString() });
  }
  const text = (from: string, body: string, sid = `SM${String(++sidCounter).padStart(32, '0')}`): Record<string, string> =>
    ({ MessageSid: sid, AccountSid: 'AC1', From: from, To: '+17205550100', Body: body, NumMedia: '0' });
  const consent = async (address: string): Promise<string[]> =>
    (await db.query('SELECT consent FROM subscription_channels WHERE address = $1 ORDER BY subscription_id, channel', [address])).rows.map((r) => r.consent);
  const replies = async (address: string): Promise<string[]> =>
    (await db.query("SELECT kind, language FROM messages WHERE address = $1 AND key LIKE 'reply:%' ORDER BY id", [address])).rows.map((r) => `${r.kind}/${r.language}`);

  it('refuses an unsigned or wrongly signed request and changes nothing', async () => {
    await subscribedVoter(db, { voterId: 'W0', county: COUNTY, channels: { sms: '+17205550000' } });
    for (const sig of [null, 'bm90IGEgc2lnbmF0dXJl', twilio.getExpectedTwilioSignature('another-token', `${PUBLIC}/webhooks/twilio/sms`, text('+17205550000', 'STOP', 'SMx'))]) {
      const res = await twilioPost('/webhooks/twilio/sms', text('+17205550000', 'STOP', 'SMx'), sig);
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'bad_signature');
    }
    const signedForOtherUrl = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}/webhooks/twilio/status`, text('+17205550000', 'STOP', 'SMx'));
    assert.equal((await twilioPost('/webhooks/twilio/sms', text('+17205550000', 'STOP', 'SMx'), signedForOtherUrl)).statusCode, 403);
    assert.deepEqual(await consent('+17205550000'), ['active']);
    assert.equal((await db.query('SELECT count(*)::int AS n FROM inbound_messages')).rows[0].n, 0);
  });

  it('STOP opts the number out everywhere, lists it, and confirms once', async () => {
    // Two voters of one household share the phone.
    await subscribedVoter(db, { voterId: 'W1', county: COUNTY, channels: { sms: '+17205550001', voice: '+17205550001', email: 'w1@example.com' } });
    await subscribedVoter(db, { voterId: 'W2', county: COUNTY, channels: { sms: '+17205550001' } });
    const params = text('+17205550001', ' Stop. ');
    const res = await twilioPost('/webhooks/twilio/sms', params);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/xml');
    assert.equal(res.body, '<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    assert.deepEqual(await consent('+17205550001'), ['opted_out', 'opted_out', 'opted_out']);
    assert.deepEqual(await consent('w1@example.com'), ['active'], 'email untouched');
    assert.equal((await db.query("SELECT reason FROM do_not_contact WHERE address = '+17205550001'")).rows[0].reason, 'stop');
    assert.deepEqual(await replies('+17205550001'), ['opt_out_confirmation/en']);
    // Twilio retries the same message: acted on once.
    assert.equal((await twilioPost('/webhooks/twilio/sms', params)).statusCode, 200);
    assert.deepEqual(await replies('+17205550001'), ['opt_out_confirmation/en']);
    // The confirmation is the one message that still goes to the opted-out number.
    const outcomes = await deliverMessages(rt, await dueMessageIds(db, NOW));
    assert.deepEqual(outcomes.map((o) => o.outcome), ['sent']);
    const { rows } = await db.query("SELECT body FROM outbox WHERE address = '+17205550001'");
    assert.match(rows[0].body, /START/);
    const events = (await db.query("SELECT count(*)::int AS n FROM consent_events WHERE source = 'sms_keyword' AND to_state = 'opted_out'")).rows[0].n;
    assert.equal(events, 3);
  });

  it('YES confirms a Colorado sign-up, START opts back in, both in the voter\'s language', async () => {
    await subscribedVoter(db, { voterId: 'W3', county: COUNTY, language: 'es', channels: { sms: '+17205550003' }, needsYes: true });
    await ballot(db, { ballotId: 'BW3', voterId: 'W3', county: COUNTY, sentDate: '2026-10-10' });
    const run = await importRun(db);
    await ballotEvent(db, { ballotId: 'BW3', voterId: 'W3', county: COUNTY, kind: 'received', reason: 'INR', occurredAt: new Date('2026-10-19T16:00:00Z'), runId: run });
    assert.equal((await planRun(rt, run)).skipped['awaiting_yes:sms'], 1);
    assert.equal((await twilioPost('/webhooks/twilio/sms', text('+17205550003', 'sí'))).statusCode, 200);
    const { rows } = await db.query("SELECT yes_confirmed_at FROM subscription_channels WHERE address = '+17205550003'");
    assert.ok(rows[0].yes_confirmed_at instanceof Date);
    assert.deepEqual(await replies('+17205550003'), ['opt_in_confirmation/es']);
    const msgs = await messagesOf(db, 'W3');
    assert.deepEqual(msgs.map((m) => [m.kind, m.status]), [['opt_in_confirmation', 'planned'], ['received', 'planned']], 'the current status follows the YES');

    await twilioPost('/webhooks/twilio/sms', text('+17205550003', 'ALTO'));
    assert.deepEqual(await consent('+17205550003'), ['opted_out']);
    await twilioPost('/webhooks/twilio/sms', text('+17205550003', 'UNSTOP'));
    assert.deepEqual(await consent('+17205550003'), ['active']);
    assert.equal((await db.query("SELECT count(*)::int AS n FROM do_not_contact WHERE address = '+17205550003'")).rows[0].n, 0);
    assert.deepEqual(await replies('+17205550003'), ['opt_in_confirmation/es', 'opt_out_confirmation/es', 'opt_in_confirmation/es']);
  });

  it('START does not turn calls back on that the voter turned off on the portal', async () => {
    const sub = await subscribedVoter(db, { voterId: 'W4', county: COUNTY, channels: { sms: '+17205550004', voice: '+17205550004' } });
    await db.query("UPDATE subscription_channels SET consent = 'opted_out' WHERE subscription_id = $1 AND channel = 'voice'", [sub]);
    await db.query("INSERT INTO consent_events (subscription_id, voter_id, channel, from_state, to_state, source) VALUES ($1, 'W4', 'voice', 'active', 'opted_out', 'web')", [sub]);
    await twilioPost('/webhooks/twilio/sms', text('+17205550004', 'STOP'));
    await twilioPost('/webhooks/twilio/sms', text('+17205550004', 'START'));
    assert.deepEqual(await consent('+17205550004'), ['active', 'opted_out']);
  });

  it('HELP and INFO answer; keywords in the voter\'s language too; other texts are kept', async () => {
    await subscribedVoter(db, { voterId: 'W5', county: COUNTY, language: 'ko', channels: { sms: '+17205550005' } });
    await twilioPost('/webhooks/twilio/sms', text('+17205550005', 'HELP'));
    await twilioPost('/webhooks/twilio/sms', text('+17205550005', '도움말'));
    await twilioPost('/webhooks/twilio/sms', text('+17205550005', 'who is this?'));
    assert.deepEqual(await replies('+17205550005'), ['help/ko', 'help/ko']);
    // A number we do not know: HELP answered in the language it wrote, STOP honoured.
    await twilioPost('/webhooks/twilio/sms', text('+17205550006', 'AYUDA'));
    await twilioPost('/webhooks/twilio/sms', text('+17205550006', 'INFO'));
    await twilioPost('/webhooks/twilio/sms', text('+17205550006', '停止'));
    assert.deepEqual(await replies('+17205550006'), ['help/es', 'help/en', 'opt_out_confirmation/zh-Hant']);
    assert.equal((await db.query("SELECT reason FROM do_not_contact WHERE address = '+17205550006'")).rows[0].reason, 'stop');
    const { rows } = await db.query("SELECT body, keyword FROM inbound_messages WHERE from_address = '+17205550005' ORDER BY id");
    assert.deepEqual(rows.map((r) => r.keyword), ['help', 'help', null]);
  });

  it('delivery receipts move the message along; an unknown-destination error makes the number undeliverable', async () => {
    await subscribedVoter(db, { voterId: 'W7', county: COUNTY, channels: { sms: '+17205550007' } });
    const { rows } = await db.query(
      `INSERT INTO messages (key, voter_id, kind, reason, channel, address, language, not_before, status, provider, provider_message_id, created_at, updated_at, sent_at)
       VALUES ('t1', 'W7', 'received', 'INR', 'sms', '+17205550007', 'en', $1, 'sent', 'twilio', 'SMaaa', $1, $1, $1),
              ('t2', 'W7', 'accepted', 'ACCEPTED', 'sms', '+17205550007', 'en', $1, 'sending', 'twilio', NULL, $1, $1, NULL)
       RETURNING id::text AS id`, [NOW]);
    const [m1, m2] = rows.map((r) => r.id as string);
    assert.equal((await twilioPost(`/webhooks/twilio/status?m=${m1}`, { MessageSid: 'SMaaa', MessageStatus: 'delivered', AccountSid: 'AC1' })).statusCode, 204);
    assert.equal((await twilioPost(`/webhooks/twilio/status?m=${m2}`, { MessageSid: 'SMbbb', MessageStatus: 'undelivered', ErrorCode: '30005', AccountSid: 'AC1' })).statusCode, 204);
    const { rows: after } = await db.query("SELECT key, status, status_reason, provider_message_id FROM messages WHERE key IN ('t1', 't2') ORDER BY key");
    assert.deepEqual(after, [
      { key: 't1', status: 'delivered', status_reason: null, provider_message_id: 'SMaaa' },
      { key: 't2', status: 'failed', status_reason: 'undelivered:30005', provider_message_id: 'SMbbb' },
    ]);
    assert.deepEqual(await consent('+17205550007'), ['undeliverable']);
    assert.equal((await twilioPost(`/webhooks/twilio/status?m=${m1}`, { MessageSid: 'SMaaa', MessageStatus: 'delivered' }, null)).statusCode, 403);
  });

  it('email bounces and complaints, signed; unsigned or stale ones refused', async () => {
    await subscribedVoter(db, { voterId: 'W8', county: COUNTY, channels: { email: 'hard@example.com' } });
    await subscribedVoter(db, { voterId: 'W9', county: COUNTY, channels: { email: 'soft@example.com' } });
    await subscribedVoter(db, { voterId: 'W10', county: COUNTY, channels: { email: 'spam@example.com' } });
    const post = (events: object[], ts = String(Math.floor(rt.clock.now().getTime() / 1000)), secret = BOUNCE_SECRET): Promise<LightMyRequestResponse> => {
      const body = JSON.stringify({ events });
      return app.inject({ method: 'POST', url: '/webhooks/email/bounce', headers: { 'content-type': 'application/json', 'x-ballotline-timestamp': ts, 'x-ballotline-signature': emailWebhookSignature(secret, ts, body) }, payload: body });
    };
    assert.equal((await post([{ type: 'bounce', bounceType: 'hard', email: 'hard@example.com' }], undefined, 'wrong-secret')).statusCode, 403);
    assert.equal((await post([{ type: 'bounce', bounceType: 'hard', email: 'hard@example.com' }], String(Math.floor(NOW.getTime() / 1000) - 3600))).statusCode, 403);
    assert.equal((await app.inject({ method: 'POST', url: '/webhooks/email/bounce', payload: { events: [] } })).statusCode, 403);
    assert.deepEqual(await consent('hard@example.com'), ['active']);

    const res = await post([{ type: 'bounce', bounceType: 'hard', email: 'Hard@Example.com', diagnostic: '550 5.1.1 no such user' }, { type: 'complaint', email: 'spam@example.com' }]);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { recorded: 2, undeliverable: 1, optedOut: 1 });
    assert.deepEqual(await consent('hard@example.com'), ['undeliverable']);
    assert.deepEqual(await consent('spam@example.com'), ['opted_out']);
    const { rows } = await db.query("SELECT address, reason FROM do_not_contact WHERE address LIKE '%@example.com' ORDER BY address");
    assert.deepEqual(rows, [{ address: 'hard@example.com', reason: 'hard_bounce' }, { address: 'spam@example.com', reason: 'complaint' }]);
    for (let i = 1; i <= 3; i++) {
      await post([{ type: 'bounce', bounceType: 'soft', email: 'soft@example.com' }]);
      assert.deepEqual(await consent('soft@example.com'), [i < 3 ? 'active' : 'undeliverable'], `after ${i} soft bounces`);
    }
  });

  it('one-click unsubscribe (RFC 8058) without login; a forged token is refused', async () => {
    const sub = await subscribedVoter(db, { voterId: 'W11', county: COUNTY, language: 'vi', channels: { email: 'w11@example.com', sms: '+17205550011' } });
    const token = unsubscribeToken(await appSecret(rt.config), sub, 'email');
    const page = await app.inject({ method: 'GET', url: `/unsubscribe/${token}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="vi">/);
    assert.match(page.body, /<form method="post" action="\/unsubscribe\//);
    assert.deepEqual(await consent('w11@example.com'), ['active'], 'GET changes nothing (link scanners)');
    const res = await app.inject({ method: 'POST', url: `/unsubscribe/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(await consent('w11@example.com'), ['opted_out']);
    assert.deepEqual(await consent('+17205550011'), ['active']);
    assert.equal((await app.inject({ method: 'POST', url: `/unsubscribe/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })).statusCode, 200, 'again: still fine');
    const forged = `${sub}.email.AAAAAAAAAAAAAAAAAAAAAA`;
    assert.equal((await app.inject({ method: 'POST', url: `/unsubscribe/${forged}`, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode, 404);
  });

  it('the outbox API needs a state key', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/notifications/outbox' })).statusCode, 401);
    const county = await createApiKey(db, { name: 'county', scope: 'county', countyCodes: [COUNTY] });
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/notifications/outbox', headers: { 'x-api-key': county.token } })).statusCode, 403);
    const state = await createApiKey(db, { name: 'state', scope: 'state' });
    const res = await app.inject({ method: 'GET', url: '/api/v1/notifications/outbox?limit=5', headers: { 'x-api-key': state.token } });
    assert.equal(res.statusCode, 200);
    assert.ok(Array.isArray(res.json().entries));
    const msgs = await app.inject({ method: 'GET', url: '/api/v1/notifications/messages?voterId=W3', headers: { 'x-api-key': state.token } });
    assert.equal(msgs.statusCode, 200);
    assert.ok(msgs.json().messages.length >= 2);
  });
});
