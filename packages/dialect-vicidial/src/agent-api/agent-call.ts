import type { Call, Leg } from '@pbx-gateway/core';
import type { AgentOperationContext } from './steps';

/**
 * The customer call an agent is on, as transfer_conference and park_call
 * see it (VICIdial: a lead on the screen and a live call ID); null when the
 * agent has none.
 */
export async function currentCustomerCall(ctx: AgentOperationContext, agentId: string): Promise<{ call: Call; legs: Leg[] } | null> {
  const session = await ctx.core.getAgentSession(agentId);
  if (!session?.currentCallId) return null;
  const found = await ctx.core.getCall(session.currentCallId);
  if (!found || found.call.state === 'ended' || found.call.purpose !== 'agent_customer') return null;
  return found;
}
