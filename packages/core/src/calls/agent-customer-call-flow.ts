import type { Call } from './call';
import { newLeg } from './call-factory';
import { completeCallIfOver, hangupOtherLegs, publishPhoneReleased, recordLegAnswered } from './call-lifecycle';
import { pbxCommand } from '../kernel/engine';
import { callBridgeId } from '../kernel/ids';
import type { CallFlow } from './call-flow';

/**
 * A customer connected to an agent. With a session conference the customer
 * is dialled straight into it; otherwise the agent's phone rings first and
 * the customer is dialled once the agent answers.
 */
export const agentCustomerCall: CallFlow = {
  async onLegRinging(_ctx, uow, call, leg) {
    if (leg.role === 'agent') uow.publish({ type: 'AgentPhoneRinging', agentId: call.agentId!, callId: call.id, legId: leg.id, at: uow.now });
  },

  async onLegAnswered(ctx, uow, call, leg) {
    await recordLegAnswered(uow, call, leg);
    const bridgeId = call.bridgeId ?? callBridgeId(call.id);
    if (leg.role === 'agent') {
      uow.publish({ type: 'AgentPhoneAnswered', agentId: call.agentId!, callId: call.id, legId: leg.id, at: uow.now });
      await pbxCommand(ctx, 'create call bridge', () => ctx.pbx.ensureBridge(bridgeId, 'mixing'));
      await pbxCommand(ctx, 'bridge agent', () => ctx.pbx.addToBridge(bridgeId, [leg.id]));
      const customer = newLeg(call, 2, 'customer', String(call.data.customerEndpoint ?? ''), { number: call.fromNumber, name: '' }, uow.now, {
        dialedNumber: call.toNumber,
      });
      await uow.tx.calls.insertLeg(customer);
      const dialling: Call = { ...call, bridgeId, stage: 'dialing_customer' };
      await uow.tx.calls.update(dialling);
      const originated = await pbxCommand(ctx, 'dial customer', () =>
        ctx.pbx.originate({ legId: customer.id, endpoint: customer.endpoint, callerId: { number: call.fromNumber }, timeoutSec: ctx.config.destinationRingTimeoutSec }),
      );
      await uow.tx.calls.updateLeg({ ...customer, channelName: originated.channelName, context: originated.context });
      return dialling;
    }
    await pbxCommand(ctx, 'ensure bridge', () => ctx.pbx.ensureBridge(bridgeId, 'mixing'));
    await pbxCommand(ctx, 'bridge customer', () => ctx.pbx.addToBridge(bridgeId, [leg.id]));
    const connected: Call = { ...call, bridgeId, state: 'answered', stage: 'connected', answeredAt: uow.now };
    await uow.tx.calls.update(connected);
    return connected;
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    if (leg.role === 'agent') {
      publishPhoneReleased(uow, call, leg);
    }
    await hangupOtherLegs(ctx, uow, legs, null);
    return (await completeCallIfOver(ctx, uow, call, legs)) ?? call;
  },
};
