import { endCall, reasonAfterCall } from '../agents/agent';
import { armPauseLimit } from '../agents/pause-limit';
import { offerWaitingCallsTo } from '../agents/availability';
import { endAgentSession } from '../agents/session-end';
import type { CallOf, Leg } from '../calls/call';
import type { CallFlow } from '../calls/call-flow';
import type { InboundEnd } from '../calls/call-progress';
import { completeCallIfOver, lockOngoing, phoneReleasedBy, recordLegAnswered } from '../calls/call-lifecycle';
import { bridgeLeg } from '../calls/call-primitives';
import { sendThirdPartyKeys } from '../calls/third-party-keys';
import { pendingTransferOf, transferAnswered, transferTargetGone } from '../transfers/pending-transfer';
import { helperPhoneAnswered, helperPhoneGone, helperPhoneRinging } from '../transfers/helper-leg';
import { hangupLeg, hangupOtherLegs } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import { callBridgeId } from '../kernel/ids';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { handOverLead, offerCall } from './call-distribution';
import { offerOfTimer, offersOf, withoutOffer } from './call-offer';
import { answerWhenTaken, giveUpOnNamedAgent, waitsForNamedAgentOnly } from './answer-when-taken';
import { dayOf } from './queue';
import { recordCallForAgent } from '../recording/self-recording-start';
import { dialsDidDestination, didDestinationAnswered } from './did-destination-answer';

type InboundCall = CallOf<'inbound'>;

/** The timer of a caller's longest wait in a queue. */
export const QUEUE_TIMEOUT = 'queue_timeout';

/**
 * A call that came in on a public number (queues/inbound-arrival.ts): it
 * waits with music on hold until an agent of its queue takes it, in the
 * agent's session conference or on the agent's phone. A caller who hangs up
 * first abandons it; the queue's longest wait ends it. A phone that does not
 * answer pauses its agent; when no rung phone is left the call waits again.
 * Of phones rung together, the first to answer gets the call and the others
 * are released. An agent who answers through its client is offered the call
 * without its phone ringing (`offers`); its phone is rung once it answers
 * (queues/answer-offered-call.ts), and an offer not answered within the
 * agent ring time ends as an unanswered phone does. A call its DID routes
 * to an extension or a phone rings it instead (queues/did-destination-*.ts).
 */
