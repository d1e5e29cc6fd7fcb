import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testRuntime } from '../testing/db.ts';
import { createElection } from '../elections/elections.service.ts';
import { stateActor } from '../elections/actor.ts';
import { writeSyntheticElection } from './election-files.ts';
import { importBallotFile } from './ingest.ts';
import type { BallotStory } from './generate-election.ts';

test('replaying a generated election day by day ends exactly in its ground truth; the transposed extract is held', async () => {
  const out = await mkdtemp(join(tmpdir(), 'ballotline-election-'));
  const summary = await writeSyntheticElection({
    outDir: out, electionId: 'G2026', electionName: 'General Election', electionDate: '2026-11-03', seed: 3, profile: 'ca',
    voters: 1500, counties: ['19', '37'], suspicious: true,
  });
  const stories = (await readFile(summary.files.truth, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as BallotStory);
  assert.equal(stories.length, summary.ballots);
  const extracts = (await readdir(summary.files.extracts)).sort();
  assert.equal(extracts.length, 60);
  assert.equal((await readFile(summary.files.voters, 'utf8')).split('\n').length, 1502);

  const rt = await testRuntime();
  await createElection(rt, { id: 'G2026', name: 'General Election', date: '2026-11-03', kind: 'statewide' }, stateActor('test'));
  let events = 0;
  for (const f of extracts) {
    const r = await importBallotFile(rt, { source: join(summary.files.extracts, f) });
    assert.equal(r.status, 'done', `${f} held: ${r.hold?.reasons.join('; ')}`);
    assert.deepEqual([r.counts.rejected, r.counts.late, r.counts.unknownCode], [0, 0, 0], f);
    events += r.counts.events;
  }

  const ballots = new Map((await rt.db.pool.query<{ ballot_id: string; status_code: string; status_day: string; sent_date: string; reissue_of: string | null }>(
    "SELECT ballot_id, status_code, status_day, sent_date, reissue_of FROM ballots WHERE election_id = 'G2026'")).rows.map((b) => [b.ballot_id, b]));
  const owed = new Map<string, Set<string>>();
  for (const e of (await rt.db.pool.query<{ ballot_id: string; kind: string; reason: string }>("SELECT ballot_id, kind, reason FROM ballot_events WHERE election_id = 'G2026'")).rows) {
    owed.set(e.ballot_id, (owed.get(e.ballot_id) ?? new Set()).add(`${e.kind}:${e.reason}`));
  }
  assert.equal(ballots.size, stories.length);
  for (const s of stories) {
    const b = ballots.get(s.ballotId)!;
    const last = s.statuses.at(-1)!;
    assert.deepEqual([b.status_code, b.status_day, b.sent_date, b.reissue_of], [last.code, last.date, s.sentDate, s.reissueOf], s.ballotId);
    assert.deepEqual([...(owed.get(s.ballotId) ?? [])].sort(), s.messages.map((m) => `${m.kind}:${m.reason}`).sort(), `${s.ballotId} events`);
  }
  const sentLater = stories.filter((s) => s.sentDateReportedOn !== s.issuedDate).length;
  assert.equal(events, stories.reduce((n, s) => n + s.messages.length, 0) + sentLater, 'one event per message owed, plus the Outbound again when the sent date comes');

  const again = await importBallotFile(rt, { source: join(summary.files.extracts, extracts[35]!) });
  assert.equal(again.counts.events, 0, 'an extract sent twice tells nobody anything');
  const held = await importBallotFile(rt, { source: summary.suspicious!.file });
  assert.equal(held.status, 'held');
  assert.match(held.hold!.reasons[0]!, /county 19, election G2026: .* statuses would change/);
});
