/** Time is injected, never read from the wall clock inside domain logic. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
/** A clock that stays where it is put; for tests and replays. */
export function fixedClock(start: Date): Clock & { set(d: Date): void; advance(ms: number): void } {
  let t = start.getTime();
  return { now: () => new Date(t), set: (d) => { t = d.getTime(); }, advance: (ms) => { t += ms; } };
}
