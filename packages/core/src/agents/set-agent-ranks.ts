import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { RankChange } from './agent-rank';

/**
 * Sets the agent's rank and grade in every campaign there is, or only in
 * `campaignId` (nothing when it does not exist). Resolves with the number of
 * campaigns changed.
 */
export async function setAgentCampaignRanks(ctx: CoreContext, request: { agentId: string; change: RankChange; campaignId: string | null }): Promise<number> {
  return inTransaction(ctx, ({ tx }) => tx.campaigns.putAgentRanks(request.agentId, request.change, request.campaignId));
}

/**
 * Sets the agent's weight (its in-group rank) and grade in the queues it is
 * a member of, or only in `queueName`; a member keeps its penalty, pause,
 * count and place. Queues the agent joins later start with their defaults.
 * Resolves with the queues changed.
 */
export async function setAgentQueueRanks(ctx: CoreContext, request: { agentId: string; change: RankChange; queueName: string | null }): Promise<string[]> {
  const { agentId, change } = request;
  return inTransaction(ctx, async ({ tx }) => {
    const memberships = await tx.queues.membershipsOfAgent(agentId);
    const changed: string[] = [];
    for (const name of memberships.filter((queue) => request.queueName === null || queue === request.queueName)) {
      const member = (await tx.queues.get(name))?.members.find((candidate) => candidate.agentId === agentId);
      if (!member) continue;
      await tx.queues.putMember(name, { agentId, penalty: member.penalty, membership: member.membership, weight: change.rank, grade: change.grade });
      changed.push(name);
    }
    return changed;
  });
}
