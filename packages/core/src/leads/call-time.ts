/** The hours of one day of a call time: `hhmm` from `start` (included) to `stop` (excluded). */
export interface CallHours {
  start: number;
  stop: number;
}

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/** Hours by default and, where a day has its own, on that day. */
export interface WeeklyHours {
  defaultHours: CallHours;
  /** A day's own hours; a day absent keeps the default hours (VICIdial's 0–0 day). */
  days: Partial<Record<Weekday, CallHours>>;
}

/**
 * A call time (VICIdial's vicidial_call_times): the local hours a number
 * may be called in, by default and, where a day has its own, on that day;
 * numbers of a state one of its state rules names keep that rule's hours.
 */
export interface CallTime extends WeeklyHours {
  id: string;
  name: string;
  /** The state call times that apply (VICIdial's `ct_state_call_times`), by id, in order. */
  stateRules: readonly string[];
}

/**
 * A state call time (VICIdial's vicidial_state_call_times): the hours a
 * call time that names it keeps for the numbers of one state.
 */
export interface StateCallTime extends WeeklyHours {
  id: string;
  /** The state or province its numbers are of (`FL`), compared exactly with a lead's. */
  state: string;
  name: string;
}

/**
 * The call times every VICIdial install has, which the dialer's table
 * starts with: the whole day, and the usual daytime spans.
 */
export const STANDARD_CALL_TIMES: readonly CallTime[] = [
  { id: '24hours', name: 'default 24 hours calling', defaultHours: { start: 0, stop: 2400 }, days: {}, stateRules: [] },
  { id: '9am-9pm', name: 'default 9am to 9pm calling', defaultHours: { start: 900, stop: 2100 }, days: {}, stateRules: [] },
  { id: '9am-5pm', name: 'default 9am to 5pm calling', defaultHours: { start: 900, stop: 1700 }, days: {}, stateRules: [] },
  { id: '12pm-5pm', name: 'default 12pm to 5pm calling', defaultHours: { start: 1200, stop: 1700 }, days: {}, stateRules: [] },
  { id: '12pm-9pm', name: 'default 12pm to 9pm calling', defaultHours: { start: 1200, stop: 2100 }, days: {}, stateRules: [] },
  { id: '5pm-9pm', name: 'default 5pm to 9pm calling', defaultHours: { start: 1700, stop: 2100 }, days: {}, stateRules: [] },
];

/**
 * The hours that hold for a number of `state`: the last of the call time's
 * state rules (those given, in its order) made for that state, else the
 * call time's own. As VICIdial's `dialable_gmt`, a state rule counts only
 * with an id of 3 characters or more, and only for a number with a state.
 */
export function hoursForState(callTime: CallTime, rules: readonly StateCallTime[], state: string): WeeklyHours {
  if (state === '') return callTime;
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const ofState = callTime.stateRules.map((id) => byId.get(id)).filter((rule): rule is StateCallTime => rule !== undefined && rule.state === state);
  const rule = ofState[ofState.length - 1];
  return rule && rule.id.length > 2 ? rule : callTime;
}

/**
 * Whether the hours allow a call at `local`, a number's local time read on
 * a UTC clock: that day's hours, else the default ones.
 */
export function callTimeAllows(callTime: WeeklyHours, local: Date): boolean {
  const hours = callTime.days[WEEKDAYS[local.getUTCDay()]!] ?? callTime.defaultHours;
  const hhmm = local.getUTCHours() * 100 + local.getUTCMinutes();
  return hhmm >= hours.start && hhmm < hours.stop;
}
