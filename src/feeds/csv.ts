import { createHash, type Hash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { parse, type Info } from 'csv-parse';

/** One record of a delimited file with the line it ended on (1-based, the header is line 1). */
export interface CsvRecord { line: number; fields: string[] }

/**
 * Streams a delimited file (RFC 4180 quoting, UTF-8, optional BOM) as records with line
 * numbers, at constant memory. Invalid UTF-8 bytes become U+FFFD so that the row can be
 * rejected with its line number instead of failing the whole file. Column-count checks are
 * the caller's: every record comes through, whatever its width. Also computes the SHA-256
 * of the raw bytes.
 */
export function csvRecords(input: Readable, options: { delimiter?: string } = {}): { records: AsyncIterable<CsvRecord>; sha256: () => string } {
  const hash = createHash('sha256');
  const tap = new HashTap(hash);
  const parser = parse({
    bom: true,
    delimiter: options.delimiter ?? ',',
    relax_column_count: true,
    relax_quotes: false,
    skip_empty_lines: true,
    info: true,
    encoding: 'utf8',
  });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(tap).pipe(parser);
  let digest: string | null = null;
  async function* records(): AsyncIterable<CsvRecord> {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      yield { line: info.lines, fields: record };
    }
  }
  return {
    records: records(),
    sha256: () => (digest ??= hash.digest('hex')),
  };
}

class HashTap extends Transform {
  readonly #hash: Hash;
  constructor(hash: Hash) {
    super();
    this.#hash = hash;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.#hash.update(chunk);
    cb(null, chunk);
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
