import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';

/** What a copy took from its source: the queues joined and the campaigns ranked. */
export interface AgentStandingCopied {
  queues: string[];
  campaigns: number;
}

/**
 * Gives an agent another agent's standing: the queues the source belongs
 * to for good (its static memberships: a dynamic one lasts a session only,
 * it is not part of the account) with their penalty, weight, grade and
 * daily limit, and its rank and grade in each campaign. The copy joins as a
 * static member, as VICIdial's copied in-group rows stay with the user.
 */
export async function copyAgentStanding(ctx: CoreContext, request: { fromAgentId: string; toAgentId: string }): Promise<AgentStandingCopied> {
  const { fromAgentId, toAgentId } = request;
  return inTransaction(ctx, async ({ tx }) => {
    const queues: string[] = [];
    for (const name of await tx.queues.membershipsOfAgent(fromAgentId)) {
      const member = (await tx.queues.get(name))?.members.find((candidate) => candidate.agentId === fromAgentId);
      if (member?.membership !== 'static') continue;
      const { penalty, weight, grade, dailyLimit } = member;
      await tx.queues.putMember(name, { agentId: toAgentId, penalty, membership: 'static', weight, grade, dailyLimit });
      queues.push(name);
    }
    let campaigns = 0;
    for (const ranked of await tx.campaigns.agentRanks(fromAgentId)) {
      campaigns += await tx.campaigns.putAgentRanks(toAgentId, { rank: ranked.rank, grade: ranked.grade }, ranked.campaignId);
    }
    return { queues, campaigns };
  });
}