export const inboundCall: CallFlow<'inbound'> = {
  async onLegRinging(_ctx, uow, call, leg) {
    const agentId = agentOfLeg(call, leg.id);
    if (agentId !== null) uow.publish({ type: 'AgentPhoneRinging', agentId, callId: call.id, legId: leg.id, at: uow.now });
    if (leg.role === 'third_party') helperPhoneRinging(uow, call, leg);
  },

  async onLegAnswered(ctx, uow, call, leg) {
    if (leg.role === 'third_party') return thirdPartyAnswered(ctx, uow, call, leg);
    if (leg.id === call.progress.callerLegId) {
      // A caller answered only when its agent took it (queues/answer-when-taken.ts); others were up from their arrival.
      if (leg.state !== 'up') await recordLegAnswered(uow, call, leg);
      return call;
    }
    const agentId = agentOfLeg(call, leg.id);
    if (agentId === null) return call;
    if (call.progress.stage !== 'ringing_agent') {
      // Answered too late: another phone took the call, or it ended.
      await hangupLeg(ctx, uow, leg.id);
      return call;
    }
    await recordLegAnswered(uow, call, leg);
    uow.publish({ type: 'AgentPhoneAnswered', agentId, callId: call.id, legId: leg.id, at: uow.now });
    if (call.progress.queueName !== null) await uow.tx.queues.countCallTaken(call.progress.queueName, agentId, dayOf(uow.now));
    await handOverLead(uow, agentId, call);
    const bridgeId = callBridgeId(call.id);
    const connected: InboundCall = { ...answerWhenTaken(ctx, uow, call), agentId, bridgeId, progress: { ...call.progress, stage: 'connected', agentLegId: leg.id, offers: [], connectedAt: uow.now.toISOString() } };
    await uow.tx.calls.update(connected);
    const legs = await uow.tx.calls.legsOf(call.id);
    await releaseRingingAgents(ctx, uow, call, legs.filter((other) => other.id !== leg.id), 'not_chosen');
    const callerLegId = call.progress.callerLegId;
    bridgeLeg(ctx, uow, bridgeId, leg.id, { what: 'bridge agent', whenGone: (next) => hangupLeg(ctx, next, leg.id) });
    uow.engine.bestEffort('stop music on hold', () => ctx.pbx.setMusicOnHold(callerLegId, null));
    bridgeLeg(ctx, uow, bridgeId, callerLegId, { what: 'bridge caller', create: false, whenGone: (next) => hangupLeg(ctx, next, leg.id) });
    return recordCallForAgent(ctx, uow, agentId, connected);
  },

  async onPlaybackEnded(ctx, uow, call, playback, outcome) {
    await uow.tx.playbacks.update({ ...playback, state: 'finished', finishCause: outcome, finishedAt: uow.now });
    uow.publish({ type: 'PlaybackFinished', playbackId: playback.id, agentId: playback.agentId, callId: call.id, cause: outcome, at: uow.now });
    // A message the caller was left with (the agent gone, transfers/customer-message.ts) is the end of the call, as on a callout.
    if (playback.agentId === null && call.progress.agentLeft === true) await hangupOtherLegs(ctx, uow, await uow.tx.calls.legsOf(call.id), null);
    return call;
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    let current = call;
    if (leg.role === 'third_party') {
      // The extension or phone the call's DID routes it to never answered.
      if (dialsDidDestination(call)) current = await withStage(uow, { ...call, hangupSide: call.hangupSide ?? 'system' }, 'not_answered');
      if (call.progress.thirdPartyLegId === leg.id) {
        current = { ...current, progress: { ...current.progress, thirdPartyLegId: null, thirdPartyDtmf: null } };
        await uow.tx.calls.update(current);
        const pending = pendingTransferOf(call, leg);
        if (pending) current = await transferTargetGone(ctx, uow, current, pending, legs);
      }
      await helperPhoneGone(ctx, uow, current, leg);
      // Once the agent is gone the third party is one of the call's two parties; before, agent and caller talk on.
      if (call.progress.agentLeft === true) await hangupOtherLegs(ctx, uow, legs, null);
    } else if (leg.role === 'caller') {
      if (call.progress.stage === 'waiting' || call.progress.stage === 'ringing_agent' || dialsDidDestination(call)) current = await withStage(uow, call, 'abandoned');
      await releaseRingingAgents(ctx, uow, call, legs, 'call_gone');
      await hangupOtherLegs(ctx, uow, legs, null);
    } else {
      // The phone of an agent taken off the call (intercept) was released when the call was taken over.
      const former = (call.progress.formerAgentLegIds ?? []).includes(leg.id);
      const agentId = former ? null : agentOfLeg(call, leg.id);
      if (agentId !== null) uow.publish({ type: 'AgentPhoneReleased', agentId, callId: call.id, legId: leg.id, by: phoneReleasedBy(leg), at: uow.now });
      if (call.progress.stage === 'connected' && call.progress.agentLegId === leg.id && call.progress.agentLeft !== true) {
        await hangupOtherLegs(ctx, uow, legs, null);
      } else if (call.progress.stage === 'ringing_agent' && agentId !== null) {
        await releaseAgent(ctx, uow, agentId, call.id, 'not_answered');
        if (nobodyLeftFor(call, legs)) current = await backToQueue(ctx, uow, call);
      }
    }
    return (await completeCallIfOver(ctx, uow, current, await uow.tx.calls.legsOf(call.id))) ?? current;
  },

  async onTimer(ctx, uow, call, timer) {
    const offer = offerOfTimer(timer);
    if (offer !== null) return offerLapsed(ctx, uow, call, offer);
    if (timer !== QUEUE_TIMEOUT || (call.progress.stage !== 'waiting' && call.progress.stage !== 'ringing_agent')) return call;
    const timedOut = await withStage(uow, { ...call, hangupSide: call.hangupSide ?? 'system' }, 'timed_out');
    const legs = await uow.tx.calls.legsOf(call.id);
    await releaseRingingAgents(ctx, uow, call, legs, 'call_gone');
    await hangupOtherLegs(ctx, uow, legs, null);
    return timedOut;
  },
};

/**
 * A third party the agent dialled in (transfers/third-party.ts) joins the
 * call's bridge; a caller transferred blind heard ringing until then.
 */
async function thirdPartyAnswered(ctx: CoreContext, uow: UnitOfWork, call: InboundCall, leg: Leg): Promise<InboundCall> {
  if (dialsDidDestination(call)) return didDestinationAnswered(ctx, uow, call, leg);
  // A transfer waiting for this answer takes effect first: the agent leaves before the target joins.
  const pending = pendingTransferOf(call, leg);
  const current = pending ? await transferAnswered(ctx, uow, call, pending) : call;
  await recordLegAnswered(uow, current, leg);
  helperPhoneAnswered(uow, current, leg);
  const bridgeId = current.bridgeId ?? callBridgeId(call.id);
  bridgeLeg(ctx, uow, bridgeId, leg.id, { what: 'bridge third party', whenGone: (next) => hangupLeg(ctx, next, leg.id) });
  sendThirdPartyKeys(ctx, uow, current.progress, leg);
  const callerLegId = call.progress.callerLegId;
  if (call.progress.agentLeft === true) uow.engine.bestEffort('stop ringing', () => ctx.pbx.setRinging(callerLegId, false));
  return current;
}

