import { newLeg } from './call-factory';
import { completeCallIfOver, lockOngoing, publishPhoneReleased, recordLegAnswered } from './call-lifecycle';
import { bridgeLeg, dialLeg } from './call-primitives';
import { hangupLeg, hangupOtherLegs } from './leg-hangup';
import { callBridgeId } from '../kernel/ids';
import { recordCallForAgent } from '../recording/self-recording-start';
import type { CallFlow } from './call-flow';
import type { CallOf, Leg } from './call';

/** The agent whose phone a leg of an agent-to-agent call is. */
export function agentOfInternalLeg(call: CallOf<'agent_internal'>, leg: Leg): string {
  return leg.id === call.progress.calledLegId ? call.progress.calledAgentId : call.agentId!;
}

/**
 * One agent calling another. The calling agent's phone rings first; once it
 * answers it joins the call's bridge and the called agent's phone is rung
 * into it. Either phone leaving ends the call for both.
 */
export const agentInternalCall: CallFlow<'agent_internal'> = {
  async onLegRinging(_ctx, uow, call, leg) {
    uow.publish({ type: 'AgentPhoneRinging', agentId: agentOfInternalLeg(call, leg), callId: call.id, legId: leg.id, at: uow.now });
  },

  async onLegAnswered(ctx, uow, call, leg) {
    await recordLegAnswered(uow, call, leg);
    const bridgeId = call.bridgeId ?? callBridgeId(call.id);
    uow.publish({ type: 'AgentPhoneAnswered', agentId: agentOfInternalLeg(call, leg), callId: call.id, legId: leg.id, at: uow.now });
    if (leg.id === call.progress.callerLegId) {
      bridgeLeg(ctx, uow, bridgeId, leg.id, {
        what: 'bridge calling agent',
        whenGone: (next) => hangupLeg(ctx, next, leg.id),
        then: async (next) => {
          const current = await lockOngoing(next, call);
          if (!current) return;
          const called = await next.tx.sessions.get(current.progress.calledAgentId);
          const device = called?.currentCallId === current.id ? called.device : null;
          // The called agent signed out meanwhile: nobody to ring, the call ends with the calling agent's phone.
          if (!device) return hangupLeg(ctx, next, leg.id);
          const calledLeg = newLeg(current, 2, 'agent', device, { number: current.fromNumber, name: '' }, next.now, { dialedNumber: called!.phoneNumber });
          await next.tx.calls.insertLeg(calledLeg);
          await next.tx.calls.update({ ...current, bridgeId, progress: { ...current.progress, stage: 'ringing_called', calledLegId: calledLeg.id } });
          dialLeg(ctx, next, calledLeg, { what: 'ring called agent phone', timeoutSec: ctx.config.agentRingTimeoutSec, flow: agentInternalCall, refusal: 'ordinary' });
        },
      });
      return call;
    }
    const answeredAt = uow.now;
    bridgeLeg(ctx, uow, bridgeId, leg.id, {
      what: 'bridge called agent',
      whenGone: (next) => hangupLeg(ctx, next, leg.id),
      then: async (next) => {
        const current = await lockOngoing(next, call);
        if (!current) return;
        const connected: CallOf<'agent_internal'> = { ...current, bridgeId, state: 'answered', answeredAt, progress: { ...current.progress, stage: 'connected' } };
        await next.tx.calls.update(connected);
        // Each agent that asked for its calls to be recorded gets its own recording of the call.
        const recorded = current.agentId === null ? connected : await recordCallForAgent(ctx, next, current.agentId, connected);
        await recordCallForAgent(ctx, next, current.progress.calledAgentId, recorded);
      },
    });
    return call;
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    publishPhoneReleased(uow, call, leg, agentOfInternalLeg(call, leg));
    await hangupOtherLegs(ctx, uow, legs, null);
    return (await completeCallIfOver(ctx, uow, call, legs)) ?? call;
  },
};
