import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import Papa from 'papaparse';

/**
 * One record of a delimited file with the line it starts on (1-based, the header is line 1).
 * `invalidUtf8`: the record's bytes were not valid UTF-8 (the bad bytes read as U+FFFD).
 */
export interface CsvRecord { line: number; fields: string[]; invalidUtf8?: true }

/** The reject reason of a record whose bytes are not valid UTF-8. */
export const INVALID_UTF8 = 'invalid UTF-8 byte sequence';

/**
 * Streams a delimited file (RFC 4180 quoting, UTF-8, optional BOM) as records with line
 * numbers, at constant memory, with papaparse. Invalid UTF-8 bytes become U+FFFD (decoded
 * here, across chunk boundaries) and their record is marked `invalidUtf8`, so that the row can
 * be rejected with its line number instead of failing the whole file. Column-count checks are the caller's: every record comes through,
 * whatever its width; blank lines are skipped but counted. Also computes the SHA-256 of the
 * raw bytes.
 */
export function csvRecords(input: Readable, options: { delimiter?: string } = {}): { batches: AsyncIterable<CsvRecord[]>; sha256: () => string } {
  const hash = createHash('sha256');
  const decode = new Utf8Decode(hash);
  input.on('error', (err) => decode.destroy(err));
  input.pipe(decode);
  let digest: string | null = null;
  return {
    batches: batchesOf(decode, options.delimiter ?? ','),
    sha256: () => (digest ??= hash.digest('hex')),
  };
}

/**
 * Rows in batches, with line numbers, at constant memory: each decoded chunk is handed to
 * papaparse's parser together with the unfinished last record of the chunk before, exactly as
 * papaparse's own streaming does, and the next chunk is read only after the consumer has taken
 * the rows of this one. (Driving the parser directly spares the stream event papaparse's Node
 * stream emits per row: a third of the parsing time of a million-row file.)
 */
async function* batchesOf(text: AsyncIterable<string>, delimiter: string): AsyncIterable<CsvRecord[]> {
  // Newline detection is automatic (\n, \r\n or \r), from the first chunk.
  const parser = new (Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => ParserHandle }).ParserHandle({ delimiter, header: false, skipEmptyLines: false });
  let line = 1;
  let first = true;
  let partial = '';
  // U+FFFD characters fed to the parser and found in its records so far: while every one fed
  // has been found, no record can hold one and none needs searching (the common case).
  let replacementsFed = 0;
  let replacementsFound = 0;
  const records = (rows: string[][], quoted: boolean): CsvRecord[] => {
    const out: CsvRecord[] = [];
    for (const fields of rows) {
      const start = line;
      line += quoted ? 1 + embeddedNewlines(fields) : 1; // only a quoted field holds a newline
      if (fields.length === 1 && fields[0] === '') continue; // blank line
      if (first) {
        first = false;
        if (fields[0]?.startsWith('\uFEFF')) fields[0] = fields[0].slice(1);
      }
      if (replacementsFed > replacementsFound) {
        const found = countReplacements(fields);
        if (found > 0) {
          replacementsFound += found;
          out.push({ line: start, fields, invalidUtf8: true });
          continue;
        }
      }
      out.push({ line: start, fields });
    }
    return out;
  };
  for await (const chunk of text) {
    replacementsFed += countReplacements([chunk]);
    const input = partial + chunk;
    const result = parser.parse(input, 0, true); // true: keep the last, perhaps unfinished, record for the next chunk
    partial = input.substring(result.meta.cursor);
    const batch = records(result.data, input.includes('"'));
    if (batch.length > 0) yield batch;
  }
  if (partial !== '') {
    const batch = records(parser.parse(partial, 0, false).data, partial.includes('"'));
    if (batch.length > 0) yield batch;
  }
}

/** papaparse's parser with its newline detection (exported by the library, not in its typings). */
interface ParserHandle { parse(input: string, baseIndex: number, ignoreLastRow: boolean): { data: string[][]; meta: { cursor: number } } }

function countReplacements(texts: readonly string[]): number {
  let n = 0;
  for (const t of texts) for (let i = t.indexOf('\uFFFD'); i >= 0; i = t.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Newlines inside quoted fields: a record that spans lines moves the next line number on. */
function embeddedNewlines(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) {
    if (f.length === 0 || f.indexOf('\n') < 0) continue;
    for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/** Hashes the raw bytes and decodes them as UTF-8 without splitting characters across chunks. */
class Utf8Decode extends Transform {
  readonly #hash: ReturnType<typeof createHash>;
  readonly #decoder = new StringDecoder('utf8');
  constructor(hash: ReturnType<typeof createHash>) {
    super({ decodeStrings: true, encoding: 'utf8' });
    this.#hash = hash;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.#hash.update(chunk);
    cb(null, this.#decoder.write(chunk));
  }
  override _flush(cb: TransformCallback): void {
    cb(null, this.#decoder.end());
  }
}

/** Encodes one value for PostgreSQL's COPY text format (null → \N). */
export function copyValue(v: string | number | boolean | null): string {
  if (v === null) return '\\N';
  if (typeof v !== 'string') return String(v);
  // Fast path: most values need no escaping (a character loop is cheaper than a regular
  // expression on the short values of a row, a million rows per import).
  if (!needsCopyEscape(v)) return v;
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function needsCopyEscape(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 92 || c === 9 || c === 10 || c === 13) return true;
  }
  return false;
}

export function copyLine(values: ReadonlyArray<string | number | boolean | null>): string {
  let s = '';
  for (let i = 0; i < values.length; i++) s += (i === 0 ? '' : '\t') + copyValue(values[i]!);
  return `${s}\n`;
}
