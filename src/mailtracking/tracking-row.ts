/**
 * One line of the print vendor's tracking file (the crosswalk IMB ↔ ballot envelope), checked
 * on its own; checks that need the database (election, voter, ballot, IMB already claimed) are
 * set-based in tracking.repository.ts. Pure functions.
 */
import { splitImb } from './scan-row.ts';
import type { EnvelopeDirection } from '../persisted.ts';

export const TRACKING_FILE_COLUMNS = ['imb', 'routing_code', 'election_id', 'voter_id', 'ballot_id', 'direction', 'mail_date'] as const;
export type TrackingFileColumn = (typeof TRACKING_FILE_COLUMNS)[number];

const TRACKING_ALIASES: Readonly<Record<TrackingFileColumn, readonly string[]>> = {
  imb: ['imb', 'imbcode', 'trackingcode', 'imbtrackingcode', 'intelligentmailbarcode'],
  routing_code: ['routingcode', 'imbroutingcode', 'routing'],
  election_id: ['electionid', 'election', 'electioncode'],
  voter_id: ['voterid', 'votecalid', 'voter'],
  ballot_id: ['ballotid', 'ballot'],
  direction: ['direction', 'envelope', 'envelopedirection'],
  mail_date: ['maildate', 'dropdate', 'maileddate'],
};

/** The service type ID of return (inbound) ballot envelopes (DESIGN §2.5). */
export const RETURN_SERVICE_TYPE = '777';

export type TrackingColumnIndex = Readonly<Record<TrackingFileColumn, number>>;

const squash = (name: string): string => name.toLowerCase().replace(/[\s_\-.]/g, '');

/** Maps the header line onto the columns; throws the reason when required ones are missing. */
export function resolveTrackingHeader(fields: readonly string[]): TrackingColumnIndex {
  const squashed = fields.map(squash);
  const index = Object.fromEntries(TRACKING_FILE_COLUMNS.map((c) => [c, squashed.findIndex((f) => TRACKING_ALIASES[c].includes(f))])) as Record<TrackingFileColumn, number>;
  const missing = (['imb', 'election_id', 'voter_id'] as const).filter((c) => index[c] < 0);
  if (missing.length > 0) throw new Error(`the header lacks required column(s): ${missing.join(', ')}`);
  return index;
}

export interface TrackingRow {
  imb: string;
  routing: string;
  electionId: string;
  voterId: string;
  /** Empty: the voter's latest ballot in the election. */
  ballotId: string | null;
  direction: EnvelopeDirection;
  /** YYYY-MM-DD or null. */
  mailDate: string | null;
}

export type TrackingCheck = { ok: true; row: TrackingRow } | { ok: false; reason: string };

export function validateTrackingRow(fields: readonly string[], index: TrackingColumnIndex, width: number): TrackingCheck {
  if (fields.length !== width) return { ok: false, reason: `expected ${width} columns, found ${fields.length}` };
  const get = (c: TrackingFileColumn): string => (index[c] >= 0 ? fields[index[c]]?.trim() ?? '' : '');
  const imb = splitImb(get('imb'), get('routing_code'));
  if (typeof imb === 'string') return { ok: false, reason: imb };
  const electionId = get('election_id');
  const voterId = get('voter_id');
  if (electionId === '') return { ok: false, reason: 'missing election_id' };
  if (voterId === '') return { ok: false, reason: 'missing voter_id' };
  const direction = parseDirection(get('direction'), imb.tracking);
  if (direction === null) return { ok: false, reason: `direction "${get('direction')}" is not outbound or inbound` };
  const mailDateText = get('mail_date');
  const mailDate = mailDateText === '' ? null : parseDate(mailDateText);
  if (mailDate === null && mailDateText !== '') return { ok: false, reason: `mail_date "${mailDateText}" is not a date (YYYY-MM-DD or MM/DD/YYYY)` };
  const ballotId = get('ballot_id');
  return { ok: true, row: { imb: imb.tracking, routing: imb.routing, electionId, voterId, ballotId: ballotId === '' ? null : ballotId, direction, mailDate } };
}

/**
 * 'outbound'/'out'/'o' or 'inbound'/'in'/'i'/'return' (any case). Empty: inbound when the
 * IMB's service type is 777 (return ballots), else outbound.
 */
export function parseDirection(text: string, tracking: string): EnvelopeDirection | null {
  const t = text.trim().toLowerCase();
  if (t === '') return tracking.slice(2, 5) === RETURN_SERVICE_TYPE ? 'inbound' : 'outbound';
  if (t === 'outbound' || t === 'out' || t === 'o') return 'outbound';
  if (t === 'inbound' || t === 'in' || t === 'i' || t === 'return') return 'inbound';
  return null;
}

/** YYYY-MM-DD or MM/DD/YYYY → YYYY-MM-DD; null unless a real date from 2000 on. */
export function parseDate(text: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (!m) return null;
    [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (y < 2000 || mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
