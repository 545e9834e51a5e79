import { callTimeAllows, hoursForState, localTimeAt, type CallTime, type WeeklyHours } from '@pbx-gateway/core';
import { bytesToText } from '../wire/php-params';
import type { NonAgentContext } from './operation';

/** A call time the dialer keeps (the standard ones and those provisioned); null when there is none of that id. */
export const callTimeNamed = (ctx: NonAgentContext, name: string): Promise<CallTime | null> => ctx.core.getCallTime(bytesToText(name));

/** A list's `local_call_time`: `campaign` (the campaign's), or a call time the dialer keeps. */
export const listCallTimeExists = async (ctx: NonAgentContext, value: string): Promise<boolean> => value === 'campaign' || (await callTimeNamed(ctx, value)) !== null;

/** The hours a call time keeps for a number of `state` (text): a state rule's of that state, else its own. */
export async function hoursForNumber(ctx: NonAgentContext, callTime: CallTime, state: string): Promise<WeeklyHours> {
  if (state === '' || callTime.stateRules.length === 0) return callTime;
  return hoursForState(callTime, await ctx.core.getStateCallTimes(callTime.stateRules), state);
}

/**
 * VICIdial's `dialable_gmt`: 1 when the hours allow a call at the local
 * time of that offset (as printed: `-4`, `-5.00`; empty is GMT).
 */
export function dialableAt(hours: WeeklyHours, at: Date, gmtOffset: string): 0 | 1 {
  return callTimeAllows(hours, localTimeAt(at, Number(gmtOffset))) ? 1 : 0;
}
