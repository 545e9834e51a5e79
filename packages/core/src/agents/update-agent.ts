import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { Agent } from './agent';

/** What an update changes; a field left out stays as it is. */
export interface AgentChanges {
  name?: string;
  /** A new password, stored only as a hash. */
  secret?: string;
  device?: string | null;
  active?: boolean;
  externalId?: string | null;
  /** Attributes set (an empty value removes one); the others stay. */
  attributes?: Readonly<Record<string, string>>;
}

/** Changes an agent's account (AGENT_NOT_FOUND when there is none); its session, if any, goes on as it is. */
export async function updateAgent(ctx: CoreContext, request: { agentId: string; changes: AgentChanges }): Promise<Agent> {
  const { changes } = request;
  const secretHash = changes.secret === undefined ? undefined : await ctx.hasher.hash(changes.secret);
  return inTransaction(ctx, async ({ tx }) => {
    const agent = await tx.agents.get(request.agentId);
    if (!agent) throw new DomainError('AGENT_NOT_FOUND', `agent ${request.agentId} does not exist`, { agentId: request.agentId });
    const attributes: Record<string, string> = { ...agent.attributes };
    for (const [name, value] of Object.entries(changes.attributes ?? {})) {
      if (value === '') delete attributes[name];
      else attributes[name] = value;
    }
    const updated: Agent = {
      ...agent,
      name: changes.name ?? agent.name,
      secretHash: secretHash ?? agent.secretHash,
      device: changes.device === undefined ? agent.device : changes.device,
      active: changes.active ?? agent.active,
      externalId: changes.externalId === undefined ? agent.externalId : changes.externalId,
      attributes,
    };
    await tx.agents.upsert(updated);
    return updated;
  });
}
