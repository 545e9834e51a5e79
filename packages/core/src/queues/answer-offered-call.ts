import { DomainError } from '../errors/domain-error';
import type { CallOf } from '../calls/call';
import { newLeg } from '../calls/call-factory';
import { dialLeg } from '../calls/call-primitives';
import type { CoreContext } from '../kernel/context';
import { ownerOf } from '../kernel/owner-queue';
import { inTransaction } from '../kernel/unit-of-work';
import { offersOf, withoutOffer } from './call-offer';
import { inboundCall, releaseAgent } from './inbound-call-flow';

type InboundCall = CallOf<'inbound'>;

const noCallOffered = (agentId: string): DomainError => new DomainError('NO_ACTIVE_CALL', `no call is offered to agent ${agentId}`);

/**
 * The agent answers, through its client, the queued call offered to it
 * (`AgentSession.answerOnRequest`): the call is the agent's from now on (any
 * other agent it was offered to is let go) and the agent's phone is rung for
 * it; once the phone answers, the call is bridged as any queued call is
 * (queues/inbound-call-flow.ts). NO_ACTIVE_CALL when no call waits for this
 * agent's answer; a phone the engine will not ring fails the command
 * (PBX_REJECTED) and the call goes back to its queue.
 */
export async function answerOfferedCall(ctx: CoreContext, request: { agentId: string }): Promise<{ callId: string }> {
  const { agentId } = request;
  const session = await ctx.store.direct.sessions.get(agentId);
  if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`);
  const callId = session.currentCallId;
  if (callId === null) throw noCallOffered(agentId);
  // The call's queue, and its lock before the agent's, as the call's own flow takes them.
  return ctx.queue.run(ownerOf(callId), () =>
    inTransaction(ctx, async (uow) => {
      const call = await uow.tx.calls.lock(callId);
      if (!call || call.state === 'ended' || call.purpose !== 'inbound') throw noCallOffered(agentId);
      const offered = call as InboundCall;
      if (offered.progress.stage !== 'ringing_agent' || !offersOf(offered).some((offer) => offer.agentId === agentId)) throw noCallOffered(agentId);
      const current = await uow.tx.sessions.lock(agentId);
      if (!current || current.currentCallId !== callId) throw noCallOffered(agentId);
      const others = offersOf(withoutOffer(offered, agentId));
      for (const other of others) await releaseAgent(ctx, uow, other.agentId, callId, 'not_chosen');
      const legs = await uow.tx.calls.legsOf(callId);
      const leg = newLeg(offered, legs.length + 1, 'agent', current.device, { number: offered.fromNumber, name: '' }, uow.now, { dialedNumber: current.phoneNumber });
      await uow.tx.calls.insertLeg(leg);
      const answering: InboundCall = { ...offered, progress: { ...offered.progress, offers: [], agentLegs: [...offered.progress.agentLegs, { legId: leg.id, agentId }] } };
      await uow.tx.calls.update(answering);
      dialLeg(ctx, uow, leg, { timeoutSec: ctx.config.agentRingTimeoutSec, flow: inboundCall, refusal: 'reported', what: 'ring the answering agent' });
      return { callId };
    }),
  );
}
