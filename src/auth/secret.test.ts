import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appSecret } from './secret.ts';

test('the configured secret wins', async () => {
  assert.equal(await appSecret({ secret: 'x'.repeat(40), dataDir: '/nonexistent' }), 'x'.repeat(40));
});

test('zero-config: generated once into <dataDir>/secret (0600) and reused', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ballotline-secret-'));
  const [a, b] = await Promise.all([appSecret({ secret: null, dataDir }), appSecret({ secret: null, dataDir })]);
  assert.equal(a, b);
  assert.ok(a.length >= 32);
  assert.equal((await readFile(join(dataDir, 'secret'), 'utf8')).trim(), a);
  assert.equal((await stat(join(dataDir, 'secret'))).mode & 0o777, 0o600);
});

test('a secret file written by another process is reused', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ballotline-secret-'));
  await writeFile(join(dataDir, 'secret'), `${'s'.repeat(43)}\n`, { mode: 0o600 });
  assert.equal(await appSecret({ secret: null, dataDir }), 's'.repeat(43));
});
