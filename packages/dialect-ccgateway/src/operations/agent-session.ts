import type { AgentSession } from '@pbx-gateway/core';
import { refuse, type InterfaceContext } from '../operation';

/**
 * The agent's live session. It may have ended since the GUID was checked;
 * without one the agent is not signed in (`100-006`).
 */
export async function agentSession(ctx: InterfaceContext): Promise<AgentSession> {
  const session = await ctx.core.getAgentSession(ctx.agentId);
  if (!session) throw refuse('100-006');
  return session;
}
