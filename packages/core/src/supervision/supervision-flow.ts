import { newLeg } from '../calls/call-factory';
import { completeCallIfOver, lockOngoing, publishPhoneReleased, recordLegAnswered } from '../calls/call-lifecycle';
import { bridgeLeg, snoopLeg } from '../calls/call-primitives';
import { hangupLeg, hangupOtherLegs } from '../calls/leg-hangup';
import type { CallFlow } from '../calls/call-flow';
import type { CallOf, Leg } from '../calls/call';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { callBridgeId } from '../kernel/ids';
import { SNOOP_OF_MODE } from './supervision';

/** The supervisor's phone is the call's first leg (supervision/start-supervision), the snoop its second. */
export const SUPERVISOR_ORDINAL = 1;
const SNOOP_ORDINAL = 2;

/**
 * Supervision: the supervisor's phone rings; once answered it waits in the
 * call's own bridge while a snoop leg is started on the supervised channel,
 * and the snoop joins it there. The supervised call is left as it is: the
 * snoop hears and speaks into its channel without joining its bridge, so the
 * two calls end apart. The supervisor hanging up ends the snoop; the
 * supervised channel going ends the snoop (the engine ends it), and with it
 * the supervisor's phone. One CDR, of this call. When an agent supervises,
 * its phone's ringing, answer and release are the agent's phone events.
 */
export const supervisionCall: CallFlow<'supervision'> = {
  async onLegRinging(_ctx, uow, call, leg) {
    if (call.agentId && leg.role === 'supervisor') uow.publish({ type: 'AgentPhoneRinging', agentId: call.agentId, callId: call.id, legId: leg.id, at: uow.now });
  },

  async onLegAnswered(ctx, uow, call, leg) {
    await recordLegAnswered(uow, call, leg);
    const bridgeId = call.bridgeId ?? callBridgeId(call.id);
    if (leg.role === 'supervisor') {
      if (call.agentId) uow.publish({ type: 'AgentPhoneAnswered', agentId: call.agentId, callId: call.id, legId: leg.id, at: uow.now });
      const joining = { ...call, state: 'answered' as const, answeredAt: uow.now, bridgeId, progress: { ...call.progress, stage: 'joining' as const } };
      await uow.tx.calls.update(joining);
      bridgeLeg(ctx, uow, bridgeId, leg.id, {
        what: 'bridge supervisor',
        whenGone: (next) => hangupLeg(ctx, next, leg.id),
        then: async (next) => {
          const current = await lockOngoing(next, joining);
          if (current) await startSnoop(ctx, next, current, SNOOP_ORDINAL);
        },
      });
      return joining;
    }
    bridgeLeg(ctx, uow, bridgeId, leg.id, {
      what: 'bridge snoop',
      create: false,
      whenGone: (next) => hangupLeg(ctx, next, leg.id),
      then: async (next) => {
        const current = await lockOngoing(next, call);
        if (!current) return;
        await next.tx.calls.update({ ...current, progress: { ...current.progress, stage: 'supervising' } });
      },
    });
    return call;
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    const supervisor = legs.find((each) => each.role === 'supervisor');
    if (leg.role === 'snoop' && call.progress.stage === 'switching' && supervisor?.state === 'up' && !supervisor.hangupRequested) {
      // The former mode's snoop is gone: the new mode's takes its place, on the same supervisor bridge.
      const joining = { ...call, progress: { ...call.progress, stage: 'joining' as const } };
      await uow.tx.calls.update(joining);
      await startSnoop(ctx, uow, joining, Math.max(...legs.map(ordinalOf)) + 1);
      return joining;
    }
    if (call.agentId && leg.role === 'supervisor') publishPhoneReleased(uow, call, leg);
    await hangupOtherLegs(ctx, uow, legs, null);
    return (await completeCallIfOver(ctx, uow, call, legs)) ?? call;
  },
};

/** A snoop on the supervised leg in the call's mode; it joins the supervisor's bridge once up (onLegAnswered). */
async function startSnoop(ctx: CoreContext, uow: UnitOfWork, call: CallOf<'supervision'>, ordinal: number): Promise<void> {
  const snoop = newLeg(call, ordinal, 'snoop', `Snoop/${call.progress.targetChannelName}`, { number: call.fromNumber, name: '' }, uow.now, {
    dialedNumber: call.progress.targetChannelName,
  });
  await uow.tx.calls.insertLeg(snoop);
  snoopLeg(ctx, uow, snoop, { targetLegId: call.progress.targetLegId, ...SNOOP_OF_MODE[call.progress.mode], flow: supervisionCall });
}

const ordinalOf = (leg: Leg): number => Number(leg.id.slice(leg.id.lastIndexOf('.') + 1)) || SNOOP_ORDINAL;
