import { DomainError } from '../errors/domain-error';
import { WRAP_UP_REQUESTED } from './agent';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { agentOwner } from '../kernel/ids';

/** What a request for after-call work did: begun now, deferred to the end of the current call, or nothing (already in it). */
export type AfterCallWorkOutcome = 'wrap_up' | 'wrap_up_pending' | 'already_wrap_up';

/**
 * Puts an agent into after-call work at its own request (Huawei `work`):
 * now when idle or paused, when the call ends during one (the request
 * replaces a pause asked for during the call, as the later request wins).
 */
export async function startAfterCallWork(ctx: CoreContext, request: { agentId: string }): Promise<AfterCallWorkOutcome> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      if (session.state === 'wrap_up') return 'already_wrap_up';
      if (session.state === 'in_call') {
        await uow.tx.sessions.update({ ...session, pendingWrapUp: true, pendingPause: null });
        return 'wrap_up_pending';
      }
      await uow.tx.sessions.update({ ...session, state: 'wrap_up', pauseReason: null, pauseLimitSec: null, stateChangedAt: uow.now });
      if (session.state === 'paused') await uow.tx.queues.setPausedForAgent(session.agentId, false);
      uow.publish({ type: 'AgentStateChanged', agentId: session.agentId, from: session.state, to: 'wrap_up', reason: WRAP_UP_REQUESTED, at: uow.now });
      return 'wrap_up';
    }),
  );
}
