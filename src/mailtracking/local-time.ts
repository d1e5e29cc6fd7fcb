/**
 * Facility-local wall time → UTC, fast enough for millions of scan rows: the UTC offset is
 * worked out once per time zone and local hour (US zones change offset on the hour), a local
 * day at a time, and cached. Pure apart from the cache.
 *
 * DST edges follow PostgreSQL's rule for `timestamp AT TIME ZONE zone`, so that a time reads
 * the same wherever it is converted: a time in the repeated autumn hour is standard time (the
 * later instant); a time in the skipped spring hour is read with the standard-time offset
 * (02:30 PST, i.e. 03:30 PDT).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone, per local day ((y·16 + month)·32 + day): the day's one offset, or one per local hour (a DST day). */
const days = new Map<string, Map<number, number | number[]>>();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// The last day looked up: a scan file's rows mostly come a facility and a day at a time.
let lastZone = '';
let lastKey = -1;
let lastDay: number | number[] = 0;

/**
 * The instant (ms since the epoch) of wall time y-mo-d h:mi:s.ms in `zone`. Throws RangeError
 * for a zone Intl does not know. The offsets of a zone's local day are worked out once, hour
 * by hour, and kept as one number when they are all the same (any day but a DST change): a
 * row then costs a comparison and a Date.UTC.
 */
export function utcFromLocal(zone: string, y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const key = (y * 16 + mo) * 32 + d;
  let day: number | number[];
  if (key === lastKey && zone === lastZone) {
    day = lastDay;
  } else {
    let zoneDays = days.get(zone);
    if (!zoneDays) days.set(zone, (zoneDays = new Map()));
    let cached = zoneDays.get(key);
    if (cached === undefined) {
      cached = offsetsOfDay(zone, Date.UTC(y, mo - 1, d));
      if (zoneDays.size > 20_000) zoneDays.clear();
      zoneDays.set(key, cached);
    }
    day = cached;
    lastZone = zone;
    lastKey = key;
    lastDay = cached;
  }
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - (typeof day === 'number' ? day : day[h]!);
}

/** The same instant without any cache: the offset of the wall hour, worked out from scratch (the reference for tests). */
export function utcFromLocalUncached(zone: string, y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetForWallHour(zone, Date.UTC(y, mo - 1, d, h));
}

/** The offsets of the 24 local hours of the day that starts at wall time `dayStart` (read as UTC): one number when they agree. */
function offsetsOfDay(zone: string, dayStart: number): number | number[] {
  const hours: number[] = [];
  for (let h = 0; h < 24; h++) hours.push(offsetForWallHour(zone, dayStart + h * HOUR));
  return hours.every((o) => o === hours[0]) ? hours[0]! : hours;
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
