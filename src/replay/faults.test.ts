import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../clock.ts';
import { TransientError } from '../notifications/providers/types.ts';
import type { OutgoingMessage, Provider } from '../notifications/providers/types.ts';
import { flakyProviders } from './faults.ts';
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
});
