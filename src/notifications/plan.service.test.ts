import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { testRuntime } from '../testing/db.ts';
import { planRun, openDueWindows, planCurrentStatusForVoter } from './plan.service.ts';
import { handleServiceMessage } from './service-messages.service.ts';
import { ballot, ballotEvent, countyContacts, election, importRun, messagesOf, subscribedVoter } from './test-fixtures.ts';

// 2026-10-20 10:00 in Los Angeles (PDT, UTC-7): inside G2026's window (opens 2026-10-05).
const NOW = new Date('2026-10-20T17:00:00Z');

describe('planning job', async () => {
  const rt = await testRuntime({ now: NOW });
  const db = rt.db.pool;
  before(async () => {
    await countyContacts(db);
    await election(db);
  });

  it('plans one message per active channel, at once inside the voter\'s hours', async () => {
    rt.clock.set(NOW);
    await subscribedVoter(db, { voterId: 'V1', channels: { sms: '+13105550101', email: 'v1@example.com' } });
    await ballot(db, { ballotId: 'B1', voterId: 'V1', sentDate: '2026-10-19' });
    const run = await importRun(db);
    await ballotEvent(db, { ballotId: 'B1', voterId: 'V1', kind: 'outbound', reason: 'ISSUED', occurredAt: new Date('2026-10-19T15:00:00Z'), runId: run });
    const summary = await planRun(rt, run);
    assert.equal(summary.events, 1);
    assert.equal(summary.planned, 2);
    const msgs = await messagesOf(db, 'V1');
    assert.deepEqual(msgs.map((m) => [m.key, m.status, m.not_before.toISOString()]).sort(), [
      ['G2026/B1:outbound:once:email', 'planned', NOW.toISOString()],
      ['G2026/B1:outbound:once:sms', 'planned', NOW.toISOString()],
    ]);
    // The same run planned again, and the outbound scan of the same ballot: nothing new.
    assert.equal((await planRun(rt, run)).planned, 0);
    const run2 = await importRun(db, 'scans');
    await ballotEvent(db, { ballotId: 'B1', voterId: 'V1', kind: 'outbound', reason: 'scan', occurredAt: new Date('2026-10-20T01:00:00Z'), runId: run2 });
    assert.equal((await planRun(rt, run2)).planned, 0);
    assert.equal((await messagesOf(db, 'V1')).length, 2);
  });

  it('waits for the voter\'s hours in the voter\'s zone, and caps calls to 08:00–21:00', async () => {
    rt.clock.set(new Date('2026-10-20T05:30:00Z')); // 22:30 in LA, 01:30 in New York
    await subscribedVoter(db, { voterId: 'V2', channels: { sms: '+13105550102', voice: '+13105550102' }, hours: { start: '00:00', end: '00:00' } });
    await subscribedVoter(db, { voterId: 'V3', channels: { email: 'v3@example.com' }, timeZone: 'America/New_York', hours: { start: '09:00', end: '17:00' } });
    for (const v of ['V2', 'V3']) await ballot(db, { ballotId: `B${v}`, voterId: v, sentDate: '2026-10-19' });
    const run = await importRun(db);
    for (const v of ['V2', 'V3']) await ballotEvent(db, { ballotId: `B${v}`, voterId: v, kind: 'received', reason: 'INR', occurredAt: new Date('2026-10-20T04:00:00Z'), runId: run });
    await planRun(rt, run);
    const v2 = await messagesOf(db, 'V2');
    assert.equal(v2.find((m) => m.channel === 'sms')!.not_before.toISOString(), '2026-10-20T05:30:00.000Z', 'all-day hours: the text goes now');
    assert.equal(v2.find((m) => m.channel === 'voice')!.not_before.toISOString(), '2026-10-20T15:00:00.000Z', 'the call waits for 08:00 in LA');
    const v3 = await messagesOf(db, 'V3');
    assert.equal(v3[0]!.not_before.toISOString(), '2026-10-20T13:00:00.000Z', '09:00 in New York');
  });

  it('never plans "mailed" before the sent date, and a newer status supersedes the waiting one', async () => {
    rt.clock.set(NOW);
    await subscribedVoter(db, { voterId: 'V4', channels: { email: 'v4@example.com' } });
    await ballot(db, { ballotId: 'B4', voterId: 'V4', sentDate: '2026-10-23' });
    const run = await importRun(db);
    await ballotEvent(db, { ballotId: 'B4', voterId: 'V4', kind: 'outbound', reason: 'ISSUED', occurredAt: new Date('2026-10-20T16:00:00Z'), runId: run });
    await planRun(rt, run);
    let msgs = await messagesOf(db, 'V4');
    assert.equal(msgs[0]!.not_before.toISOString(), '2026-10-23T15:00:00.000Z', '08:00 on the sent date in LA');
    // The ballot comes back before the outbound went out: only "received" goes.
    const run2 = await importRun(db);
    await ballotEvent(db, { ballotId: 'B4', voterId: 'V4', kind: 'received', reason: 'INR', occurredAt: new Date('2026-10-20T16:30:00Z'), runId: run2 });
    const s = await planRun(rt, run2);
    assert.equal(s.superseded, 1);
    msgs = await messagesOf(db, 'V4');
    assert.deepEqual(msgs.map((m) => [m.kind, m.status]), [['outbound', 'superseded'], ['received', 'planned']]);
  });

  it('drops a new message that one already sent makes stale (a scan after "received")', async () => {
    rt.clock.set(NOW);
    await subscribedVoter(db, { voterId: 'V5', channels: { sms: '+13105550105' } });
    await ballot(db, { ballotId: 'B5', voterId: 'V5', sentDate: '2026-10-10' });
    const run = await importRun(db);
    await ballotEvent(db, { ballotId: 'B5', voterId: 'V5', kind: 'received', reason: 'INR', occurredAt: new Date('2026-10-19T16:00:00Z'), runId: run });
    await planRun(rt, run);
    await db.query("UPDATE messages SET status = 'sent' WHERE voter_id = 'V5'");
    const run2 = await importRun(db, 'scans');
    await ballotEvent(db, { ballotId: 'B5', voterId: 'V5', kind: 'inbound', reason: 'scan', occurredAt: new Date('2026-10-18T16:00:00Z'), runId: run2 });
    const s = await planRun(rt, run2);
    assert.equal(s.planned, 0);
    const msgs = await messagesOf(db, 'V5');
    assert.deepEqual(msgs.map((m) => [m.kind, m.status, m.status_reason]), [['received', 'sent', null], ['inbound', 'superseded', 'stale']]);
  });

  it('skips what cannot be sent and says why', async () => {
    rt.clock.set(NOW);
    await subscribedVoter(db, { voterId: 'V6', channels: { sms: '+13105550106', email: 'v6@example.com' }, needsYes: true });
    await ballot(db, { ballotId: 'B6', voterId: 'V6', sentDate: '2026-10-10' });
    await ballot(db, { ballotId: 'B7', voterId: 'NOSUB', sentDate: '2026-10-10' });
    const run = await importRun(db);
    await ballotEvent(db, { ballotId: 'B6', voterId: 'V6', kind: 'accepted', reason: 'ACCEPTED', occurredAt: new Date('2026-10-20T16:00:00Z'), runId: run });
    await ballotEvent(db, { ballotId: 'B7', voterId: 'NOSUB', kind: 'accepted', reason: 'ACCEPTED', occurredAt: new Date('2026-10-20T16:00:00Z'), runId: run });
    const s = await planRun(rt, run);
    assert.equal(s.planned, 1);
    assert.deepEqual(s.skipped, { 'awaiting_yes:sms': 1, no_subscription: 1 });
    const { rows } = await db.query('SELECT events, planned, skipped FROM notification_plan_runs WHERE run_id = $1', [run]);
    assert.deepEqual(rows[0], { events: 2, planned: 1, skipped: { 'awaiting_yes:sms': 1, no_subscription: 1 } });
  });

  it('keeps events from before the window and, at its opening, sends only the current status', async () => {
    await election(db, { id: 'L2027', date: '2027-03-02', kind: 'local' });
    rt.clock.set(new Date('2027-01-20T18:00:00Z')); // before E-29 (2027-02-01)
    await subscribedVoter(db, { voterId: 'V8', channels: { email: 'v8@example.com' } });
    await ballot(db, { electionId: 'L2027', ballotId: 'B8', voterId: 'V8', sentDate: '2027-01-15' });
    const run = await importRun(db);
    await ballotEvent(db, { electionId: 'L2027', ballotId: 'B8', voterId: 'V8', kind: 'outbound', reason: 'ISSUED', occurredAt: new Date('2027-01-15T18:00:00Z'), runId: run });
    await ballotEvent(db, { electionId: 'L2027', ballotId: 'B8', voterId: 'V8', kind: 'received', reason: 'INR', occurredAt: new Date('2027-01-19T18:00:00Z'), runId: run });
    const s = await planRun(rt, run);
    assert.equal(s.planned, 0);
    assert.equal(s.skipped.outside_window, 2);
    assert.deepEqual(await openDueWindows(rt), [], 'nothing opens before the window');

    rt.clock.set(new Date('2027-02-01T08:05:00Z')); // 00:05 on E-29 in LA
    const opened = await openDueWindows(rt);
    assert.deepEqual(opened.map((o) => [o.electionId, o.countyCode, o.planned]), [['L2027', '19', 1]]);
    const msgs = (await messagesOf(db, 'V8')).filter((m) => m.key.startsWith('L2027/'));
    assert.deepEqual(msgs.map((m) => [m.kind, m.status, m.not_before.toISOString()]), [['received', 'planned', '2027-02-01T16:00:00.000Z']]);
    assert.deepEqual(await openDueWindows(rt), [], 'a window opens once');
  });

  it('right after sign-up: the confirmation, then the current status of a ballot that has moved', async () => {
    rt.clock.set(NOW);
    await ballot(db, { ballotId: 'B9', voterId: 'V9', sentDate: '2026-10-10' });
    const run = await importRun(db);
    await ballotEvent(db, { ballotId: 'B9', voterId: 'V9', kind: 'outbound', reason: 'ISSUED', occurredAt: new Date('2026-10-10T16:00:00Z'), runId: run });
    await ballotEvent(db, { ballotId: 'B9', voterId: 'V9', kind: 'contact_county', reason: 'NVS', occurredAt: new Date('2026-10-18T16:00:00Z'), runId: run });
    assert.equal((await planRun(rt, run)).skipped.no_subscription, 2);
    const sub = await subscribedVoter(db, { voterId: 'V9', channels: { email: 'v9@example.com' } });
    const result = await handleServiceMessage(rt, { subscriptionId: sub, kind: 'confirmation', channel: 'email' });
    assert.equal(result.outcome, 'planned');
    assert.equal(result.plan!.planned, 1);
    const msgs = await messagesOf(db, 'V9');
    assert.deepEqual(msgs.map((m) => [m.kind, m.not_before.toISOString()]), [
      ['confirmation', NOW.toISOString()],
      ['contact_county', new Date(NOW.getTime() + 60_000).toISOString()],
    ]);
    assert.equal((await handleServiceMessage(rt, { subscriptionId: sub, kind: 'confirmation', channel: 'email' })).outcome, 'skipped:exists_or_no_channel');
    assert.equal((await planCurrentStatusForVoter(rt, 'V9')).planned, 0, 'planned once');
  });
});
