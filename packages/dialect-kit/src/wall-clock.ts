/** A moment as a clock on the wall of one time zone shows it. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building an Intl formatter is costly; one per time zone serves every request.
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

function formatWallClock(at: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/**
 * A wall clock shows whole seconds, so every moment of one second reads the
 * same: the last few seconds asked for are kept per time zone, because
 * formatting is costly and requests ask for the same second (and the same
 * reference dates, such as VICIdial's midwinter and midsummer) many times.
 */
const REMEMBERED_SECONDS = 8;
const remembered = new Map<string, Map<number, WallClock>>();

export function wallClock(at: Date, timeZone: string): WallClock {
  const second = Math.floor(at.getTime() / 1000);
  if (Number.isNaN(second)) return formatWallClock(at, timeZone);
  let seconds = remembered.get(timeZone);
  if (!seconds) {
    seconds = new Map();
    remembered.set(timeZone, seconds);
  }
  let wall = seconds.get(second);
  if (!wall) {
    wall = formatWallClock(at, timeZone);
    if (seconds.size >= REMEMBERED_SECONDS) seconds.delete(seconds.keys().next().value!);
    seconds.set(second, wall);
  }
  return { ...wall };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `YYYY-MM-DD HH:MM:SS` in the time zone: what PHP's `date("Y-m-d H:i:s")` prints there. */
export function localDateTime(at: Date, timeZone: string): string {
  const wall = wallClock(at, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}

/** Unix seconds, as the legacy APIs print epochs. */
export const unixSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

/** How far the time zone's clock is ahead of UTC at a moment, in minutes. */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const wall = wallClock(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/**
 * A local date and time as clients send it (`YYYY-MM-DD hh:mm:ss`, seconds
 * optional) in a time zone, as an instant; null when it names no
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
  const first = asUtc - zoneOffsetMinutes(new Date(asUtc), timeZone) * 60000;
  return new Date(asUtc - zoneOffsetMinutes(new Date(first), timeZone) * 60000);
}
