import { newLeg } from './call-factory';
import { completeCallIfOver, lockOngoing, publishPhoneReleased, recordLegAnswered } from './call-lifecycle';
import { bridgeLeg, dialLeg } from './call-primitives';
import { hangupOtherLegs } from './leg-hangup';
import { callBridgeId } from '../kernel/ids';
import type { CallFlow } from './call-flow';

/**
 * A customer connected to an agent. With a session conference the customer
 * is dialled straight into it; otherwise the agent's phone rings first and
 * the customer is dialled once the agent answers.
 */
export const agentCustomerCall: CallFlow<'agent_customer'> = {
  async onLegRinging(_ctx, uow, call, leg) {
    if (leg.role === 'agent') uow.publish({ type: 'AgentPhoneRinging', agentId: call.agentId!, callId: call.id, legId: leg.id, at: uow.now });
  },

  async onLegAnswered(ctx, uow, call, leg) {
    await recordLegAnswered(uow, call, leg);
    const bridgeId = call.bridgeId ?? callBridgeId(call.id);
    if (leg.role === 'agent') {
      uow.publish({ type: 'AgentPhoneAnswered', agentId: call.agentId!, callId: call.id, legId: leg.id, at: uow.now });
      bridgeLeg(ctx, uow, bridgeId, leg.id, {
        what: 'bridge agent',
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
      then: async (next) => {
        const current = await lockOngoing(next, call);
        if (!current) return;
        await next.tx.calls.update({ ...current, bridgeId, state: 'answered', progress: { ...current.progress, stage: 'connected' }, answeredAt });
      },
    });
    return call;
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    if (leg.role === 'agent') {
      publishPhoneReleased(uow, call, leg);
    }
    await hangupOtherLegs(ctx, uow, legs, null);
    return (await completeCallIfOver(ctx, uow, call, legs)) ?? call;
  },
};
