/**
 * A whole election replayed through the real system, faults on, checked against the oracle:
 * zero missing, extra, duplicate, early, wrong-language or out-of-order messages.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testRuntime } from '../testing/db.ts';
import { buildScenario } from './scenario.ts';
import { runReplay } from './driver.ts';
import { reportText } from './report.ts';

const VOTERS = Number(process.env.BALLOTLINE_REPLAY_TEST_VOTERS ?? 2500);

describe('whole-election replay', async () => {
  const rt = await testRuntime({
    profile: 'ca',
    env: { TWILIO_AUTH_TOKEN: 'twilio-auth-token-for-replay-0123456789', BALLOTLINE_PUBLIC_URL: 'https://ballots.example.gov', BALLOTLINE_VOICE_AUDIO_URL: 'https://audio.example.gov/ballotline' },
  });
  const counties = ['19', '37', '38'];

  it(`sends every subscribed voter exactly what the oracle expects, with faults (${VOTERS} voters)`, { timeout: 600_000 }, async () => {
    const scenario = buildScenario({ voters: VOTERS, seed: 7, counties, stateTimeZone: rt.profile.timeZone });
    const report = await runReplay(rt, scenario, { faults: true, seed: 7 });
    console.log(reportText(report));
    assert.deepEqual(report.mismatches.slice(0, 20), []);
    assert.equal(report.mismatchCount, 0);

    // The replay is as broad as it claims.
    for (const code of ['ISSUED', 'INR', 'ACCEPTED', 'NVS', 'NMS', 'UND', 'CLD', 'POLL', 'VCR', 'NOT']) assert.ok(report.statusCodes[code], `the scenario has ${code}`);
    for (const kind of ['confirmation', 'opt_out_confirmation', 'outbound', 'reissued', 'received', 'accepted', 'not_accepted', 'contact_county', 'undeliverable', 'in_person']) {
      assert.ok(report.messagesByKind[kind], `the replay sent ${kind}`);
    }
    assert.equal(Object.keys(report.messagesByLanguage).length, 10, 'all ten languages');
    assert.deepEqual(Object.keys(report.messagesByChannel).sort(), ['email', 'sms', 'voice']);
    assert.ok(report.signUps.duringElection > 0 && report.webOptOuts > 0 && report.stops > 0 && report.moves > 0);
    assert.ok(report.tracking > 0 && report.scans.inboundEvents > 0 && report.messagesByKind.inbound, 'USPS scans told as Inbound');
    assert.deepEqual(report.extracts, { daily: 59, late: 1, duplicate: 1, held: 1 });
    assert.equal(report.heldExtract, 'held');
    assert.ok(report.faults.providerFailures > 0, 'the provider failed for a while');
    assert.ok(report.faults.workerKills > 0, 'a worker process was killed');
    assert.equal(report.faults.databaseRestarts, 1);
    assert.ok(report.faults.connectionsCut > 0, 'connections were cut');
  });
});
