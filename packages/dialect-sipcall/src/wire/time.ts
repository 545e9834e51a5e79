/** Unix seconds, as the platform reports `reqtime`, `rsptime` and status-callback `starttime`. */
export const unixSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

/** Formats instants as `YYYY-MM-DD HH:MM:SS` in one time zone (CDR times, `authtime`). */
export function localTimeFormatter(timeZone: string): (at: Date) => string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return (at) => {
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(at)) parts[part.type] = part.value;
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
  };
}
