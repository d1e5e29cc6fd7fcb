import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.ts';

/**
 * The key that signs portal cookies: BALLOTLINE_SECRET, or in zero-config mode (no secret
 * configured, never in production) one generated once into the data folder, so processes
 * sharing the folder and restarts agree on it.
 */
export function cookieSecret(config: Config): string {
  if (config.secret !== null) return config.secret;
  const file = join(config.dataDir, 'cookie-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(config.dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process won the race
  }
  return readFileSync(file, 'utf8').trim();
}
