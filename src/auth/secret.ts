import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';

/**
 * The secret that signs cookies: BALLOTLINE_SECRET when set; otherwise (zero-config mode)
 * one generated into `<dataDir>/secret` (mode 0600) on first use and reused after, so that
 * sessions survive a restart and every process on the same data folder agrees on it.
 * Production always sets BALLOTLINE_SECRET (config refuses to start without it).
 */
export function appSecret(config: Pick<Config, 'secret' | 'dataDir'>): Promise<string> {
  if (config.secret !== null) return Promise.resolve(config.secret);
  let p = cache.get(config.dataDir);
  if (!p) {
    p = readOrCreate(join(config.dataDir, 'secret'));
    p.catch(() => cache.delete(config.dataDir));
    cache.set(config.dataDir, p);
  }
  return p;
}

const cache = new Map<string, Promise<string>>();

async function readOrCreate(file: string): Promise<string> {
  const existing = await readExisting(file);
  if (existing !== null) return existing;
  await mkdir(join(file, '..'), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx': two processes starting at once must not overwrite each other's secret.
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // Another process won the race: wait until it has written its secret, then use it.
    for (let i = 0; i < 100; i++) {
      const theirs = await readExisting(file);
      if (theirs !== null) return theirs;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`${file} exists but holds no usable secret (at least 32 characters); delete it or set BALLOTLINE_SECRET`, { cause: err });
  }
  await chmod(file, 0o600);
  return secret;
}

async function readExisting(file: string): Promise<string | null> {
  try {
    const s = (await readFile(file, 'utf8')).trim();
    return s.length >= 32 ? s : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * The same secret, read synchronously, for plugin registration at start-up (cookie signing).
 * Reads or creates the same `<dataDir>/secret` file as `appSecret`, with the same race guard.
 */
export function appSecretSync(config: Pick<Config, 'secret' | 'dataDir'>): string {
  if (config.secret !== null) return config.secret;
  const file = join(config.dataDir, 'secret');
  const read = (): string | null => {
    try {
      const s = readFileSync(file, 'utf8').trim();
      return s.length >= 32 ? s : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  };
  const existing = read();
  if (existing !== null) return existing;
  mkdirSync(config.dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process won the race
  }
  const secret = read();
  if (secret === null) throw new Error(`${file} holds no usable secret (at least 32 characters); delete it or set BALLOTLINE_SECRET`);
  return secret;
}
