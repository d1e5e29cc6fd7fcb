import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testRuntime } from '../testing/db.ts';
import type { Runtime } from '../runtime.ts';
import { loadVoters } from './testing.ts';
import { optInByAddress, optOut, optOutByAddress, signUp } from './subscriptions.service.ts';

const PHONE = '+14155550123';

async function household(rt: Runtime): Promise<void> {
  await loadVoters(rt, [
    { id: 'CA1', county: '19', first: 'Ana', last: 'Cruz', dob: '1980-01-01', zip: '90012' },
    { id: 'CA2', county: '19', first: 'Ben', last: 'Cruz', dob: '1982-02-02', zip: '90012' },
  ]);
  for (const [first, dob] of [['Ana', '01-01-1980'], ['Ben', '02-02-1982']] as const) {
    const r = await signUp(rt, { identity: { firstName: first, lastName: 'Cruz', dob, zip: '90012' }, preferences: { channels: { sms: PHONE, voice: PHONE, email: `${first.toLowerCase()}@example.com` } } }, { ip: '10.1.1.1' });
    assert.equal(r.kind, 'signed_up');
  }
}

const consents = async (rt: Runtime) =>
  (await rt.db.pool.query("SELECT s.voter_id || ':' || sc.channel || ':' || sc.consent AS c FROM subscription_channels sc JOIN subscriptions s ON s.id = sc.subscription_id ORDER BY 1")).rows.map((r) => r.c);

test('STOP from a shared phone stops texts for the whole household, nothing else; START brings them back', async () => {
  const rt = await testRuntime();
  await household(rt);
  const stop = await rt.db.tx((tx) => optOutByAddress(tx, PHONE, 'sms', 'sms_keyword', PHONE, rt.clock.now()));
  assert.deepEqual(stop.map((c) => `${c.voterId}:${c.channel}:${c.from}>${c.to}`), ['CA1:sms:active>opted_out', 'CA2:sms:active>opted_out']);
  assert.deepEqual(await consents(rt), ['CA1:email:active', 'CA1:sms:opted_out', 'CA1:voice:active', 'CA2:email:active', 'CA2:sms:opted_out', 'CA2:voice:active']);
  assert.deepEqual(await rt.db.tx((tx) => optOutByAddress(tx, PHONE, 'sms', 'sms_keyword', PHONE)), [], 'idempotent');

  const start = await rt.db.tx((tx) => optInByAddress(tx, PHONE, 'sms', 'sms_keyword', PHONE, rt.clock.now()));
  assert.equal(start.length, 2);
  assert.deepEqual(await consents(rt), ['CA1:email:active', 'CA1:sms:active', 'CA1:voice:active', 'CA2:email:active', 'CA2:sms:active', 'CA2:voice:active']);
  const log = (await rt.db.pool.query("SELECT voter_id, channel, from_state, to_state, source, actor FROM consent_events WHERE source = 'sms_keyword' ORDER BY id")).rows;
  assert.equal(log.length, 4);
  assert.deepEqual(log[0], { voter_id: 'CA1', channel: 'sms', from_state: 'active', to_state: 'opted_out', source: 'sms_keyword', actor: PHONE });
});

test("'all' at an address means every channel at that address (sms and voice), never the email", async () => {
  const rt = await testRuntime();
  await household(rt);
  const changes = await rt.db.tx((tx) => optOutByAddress(tx, PHONE, 'all', 'sms_keyword', PHONE));
  assert.equal(changes.length, 4);
  assert.deepEqual((await consents(rt)).filter((c) => c.includes('email')), ['CA1:email:active', 'CA2:email:active']);
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM subscriptions WHERE state = 'active'")).rows[0].n, 2, 'no subscription ends');
});

test('opt-in never revives an undeliverable channel or an ended subscription', async () => {
  const rt = await testRuntime();
  await household(rt);
  await rt.db.pool.query("UPDATE subscription_channels SET consent = 'undeliverable' WHERE channel = 'voice'");
  const ana = (await rt.db.pool.query("SELECT id FROM subscriptions WHERE voter_id = 'CA1'")).rows[0].id;
  await rt.db.tx((tx) => optOut(tx, ana, 'all', 'web', 'voter'));
  const revived = await rt.db.tx((tx) => optInByAddress(tx, PHONE, 'all', 'sms_keyword', PHONE));
  assert.deepEqual(revived, []);
  assert.deepEqual(await consents(rt), ['CA1:email:opted_out', 'CA1:sms:opted_out', 'CA1:voice:opted_out', 'CA2:email:active', 'CA2:sms:active', 'CA2:voice:undeliverable']);
});

test("optOut 'all' ends the subscription once and logs it", async () => {
  const rt = await testRuntime();
  await household(rt);
  const ana = (await rt.db.pool.query("SELECT id FROM subscriptions WHERE voter_id = 'CA1'")).rows[0].id;
  const first = await rt.db.tx((tx) => optOut(tx, ana, 'all', 'county_staff', 'staff:42', rt.clock.now()));
  assert.deepEqual(first.map((c) => `${c.channel}:${c.to}`), ['email:opted_out', 'sms:opted_out', 'voice:opted_out', 'null:ended']);
  assert.deepEqual(await rt.db.tx((tx) => optOut(tx, ana, 'all', 'county_staff', 'staff:42')), []);
  const ended = (await rt.db.pool.query('SELECT state, ended_reason, ended_at FROM subscriptions WHERE id = $1', [ana])).rows[0];
  assert.deepEqual([ended.state, ended.ended_reason, ended.ended_at.toISOString()], ['ended', 'opted_out', rt.clock.now().toISOString()]);
  const log = (await rt.db.pool.query("SELECT to_state, actor, source FROM consent_events WHERE subscription_id = $1 AND channel IS NULL ORDER BY id", [ana])).rows;
  assert.deepEqual(log, [{ to_state: 'active', actor: 'voter', source: 'web' }, { to_state: 'ended', actor: 'staff:42', source: 'county_staff' }]);
});
