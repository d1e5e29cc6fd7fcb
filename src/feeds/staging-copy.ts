import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { RejectsSink, type Reject } from './rejects.ts';

const CHUNK = 65_536;
/** Text handed to the connection and not yet taken by the server before `write` waits: parsing goes on meanwhile. */
const IN_FLIGHT = 1 << 20;

/**
 * `COPY … FROM STDIN` into an import's staging table that can step aside. A connection in COPY
 * mode runs no other statement until the COPY ends, so a statement the import must run on the
 * same connection mid-stream (the rejects sink writing a batch into the import's transaction)
 * first calls `pause()`: it ends the COPY in progress, and the next `write` starts a new one.
 * Several COPY statements into one table load the same rows as one.
 *
 * Text is sent in 64 KiB pieces; `write` waits once 1 MiB is queued behind the connection
 * (constant memory), so the file is parsed on while the server reads.
 */
export class StagingCopy {
  readonly #client: pg.PoolClient;
  readonly #statement: string;
  #stream: Writable | null = null;
  #done: Promise<void> | null = null;
  #buffer = '';

  constructor(client: pg.PoolClient, statement: string) {
    this.#client = client;
    this.#statement = statement;
  }

  /** Adds lines in PostgreSQL's COPY text format. */
  async write(text: string): Promise<void> {
    this.#buffer += text;
    if (this.#buffer.length >= CHUNK) await this.#send();
  }

  /** Adds lines already encoded (a `CopyRowWriter`'s), after any text written before them. */
  async writeBytes(chunks: readonly Buffer[]): Promise<void> {
    await this.#send();
    for (const chunk of chunks) await this.#sendRaw(chunk);
  }

  /** Sends what is buffered and ends the COPY in progress, so that the connection is free. */
  async pause(): Promise<void> {
    await this.#send();
    const stream = this.#stream;
    const done = this.#done;
    if (!stream || !done) return;
    this.#stream = null;
    this.#done = null;
    stream.end();
    await done;
  }

  /** All sent and the last COPY ended. */
  async end(): Promise<void> {
    await this.pause();
  }

  /** Aborts the COPY in progress (the server gets CopyFail), so that the transaction can roll back. */
  async abort(err: Error): Promise<void> {
    this.#buffer = '';
    const stream = this.#stream;
    const done = this.#done;
    this.#stream = null;
    this.#done = null;
    if (!stream || !done) return;
    stream.destroy(err);
    await done.catch(() => undefined);
  }

  async #send(): Promise<void> {
    if (this.#buffer === '') return;
    const chunk = this.#buffer;
    this.#buffer = '';
    await this.#sendRaw(chunk);
  }

  async #sendRaw(chunk: string | Buffer): Promise<void> {
    if (chunk.length === 0) return;
    if (!this.#stream) {
      const stream = this.#client.query(copyFrom(this.#statement, { highWaterMark: IN_FLIGHT }));
      const done = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
      done.catch(() => undefined); // observed here; `pause` and `abort` await it
      this.#stream = stream;
      this.#done = done;
    }
    if (!this.#stream.write(chunk)) await once(this.#stream, 'drain');
  }
}

/**
 * Streams a file into a staging table while its bad lines go to a rejects sink, both inside the
 * import's transaction on `client`: `write` stores a batch of rejects (between two COPY
 * statements, see `StagingCopy`). `fill` reads the file; the COPY is ended when it returns and
 * aborted when it throws, so the transaction can roll back.
 */
export async function stageRows<T>(client: pg.PoolClient, statement: string, rejects: { path: string; write: (batch: Reject[]) => Promise<void> },
  fill: (staging: StagingCopy, sink: RejectsSink) => Promise<T>): Promise<{ result: T; sink: RejectsSink }> {
  const staging = new StagingCopy(client, statement);
  const sink = new RejectsSink(rejects.path, async (batch) => {
    await staging.pause(); // the connection runs one statement at a time
    await rejects.write(batch);
  });
  try {
    const result = await fill(staging, sink);
    await staging.end();
    return { result, sink };
  } catch (err) {
    await staging.abort(err as Error);
    throw err;
  }
}
