import { QUEUED_CALL, startCall, takesQueuedCalls, type AgentSession } from '../agents/agent';
import type { CallOf, Leg } from '../calls/call';
import type { CallFlow } from '../calls/call-flow';
import { newLeg } from '../calls/call-factory';
import { bridgeLeg, endLeg, ringTogether } from '../calls/call-primitives';
import { answerWhenTaken } from './answer-when-taken';
import { hangupLeg } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { orderCandidates, type QueueCandidate } from './agent-selection';
import { answerWaitTimer } from './call-offer';
import { callsTakenOn, dayOf, type Queue, type QueueMember } from './queue';

type InboundCall = CallOf<'inbound'>;

/** Strategies that ring every available phone at once; the first to answer gets the call. */
const RING_ALL = new Set(['ringall', 'ring_all']);

/**
 * Gives a waiting call to the first available agent of its queue, in the
 * order of the queue's strategy: into the agent's session conference when
 * the session has one, else by ringing the agent's phone (every available
 * phone at once for `ringall`); the caller keeps the music until a phone
 * answers. The call as it stands afterwards; still `waiting` when nobody can
 * take it now. `flow` is the inbound call's own (passed in: the flow offers
 * its calls again through here).
 */
export async function offerCall(ctx: CoreContext, uow: UnitOfWork, call: InboundCall, flow: CallFlow<'inbound'>): Promise<InboundCall> {
  if (call.progress.stage !== 'waiting' || call.progress.queueName === null) return call;
  const queue = await uow.tx.queues.get(call.progress.queueName);
  if (!queue) return call;
  const day = dayOf(uow.now);
  const phones: AgentSession[] = [];
  let lowestPenalty: number | null = null;
  const candidates = call.progress.forAgentId ? await theAgentOf(uow, queue, call.progress.forAgentId) : await candidatesOf(uow, queue, day);
  for (const candidate of orderCandidates(queue.strategy, candidates, day, (n) => ctx.ids.randomInt(n))) {
    // Read again under lock: the agent may have taken another call meanwhile.
    const session = await uow.tx.sessions.lock(candidate.session.agentId);
    if (!session || !takesQueuedCalls(session)) continue;
    if (session.conference) {
      if (phones.length === 0) return intoConference(ctx, uow, call, session, queue);
      continue;
    }
    // ringall rings the available members of the lowest penalty only, as Asterisk does.
    lowestPenalty ??= candidate.member.penalty;
    if (candidate.member.penalty > lowestPenalty) break;
    phones.push(session);
    if (!RING_ALL.has(queue.strategy)) break;
  }
  return phones.length > 0 ? ringAgents(ctx, uow, call, phones, queue, flow) : call;
}

/** The queue's members who could take a call now (not paused, under their daily limit, their sessions taking queued calls). */
export async function candidatesOf(uow: UnitOfWork, queue: Queue, day: string): Promise<QueueCandidate[]> {
  const candidates: QueueCandidate[] = [];
  for (const member of queue.members) {
    if (member.paused || (member.dailyLimit !== null && callsTakenOn(member, day) >= member.dailyLimit)) continue;
    const session = await uow.tx.sessions.get(member.agentId);
    if (session && takesQueuedCalls(session)) candidates.push({ session, member });
  }
  return candidates;
}

/**
 * A call for one agent only waits for that agent, whether or not it is a
 * member of the queue; the queue's membership, where there is one, still
 * counts the call (and its pause still holds the call back).
 */
async function theAgentOf(uow: UnitOfWork, queue: Queue, agentId: string): Promise<QueueCandidate[]> {
  const member = queue.members.find((candidate) => candidate.agentId === agentId);
  if (member?.paused) return [];
  const session = await uow.tx.sessions.get(agentId);
  if (!session || !takesQueuedCalls(session)) return [];
  return [{ session, member: member ?? directMember(agentId) }];
}

/** The stand-in membership of an agent a call is directed to outside the queue's members. */
const directMember = (agentId: string): QueueMember => ({
  agentId,
  penalty: 0,
  paused: false,
  membership: 'dynamic',
  weight: 0,
  grade: 0,
  dailyLimit: null,
  callsToday: 0,
  callsTodayOn: null,
});

/**
 * A caller transferred in for a lead brings the lead to the agent who takes
 * it (VICIdial's closer sees the fronter's lead): the agent gives it its
 * disposition after the call.
 */
