import { DomainError } from '../errors/domain-error';
import type { Call } from './call';
import type { JsonObject } from '../kernel/json';
import { newCall, newLeg } from './call-factory';
import { SOURCE_ORDINAL, clickToCall } from './click-to-call-flow';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { dialLeg } from './call-primitives';
import { newCallId } from '../kernel/ids';
import { checkDialableNumber, findExtension, type ExtensionSelector } from '../directory/extension-lookup';

export interface ClickToCallRequest {
  source: ExtensionSelector;
  dialplan: string | null;
  destination: string;
  /** What the extension's phone shows while it rings. */
  sourceCallerId: { number: string; name: string };
  /** What the destination sees; the extension's own caller id when null. */
  destinationCallerId: string | null;
  sourceRingSec: number | null;
  destinationRingSec: number | null;
  /** Client data kept with the call and its CDR. */
  data: JsonObject;
  origin: Call['origin'];
}

/** Rings an extension, then dials a number and connects them (flows/click-to-call). */
export async function startClickToCall(ctx: CoreContext, request: ClickToCallRequest): Promise<{ callId: string }> {
  const destination = checkDialableNumber(request.destination);
  const callId = newCallId(ctx.ids, null);
  return ctx.queue.run(callId, () =>
    inTransaction(ctx, async (uow) => {
      const { tx, now } = uow;
      const extension = await findExtension(tx, request.source, request.dialplan);
      const trunk = await tx.trunks.preferredRoute();
      if (!trunk) throw new DomainError('TRUNK_NOT_FOUND', 'no trunk to dial out');
      const call = newCall(
        {
          id: callId,
          purpose: 'click_to_call',
          progress: {
            stage: 'ringing_source',
            trunkId: trunk.id,
            destinationEndpoint: trunk.dialTemplate.replace('{number}', destination),
            destinationCallerId: request.destinationCallerId ?? (extension.callerIdNumber || extension.internalNumber),
            destinationRingSec: request.destinationRingSec,
          },
          agentId: null,
          fromNumber: extension.callerIdNumber || extension.internalNumber,
          toNumber: destination,
          extension: extension.internalNumber,
          origin: request.origin,
          data: request.data,
        },
        now,
      );
      const source = newLeg(call, SOURCE_ORDINAL, 'source', extension.endpoint, request.sourceCallerId, now, {
        dialedNumber: extension.internalNumber,
        account: { kind: 'extension', id: extension.id },
      });
      await tx.calls.insert(call);
      await tx.calls.insertLeg(source);
      dialLeg(ctx, uow, source, {
        what: 'ring source extension',
        timeoutSec: request.sourceRingSec ?? ctx.config.agentRingTimeoutSec,
        flow: clickToCall,
        refusal: 'reported',
      });
      return { callId };
    }),
  );
}
