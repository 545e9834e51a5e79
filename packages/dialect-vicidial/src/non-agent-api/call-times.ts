import { bytesToText } from '../wire/php-params';

/** A call time: the local hours (`hhmm`, stop excluded) a number may be called on any day. */
export interface CallTime {
  start: number;
  stop: number;
}

/**
 * The call times every VICIdial installs (its install SQL), the only ones
 * the gateway knows: it keeps no call times of its own (see docs). None of
 * them has weekday hours or state rules, so the default hours are the whole
 * of each.
 */
export const INSTALLED_CALL_TIMES: ReadonlyMap<string, CallTime> = new Map([
  ['24hours', { start: 0, stop: 2400 }],
  ['9am-9pm', { start: 900, stop: 2100 }],
  ['9am-5pm', { start: 900, stop: 1700 }],
  ['12pm-5pm', { start: 1200, stop: 1700 }],
  ['12pm-9pm', { start: 1200, stop: 2100 }],
  ['5pm-9pm', { start: 1700, stop: 2100 }],
]);

/** A list's `local_call_time`: `campaign` (the campaign's), or a call time the gateway knows. */
export const listCallTimeExists = (value: string): boolean => value === 'campaign' || INSTALLED_CALL_TIMES.has(bytesToText(value));

/** VICIdial's dialable check: 1 when the local time at that offset (`hhmm`) is within the call time's hours. */
export function dialableAt(callTime: CallTime, at: Date, gmtOffset: string): 0 | 1 {
  const local = new Date(at.getTime() + Number(gmtOffset) * 3_600_000);
  const hhmm = local.getUTCHours() * 100 + local.getUTCMinutes();
  return hhmm >= callTime.start && hhmm < callTime.stop ? 1 : 0;
}
