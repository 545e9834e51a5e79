import { DomainError } from '../errors/domain-error';
import { newCall } from './call-factory';
import type { CoreContext } from '../kernel/context';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import { dialLeg } from './call-primitives';
import { voiceBroadcastCall } from './voice-broadcast-flow';
import { newCallId } from '../kernel/ids';
import { checkDialableNumber } from '../directory/extension-lookup';
import { resolveMedia } from '../playback/media-resolution';
import type { CheckedBroadcastPlan, VoiceBroadcastPlan } from './voice-broadcast-plan';
import { trunkCustomerLeg, trunkDial, type TrunkDial } from './trunk-customer-leg';

/** Longest ring and talk limits a client may ask for, in seconds. */
export const MAX_BROADCAST_RING_SEC = 300;
export const MAX_BROADCAST_TALK_SEC = 86400;

export interface VoiceBroadcastRequest extends VoiceBroadcastPlan {
  destination: string;
}

/** Checks what every call of a plan shares (refusals: MEDIA_NOT_ALLOWED, INVALID_ARGUMENT). */
export function checkBroadcastPlan(ctx: CoreContext, plan: VoiceBroadcastPlan): CheckedBroadcastPlan {
  const within = (value: number | null, max: number): boolean => value === null || (Number.isInteger(value) && value >= 1 && value <= max);
  if (!within(plan.ringSec, MAX_BROADCAST_RING_SEC)) throw new DomainError('INVALID_ARGUMENT', `ring time must be 1 to ${MAX_BROADCAST_RING_SEC} seconds`);
  if (!within(plan.talkLimitSec, MAX_BROADCAST_TALK_SEC)) throw new DomainError('INVALID_ARGUMENT', `talk limit must be 1 to ${MAX_BROADCAST_TALK_SEC} seconds`);
  return { ...plan, media: resolveMedia(plan.media, ctx.config.media) };
}

/** Calls a number, plays audio when it answers, hangs up when it ends (calls/voice-broadcast-flow). */
export async function startVoiceBroadcastCall(ctx: CoreContext, request: VoiceBroadcastRequest): Promise<{ callId: string }> {
  const destination = checkDialableNumber(request.destination);
  return placeVoiceBroadcastCall(ctx, checkBroadcastPlan(ctx, request), destination, { batchId: null, refusal: 'reported' });
}

/**
 * Places one played call of a checked plan. `refusal`: `reported` fails the
 * command when the engine refuses to dial (one call a client waits for);
 * `ordinary` only ends the call, with its CDR (a number of a batch).
 */
export async function placeVoiceBroadcastCall(
  ctx: CoreContext,
  plan: CheckedBroadcastPlan,
  destination: string,
  placement: { batchId: string | null; refusal: 'reported' | 'ordinary' },
): Promise<{ callId: string }> {
  const callId = newCallId(ctx.ids, null);
  return ctx.queue.run(callId, () =>
    inTransaction(ctx, async (uow) => {
      const dial = await trunkDial(ctx, uow.tx, plan.callerId);
      await recordVoiceBroadcastCall(ctx, uow, { callId, plan, destination, dial, ...placement });
      return { callId };
    }),
  );
}

/**
 * Records a played call and its dial intent in the caller's transaction
 * (the engine is asked once it commits); the caller runs in the call's
 * owner queue.
 */
export async function recordVoiceBroadcastCall(
  ctx: CoreContext,
  uow: UnitOfWork,
  placement: { callId: string; plan: CheckedBroadcastPlan; destination: string; dial: TrunkDial; batchId: string | null; refusal: 'reported' | 'ordinary' },
): Promise<void> {
  const { tx, now } = uow;
  const { callId, plan, destination, dial } = placement;
  const call = newCall(
    {
      id: callId,
      purpose: 'voice_broadcast',
      progress: {
        stage: 'dialing',
        media: plan.media.uri,
        mediaName: plan.media.name,
        collectKey: plan.collectKey,
        pressedKey: null,
        talkLimitSec: plan.talkLimitSec,
        batchId: placement.batchId,
      },
      agentId: null,
      tenant: plan.tenant,
      fromNumber: dial.callerId,
      toNumber: destination,
      origin: plan.origin,
      data: plan.data,
    },
    now,
  );
  const customer = trunkCustomerLeg(call, dial, destination, now);
  await tx.calls.insert(call);
  await tx.calls.insertLeg(customer);
  const timeoutSec = plan.ringSec ?? ctx.config.destinationRingTimeoutSec;
  dialLeg(ctx, uow, customer, { what: 'call number to play to', timeoutSec, flow: voiceBroadcastCall, refusal: placement.refusal });
}
