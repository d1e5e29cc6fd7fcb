/**
 * The demo's synthetic state, pure and deterministic from (profile, seed, count, counties):
 * the voters (the registry generator), who is subscribed from the start (every language,
 * every channel combination), who signs up during the election and on which day, who opts
 * out and when, each voter's ballot story, and the daily extracts and USPS scans.
 */
import { generateVoters, type VoterRow } from '../registry/generate.ts';
import { extractDays, extractRows, voterBallotStories, type BallotStory, type ExtractRow } from '../ballots/generate-election.ts';
import { DEFAULT_FACILITIES, generatedScans, trackedPieces, type GeneratedScan, type MailBallot, type TrackedPiece } from '../mailtracking/generate.ts';
import { addDays } from '../elections/participation.ts';
import { LANGUAGES, type Channel, type Language } from '../persisted.ts';
import type { ProfileId } from '../config.ts';

export interface PopulationOptions { profile: ProfileId; seed: number; count: number; counties: readonly string[]; electionId: string; electionDate: string }

export interface DemoSubscriber {
  voter: VoterRow;
  language: Language;
  channels: Partial<Record<Channel, string>>;
  hours: { start: string; end: string };
}

const CHANNEL_SETS: ReadonlyArray<readonly Channel[]> = [['email'], ['sms'], ['sms', 'email'], ['email', 'voice'], ['voice'], ['sms', 'email', 'voice'], ['sms', 'voice']];
const HOURS: ReadonlyArray<{ start: string; end: string }> = [{ start: '08:00', end: '20:00' }, { start: '08:00', end: '20:00' }, { start: '09:00', end: '17:00' }, { start: '07:00', end: '22:00' }];

/** One voter in this many (of those who can sign up) is subscribed before the season. */
export const SUBSCRIBED_EVERY = 6;
/** One voter in this many signs up during the election. */
export const SIGNS_UP_EVERY = 40;
/** One subscriber in this many opts out during the election. */
export const OPTS_OUT_EVERY = 50;

export interface Population {
  voters: VoterRow[];
  /** Subscribed at seed time (carried over through the subscriptions import). */
  subscribers: DemoSubscriber[];
  /** Sign up through the real sign-up on the given day. */
  signUps: Array<{ day: string; subscriber: DemoSubscriber }>;
  /** Opt out of everything on the given day. */
  optOuts: Array<{ day: string; voterId: string }>;
  stories: BallotStory[];
}

export function demoPopulation(o: PopulationOptions): Population {
  const voters = [...generateVoters({ count: o.count, profile: o.profile, seed: o.seed, counties: [...o.counties] })];
  const eligible = voters.filter((v) => v.status === 'ACTIVE' && !v.confidential);
  const subscribers: DemoSubscriber[] = [];
  const signUps: Population['signUps'] = [];
  const days = extractDays(o.electionDate);
  eligible.forEach((v, i) => {
    if (i % SUBSCRIBED_EVERY === 0) subscribers.push(subscriberOf(v, subscribers.length));
    else if (i % SIGNS_UP_EVERY === 1) {
      // Sign-ups from the window's first day to a week after election day, most before it.
      const day = days[Math.min(days.length - 1, (i * 7) % 37)]!;
      signUps.push({ day, subscriber: subscriberOf(v, signUps.length + 3) });
    }
  });
  const optOuts = subscribers.filter((_, i) => i % OPTS_OUT_EVERY === 7).map((s, i) => ({ day: days[3 + ((i * 11) % 40)]!, voterId: s.voter.voterId }));
  const stories = voters.flatMap((v) => voterBallotStories({ voterId: v.voterId, countyCode: v.countyCode, status: v.status }, { electionId: o.electionId, electionDate: o.electionDate, seed: o.seed }));
  return { voters, subscribers, signUps, optOuts, stories };
}

function subscriberOf(v: VoterRow, k: number): DemoSubscriber {
  const set = CHANNEL_SETS[k % CHANNEL_SETS.length]!;
  const phone = v.phone !== '' ? v.phone : `+1530555${'01' + String(k % 100).padStart(2, '0')}`;
  const email = v.email !== '' ? v.email : `${v.voterId.toLowerCase()}@example.com`;
  const channels: Partial<Record<Channel, string>> = {};
  for (const c of set) channels[c] = c === 'email' ? email : phone;
  return { voter: v, language: LANGUAGES[k % LANGUAGES.length]!, channels, hours: HOURS[k % HOURS.length]! };
}

export const SUBSCRIPTIONS_HEADER = 'voter_id,language,email,sms,voice,hours_start,hours_end,source_system';

/** The carried-over subscriptions file (docs/feeds/subscriptions.md). */
export function subscriptionLines(subscribers: readonly DemoSubscriber[]): string[] {
  return [SUBSCRIPTIONS_HEADER, ...subscribers.map((s) => [s.voter.voterId, s.language, s.channels.email ?? '', s.channels.sms ?? '', s.channels.voice ?? '', s.hours.start, s.hours.end, 'demo'].join(','))];
}

/** Extract rows by day (the days of extractDays). */
export function extractsByDay(stories: readonly BallotStory[]): Map<string, ExtractRow[]> {
  const byDay = new Map<string, ExtractRow[]>();
  for (const row of stories.flatMap(extractRows)) {
    const list = byDay.get(row.day);
    if (list) list.push(row);
    else byDay.set(row.day, [row]);
  }
  return byDay;
}

/**
 * The envelopes of the first ballots (the ones the print vendor's tracking file names when
 * the season starts), each mailed back two days before the county logs it received.
 */
export function mailPieces(stories: readonly BallotStory[]): TrackedPiece[] {
  const ballots: MailBallot[] = stories.filter((s) => s.reissueOf === null).sort((a, b) => (a.ballotId < b.ballotId ? -1 : 1)).map((s) => {
    const inr = s.statuses.find((st) => st.code === 'INR');
    const returned = inr ? maxDay(addDays(inr.date, -2), addDays(s.sentDate, 1)) : null;
    return { electionId: s.electionId, ballotId: s.ballotId, voterId: s.voterId, countyCode: s.countyCode, sentDate: s.sentDate, returnedDate: returned };
  });
  return [...trackedPieces(ballots)];
}

const maxDay = (a: string, b: string): string => (a > b ? a : b);

/** USPS scans by the facility-local day they happened. */
export function scansByDay(pieces: readonly TrackedPiece[], profile: ProfileId, seed: number): Map<string, GeneratedScan[]> {
  const byDay = new Map<string, GeneratedScan[]>();
  for (const s of generatedScans(pieces, { seed, facilities: DEFAULT_FACILITIES[profile] })) {
    const day = s.localTime.slice(0, 10);
    const list = byDay.get(day);
    if (list) list.push(s);
    else byDay.set(day, [s]);
  }
  return byDay;
}
