import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../clock.ts';
import { TransientError } from '../notifications/providers/types.ts';
import type { OutgoingMessage, Provider } from '../notifications/providers/types.ts';
import { testRuntime } from '../testing/db.ts';
import { flakyProviders, WebProcess } from './faults.ts';
import { isConnectionError } from './driver.ts';

describe('replay faults', () => {
  const sent: string[] = [];
  const inner: Provider = {
    name: 'outbox', transactional: true, handOffId: (m) => `outbox-${m.id}`,
    async send(m) { sent.push(m.id); return { providerMessageId: `outbox-${m.id}` }; },
    async sendBatch(ms) { sent.push(...ms.map((m) => m.id)); return ms.map((m) => ({ providerMessageId: `outbox-${m.id}` })); },
  };
  const message = { id: '7' } as OutgoingMessage;

  it('the provider fails transiently inside an outage and works outside it, keeping its nature', async () => {
    const clock = fixedClock(new Date('2026-10-14T15:59:00Z'));
    const counter = { failures: 0 };
    const p = flakyProviders({ email: inner, sms: inner, voice: inner }, clock, [{ from: new Date('2026-10-14T16:00:00Z'), until: new Date('2026-10-14T18:00:00Z') }], counter);
    assert.equal(p.sms, p.email, 'one wrapper per provider');
    assert.equal(p.sms.transactional, true);
    assert.equal(p.sms.handOffId!(message), 'outbox-7');
    await p.sms.sendBatch!([message], { client: null, now: clock.now() });
    clock.set(new Date('2026-10-14T16:00:00Z'));
    await assert.rejects(p.email.sendBatch!([message], { client: null, now: clock.now() }), TransientError);
    await assert.rejects(p.voice.send(message, { client: null, now: clock.now() }), TransientError);
    clock.set(new Date('2026-10-14T18:00:00Z'));
    await p.voice.send(message, { client: null, now: clock.now() });
    assert.deepEqual([sent, counter.failures], [['7', '7'], 2]);
  });

  it('tells a cut connection from other errors, through causes', () => {
    assert.equal(isConnectionError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })), true);
    assert.equal(isConnectionError(new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') })), true);
    assert.equal(isConnectionError(Object.assign(new Error('duplicate key'), { code: '23505' })), false);
  });

  it('a web process answers, a kill mid-request fails as a cut connection, the next process answers again', { timeout: 120_000 }, async () => {
    const rt = await testRuntime({ profile: 'ca' });
    const web = new WebProcess({ DATABASE_URL: rt.db.url, BALLOTLINE_SECRET: rt.config.secret ?? '', BALLOTLINE_PROFILE: 'ca', BALLOTLINE_DATA_DIR: rt.config.dataDir });
    after(() => web.stop());
    const now = new Date('2026-10-14T16:00:00Z');
    const ready = await web.request(now, { method: 'GET', path: '/readyz', from: '127.0.0.9' });
    assert.deepEqual([ready.status, ready.body], [200, { status: 'ready' }]);
    const signUp = { method: 'POST', path: '/api/v1/signup', headers: { 'content-type': 'application/json' }, from: '127.0.0.10',
      body: JSON.stringify({ firstName: 'Nobody', lastName: 'Known', dob: '01-02-1980', zip: '90012', channels: { email: 'nobody@example.com' } }) } as const;
    const noMatch = await web.request(now, signUp);
    assert.deepEqual([noMatch.status, (noMatch.body as { error: { code: string } }).error.code], [422, 'no_match']);
    // Killed right after the request went out: the request fails as a cut connection.
    await assert.rejects(web.request(now, signUp, 0), (err: unknown) => isConnectionError(err));
    assert.deepEqual([web.kills, web.starts, web.running], [1, 1, false]);
    // The next request starts another process, which answers.
    const again = await web.request(now, { method: 'GET', path: '/readyz', from: '127.0.0.9' });
    assert.equal(again.status, 200);
    assert.deepEqual([web.kills, web.starts], [1, 2]);
  });
});
