import pg from 'pg';

/** Anything that runs SQL: the pool or a client inside a transaction. Repositories take this first. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export interface Database {
  readonly pool: pg.Pool;
  readonly url: string;
  /**
   * Runs `fn` in one transaction on one connection; commits when it resolves, rolls back when it
   * throws. `asyncCommit`: the commit does not wait for the WAL flush (only where losing the whole
   * transaction in a database crash is safe; see its callers).
   */
  tx<T>(fn: (client: pg.PoolClient) => Promise<T>, options?: { asyncCommit?: boolean }): Promise<T>;
  close(): Promise<void>;
}

// DATE columns come back as 'YYYY-MM-DD' strings, never as Date objects shifted by the process time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
// BIGINT counts fit comfortably in a JS number for this domain.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

export function openDatabase(url: string, options: { max?: number; applicationName?: string } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'ballotline',
  });
  // An idle client's error (e.g. the server restarting) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // A checked-out client has no pool listener: when the server goes away mid-transaction, its
  // 'error' event would crash the process. The running query is rejected anyway (the caller
  // rolls back or retries) and the broken client is dropped on release.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return {
    pool,
    url,
    async tx(fn, options) {
      const client = await pool.connect();
      try {
        await client.query(options?.asyncCommit ? 'BEGIN; SET LOCAL synchronous_commit = off' : 'BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
