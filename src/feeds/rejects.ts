import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify/sync';

/** A rejected line; `key` is the record's identifier when it could be read (e.g. the voter ID). */
export interface Reject { line: number; reason: string; key?: string }

/**
 * Collects the rejected lines of one import: all go to a CSV file (line,reason) opened on the
 * first reject, a bounded sample stays in memory for the summary, and batches are handed to
 * `flush` (the database) so memory stays flat whatever the number of bad rows.
 */
export class RejectsSink {
  readonly path: string;
  readonly sample: Reject[] = [];
  count = 0;
  #pending: Reject[] = [];
  #file: WriteStream | null = null;
  readonly #flush: (batch: Reject[]) => Promise<void>;

  constructor(path: string, flush: (batch: Reject[]) => Promise<void>) {
    this.path = path;
    this.#flush = flush;
  }

  async add(reject: Reject): Promise<void> {
    this.count++;
    if (this.sample.length < 20) this.sample.push(reject);
    if (!this.#file) {
      await mkdir(dirname(this.path), { recursive: true });
      this.#file = createWriteStream(this.path);
      this.#file.write('line,reason\n');
    }
    this.#file.write(stringify([[reject.line, reject.reason]]));
    this.#pending.push(reject);
    if (this.#pending.length >= 5000) await this.drain();
  }

  async drain(): Promise<void> {
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    await this.#flush(batch);
  }

  async close(): Promise<void> {
    await this.drain();
    const file = this.#file;
    if (file) await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}
