/**
 * "Done when": with the zero-config default (every channel through the outbox), replay a
 * generated election day by day — the daily VoteCal extracts ingested at 18:30, the clock
 * moved to every moment a message falls due — and read in the outbox, for voters of every
 * language, channel and hours, exactly the messages each should get (the generator's ground
 * truth), at allowed hours; STOP, YES and HELP behave as carriers expect.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { DateTime } from 'luxon';
import type { FastifyInstance } from 'fastify';
import { testRuntime } from '../testing/db.ts';
import { buildServer } from '../web/server.ts';
import { stateActor } from '../elections/actor.ts';
import { addDays } from '../elections/participation.ts';
import { startOfLocalDay } from '../elections/window.ts';
import { extractDays, extractRows, voterBallotStories } from '../ballots/generate-election.ts';
import type { BallotStory } from '../ballots/generate-election.ts';
import { ingestBallotBatch } from '../ballots/ingest.ts';
import { LANGUAGES } from '../persisted.ts';
import type { BallotMessageKind, Channel, Language } from '../persisted.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { planRun } from './plan.service.ts';
import { deliverMessages } from './delivery.service.ts';
import { handleServiceMessage } from './service-messages.service.ts';
import { notifyTick } from './notifications.worker.ts';
import { allowedDailyRanges, currentStatusEvent } from './planning.ts';
import type { DailyHours } from './planning.ts';
import { countyContacts, dueMessageIds, election, subscribedVoter } from './test-fixtures.ts';

const E = '2026-11-03';
const STATE_TZ = 'America/Denver';
const TOKEN = 'twilio-auth-token-for-tests-0123456789';
const PUBLIC = 'https://ballots.example.gov';
const at = (day: string, time: string, zone = STATE_TZ): Date => DateTime.fromISO(`${day}T${time}`, { zone }).toJSDate();

interface Sub {
  voterId: string;
  language: Language;
  channels: Partial<Record<Channel, string>>;
  hours: DailyHours;
  timeZone: string;
  yesConfirmed: boolean;
  /** Subscribes at this instant instead of before the election. */
  signsUpAt?: Date;
}

/** What the voter is owed on one channel, as outbox keys: `ballot|kind|reason`, or `svc|kind` for service messages. */
function owedKeys(stories: readonly BallotStory[], from: Date | null): Array<{ key: string; notBefore: string }> {
  const out: Array<{ key: string; notBefore: string }> = [];
  for (const s of stories) {
    const items = s.messages.map((m) => {
      const mailed = m.kind === 'outbound' || m.kind === 'reissued';
      // The row that triggers it arrives at 18:30 on this day (an outbound: when its sent date is known).
      const trigger = mailed ? s.sentDateReportedOn : m.notBefore;
      return { ballotId: s.ballotId, kind: m.kind as BallotMessageKind, reason: m.reason, notBefore: m.notBefore, trigger, occurredAt: new Date(`${mailed ? s.issuedDate : m.notBefore}T12:00:00Z`) };
    });
    const arrived = (i: { trigger: string }): boolean => from === null || at(i.trigger, '18:30') < from;
    const before = items.filter(arrived);
    const chosen = from === null ? items : [...(before.length > 0 ? [currentStatusEvent(before)!] : []), ...items.filter((i) => !arrived(i))];
    for (const i of chosen) out.push({ key: `${s.ballotId}|${i.kind}|${i.reason}`, notBefore: i.notBefore });
  }
  return out;
}

