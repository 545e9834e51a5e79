import { NANPA_PREFIXES_LOADED } from '@pbx-gateway/core';
import type { NonAgentContext } from './operation';

/**
 * Whether the NANPA prefix data counts as loaded: true, or the number of
 * prefixes kept when there are too few (VICIdial then switches its NANPA
 * options off and says how many it found).
 */
export async function nanpaDataLoaded(ctx: NonAgentContext): Promise<true | number> {
  const count = await ctx.core.countNanpaPrefixes();
  return count >= NANPA_PREFIXES_LOADED ? true : count;
}

/** Whether the number's first six digits are a NANPA exchange (area code and prefix) the prefix data holds. */
export const onNanpaExchange = async (ctx: NonAgentContext, phoneNumber: string): Promise<boolean> =>
  (await ctx.core.getNanpaPrefix(phoneNumber.slice(0, 3), phoneNumber.slice(3, 6))) !== null;
