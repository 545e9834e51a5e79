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
import type { Trunk, TrunkRoute } from '../directory/directory';
import type { CallRecordingRequest } from './call-progress';
import { checkCallRecordingRequest } from '../recording/call-recording-start';

export interface ClickToCallRequest {
  source: ExtensionSelector;
  dialplan: string | null;
  /**
   * A number outside the PBX to ring first instead of the extension's phone
   * (a two-way call: the staff member's mobile, then the customer). The call
   * stays the extension's: its CDR names the extension.
   */
  sourceNumber?: string | null;
  destination: string;
  /** What the extension's phone shows while it rings. */
  sourceCallerId: { number: string; name: string };
  /** What the destination sees; the extension's own caller id when null (or, with `callerIdFromPool`, one of the trunk's). */
  destinationCallerId: string | null;
  /** With no `destinationCallerId`, present a number of the trunk's caller-id pool, drawn at random, rather than the extension's. */
  callerIdFromPool?: boolean;
  sourceRingSec: number | null;
  destinationRingSec: number | null;
  /** Record the call once both sides are connected; the CDR names the file. */
  recording?: CallRecordingRequest | null;
  /** Client data kept with the call and its CDR. */
  data: JsonObject;
  /** The client's tenant, kept with the call and its CDR. */
  tenant?: string | null;
  origin: Call['origin'];
}

/** Rings an extension, then dials a number and connects them (flows/click-to-call). */
export async function startClickToCall(ctx: CoreContext, request: ClickToCallRequest): Promise<{ callId: string }> {
  const destination = checkDialableNumber(request.destination);
  const sourceNumber = request.sourceNumber ? checkDialableNumber(request.sourceNumber) : null;
  const recording = request.recording ? checkCallRecordingRequest(request.recording) : null;
  const callId = newCallId(ctx.ids, null);
  return ctx.queue.run(callId, () =>
    inTransaction(ctx, async (uow) => {
      const { tx, now } = uow;
      const extension = await findExtension(tx, request.source, request.dialplan);
      const pooling: Trunk | null = request.callerIdFromPool ? await tx.trunks.preferred() : null;
      const trunk: TrunkRoute | null = pooling ?? (await tx.trunks.preferredRoute());
      if (!trunk) throw new DomainError('TRUNK_NOT_FOUND', 'no trunk to dial out');
      const pool = pooling?.callerIdPool ?? [];
      const pooled = (): string | null => (pool.length > 0 ? pool[ctx.ids.randomInt(pool.length)]! : null);
      const presented = request.destinationCallerId ?? pooled() ?? (extension.callerIdNumber || extension.internalNumber);
      const call = newCall(
        {
          id: callId,
          purpose: 'click_to_call',
          progress: {
            stage: 'ringing_source',
            trunkId: trunk.id,
            destinationEndpoint: trunk.dialTemplate.replace('{number}', destination),
            destinationCallerId: presented,
            destinationRingSec: request.destinationRingSec,
            ...(recording ? { recording } : {}),
          },
          agentId: null,
          tenant: request.tenant ?? null,
          fromNumber: extension.callerIdNumber || extension.internalNumber,
          toNumber: destination,
          extension: extension.internalNumber,
          origin: request.origin,
          data: request.data,
        },
        now,
      );
      const source =
        sourceNumber === null
          ? newLeg(call, SOURCE_ORDINAL, 'source', extension.endpoint, request.sourceCallerId, now, {
              dialedNumber: extension.internalNumber,
              account: { kind: 'extension', id: extension.id },
            })
          : newLeg(call, SOURCE_ORDINAL, 'source', trunk.dialTemplate.replace('{number}', sourceNumber), request.sourceCallerId, now, {
              dialedNumber: sourceNumber,
              account: { kind: 'trunk', id: trunk.id },
            });
      await tx.calls.insert(call);
      await tx.calls.insertLeg(source);
      dialLeg(ctx, uow, source, {
        what: sourceNumber === null ? 'ring source extension' : 'ring source number',
        timeoutSec: request.sourceRingSec ?? ctx.config.agentRingTimeoutSec,
        flow: clickToCall,
        refusal: 'reported',
      });
      return { callId };
    }),
  );
}
