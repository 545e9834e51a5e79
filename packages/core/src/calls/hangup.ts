import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { ownerOf } from '../kernel/owner-queue';
import { agentOwner } from '../kernel/ids';
import type { Leg } from './call';
import { agentOfInternalLeg } from './agent-internal-call-flow';

/**
 * Hangs up the customer side of the agent's current call; the agent's own
 * phone stays. Of a call between two agents, the other agent's phone is that
 * side. Without a call there is nothing to do, which is not an error.
 */
export async function hangupAgentCustomer(ctx: CoreContext, request: { agentId: string }): Promise<{ hungUp: boolean }> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      if (!session.currentCallId) return { hungUp: false };
      const call = await uow.tx.calls.get(session.currentCallId);
      const legs = await uow.tx.calls.legsOf(session.currentCallId);
      const ownPhone = (leg: Leg): boolean =>
        call?.purpose === 'agent_internal' ? agentOfInternalLeg(call, leg) === request.agentId : leg.role === 'agent';
      const customers = legs.filter((leg) => !ownPhone(leg) && leg.state !== 'ended');
      for (const leg of customers) {
        await uow.tx.calls.updateLeg({ ...leg, hangupRequested: true });
        uow.engine.command('hang up customer', () => ctx.pbx.hangup(leg.id));
      }
      return { hungUp: customers.length > 0 };
    }),
  );
}

/** Hangs up a live leg by the channel name the engine gave it. */
export async function hangupChannel(ctx: CoreContext, request: { channelName: string }): Promise<{ found: boolean }> {
  const leg = await ctx.store.direct.calls.findLiveLegByChannelName(request.channelName);
  if (!leg) return { found: false };
  return ctx.queue.run(ownerOf(leg.id), () =>
    inTransaction(ctx, async (uow) => {
      const current = await uow.tx.calls.getLeg(leg.id);
      if (!current || current.state === 'ended') return { found: false };
      await uow.tx.calls.updateLeg({ ...current, hangupRequested: true });
      uow.engine.command('hang up channel', () => ctx.pbx.hangup(current.id));
      return { found: true };
    }),
  );
}
