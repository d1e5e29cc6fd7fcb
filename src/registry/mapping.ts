import { readFile } from 'node:fs/promises';
import { AppError } from '../errors.ts';

/** Canonical voter-file columns (docs/feeds.md). */
export const VOTER_FIELDS = [
  'voter_id', 'county_code', 'first_name', 'middle_name', 'last_name', 'suffix', 'dob', 'zip',
  'status', 'confidential', 'email', 'phone', 'language', 'updated_at',
] as const;
export type VoterField = (typeof VOTER_FIELDS)[number];
export const REQUIRED_VOTER_FIELDS: readonly VoterField[] = ['voter_id', 'county_code', 'status'];

export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'MM-DD-YYYY', 'YYYYMMDD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/**
 * How a state's own export maps onto the canonical format, so it loads as it is.
 * Every key is optional; the defaults describe the canonical file.
 */
export interface FileMapping {
  /** Field delimiter, one character. Default ','. */
  delimiter: string;
  /** canonical field → header name in the file. Default: the canonical name. */
  columns: Partial<Record<VoterField, string>>;
  /** Default 'YYYY-MM-DD'. */
  dateFormat: DateFormat;
  /** The file's status words → canonical status. Canonical words always work. */
  statusValues: Record<string, 'ACTIVE' | 'INACTIVE' | 'CANCELLED' | 'PENDING'>;
  /** Values meaning "confidential" (case-insensitive). Default Y, YES, TRUE, 1. */
  confidentialValues: string[];
  /** What the county column holds: the profile's county code (default), FIPS or the county name. */
  countyBy: 'code' | 'fips' | 'name';
}

export const DEFAULT_MAPPING: Readonly<FileMapping> = Object.freeze({
  delimiter: ',',
  columns: {},
  dateFormat: 'YYYY-MM-DD',
  statusValues: {},
  confidentialValues: ['Y', 'YES', 'TRUE', '1'],
  countyBy: 'code',
});

/** Reads and validates a mapping file (JSON); one error lists every problem. */
export async function readMapping(path: string): Promise<FileMapping> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new AppError(400, 'mapping_unreadable', `mapping file ${path}: ${(err as Error).message}`);
  }
  return parseMapping(raw);
}

export function parseMapping(raw: unknown): FileMapping {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AppError(400, 'mapping_invalid', 'mapping must be a JSON object');
  const m = raw as Record<string, unknown>;
  const known = new Set(['delimiter', 'columns', 'dateFormat', 'statusValues', 'confidentialValues', 'countyBy']);
  for (const k of Object.keys(m)) if (!known.has(k)) problems.push(`unknown key "${k}"`);
  const out: FileMapping = { ...DEFAULT_MAPPING, columns: {}, statusValues: {}, confidentialValues: [...DEFAULT_MAPPING.confidentialValues] };
  if (m.delimiter !== undefined) {
    if (typeof m.delimiter !== 'string' || [...m.delimiter].length !== 1 || m.delimiter === '"' || m.delimiter === '\n') problems.push('delimiter must be one character other than a quote or newline');
    else out.delimiter = m.delimiter;
  }
  if (m.columns !== undefined) {
    if (typeof m.columns !== 'object' || m.columns === null) problems.push('columns must be an object of canonical field → file header');
    else for (const [field, header] of Object.entries(m.columns)) {
      if (!(VOTER_FIELDS as readonly string[]).includes(field)) problems.push(`columns: "${field}" is not a voter field (${VOTER_FIELDS.join(', ')})`);
      else if (typeof header !== 'string' || header.trim() === '') problems.push(`columns.${field} must be a header name`);
      else out.columns[field as VoterField] = header;
    }
  }
  if (m.dateFormat !== undefined) {
    if (!(DATE_FORMATS as readonly unknown[]).includes(m.dateFormat)) problems.push(`dateFormat must be one of ${DATE_FORMATS.join(', ')}`);
    else out.dateFormat = m.dateFormat as DateFormat;
  }
  if (m.statusValues !== undefined) {
    if (typeof m.statusValues !== 'object' || m.statusValues === null) problems.push('statusValues must be an object of file word → status');
    else for (const [word, status] of Object.entries(m.statusValues)) {
      if (!['ACTIVE', 'INACTIVE', 'CANCELLED', 'PENDING'].includes(status as string)) problems.push(`statusValues.${word} must be ACTIVE, INACTIVE, CANCELLED or PENDING`);
      else out.statusValues[word.toUpperCase()] = status as FileMapping['statusValues'][string];
    }
  }
  if (m.confidentialValues !== undefined) {
    if (!Array.isArray(m.confidentialValues) || !m.confidentialValues.every((v) => typeof v === 'string')) problems.push('confidentialValues must be a list of strings');
    else out.confidentialValues = (m.confidentialValues as string[]).map((v) => v.toUpperCase());
  }
  if (m.countyBy !== undefined) {
    if (!['code', 'fips', 'name'].includes(m.countyBy as string)) problems.push('countyBy must be code, fips or name');
    else out.countyBy = m.countyBy as FileMapping['countyBy'];
  }
  if (problems.length > 0) throw new AppError(400, 'mapping_invalid', `mapping file is invalid: ${problems.join('; ')}`, { details: { problems } });
  return out;
}
