/**
 * The replay's report: what was replayed (voters, subscribers, events, extracts, faults), what
 * went out (messages by kind, channel and language), and every mismatch with the oracle (voter,
 * channel, message, expected, got). JSON for machines, a short text for people.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ExpectedMessage } from './oracle.ts';
import type { GotMessage, Mismatch, MismatchType } from './compare.ts';
import type { Scenario, ExtractKind } from './scenario.ts';

export interface ReplayFaults {
  providerFailures: number;
  workerBatches: number;
  workerKills: number;
  workerStarts: number;
  /** Requests (sign-ups, log-ins, opt-outs, STOP webhooks) sent over HTTP to the web process, retries included. */
  webRequests: number;
  /** Web processes killed with SIGKILL (between requests or with one in flight), and of those with one in flight. */
  webKills: number;
  webKillsInFlight: number;
  /** Requests that died with a killed web process (no answer) and were sent again to the next one. */
  webRequestsCut: number;
  webStarts: number;
  /** The database server stopped and started again (a replay that owns its server). */
  databaseRestarts: number;
  /** Connections terminated instead, when the replay does not own the server. */
  connectionsCut: number;
  retriedSteps: number;
}

export interface ReplayReport {
  voters: number;
  ballots: number;
  subscribers: number;
  voterChannels: number;
  signUps: { beforeElection: number; duringElection: number; done: number };
  webOptOuts: number;
  stops: number;
  moves: number;
  extracts: Record<ExtractKind, number>;
  heldExtract: string;
  /** Envelopes in the tracking file; scan files, scans stored, Outbound and Inbound events they appended. */
  tracking: number;
  scans: { files: number; stored: number; outboundEvents: number; inboundEvents: number };
  events: number;
  statusCodes: Record<string, number>;
  expected: number;
  messages: number;
  messagesByKind: Record<string, number>;
  messagesByChannel: Record<string, number>;
  messagesByLanguage: Record<string, number>;
  messagesByStatus: Record<string, number>;
  deliveryAttempts: number;
  faultsOn: boolean;
  faults: ReplayFaults;
  mismatchCount: number;
  mismatchesByType: Record<MismatchType, number>;
  /** The first 500 mismatches. */
  mismatches: Mismatch[];
  durationMs: number;
}

const tally = <T>(items: readonly T[], key: (t: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
};

export function buildReport(input: {
  scenario: Scenario; expected: readonly ExpectedMessage[]; got: readonly GotMessage[]; mismatches: Mismatch[];
  counts: { events: number; messagesByStatus: Record<string, number>; attempts: number }; durationMs: number; faultsOn: boolean;
  extracts: Record<ExtractKind, number>; heldStatus: string; tracking: number; scans: ReplayReport['scans']; signUps: number; webOptOuts: number; stops: number; moves: number; faults: ReplayFaults;
}): ReplayReport {
  const { scenario } = input;
  const stories = [...scenario.stories.values()].flat();
  const codes: string[] = [];
  for (const s of stories) {
    for (const st of s.statuses) codes.push(st.code);
    if (s.inPerson) codes.push(s.inPerson.method);
  }
  const byType = { missing: 0, extra: 0, duplicate: 0, early: 0, language: 0, order: 0 };
  for (const m of input.mismatches) byType[m.type]++;
  const during = scenario.subscribers.filter((s) => s.signUpAt >= scenario.election.opensAt).length;
  return {
    voters: scenario.voters.length,
    ballots: stories.length,
    subscribers: scenario.subscribers.length,
    voterChannels: scenario.subscribers.reduce((n, s) => n + Object.keys(s.channels).length, 0),
    signUps: { beforeElection: scenario.subscribers.length - during, duringElection: during, done: input.signUps },
    webOptOuts: input.webOptOuts,
    stops: input.stops,
    moves: input.moves,
    extracts: input.extracts,
    heldExtract: input.heldStatus,
    tracking: input.tracking,
    scans: input.scans,
    events: input.counts.events,
    statusCodes: tally(codes, (c) => c),
    expected: input.expected.length,
    messages: input.got.length,
    messagesByKind: tally(input.got, (g) => g.kind),
    messagesByChannel: tally(input.got, (g) => g.channel),
    messagesByLanguage: tally(input.got, (g) => g.language),
    messagesByStatus: input.counts.messagesByStatus,
    deliveryAttempts: input.counts.attempts,
    faultsOn: input.faultsOn,
    faults: input.faults,
    mismatchCount: input.mismatches.length,
    mismatchesByType: byType,
    mismatches: input.mismatches.slice(0, 500),
    durationMs: input.durationMs,
  };
}

const line = (r: Record<string, number>): string => Object.entries(r).map(([k, v]) => `${k} ${v}`).join(', ');

export function reportText(r: ReplayReport): string {
  const out = [
    `replay: ${r.mismatchCount === 0 ? 'OK, zero mismatches' : `${r.mismatchCount} MISMATCHES`} (${(r.durationMs / 1000).toFixed(1)} s)`,
    `  voters ${r.voters}, ballots ${r.ballots}, subscribers ${r.subscribers} (${r.voterChannels} voter-channels; ${r.signUps.beforeElection} before the election, ${r.signUps.duringElection} during), web opt-outs ${r.webOptOuts}, STOPs ${r.stops}, moves to another county ${r.moves}`,
    `  extracts: ${line(r.extracts)}; the transposition-error extract was ${r.heldExtract || 'not sent'} (then discarded)`,
    `  mail tracking: ${r.tracking} envelopes; ${r.scans.files} scan files, ${r.scans.stored} scans, ${r.scans.outboundEvents} outbound and ${r.scans.inboundEvents} inbound events`,
    `  events ${r.events}; status codes: ${line(r.statusCodes)}`,
    `  messages ${r.messages} (oracle expected ${r.expected}); attempts ${r.deliveryAttempts}`,
    `    by kind: ${line(r.messagesByKind)}`,
    `    by channel: ${line(r.messagesByChannel)}`,
    `    by language: ${line(r.messagesByLanguage)}`,
    `    message rows by status: ${line(r.messagesByStatus)}`,
    `  faults: ${r.faultsOn ? line(r.faults as unknown as Record<string, number>) : 'off'}`,
    `  mismatches: ${line(r.mismatchesByType)}`,
  ];
  for (const m of r.mismatches.slice(0, 50)) out.push(`    ${m.type.padEnd(9)} ${m.voterId} ${m.channel.padEnd(5)} ${m.message} — expected: ${m.expected ?? 'nothing'}; got: ${m.got ?? 'nothing'}`);
  if (r.mismatches.length > 50) out.push(`    … ${r.mismatchCount - 50} more in the JSON report`);
  return out.join('\n');
}

/** Writes `FILE` (JSON) and `FILE` with `.txt` in place of `.json` (or appended). */
export async function writeReport(file: string, r: ReplayReport): Promise<{ json: string; text: string }> {
  await mkdir(dirname(file), { recursive: true });
  const text = file.endsWith('.json') ? file.replace(/\.json$/, '.txt') : `${file}.txt`;
  await writeFile(file, JSON.stringify(r, null, 2) + '\n');
  await writeFile(text, reportText(r) + '\n');
  return { json: file, text };
}
