/**
 * The demo's accelerated clock (docs/demo.md#clock). The season — from `start` (about 35 days
 * before election day) to `end` (after certification) — plays at `rate` simulated
 * milliseconds per real millisecond from the moment the clock is started; then the clock is
 * the wall clock. The season is placed so that it ends about when it finishes playing, so
 * from then on simulated time is real time and everything that needs real time (an
 * authenticator app's codes) works as in production.
 *
 * Monotonic whatever the wall clock does: a value is never smaller than one already given.
 * Before `startAt` is set the clock stands at `start` (while the demo is being seeded).
 */
import type { Clock } from '../clock.ts';

export interface DemoClockSettings {
  /** Simulated instant the season starts at (ms since the epoch). */
  readonly start: number;
  /** Simulated instant the accelerated season ends at; afterwards the clock is the wall clock. */
  readonly end: number;
  /** Real seconds per simulated day. */
  readonly daySeconds: number;
  /** Real instant (ms) the season started playing; null: not yet (the clock stands at `start`). */
  readonly startedAt: number | null;
}

export interface DemoClock extends Clock {
  readonly settings: () => DemoClockSettings;
  /** Starts the season playing at the wall clock's now (no-op when already started). */
  play(): void;
  /** True while the season plays faster than real time. */
  accelerated(): boolean;
  /** Simulated milliseconds per real millisecond while accelerated. */
  readonly rate: number;
}

export const DAY_MS = 86_400_000;

export function demoClock(initial: DemoClockSettings, wall: () => number = Date.now): DemoClock {
  if (!(initial.end > initial.start)) throw new RangeError('the demo season must end after it starts');
  if (!(initial.daySeconds > 0)) throw new RangeError('daySeconds must be positive');
  let settings = initial;
  const rate = DAY_MS / (initial.daySeconds * 1000);
  let last = -Infinity;
  const compute = (): number => {
    if (settings.startedAt === null) return settings.start;
    const fast = settings.start + (wall() - settings.startedAt) * rate;
    return fast < settings.end ? fast : Math.max(settings.end, wall());
  };
  return {
    rate,
    settings: () => settings,
    now() {
      last = Math.max(last, compute());
      return new Date(last);
    },
    play() {
      if (settings.startedAt === null) settings = { ...settings, startedAt: wall() };
    },
    accelerated() {
      return settings.startedAt === null || settings.start + (wall() - settings.startedAt) * rate < settings.end;
    },
  };
}

/**
 * Where a new season goes: it ends (`end`) when it will have finished playing if started
 * now, and starts `seasonDays` before that.
 */
export function placeSeason(realNow: number, daySeconds: number, seasonDays: number): { start: number; end: number } {
  const end = realNow + seasonDays * daySeconds * 1000;
  return { start: end - seasonDays * DAY_MS, end };
}
