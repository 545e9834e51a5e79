import { DomainError } from '../errors/domain-error';
import type { Leg } from '../calls/call';
import { newLeg } from '../calls/call-factory';
import { dialLeg } from '../calls/call-primitives';
import { agentCustomerCall } from '../calls/agent-customer-call-flow';
import { inboundCall } from '../queues/inbound-call-flow';
import { checkDialableNumber } from '../directory/extension-lookup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import type { CustomerCall } from './agent-call';

/** Who a third party is and what it sees. */
export interface ThirdPartyRequest {
  /** An extension's internal number (the extension is rung), else a number dialled through the trunk. */
  number: string;
  /** The number the third party sees; the customer call's own caller id when null. */
  callerId: string | null;
  /** Keys sent to the third party once it answers (`,` a pause); absent or empty: none. */
  dtmf?: string | null;
}

/**
 * Records a third-party leg for a customer call and decides its dialling:
 * the extension with that internal number when there is exactly one, else
 * the number through the preferred trunk. It joins the call's bridge when it
 * answers (the flow of the call's kind: a callout, a queued call). One third party at a time.
 */
export async function addThirdPartyLeg<C extends CustomerCall>(
  ctx: CoreContext,
  uow: UnitOfWork,
  call: C,
  legs: readonly Leg[],
  request: ThirdPartyRequest,
): Promise<{ call: C; leg: Leg }> {
  const number = checkDialableNumber(request.number);
  if (legs.some((leg) => leg.role === 'third_party' && leg.state !== 'ended' && !leg.hangupRequested)) {
    throw new DomainError('INVALID_ARGUMENT', 'a third party is already on the call');
  }
  const route = await routeTo(uow, number);
  const callerId = request.callerId ?? call.fromNumber;
  const leg = newLeg(call, legs.length + 1, 'third_party', route.endpoint, { number: callerId, name: '' }, uow.now, { dialedNumber: number, account: route.account });
  await uow.tx.calls.insertLeg(leg);
  const updated: C = { ...call, progress: { ...call.progress, thirdPartyLegId: leg.id, thirdPartyDtmf: request.dtmf || null } };
  await uow.tx.calls.update(updated);
  dialLeg(ctx, uow, leg, { what: 'dial third party', timeoutSec: ctx.config.destinationRingTimeoutSec, flow: updated.purpose === 'inbound' ? inboundCall : agentCustomerCall, refusal: 'reported' });
  return { call: updated, leg };
}

async function routeTo(uow: UnitOfWork, number: string): Promise<{ endpoint: string; account: NonNullable<Leg['account']> }> {
  const extensions = await uow.tx.extensions.findByInternalNumber(number);
  if (extensions.length === 1) return { endpoint: extensions[0]!.endpoint, account: { kind: 'extension', id: extensions[0]!.id } };
  const trunk = await uow.tx.trunks.preferred();
  if (!trunk) throw new DomainError('TRUNK_NOT_FOUND', 'no trunk to dial out');
  return { endpoint: trunk.dialTemplate.replace('{number}', number), account: { kind: 'trunk', id: trunk.id } };
}
