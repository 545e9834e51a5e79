import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';

/**
 * Removes an agent and its queue memberships; false when there is no such
 * agent. A logged-in agent is refused (AGENT_BUSY): its session still has
 * calls and a phone to end.
 */
export async function removeAgent(ctx: CoreContext, agentId: string): Promise<boolean> {
  return inTransaction(ctx, async ({ tx }) => {
    if (!(await tx.agents.get(agentId))) return false;
    if (await tx.sessions.lock(agentId)) throw new DomainError('AGENT_BUSY', `agent ${agentId} is logged in`, { agentId });
    for (const queue of await tx.queues.queuesOfAgent(agentId)) await tx.queues.removeMember(queue, agentId);
    return tx.agents.delete(agentId);
  });
}
