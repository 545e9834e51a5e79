/** Call times every installation has, by id, with their hours (HHMM, UTC for a lead at offset 0.00). */
const INSTALLED: ReadonlyArray<[string, number, number]> = [
  ['9am-9pm', 900, 2100],
  ['9am-5pm', 900, 1700],
  ['12pm-5pm', 1200, 1700],
  ['5pm-9pm', 1700, 2100],
];

/** An installed call time that excludes the UTC time (a lead at offset 0.00) now and for the next five minutes. */
export function callTimeExcludingNow(): string {
  const hhmm = (at: number) => new Date(at).getUTCHours() * 100 + new Date(at).getUTCMinutes();
  const instants = [hhmm(Date.now()), hhmm(Date.now() + 300_000)];
  return INSTALLED.find(([, start, stop]) => instants.every((time) => time < start || time >= stop))![0];
}
