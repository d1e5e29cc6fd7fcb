/**
 * A ballot's timeline for the voter's status page and the console: issued, mailed, each USPS
 * scan (with what it means), and what the county recorded (received, needs action, decided,
 * undeliverable, voted in person). Pure functions over rows the repository read.
 *
 * Entries carry stable keys and data, never sentences: the portal and console render them in
 * the voter's language. `timelineEntryEnglish` is the English rendering (CLI, tests, and the
 * source text for translators). Scan texts never promise delivery: many of USPS's "delivered"
 * events are assumed, not scanned.
 */
import { messageKindForStatus } from '../ballots/status.ts';
import { isInferredEvent } from './scan-meaning.ts';
import type { EnvelopeDirection, ScanMeaning } from '../persisted.ts';

export const TIMELINE_KINDS = ['issued', 'mailed', 'scan', 'received', 'action_needed', 'decided', 'undeliverable', 'in_person', 'status'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  kind: TimelineKind;
  /** Translation key, e.g. 'timeline.scan.outbound.delivery'. */
  key: string;
  /** An ISO 8601 instant, or a bare 'YYYY-MM-DD' when only the day is known (`dateOnly`). */
  at: string;
  dateOnly: boolean;
  /** The calendar day of the entry in the state's time zone (what to show beside it). */
  day: string;
  statusCode?: string;
  cureDeadline?: string;
  direction?: EnvelopeDirection;
  meaning?: ScanMeaning;
  /** USPS inferred this step (assumed from a container scan, or logical) instead of scanning the envelope. */
  inferred?: boolean;
  eventCode?: string;
  facility?: { zip: string | null; city: string | null; state: string | null };
}

export interface BallotTimeline {
  electionId: string;
  ballotId: string;
  voterId: string;
  countyCode: string;
  entries: TimelineEntry[];
}

// ---------------------------------------------------------------- rows → entries

export interface TimelineBallotRow {
  election_id: string; ballot_id: string; voter_id: string; county_code: string;
  issued_date: string | null; sent_date: string | null;
  status_code: string | null; status_date: Date | null; cure_deadline: string | null;
}
export interface TimelineStatusRow { status_code: string; status_date: Date; date_only: boolean; day: string | null; cure_deadline: string | null }
export interface TimelineScanRow {
  direction: EnvelopeDirection; scanned_at: Date; event_code: string; meaning: ScanMeaning; handling_event_type: string | null;
  facility_zip: string | null; facility_city: string | null; facility_state: string | null;
}

/** Order of entries on one day, along the ballot's life. */
const RANK: Readonly<Record<TimelineKind, number>> = {
  issued: 0, mailed: 1, scan: 2, undeliverable: 3, received: 4, action_needed: 5, decided: 6, in_person: 7, status: 8,
};

