/**
 * The daylight-saving rules a phone or postal code names, by VICIdial's
 * range codes (`<first change>-<second change>`: SSM-FSN is the second
 * Sunday of March to the first Sunday of November). Each is decided on the
 * number's local standard time, at the hour VICIdial's rule changes.
 */
export const DST_RANGES = ['SSM-FSN', 'FSA-LSO', 'LSM-LSO', 'LSO-LSM', 'FSO-LSM', 'FSO-FSA', 'FSO-TSM', 'LSS-FSA', 'TSO-LSF'] as const;

export type DstRange = (typeof DST_RANGES)[number];

export const isDstRange = (code: string): code is DstRange => (DST_RANGES as readonly string[]).includes(code);

/** A Sunday of a month: the first (1), second (2), third (3) or the last (-1). */
interface SundayOf {
  month: number;
  which: 1 | 2 | 3 | -1;
  /** The local standard hour the change happens at. */
  hour: number;
}

interface Rule {
  start: SundayOf;
  end: SundayOf;
}

// Northern rules run from start to end within a year; southern ones span the new year.
const RULES: Readonly<Record<DstRange, Rule>> = {
  'SSM-FSN': { start: { month: 3, which: 2, hour: 2 }, end: { month: 11, which: 1, hour: 2 } },
  'FSA-LSO': { start: { month: 4, which: 1, hour: 2 }, end: { month: 10, which: -1, hour: 2 } },
  'LSM-LSO': { start: { month: 3, which: -1, hour: 1 }, end: { month: 10, which: -1, hour: 1 } },
  'LSO-LSM': { start: { month: 10, which: -1, hour: 1 }, end: { month: 3, which: -1, hour: 1 } },
  'FSO-LSM': { start: { month: 10, which: 1, hour: 1 }, end: { month: 3, which: -1, hour: 1 } },
  'FSO-FSA': { start: { month: 10, which: 1, hour: 1 }, end: { month: 4, which: 1, hour: 2 } },
  'FSO-TSM': { start: { month: 10, which: 1, hour: 1 }, end: { month: 3, which: 3, hour: 1 } },
  'LSS-FSA': { start: { month: 9, which: -1, hour: 1 }, end: { month: 4, which: 1, hour: 2 } },
  'TSO-LSF': { start: { month: 10, which: 3, hour: 1 }, end: { month: 2, which: -1, hour: 1 } },
};

/** The day of the month of that Sunday in that year. */
function sundayDay(year: number, sunday: SundayOf): number {
  if (sunday.which === -1) {
    const last = new Date(Date.UTC(year, sunday.month, 0));
    return last.getUTCDate() - last.getUTCDay();
  }
  const firstWeekday = new Date(Date.UTC(year, sunday.month - 1, 1)).getUTCDay();
  return 1 + ((7 - firstWeekday) % 7) + (sunday.which - 1) * 7;
}

/** The moment of the change, as a local standard time read on a UTC clock. */
const changeAt = (year: number, sunday: SundayOf): number => Date.UTC(year, sunday.month - 1, sundayDay(year, sunday), sunday.hour);

/**
 * Whether daylight saving is in effect at `localStandard`, a local standard
 * time read on a UTC clock (the number's offset already added).
 */
export function inDaylightSaving(range: DstRange, localStandard: Date): boolean {
  const rule = RULES[range];
  const year = localStandard.getUTCFullYear();
  const at = localStandard.getTime();
  const start = changeAt(year, rule.start);
  const end = changeAt(year, rule.end);
  return start < end ? at >= start && at < end : at >= start || at < end;
}
