import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { takesQueuedCalls, type AgentSession } from './agent';

/**
 * An agent who has just become free for queued calls (logged in, resumed,
 * done with a call, given new queues) is offered the calls waiting in the
 * agent's queues, once the change has committed.
 */
export function offerWaitingCallsTo(ctx: CoreContext, uow: UnitOfWork, session: AgentSession): void {
  if (!takesQueuedCalls(session)) return;
  const agentId = session.agentId;
  uow.afterCommit(() => ctx.distribution.offerWaitingCallsTo(agentId));
}
