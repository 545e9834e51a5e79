import { endCall } from '../agents/agent';
import { endAgentSession } from '../agents/session-end';
import type { CallOf } from '../calls/call';
import type { CallFlow } from '../calls/call-flow';
import type { InboundEnd } from '../calls/call-progress';
import { completeCallIfOver, lockOngoing, publishPhoneReleased, recordLegAnswered } from '../calls/call-lifecycle';
import { bridgeLeg } from '../calls/call-primitives';
import { hangupLeg, hangupOtherLegs } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import { callBridgeId } from '../kernel/ids';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { offerCall } from './call-distribution';

type InboundCall = CallOf<'inbound'>;

/** The timer of a caller's longest wait in a queue. */
export const QUEUE_TIMEOUT = 'queue_timeout';

/**
 * A call that came in on a public number (queues/inbound-arrival.ts): it
 * waits with music on hold until an agent of its queue takes it, in the
 * agent's session conference or on the agent's phone. A caller who hangs up
 * first abandons it; the queue's longest wait ends it; an agent's phone that
 * does not answer puts the call back in the queue and pauses the agent.
 */
export const inboundCall: CallFlow<'inbound'> = {
  async onLegRinging(_ctx, uow, call, leg) {
    if (leg.role === 'agent') uow.publish({ type: 'AgentPhoneRinging', agentId: call.agentId!, callId: call.id, legId: leg.id, at: uow.now });
  },

  async onLegAnswered(ctx, uow, call, leg) {
    if (leg.role !== 'agent') return call;
    if (call.progress.stage !== 'ringing_agent' || call.progress.agentLegId !== leg.id) {
      // Answered too late: the call went elsewhere, or ended.
      await hangupLeg(ctx, uow, leg.id);
      return call;
    }
    await recordLegAnswered(uow, call, leg);
    uow.publish({ type: 'AgentPhoneAnswered', agentId: call.agentId!, callId: call.id, legId: leg.id, at: uow.now });
    const bridgeId = callBridgeId(call.id);
    const connected: InboundCall = { ...call, bridgeId, progress: { ...call.progress, stage: 'connected' } };
    await uow.tx.calls.update(connected);
    const callerLegId = call.progress.callerLegId;
    bridgeLeg(ctx, uow, bridgeId, leg.id, { what: 'bridge agent' });
    uow.engine.bestEffort('stop music on hold', () => ctx.pbx.setMusicOnHold(callerLegId, null));
    bridgeLeg(ctx, uow, bridgeId, callerLegId, { what: 'bridge caller', create: false, whenGone: (next) => hangupLeg(ctx, next, leg.id) });
    return connected;
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    let current = call;
    if (leg.role === 'caller') {
      if (call.progress.stage === 'waiting' || call.progress.stage === 'ringing_agent') current = await withStage(uow, call, 'abandoned');
      await hangupOtherLegs(ctx, uow, legs, null);
    } else if (leg.role === 'agent') {
      publishPhoneReleased(uow, call, leg);
      if (call.progress.agentLegId === leg.id && call.progress.stage === 'connected') {
        await hangupOtherLegs(ctx, uow, legs, null);
      } else if (call.progress.agentLegId === leg.id && call.progress.stage === 'ringing_agent') {
        current = await backToQueue(ctx, uow, call);
      }
    }
    return (await completeCallIfOver(ctx, uow, current, await uow.tx.calls.legsOf(call.id))) ?? current;
  },

  async onTimer(ctx, uow, call, timer) {
    if (timer !== QUEUE_TIMEOUT || (call.progress.stage !== 'waiting' && call.progress.stage !== 'ringing_agent')) return call;
    const timedOut = await withStage(uow, { ...call, hangupSide: call.hangupSide ?? 'system' }, 'timed_out');
    await hangupOtherLegs(ctx, uow, await uow.tx.calls.legsOf(call.id), null);
    return timedOut;
  },
};

async function withStage(uow: UnitOfWork, call: InboundCall, stage: InboundEnd): Promise<InboundCall> {
  const ended: InboundCall = { ...call, progress: { ...call.progress, stage } };
  await uow.tx.calls.update(ended);
  return ended;
}

/**
 * The agent's phone rang out or was turned away: the agent is paused (as
 * Asterisk's queue autopause does, so the same phone is not rung again at
 * once) and the call waits again for someone else.
 */
async function backToQueue(ctx: CoreContext, uow: UnitOfWork, call: InboundCall): Promise<InboundCall> {
  const agentId = call.agentId;
  const waiting: InboundCall = { ...call, agentId: null, progress: { ...call.progress, stage: 'waiting', agentLegId: null } };
  await uow.tx.calls.update(waiting);
  if (agentId !== null) await releaseUnansweredAgent(ctx, uow, agentId, call.id);
  const current = await lockOngoing(uow, waiting);
  return current ? offerCall(ctx, uow, current, inboundCall) : waiting;
}

async function releaseUnansweredAgent(ctx: CoreContext, uow: UnitOfWork, agentId: string, callId: string): Promise<void> {
  const session = await uow.tx.sessions.lock(agentId);
  if (!session || session.currentCallId !== callId) return;
  const { session: after, logout } = endCall(session, uow.now);
  if (logout) {
    // The logout waited only for this call, which the agent never took.
    await endAgentSession(ctx, uow, after, 'after_call');
    return;
  }
  const paused = after.state === 'paused' ? after : { ...after, state: 'paused' as const, pauseReason: null };
  await uow.tx.sessions.update(paused);
  await uow.tx.queues.setPausedForAgent(agentId, true);
  uow.publish({ type: 'AgentStateChanged', agentId, from: 'in_call', to: 'paused', reason: paused.pauseReason, at: uow.now });
}
