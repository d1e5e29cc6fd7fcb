/**
 * Facility-local wall time → UTC, fast enough for millions of scan rows: the UTC offset is
 * worked out once per time zone and local hour (US zones change offset on the hour) and
 * cached. Pure apart from the cache.
 *
 * DST edges follow PostgreSQL's rule for `timestamp AT TIME ZONE zone`, so that a time reads
 * the same wherever it is converted: a time in the repeated autumn hour is standard time (the
 * later instant); a time in the skipped spring hour is read with the standard-time offset
 * (02:30 PST, i.e. 03:30 PDT).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The instant (ms since the epoch) of wall time y-mo-d h:mi:s.ms in `zone`. Throws RangeError
 * for a zone Intl does not know.
 */
export function utcFromLocal(zone: string, y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const hourStart = Date.UTC(y, mo - 1, d, h);
  let hours = offsets.get(zone);
  if (!hours) offsets.set(zone, (hours = new Map()));
  let offset = hours.get(hourStart);
  if (offset === undefined) {
    offset = offsetForWallHour(zone, hourStart);
    if (hours.size > 100_000) hours.clear();
    hours.set(hourStart, offset);
  }
  return wall - offset;
}

/** The offset (ms east of UTC) that applies to local hour `hourStart` (its wall time read as UTC). */
function offsetForWallHour(zone: string, hourStart: number): number {
  const before = offsetAt(zone, hourStart - DAY);
  const after = offsetAt(zone, hourStart + DAY);
  const valid = [before, after].filter((o) => offsetAt(zone, hourStart - o) === o);
  return Math.min(...(valid.length > 0 ? valid : [before, after]));
}

/** The zone's offset from UTC at an instant, in ms. */
export function offsetAt(zone: string, instant: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(instant))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}