export async function handOverLead(uow: UnitOfWork, agentId: string, call: InboundCall): Promise<void> {
  const leadId = call.progress.leadId ?? null;
  if (leadId === null) return;
  const session = await uow.tx.sessions.lock(agentId);
  if (session?.currentCallId === call.id) await uow.tx.sessions.update({ ...session, lead: { leadId, callId: call.id }, previewLeadId: null, pendingDisposition: null });
}

/** The agent is in a call from now on (ringing for it counts: the agent is kept for it). */
async function occupy(uow: UnitOfWork, session: AgentSession, callId: string): Promise<void> {
  await uow.tx.sessions.update(startCall(session, callId, uow.now));
  uow.publish({ type: 'AgentStateChanged', agentId: session.agentId, from: session.state, to: 'in_call', reason: QUEUED_CALL, at: uow.now });
}

async function intoConference(ctx: CoreContext, uow: UnitOfWork, call: InboundCall, session: AgentSession, queue: Queue): Promise<InboundCall> {
  await occupy(uow, session, call.id);
  await handOverLead(uow, session.agentId, call);
  await uow.tx.queues.countCallTaken(queue.name, session.agentId, dayOf(uow.now));
  const bridgeId = session.conference!.bridgeId;
  const callerLegId = call.progress.callerLegId;
  const connected: InboundCall = { ...answerWhenTaken(ctx, uow, call), agentId: session.agentId, bridgeId, progress: { ...call.progress, stage: 'connected', connectedAt: uow.now.toISOString() } };
  await uow.tx.calls.update(connected);
  uow.publish({ type: 'InboundCallOffered', call: connected, agentId: session.agentId, queueName: queue.name, at: uow.now });
  uow.engine.bestEffort('stop music on hold', () => ctx.pbx.setMusicOnHold(callerLegId, null));
  bridgeLeg(ctx, uow, bridgeId, callerLegId, { what: 'bridge caller into conference', whenGone: (next) => hangupLeg(ctx, next, callerLegId) });
  return connected;
}

async function ringAgents(
  ctx: CoreContext,
  uow: UnitOfWork,
  call: InboundCall,
  sessions: readonly AgentSession[],
  queue: Queue,
  flow: CallFlow<'inbound'>,
): Promise<InboundCall> {
  let ordinal = (await uow.tx.calls.legsOf(call.id)).length;
  const rung: Array<{ leg: Leg; agentId: string }> = [];
  const offers = [...(call.progress.offers ?? [])];
  for (const session of sessions) {
    if (session.answerOnRequest) {
      await occupy(uow, session, call.id);
      const at = uow.now.toISOString();
      offers.push({ agentId: session.agentId, at });
      ctx.callTimers.schedule(call.id, answerWaitTimer(session.agentId, at), ctx.config.agentRingTimeoutSec * 1000);
      continue;
    }
    ordinal += 1;
    const leg = newLeg(call, ordinal, 'agent', session.device, { number: call.fromNumber, name: '' }, uow.now, { dialedNumber: session.phoneNumber });
    await uow.tx.calls.insertLeg(leg);
    await occupy(uow, session, call.id);
    rung.push({ leg, agentId: session.agentId });
  }
  const agentLegs = [...call.progress.agentLegs, ...rung.map(({ leg, agentId }) => ({ legId: leg.id, agentId }))];
  const ringing: InboundCall = { ...call, progress: { ...call.progress, stage: 'ringing_agent', agentLegs, ...(offers.length > 0 ? { offers } : {}) } };
  await uow.tx.calls.update(ringing);
  for (const { agentId } of offers.filter((offer) => !call.progress.offers?.includes(offer))) {
    uow.publish({ type: 'InboundCallOffered', call: ringing, agentId, queueName: queue.name, at: uow.now });
  }
  if (rung.length === 0) return ringing;
  for (const { agentId } of rung) uow.publish({ type: 'InboundCallOffered', call: ringing, agentId, queueName: queue.name, at: uow.now });
  ringTogether(ctx, uow, rung.map(({ leg }) => leg), {
    what: 'ring agent phones',
    timeoutSec: ctx.config.agentRingTimeoutSec,
    // A phone the engine would not ring ends like one that did not answer.
    refused: async (next, notRung) => {
      for (const leg of notRung) {
        const current = await next.tx.calls.getLeg(leg.id);
        const ongoing = await next.tx.calls.lock(call.id);
        if (!current || current.state === 'ended' || !ongoing || ongoing.state === 'ended') continue;
        await endLeg(ctx, next, ongoing, { ...current, hangupRequested: true }, 0, 'Unknown', flow);
      }
    },
  });
  return ringing;
}