describe('replay of a generated election through the outbox', async () => {
  const rt = await testRuntime({ profile: 'co', now: at(addDays(E, -30), '12:00'), env: { TWILIO_AUTH_TOKEN: TOKEN, BALLOTLINE_PUBLIC_URL: PUBLIC } });
  const db = rt.db.pool;
  const county = rt.profile.counties.find((c) => c.name === 'Denver')!.code;
  let app: FastifyInstance;
  before(async () => {
    app = await buildServer(rt, { routes: [notificationsRoutes], logger: false });
  });
  after(async () => app.close());

  // Voters whose ballots tell every kind of story, from a deterministic generated election.
  const stories = new Map<string, BallotStory[]>();
  const byOutcome = new Map<string, string[]>();
  for (let i = 1; i <= 4000; i++) {
    const voterId = `R${String(i).padStart(5, '0')}`;
    const s = voterBallotStories({ voterId, countyCode: county, status: 'ACTIVE' }, { electionId: 'G2026', electionDate: E, seed: 11 });
    const last = s[s.length - 1]!;
    const tag = s.length > 1 ? `replaced:${s[0]!.outcome}` : last.cured ? 'cured' : last.outcome;
    byOutcome.set(tag, [...(byOutcome.get(tag) ?? []), voterId]);
    stories.set(voterId, s);
  }
  const picked: string[] = [];
  for (const list of byOutcome.values()) picked.push(...list.slice(0, 2));
  for (const v of byOutcome.get('accepted')!.slice(2)) if (picked.length < 30) picked.push(v);
  const unsubscribed = byOutcome.get('accepted')!.slice(40, 60);

  const channelSets: Array<Array<Channel>> = [['sms'], ['email'], ['voice'], ['sms', 'email'], ['email', 'voice'], ['sms', 'email', 'voice']];
  const hourSets: DailyHours[] = [{ start: '08:00', end: '20:00' }, { start: '09:00', end: '17:00' }, { start: '20:00', end: '08:00' }, { start: '00:00', end: '00:00' }, { start: '07:30', end: '21:30' }];
  const zones = ['America/Denver', 'America/Denver', 'America/Los_Angeles', 'Pacific/Honolulu', 'America/New_York'];
  const subs: Sub[] = picked.map((voterId, i) => ({
    voterId,
    language: LANGUAGES[i % LANGUAGES.length]!,
    channels: Object.fromEntries(channelSets[i % channelSets.length]!.map((c) => [c, c === 'email' ? `${voterId.toLowerCase()}@example.com` : `+1720555${String(i).padStart(4, '0')}`])),
    hours: hourSets[i % hourSets.length]!,
    timeZone: zones[i % zones.length]!,
    yesConfirmed: true,
  }));
  // The carrier-keyword cast: STOP, YES (Colorado holds texts until it), HELP, and a late sign-up.
  const stopVoter = { ...subs[0]!, channels: { sms: '+17205559001', email: 'stop@example.com' }, hours: hourSets[0]!, timeZone: STATE_TZ };
  const yesVoter = { ...subs[1]!, channels: { sms: '+17205559002', email: 'yes@example.com' }, yesConfirmed: false, hours: hourSets[0]!, timeZone: STATE_TZ };
  const helpVoter = { ...subs[2]!, channels: { sms: '+17205559003' }, hours: hourSets[0]!, timeZone: STATE_TZ };
  const lateVoter = { ...subs[3]!, channels: { email: 'late@example.com', voice: '+17205559004' }, signsUpAt: at(addDays(E, -5), '12:00') };
  subs.splice(0, 4, stopVoter, yesVoter, helpVoter, lateVoter);
  const STOP_AT = at(addDays(E, -10), '10:00');
  const YES_AT = at(addDays(E, -12), '11:00');
  const HELP_AT = at(addDays(E, -20), '09:15');

  function sms(from: string, body: string, sid: string): Promise<{ statusCode: number }> {
    const params = { MessageSid: sid, From: from, To: '+17205550100', Body: body };
    return app.inject({
      method: 'POST', url: '/webhooks/twilio/sms', payload: new URLSearchParams(params).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}/webhooks/twilio/sms`, params) },
    });
  }

  it('sends each voter exactly what they are owed, at allowed hours', { timeout: 170_000 }, async () => {
    await countyContacts(db, county);
    await election(db, { date: E, counties: [county] });
    const subIds = new Map<string, string>();
    const subscribe = async (s: Sub): Promise<string> => {
      const id = await subscribedVoter(db, { voterId: s.voterId, county, language: s.language, channels: s.channels, hours: s.hours, timeZone: s.timeZone, needsYes: 'sms' in s.channels, yesConfirmed: s.yesConfirmed, firstName: 'Rae', lastName: `Replay ${s.voterId}` });
      subIds.set(s.voterId, id);
      return id;
    };
    for (const s of subs) if (!s.signsUpAt) await subscribe(s);
    await db.query(
      `INSERT INTO voters (voter_id, county_code, first_name, last_name, status, source_updated_at)
       SELECT v, $2, 'Una', 'Subscribed', 'ACTIVE', now() FROM unnest($1::text[]) v ON CONFLICT DO NOTHING`,
      [[...unsubscribed, lateVoter.voterId], county]);

    const ingested = [...picked, ...unsubscribed].flatMap((v) => stories.get(v)!);
    const rowsByDay = new Map<string, ReturnType<typeof extractRows>>();
    for (const row of ingested.flatMap(extractRows)) rowsByDay.set(row.day, [...(rowsByDay.get(row.day) ?? []), row]);

    const actions: Array<{ at: Date; run: () => Promise<void> }> = extractDays(E).map((day) => ({
      at: at(day, '18:30'),
      run: async () => {
        await notifyTick(rt);
        const rows = (rowsByDay.get(day) ?? []).map((r) => ({ voterId: r.voterId, electionId: r.electionId, ballotId: r.ballotId || null, countyCode: r.countyCode, statusCode: r.statusCode, statusDate: r.statusDate, issuedDate: r.issuedDate || null, sentDate: r.sentDate || null, reasonText: r.reasonText || null, cureDeadline: r.cureDeadline || null }));
        if (rows.length === 0) return;
        const report = await ingestBallotBatch(rt, rows, { actor: stateActor('replay'), source: `extract-${day}` });
        assert.equal(report.status, 'done', `extract of ${day}`);
        await planRun(rt, String(report.runId));
      },
    }));
    actions.push(
      { at: HELP_AT, run: async () => assert.equal((await sms(helpVoter.channels.sms, 'help', 'SMhelp')).statusCode, 200) },
      { at: YES_AT, run: async () => assert.equal((await sms(yesVoter.channels.sms, 'Yes', 'SMyes')).statusCode, 200) },
      { at: STOP_AT, run: async () => assert.equal((await sms(stopVoter.channels.sms, 'STOP', 'SMstop')).statusCode, 200) },
      {
        at: lateVoter.signsUpAt, run: async () => {
          const id = await subscribe(lateVoter);
          for (const channel of ['email', 'voice'] as const) await handleServiceMessage(rt, { subscriptionId: id, kind: 'confirmation', channel });
        },
      },
    );
    actions.sort((a, b) => a.at.getTime() - b.at.getTime());

    const deliverUntil = async (until: Date): Promise<void> => {
      for (;;) {
        const { rows } = await db.query<{ nb: Date | null }>("SELECT min(not_before) AS nb FROM messages WHERE status = 'planned'");
        const nb = rows[0]!.nb;
        if (nb === null || nb >= until) break;
        if (nb > rt.clock.now()) rt.clock.set(nb);
        await deliverMessages(rt, await dueMessageIds(db, rt.clock.now()));
      }
    };
    for (const action of actions) {
      await deliverUntil(action.at);
      rt.clock.set(action.at);
      await action.run();
    }
    await deliverUntil(at(addDays(E, 32), '00:00'));

    // ---- what each voter got, by channel
    const { rows: sent } = await db.query<{ voter_id: string; channel: Channel; kind: string; reason: string; ballot_id: string | null; created_at: Date; language: string }>(
      `SELECT m.voter_id, o.channel, o.kind, m.reason, m.ballot_id, o.created_at, o.language
       FROM outbox o JOIN messages m ON m.id = o.message_id ORDER BY o.id`);
    const ballotKinds = new Set<string>(['outbound', 'inbound', 'received', 'accepted', 'not_accepted', 'contact_county', 'undeliverable', 'reissued', 'in_person']);
    const got = (voterId: string, channel: Channel): string[] =>
      sent.filter((r) => r.voter_id === voterId && r.channel === channel).map((r) => (ballotKinds.has(r.kind) ? `${r.ballot_id}|${r.kind}|${r.reason}` : `svc|${r.kind}`)).sort();
    assert.ok(sent.every((r) => !unsubscribed.includes(r.voter_id)), 'nothing to voters who did not sign up');

    let checked = 0;
    const kindsSeen = new Set<string>();
    for (const s of subs) {
      const mine = stories.get(s.voterId)!;
      for (const channel of Object.keys(s.channels) as Channel[]) {
        let from: Date | null = null;
        const service: string[] = [];
        if (s === lateVoter) {
          from = lateVoter.signsUpAt!;
          if (channel === 'email') service.push('svc|confirmation');
        }
        if (s === yesVoter && channel === 'sms') {
          from = YES_AT;
          service.push('svc|opt_in_confirmation');
        }
        let owed = owedKeys(mine, from).map((o) => o.key);
        if (s === stopVoter && channel === 'sms') {
          owed = owedKeys(mine, null).filter((o) => at(o.notBefore, '18:30') < STOP_AT).map((o) => o.key);
          service.push('svc|opt_out_confirmation');
        }
        if (s === helpVoter) service.push('svc|help');
        if (s.language === 'km' && channel === 'voice') {
          // No Twilio voice speaks Khmer and no recordings are configured: every call fails, visibly.
          const { rows } = await db.query("SELECT status, status_reason FROM messages WHERE voter_id = $1 AND channel = 'voice' AND ballot_id IS NOT NULL", [s.voterId]);
          assert.equal(rows.length, owed.length);
          assert.ok(rows.every((r) => r.status === 'failed' && r.status_reason === 'unsendable'), 'Khmer calls fail as unsendable');
          owed = [];
        }
        const expected = [...owed, ...service].sort();
        assert.deepEqual(got(s.voterId, channel), expected, `voter ${s.voterId} (${s.language}) on ${channel}`);
        for (const k of expected) kindsSeen.add(k.split('|')[1]!);
        checked++;
      }
    }
    assert.ok(checked >= 45, `${checked} voter-channels checked`);
    for (const k of ['outbound', 'received', 'accepted', 'not_accepted', 'contact_county', 'undeliverable', 'reissued', 'in_person']) assert.ok(kindsSeen.has(k), `the replay covers ${k}`);

    // ---- at allowed hours, in the voter's language, never "mailed" before the sent date
    const subOf = new Map(subs.map((s) => [s.voterId, s]));
    for (const r of sent) {
      const s = subOf.get(r.voter_id)!;
      assert.equal(r.language, s.language);
      if (!ballotKinds.has(r.kind)) continue;
      const local = DateTime.fromJSDate(r.created_at, { zone: s.timeZone });
      const minute = local.hour * 60 + local.minute;
      assert.ok(allowedDailyRanges(s.hours, r.channel).some(([a, b]) => minute >= a && minute < b), `${r.voter_id} ${r.kind} on ${r.channel} at ${local.toISO()} is inside ${s.hours.start}–${s.hours.end}`);
      if (r.kind === 'outbound' || r.kind === 'reissued') {
        const story = stories.get(r.voter_id)!.find((b) => b.ballotId === r.ballot_id)!;
        assert.ok(r.created_at >= startOfLocalDay(story.sentDate, STATE_TZ), `${r.ballot_id} mailed message on or after its sent date`);
      }
    }
    // Nothing after STOP on the stopped number but the one confirmation; the HELP changed nothing.
    const afterStop = sent.filter((r) => r.voter_id === stopVoter.voterId && r.channel === 'sms' && r.created_at >= STOP_AT);
    assert.deepEqual(afterStop.map((r) => r.kind), ['opt_out_confirmation']);
    const { rows: status } = await db.query("SELECT status, count(*)::int AS n FROM messages GROUP BY status ORDER BY status");
    console.log(`replay: ${sent.length} messages in the outbox for ${checked} voter-channels; messages by status ${JSON.stringify(Object.fromEntries(status.map((r) => [r.status, r.n])))}`);
  });
});
