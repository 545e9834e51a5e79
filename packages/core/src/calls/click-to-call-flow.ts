import type { Call } from './call';
import { newLeg } from './call-factory';
import { completeCallIfOver, hangupOtherLegs, recordLegAnswered } from './call-lifecycle';
import { hangupLeg } from './leg-hangup';
import { bridgeUnlessGone, pbxBestEffort, pbxCommand } from '../kernel/engine';
import { callBridgeId, newLegId } from '../kernel/ids';
import type { CallFlow } from './call-flow';

/** The source is the call's first leg (operations/click-to-call), the destination its second. */
export const SOURCE_ORDINAL = 1;
const DESTINATION_ORDINAL = 2;

/**
 * Click-to-call: the source extension rings first; once it answers it hears
 * ringing while the destination is dialled, and the two are bridged when the
 * destination answers. Either side hanging up ends the other.
 */
export const clickToCall: CallFlow = {
  async onLegAnswered(ctx, uow, call, leg) {
    await recordLegAnswered(uow, call, leg);
    if (leg.role === 'source') {
      const bridgeId = callBridgeId(call.id);
      await pbxCommand(ctx, 'create call bridge', () => ctx.pbx.ensureBridge(bridgeId, 'mixing'));
      if (!(await bridgeUnlessGone(ctx, 'bridge source', bridgeId, leg.id))) {
        // Its end (the next event) ends the call.
        await hangupLeg(ctx, uow, leg.id);
        return call;
      }
      await pbxBestEffort(ctx, 'ringing tone', () => ctx.pbx.setRinging(leg.id, true));
      const trunkId = typeof call.data.trunkId === 'number' ? call.data.trunkId : null;
      const destination = newLeg(
        call,
        DESTINATION_ORDINAL,
        'destination',
        String(call.data.destinationEndpoint ?? ''),
        { number: String(call.data.destinationCallerId ?? call.fromNumber), name: '' },
        uow.now,
        { dialedNumber: call.toNumber, account: trunkId === null ? null : { kind: 'trunk', id: trunkId } },
      );
      await uow.tx.calls.insertLeg(destination);
      const dialling: Call = { ...call, bridgeId, stage: 'dialing_destination' };
      await uow.tx.calls.update(dialling);
      const ringSec = typeof call.data.destinationRingSec === 'number' ? call.data.destinationRingSec : ctx.config.destinationRingTimeoutSec;
      const originated = await pbxCommand(ctx, 'dial destination', () =>
        ctx.pbx.originate({ legId: destination.id, endpoint: destination.endpoint, callerId: { number: destination.callerNumber }, timeoutSec: ringSec }),
      );
      await uow.tx.calls.updateLeg({ ...destination, channelName: originated.channelName, context: originated.context });
      return dialling;
    }
    const bridgeId = call.bridgeId ?? callBridgeId(call.id);
    if (!(await bridgeUnlessGone(ctx, 'bridge destination', bridgeId, leg.id))) {
      // Its end (the next event) ends the call, as any hang-up does.
      await hangupLeg(ctx, uow, leg.id);
      return call;
    }
    const sourceLegId = newLegId(call.id, SOURCE_ORDINAL);
    await pbxBestEffort(ctx, 'stop ringing tone', () => ctx.pbx.setRinging(sourceLegId, false));
    const connected: Call = { ...call, state: 'answered', stage: 'connected', answeredAt: uow.now };
    await uow.tx.calls.update(connected);
    return connected;
  },

  async onLegEnded(ctx, uow, call, _leg, legs) {
    await hangupOtherLegs(ctx, uow, legs, null);
    return (await completeCallIfOver(ctx, uow, call, legs)) ?? call;
  },
};
