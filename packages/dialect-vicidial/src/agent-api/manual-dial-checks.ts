import type { AgentSession, Campaign } from '@pbx-gateway/core';
import { ownCheck } from '../errors';
import { agentIdOf, stopWith, type AgentOperationContext } from './steps';

/**
 * The agent may place manual calls (VICIdial user `agentcall_manual`).
 * Agents provisioned without the attribute may: the gateway's agents are
 * dialling agents unless told otherwise (docs/vicidial.md).
 */
export async function checkManualDialAllowed(ctx: AgentOperationContext, agentUser: string): Promise<void> {
  const agent = await ctx.core.getAgent(agentIdOf(agentUser));
  const allowed = agent?.attributes.agentcall_manual;
  if (allowed !== undefined && allowed !== '1') {
    throw stopWith(ownCheck('line', `ERROR: agent_user is not allowed to place manual dial calls - ${agentUser}`));
  }
}

/** VICIdial's PAUSED with no lead on the screen (DISPO is PAUSED with one). */
export const pausedWithoutLead = (session: AgentSession): boolean => session.state === 'paused' && session.lead === null;

export const notPaused = (agentUser: string) => stopWith(ownCheck('line', `ERROR: agent_user is not paused - ${agentUser}`));

/** The session's campaign, when it has one that exists. */
export async function campaignOf(ctx: AgentOperationContext, session: AgentSession): Promise<Campaign | null> {
  return session.campaignId === null ? null : ctx.core.getCampaign(session.campaignId);
}
