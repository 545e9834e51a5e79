import { isLiveCustomerCall, type Call, type Leg } from '@pbx-gateway/core';
import type { AgentOperationContext } from './steps';

/**
 * Whether a call is one an agent talks in with a customer: its callout, or
 * an inbound call (from an in-group or a DID) that the agent took and has not
 * left; VICIdial's transfers, 3-way calls and parking act on either.
 */
export function isCustomerTalk(call: Call, agentId: string): boolean {
  if (!isLiveCustomerCall(call)) return false;
  return call.purpose === 'agent_customer' || (call.agentId === agentId && call.progress.agentLeft !== true);
}

/** The number of a call's customer: a callout's called number, an inbound call's caller. */
export const customerNumberOf = (call: Call): string => (call.purpose === 'inbound' ? call.fromNumber : call.toNumber);

/**
 * The customer call an agent is on, as transfer_conference and park_call
 * see it (VICIdial: a lead on the screen and a live call ID): its callout or
 * the inbound call it took; null when the agent has none.
 */
export async function currentCustomerCall(ctx: AgentOperationContext, agentId: string): Promise<{ call: Call; legs: Leg[] } | null> {
  const session = await ctx.core.getAgentSession(agentId);
  if (!session?.currentCallId) return null;
  const found = await ctx.core.getCall(session.currentCallId);
  if (!found || !isCustomerTalk(found.call, agentId)) return null;
  return found;
}
