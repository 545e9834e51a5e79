import type { CallOf, Leg } from '../calls/call';
import { recordLegAnswered } from '../calls/call-lifecycle';
import { bridgeLeg } from '../calls/call-primitives';
import { hangupLeg } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import { callBridgeId } from '../kernel/ids';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { answerWhenTaken } from './answer-when-taken';

type InboundCall = CallOf<'inbound'>;

/** Whether a call is ringing the extension or phone its DID routes it to (queues/did-destination-dial.ts). */
export const dialsDidDestination = (call: InboundCall): boolean => call.progress.stage === 'dialing_destination';

/**
 * The extension or phone a DID's call rang answers: the caller is answered
 * and both talk in the call's bridge.
 */
export async function didDestinationAnswered(ctx: CoreContext, uow: UnitOfWork, call: InboundCall, leg: Leg): Promise<InboundCall> {
  await recordLegAnswered(uow, call, leg);
  // The caller's answer is the gateway's own command: its leg is up from now, as an answered arrival's is.
  const caller = await uow.tx.calls.getLeg(call.progress.callerLegId);
  if (caller && caller.state !== 'up' && caller.state !== 'ended') await recordLegAnswered(uow, call, caller);
  const bridgeId = callBridgeId(call.id);
  const connected: InboundCall = { ...answerWhenTaken(ctx, uow, call), bridgeId, progress: { ...call.progress, stage: 'connected', connectedAt: uow.now.toISOString() } };
  await uow.tx.calls.update(connected);
  const callerLegId = call.progress.callerLegId;
  bridgeLeg(ctx, uow, bridgeId, leg.id, { what: 'bridge DID destination', whenGone: (next) => hangupLeg(ctx, next, leg.id) });
  bridgeLeg(ctx, uow, bridgeId, callerLegId, { what: 'bridge caller', create: false, whenGone: (next) => hangupLeg(ctx, next, callerLegId) });
  return connected;
}
