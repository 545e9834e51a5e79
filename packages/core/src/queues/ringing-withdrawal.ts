import type { AgentSession } from '../agents/agent';
import type { CallOf } from '../calls/call';
import { hangupLeg } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { answerWaitTimer, offersOf } from './call-offer';

type InboundCall = CallOf<'inbound'>;

/**
 * The queued call that rings the agent (its phone, or an offer it answers
 * through its client) and that no agent has taken yet; null when the agent is
 * in no such call. Read without the call's lock: the call's own flow decides
 * what follows (withdrawRinging).
 */
export async function callRingingFor(uow: UnitOfWork, session: AgentSession): Promise<InboundCall | null> {
  if (session.currentCallId === null) return null;
  const call = await uow.tx.calls.get(session.currentCallId);
  if (!call || call.state === 'ended' || call.purpose !== 'inbound') return null;
  return call.progress.stage === 'ringing_agent' ? call : null;
}

/**
 * The agent leaves a queued call that only rang it (its session ends): the
 * caller must not be hung up with it. The agent's phone legs of the call are
 * hung up and its offer lapses at once; the call's flow then finds no phone
 * left for the call and puts it back in its queue, as when a phone rings out
 * (queues/inbound-call-flow.ts). The call is left to its own flow because its
 * lock is taken before the agent's.
 */
export async function withdrawRinging(ctx: CoreContext, uow: UnitOfWork, session: AgentSession, call: InboundCall): Promise<void> {
  for (const entry of call.progress.agentLegs) {
    if (entry.agentId === session.agentId) await hangupLeg(ctx, uow, entry.legId);
  }
  const offer = offersOf(call).find((candidate) => candidate.agentId === session.agentId);
  if (offer) uow.afterCommit(() => ctx.callTimers.schedule(call.id, answerWaitTimer(offer.agentId, offer.at), 0));
}
