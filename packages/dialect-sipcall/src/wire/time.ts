import { localDateTime } from '@pbx-gateway/dialect-kit';

export { unixSeconds } from '@pbx-gateway/dialect-kit';

/** Formats instants as `YYYY-MM-DD HH:MM:SS` in one time zone (CDR times, `authtime`). */
export function localTimeFormatter(timeZone: string): (at: Date) => string {
  return (at) => localDateTime(at, timeZone);
}
