import { DomainError } from '../errors/domain-error';
import { hangupOtherLegs } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { requireEngine } from '../kernel/engine';

/**
 * Ends the supervision an agent is running: its phone and the snoop are hung
 * up, and the supervision flow ends the call (and the agent's part in it) as
 * the engine reports them gone. An agent running none is NO_ACTIVE_CALL.
 */
export async function stopSupervision(ctx: CoreContext, request: { supervisorAgentId: string }): Promise<{ callId: string }> {
  requireEngine(ctx, 'stop supervision');
  const session = await ctx.store.direct.sessions.get(request.supervisorAgentId);
  if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.supervisorAgentId} is not logged in`);
  const callId = session.currentCallId;
  const noSupervision = () => new DomainError('NO_ACTIVE_CALL', `agent ${request.supervisorAgentId} supervises no call`);
  if (callId === null) throw noSupervision();
  return ctx.queue.run(callId, () =>
    inTransaction(ctx, async (uow) => {
      const call = await uow.tx.calls.lock(callId);
      if (!call || call.purpose !== 'supervision' || call.state === 'ended' || call.agentId !== request.supervisorAgentId) throw noSupervision();
      await hangupOtherLegs(ctx, uow, await uow.tx.calls.legsOf(callId), null);
      return { callId };
    }),
  );
}
