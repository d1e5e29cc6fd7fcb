import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { testRuntime } from '../../../testing/db.ts';
import { planRun } from '../../plan.service.ts';
import { deliverMessages } from '../../delivery.service.ts';
import { closeProviders } from '../index.ts';
import { ballot, ballotEvent, countyContacts, dueMessageIds, election, importRun, subscribedVoter } from '../../test-fixtures.ts';

interface Received { from: string; to: string[]; raw: string }

/** Headers of a raw message, unfolded, names lower-cased; encoded words (RFC 2047) decoded. */
function headersOf(raw: string): Map<string, string> {
  const head = raw.split(/\r\n\r\n/)[0]!.replace(/\r\n[ \t]+/g, ' ');
  const out = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    out.set(line.slice(0, i).toLowerCase(), decodeWords(line.slice(i + 1).trim()));
  }
  return out;
}

function decodeWords(s: string): string {
  return s.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*(?==\?UTF-8)?/gi, (_m, enc: string, text: string) => {
    if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
    return Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  });
}

describe('SMTP provider against a real SMTP server', async () => {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) return callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
      if (address.address.startsWith('busy@')) return callback(Object.assign(new Error('4.2.1 Try again later'), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: (session.envelope.mailFrom as { address: string }).address, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  const port = (server.server.address() as AddressInfo).port;
  const NOW = new Date('2026-10-20T17:00:00Z');
  const rt = await testRuntime({
    now: NOW,
    env: { BALLOTLINE_EMAIL_PROVIDER: 'smtp', SMTP_URL: `smtp://127.0.0.1:${port}`, EMAIL_FROM: '"Where\'s My Ballot?" <ballots@sos.example.gov>', BALLOTLINE_PUBLIC_URL: 'https://ballots.example.gov' },
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

  it('events → email received with the right headers, in the voter\'s language', async () => {
    await subscribedVoter(db, { voterId: 'S1', firstName: 'Ana', lastName: 'García', language: 'es', channels: { email: 'ana@example.com' } });
    await subscribedVoter(db, { voterId: 'S2', firstName: 'Wei', lastName: 'Chen', language: 'zh-Hant', channels: { email: 'wei@example.com' } });
    await subscribedVoter(db, { voterId: 'S3', firstName: 'Sam', lastName: 'Lee', channels: { email: 'sam@example.com' } });
    const run = await importRun(db);
    for (const v of ['S1', 'S2', 'S3']) {
      await ballot(db, { ballotId: `B${v}`, voterId: v, sentDate: '2026-10-10' });
      await ballotEvent(db, { ballotId: `B${v}`, voterId: v, kind: 'accepted', reason: 'ACCEPTED', occurredAt: new Date('2026-10-20T16:00:00Z'), runId: run });
    }
    await planRun(rt, run);
    const outcomes = await deliverMessages(rt, await dueMessageIds(db, NOW));
    assert.deepEqual(outcomes.map((o) => o.outcome), ['sent', 'sent', 'sent']);
    assert.equal(received.length, 3);

    const byTo = new Map(received.map((r) => [r.to[0], headersOf(r.raw)]));
    const es = byTo.get('ana@example.com')!;
    assert.equal(es.get('from'), '"Where\'s My Ballot?" <ballots@sos.example.gov>');
    assert.equal(es.get('content-language'), 'es');
    assert.match(es.get('subject')!, /Ana García/);
    assert.match(es.get('subject')!, /boleta/i, 'Spanish subject');
    assert.match(es.get('list-unsubscribe')!, /^<https:\/\/ballots\.example\.gov\/unsubscribe\/\d+\.email\.[A-Za-z0-9_-]{22}>$/);
    assert.equal(es.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.match(es.get('message-id')!, /^<G2026\/BS1\.accepted\.ACCEPTED\.email\.[0-9a-f]{12}@sos\.example\.gov>$/);
    assert.match(es.get('content-type')!, /^multipart\/alternative/);
    assert.match(byTo.get('wei@example.com')!.get('subject')!, /Wei Chen/);
    assert.equal(byTo.get('wei@example.com')!.get('content-language'), 'zh-Hant');
    assert.equal(byTo.get('sam@example.com')!.get('content-language'), 'en');

    const { rows } = await db.query("SELECT provider, provider_message_id, status FROM messages WHERE voter_id = 'S1'");
    assert.deepEqual(rows, [{ provider: 'smtp', provider_message_id: es.get('message-id'), status: 'sent' }]);
  });

  it('a 5.1.1 rejection makes the address undeliverable; a 4xx is retried later', async () => {
    rt.clock.set(NOW);
    await subscribedVoter(db, { voterId: 'S4', channels: { email: 'nobody@example.com' } });
    await subscribedVoter(db, { voterId: 'S5', channels: { email: 'busy@example.com' } });
    const run = await importRun(db);
    for (const v of ['S4', 'S5']) {
      await ballot(db, { ballotId: `B${v}`, voterId: v, sentDate: '2026-10-10' });
      await ballotEvent(db, { ballotId: `B${v}`, voterId: v, kind: 'received', reason: 'INR', occurredAt: new Date('2026-10-20T16:00:00Z'), runId: run });
    }
    await planRun(rt, run);
    const outcomes = await deliverMessages(rt, await dueMessageIds(db, NOW), { random: () => 0 });
    assert.deepEqual(outcomes.map((o) => o.outcome), ['failed:smtp_550', 'retry']);
    const { rows: ch } = await db.query("SELECT address, consent FROM subscription_channels WHERE address IN ('nobody@example.com', 'busy@example.com') ORDER BY address");
    assert.deepEqual(ch, [{ address: 'busy@example.com', consent: 'active' }, { address: 'nobody@example.com', consent: 'undeliverable' }]);
    const { rows: m } = await db.query("SELECT status, not_before, attempts, error->>'code' AS code FROM messages WHERE voter_id = 'S5'");
    assert.equal(m[0].status, 'planned');
    assert.equal(m[0].attempts, 1);
    assert.equal(m[0].code, 'smtp_451');
    assert.equal(m[0].not_before.toISOString(), new Date(NOW.getTime() + 15_000).toISOString(), 'half the 30 s base with no jitter');
    const { rows: a } = await db.query("SELECT d.outcome, d.error FROM delivery_attempts d JOIN messages m ON m.id = d.message_id WHERE m.voter_id IN ('S4', 'S5') ORDER BY m.voter_id");
    assert.deepEqual(a, [{ outcome: 'permanent_error', error: 'smtp_550' }, { outcome: 'transient_error', error: 'smtp_451' }]);
  });
});
