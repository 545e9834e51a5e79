import { localDateTime, unixSeconds, zoneOffsetMinutes as offsetMinutes } from '@pbx-gateway/dialect-kit';

export { parseLocalDateTime } from '@pbx-gateway/dialect-kit';

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

/** The server's day of a moment, `YYYY-MM-DD` (what VICIdial's "today" counts, such as a list's resets). */
export const serverDay = (at: Date, timeZone: string): string => localDateTime(at, timeZone).slice(0, 10);

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
