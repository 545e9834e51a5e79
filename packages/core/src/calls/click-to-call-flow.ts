import { newLeg } from './call-factory';
import { completeCallIfOver, lockOngoing, recordLegAnswered } from './call-lifecycle';
import { bridgeLeg, dialLeg } from './call-primitives';
import { hangupLeg, hangupOtherLegs } from './leg-hangup';
import { callBridgeId, newLegId } from '../kernel/ids';
import type { CallFlow } from './call-flow';
import { startCallRecording } from '../recording/call-recording-start';
import { extensionHandedOnLegEnded, extensionThirdPartyAnswered } from '../transfers/extension-third-party';

/** The source is the call's first leg (calls/click-to-call), the destination its second. */
export const SOURCE_ORDINAL = 1;
const DESTINATION_ORDINAL = 2;

/**
 * Click-to-call: the source extension rings first; once it answers it hears
 * ringing while the destination is dialled, and the two are bridged when the
 * destination answers (and, when asked, the call is recorded from then on).
 * Either side hanging up ends the other. A leg gone
 * before it could be bridged ends the call the way any hang-up does. Once
 * the extension transferred the destination (transfers/), the destination
 * and the third party are the two sides.
 */
export const clickToCall: CallFlow<'click_to_call'> = {
  async onLegAnswered(ctx, uow, call, leg) {
    if (leg.role === 'third_party') return extensionThirdPartyAnswered(ctx, uow, call, leg);
    await recordLegAnswered(uow, call, leg);
    if (leg.role === 'source') {
      const bridgeId = callBridgeId(call.id);
      bridgeLeg(ctx, uow, bridgeId, leg.id, {
        what: 'bridge source',
        // Its end (the next event) ends the call.
        whenGone: (next) => hangupLeg(ctx, next, leg.id),
        then: async (next) => {
          next.engine.bestEffort('ringing tone', () => ctx.pbx.setRinging(leg.id, true));
          const current = await lockOngoing(next, call);
          if (!current) return;
          const { progress } = current;
          const destination = newLeg(
            current,
            DESTINATION_ORDINAL,
            'destination',
            progress.destinationEndpoint,
            { number: progress.destinationCallerId, name: '' },
            next.now,
            { dialedNumber: current.toNumber, account: { kind: 'trunk', id: progress.trunkId } },
          );
          await next.tx.calls.insertLeg(destination);
          await next.tx.calls.update({ ...current, bridgeId, progress: { ...progress, stage: 'dialing_destination' } });
          const ringSec = progress.destinationRingSec ?? ctx.config.destinationRingTimeoutSec;
          dialLeg(ctx, next, destination, { what: 'dial destination', timeoutSec: ringSec, flow: clickToCall, refusal: 'ordinary' });
        },
      });
      return call;
    }
    const bridgeId = call.bridgeId ?? callBridgeId(call.id);
    const answeredAt = uow.now;
    bridgeLeg(ctx, uow, bridgeId, leg.id, {
      what: 'bridge destination',
      create: false,
      // Its end (the next event) ends the call, as any hang-up does.
      whenGone: (next) => hangupLeg(ctx, next, leg.id),
      then: async (next) => {
        const sourceLegId = newLegId(call.id, SOURCE_ORDINAL);
        next.engine.bestEffort('stop ringing tone', () => ctx.pbx.setRinging(sourceLegId, false));
        const current = await lockOngoing(next, call);
        if (!current) return;
        const connected = { ...current, state: 'answered' as const, progress: { ...current.progress, stage: 'connected' as const }, answeredAt };
        await next.tx.calls.update(connected);
        if (connected.progress.recording) await startCallRecording(ctx, next, connected, connected.progress.recording);
      },
    });
    return call;
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    if (call.progress.extensionLeft) {
      const current = await extensionHandedOnLegEnded(ctx, uow, call, leg, legs);
      return (await completeCallIfOver(ctx, uow, current, legs)) ?? current;
    }
    await hangupOtherLegs(ctx, uow, legs, null);
    return (await completeCallIfOver(ctx, uow, call, legs)) ?? call;
  },
};
