/**
 * A voter who signs up for calls only, after their ballot has moved, still gets its current
 * status (DESIGN §3: "no status for voters who signed up after their ballot moved — we send the
 * current status at sign-up"), and no confirmation (DESIGN §2.2: none by voice).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testRuntime } from '../testing/db.ts';
import { signUp } from './subscriptions.service.ts';
import { loadVoters, serviceMessageJobs } from './testing.ts';
import { handleServiceMessage } from '../notifications/service-messages.service.ts';
import { ballot, ballotEvent, countyContacts, election, importRun } from '../notifications/test-fixtures.ts';

test('a voice-only sign-up plans the ballot\'s current status, by voice, and sends no confirmation', async () => {
  const rt = await testRuntime({ now: new Date('2026-10-20T17:00:00Z') });
  await loadVoters(rt, [{ id: 'CAV1', county: '19', first: 'Vera', last: 'Calls', dob: '1950-04-04', zip: '90012' }]);
  await countyContacts(rt.db.pool);
  await election(rt.db.pool);
  await ballot(rt.db.pool, { ballotId: 'BV1', voterId: 'CAV1', sentDate: '2026-10-06', statusCode: 'INR' });
  await ballotEvent(rt.db.pool, { ballotId: 'BV1', voterId: 'CAV1', kind: 'received', reason: 'INR', occurredAt: new Date('2026-10-19T19:00:00Z'), runId: await importRun(rt.db.pool) });

  const r = await signUp(rt, { identity: { firstName: 'Vera', lastName: 'Calls', dob: '04-04-1950', zip: '90012' }, preferences: { channels: { voice: '(213) 555-0199' } } }, { ip: '10.0.0.9' });
  assert.equal(r.kind, 'signed_up');
  const jobs = await serviceMessageJobs(rt);
  assert.deepEqual(jobs.map((j) => [j.kind, j.channel]), [['confirmation', 'voice']]);

  const outcome = await handleServiceMessage(rt, { subscriptionId: jobs[0]!.subscriptionId, kind: 'confirmation', channel: 'voice' });
  assert.equal(outcome.outcome, 'skipped:no_voice_confirmation');
  const { rows } = await rt.db.pool.query("SELECT kind, reason, channel FROM messages WHERE voter_id = 'CAV1'");
  assert.deepEqual(rows, [{ kind: 'received', reason: 'INR', channel: 'voice' }]);
});
