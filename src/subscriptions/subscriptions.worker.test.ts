import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testRuntime } from '../testing/db.ts';
import { loadVoters } from './testing.ts';
import { createSession, logIn } from './subscriptions.service.ts';
import { housekeeping, SUBSCRIPTION_QUEUES, subscriptionsWorker } from './subscriptions.worker.ts';

test('the worker registers its queues and schedules', async () => {
  const rt = await testRuntime();
  await subscriptionsWorker(rt);
  const boss = await rt.queue();
  const schedules = (await boss.getSchedules()).map((s) => s.name).sort();
  assert.deepEqual(schedules, Object.values(SUBSCRIPTION_QUEUES).sort());
});

test('housekeeping deletes sessions expired a day ago and throttle counters whose window closed', async () => {
  const rt = await testRuntime();
  await loadVoters(rt, [{ id: 'CA1', county: '19', first: 'Ana', last: 'Cruz' }]);
  await createSession(rt, 'CA1');
  assert.equal((await logIn(rt, { firstName: 'Ana', lastName: 'Cruz', dob: '01-01-1999', zip: '94110' }, { ip: '10.0.0.1' })).kind, 'no_match');
  assert.deepEqual(await housekeeping(rt), { sessions: 0, throttle: 0 });
  rt.clock.advance(16 * 60_000);
  assert.deepEqual(await housekeeping(rt), { sessions: 0, throttle: 3 });
  rt.clock.advance(2 * 24 * 3_600_000);
  assert.deepEqual(await housekeeping(rt), { sessions: 1, throttle: 0 });
});
