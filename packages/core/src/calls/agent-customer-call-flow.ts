import { newLeg } from './call-factory';
import { completeCallIfOver, lockOngoing, publishPhoneReleased, recordLegAnswered } from './call-lifecycle';
import { bridgeLeg, dialLeg } from './call-primitives';
import { hangupLeg, hangupOtherLegs } from './leg-hangup';
import { callBridgeId } from '../kernel/ids';
import { armTimerAction } from '../agents/timer-action';
import { recordCallForAgent } from '../recording/self-recording-start';
import { sendThirdPartyKeys } from './third-party-keys';
import { pendingTransferOf, transferAnswered, transferTargetGone } from '../transfers/pending-transfer';
import { helperPhoneAnswered, helperPhoneGone, helperPhoneRinging } from '../transfers/helper-leg';
import type { CallFlow } from './call-flow';
import type { CallOf, Leg } from './call';

/**
 * A customer connected to an agent. With a session conference the customer
 * is dialled straight into it; otherwise the agent's phone rings first and
 * the customer is dialled once the agent answers. A third party the agent
 * dials in (calls/third-party.ts) joins the call's bridge when it answers.
 */
export const agentCustomerCall: CallFlow<'agent_customer'> = {
  async onLegRinging(_ctx, uow, call, leg) {
    if (leg.role === 'agent') uow.publish({ type: 'AgentPhoneRinging', agentId: call.agentId!, callId: call.id, legId: leg.id, at: uow.now });
    if (leg.role === 'third_party') helperPhoneRinging(uow, call, leg);
  },

  async onLegAnswered(ctx, uow, call, leg) {
    if (leg.role === 'third_party') {
      // A transfer waiting for this answer takes effect first: the agent leaves before the target joins.
      const pending = pendingTransferOf(call, leg);
      const current = pending ? await transferAnswered(ctx, uow, call, pending) : call;
      await recordLegAnswered(uow, current, leg);
      helperPhoneAnswered(uow, current, leg);
      bridgeLeg(ctx, uow, current.bridgeId ?? callBridgeId(call.id), leg.id, { what: 'bridge third party', whenGone: (next) => hangupLeg(ctx, next, leg.id) });
      sendThirdPartyKeys(ctx, uow, current.progress, leg);
      // A customer transferred blind heard ringing while the third party was dialled.
      const customer = (await uow.tx.calls.legsOf(call.id)).find((other) => other.role === 'customer' && other.state !== 'ended');
      if (call.progress.agentLeft && customer) uow.engine.bestEffort('stop ringing', () => ctx.pbx.setRinging(customer.id, false));
      return current;
    }
    await recordLegAnswered(uow, call, leg);
    const bridgeId = call.bridgeId ?? callBridgeId(call.id);
    if (leg.role === 'agent') {
      uow.publish({ type: 'AgentPhoneAnswered', agentId: call.agentId!, callId: call.id, legId: leg.id, at: uow.now });
      bridgeLeg(ctx, uow, bridgeId, leg.id, {
        what: 'bridge agent',
        whenGone: (next) => hangupLeg(ctx, next, leg.id),
        then: async (next) => {
          const current = await lockOngoing(next, call);
          if (!current) return;
          const customer = newLeg(current, 2, 'customer', current.progress.customerEndpoint, { number: current.fromNumber, name: '' }, next.now, {
            dialedNumber: current.toNumber,
            account: { kind: 'trunk', id: current.progress.trunkId },
          });
          await next.tx.calls.insertLeg(customer);
          await next.tx.calls.update({ ...current, bridgeId, progress: { ...current.progress, stage: 'dialing_customer' } });
          dialLeg(ctx, next, customer, { what: 'dial customer', timeoutSec: ctx.config.destinationRingTimeoutSec, flow: agentCustomerCall, refusal: 'ordinary' });
        },
      });
      return call;
    }
    const answeredAt = uow.now;
    bridgeLeg(ctx, uow, bridgeId, leg.id, {
      what: 'bridge customer',
      // A customer gone before the bridge (hung up at once, or by the agent's hang-up meanwhile): its end ends the call.
      whenGone: (next) => hangupLeg(ctx, next, leg.id),
      then: async (next) => {
        const current = await lockOngoing(next, call);
        if (!current) return;
        const connected = { ...current, bridgeId, state: 'answered' as const, progress: { ...current.progress, stage: 'connected' as const }, answeredAt };
        await next.tx.calls.update(connected);
        const session = current.agentId === null ? null : await next.tx.sessions.get(current.agentId);
        if (session) armTimerAction(ctx, session, connected, next.now);
        if (session) await recordCallForAgent(ctx, next, session.agentId, connected);
      },
    });
    return call;
  },

  async onPlaybackEnded(ctx, uow, call, playback, outcome) {
    await uow.tx.playbacks.update({ ...playback, state: 'finished', finishCause: outcome, finishedAt: uow.now });
    uow.publish({ type: 'PlaybackFinished', playbackId: playback.id, agentId: playback.agentId, callId: call.id, cause: outcome, at: uow.now });
    // A message the customer was left with (the agent gone) is the end of the call.
    if (playback.agentId === null && call.progress.agentLeft) await hangupOtherLegs(ctx, uow, await uow.tx.calls.legsOf(call.id), null);
    return call;
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    // The phone of an agent taken off the call (intercept) was released when the call was taken over.
    const former = (call.progress.formerAgentLegIds ?? []).includes(leg.id);
    if (leg.role === 'agent' && !former) {
      publishPhoneReleased(uow, call, leg);
    }
    let current = call;
    if (leg.role === 'third_party' && call.progress.thirdPartyLegId === leg.id) {
      current = { ...call, progress: { ...call.progress, thirdPartyLegId: null, thirdPartyDtmf: null } };
      await uow.tx.calls.update(current);
      const pending = pendingTransferOf(call, leg);
      if (pending) current = await transferTargetGone(ctx, uow, current, pending, legs);
    }
    if (leg.role === 'third_party') await helperPhoneGone(ctx, uow, current, leg);
    if (!former && endsTheCall(current, leg)) await hangupOtherLegs(ctx, uow, legs, null);
    return (await completeCallIfOver(ctx, uow, current, legs)) ?? current;
  },
};

/**
 * The customer leaving ends the call. A third party leaving while the agent
 * is on the call leaves agent and customer talking, and the agent's phone
 * leaving a call it has left (a 3-way call, a transfer) leaves the others;
 * once the agent is gone, either remaining party leaving ends the call.
 */
function endsTheCall(call: CallOf<'agent_customer'>, leg: Leg): boolean {
  if (leg.role === 'third_party') return call.progress.agentLeft === true;
  if (leg.role === 'agent') return call.progress.agentLeft !== true;
  return true;
}
