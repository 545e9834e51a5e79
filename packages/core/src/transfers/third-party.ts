import { DomainError } from '../errors/domain-error';
import type { Leg } from '../calls/call';
import { newLeg } from '../calls/call-factory';
import { dialLeg } from '../calls/call-primitives';
import { agentCustomerCall } from '../calls/agent-customer-call-flow';
import { inboundCall } from '../queues/inbound-call-flow';
import { clickToCall } from '../calls/click-to-call-flow';
import { voiceMenuCall } from '../calls/voice-menu-flow';
import type { CallFlow } from '../calls/call-flow';
import { checkDialableNumber } from '../directory/extension-lookup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { extensionPartyRoleOf, isExtensionCall, type TransferableCall } from './extension-call';

/** Who a third party is and what it sees. */
export interface ThirdPartyRequest {
  /** An extension's internal number (the extension is rung), else a number dialled through the trunk. */
  number: string;
  /**
   * The number the third party sees; when null, the customer call's own
   * caller id, or for an extension's call the party's number (an extension
   * rung) or the number the party was shown (a number over the trunk).
   */
  callerId: string | null;
  /** Keys sent to the third party once it answers (`,` a pause); absent or empty: none. */
  dtmf?: string | null;
}

/**
 * Records a third-party leg for a customer call and decides its dialling:
 * the extension with that internal number when there is exactly one, else
 * the number through the preferred trunk. It joins the call's bridge when it
 * answers (the flow of the call's kind: a callout, a queued call, an
 * extension's click-to-call or voice menu). One third party at a time.
 */
export async function addThirdPartyLeg<C extends TransferableCall>(
  ctx: CoreContext,
  uow: UnitOfWork,
  call: C,
  legs: readonly Leg[],
  request: ThirdPartyRequest,
): Promise<{ call: C; leg: Leg }> {
  const number = checkDialableNumber(request.number);
  refuseSecondThirdParty(legs);
  const route = await routeTo(uow, number);
  const callerId = request.callerId ?? defaultCallerId(call, legs, route.account);
  return dialThirdPartyLeg(ctx, uow, call, legs, { ...route, dialedNumber: number, callerId, dtmf: request.dtmf || null });
}

/** How a third party is dialled and what it is shown. */
export interface ThirdPartyDialling {
  endpoint: string;
  account: Leg['account'];
  /** What the leg was dialled to: a number, or a queue's name. */
  dialedNumber: string;
  callerId: string;
  dtmf: string | null;
  variables?: Readonly<Record<string, string>>;
}

/** A third party is already on the call (ringing, talking or parked): one at a time. */
export function refuseSecondThirdParty(legs: readonly Leg[]): void {
  if (legs.some((leg) => leg.role === 'third_party' && leg.state !== 'ended' && !leg.hangupRequested)) {
    throw new DomainError('INVALID_ARGUMENT', 'a third party is already on the call');
  }
}

/** Records the third party's leg on the call and dials it; it joins the call's bridge when it answers. */
export async function dialThirdPartyLeg<C extends TransferableCall>(
  ctx: CoreContext,
  uow: UnitOfWork,
  call: C,
  legs: readonly Leg[],
  dialling: ThirdPartyDialling,
): Promise<{ call: C; leg: Leg }> {
  const leg = newLeg(call, legs.length + 1, 'third_party', dialling.endpoint, { number: dialling.callerId, name: '' }, uow.now, {
    dialedNumber: dialling.dialedNumber,
    account: dialling.account,
  });
  await uow.tx.calls.insertLeg(leg);
  const updated: C = { ...call, progress: { ...call.progress, thirdPartyLegId: leg.id, thirdPartyDtmf: dialling.dtmf } };
  await uow.tx.calls.update(updated);
  dialLeg(ctx, uow, leg, {
    what: 'dial third party',
    timeoutSec: ctx.config.destinationRingTimeoutSec,
    flow: THIRD_PARTY_FLOWS[updated.purpose],
    refusal: 'reported',
    ...(dialling.variables ? { variables: dialling.variables } : {}),
  });
  return { call: updated, leg };
}

/** The flow a third party's leg takes, by the purpose of its call. */
const THIRD_PARTY_FLOWS: { readonly [P in TransferableCall['purpose']]: CallFlow } = {
  agent_customer: agentCustomerCall,
  inbound: inboundCall,
  click_to_call: clickToCall,
  voice_menu: voiceMenuCall,
};

/**
 * What a third party sees unless told: an agent's call shows its own caller
 * id. An extension's call shows an extension it rings whom it is handed (the
 * party's number, as a voice menu's members see the caller) and a number
 * outside the number the party was shown, the company's rather than an
 * internal one.
 */
function defaultCallerId(call: TransferableCall, legs: readonly Leg[], account: NonNullable<Leg['account']>): string {
  if (!isExtensionCall(call)) return call.fromNumber;
  if (account.kind === 'extension') return legs.find((leg) => leg.role === extensionPartyRoleOf(call))?.dialedNumber || call.toNumber;
  return call.purpose === 'click_to_call' ? call.progress.destinationCallerId : call.fromNumber;
}

async function routeTo(uow: UnitOfWork, number: string): Promise<{ endpoint: string; account: NonNullable<Leg['account']> }> {
  const extensions = await uow.tx.extensions.findByInternalNumber(number);
  if (extensions.length === 1) return { endpoint: extensions[0]!.endpoint, account: { kind: 'extension', id: extensions[0]!.id } };
  const trunk = await uow.tx.trunks.preferred();
  if (!trunk) throw new DomainError('TRUNK_NOT_FOUND', 'no trunk to dial out');
  return { endpoint: trunk.dialTemplate.replace('{number}', number), account: { kind: 'trunk', id: trunk.id } };
}
