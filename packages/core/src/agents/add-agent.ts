import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { Agent } from './agent';

export interface AddAgentRequest {
  /** The new agent's number; null: the number after the highest one in use. */
  id: string | null;
  name: string;
  /** The agent's own password; stored only as a hash. */
  secret: string;
  device: string | null;
  attributes: Readonly<Record<string, string>>;
}

/** Adds an agent who can then be logged in; an id in use is refused (AGENT_EXISTS). */
export async function addAgent(ctx: CoreContext, request: AddAgentRequest): Promise<Agent> {
  const secretHash = await ctx.hasher.hash(request.secret);
  return inTransaction(ctx, async (uow) => {
    const { tx } = uow;
    const id = request.id ?? String(((await tx.agents.highestNumericId()) ?? 0) + 1);
    const agent: Agent = { id, name: request.name, secretHash, device: request.device, active: true, externalId: null, attributes: request.attributes };
    if (!(await tx.agents.insert(agent))) throw new DomainError('AGENT_EXISTS', `agent ${id} exists`, { agentId: id });
    uow.publish({ type: 'AgentAdded', agentId: id, at: uow.now });
    return agent;
  });
}
