import { applyDisposition } from '../leads/disposition';
import { buildCdr } from './cdr';
import { endCall, reasonAfterCall, type AgentSession } from '../agents/agent';
import { armPauseLimit } from '../agents/pause-limit';
import type { Call, CallOf, CallPurpose, HangupSide, Leg } from './call';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { callBridgeId, callHoldBridgeId } from '../kernel/ids';
import { endAgentSession } from '../agents/session-end';
import { offerWaitingCallsTo } from '../agents/availability';
import { endCallRecordings } from '../recording/call-recordings-end';
import { finishPlaybacksOfCall, type PlaybackEndCause } from '../playback/playback-call-end';
import { isLeftBehind } from '../transfers/extension-call';

/**
 * The call as it stands now, locked for this unit of work, when it is still
 * going. A call never changes purpose, so it keeps its flow's type.
 */
export async function lockOngoing<P extends CallPurpose>(uow: UnitOfWork, call: CallOf<P>): Promise<CallOf<P> | null> {
  const current = await uow.tx.calls.lock(call.id);
  return current && current.state !== 'ended' && current.purpose === call.purpose ? (current as CallOf<P>) : null;
}

/** Which side a leg stands for when it hangs up by itself. */
const sideOfRole: Record<Leg['role'], HangupSide> = {
  source: 'caller',
  agent: 'caller',
  member: 'caller',
  destination: 'callee',
  customer: 'callee',
  third_party: 'callee',
  caller: 'caller',
  supervisor: 'caller',
  // The supervised channel went, and its snoop with it.
  snoop: 'callee',
};

/** Q.850 causes of a ringing phone whose user turned the call away: busy, call rejected. */
const TURNED_AWAY_CAUSES = new Set([17, 21]);

/**
 * Who released an agent's phone: the gateway when it asked; the agent when an
 * answered phone hung up, or a ringing one was turned away; otherwise (the
 * engine stopped ringing an unanswered phone, the phone was unreachable) the
 * gateway.
 */
export function phoneReleasedBy(leg: Leg): 'agent' | 'system' {
  if (leg.hangupRequested) return 'system';
  if (leg.answeredAt) return 'agent';
  return leg.cause !== null && TURNED_AWAY_CAUSES.has(leg.cause) ? 'agent' : 'system';
}

/** Tells that an agent's phone leg of a call is gone, and who released it (the call's agent unless another is named). */
export function publishPhoneReleased(uow: UnitOfWork, call: Call, leg: Leg, agentId: string = call.agentId!): void {
  uow.publish({ type: 'AgentPhoneReleased', agentId, callId: call.id, legId: leg.id, by: phoneReleasedBy(leg), at: uow.now });
}

export async function recordLegAnswered(uow: UnitOfWork, call: Call, leg: Leg): Promise<Leg> {
  const answered: Leg = { ...leg, state: 'up', answeredAt: uow.now };
  await uow.tx.calls.updateLeg(answered);
  uow.publish({ type: 'LegAnswered', call, leg: answered, at: uow.now });
  return answered;
}

/** The member leg that answered a call rung to several members, if any. */
function memberThatGotTheCall(call: Call): string | null {
  return call.purpose === 'voice_menu' ? call.progress.answeredBy : null;
}

/**
 * Whether a leg's end tells how the call ended. A member rung for a transfer
 * that did not get the caller (released, busy, unanswered) says nothing about
 * it; nor does an agent's phone rung for an inbound call that another phone
 * took; nor a third party leaving while the agent is still on the call
 * (the agent and the customer talk on). Once the agent has left, the third
 * party is one of the two parties of the call; so it is once an extension
 * handed its party on, whose own leg then says nothing.
 */
function decidesTheCall(call: Call, leg: Leg): boolean {
  if ((call.purpose === 'click_to_call' || call.purpose === 'voice_menu') && call.progress.extensionLeft === true) return !isLeftBehind(call, leg);
  if (leg.role === 'member') return memberThatGotTheCall(call) === leg.id;
  if (leg.role === 'agent' && call.purpose === 'inbound') return call.progress.agentLegId === leg.id;
  if (leg.role === 'third_party') return (call.purpose === 'agent_customer' || call.purpose === 'inbound') && call.progress.agentLeft === true;
  return true;
}

