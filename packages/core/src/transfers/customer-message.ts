import { hangupOtherLegs } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import type { ResolvedMedia } from '../playback/media-resolution';
import { playToLeg } from '../playback/leg-playback';
import { agentLeavesCall } from './agent-leaves';
import { connectedCustomer, customerRoleOf, type AgentTalk, type CustomerCall } from './agent-call';

/**
 * Leaves the customer with a message (VICIdial's voicemail drop): the agent
 * leaves the call, the message plays to the customer (of a callout, or the
 * caller of a queued call the agent took) alone in the call's bridge, and the
 * call ends when it is over (the calls' flows), or at once when the engine
 * cannot play it.
 */
export async function leaveMessage(ctx: CoreContext, uow: UnitOfWork, { session, call, legs }: AgentTalk, media: ResolvedMedia): Promise<CustomerCall> {
  const customer = connectedCustomer(legs, customerRoleOf(call));
  const left = await agentLeavesCall(ctx, uow, session, call, legs);
  await playToLeg(ctx, uow, call.id, customer.id, media, {
    what: 'play message to customer',
    afterRefusal: async (next) => hangupOtherLegs(ctx, next, await next.tx.calls.legsOf(call.id), null),
  });
  return left;
}
