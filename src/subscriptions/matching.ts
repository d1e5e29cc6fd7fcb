/**
 * Sign-up and log-in matching (DESIGN §2.1): what the voter typed is parsed
 * into match keys, then compared with the registry records the repository
 * found for (lastKey, zip5). Pure; the HTTP handler does the I/O and the
 * throttling around it.
 */
import type { VoterStatus } from '../persisted.ts';
import { isNameText, normalizeName, normalizeZip, parseDob } from '../registry/normalize.ts';

export interface IdentityInput { firstName: string; lastName: string; dob: string; zip: string; voterId?: string }
export type FieldError = { field: 'firstName' | 'lastName' | 'dob' | 'zip' | 'voterId'; code: string };
export type ParsedIdentity = { firstKey: string; lastKey: string; dob: string; zip5: string; voterId?: string };

export interface CandidateVoter {
  voterId: string;
  countyCode: string;
  /** normalizeName of the registry's first name */
  firstKey: string;
  /** normalizeName of the registry's last name */
  lastKey: string;
  /** YYYY-MM-DD */
  dob: string | null;
  /** 5-digit ZIP or ZIP+4 */
  zip: string | null;
  status: VoterStatus;
  confidential: boolean;
  removed: boolean;
}

export type MatchOutcome =
  | { kind: 'matched'; voterId: string; countyCode: string }
  | { kind: 'no_match' }
  | { kind: 'voter_id_needed' }        // several active records share name, DOB and ZIP and no voter ID was given
  | { kind: 'voter_id_mismatch' }      // a voter ID was given and it is not one of them
  | { kind: 'inactive' } | { kind: 'cancelled' } | { kind: 'pending' };

/** Longest first or last name accepted, in Unicode code points of the trimmed NFC text. */
export const MAX_NAME_LENGTH = 100;
const VOTER_ID = /^[A-Z0-9]{1,32}$/;

/**
 * Validates the sign-up form and returns its match keys, or every field error
 * at once (so the page can mark all wrong fields in one round trip).
 *
 * Codes: firstName/lastName `name_required` (blank, or nothing but
 * separators), `name_too_long` (> MAX_NAME_LENGTH), `name_characters` (a
 * digit or a symbol no name has: see isNameText); dob: the DobError of
 * parseDob; zip `zip_required`, `zip_format`, `zip_overseas`; voterId
 * `voter_id_format` (not 1–32 letters A–Z and digits once spaces and hyphens
 * are dropped). A blank voter ID is "not given", not an error.
 */
export function parseIdentity(input: IdentityInput, today: string): { ok: true; identity: ParsedIdentity } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const first = parseName(input.firstName);
  if ('error' in first) errors.push({ field: 'firstName', code: first.error });
  const last = parseName(input.lastName);
  if ('error' in last) errors.push({ field: 'lastName', code: last.error });
  const dob = parseDob(input.dob, today);
  if ('error' in dob) errors.push({ field: 'dob', code: dob.error });
  const zip = input.zip.trim() === '' ? { error: 'zip_required' } : normalizeZip(input.zip);
  if ('error' in zip) errors.push({ field: 'zip', code: zip.error });
  const voterId = normalizeVoterId(input.voterId ?? '');
  if (voterId !== '' && !VOTER_ID.test(voterId)) errors.push({ field: 'voterId', code: 'voter_id_format' });

  if (errors.length > 0 || 'error' in first || 'error' in last || 'error' in dob || 'error' in zip) return { ok: false, errors };
  const identity: ParsedIdentity = { firstKey: first.key, lastKey: last.key, dob: dob.dob, zip5: zip.zip5 };
  if (voterId !== '') identity.voterId = voterId;
  return { ok: true, identity };
}

function parseName(raw: string): { key: string } | { error: 'name_required' | 'name_too_long' | 'name_characters' } {
  const t = raw.trim();
  if (t === '') return { error: 'name_required' };
  // The cheap length check first keeps a megabyte of input away from normalize().
  if (t.length > 4 * MAX_NAME_LENGTH || codePointCount(t.normalize('NFC')) > MAX_NAME_LENGTH) return { error: 'name_too_long' };
  if (!isNameText(t)) return { error: 'name_characters' };
  const key = normalizeName(t);
  return key === '' ? { error: 'name_required' } : { key };
}

function codePointCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * The comparable form of a voter ID: compatibility forms folded (full-width
 * digits), spaces and hyphens dropped, upper case. `ca 1234-5678` = `CA12345678`.
 * Used on both sides: what the voter typed and the registry's ID.
 */
export function normalizeVoterId(s: string): string {
  return s.normalize('NFKC').replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * Decides who the identity is among the candidate records.
 *
 * A record matches when it is not removed, not confidential, and its
 * firstKey, lastKey, DOB and 5-digit ZIP equal the identity's exactly
 * (candidates may include anything the repository found for the last name
 * and ZIP). Confidential records are invisible: they never match, are never
 * twins, and so the answer is what it would be without them.
 *
 * Then, among the matches (only those whose voter ID equals the one given,
 * when a voter ID was given):
 * 1. a voter ID was given and no match has it → voter_id_mismatch;
 * 2. exactly one ACTIVE record → matched. Non-active twins (an old cancelled
 *    or inactive record, a pending re-registration) do not make it
 *    ambiguous: they cannot be signed up, and they are usually the same
 *    voter's earlier or later record;
 * 3. several ACTIVE records → voter_id_needed (only possible without a voter ID);
 * 4. no ACTIVE record → pending, else inactive, else cancelled
 *    (nonActiveOutcome), whatever the order of the candidates;
 * 5. no match at all → no_match.
 * Records repeated with the same voter ID count once.
 */
export function matchIdentity(identity: ParsedIdentity, candidates: readonly CandidateVoter[]): MatchOutcome {
  const matches = candidates.filter((c) => isSamePerson(identity, c));
  if (matches.length === 0) return { kind: 'no_match' };
  const wanted = identity.voterId ? normalizeVoterId(identity.voterId) : undefined;
  const chosen = wanted === undefined ? matches : matches.filter((c) => normalizeVoterId(c.voterId) === wanted);
  if (chosen.length === 0) return { kind: 'voter_id_mismatch' };

  const active = chosen.filter((c) => c.status === 'ACTIVE');
  const activeIds = new Set(active.map((c) => normalizeVoterId(c.voterId)));
  if (activeIds.size === 1) return { kind: 'matched', voterId: active[0]!.voterId, countyCode: active[0]!.countyCode };
  if (activeIds.size > 1) return { kind: 'voter_id_needed' };
  return { kind: nonActiveOutcome(chosen) };
}

/**
 * What to tell a voter whose matching records are all non-active: the record
 * closest to usable decides. A pending registration (probably the newest)
 * beats an inactive one (which the county can reactivate), which beats a
 * cancelled one. Independent of the order of the records.
 */
function nonActiveOutcome(records: readonly CandidateVoter[]): 'pending' | 'inactive' | 'cancelled' {
  if (records.some((c) => c.status === 'PENDING')) return 'pending';
  if (records.some((c) => c.status === 'INACTIVE')) return 'inactive';
  return 'cancelled';
}

function isSamePerson(identity: ParsedIdentity, c: CandidateVoter): boolean {
  return !c.removed && !c.confidential
    && c.firstKey === identity.firstKey && c.lastKey === identity.lastKey
    && c.dob === identity.dob && c.zip !== null && zip5Of(c.zip) === identity.zip5;
}

function zip5Of(zip: string): string | null {
  const z = normalizeZip(zip);
  return 'zip5' in z ? z.zip5 : null;
}
