import { DomainError } from '../errors/domain-error';
import type { Call } from './call';
import type { JsonObject } from '../kernel/json';
import { newCall, newLeg } from './call-factory';
import { DIALLED_ORDINAL, contextDialCall } from './context-dial-flow';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { dialLeg } from './call-primitives';
import { newCallId } from '../kernel/ids';
import { checkDialableNumber } from '../directory/extension-lookup';
import type { Trunk } from '../directory/directory';
import type { CallRecordingRequest } from './call-progress';
import { checkCallRecordingRequest } from '../recording/call-recording-start';

/** The outbound route a number is dialled over: a provisioned trunk, by id or by name. */
export type OutboundRoute = { by: 'id'; id: number } | { by: 'name'; name: string };

export interface ContextDialRequest {
  destination: string;
  route: OutboundRoute;
  /** Dialplan context the answered call is connected to (at the number dialled). */
  context: string;
  /** Dialplan context run (at the number dialled) when the call is not answered or fails; null: none. */
  hangupContext: string | null;
  /** The number the destination sees; null: none presented by the gateway. */
  callerId: string | null;
  ringSec: number | null;
  /** Record the call once answered and connected to the context; the CDR names the file. */
  recording?: CallRecordingRequest | null;
  /** Client data kept with the call and its CDR. */
  data: JsonObject;
  tenant?: string | null;
  origin: Call['origin'];
}

/** A dialplan context name as Asterisk's extensions.conf allows one: it becomes part of a dial string. */
const CONTEXT_NAME = /^[A-Za-z0-9_-]{1,79}$/;

/**
 * Dials a number over an outbound route and connects it to a dialplan
 * context once answered (flows/context-dial). Which contexts exist is the caller's
 * knowledge (the engine's API lists no dialplan); the core checks only that
 * each is a plain context name. An unknown route is TRUNK_NOT_FOUND, before
 * anything is dialled.
 */
export async function startContextDial(ctx: CoreContext, request: ContextDialRequest): Promise<{ callId: string }> {
  const destination = checkDialableNumber(request.destination);
  for (const context of [request.context, request.hangupContext]) {
    if (context !== null && !CONTEXT_NAME.test(context)) throw new DomainError('INVALID_ARGUMENT', 'not a dialplan context name');
  }
  const recording = request.recording ? checkCallRecordingRequest(request.recording) : null;
  const callId = newCallId(ctx.ids, null);
  return ctx.queue.run(callId, () =>
    inTransaction(ctx, async (uow) => {
      const { tx, now } = uow;
      const trunk: Trunk | null = request.route.by === 'id' ? await tx.trunks.get(request.route.id) : await tx.trunks.findByName(request.route.name);
      if (!trunk) throw new DomainError('TRUNK_NOT_FOUND', 'no such outbound route');
      const call = newCall(
        {
          id: callId,
          purpose: 'context_dial',
          progress: { stage: 'dialing', trunkId: trunk.id, context: request.context, hangupContext: request.hangupContext, ...(recording ? { recording } : {}) },
          agentId: null,
          tenant: request.tenant ?? null,
          fromNumber: request.callerId ?? '',
          toNumber: destination,
          origin: request.origin,
          data: request.data,
        },
        now,
      );
      const dialled = newLeg(call, DIALLED_ORDINAL, 'destination', trunk.dialTemplate.replace('{number}', destination), { number: request.callerId ?? '', name: '' }, now, {
        dialedNumber: destination,
        account: { kind: 'trunk', id: trunk.id },
      });
      await tx.calls.insert(call);
      await tx.calls.insertLeg(dialled);
      dialLeg(ctx, uow, dialled, {
        what: 'dial into context',
        timeoutSec: request.ringSec ?? ctx.config.destinationRingTimeoutSec,
        flow: contextDialCall,
        refusal: 'ordinary',
      });
      return { callId };
    }),
  );
}