/** Records a leg's end; the first leg to end decides the call's cause and who hung up. */
export async function recordLegEnded<C extends Call>(
  uow: UnitOfWork,
  call: C,
  leg: Leg,
  cause: number,
  causeText: string,
): Promise<{ call: C; leg: Leg }> {
  const ended: Leg = { ...leg, state: 'ended', endedAt: uow.now, cause, causeText };
  await uow.tx.calls.updateLeg(ended);
  let updated = call;
  if (decidesTheCall(call, leg) && (call.hangupSide === null || call.hangupCause === null)) {
    updated = {
      ...call,
      hangupSide: call.hangupSide ?? (leg.hangupRequested ? 'system' : sideOfRole[leg.role]),
      hangupCause: call.hangupCause ?? cause,
      hangupCauseText: call.hangupCauseText ?? causeText,
    };
    await uow.tx.calls.update(updated);
  }
  uow.publish({ type: 'LegEnded', call: updated, leg: ended, at: uow.now });
  return { call: updated, leg: ended };
}

/**
 * When no leg of the call is left, the call is over: it gets its one CDR, the
 * bridge it owned goes, and the agent it occupied moves on (ready, paused, or
 * logged out if a logout was pending). `knownLegs`, the call's legs as read in
 * this transaction, spares reading them again; legs hung up since then are
 * still live, so they keep the call from being over just as a fresh read would.
 */
export async function completeCallIfOver<C extends Call>(
  ctx: CoreContext,
  uow: UnitOfWork,
  call: C,
  knownLegs?: readonly Leg[],
  playbackEndCause?: PlaybackEndCause,
): Promise<C | null> {
  const { tx, now } = uow;
  const legs = knownLegs ?? (await tx.calls.legsOf(call.id));
  if (call.state === 'ended' || legs.some((leg) => leg.state !== 'ended')) return null;
  const ended: C = { ...call, state: 'ended', endedAt: now };
  await tx.calls.update(ended);
  const cdr = await tx.cdrs.insert(buildCdr(ended, legs, now));
  uow.publish({ type: 'CallEnded', call: ended, cdr, at: now });
  if (ended.bridgeId && ended.bridgeId === callBridgeId(ended.id)) {
    const bridgeId = ended.bridgeId;
    await endCallRecordings(ctx, uow, ended.id, bridgeId);
    uow.engine.bestEffort('destroy call bridge', () => ctx.pbx.destroyBridge(bridgeId));
  }
  if ((ended.purpose === 'agent_customer' || ended.purpose === 'inbound') && ended.progress.parkedLegIds !== undefined) {
    const holdBridgeId = callHoldBridgeId(ended.id);
    uow.engine.bestEffort('destroy hold bridge', () => ctx.pbx.destroyBridge(holdBridgeId));
  }
  if (ended.agentId) await releaseAgent(ctx, uow, ended, ended.agentId);
  // An agent-to-agent call occupied the called agent as well.
  if (ended.purpose === 'agent_internal') await releaseAgent(ctx, uow, ended, ended.progress.calledAgentId);
  // After the agent's release, as Huawei orders them: phone released, ready, playback finished.
  await finishPlaybacksOfCall(uow, ended.id, playbackEndCause);
  return ended;
}

async function releaseAgent(ctx: CoreContext, uow: UnitOfWork, call: Call, agentId: string): Promise<void> {
  const { tx } = uow;
  const session = await tx.sessions.lock(agentId);
  if (!session) return;
  if (session.conference?.agentLegId && session.conference.agentLegId.startsWith(`${call.id}.`)) {
    await tx.sessions.update({ ...session, conference: { ...session.conference, agentLegId: null } });
    return;
  }
  if (session.currentCallId !== call.id) return;
  await releaseAgentFromCall(ctx, uow, session);
}

/**
 * Frees an agent from its current call: logged out or paused when that was
 * pending, else into its usual after-call state, or into the one given (an
 * agent who transferred a call or left a 3-way call goes to after-call work).
 */
export async function releaseAgentFromCall(ctx: CoreContext, uow: UnitOfWork, session: AgentSession, afterCall?: AgentSession['afterCall']): Promise<void> {
  const { tx, now } = uow;
  const ended = endCall(afterCall ? { ...session, afterCall } : session, now);
  const next: AgentSession = { ...ended.session, afterCall: session.afterCall };
  if (ended.logout) {
    uow.publish({ type: 'AgentStateChanged', agentId: session.agentId, from: 'in_call', to: 'ready', reason: null, at: now });
    await endAgentSession(ctx, uow, next, 'after_call');
    return;
  }
  await tx.sessions.update(next);
  await tx.queues.setPausedForAgent(session.agentId, next.state === 'paused');
  uow.publish({ type: 'AgentStateChanged', agentId: session.agentId, from: 'in_call', to: next.state, reason: reasonAfterCall(session, next), at: now });
  armPauseLimit(ctx, uow, next);
  if (next.pendingDisposition) await applyDisposition(ctx, uow, next, next.pendingDisposition);
  else offerWaitingCallsTo(ctx, uow, next);
}
