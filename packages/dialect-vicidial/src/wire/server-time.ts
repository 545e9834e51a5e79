import { localDateTime, unixSeconds, wallClock } from '@pbx-gateway/dialect-kit';

/**
 * The impersonated server's clock: VICIdial prints local time (`date("Y-m-d
 * H:i:s")`) and, in the Non-Agent `version`, its GMT offset and DST flag.
 */
export interface ServerTime {
  /** `YYYY-MM-DD hh:mm:ss` in the server's time zone. */
  local: string;
  /** Unix seconds. */
  epoch: number;
  /** PHP `date("I")`: 1 while daylight saving time is in effect. */
  dst: 0 | 1;
  /** Offset from UTC without daylight saving, in minutes. */
  standardOffsetMinutes: number;
}

function offsetMinutes(at: Date, timeZone: string): number {
  const wall = wallClock(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

export function serverTime(at: Date, timeZone: string): ServerTime {
  const year = at.getUTCFullYear();
  // The standard offset is the smaller of midwinter's and midsummer's, in either hemisphere.
  const january = offsetMinutes(new Date(Date.UTC(year, 0, 1)), timeZone);
  const july = offsetMinutes(new Date(Date.UTC(year, 6, 1)), timeZone);
  const standard = Math.min(january, july);
  return {
    local: localDateTime(at, timeZone),
    epoch: unixSeconds(at),
    dst: offsetMinutes(at, timeZone) > standard ? 1 : 0,
    standardOffsetMinutes: standard,
  };
}

/** An offset as VICIdial stores `servers.local_gmt`: hours with two decimals (`-5.00`, `5.50`). */
export function storedGmt(offsetMinutes: number): string {
  const hours = offsetMinutes / 60;
  return (Object.is(hours, -0) ? 0 : hours).toFixed(2);
}

/**
 * `TZNOW`: PHP increments the stored text during DST, which turns it into a
 * number printed the PHP way (`-5.00` → `-4`, `5.50` → `6.5`); outside DST it
 * is the stored text unchanged.
 */
export function gmtNow(stored: string, dst: 0 | 1): string {
  if (!dst) return stored;
  const value = Number(stored) + 1;
  return String(Object.is(value, -0) ? 0 : value);
}

/**
 * A local date and time as clients send it (`YYYY-MM-DD hh:mm:ss`, seconds
 * optional) in the server's time zone, as an instant; null when it names no
 * time. A time a DST change skips reads as the hour before; a repeated one
 * as its first occurrence.
 */
export function parseLocalDateTime(text: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? '0')) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  // The offset at the guess, then at the corrected instant: right on both sides of a DST change.
  const first = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60000;
  return new Date(asUtc - offsetMinutes(new Date(first), timeZone) * 60000);
}
