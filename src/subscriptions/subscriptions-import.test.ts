import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { testRuntime } from '../testing/db.ts';
import type { Runtime } from '../runtime.ts';
import { loadVoters } from './testing.ts';
import { importSubscriptions } from './subscriptions-import.ts';
import { resolveSubscriptionHeader, validateSubscriptionRow } from './subscriptions-import-row.ts';

const HEADER = 'voter_id,language,email,sms,voice,hours_start,hours_end,time_zone,email_consent,sms_consent,voice_consent,consented_at,sms_yes_confirmed_at,source_system';

function run(rt: Runtime, lines: string[]) {
  return importSubscriptions({ db: rt.db, profile: rt.profile, clock: rt.clock, dataDir: rt.config.dataDir }, { source: 'subs.csv', input: Readable.from([Buffer.from(lines.join('\n') + '\n')]) });
}

test('row validation (pure): normalises contacts, defaults hours, explains every reject', () => {
  const h = resolveSubscriptionHeader(HEADER.split(','));
  assert.ok(!('error' in h));
  const row = (s: string) => validateSubscriptionRow(s.split(','), h);
  assert.deepEqual(row('CA1,ES,Ana@Example.com,(415) 555-0123,,,,,,,,2022-10-01,,BallotTrax'), { ok: true, row: {
    voterId: 'CA1', language: 'es', channels: [{ channel: 'sms', address: '+14155550123', consent: 'active' }, { channel: 'email', address: 'ana@example.com', consent: 'active' }],
    hoursStart: '08:00', hoursEnd: '20:00', timeZone: null, consentedAt: '2022-10-01T00:00:00.000Z', smsYesConfirmedAt: null, sourceSystem: 'BallotTrax' } });
  const reasons: Array<[string, RegExp]> = [
    [',en,a@example.com,,,,,,,,,,,', /missing voter_id/],
    ['CA 1,en,a@example.com,,,,,,,,,,,', /not 1–32 letters/],
    ['CA1,fr,a@example.com,,,,,,,,,,,', /unknown language "fr"/],
    ['CA1,,,,,,,,,,,,,', /no contact/],
    ['CA1,,nope,,,,,,,,,,,', /email "nope" is not an email address/],
    ['CA1,,,555,,,,,,,,,,', /sms "555" is not a phone number/],
    ['CA1,,a@example.com,,,8am,,,,,,,,', /hours/],
    ['CA1,,a@example.com,,,,,Mars/Base,,,,,,', /time_zone "Mars\/Base"/],
    ['CA1,,a@example.com,,,,,,maybe,,,,,', /email_consent "maybe"/],
    ['CA1,,a@example.com,,,,,,,,,yesterday,,', /consented_at "yesterday"/],
    ['CA1,,a@example.com,,,,,,,,,,2024-01-01,', /sms_yes_confirmed_at without an sms number/],
    ['CA1,,a@example.com', /expected 14 columns, found 3/],
  ];
  for (const [line, reason] of reasons) {
    const r = row(line);
    assert.ok(!r.ok && reason.test(r.reason), `${line}: ${JSON.stringify(r)}`);
  }
  assert.deepEqual(resolveSubscriptionHeader(['voter_id', 'language']), { error: 'line 1: the header lacks required column(s): at least one of email, sms, voice' });
});

