/** How long before midnight `clearOfDayEnd` waits it out by default: longer than any test file that needs it takes. */
export const DAY_END_MARGIN_MS = 180_000;

/** A hook timeout that covers the longest wait of `clearOfDayEnd` with the default margin. */
export const DAY_END_WAIT_TIMEOUT_MS = DAY_END_MARGIN_MS + 10_000;

/**
 * For test files whose calls and whose checks must fall on one day of the
 * gateway's clock (what a report counts as today, a list's resets of the
 * day, a DID log of a date): when the day in `timeZone` ends within
 * `marginMs`, waits until it has ended, so that a file started just before
 * midnight does not place its calls on one day and ask about them on the
 * next. Returns at once on every other minute of the day.
 */
export async function clearOfDayEnd(timeZone = 'UTC', marginMs = DAY_END_MARGIN_MS, now: () => number = Date.now): Promise<void> {
  const left = msToDayEnd(now(), timeZone);
  if (left > marginMs) return;
  // A second past midnight, so that the clock read next is already on the new day.
  await new Promise((resolve) => setTimeout(resolve, left + 1_000));
}

/** Milliseconds from `at` to the next midnight of the wall clock in `timeZone` (a day of 24 hours: a change of clock is not counted). */
export function msToDayEnd(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(at));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const intoDayMs = ((field('hour') * 60 + field('minute')) * 60 + field('second')) * 1000 + (at % 1000);
  return 86_400_000 - intoDayMs;
}
