import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { ownerOf } from '../kernel/owner-queue';
import { inTransaction } from '../kernel/unit-of-work';

const nothingRinging = (agentId: string): DomainError => new DomainError('NO_ACTIVE_CALL', `the phone of agent ${agentId} rings for no call`);

/**
 * The agent turns away the call its phone rings for (a phone's reject key,
 * pressed from the client): the ringing leg of the agent's phone in its
 * current call is hung up as busy. It is not marked as the gateway's
 * hang-up: the phone itself refused, so the call's flow takes it as any
 * phone that turns a call away (a queued call goes back to its queue, the
 * agent's own callout or internal call fails, a help is not given) and the
 * phone's release says the agent released it. NO_ACTIVE_CALL when the
 * agent's phone rings for nothing (idle, already answered, a call offered
 * for an answer through the client that has not rung the phone yet).
 */
export async function rejectRingingPhone(ctx: CoreContext, request: { agentId: string }): Promise<{ callId: string; legId: string }> {
  const { agentId } = request;
  const session = await ctx.store.direct.sessions.get(agentId);
  if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`);
  const callId = session.currentCallId;
  if (callId === null || !session.device) throw nothingRinging(agentId);
  return ctx.queue.run(ownerOf(callId), () =>
    inTransaction(ctx, async (uow) => {
      const call = await uow.tx.calls.lock(callId);
      if (!call || call.state === 'ended') throw nothingRinging(agentId);
      const leg = (await uow.tx.calls.legsOf(callId)).find((one) => one.endpoint === session.device && one.state === 'ringing' && !one.hangupRequested);
      if (!leg) throw nothingRinging(agentId);
      uow.engine.command('reject ringing phone', () => ctx.pbx.hangup(leg.id, 'busy'));
      return { callId, legId: leg.id };
    }),
  );
}
