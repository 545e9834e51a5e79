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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(at: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

function offsetMinutes(at: Date, timeZone: string): number {
  const wall = wallClock(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

export function serverTime(at: Date, timeZone: string): ServerTime {
  const wall = wallClock(at, timeZone);
  const year = at.getUTCFullYear();
  // The standard offset is the smaller of midwinter's and midsummer's, in either hemisphere.
  const january = offsetMinutes(new Date(Date.UTC(year, 0, 1)), timeZone);
  const july = offsetMinutes(new Date(Date.UTC(year, 6, 1)), timeZone);
  const standard = Math.min(january, july);
  return {
    local: `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`,
    epoch: Math.floor(at.getTime() / 1000),
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
