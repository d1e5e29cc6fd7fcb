import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testRuntime } from '../testing/db.ts';
import type { Runtime } from '../runtime.ts';
import { loadVoters, serviceMessageJobs, type TestVoter } from './testing.ts';
import { createSession, optOut, signUp, verifySession } from './subscriptions.service.ts';
import { fanOutNotices } from './subscriptions.worker.ts';

const later = (n: number) => `2026-0${n}-01T00:00:00Z`;
const ana: TestVoter = { id: 'CA1', county: '19', first: 'Ana', last: 'Cruz', dob: '1980-01-23', zip: '90012' };

async function subscribe(rt: Runtime, v: TestVoter, channels: Record<string, string> = { email: `${v.id.toLowerCase()}@example.com`, sms: '4155550123' }) {
  const [y, m, d] = (v.dob ?? '1980-01-23').split('-');
  const r = await signUp(rt, { identity: { firstName: v.first, lastName: v.last, dob: `${m}-${d}-${y}`, zip: v.zip ?? '94110' }, preferences: { channels } }, { ip: '10.9.9.9' });
  assert.equal(r.kind, 'signed_up', JSON.stringify(r));
}

const subscription = async (rt: Runtime, voterId: string) =>
  (await rt.db.pool.query('SELECT id, state, ended_reason, county_code FROM subscriptions WHERE voter_id = $1 ORDER BY id DESC LIMIT 1', [voterId])).rows[0];
const registryEvents = async (rt: Runtime, voterId: string) =>
  (await rt.db.pool.query("SELECT from_state, to_state, details FROM consent_events WHERE voter_id = $1 AND source = 'registry' ORDER BY id", [voterId])).rows;

test('a voter who moves to another county: subscription ended (reason kept); they must sign up again', async () => {
  const rt = await testRuntime();
  await loadVoters(rt, [ana]);
  await subscribe(rt, ana);
  await loadVoters(rt, [{ ...ana, county: '37', zip: '92101', updated: later(2) }]);
  const s = await subscription(rt, 'CA1');
  assert.deepEqual([s.state, s.ended_reason, s.county_code], ['ended', 'moved', '19']);
  const ev = await registryEvents(rt, 'CA1');
  assert.deepEqual(ev.map((e) => [e.from_state, e.to_state, e.details.reason, e.details.fromCounty, e.details.toCounty]), [['active', 'ended', 'moved', '19', '37']]);
  assert.equal((await rt.db.pool.query('SELECT count(*)::int AS n FROM registry_changes WHERE processed_at IS NULL')).rows[0].n, 0);
  // Signing up again in the new county works and makes a second subscription.
  await subscribe(rt, { ...ana, zip: '92101' });
  const again = await subscription(rt, 'CA1');
  assert.deepEqual([again.state, again.county_code], ['active', '37']);
});

test('inactive or cancelled → suspended; active again → resumed with its channels', async () => {
  const rt = await testRuntime();
  const ben: TestVoter = { id: 'CA2', county: '19', first: 'Ben', last: 'Ito', dob: '1975-02-03', zip: '90012' };
  await loadVoters(rt, [ana, ben]);
  await subscribe(rt, ana);
  await subscribe(rt, ben);
  await loadVoters(rt, [{ ...ana, status: 'INACTIVE', updated: later(2) }, { ...ben, status: 'CANCELLED', updated: later(2) }]);
  assert.equal((await subscription(rt, 'CA1')).state, 'suspended');
  assert.equal((await subscription(rt, 'CA2')).state, 'suspended');
  await loadVoters(rt, [{ ...ana, status: 'ACTIVE', updated: later(3) }]);
  const s = await subscription(rt, 'CA1');
  assert.equal(s.state, 'active');
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM subscription_channels WHERE subscription_id = $1 AND consent = 'active'", [s.id])).rows[0].n, 2);
  assert.deepEqual((await registryEvents(rt, 'CA1')).map((e) => [e.from_state, e.to_state, e.details.voterStatus]), [['active', 'suspended', 'INACTIVE'], ['suspended', 'active', 'ACTIVE']]);
  assert.equal((await subscription(rt, 'CA2')).state, 'suspended');
});

test('became confidential → ended, contacts erased, sessions ended', async () => {
  const rt = await testRuntime();
  await loadVoters(rt, [ana]);
  await subscribe(rt, ana);
  const s = await subscription(rt, 'CA1');
  await rt.db.tx((tx) => optOut(tx, s.id, 'sms', 'sms_keyword', '+14155550123', rt.clock.now()));
  const session = await createSession(rt, 'CA1');
  await loadVoters(rt, [{ ...ana, confidential: true, updated: later(2) }]);
  const ended = await subscription(rt, 'CA1');
  assert.deepEqual([ended.state, ended.ended_reason], ['ended', 'confidential']);
  assert.equal((await rt.db.pool.query('SELECT count(*)::int AS n FROM subscription_channels WHERE subscription_id = $1', [s.id])).rows[0].n, 0);
  const log = (await rt.db.pool.query('SELECT actor, details FROM consent_events WHERE subscription_id = $1', [s.id])).rows;
  assert.ok(log.every((e) => !('address' in e.details) && !String(e.actor ?? '').startsWith('+')), JSON.stringify(log));
  assert.equal(await verifySession(rt, session.token), null);
});

