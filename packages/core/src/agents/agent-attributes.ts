import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import { inTransaction } from '../kernel/unit-of-work';
import type { Agent } from './agent';

/**
 * Sets some of an agent's dialect facts (a CRM's team id, ...), keeping the
 * others; in the agent's queue, so that it cannot lose a change another
 * command of the agent makes to them. Null when there is no such agent.
 */
export async function setAgentAttributes(ctx: CoreContext, request: { agentId: string; attributes: Readonly<Record<string, string>> }): Promise<Agent | null> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const agent = await uow.tx.agents.get(request.agentId);
      if (!agent) return null;
      const changed: Agent = { ...agent, attributes: { ...agent.attributes, ...request.attributes } };
      await uow.tx.agents.upsert(changed);
      return changed;
    }),
  );
}
