/**
 * What the demo keeps in its data folder (`<data dir>/demo.json`, readable by its owner only):
 * the season's clock, the election, the console accounts with their generated password and
 * authenticator secret (so they are printed again on every start), and how far the driver got.
 * Written atomically (temporary file, then rename).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoClockSettings } from './demo-clock.ts';
import type { Role } from '../persisted.ts';

export interface DemoStaff { email: string; name: string; role: Role; countyCodes: string[]; password: string; totpSecret: string }

export interface DemoState {
  version: 1;
  seed: number;
  voterCount: number;
  counties: string[];
  electionId: string;
  /** YYYY-MM-DD */
  electionDate: string;
  clock: DemoClockSettings;
  staff: DemoStaff[];
  /** Set when every seeding step has finished. */
  seededAt: string | null;
  /** The last day whose 18:30 actions are done (YYYY-MM-DD), or null. */
  lastDay: string | null;
}

export const demoStateFile = (dataDir: string): string => join(dataDir, 'demo.json');

export async function readDemoState(dataDir: string): Promise<DemoState | null> {
  const file = demoStateFile(dataDir);
  if (!existsSync(file)) return null;
  return JSON.parse(await readFile(file, 'utf8')) as DemoState;
}

export async function writeDemoState(dataDir: string, state: DemoState): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const file = demoStateFile(dataDir);
  await writeFile(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}
