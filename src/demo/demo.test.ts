/**
 * The demo against a real database: seeding twice gives the same database; a short season on
 * a fast clock moves ballots and fills the outbox in several languages and every channel;
 * a restart (and a day redone after a crash) resumes without a duplicate message.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testRuntime } from '../testing/db.ts';
import type { Runtime } from '../runtime.ts';
import { demoClock } from './demo-clock.ts';
import { newDemoState, seedDemo } from './seed.ts';
import { readDemoState, writeDemoState } from './demo-state.ts';
import { demoDriver } from './driver.ts';
import { addDays } from '../elections/participation.ts';

const T0 = Date.parse('2026-11-22T03:00:00Z');

interface Counts { voters: number; subscriptions: number; channels: number; elections: number; staff: number; messages: number }

async function counts(rt: Runtime): Promise<Counts> {
  const { rows } = await rt.db.pool.query<Counts>(`SELECT
    (SELECT count(*) FROM voters)::int AS voters, (SELECT count(*) FROM subscriptions)::int AS subscriptions,
    (SELECT count(*) FROM subscription_channels)::int AS channels, (SELECT count(*) FROM elections)::int AS elections,
    (SELECT count(*) FROM staff_users)::int AS staff, (SELECT count(*) FROM messages)::int AS messages`);
  return rows[0]!;
}

async function outboxIdentities(rt: Runtime): Promise<string[]> {
  const { rows } = await rt.db.pool.query<{ k: string }>('SELECT m.key || \'|\' || o.channel AS k FROM outbox o JOIN messages m ON m.id = o.message_id ORDER BY o.id');
  return rows.map((r) => r.k);
}

describe('the demo', async () => {
  const base = await testRuntime({ profile: 'ca' });
  let wall = T0;
  const state0 = newDemoState(base, { voters: 1500, daySeconds: 1, realNow: T0 });
  await writeDemoState(base.config.dataDir, state0);
  const clock = demoClock(state0.clock, () => wall);
  const rt: Runtime = { ...base, clock };

  it('seeds once: a second run changes nothing', { timeout: 120_000 }, async () => {
    const first = await seedDemo(rt);
    const after1 = await counts(rt);
    assert.equal(after1.voters, 1500);
    assert.ok(after1.subscriptions > 150, `${after1.subscriptions} subscribers`);
    assert.equal(after1.elections, 1);
    assert.equal(after1.staff, 2);
    assert.ok(first.staff.every((s) => s.totpSecret.length >= 16 && s.password.length >= 12));
    // Even when the state file says it is not done (a crash half-way), every step is idempotent.
    await writeDemoState(rt.config.dataDir, { ...first, seededAt: null });
    const second = await seedDemo(rt);
    assert.deepEqual(await counts(rt), after1);
    assert.deepEqual(second.staff.map((s) => s.password), first.staff.map((s) => s.password));
    assert.deepEqual((await readDemoState(rt.config.dataDir))!.staff, second.staff);
  });

  it('plays the season through the real entry points, and resumes after a restart without duplicates', { timeout: 400_000 }, async () => {
    clock.play();
    let state = { ...(await readDemoState(rt.config.dataDir))!, clock: clock.settings() };
    await writeDemoState(rt.config.dataDir, state);
    const E = state.electionDate;

    // First process: up to election day.
    let driver = demoDriver(rt, state);
    while (clock.now() < new Date(`${addDays(E, 1)}T12:00:00Z`)) {
      wall += 1000;
      await driver.step();
    }
    const midway = await outboxIdentities(rt);
    assert.ok(midway.length > 0, 'messages in the outbox by election day');
    const { rows: statuses } = await rt.db.pool.query<{ status_code: string; n: number }>('SELECT status_code, count(*)::int AS n FROM ballots GROUP BY 1');
    const byStatus = Object.fromEntries(statuses.map((r) => [r.status_code, r.n]));
    assert.ok((byStatus.ACCEPTED ?? 0) > 0 && (byStatus.ISSUED ?? 0) > 0, `ballots moved: ${JSON.stringify(byStatus)}`);

    // A restart, as after a crash in the middle of a day: the last day is done again.
    state = (await readDemoState(rt.config.dataDir))!;
    assert.ok(state.lastDay !== null);
    await writeDemoState(rt.config.dataDir, { ...state, lastDay: addDays(state.lastDay, -1) });
    driver = demoDriver(rt, (await readDemoState(rt.config.dataDir))!);
    await driver.step();

    while (clock.accelerated()) {
      wall += 1000;
      await driver.step();
    }
    wall += 1000;
    await driver.step();
    assert.equal((await readDemoState(rt.config.dataDir))!.lastDay, addDays(E, 30), 'every day of the season played');

    const all = await outboxIdentities(rt);
    assert.deepEqual(all.slice(0, midway.length), midway, 'the outbox before the restart is unchanged');
    assert.equal(new Set(all).size, all.length, 'no message sent twice');
    const { rows: mix } = await rt.db.pool.query<{ languages: number; channels: number; kinds: string[] }>(
      'SELECT count(DISTINCT language)::int AS languages, count(DISTINCT channel)::int AS channels, array_agg(DISTINCT kind) AS kinds FROM outbox');
    assert.ok(mix[0]!.languages >= 8, `${mix[0]!.languages} languages`);
    assert.equal(mix[0]!.channels, 3);
    for (const k of ['outbound', 'received', 'accepted']) assert.ok(mix[0]!.kinds.includes(k), `a ${k} message`);
    const { rows: subs } = await rt.db.pool.query<{ web: number; ended: number }>(
      "SELECT count(*) FILTER (WHERE source = 'web')::int AS web, count(*) FILTER (WHERE state = 'ended')::int AS ended FROM subscriptions");
    assert.ok(subs[0]!.web > 0, 'voters signed up during the election');
    assert.ok(subs[0]!.ended > 0, 'some opted out');
    const { rows: scans } = await rt.db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM ballot_events WHERE source = 'imb'");
    assert.ok(scans[0]!.n > 0, 'USPS scans made events');
    await driver.stop();
  });
});
