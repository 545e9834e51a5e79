/** The hours of one day of a call time: `hhmm` from `start` (included) to `stop` (excluded). */
export interface CallHours {
  start: number;
  stop: number;
}

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A call time (VICIdial's vicidial_call_times): the local hours a number
 * may be called in, by default and, where a day has its own, on that day.
 */
export interface CallTime {
  id: string;
  name: string;
  defaultHours: CallHours;
  /** A day's own hours; a day absent keeps the default hours (VICIdial's 0–0 day). */
  days: Partial<Record<Weekday, CallHours>>;
}

/**
 * The call times every VICIdial install has, which the dialer's table
 * starts with: the whole day, and the usual daytime spans.
 */
export const STANDARD_CALL_TIMES: readonly CallTime[] = [
  { id: '24hours', name: 'default 24 hours calling', defaultHours: { start: 0, stop: 2400 }, days: {} },
  { id: '9am-9pm', name: 'default 9am to 9pm calling', defaultHours: { start: 900, stop: 2100 }, days: {} },
  { id: '9am-5pm', name: 'default 9am to 5pm calling', defaultHours: { start: 900, stop: 1700 }, days: {} },
  { id: '12pm-5pm', name: 'default 12pm to 5pm calling', defaultHours: { start: 1200, stop: 1700 }, days: {} },
  { id: '12pm-9pm', name: 'default 12pm to 9pm calling', defaultHours: { start: 1200, stop: 2100 }, days: {} },
  { id: '5pm-9pm', name: 'default 5pm to 9pm calling', defaultHours: { start: 1700, stop: 2100 }, days: {} },
];

/**
 * Whether the call time allows a call at `local`, a number's local time
 * read on a UTC clock: that day's hours, else the default ones.
 */
export function callTimeAllows(callTime: CallTime, local: Date): boolean {
  const hours = callTime.days[WEEKDAYS[local.getUTCDay()]!] ?? callTime.defaultHours;
  const hhmm = local.getUTCHours() * 100 + local.getUTCMinutes();
  return hhmm >= hours.start && hhmm < hours.stop;
}
