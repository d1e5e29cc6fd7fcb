/**
 * A whole election replayed through the real system, faults on, checked against the oracle:
 * zero missing, extra, duplicate, early, wrong-language or out-of-order messages. The test owns
 * its PostgreSQL (an embedded server in a temporary folder, on a free port), so the replay
 * stops and starts it for real in the middle of a delivery.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freePort } from '../testing/ports.ts';
import { rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { fixedClock } from '../clock.ts';
import { openRuntime } from '../runtime.ts';
import { buildScenario } from './scenario.ts';
import { runReplay, type ReplayRuntime } from './driver.ts';
import { databaseUrlOn } from './replay.service.ts';
import { reportText } from './report.ts';

const VOTERS = Number(process.env.BALLOTLINE_REPLAY_TEST_VOTERS ?? 2000);

describe('whole-election replay', async () => {
  const log = createLogger('fatal', 'replay-test');
  // Not mkdtemp: its folder is private to this user, and PostgreSQL may run as another (as root, `postgres`).
  const dir = join(tmpdir(), `ballotline-replay-${process.pid}-${randomBytes(4).toString('hex')}`);
  const port = await freePort();
  let server: EmbeddedServer = await startEmbeddedPostgres(join(dir, 'db'), port, log);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE ballotline_replay');
  await admin.end();
  const config = loadConfig({
    BALLOTLINE_PROFILE: 'ca', DATABASE_URL: databaseUrlOn(server.url, 'ballotline_replay'), BALLOTLINE_SECRET: 'test-secret-test-secret-test-secret-0123',
    BALLOTLINE_DATA_DIR: join(dir, 'files'), TWILIO_AUTH_TOKEN: 'twilio-auth-token-for-replay-0123456789',
    BALLOTLINE_PUBLIC_URL: 'https://ballots.example.gov', BALLOTLINE_VOICE_AUDIO_URL: 'https://audio.example.gov/ballotline',
  });
  const rt = await openRuntime({ config, log, clock: fixedClock(new Date('2026-01-01T00:00:00Z')) }) as ReplayRuntime;
  let restarts = 0;
  const restartDatabase = async (): Promise<void> => {
    await server.stop();
    server = await startEmbeddedPostgres(join(dir, 'db'), port, log);
    if (!server.owned) throw new Error('the database server did not stop');
    restarts++;
  };
  after(async () => {
    await rt.close().catch(() => undefined);
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });
  const counties = ['19', '37', '38'];

  it(`sends every subscribed voter exactly what the oracle expects, with faults (${VOTERS} voters)`, { timeout: 600_000 }, async () => {
    const scenario = buildScenario({ voters: VOTERS, seed: 7, counties, stateTimeZone: rt.profile.timeZone });
    const report = await runReplay(rt, scenario, { faults: true, seed: 7, restartDatabase });
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
    assert.equal(report.signUps.done, report.subscribers, 'every sign-up counted once');
    assert.ok(report.tracking > 0 && report.scans.inboundEvents > 0 && report.messagesByKind.inbound, 'USPS scans told as Inbound');
    assert.deepEqual(report.extracts, { daily: 59, late: 1, duplicate: 1, held: 1 });
    assert.equal(report.heldExtract, 'held');
    assert.ok(report.faults.providerFailures > 0, 'the provider failed for a while');
    assert.ok(report.faults.workerKills > 0, 'a worker process was killed');
    assert.ok(report.faults.webKills > 0, 'a web process was killed');
    assert.ok(report.faults.webStarts >= report.faults.webKills, 'another web process started after each kill');
    assert.equal(report.faults.databaseRestarts, 1, 'the database server was stopped and started');
    assert.equal(restarts, 1);
    assert.equal(report.faults.connectionsCut, 0, 'a real restart, not the fallback');
  });
});
