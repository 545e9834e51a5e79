import type { CallOf } from '../calls/call';
import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';

/**
 * Runs `work` on the supervision an agent is running, with its call locked
 * and in the call's turn of the command queue, so that a stop and a switch
 * for one supervisor never overlap. An agent not logged in is
 * AGENT_NOT_LOGGED_IN; one supervising nothing (or whose call has ended) is
 * NO_ACTIVE_CALL.
 */
export async function withAgentSupervision<T>(
  ctx: CoreContext,
  supervisorAgentId: string,
  work: (uow: UnitOfWork, call: CallOf<'supervision'>) => Promise<T>,
): Promise<T> {
  const session = await ctx.store.direct.sessions.get(supervisorAgentId);
  if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${supervisorAgentId} is not logged in`);
  const callId = session.currentCallId;
  const noSupervision = () => new DomainError('NO_ACTIVE_CALL', `agent ${supervisorAgentId} supervises no call`);
  if (callId === null) throw noSupervision();
  return ctx.queue.run(callId, () =>
    inTransaction(ctx, async (uow) => {
      const call = await uow.tx.calls.lock(callId);
      if (!call || call.purpose !== 'supervision' || call.state === 'ended' || call.agentId !== supervisorAgentId) throw noSupervision();
      return work(uow, call);
    }),
  );
}
