import { DomainError } from '../errors/domain-error';
import type { AgentSession } from './agent';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { agentOwner } from '../kernel/ids';

/** How an agent's calls are handled for the rest of the session; a field left out keeps its value. */
export interface CallHandlingRequest {
  agentId: string;
  /** Where the agent goes after each call (Huawei autoenteridle). A call already up ends the new way. */
  afterCall?: AgentSession['afterCall'];
  autoAnswer?: boolean;
  /** See `AgentSession.answerOnRequest`: for calls offered from now on. */
  answerOnRequest?: boolean;
  /** See `AgentSession.recordCalls`: for calls the agent talks in from now on. */
  recordCalls?: boolean;
}

export async function setCallHandling(ctx: CoreContext, request: CallHandlingRequest): Promise<AgentSession> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      const next: AgentSession = { ...session, afterCall: request.afterCall ?? session.afterCall, autoAnswer: request.autoAnswer ?? session.autoAnswer,
        answerOnRequest: request.answerOnRequest ?? session.answerOnRequest,
        ...(request.recordCalls === undefined ? {} : { recordCalls: request.recordCalls }),
      };
      await uow.tx.sessions.update(next);
      return next;
    }),
  );
}
