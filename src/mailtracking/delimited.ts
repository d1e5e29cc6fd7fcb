import { once } from 'node:events';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { Readable, type Writable } from 'node:stream';
import { AppError } from '../errors.ts';
import { detectDelimiter } from './scan-row.ts';

/** Fails with a clear error when a file to import cannot be read (before any run is recorded). */
export async function assertReadable(path: string): Promise<void> {
  try {
    await access(path, constants.R_OK);
  } catch {
    throw new AppError(400, 'file_not_readable', `cannot read ${path}: no such file, or not readable`);
  }
}

/**
 * Reads the beginning of a delimited file to tell its delimiter ('|', tab or ','), and gives
 * back a stream of the whole file (the bytes read are replayed first).
 */
export async function sniffDelimiter(input: Readable): Promise<{ delimiter: string; input: Readable }> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Array<Buffer | string> = [];
  let text = '';
  while (!text.includes('\n') && text.length < 65_536) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    text += typeof next.value === 'string' ? next.value : next.value.toString('utf8');
  }
  async function* replay(): AsyncGenerator<Buffer | string> {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { delimiter: detectDelimiter(text.split('\n')[0] ?? ''), input: Readable.from(replay(), { objectMode: false }) };
}

/** Buffers COPY text lines and writes them in 64 KB pieces, waiting when the server is behind. */
export class CopyBuffer {
  readonly #copy: Writable;
  #buffer = '';
  constructor(copy: Writable) {
    this.#copy = copy;
  }
  async push(line: string): Promise<void> {
    this.#buffer += line;
    if (this.#buffer.length > 65_536) {
      const chunk = this.#buffer;
      this.#buffer = '';
      if (!this.#copy.write(chunk)) await once(this.#copy, 'drain');
    }
  }
  end(): void {
    this.#copy.end(this.#buffer);
    this.#buffer = '';
  }
}

/** Runs `fill` against a COPY stream and ends it; aborts the COPY (so the transaction can roll back) when it throws. */
export async function withCopy<T>(copy: Writable, fill: (buffer: CopyBuffer) => Promise<T>): Promise<T> {
  const done = new Promise<void>((resolve, reject) => { copy.on('finish', resolve); copy.on('error', reject); });
  try {
    const buffer = new CopyBuffer(copy);
    const result = await fill(buffer);
    buffer.end();
    await done;
    return result;
  } catch (err) {
    copy.destroy(err as Error);
    await done.catch(() => undefined);
    throw err;
  }
}
