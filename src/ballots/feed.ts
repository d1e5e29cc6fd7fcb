import { readFile } from 'node:fs/promises';
import { AppError } from '../errors.ts';
import { DATE_FORMATS, type DateFormat } from '../registry/mapping.ts';
import { STATUS_CODES, isStatusCode } from '../persisted.ts';

/**
 * The canonical ballot-status feed (docs/feeds/ballots.md): one status report or
 * participation-history record per row. The JSON batch endpoint takes the same fields in
 * camelCase.
 */
export const BALLOT_FIELDS = [
  'voter_id', 'election_id', 'ballot_id', 'county_code', 'status_code', 'status_date',
  'issued_date', 'sent_date', 'reason_text', 'cure_deadline',
] as const;
export type BallotField = (typeof BALLOT_FIELDS)[number];

/** Columns a file must have (election_id may instead come from --election). */
export const REQUIRED_BALLOT_COLUMNS: readonly BallotField[] = ['voter_id', 'election_id', 'ballot_id', 'county_code', 'status_code', 'status_date'];

/**
 * How a state's own ballot export maps onto the canonical format, so it loads as it is.
 * Every key is optional; the defaults describe the canonical file.
 */
export interface BallotMapping {
  /** One character. Default ','. */
  delimiter: string;
  /** canonical field → header name in the file. Default: the canonical name. */
  columns: Partial<Record<BallotField, string>>;
  /** Format of bare dates (status, issued, sent, cure deadline). ISO timestamps are always accepted for status_date. Default 'YYYY-MM-DD'. */
  dateFormat: DateFormat;
  /**
   * The file's status words → canonical codes (DESIGN §2.4), matched exactly after trimming.
   * A word that is neither mapped nor canonical is recorded as an unknown code, never guessed.
   */
  statusCodes: Record<string, string>;
  /** What the county column holds: the profile's county code (default), FIPS or the county name. */
  countyBy: 'code' | 'fips' | 'name';
}

export const DEFAULT_BALLOT_MAPPING: Readonly<BallotMapping> = Object.freeze({
  delimiter: ',',
  columns: {},
  dateFormat: 'YYYY-MM-DD',
  statusCodes: {},
  countyBy: 'code',
});

export async function readBallotMapping(path: string): Promise<BallotMapping> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new AppError(400, 'mapping_unreadable', `mapping file ${path}: ${(err as Error).message}`);
  }
  return parseBallotMapping(raw);
}

/** Validates a mapping (JSON object); one AppError lists every problem. */
export function parseBallotMapping(raw: unknown): BallotMapping {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AppError(400, 'mapping_invalid', 'mapping must be a JSON object');
  const m = raw as Record<string, unknown>;
  const problems: string[] = [];
  const known = new Set(['delimiter', 'columns', 'dateFormat', 'statusCodes', 'countyBy']);
  for (const k of Object.keys(m)) if (!known.has(k)) problems.push(`unknown key "${k}"`);
  const out: BallotMapping = { ...DEFAULT_BALLOT_MAPPING, columns: {}, statusCodes: {} };
  if (m.delimiter !== undefined) {
    if (typeof m.delimiter !== 'string' || [...m.delimiter].length !== 1 || m.delimiter === '"' || m.delimiter === '\n') problems.push('delimiter must be one character other than a quote or newline');
    else out.delimiter = m.delimiter;
  }
  if (m.columns !== undefined) {
    if (typeof m.columns !== 'object' || m.columns === null || Array.isArray(m.columns)) problems.push('columns must be an object of canonical field → file header');
    else for (const [field, header] of Object.entries(m.columns)) {
      if (!(BALLOT_FIELDS as readonly string[]).includes(field)) problems.push(`columns: "${field}" is not a ballot feed field (${BALLOT_FIELDS.join(', ')})`);
      else if (typeof header !== 'string' || header.trim() === '') problems.push(`columns.${field} must be a header name`);
      else out.columns[field as BallotField] = header;
    }
  }
  if (m.dateFormat !== undefined) {
    if (!(DATE_FORMATS as readonly unknown[]).includes(m.dateFormat)) problems.push(`dateFormat must be one of ${DATE_FORMATS.join(', ')}`);
    else out.dateFormat = m.dateFormat as DateFormat;
  }
  if (m.statusCodes !== undefined) {
    if (typeof m.statusCodes !== 'object' || m.statusCodes === null || Array.isArray(m.statusCodes)) problems.push('statusCodes must be an object of file word → status code');
    else for (const [word, code] of Object.entries(m.statusCodes)) {
      if (typeof code !== 'string' || !isStatusCode(code.trim())) problems.push(`statusCodes.${word} must be one of ${STATUS_CODES.join(', ')}`);
      else out.statusCodes[word.trim()] = code.trim();
    }
  }
  if (m.countyBy !== undefined) {
    if (!['code', 'fips', 'name'].includes(m.countyBy as string)) problems.push('countyBy must be code, fips or name');
    else out.countyBy = m.countyBy as BallotMapping['countyBy'];
  }
  if (problems.length > 0) throw new AppError(400, 'mapping_invalid', `mapping file is invalid: ${problems.join('; ')}`, { details: { problems } });
  return out;
}