test('carries subscriptions over with a per-line reject report; voters already subscribed are left alone', async () => {
  const rt = await testRuntime();
  await loadVoters(rt, [
    { id: 'CA1', county: '19', first: 'Ana', last: 'Cruz', language: 'vi' },
    { id: 'CA2', county: '19', first: 'Ben', last: 'Ito', status: 'INACTIVE' },
    { id: 'CA3', county: '19', first: '', last: '', confidential: true },
    { id: 'CA4', county: '38', first: 'Cy', last: 'Ng' },
  ]);
  await rt.db.pool.query("INSERT INTO do_not_contact (address, kind, reason, source) VALUES ('+14155550199', 'phone', 'stop', 'sms')");
  const lines = [HEADER,
    'CA1,,ana@example.com,4155550123,,09:00,17:00,America/New_York,,,,2022-10-01T12:00:00Z,,OldSystem', // line 2
    'CA2,es,,,+1 415 555 0124,,,,,,,,,',                                                              // line 3: suspended
    'CA3,,c@example.com,,,,,,,,,,,',                                                                  // line 4: confidential
    'CA9,,x@example.com,,,,,,,,,,,',                                                                  // line 5: unknown
    'CA1,,dup@example.com,,,,,,,,,,,',                                                                // line 6: duplicate
    'CA4,,cy@example.com,4155550199,,,,,opted_out,,,,,',                                              // line 7: DNC sms, email opted out in old system
    'CA5,,bad-email,,,,,,,,,,,',                                                                      // line 8: bad email
  ];
  const r = await run(rt, lines);
  assert.deepEqual([r.rows, r.imported, r.suspended, r.alreadySubscribed, r.doNotContact, r.rejected], [7, 3, 1, 0, 1, 4]);
  const rejects = (await rt.db.pool.query('SELECT line, reason FROM import_rejects WHERE run_id = $1 ORDER BY line', [r.runId])).rows;
  assert.deepEqual(rejects.map((x) => x.line), [4, 5, 6, 8]);
  assert.match(rejects[0].reason, /not a voter who may subscribe/);
  assert.equal(rejects[0].reason, rejects[1].reason, 'confidential and unknown look the same');
  assert.match(rejects[2].reason, /duplicate voter_id \(first seen on line 2\)/);
  assert.match(await readFile(r.rejectsFile!, 'utf8'), /^8,"email ""bad-email"" is not an email address"$/m);

  const subs = (await rt.db.pool.query(`SELECT s.voter_id, s.state, s.language, s.time_zone, s.hours_start, s.hours_end, s.source,
      json_agg(json_build_array(sc.channel, sc.address, sc.consent) ORDER BY sc.channel) AS channels
    FROM subscriptions s JOIN subscription_channels sc ON sc.subscription_id = s.id GROUP BY s.id ORDER BY s.voter_id`)).rows;
  assert.deepEqual(subs.map((s) => [s.voter_id, s.state, s.language, s.time_zone, s.hours_start, s.hours_end, s.source]), [
    ['CA1', 'active', 'vi', 'America/New_York', '09:00', '17:00', 'import'],
    ['CA2', 'suspended', 'es', 'America/Los_Angeles', '08:00', '20:00', 'import'],
    ['CA4', 'active', 'en', 'America/Los_Angeles', '08:00', '20:00', 'import']]);
  assert.deepEqual(subs[2].channels, [['email', 'cy@example.com', 'opted_out'], ['sms', '+14155550199', 'opted_out']]);
  const ev = (await rt.db.pool.query("SELECT channel, to_state, source, details FROM consent_events WHERE voter_id = 'CA1' ORDER BY id")).rows;
  assert.deepEqual(ev.map((e) => `${e.channel}:${e.to_state}:${e.source}`).sort(), ['email:active:import', 'null:active:import', 'sms:active:import']);
  assert.ok(ev.every((e) => e.details.consentedAt === '2022-10-01T12:00:00+00:00' && e.details.sourceSystem === 'OldSystem'), JSON.stringify(ev));
  assert.equal((await rt.db.pool.query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'service-message'").catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n, 0, 'no confirmations for carried-over voters');

  // Importing again: nobody twice.
  const again = await run(rt, lines);
  assert.deepEqual([again.imported, again.alreadySubscribed], [0, 3]);
  const run1 = (await rt.db.pool.query('SELECT kind, status, counts FROM import_runs WHERE id = $1', [r.runId])).rows[0];
  assert.deepEqual([run1.kind, run1.status, run1.counts.imported], ['subscriptions', 'done', 3]);
});

test('Colorado: carried-over texts keep a YES given in the previous system', async () => {
  const rt = await testRuntime({ profile: 'co' });
  await loadVoters(rt, [{ id: 'CO1', county: '16', first: 'Lena', last: 'Berg', zip: '80202' }, { id: 'CO2', county: '16', first: 'Max', last: 'Berg', zip: '80202' }]);
  await run(rt, [HEADER, 'CO1,,,3035550100,,,,,,,,,2024-05-01,BallotTRACE', 'CO2,,,3035550101,,,,,,,,,,BallotTRACE']);
  const ch = (await rt.db.pool.query("SELECT s.voter_id, sc.needs_yes, sc.yes_confirmed_at FROM subscription_channels sc JOIN subscriptions s ON s.id = sc.subscription_id ORDER BY 1")).rows;
  assert.deepEqual(ch.map((c) => [c.voter_id, c.needs_yes, c.yes_confirmed_at?.toISOString() ?? null]), [['CO1', true, '2024-05-01T00:00:00.000Z'], ['CO2', true, null]]);
});

test('more bad rows than one batch of rejects: the import finishes and keeps every good row', async () => {
  const rt = await testRuntime();
  await loadVoters(rt, [{ id: 'CA1', county: '19', first: 'Ana', last: 'Cruz', zip: '90012' }, { id: 'CA2', county: '19', first: 'Bo', last: 'Lee', zip: '90012' }]);
  const bad = Array.from({ length: 6_000 }, (_, i) => `CA${i + 10},,nope${i},,,,,,,,,,,`);
  const r = await run(rt, [HEADER, 'CA1,es,ana@example.com,,,,,,,,,,,', ...bad, 'CA2,en,bo@example.com,,,,,,,,,,,']);
  assert.equal(r.rejected, 6_000);
  assert.equal(r.imported, 2);
  const stored = (await rt.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM import_rejects WHERE run_id = $1', [r.runId])).rows[0]!.n;
  assert.equal(stored, 6_000);
});