test('a voter removed by a full county file → ended (removed)', async () => {
  const rt = await testRuntime();
  const others = Array.from({ length: 9 }, (_, i) => ({ id: `CA${10 + i}`, county: '19', first: 'Kim', last: `Park${'abcdefghi'[i]}` }));
  await loadVoters(rt, [ana, ...others]);
  await subscribe(rt, ana);
  const { importVoters } = await import('../registry/import.ts');
  const { Readable } = await import('node:stream');
  const { VOTER_HEADER, voterLine } = await import('./testing.ts');
  const content = [VOTER_HEADER, ...others.map(voterLine)].join('\n') + '\n';
  await importVoters({ db: rt.db, profile: rt.profile, clock: rt.clock, dataDir: rt.config.dataDir }, { source: 'full.csv', input: Readable.from([Buffer.from(content)]), full: true, county: '19' });
  assert.deepEqual(await subscription(rt, 'CA1').then((s) => [s.state, s.ended_reason]), ['ended', 'removed']);
});

test('Colorado auto-enrolment: active voters with an email, never opted out, not on do-not-contact; one enrolment email each', async () => {
  const rt = await testRuntime({ profile: 'co' });
  await rt.db.pool.query("INSERT INTO do_not_contact (address, kind, reason, source) VALUES ('blocked@example.com', 'email', 'complaint', 'test')");
  const co = (v: Partial<TestVoter> & { id: string }): TestVoter => ({ county: '16', first: 'Lee', last: `Voter${v.id.replace(/\d/g, '')}`, zip: '80202', ...v });
  await loadVoters(rt, [
    co({ id: 'COA', email: 'a@example.com', language: 'es' }),
    co({ id: 'COB', email: 'b@example.com', status: 'INACTIVE' }),
    co({ id: 'COC' }), // no email
    co({ id: 'COD', email: 'blocked@example.com' }),
    co({ id: 'COE', email: 'e@example.com' }),
  ]);
  const subs = (await rt.db.pool.query("SELECT s.voter_id, s.source, s.language, s.time_zone, s.hours_start, s.hours_end, sc.channel, sc.address, sc.consent FROM subscriptions s JOIN subscription_channels sc ON sc.subscription_id = s.id ORDER BY 1")).rows;
  assert.deepEqual(subs.map((s) => [s.voter_id, s.source, s.language, s.time_zone, s.channel, s.consent]), [
    ['COA', 'auto_enrol', 'es', 'America/Denver', 'email', 'active'], ['COE', 'auto_enrol', 'en', 'America/Denver', 'email', 'active']]);
  const events = (await rt.db.pool.query("SELECT voter_id, channel, to_state, source FROM consent_events ORDER BY voter_id, id")).rows;
  assert.deepEqual(events.map((e) => [e.voter_id, e.channel, e.to_state, e.source]), [
    ['COA', null, 'active', 'auto_enrol'], ['COA', 'email', 'active', 'auto_enrol'], ['COE', null, 'active', 'auto_enrol'], ['COE', 'email', 'active', 'auto_enrol']]);

  // The enrolment emails wait in the outbox until the worker turns them into service-message jobs.
  assert.equal((await serviceMessageJobs(rt)).length, 0);
  const boss = await rt.queue();
  assert.equal(await fanOutNotices(rt, boss, 1), 2);
  assert.deepEqual((await serviceMessageJobs(rt)).map((j) => [j.kind, j.channel, j.reason]), [['confirmation', 'email', 'auto_enrol'], ['confirmation', 'email', 'auto_enrol']]);
  assert.equal((await rt.db.pool.query('SELECT count(*)::int AS n FROM subscription_notices')).rows[0].n, 0);

  // COA opts out of everything; COB becomes active; the next import enrols COB, never COA again.
  const a = (await rt.db.pool.query("SELECT id FROM subscriptions WHERE voter_id = 'COA'")).rows[0];
  await rt.db.tx((tx) => optOut(tx, a.id, 'all', 'web', 'voter', rt.clock.now()));
  await loadVoters(rt, [co({ id: 'COA', email: 'a@example.com', updated: later(2) }), co({ id: 'COB', email: 'b@example.com', updated: later(2) })]);
  const live = (await rt.db.pool.query("SELECT voter_id FROM subscriptions WHERE state <> 'ended' ORDER BY 1")).rows.map((r) => r.voter_id);
  assert.deepEqual(live, ['COB', 'COE']);
  // Importing the same file again enrols nobody twice.
  await loadVoters(rt, [co({ id: 'COB', email: 'b@example.com', updated: later(2) })]);
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM subscriptions WHERE voter_id = 'COB'")).rows[0].n, 1);
});

test('California does not auto-enrol', async () => {
  const rt = await testRuntime();
  await loadVoters(rt, [{ ...ana, email: 'ana@example.com' }]);
  assert.equal((await rt.db.pool.query('SELECT count(*)::int AS n FROM subscriptions')).rows[0].n, 0);
});
