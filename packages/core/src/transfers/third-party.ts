import { DomainError } from '../errors/domain-error';
import type { CallOf, Leg } from '../calls/call';
import { newLeg } from '../calls/call-factory';
import { dialLeg } from '../calls/call-primitives';
import { agentCustomerCall } from '../calls/agent-customer-call-flow';
import { checkDialableNumber } from '../directory/extension-lookup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';

/** Who a third party is and what it sees. */
export interface ThirdPartyRequest {
  /** The number dialled through the trunk. */
  number: string;
  /** The number the third party sees; the customer call's own caller id when null. */
  callerId: string | null;
}

/**
 * Records a third-party leg for a customer call and decides its dialling
 * through the preferred trunk; it joins the call's bridge when it answers
 * (flows/agent-customer-call). One third party at a time.
 */
export async function addThirdPartyLeg(
  ctx: CoreContext,
  uow: UnitOfWork,
  call: CallOf<'agent_customer'>,
  legs: readonly Leg[],
  request: ThirdPartyRequest,
): Promise<{ call: CallOf<'agent_customer'>; leg: Leg }> {
  const number = checkDialableNumber(request.number);
  if (legs.some((leg) => leg.role === 'third_party' && leg.state !== 'ended' && !leg.hangupRequested)) {
    throw new DomainError('INVALID_ARGUMENT', 'a third party is already on the call');
  }
  const trunk = await uow.tx.trunks.preferred();
  if (!trunk) throw new DomainError('TRUNK_NOT_FOUND', 'no trunk to dial out');
  const callerId = request.callerId ?? call.fromNumber;
  const ordinal = legs.length + 1;
  const leg = newLeg(call, ordinal, 'third_party', trunk.dialTemplate.replace('{number}', number), { number: callerId, name: '' }, uow.now, {
    dialedNumber: number,
    account: { kind: 'trunk', id: trunk.id },
  });
  await uow.tx.calls.insertLeg(leg);
  const updated: CallOf<'agent_customer'> = { ...call, progress: { ...call.progress, thirdPartyLegId: leg.id } };
  await uow.tx.calls.update(updated);
  dialLeg(ctx, uow, leg, { what: 'dial third party', timeoutSec: ctx.config.destinationRingTimeoutSec, flow: agentCustomerCall, refusal: 'reported' });
  return { call: updated, leg };
}
