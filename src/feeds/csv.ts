import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { Transform, type Duplex, type Readable, type TransformCallback } from 'node:stream';
import Papa from 'papaparse';

/** One record of a delimited file with the line it starts on (1-based, the header is line 1). */
export interface CsvRecord { line: number; fields: string[] }

/**
 * Streams a delimited file (RFC 4180 quoting, UTF-8, optional BOM) as records with line
 * numbers, at constant memory, with papaparse. Invalid UTF-8 bytes become U+FFFD (decoded
 * here, across chunk boundaries) so that the row can be rejected with its line number instead
 * of failing the whole file. Column-count checks are the caller's: every record comes through,
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
 * Rows in batches, with line numbers, at constant memory: the decoded text is read one chunk
 * at a time and handed to papaparse's streaming parser, and the next chunk is read only after
 * the consumer has taken the rows of the previous one. (papaparse keeps parsing whatever it is
 * given even while its output is paused, and iterating its output record by record is some
 * twenty times slower than its 'data' events; driving it chunk by chunk avoids both.)
 */
async function* batchesOf(text: AsyncIterable<string>, delimiter: string): AsyncIterable<CsvRecord[]> {
  // Newline detection is automatic (\n, \r\n or \r); the typings cannot express "auto".
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, header: false, skipEmptyLines: false }) as unknown as Duplex;
  let pending: CsvRecord[] = [];
  let line = 1;
  let first = true;
  let failure: Error | null = null;
  parser.on('data', (fields: string[]) => {
    const start = line;
    line += 1 + embeddedNewlines(fields);
    if (fields.length === 1 && fields[0] === '') return; // blank line
    if (first) {
      first = false;
      if (fields[0]?.startsWith('\uFEFF')) fields[0] = fields[0].slice(1);
    }
    pending.push({ line: start, fields });
  });
  parser.on('error', (err: Error) => { failure = err; });
  const ended = new Promise<void>((resolve) => parser.once('end', resolve));
  const take = (): CsvRecord[] => { const batch = pending; pending = []; return batch; };
  for await (const chunk of text) {
    await new Promise<void>((resolve, reject) => parser.write(chunk, (err?: Error | null) => (err ? reject(err) : resolve())));
    await new Promise<void>((resolve) => setImmediate(resolve)); // let the rows of this chunk arrive
    if (failure) throw failure;
    if (pending.length > 0) yield take();
  }
  parser.end();
  await ended;
  if (failure) throw failure;
  if (pending.length > 0) yield take();
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
  // Fast path: most values need no escaping.
  if (!/[\\\t\n\r]/.test(v)) return v;
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function copyLine(values: ReadonlyArray<string | number | boolean | null>): string {
  let s = '';
  for (let i = 0; i < values.length; i++) s += (i === 0 ? '' : '\t') + copyValue(values[i]!);
  return `${s}\n`;
}
