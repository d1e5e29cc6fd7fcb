import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deliverJobs, messageIdsOf, DELIVER_GROUP } from './jobs.ts';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.ts';
import { emailWebhookSignature, verifyEmailWebhook } from './feedback.service.ts';
import { keywordLanguage } from './replies.service.ts';
import { classifyTwilioError, parseTwilioStatus } from './providers/twilio/twilio.provider.ts';
import { classifySmtpError } from './providers/smtp/smtp.provider.ts';
import { emailMessageId } from './providers/requests.ts';
import { PermanentError, TransientError } from './providers/types.ts';

const NOW = new Date('2026-10-20T17:00:00Z');

describe('deliverJobs', () => {
  it('groups messages due at the same instant, up to the group size, one job otherwise', () => {
    const items = [
      ...Array.from({ length: DELIVER_GROUP + 5 }, (_, i) => ({ id: String(i + 1), notBefore: NOW })),
      { id: 'late', notBefore: new Date(NOW.getTime() + 90_500) },
    ];
    const jobs = deliverJobs(items, NOW);
    assert.deepEqual(jobs.map((j) => [messageIdsOf(j.data!).length, j.startAfter]), [[DELIVER_GROUP, 0], [5, 0], [1, 91]]);
    assert.deepEqual(jobs[2]!.data, { messageId: 'late' });
    assert.equal(jobs[0]!.heartbeatSeconds, 10);
  });
});

describe('unsubscribe tokens', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters';
  it('round-trip, and refuse anything altered or signed with another secret', () => {
    const t = unsubscribeToken(secret, '42', 'email');
    assert.deepEqual(readUnsubscribeToken(secret, t), { subscriptionId: '42', channel: 'email' });
    assert.equal(readUnsubscribeToken(secret, t.replace(/^42/, '43')), null);
    assert.equal(readUnsubscribeToken(secret, t.replace('.email.', '.sms.')), null);
    assert.equal(readUnsubscribeToken('another-secret-of-thirty-two-characters!', t), null);
    assert.equal(readUnsubscribeToken(secret, 'garbage'), null);
  });
});

describe('email webhook signature', () => {
  it('is v1=HMAC-SHA256(secret, "<ts>.<body>") within five minutes', () => {
    const ts = String(NOW.getTime() / 1000);
    const sig = emailWebhookSignature('s3cret', ts, '{"events":[]}');
    assert.match(sig, /^v1=[0-9a-f]{64}$/);
    assert.ok(verifyEmailWebhook('s3cret', sig, ts, '{"events":[]}', NOW));
    assert.equal(verifyEmailWebhook('s3cret', sig, ts, '{"events":[ ]}', NOW), false);
    assert.equal(verifyEmailWebhook('s3cret', sig, ts, '{"events":[]}', new Date(NOW.getTime() + 301_000)), false);
    assert.equal(verifyEmailWebhook('s3cret', undefined, ts, '{"events":[]}', NOW), false);
  });
});

describe('reply language', () => {
  it('is the language of the keyword, English first', () => {
    assert.equal(keywordLanguage('stop'), 'en');
    assert.equal(keywordLanguage(' Ayuda '), 'es');
    assert.equal(keywordLanguage('停止'), 'zh-Hant');
    assert.equal(keywordLanguage('dừng'), 'vi');
    assert.equal(keywordLanguage('hello'), null);
  });
});

describe('provider errors', () => {
  it('Twilio: invalid numbers and opt-outs are permanent; 429, 5xx and auth are transient', () => {
    const e1 = classifyTwilioError(400, { code: 21211 }, null);
    assert.ok(e1 instanceof PermanentError && e1.contact === 'undeliverable');
    const e2 = classifyTwilioError(400, { code: 21610 }, null);
    assert.ok(e2 instanceof PermanentError && e2.contact === 'opted_out');
    const e3 = classifyTwilioError(400, { code: 21602 }, null);
    assert.ok(e3 instanceof PermanentError && e3.contact === null, 'a bad request is this message\'s fault');
    const e4 = classifyTwilioError(429, { code: 20429 }, '7');
    assert.ok(e4 instanceof TransientError && e4.retryAfterMs === 7000 && !e4.ambiguous);
    const e5 = classifyTwilioError(503, {}, null);
    assert.ok(e5 instanceof TransientError && e5.ambiguous);
    assert.ok(classifyTwilioError(401, { code: 20003 }, null) instanceof TransientError);
  });
  it('Twilio status callbacks normalise SMS and call states', () => {
    assert.deepEqual(parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'delivered' }), { providerMessageId: 'SM1', event: 'delivered', errorCode: null, contact: null });
    assert.deepEqual(parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'undelivered', ErrorCode: '30006' }), { providerMessageId: 'SM1', event: 'undelivered', errorCode: '30006', contact: 'undeliverable' });
    assert.equal(parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'queued' })!.event, null);
    assert.equal(parseTwilioStatus({ CallSid: 'CA1', CallStatus: 'completed' })!.event, 'delivered');
    assert.equal(parseTwilioStatus({ CallSid: 'CA1', CallStatus: 'no-answer' })!.event, 'undelivered');
    assert.equal(parseTwilioStatus({ Foo: 'bar' }), null);
  });
  it('SMTP: 5.1.x is about the address, other 5xx about the message, 4xx and sockets retry', () => {
    const e1 = classifySmtpError({ responseCode: 550, response: '550 5.1.1 No such user' });
    assert.ok(e1 instanceof PermanentError && e1.contact === 'undeliverable');
    const e2 = classifySmtpError({ responseCode: 554, response: '554 5.7.1 Message rejected as spam' });
    assert.ok(e2 instanceof PermanentError && e2.contact === null);
    assert.ok(classifySmtpError({ responseCode: 451, response: '451 4.3.0 try later' }) instanceof TransientError);
    const e4 = classifySmtpError({ code: 'ETIMEDOUT' });
    assert.ok(e4 instanceof TransientError && e4.ambiguous);
    const e5 = classifySmtpError({ code: 'ECONNECTION' });
    assert.ok(e5 instanceof TransientError && !e5.ambiguous);
  });
});

describe('emailMessageId', () => {
  it('is stable per key, a valid msg-id, on the sender\'s domain', () => {
    const a = emailMessageId('G2026/B1:accepted:ACCEPTED:email', '"Where\'s My Ballot?" <ballots@sos.ca.gov>');
    assert.equal(a, emailMessageId('G2026/B1:accepted:ACCEPTED:email', 'x <ballots@sos.ca.gov>'));
    assert.match(a, /^<G2026\/B1\.accepted\.ACCEPTED\.email\.[0-9a-f]{12}@sos\.ca\.gov>$/);
    assert.notEqual(a, emailMessageId('G2026/B1:accepted:ACCEPTED:sms', 'x <ballots@sos.ca.gov>'));
  });
});
