import { timerActionDueInMs } from '../agents/timer-action';
import type { CallOf } from '../calls/call';
import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import { liveLegOf } from './agent-call';
import { isParked } from './park';
import { addThirdPartyLeg } from './third-party';

/**
 * Sets the timer of an agent's timer action on a call. Timers live in
 * memory: after a restart reconciliation arms again the ones still to come.
 */
export function scheduleTimerAction(ctx: CoreContext, agentId: string, callId: string, ms: number): void {
  ctx.timers.setTimeout(() => {
    void carryOutTimerAction(ctx, agentId, callId).catch((error: unknown) => ctx.logger.error('timer action failed', { agentId, callId, error: String(error) }));
  }, ms);
}

/**
 * The agent's timer action comes due on its call: it is used up (it comes
 * due once), its preset number, if any, is dialled into the call as a
 * third party (as the agent's 3-way call would be), and the agent is told
 * (AgentTimerActionDue, with the message for its screen). A timer of an
 * action replaced or cleared since, or of a call the agent is no longer on,
 * finds nothing to do; one that fires early waits again for the rest.
 */
async function carryOutTimerAction(ctx: CoreContext, agentId: string, callId: string): Promise<void> {
  await ctx.queue.run(agentOwner(agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(agentId);
      if (!session?.timerAction || session.currentCallId !== callId) return;
      const call = await uow.tx.calls.lock(callId);
      if (!call || call.state === 'ended' || call.purpose !== 'agent_customer') return;
      const dueInMs = timerActionDueInMs(session.timerAction, call, uow.now);
      if (dueInMs === null) return;
      if (dueInMs > 0) {
        scheduleTimerAction(ctx, agentId, callId, dueInMs);
        return;
      }
      const action = session.timerAction;
      await uow.tx.sessions.update({ ...session, timerAction: null });
      const dialedLegId = action.dialNumber ? await dialPreset(ctx, uow, call, action.dialNumber, action.dialDtmf ?? null) : null;
      uow.publish({ type: 'AgentTimerActionDue', agentId, callId, action: action.action, message: action.message, dialedLegId, at: uow.now });
    }),
  );
}

/**
 * Dials the preset into the call with the customer; its keys, if any, go
 * to the third party once it answers. Not while the customer
 * is parked or gone, nor while a third party is on the call (the gateway
 * keeps one per call), nor a number that cannot be dialled: the action is
 * then used up with nothing dialled, as a screen's dial that fails.
 */
async function dialPreset(ctx: CoreContext, uow: UnitOfWork, call: CallOf<'agent_customer'>, number: string, dtmf: string | null): Promise<string | null> {
  const legs = await uow.tx.calls.legsOf(call.id);
  const customer = liveLegOf(legs, 'customer');
  if (call.progress.agentLeft || customer?.state !== 'up' || isParked(call, customer) || liveLegOf(legs, 'third_party')) return null;
  try {
    const { leg } = await addThirdPartyLeg(ctx, uow, call, legs, { number, callerId: null, dtmf });
    return leg.id;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    ctx.logger.warn('timer action preset not dialled', { agentId: call.agentId, callId: call.id, code: error.code });
    return null;
  }
}
