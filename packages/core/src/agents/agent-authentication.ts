import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { checkSecretWithLockout } from '../credentials/login-attempt';
import type { Agent } from './agent';

export interface AgentCredentials {
  agentId: string;
  /** The agent's own password or PIN. */
  secret: string;
}

/**
 * The agent whose own secret this is, for commands a client sends in the
 * agent's name with the agent's PIN (VoIPSUN's agentNumber + agentPin) rather
 * than as an API user. Failures count towards the agent's lock-out as a
 * login's do; an unknown or inactive agent is AGENT_NOT_FOUND.
 */
export async function authenticateAgent(ctx: CoreContext, credentials: AgentCredentials): Promise<Agent> {
  const agent = await ctx.store.direct.agents.get(credentials.agentId);
  if (!agent || !agent.active) throw new DomainError('AGENT_NOT_FOUND', `no agent ${credentials.agentId}`);
  await checkSecretWithLockout(ctx, ctx.store.direct.agents, agent.id, credentials.secret, agent.secretHash, { clearFailures: true });
  return agent;
}
