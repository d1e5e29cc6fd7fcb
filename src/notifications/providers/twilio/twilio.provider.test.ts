import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { testRuntime } from '../../../testing/db.ts';
import { planRun } from '../../plan.service.ts';
import { deliverMessages } from '../../delivery.service.ts';
import { closeProviders } from '../index.ts';
import { ballot, ballotEvent, countyContacts, election, importRun, messagesOf, subscribedVoter } from '../../test-fixtures.ts';
import { twilioSignature, verifyTwilioSignature } from './signature.ts';
import { voiceTwiml } from './twiml.ts';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-auth-token-for-tests-0123456789';
const FROM = '+14155550100';

describe('Twilio signature (checked against the official twilio library)', () => {
  const cases: Array<[string, Record<string, string | string[]>]> = [
    ['https://ballots.example.gov/webhooks/twilio/sms', { MessageSid: 'SM1', From: '+13105550100', To: FROM, Body: 'STOP' }],
    ['https://ballots.example.gov/webhooks/twilio/status?m=42', { MessageSid: 'SM2', MessageStatus: 'delivered', ErrorCode: '' }],
    ['https://ballots.example.gov/webhooks/twilio/sms', { Body: 'Sí, 停止 🗳️ & = ?', From: '+13105550100', a: ['2', '1', '2'] }],
    ['http://localhost:3000/webhooks/twilio/sms?x=1&y=a%20b', {}],
  ];
  it('computes the signature twilio.getExpectedTwilioSignature computes', () => {
    for (const [url, params] of cases) assert.equal(twilioSignature(TOKEN, url, params), twilio.getExpectedTwilioSignature(TOKEN, url, params), url);
  });
  it('accepts what twilio.validateRequest accepts, with or without the default port, and nothing else', () => {
    for (const [url, params] of cases) {
      const sig = twilio.getExpectedTwilioSignature(TOKEN, url, params);
      assert.ok(verifyTwilioSignature(TOKEN, sig, url, params));
      assert.equal(verifyTwilioSignature(TOKEN, sig, url, params), twilio.validateRequest(TOKEN, sig, url, params));
      const withPort = url.replace('ballots.example.gov', 'ballots.example.gov:443');
      if (withPort !== url) {
        const portSig = twilio.getExpectedTwilioSignature(TOKEN, withPort, params);
        assert.equal(verifyTwilioSignature(TOKEN, portSig, url, params), twilio.validateRequest(TOKEN, portSig, url, params));
        assert.ok(verifyTwilioSignature(TOKEN, portSig, url, params));
      }
      assert.equal(verifyTwilioSignature(TOKEN, sig, `${url}&z=1`, params), false);
      assert.equal(verifyTwilioSignature('another-token', sig, url, params), false);
      assert.equal(verifyTwilioSignature(TOKEN, undefined, url, params), false);
      assert.equal(verifyTwilioSignature(TOKEN, '', url, params), false);
    }
  });
});

describe('voiceTwiml', () => {
  it('says the message in its language, twice, and escapes it', () => {
    assert.equal(
      voiceTwiml({ kind: 'accepted', language: 'ko', text: 'A & B <C>', audioBaseUrl: null }),
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say language="ko-KR" voice="Google.ko-KR-Standard-A">A &amp; B &lt;C&gt;</Say><Pause length="2"/><Say language="ko-KR" voice="Google.ko-KR-Standard-A">A &amp; B &lt;C&gt;</Say></Response>',
    );
  });
  it('plays the recording for a language no voice speaks, and refuses without one', () => {
    assert.match(voiceTwiml({ kind: 'accepted', language: 'km', text: 'x', audioBaseUrl: 'https://cdn.example.gov/voice' }), /<Play>https:\/\/cdn\.example\.gov\/voice\/accepted\.km\.mp3<\/Play>/);
    assert.throws(() => voiceTwiml({ kind: 'accepted', language: 'km', text: 'x', audioBaseUrl: null }), RangeError);
  });
});

interface Seen { method: string; path: string; auth: string | undefined; type: string | undefined; form: URLSearchParams }

