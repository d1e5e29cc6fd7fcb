/**
 * The replay's scenario: a whole synthetic election and everything voters do during it,
 * decided up front and deterministically from (voters, seed). Pure: the driver carries it
 * out through the real entry points, the oracle reads it as the truth.
 *
 *  - a few counties, N ACTIVE voters, their ballots' stories from the election generator;
 *  - subscribers in all ten languages, every combination of text, email and voice, several
 *    notification hours and time zones; most sign up before the election, some during it;
 *  - some opt out of everything on the web, some reply STOP by text, some move to another county;
 *  - the print vendor's tracking file once the first ballots exist, and USPS scans of both
 *    envelopes imported every night at 23:30;
 *  - the daily extracts at 18:30, except one day whose file comes a day late (ingested just
 *    before the next day's), one file sent twice, and a transposition-error file that the
 *    guardrail holds and a person discards.
 */
import { DateTime } from 'luxon';
import { extractDays, extractRows, transposedRow, voterBallotStories } from '../ballots/generate-election.ts';
import type { BallotStory, ExtractRow } from '../ballots/generate-election.ts';
import { addDays } from '../elections/participation.ts';
import { LANGUAGES } from '../persisted.ts';
import type { Channel, Language } from '../persisted.ts';
import { hasAllowedHours, startOfStateDay, type BallotScans, type OracleElection, type SubscriberTimeline } from './oracle.ts';
import { generatedScans, scanFileLines, trackedPieces, trackingFileLines, type MailBallot } from '../mailtracking/generate.ts';

export interface ScenarioOptions {
  voters: number;
  seed: number;
  /** Counties taking part (codes of the profile). */
  counties: readonly string[];
  stateTimeZone: string;
  /** YYYY-MM-DD; default 2026-11-03. */
  electionDate?: string;
  /** Share of voters who subscribe (default 0.4). */
  subscribedShare?: number;
  /** Voters with rare stories added (and subscribed) until each appears this often (default 2; 0: none). */
  minPerStory?: number;
}

export interface ScenarioVoter { voterId: string; countyCode: string; firstName: string; lastName: string; dob: string; zip: string }

export interface ScenarioSubscriber extends SubscriberTimeline {
  /** Opted out of everything on the portal at `endsAt`. */
  optsOutOnWeb: boolean;
  /** Moved to this county at `endsAt` (the registry says so; the subscription ends). */
  movesTo: string | null;
}

export type ExtractKind = 'daily' | 'late' | 'duplicate' | 'held';

export interface ScenarioScanImport { at: Date; day: string; lines: string[] }

export interface ScenarioExtract { at: Date; day: string; kind: ExtractKind; rows: ExtractRow[] }

export interface Scenario {
  electionId: string;
  electionDate: string;
  election: OracleElection;
  counties: readonly string[];
  voters: ScenarioVoter[];
  stories: Map<string, BallotStory[]>;
  subscribers: ScenarioSubscriber[];
  extracts: ScenarioExtract[];
  /** When the extract of a day is ingested (null: never). */
  arrival: (day: string) => Date | null;
  /** The print vendor's tracking file (first ballots), imported once at `trackingAt`. */
  trackingAt: Date;
  trackingLines: string[];
  /** USPS scan files, one each night at 23:30 with the scans since the last. */
  scanImports: ScenarioScanImport[];
  /** When each ballot's envelopes are first scanned (as imported). */
  scans: (ballotId: string) => BallotScans | null;
  /** The day whose file comes a day late, the day sent twice, the day of the held file. */
  lateDay: string;
  duplicateDay: string;
  heldAt: Date;
  /** When the scenario starts (the first sign-ups) and ends (after the window closes). */
  startAt: Date;
  endAt: Date;
}

/** mulberry32: a small deterministic generator for the scenario's choices. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNEL_SETS: ReadonlyArray<ReadonlyArray<Channel>> = [
  ['sms'], ['email'], ['voice'], ['sms', 'email'], ['email', 'voice'], ['sms', 'voice'], ['sms', 'email', 'voice'],
];
const HOURS: ReadonlyArray<{ start: string; end: string }> = [
  { start: '08:00', end: '20:00' }, { start: '09:00', end: '17:00' }, { start: '20:00', end: '08:00' },
  { start: '00:00', end: '00:00' }, { start: '07:30', end: '21:30' }, { start: '22:00', end: '07:00' },
];
const ZONES = ['America/Los_Angeles', 'America/Los_Angeles', 'America/Denver', 'Pacific/Honolulu', 'America/New_York', 'Asia/Manila'];
const AREA_CODES = ['213', '310', '323', '424', '562', '626', '661', '747', '818', '909'];

/** Every status code, a cure, both kinds of replacement: what a replay must cover. */
const RARE_STORIES: ReadonlySet<string> = new Set(['VAV', 'NVS', 'NMS', 'BME', 'VDD', 'MIA', 'MRE', 'NOT', 'INF', 'OTH', 'UND', 'NID', 'CLD', 'POLL', 'VCR', 'cured', 'replaced:undeliverable', 'replaced:voter_request', 'sent_date_later']);