export function buildTimeline(ballot: TimelineBallotRow, statuses: readonly TimelineStatusRow[], scans: readonly TimelineScanRow[], timeZone: string): BallotTimeline {
  const entries: TimelineEntry[] = [];
  const days = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayOf = (d: Date): string => days.format(d);
  if (ballot.issued_date) entries.push({ kind: 'issued', key: 'timeline.issued', at: ballot.issued_date, dateOnly: true, day: ballot.issued_date });
  if (ballot.sent_date) entries.push({ kind: 'mailed', key: 'timeline.mailed', at: ballot.sent_date, dateOnly: true, day: ballot.sent_date });

  const history = statuses.length > 0 || ballot.status_code === null || ballot.status_date === null
    ? statuses
    : [{ status_code: ballot.status_code, status_date: ballot.status_date, date_only: false, day: null, cure_deadline: ballot.cure_deadline }];
  const seen = new Set<string>();
  for (const s of history) {
    const day = s.day ?? dayOf(s.status_date);
    const id = `${s.status_code}/${s.date_only ? day : s.status_date.toISOString()}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const entry = statusEntry(s.status_code, ballot.issued_date !== null);
    if (entry === null) continue;
    entries.push({
      ...entry, at: s.date_only ? day : s.status_date.toISOString(), dateOnly: s.date_only, day, statusCode: s.status_code,
      ...(entry.kind === 'action_needed' && s.cure_deadline ? { cureDeadline: s.cure_deadline } : {}),
    });
  }

  for (const s of scans) {
    entries.push({
      kind: 'scan', key: `timeline.scan.${s.direction}.${s.meaning}`, at: s.scanned_at.toISOString(), dateOnly: false, day: dayOf(s.scanned_at),
      direction: s.direction, meaning: s.meaning, inferred: isInferredEvent(s.handling_event_type), eventCode: s.event_code,
      facility: { zip: s.facility_zip, city: s.facility_city, state: s.facility_state },
    });
  }

  entries.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)
    || RANK[a.kind] - RANK[b.kind]
    || (a.direction === b.direction ? 0 : a.direction === 'outbound' ? -1 : 1)
    || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { electionId: ballot.election_id, ballotId: ballot.ballot_id, voterId: ballot.voter_id, countyCode: ballot.county_code, entries };
}

function statusEntry(code: string, haveIssuedDate: boolean): { kind: TimelineKind; key: string } | null {
  switch (messageKindForStatus(code)) {
    case 'outbound': return haveIssuedDate ? null : { kind: 'issued', key: 'timeline.issued' };
    case 'received': return { kind: 'received', key: 'timeline.received' };
    case 'accepted': return { kind: 'decided', key: 'timeline.decided.accepted' };
    case 'not_accepted': return { kind: 'decided', key: 'timeline.decided.not_accepted' };
    case 'contact_county': return { kind: 'action_needed', key: 'timeline.action_needed' };
    case 'undeliverable': return { kind: 'undeliverable', key: 'timeline.undeliverable' };
    case 'in_person': return { kind: 'in_person', key: 'timeline.in_person' };
    default: return { kind: 'status', key: 'timeline.status.other' };
  }
}

// ---------------------------------------------------------------- English

/** English source texts of every timeline key (translators start here). */
export const TIMELINE_TEXT_EN: Readonly<Record<string, string>> = Object.freeze({
  'timeline.issued': 'Your county issued your vote-by-mail ballot.',
  'timeline.mailed': 'Your county mailed your ballot to you.',
  'timeline.scan.outbound.accepted': 'USPS accepted your ballot envelope for mailing to you.',
  'timeline.scan.outbound.origin': 'USPS processed your ballot envelope as it entered the mail.',
  'timeline.scan.outbound.processed': 'USPS processed your ballot envelope at one of its facilities on the way to you.',
  'timeline.scan.outbound.destination': 'USPS processed your ballot envelope at a facility near you.',
  'timeline.scan.outbound.delivery': 'Your ballot envelope reached the post office that delivers your mail and was sorted for your carrier. Many "delivered" events are assumed, not scanned, so this does not prove it reached your mailbox: if it has not arrived within a few days, contact your county.',
  'timeline.scan.inbound.accepted': 'USPS accepted your returned ballot envelope.',
  'timeline.scan.inbound.origin': 'USPS processed your returned ballot envelope after you mailed it.',
  'timeline.scan.inbound.processed': 'USPS processed your returned ballot envelope at one of its facilities on the way to your county elections office.',
  'timeline.scan.inbound.destination': 'USPS processed your returned ballot envelope at a facility near your county elections office.',
  'timeline.scan.inbound.delivery': 'Your returned ballot envelope reached the post office that delivers to your county elections office. Many "delivered" events are assumed, not scanned: your county will confirm when it has received your ballot.',
  'timeline.scan.inferred': 'USPS recorded this step without scanning the envelope itself (it was assumed from the tray or container the envelope travelled in). Many "delivered" events are assumed, not scanned.',
  'timeline.scan.facility': 'USPS facility in {place}',
  'timeline.received': 'Your county received your ballot and is reviewing it.',
  'timeline.action_needed': 'Your county needs something from you before your ballot can be counted: please contact your county.',
  'timeline.action_needed.deadline': 'Reply by {date}.',
  'timeline.decided.accepted': 'Your county accepted your ballot.',
  'timeline.decided.not_accepted': 'Your county could not accept your ballot.',
  'timeline.undeliverable': 'USPS could not deliver your ballot; it went back to your county.',
  'timeline.in_person': 'You voted in person.',
  'timeline.status.other': "Your county updated your ballot's status.",
});

/** One entry in English, e.g. "2026-10-06  USPS processed your ballot envelope … (USPS facility in Oakland, CA)". */
export function timelineEntryEnglish(entry: TimelineEntry): string {
  let text = TIMELINE_TEXT_EN[entry.key] ?? entry.key;
  if (entry.kind === 'scan') {
    const place = [entry.facility?.city, entry.facility?.state].filter(Boolean).join(', ') || entry.facility?.zip;
    if (place) text += ` (${TIMELINE_TEXT_EN['timeline.scan.facility']!.replace('{place}', place)})`;
    if (entry.inferred) text += ` ${TIMELINE_TEXT_EN['timeline.scan.inferred']}`;
  }
  if (entry.cureDeadline) text += ` ${TIMELINE_TEXT_EN['timeline.action_needed.deadline']!.replace('{date}', entry.cureDeadline)}`;
  if (entry.statusCode && entry.kind !== 'issued') text += ` [${entry.statusCode}]`;
  return `${entry.day}  ${text}`;
}