describe('Twilio provider against a local server speaking Twilio\'s documented API', async () => {
  const seen: Seen[] = [];
  /** What the fake Twilio answers to POST Messages.json for a given To number. */
  const behaviour = new Map<string, { status: number; body: object; headers?: Record<string, string> }>();
  const listed: Array<Record<string, unknown>> = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      seen.push({ method: req.method!, path: url.pathname + url.search, auth: req.headers.authorization, type: req.headers['content-type'], form });
      const json = (status: number, body: object, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && url.pathname === `/2010-04-01/Accounts/${SID}/Messages.json`) return json(200, { messages: listed.filter((m) => m.to === url.searchParams.get('To')) });
      if (req.method === 'POST' && url.pathname === `/2010-04-01/Accounts/${SID}/Messages.json`) {
        const b = behaviour.get(form.get('To')!);
        if (b) return json(b.status, b.body, b.headers);
        return json(201, { sid: `SM${String(seen.length).padStart(32, '0')}`, status: 'queued', to: form.get('To'), body: form.get('Body') });
      }
      if (req.method === 'POST' && url.pathname === `/2010-04-01/Accounts/${SID}/Calls.json`) return json(201, { sid: `CA${String(seen.length).padStart(32, '0')}`, status: 'queued' });
      json(404, { code: 20404, message: 'not found' });
    });
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  const NOW = new Date('2026-10-20T17:00:00Z');
  const rt = await testRuntime({
    now: NOW,
    env: {
      BALLOTLINE_SMS_PROVIDER: 'twilio', BALLOTLINE_VOICE_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_FROM_NUMBER: FROM, TWILIO_API_BASE: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, BALLOTLINE_PUBLIC_URL: 'https://ballots.example.gov',
      BALLOTLINE_SMS_RATE: '0', BALLOTLINE_VOICE_RATE: '0',
    },
  });
  const db = rt.db.pool;
  after(async () => {
    await closeProviders(rt.config);
    await new Promise<void>((res) => server.close(() => res()));
  });
  before(async () => {
    await countyContacts(db);
    await election(db);
  });

  async function plan(voterId: string, channels: Record<string, string>, language: 'en' | 'vi' = 'en'): Promise<string[]> {
    rt.clock.set(NOW);
    await subscribedVoter(db, { voterId, channels, language });
    await ballot(db, { ballotId: `B${voterId}`, voterId, sentDate: '2026-10-10' });
    const run = await importRun(db);
    await ballotEvent(db, { ballotId: `B${voterId}`, voterId, kind: 'received', reason: 'INR', occurredAt: new Date('2026-10-20T16:00:00Z'), runId: run });
    await planRun(rt, run);
    return (await messagesOf(db, voterId)).map((m) => m.id);
  }

  it('sends texts and calls in the documented request shape', async () => {
    const ids = await plan('T1', { sms: '+13105550131', voice: '+13105550131' }, 'vi');
    const before = seen.length;
    assert.deepEqual((await deliverMessages(rt, ids)).map((o) => o.outcome), ['sent', 'sent']);
    const reqs = seen.slice(before);
    const auth = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`;
    const sms = reqs.find((r) => r.path.endsWith('/Messages.json'))!;
    assert.equal(sms.method, 'POST');
    assert.equal(sms.path, `/2010-04-01/Accounts/${SID}/Messages.json`);
    assert.equal(sms.auth, auth);
    assert.equal(sms.type, 'application/x-www-form-urlencoded');
    assert.deepEqual([...sms.form.keys()].sort(), ['Body', 'From', 'StatusCallback', 'To']);
    assert.equal(sms.form.get('To'), '+13105550131');
    assert.equal(sms.form.get('From'), FROM);
    assert.match(sms.form.get('Body')!, /STOP/);
    const smsId = (await messagesOf(db, 'T1')).find((m) => m.channel === 'sms')!.id;
    assert.equal(sms.form.get('StatusCallback'), `https://ballots.example.gov/webhooks/twilio/status?m=${smsId}`);
    const call = reqs.find((r) => r.path.endsWith('/Calls.json'))!;
    assert.equal(call.auth, auth);
    assert.deepEqual([...call.form.keys()].sort(), ['From', 'StatusCallback', 'StatusCallbackEvent', 'To', 'Twiml']);
    assert.match(call.form.get('Twiml')!, /^<\?xml version="1.0" encoding="UTF-8"\?><Response><Say language="vi-VN" voice="Google.vi-VN-Standard-A">/);
    const { rows } = await db.query("SELECT channel, provider, provider_message_id FROM messages WHERE voter_id = 'T1' ORDER BY channel");
    assert.match(rows[0].provider_message_id, /^SM/);
    assert.match(rows[1].provider_message_id, /^CA/);
  });

  it('an invalid number becomes undeliverable; a number opted out at the carrier goes on do-not-contact', async () => {
    behaviour.set('+13105550132', { status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 } });
    behaviour.set('+13105550133', { status: 400, body: { code: 21610, message: 'Attempt to send to unsubscribed recipient', status: 400 } });
    const ids = [...(await plan('T2', { sms: '+13105550132' })), ...(await plan('T3', { sms: '+13105550133' }))];
    assert.deepEqual((await deliverMessages(rt, ids)).map((o) => o.outcome), ['failed:twilio_21211', 'failed:twilio_21610']);
    const { rows } = await db.query("SELECT address, consent FROM subscription_channels WHERE address IN ('+13105550132', '+13105550133') ORDER BY address");
    assert.deepEqual(rows, [{ address: '+13105550132', consent: 'undeliverable' }, { address: '+13105550133', consent: 'opted_out' }]);
    const { rows: dnc } = await db.query("SELECT address, reason FROM do_not_contact WHERE address LIKE '+1310555013%'");
    assert.deepEqual(dnc, [{ address: '+13105550133', reason: 'carrier_opt_out' }]);
  });

  it('after an ambiguous failure, finds the message Twilio did take instead of sending it twice', async () => {
    behaviour.set('+13105550134', { status: 500, body: { code: 20500, message: 'Internal Server Error' } });
    const ids = await plan('T4', { sms: '+13105550134' });
    assert.deepEqual((await deliverMessages(rt, ids, { random: () => 0 })).map((o) => o.outcome), ['retry']);
    // Twilio had created it after all.
    const [m] = await messagesOf(db, 'T4');
    const { rows } = await db.query('SELECT content FROM messages WHERE id = $1', [m!.id]);
    listed.push({ sid: 'SMfound00000000000000000000000000', to: '+13105550134', body: rows[0].content.sms, date_created: new Date(NOW.getTime() + 1000).toUTCString() });
    behaviour.delete('+13105550134');
    rt.clock.set(new Date(NOW.getTime() + 60_000));
    const posts = seen.filter((s) => s.method === 'POST').length;
    assert.deepEqual((await deliverMessages(rt, ids)).map((o) => o.outcome), ['recovered']);
    assert.equal(seen.filter((s) => s.method === 'POST').length, posts, 'not posted again');
    assert.ok(seen.some((s) => s.method === 'GET' && s.path.includes('To=%2B13105550134')));
    const { rows: after } = await db.query('SELECT status, provider_message_id FROM messages WHERE id = $1', [m!.id]);
    assert.deepEqual(after[0], { status: 'sent', provider_message_id: 'SMfound00000000000000000000000000' });
  });

  it('a worker that died mid-send: a receipt that came meanwhile proves the text went', async () => {
    const ids = await plan('T5', { sms: '+13105550135' });
    // What a killed worker leaves behind, after the status callback recorded Twilio's id.
    await db.query("UPDATE messages SET status = 'sending', attempts = 1, lease_until = $2, first_attempt_at = $3, provider = 'twilio', provider_message_id = 'SMreceipt' WHERE id = $1",
      [ids[0], new Date(NOW.getTime() - 1000), new Date(NOW.getTime() - 61_000)]);
    const posts = seen.filter((s) => s.method === 'POST').length;
    assert.deepEqual((await deliverMessages(rt, ids)).map((o) => o.outcome), ['recovered']);
    assert.equal(seen.filter((s) => s.method === 'POST').length, posts);
    // With no receipt and nothing in Twilio's list, it is sent again (the documented duplicate window).
    const ids6 = await plan('T6', { sms: '+13105550136' });
    await db.query("UPDATE messages SET status = 'sending', attempts = 1, lease_until = $2, first_attempt_at = $3, provider = 'twilio' WHERE id = $1",
      [ids6[0], new Date(NOW.getTime() - 1000), new Date(NOW.getTime() - 61_000)]);
    assert.deepEqual((await deliverMessages(rt, ids6)).map((o) => o.outcome), ['sent']);
    const { rows } = await db.query('SELECT attempt, outcome FROM delivery_attempts WHERE message_id = $1 ORDER BY attempt', [ids6[0]]);
    assert.deepEqual(rows, [{ attempt: 1, outcome: 'abandoned' }, { attempt: 2, outcome: 'sent' }]);
  });

  it('honours Retry-After on 429 and gives up at the maximum age', async () => {
    behaviour.set('+13105550137', { status: 429, body: { code: 20429, message: 'Too Many Requests' }, headers: { 'retry-after': '120' } });
    const ids = await plan('T7', { sms: '+13105550137' });
    assert.deepEqual((await deliverMessages(rt, ids, { random: () => 0 })).map((o) => o.outcome), ['retry']);
    const [m] = await messagesOf(db, 'T7');
    assert.equal(m!.not_before.toISOString(), new Date(NOW.getTime() + 120_000).toISOString());
    rt.clock.set(new Date(NOW.getTime() + 25 * 3600_000)); // past the 24 h maximum age (and at 11:00 in LA)
    assert.deepEqual((await deliverMessages(rt, ids, { random: () => 0 })).map((o) => o.outcome), ['failed:retries_exhausted']);
  });
});
