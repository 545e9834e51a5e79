import { DomainError } from '../errors/domain-error';
import type { Call } from './call';
import type { JsonObject } from '../kernel/json';
import { newCall } from './call-factory';
import { trunkCustomerLeg, trunkDial } from './trunk-customer-leg';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { dialLeg } from './call-primitives';
import { voiceMenuCall } from './voice-menu-flow';
import { newCallId } from '../kernel/ids';
import { checkDialableNumber } from '../directory/extension-lookup';
import { resolveMedia, type MediaRequest } from '../playback/media-resolution';

export interface VoiceMenuRequest {
  destination: string;
  /** Number to present; null lets the gateway pick one from the trunk's pool. */
  callerId: string | null;
  media: MediaRequest;
  /** The key that transfers the caller; empty: transfer when the audio ends. */
  transferKey: string;
  groupName: string;
  tenant: string | null;
  data: JsonObject;
  origin: Call['origin'];
}

/** Calls a number, plays a menu, and transfers on a key (flows/voice-menu). */
export async function startVoiceMenuCall(ctx: CoreContext, request: VoiceMenuRequest): Promise<{ callId: string }> {
  const destination = checkDialableNumber(request.destination);
  if (!/^[0-9*#]?$/.test(request.transferKey)) throw new DomainError('INVALID_ARGUMENT', 'transfer key must be one digit, * or #');
  const media = resolveMedia(request.media, ctx.config.media);
  const callId = newCallId(ctx.ids, null);
  return ctx.queue.run(callId, () =>
    inTransaction(ctx, async (uow) => {
      const { tx, now } = uow;
      const group = await tx.extensionGroups.get(request.groupName);
      // A group belongs to one tenant: another tenant must not be able to send callers into it.
      if (!group || (group.tenant !== null && group.tenant !== request.tenant)) {
        throw new DomainError('EXTENSION_GROUP_NOT_FOUND', `no extension group ${request.groupName}`, { group: request.groupName });
      }
      const dial = await trunkDial(ctx, tx, request.callerId);
      const call = newCall(
        {
          id: callId,
          purpose: 'voice_menu',
          progress: {
            stage: 'dialing',
            transferKey: request.transferKey,
            groupName: group.name,
            media: media.uri,
            mediaName: media.name,
            pressedKey: null,
            answeredBy: null,
          },
          agentId: null,
          tenant: request.tenant,
          fromNumber: dial.callerId,
          toNumber: destination,
          origin: request.origin,
          data: request.data,
        },
        now,
      );
      const customer = trunkCustomerLeg(call, dial, destination, now);
      await tx.calls.insert(call);
      await tx.calls.insertLeg(customer);
      dialLeg(ctx, uow, customer, { what: 'call destination', timeoutSec: ctx.config.destinationRingTimeoutSec, flow: voiceMenuCall, refusal: 'reported' });
      return { callId };
    }),
  );
}
