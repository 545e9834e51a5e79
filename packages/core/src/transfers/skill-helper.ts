import { DomainError } from '../errors/domain-error';
import { takesQueuedCalls } from '../agents/agent';
import type { Leg } from '../calls/call';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { orderCandidates } from '../queues/agent-selection';
import { candidatesOf } from '../queues/call-distribution';
import { dayOf } from '../queues/queue';
import { connectedCustomer, customerRoleOf, liveLegOf, type CustomerCall } from './agent-call';
import { dialHelperAgent } from './helper-agent';

/**
 * Asks a queue for help with an agent's customer call: the queue's next
 * available agent, in the order its strategy offers calls (penalties first),
 * is rung into the call as its helping agent (helper-agent.ts), the customer
 * held first with `parkCustomer`. Only an idle agent with a phone of its own
 * helps, as for help from one agent; the asking agent never helps itself.
 * No such queue (or an inactive one): QUEUE_NOT_FOUND; nobody of it free now: AGENT_BUSY.
 * The helper's phone leg and the helping agent.
 */
export async function dialQueueHelper<C extends CustomerCall>(
  ctx: CoreContext,
  uow: UnitOfWork,
  call: C,
  legs: readonly Leg[],
  queueName: string,
  parkCustomer: boolean,
): Promise<{ leg: Leg; helperAgentId: string }> {
  connectedCustomer(legs, customerRoleOf(call));
  if (liveLegOf(legs, 'third_party')) throw new DomainError('INVALID_ARGUMENT', 'a third party is already on the call');
  const queue = await uow.tx.queues.get(queueName);
  if (!queue || !queue.active) throw new DomainError('QUEUE_NOT_FOUND', `no active queue ${queueName}`, { queueName });
  const day = dayOf(uow.now);
  const candidates = (await candidatesOf(uow, queue, day)).filter(({ session }) => session.agentId !== call.agentId && session.conference === null);
  for (const candidate of orderCandidates(queue.strategy, candidates, day, (n) => ctx.ids.randomInt(n))) {
    // Read again under lock: the agent may have taken a call since the list was made.
    const session = await uow.tx.sessions.lock(candidate.session.agentId);
    if (!session || !takesQueuedCalls(session) || session.conference) continue;
    return { leg: await dialHelperAgent(ctx, uow, call, legs, session.agentId, parkCustomer), helperAgentId: session.agentId };
  }
  throw new DomainError('AGENT_BUSY', `no agent of queue ${queueName} is free to help`, { queueName });
}
