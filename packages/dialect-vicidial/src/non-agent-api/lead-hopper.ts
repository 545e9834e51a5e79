import type { Lead } from '@pbx-gateway/core';
import { utf8ToBytes } from '../wire/php-params';
import { callTimeNamed, dialableAt, hoursForNumber } from './call-times';
import type { NonAgentContext } from './operation';
import type { NonAgentParams } from './params';

/** The hopper options of add_lead and update_lead. */
export interface HopperParams {
  add: boolean;
  remove: boolean;
  priority: number;
  localCallTimeCheck: boolean;
}

/** VICIdial's hopper priorities run from -99 to 99; anything else (or none) queues at 0 (see docs). */
function priorityOf(text: string): number {
  // `|| 0`: -0 is 0.
  return /^-?\d{1,2}$/.test(text) ? Number(text) || 0 : 0;
}

/** `hopper_priority` as VICIdial reads it. */
export const readHopperPriority = (params: NonAgentParams): number => priorityOf(params.read('hopper_priority', { keep: '-0-9' }));

export const readHopperParams = (params: NonAgentParams): HopperParams => ({
  add: params.read('add_to_hopper', { keep: 'A-Z' }) === 'Y',
  remove: params.read('remove_from_hopper', { keep: 'A-Z' }) === 'Y',
  priority: readHopperPriority(params),
  localCallTimeCheck: params.read('hopper_local_call_time_check', { keep: 'A-Z' }) === 'Y',
});

/**
 * The call time the lead is dialled in: its list's `local_call_time` unless
 * `campaign` (or none), else its campaign's (`24hours` by default), with
 * the hours of its state rule for the lead's state.
 */
export async function dialableNow(ctx: NonAgentContext, lead: Lead): Promise<0 | 1> {
  const list = await ctx.core.getLeadList(lead.listId);
  const campaign = list ? await ctx.core.getCampaign(list.campaignId) : null;
  const listTime = list?.settings?.local_call_time ?? '';
  const name = listTime !== '' && listTime.toLowerCase() !== 'campaign' ? listTime : (campaign?.settings.local_call_time ?? '24hours');
  const callTime = await callTimeNamed(ctx, name);
  return callTime ? dialableAt(await hoursForNumber(ctx, callTime, lead.state), ctx.now, lead.gmtOffsetNow) : 0;
}

/**
 * `add_to_hopper=Y`: the lead (null: none found) queued in its campaign's
 * hopper, source P, after the local call time check when asked; the NOTICE
 * line of the outcome. `phone` is the number as the request gave it.
 */
export async function addToHopperLine(ctx: NonAgentContext, asked: HopperParams, phone: string, leadId: number, lead: Lead | null): Promise<string> {
  const fn = ctx.fn;
  if (lead && (await ctx.core.hopperEntryOfLead(lead.id))) return `NOTICE: ${fn} NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER - ${phone}|${leadId}|${ctx.user}`;
  if (!lead) return `NOTICE: ${fn} NOT ADDED TO HOPPER, LEAD NOT FOUND - ${phone}|${leadId}|${ctx.user}`;
  if (asked.localCallTimeCheck && (await dialableNow(ctx, lead)) === 0) {
    return `NOTICE: ${fn} NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME - ${phone}|${leadId}|${utf8ToBytes(lead.gmtOffsetNow)}|0|${ctx.user}`;
  }
  const added = await ctx.core.addLeadToHopper({ leadId: lead.id, priority: asked.priority, source: 'P' });
  if (added.outcome === 'added') return `NOTICE: ${fn} ADDED TO HOPPER - ${phone}|${leadId}|${added.entry.id}|${ctx.user}`;
  if (added.outcome === 'queued-already') return `NOTICE: ${fn} NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER - ${phone}|${leadId}|${ctx.user}`;
  if (added.outcome === 'no-lead') return `NOTICE: ${fn} NOT ADDED TO HOPPER, LEAD NOT FOUND - ${phone}|${leadId}|${ctx.user}`;
  // The product prints its failed INSERT statement there (spec §2.3: left empty).
  return `NOTICE: ${fn} NOT ADDED TO HOPPER - ${phone}|${leadId}||${ctx.user}`;
}

/** `remove_from_hopper=Y`: the lead's entry removed unless a dialer works on it; the NOTICE line of the outcome. */
export async function removeFromHopperLine(ctx: NonAgentContext, phone: string, leadId: number): Promise<string> {
  const removed = await ctx.core.removeLeadFromHopper(leadId);
  if (removed.outcome === 'removed') return `NOTICE: ${ctx.fn} REMOVED FROM HOPPER - ${phone}|${leadId}|${removed.status}|${ctx.user}`;
  if (removed.outcome === 'kept') return `NOTICE: ${ctx.fn} NOT REMOVED FROM HOPPER - ${phone}|${leadId}|${removed.status}|${ctx.user}`;
  return `NOTICE: ${ctx.fn} NOT REMOVED FROM HOPPER, LEAD IS NOT IN THE HOPPER - ${phone}|${leadId}|${ctx.user}`;
}