/** The agent a phone leg of the call was rung for; null for the caller's leg. */
function agentOfLeg(call: InboundCall, legId: string): string | null {
  return call.progress.agentLegs.find((entry) => entry.legId === legId)?.agentId ?? null;
}

async function withStage(uow: UnitOfWork, call: InboundCall, stage: InboundEnd): Promise<InboundCall> {
  const ended: InboundCall = { ...call, progress: { ...call.progress, stage } };
  await uow.tx.calls.update(ended);
  return ended;
}

/** No phone rings for the call and no agent is offered it. */
const nobodyLeftFor = (call: InboundCall, legs: readonly Leg[]): boolean =>
  offersOf(call).length === 0 && !legs.some((other) => other.role === 'agent' && other.state !== 'ended');

/** An offer its agent did not answer in time: the agent is let go as a phone that rang out. */
async function offerLapsed(ctx: CoreContext, uow: UnitOfWork, call: InboundCall, offer: { agentId: string; at: string }): Promise<InboundCall> {
  if (call.progress.stage !== 'ringing_agent' || !offersOf(call).some((candidate) => candidate.agentId === offer.agentId && candidate.at === offer.at)) return call;
  const remaining = withoutOffer(call, offer.agentId);
  await uow.tx.calls.update(remaining);
  await releaseAgent(ctx, uow, offer.agentId, call.id, 'not_answered');
  return nobodyLeftFor(remaining, await uow.tx.calls.legsOf(call.id)) ? backToQueue(ctx, uow, remaining) : remaining;
}

/** No phone rung for the call is left: it waits again, and is offered to whoever is free (a call only its named agent may take ends instead). */
async function backToQueue(ctx: CoreContext, uow: UnitOfWork, call: InboundCall): Promise<InboundCall> {
  if (waitsForNamedAgentOnly(call)) return giveUpOnNamedAgent(ctx, uow, call);
  const waiting: InboundCall = { ...call, progress: { ...call.progress, stage: 'waiting' } };
  await uow.tx.calls.update(waiting);
  const current = await lockOngoing(uow, waiting);
  return current ? offerCall(ctx, uow, current, inboundCall) : waiting;
}

/**
 * Why an agent kept for a call while its phone rang is let go:
 * - `not_answered`: the phone rang out or was turned away; the agent is
 *   paused (as Asterisk's queue autopause does), so it is not rung again at once;
 * - `not_chosen`: another phone answered first;
 * - `call_gone`: the caller hung up or waited too long.
 */
export type Release = 'not_answered' | 'not_chosen' | 'call_gone';

/** Lets go of every agent offered the call or whose phone still rings for it; the phones are hung up by the caller of this. */
async function releaseRingingAgents(ctx: CoreContext, uow: UnitOfWork, call: InboundCall, legs: readonly Leg[], why: Release): Promise<void> {
  if (call.progress.stage !== 'ringing_agent') return;
  for (const offer of offersOf(call)) await releaseAgent(ctx, uow, offer.agentId, call.id, why);
  for (const leg of legs) {
    const agentId = leg.role === 'agent' && leg.state !== 'ended' ? agentOfLeg(call, leg.id) : null;
    if (agentId === null) continue;
    await releaseAgent(ctx, uow, agentId, call.id, why);
    if (why === 'not_chosen') await hangupLeg(ctx, uow, leg.id);
  }
}

export async function releaseAgent(ctx: CoreContext, uow: UnitOfWork, agentId: string, callId: string, why: Release): Promise<void> {
  const session = await uow.tx.sessions.lock(agentId);
  if (!session || session.currentCallId !== callId) return;
  const { session: after, logout } = endCall(session, uow.now);
  if (logout) {
    // The logout waited only for this call, which the agent never took.
    await endAgentSession(ctx, uow, after, 'after_call');
    return;
  }
  // The agent took no call: no after-call work, back to ready (where the ringing found it) unless a pause waited.
  const back = session.pendingPause || session.pendingWrapUp ? after : { ...after, state: 'ready' as const, pauseReason: null, pauseLimitSec: null };
  const next = why === 'not_answered' && back.state !== 'paused' ? { ...back, state: 'paused' as const, pauseReason: null, pauseLimitSec: null } : back;
  await uow.tx.sessions.update(next);
  await uow.tx.queues.setPausedForAgent(agentId, next.state === 'paused');
  uow.publish({ type: 'AgentStateChanged', agentId, from: 'in_call', to: next.state, reason: reasonAfterCall(session, next), at: uow.now });
  armPauseLimit(ctx, uow, next);
  offerWaitingCallsTo(ctx, uow, next);
}