function storyTags(list: readonly BallotStory[]): string[] {
  const tags: string[] = [];
  for (const s of list) {
    for (const st of s.statuses) tags.push(st.code);
    if (s.inPerson) tags.push(s.inPerson.method);
    if (s.cured) tags.push('cured');
    if (s.replacementReason) tags.push(`replaced:${s.replacementReason}`);
    if (s.sentDateReportedOn !== s.issuedDate) tags.push('sent_date_later');
  }
  return tags;
}

/** Letters only (names must be name text): 0 → 'a', 25 → 'z', 26 → 'ba', … */
function letters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

export function buildScenario(options: ScenarioOptions): Scenario {
  const E = options.electionDate ?? '2026-11-03';
  const zone = options.stateTimeZone;
  const electionId = 'G' + E.slice(0, 4);
  const at = (day: string, time: string): Date => DateTime.fromISO(`${day}T${time}`, { zone }).toJSDate();
  const random = rng(options.seed);

  const voters: ScenarioVoter[] = [];
  const stories = new Map<string, BallotStory[]>();
  const addVoter = (i: number, prefix: string): BallotStory[] => {
    const voterId = `${prefix}${String(i + 1).padStart(7, '0')}`;
    const countyCode = options.counties[i % options.counties.length]!;
    voters.push({ voterId, countyCode, firstName: 'Ana', lastName: `${prefix === 'RP' ? 'Replay' : 'Rare'}${letters(i)}`, dob: '1980-01-01', zip: '90012' });
    const list = voterBallotStories({ voterId, countyCode, status: 'ACTIVE' }, { electionId, electionDate: E, seed: options.seed });
    stories.set(voterId, list);
    return list;
  };
  for (let i = 0; i < options.voters; i++) addVoter(i, 'RP');
  // Rare stories, so that even a small replay tells every one of them to a subscriber: voters
  // are drawn from the generator until each status code, a cure and both kinds of replacement
  // appear at least `minPerStory` times among the added ones.
  const minPerStory = options.minPerStory ?? 2;
  const rare = new Set<string>();
  if (minPerStory > 0) {
    const need = new Map<string, number>([...RARE_STORIES].map((k) => [k, minPerStory]));
    for (let i = 0; need.size > 0 && i < 2_000_000; i++) {
      const voterId = `RX${String(i + 1).padStart(7, '0')}`;
      const probe = voterBallotStories({ voterId, countyCode: options.counties[0]!, status: 'ACTIVE' }, { electionId, electionDate: E, seed: options.seed });
      const tags = storyTags(probe).filter((t) => need.has(t));
      if (tags.length === 0) continue;
      addVoter(i, 'RX');
      rare.add(voterId);
      for (const t of tags) {
        const left = need.get(t)! - 1;
        if (left <= 0) need.delete(t);
        else need.set(t, left);
      }
    }
  }

  // ---- the extracts
  const lateDay = addDays(E, -12);
  const duplicateDay = addDays(E, -8);
  const heldAt = at(addDays(E, -6), '12:00');
  const rowsByDay = new Map<string, ExtractRow[]>();
  for (const list of stories.values()) for (const s of list) for (const r of extractRows(s)) rowsByDay.set(r.day, [...(rowsByDay.get(r.day) ?? []), r]);
  const extracts: ScenarioExtract[] = [];
  const arrivals = new Map<string, Date>();
  for (const day of extractDays(E)) {
    const rows = rowsByDay.get(day) ?? [];
    if (day === lateDay) continue;
    if (day === addDays(lateDay, 1)) {
      const late = at(day, '18:30');
      extracts.push({ at: late, day: lateDay, kind: 'late', rows: rowsByDay.get(lateDay) ?? [] });
      arrivals.set(lateDay, late);
    }
    extracts.push({ at: at(day, '18:30'), day, kind: 'daily', rows });
    arrivals.set(day, at(day, '18:30'));
    if (day === duplicateDay) extracts.push({ at: at(day, '18:45'), day, kind: 'duplicate', rows });
  }
  // A transposition error: most ballots of the first county reported "voter deceased".
  const transposed = [...stories.values()].flat().filter((s) => s.countyCode === options.counties[0] && s.replacedBy === null)
    .map((s) => transposedRow(s, addDays(E, -6), 0.6, options.seed)).filter((r): r is ExtractRow => r !== null);
  extracts.push({ at: heldAt, day: addDays(E, -6), kind: 'held', rows: transposed });
  extracts.sort((a, b) => a.at.getTime() - b.at.getTime());

  // ---- mail tracking: the print vendor's file for the first ballots, USPS scans imported nightly
  const mailBallots: MailBallot[] = [];
  for (const list of stories.values()) {
    const b = list[0]!;
    const inr = b.statuses.find((x) => x.code === 'INR')?.date ?? null;
    // Mailed back two days before the county logs it, never before the day after it was sent.
    let returned = inr === null ? null : addDays(inr, -2) < addDays(b.sentDate, 1) ? addDays(b.sentDate, 1) : addDays(inr, -2);
    if (returned !== null && returned >= inr!) returned = null;
    mailBallots.push({ electionId, ballotId: b.ballotId, voterId: b.voterId, countyCode: b.countyCode, sentDate: b.sentDate, returnedDate: returned });
  }
  const pieces = [...trackedPieces(mailBallots)];
  const trackingAt = at(addDays(E, -29), '20:00');
  const trackingLines = [...trackingFileLines(pieces)];
  const direction = new Map(pieces.map((p) => [p.imb, { ballotId: p.ballot.ballotId, direction: p.direction, returned: p.ballot.returnedDate }]));
  const scans = [...generatedScans(pieces, { seed: options.seed })].sort((a, b) => a.localTime.localeCompare(b.localTime));
  const scanImports: ScenarioScanImport[] = [];
  const scanned = new Map<string, BallotScans>();
  let from = '';
  for (const day of extractDays(E)) {
    const until = `${day} 23:30:00`;
    const batch = scans.filter((x) => x.localTime > from && x.localTime <= until);
    from = until;
    if (batch.length === 0) continue;
    const importAt = at(day, '23:30');
    scanImports.push({ at: importAt, day, lines: [...scanFileLines(batch)] });
    for (const x of batch) {
      const d = direction.get(x.imb)!;
      const cur = scanned.get(d.ballotId) ?? { outboundAt: null, inbound: null };
      if (d.direction === 'outbound' && cur.outboundAt === null) cur.outboundAt = importAt;
      if (d.direction === 'inbound' && cur.inbound === null) cur.inbound = { at: importAt, day: d.returned! };
      scanned.set(d.ballotId, cur);
    }
  }

  // ---- the subscribers
  const startAt = at(addDays(E, -40), '12:00');
  const subscribers: ScenarioSubscriber[] = [];
  const share = options.subscribedShare ?? 0.4;
  let n = 0;
  for (const v of voters) {
    if (!rare.has(v.voterId) && random() >= share) continue;
    const i = n++;
    const channels: Partial<Record<Channel, string>> = {};
    const phone = `+1${AREA_CODES[Math.floor(i / 10_000) % AREA_CODES.length]}555${String(i % 10_000).padStart(4, '0')}`;
    for (const c of CHANNEL_SETS[i % CHANNEL_SETS.length]!) channels[c] = c === 'email' ? `${v.voterId.toLowerCase()}@example.com` : phone;
    const during = random() < 0.25;
    // During the election: any minute of a day from E-26 to E+20, never on a feed's minute.
    const signUpAt = during
      ? new Date(at(addDays(E, -26 + Math.floor(random() * 47)), '00:00').getTime() + Math.floor(random() * 1440) * 60_000 + 17_000)
      : new Date(startAt.getTime() + (i % 3600) * 1000);
    const u = random();
    // Leaves (opts out or replies STOP) at a random minute between E-20 (or an hour after signing up) and E+28.
    const leaveFrom = Math.max(signUpAt.getTime() + 3_600_000, at(addDays(E, -20), '00:00').getTime());
    const leaveAt = new Date(leaveFrom + Math.floor(random() * Math.max(1, (at(addDays(E, 28), '00:00').getTime() - leaveFrom) / 60_000)) * 60_000 + 23_000);
    const optsOutOnWeb = u < 0.04;
    const stops = !optsOutOnWeb && u < 0.09 && channels.sms !== undefined;
    const moves = u >= 0.09 && u < 0.11 && options.counties.length > 1;
    // The portal refuses hours that leave no time for calls: a voice subscriber picks others.
    let hours = HOURS[Math.floor(i / 7) % HOURS.length]!;
    if (channels.voice !== undefined && !hasAllowedHours(hours, 'voice')) hours = HOURS[0]!;
    subscribers.push({
      voterId: v.voterId,
      language: LANGUAGES[i % LANGUAGES.length]! as Language,
      timeZone: ZONES[Math.floor(i / LANGUAGES.length) % ZONES.length]!,
      hours,
      channels,
      signUpAt,
      endsAt: optsOutOnWeb || moves ? leaveAt : null,
      stopAt: stops ? leaveAt : null,
      optsOutOnWeb,
      movesTo: moves ? options.counties[(options.counties.indexOf(v.countyCode) + 1) % options.counties.length]! : null,
    });
  }

  return {
    electionId, electionDate: E, counties: options.counties, voters, stories, subscribers, extracts,
    arrival: (day) => arrivals.get(day) ?? null,
    trackingAt, trackingLines, scanImports,
    scans: (ballotId) => scanned.get(ballotId) ?? null,
    lateDay, duplicateDay, heldAt, startAt,
    endAt: at(addDays(E, 32), '00:00'),
    election: { electionId, stateTimeZone: zone, opensAt: startOfStateDay(addDays(E, -29), zone), closesAt: startOfStateDay(addDays(E, 31), zone) },
  };
}
