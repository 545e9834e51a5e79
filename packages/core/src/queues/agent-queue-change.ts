import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import { inTransaction } from '../kernel/unit-of-work';
import { offerWaitingCallsTo } from '../agents/availability';
import type { QueueMember } from './queue';

export interface AgentQueueChange {
  agentId: string;
  /** `replace`: serve exactly `queues`; `add`: these as well; `remove`: these no more. */
  change: 'replace' | 'add' | 'remove';
  queues: readonly string[];
  /** Takes outbound calls as well (AgentSession.blended); null leaves it as it is. */
  blended: boolean | null;
  /**
   * The agent's facts in the queues named by `add` and `replace` (a VoIPSUN
   * penalty): set on joining, and on a queue already served. Left out, a
   * queue joined starts with the defaults and a queue kept keeps its own.
   */
  member?: Partial<Pick<QueueMember, 'penalty' | 'weight' | 'grade' | 'dailyLimit'>>;
  /**
   * Facts saved on the agent with the change, in the same transaction, from
   * the agent's queues afterwards (VICIdial's set_as_default keeps the list
   * as the user's default).
   */
  agentAttributes?: (queues: readonly string[]) => Readonly<Record<string, string>>;
}

/**
 * Changes the queues a logged-in agent serves. A queue the agent keeps
 * keeps its weight, grade, daily limit and count of calls; a queue joined
 * is joined as a dynamic member (left at logout); a queue given up is left,
 * unless the membership is provisioned (static): like Asterisk's static
 * queue members, those stay whatever a client asks. Resolves with the
 * agent's queues afterwards, in the order they were joined.
 */
export async function changeAgentQueues(ctx: CoreContext, request: AgentQueueChange): Promise<{ queues: string[] }> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const { tx } = uow;
      const session = await tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      const named = [...new Set(request.queues)];
      for (const name of named) {
        if (!(await tx.queues.get(name))) throw new DomainError('QUEUE_NOT_FOUND', `no queue ${name}`, { queue: name });
      }
      const current = await tx.queues.membershipsOfAgent(request.agentId);
      const provisioned = new Set<string>();
      for (const name of current) {
        const member = (await tx.queues.get(name))?.members.find((candidate) => candidate.agentId === request.agentId);
        if (member?.membership === 'static') provisioned.add(name);
      }
      const given = request.change === 'remove' ? named : request.change === 'replace' ? current.filter((name) => !named.includes(name)) : [];
      const leaving = given.filter((name) => current.includes(name) && !provisioned.has(name));
      const joining = request.change === 'remove' ? [] : named.filter((name) => !current.includes(name));
      for (const name of leaving) await tx.queues.removeMember(name, request.agentId);
      const member = request.member ?? {};
      for (const name of joining) await tx.queues.putMember(name, { ...member, agentId: request.agentId, penalty: member.penalty ?? 0, membership: 'dynamic' });
      if (request.member && request.change !== 'remove') {
        for (const name of named.filter((queue) => current.includes(queue))) {
          const kept = (await tx.queues.get(name))?.members.find((candidate) => candidate.agentId === request.agentId);
          if (kept) await tx.queues.putMember(name, { ...member, agentId: request.agentId, penalty: member.penalty ?? kept.penalty, membership: kept.membership });
        }
      }
      if (joining.length > 0) await tx.queues.setPausedForAgent(request.agentId, session.state === 'paused');
      const next = request.blended === null || request.blended === session.blended ? session : { ...session, blended: request.blended };
      if (next !== session) await tx.sessions.update(next);
      const queues = await tx.queues.membershipsOfAgent(request.agentId);
      if (request.agentAttributes) {
        const agent = await tx.agents.get(request.agentId);
        if (agent) await tx.agents.upsert({ ...agent, attributes: { ...agent.attributes, ...request.agentAttributes(queues) } });
      }
      if (joining.length > 0) offerWaitingCallsTo(ctx, uow, next);
      return { queues };
    }),
  );
}
