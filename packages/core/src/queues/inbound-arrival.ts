import type { CallOf, Leg } from '../calls/call';
import { newCall, newLeg } from '../calls/call-factory';
import { hangupLeg } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import { ownerOf } from '../kernel/owner-queue';
import { inTransaction } from '../kernel/unit-of-work';
import type { PbxEvent } from '../ports/pbx';
import { enqueueCall } from './enqueue';

type Arrival = Extract<PbxEvent, { type: 'leg_arrived' }>;

/** The first Stasis argument of a call the dialplan hands to the gateway to queue: `Stasis(<app>,inbound,<did>)`. */
export const INBOUND_ENTRY = 'inbound';

/**
 * The id of an inbound call: under the owner of the caller's channel (whose
 * id the engine chose), so the call, its later legs and bridge, its timers
 * and the channel's events all share one owner queue.
 */
export const inboundCallId = (ctx: CoreContext, channelId: string): string => `${ownerOf(channelId)}.in-${ctx.ids.newId()}`;

/**
 * A call arriving on a public number: recorded with its caller leg, then,
 * when the number routes to an active queue, answered, given music on hold
 * and offered to the queue's agents (queues/inbound-call-flow.ts). A number
 * that routes nowhere is released: its call still leaves a CDR.
 */
export async function receiveInboundCall(ctx: CoreContext, arrival: Arrival): Promise<void> {
  const did = arrival.args[1] || arrival.dialed;
  const callId = inboundCallId(ctx, arrival.legId);
  await inTransaction(ctx, async (uow) => {
    const { tx, now } = uow;
    const route = await tx.queues.routeOfDid(did);
    const found = route ? await tx.queues.get(route.queueName) : null;
    const queue = found?.active ? found : null;
    let call: CallOf<'inbound'> = newCall(
      {
        id: callId,
        purpose: 'inbound',
        direction: 'inbound',
        progress: { stage: queue ? 'waiting' : 'no_route', did, queueName: queue?.name ?? null, mohClass: queue?.mohClass ?? '', callerLegId: arrival.legId, agentLegs: [], agentLegId: null },
        agentId: null,
        fromNumber: arrival.callerNumber,
        toNumber: did,
        origin: { dialect: 'pbx', operation: INBOUND_ENTRY, apiUserId: null },
      },
      now,
    );
    const caller: Leg = {
      ...newLeg(call, 1, 'caller', endpointOf(arrival.channelName), { number: arrival.callerNumber, name: arrival.callerName }, now, { dialedNumber: did }),
      id: arrival.legId,
      channelName: arrival.channelName,
      state: queue ? 'up' : 'ringing',
      answeredAt: queue ? now : null,
    };
    if (queue) call = { ...call, state: 'answered', answeredAt: now };
    await tx.calls.insert(call);
    await tx.calls.insertLeg(caller);
    if (!queue) {
      ctx.logger.warn('inbound call to a number without a route; releasing it', { did, channelName: arrival.channelName });
      await hangupLeg(ctx, uow, caller.id);
      return;
    }
    const mohClass = queue.mohClass;
    // A caller gone before the answer ends by its own event; the hang-up makes sure.
    uow.engine.command('answer caller', () => ctx.pbx.answer(caller.id), { refusalIsOrdinary: true, onFailure: (next) => hangupLeg(ctx, next, caller.id) });
    uow.engine.bestEffort('music on hold', () => ctx.pbx.setMusicOnHold(caller.id, mohClass));
    await enqueueCall(ctx, uow, call, queue);
  });
}

/** The device a channel belongs to: `PJSIP/upc-00000001` → `PJSIP/upc`. */
const endpointOf = (channelName: string): string => channelName.replace(/-[0-9a-f]+$/i, '');
