import { completeCallIfOver, publishPhoneReleased, recordLegAnswered } from '../calls/call-lifecycle';
import { bridgeLeg } from '../calls/call-primitives';
import { hangupLeg } from '../calls/leg-hangup';
import type { CallFlow } from '../calls/call-flow';

/** The agent's phone joining the session conference, where it stays until logout. */
export const agentPhoneCall: CallFlow<'agent_phone'> = {
  async onLegRinging(_ctx, uow, call, leg) {
    uow.publish({ type: 'AgentPhoneRinging', agentId: call.agentId!, callId: call.id, legId: leg.id, at: uow.now });
  },

  async onLegAnswered(ctx, uow, call, leg) {
    await recordLegAnswered(uow, call, leg);
    const connected = { ...call, state: 'answered' as const, progress: { stage: 'in_conference' as const }, answeredAt: uow.now };
    await uow.tx.calls.update(connected);
    uow.publish({ type: 'AgentPhoneAnswered', agentId: call.agentId!, callId: call.id, legId: leg.id, at: uow.now });
    // A phone hung up just after answering is gone before it joins: its end (the next event) is an ordinary release.
    if (call.bridgeId) bridgeLeg(ctx, uow, call.bridgeId, leg.id, { what: 'join conference', whenGone: (next) => hangupLeg(ctx, next, leg.id) });
    return connected;
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    publishPhoneReleased(uow, call, leg);
    return (await completeCallIfOver(ctx, uow, call, legs)) ?? call;
  },
};
