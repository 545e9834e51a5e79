import { localDateTime, parseLocalDateTime } from '@pbx-gateway/dialect-kit';

export { unixSeconds } from '@pbx-gateway/dialect-kit';

/** Formats instants as `YYYY-MM-DD HH:MM:SS` in one time zone (CDR times, `authtime`). */
export function localTimeFormatter(timeZone: string): (at: Date) => string {
  return (at) => localDateTime(at, timeZone);
}

/** The end of the local day (in `timeZone`) that `at` falls in: the first instant of the next day. */
export function localDayEnd(at: Date, timeZone: string): Date {
  const lastSecond = parseLocalDateTime(`${localDateTime(at, timeZone).slice(0, 10)} 23:59:59`, timeZone);
  return new Date((lastSecond ?? at).getTime() + 1000);
}
