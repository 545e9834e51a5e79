import { startCall, takesQueuedCalls, type AgentSession } from '../agents/agent';
import type { CallOf } from '../calls/call';
import { newLeg } from '../calls/call-factory';
import { bridgeLeg, dialLeg } from '../calls/call-primitives';
import { hangupLeg } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { orderCandidates, type QueueCandidate } from './agent-selection';
import { callsTakenOn, dayOf, type Queue } from './queue';
import type { CallFlow } from '../calls/call-flow';

type InboundCall = CallOf<'inbound'>;

/**
 * Gives a waiting call to the first available agent of its queue, in the
 * order of the queue's strategy: into the agent's session conference when
 * the session has one, else by ringing the agent's phone (the caller keeps
 * the music until it answers). The call as it stands afterwards; still
 * `waiting` when nobody can take it now. `flow` is the inbound call's own
 * (passed in: the flow offers its calls again through here).
 */
export async function offerCall(ctx: CoreContext, uow: UnitOfWork, call: InboundCall, flow: CallFlow<'inbound'>): Promise<InboundCall> {
  if (call.progress.stage !== 'waiting' || call.progress.queueName === null) return call;
  const queue = await uow.tx.queues.get(call.progress.queueName);
  if (!queue) return call;
  const day = dayOf(uow.now);
  for (const candidate of orderCandidates(queue.strategy, await candidatesOf(uow, queue, day), day, (n) => ctx.ids.randomInt(n))) {
    // Read again under lock: the agent may have taken another call meanwhile.
    const session = await uow.tx.sessions.lock(candidate.session.agentId);
    if (session && takesQueuedCalls(session)) return deliver(ctx, uow, call, session, queue, flow);
  }
  return call;
}

async function candidatesOf(uow: UnitOfWork, queue: Queue, day: string): Promise<QueueCandidate[]> {
  const candidates: QueueCandidate[] = [];
  for (const member of queue.members) {
    if (member.paused || (member.dailyLimit !== null && callsTakenOn(member, day) >= member.dailyLimit)) continue;
    const session = await uow.tx.sessions.get(member.agentId);
    if (session && takesQueuedCalls(session)) candidates.push({ session, member });
  }
  return candidates;
}

async function deliver(ctx: CoreContext, uow: UnitOfWork, call: InboundCall, session: AgentSession, queue: Queue, flow: CallFlow<'inbound'>): Promise<InboundCall> {
  const { tx, now } = uow;
  await tx.sessions.update(startCall(session, call.id, now));
  await tx.queues.countCallTaken(queue.name, session.agentId, dayOf(now));
  uow.publish({ type: 'AgentStateChanged', agentId: session.agentId, from: session.state, to: 'in_call', reason: 'call', at: now });
  const callerLegId = call.progress.callerLegId;
  if (session.conference) {
    const bridgeId = session.conference.bridgeId;
    const connected: InboundCall = { ...call, agentId: session.agentId, bridgeId, progress: { ...call.progress, stage: 'connected' } };
    await tx.calls.update(connected);
    uow.engine.bestEffort('stop music on hold', () => ctx.pbx.setMusicOnHold(callerLegId, null));
    bridgeLeg(ctx, uow, bridgeId, callerLegId, { what: 'bridge caller into conference', whenGone: (next) => hangupLeg(ctx, next, callerLegId) });
    return connected;
  }
  const legs = await tx.calls.legsOf(call.id);
  const agentLeg = newLeg(call, legs.length + 1, 'agent', session.device, { number: call.fromNumber, name: '' }, now, { dialedNumber: session.phoneNumber });
  await tx.calls.insertLeg(agentLeg);
  const ringing: InboundCall = { ...call, agentId: session.agentId, progress: { ...call.progress, stage: 'ringing_agent', agentLegId: agentLeg.id } };
  await tx.calls.update(ringing);
  dialLeg(ctx, uow, agentLeg, { what: 'ring agent phone', timeoutSec: ctx.config.agentRingTimeoutSec, flow, refusal: 'ordinary' });
  return ringing;
}
