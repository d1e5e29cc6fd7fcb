import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase } from '../testing/db.ts';

test('a connection cut while a client is checked out fails its transaction, not the process, and the pool recovers', async () => {
  const db = await testDatabase();
  const client = await db.pool.connect();
  await client.query('BEGIN');
  const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  // What a database restart does to this connection, from another one.
  await db.pool.query('SELECT pg_terminate_backend($1)', [pid]);
  await new Promise((r) => setTimeout(r, 200)); // the server's goodbye reaches the client while no query runs
  await assert.rejects(client.query('SELECT 1'));
  client.release();
  assert.equal((await db.pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one, 1);
  await assert.rejects(db.tx(async (c) => {
    await c.query(`SELECT pg_terminate_backend(pg_backend_pid())`);
  }));
  assert.equal((await db.tx((c) => c.query<{ two: number }>('SELECT 2 AS two'))).rows[0]!.two, 2);
});
