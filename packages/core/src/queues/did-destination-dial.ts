import type { CallOf, Leg } from '../calls/call';
import { newLeg } from '../calls/call-factory';
import { dialLeg } from '../calls/call-primitives';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import type { DidDestination } from './did-routing';
import { inboundCall } from './inbound-call-flow';

type InboundCall = CallOf<'inbound'>;

/**
 * Dials the extension or phone a DID routes a call to, as the call's third
 * party, showing the caller's number. The caller is not answered meanwhile:
 * the destination answers it (queues/did-destination-answer.ts), as the
 * dialplan's Dial would; a destination that does not answer leaves it
 * unanswered and released. No agent is on such a call (`agentLeft`): once
 * the destination or the caller hangs up, the call is over.
 */
export async function dialDidDestination(ctx: CoreContext, uow: UnitOfWork, call: InboundCall, caller: Leg, destination: Extract<DidDestination, { kind: 'dial' }>): Promise<void> {
  const leg = newLeg(call, 2, 'third_party', destination.endpoint, { number: call.fromNumber, name: caller.callerName }, uow.now, { dialedNumber: destination.dialedNumber });
  await uow.tx.calls.insertLeg(leg);
  await uow.tx.calls.update({ ...call, progress: { ...call.progress, stage: 'dialing_destination', agentLeft: true, thirdPartyLegId: leg.id, thirdPartyDtmf: null } });
  dialLeg(ctx, uow, leg, { what: 'dial DID destination', timeoutSec: ctx.config.destinationRingTimeoutSec, flow: inboundCall, refusal: 'reported' });
}
