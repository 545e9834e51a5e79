import type { CallOf, Leg } from '../calls/call';
import { newCall, newLeg } from '../calls/call-factory';
import { hangupLeg } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import { ownerOf } from '../kernel/owner-queue';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import type { PbxEvent } from '../ports/pbx';
import { ANSWER_WHEN_TAKEN, answerCaller, giveUpOnNamedAgent, waitsForNamedAgentOnly } from './answer-when-taken';
import { enqueueCall } from './enqueue';
import type { Queue } from './queue';
import { destinationOfDid, type DidDestination } from './did-routing';
import { dialDidDestination } from './did-destination-dial';
import type { InboundProgress } from '../calls/call-progress';

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
 * The first Stasis argument of the dialplan half of a consultative dial to
 * a queue (transfers/queue-third-party.ts):
 * `Stasis(<app>,queue,<queue>,<lead>,<agent>,<caller>,<answer>)`, the lead
 * and the agent asked for empty when none, the answer `taken` or empty.
 */
export const QUEUE_DIAL_ENTRY = 'queue';

/** Where an arriving call goes: its public number (empty for none), the queue if any, and what the queue keeps of it. */
interface Admission {
  did: string;
  queue: Queue | null;
  fromNumber: string;
  toNumber: string;
  operation: string;
  extra: Pick<InboundProgress, 'leadId' | 'forAgentId'>;
  /** Answered only once an agent takes it (ANSWER_WHEN_TAKEN); else at once. */
  answerWhenTaken?: boolean;
  /** Not queued: the extension or phone its DID routes it to is dialled for it. */
  dial?: Extract<DidDestination, { kind: 'dial' }>;
}

/**
 * A call arriving on a public number: recorded with its caller leg and in
 * the number's log, then, when the number is an active DID routed to an
 * active queue (an in-group, or an agent's: queues/did-routing.ts),
 * answered, given music on hold and offered to the queue's agents, or to
 * the one agent it is for (queues/inbound-call-flow.ts); when the DID
 * routes to an extension or a phone, that is dialled for it
 * (queues/did-destination-dial.ts). A number that routes nowhere is
 * released: its call still leaves a CDR.
 */
export function receiveInboundCall(ctx: CoreContext, arrival: Arrival): Promise<void> {
  const did = arrival.args[1] || arrival.dialed;
  return admitCall(ctx, arrival, async (uow, callId) => {
    const { tx, now } = uow;
    const entry = await tx.dids.get(did);
    // Every call reaching a public number is logged, routed or not, as VICIdial's DID log keeps them.
    await tx.dids.appendLog({
      callId,
      did,
      didId: entry?.id ?? null,
      route: entry?.route ?? '',
      callerIdNumber: arrival.callerNumber,
      callerIdName: arrival.callerName,
      calledAt: now,
    });
    const destination = await destinationOfDid(tx, entry);
    const admission = { did, queue: null, fromNumber: arrival.callerNumber, toNumber: did, operation: INBOUND_ENTRY, extra: {} };
    if (destination?.kind === 'dial') return { ...admission, dial: destination };
    const found = destination === null ? null : await tx.queues.get(destination.queueName);
    const forAgentId = destination?.forAgentId ?? null;
    return { ...admission, queue: found?.active ? found : null, extra: forAgentId === null ? {} : { forAgentId } };
  });
}

/**
 * The dialplan half of a consultative dial to a queue: a call of its own in
 * the queue, for the lead of the agent's call that dialled it (and for the
 * one agent named, if any), whose caller is the customer's number. It is
 * queued as a transferred customer is; its answer answers the other half,
 * the third party of the dialling agent's call, which then hears the
 * queue's music and later the agent who takes it. Asked to answer when
 * taken, it waits unanswered and silent (the dialling agent's customer is
 * on hold meanwhile) and is answered as its agent answers, so that the
 * other half's answer is the agent's. A queue that is missing or inactive
 * releases it as a number without a route is released.
 */
export function receiveQueueDial(ctx: CoreContext, arrival: Arrival): Promise<void> {
  const [, queueName = '', lead = '', agent = '', caller = '', answer = ''] = arrival.args;
  const leadId = /^[0-9]+$/.test(lead) ? Number(lead) : null;
  return admitCall(ctx, arrival, async (uow) => {
    const found = queueName === '' ? null : await uow.tx.queues.get(queueName);
    const forAgentId = agent === '' ? null : agent;
    const agentKnown = forAgentId === null || (await uow.tx.agents.get(forAgentId)) !== null;
    const queue = found?.active && agentKnown ? found : null;
    return { did: '', queue, fromNumber: caller || arrival.callerNumber, toNumber: queueName, operation: QUEUE_DIAL_ENTRY, extra: { leadId, forAgentId }, answerWhenTaken: answer === ANSWER_WHEN_TAKEN };
  });
}

async function admitCall(ctx: CoreContext, arrival: Arrival, admission: (uow: UnitOfWork, callId: string) => Promise<Admission>): Promise<void> {
  const callId = inboundCallId(ctx, arrival.legId);
  await inTransaction(ctx, async (uow) => {
    const { tx, now } = uow;
    const { did, queue, fromNumber, toNumber, operation, extra, answerWhenTaken = false, dial } = await admission(uow, callId);
    const answerNow = queue !== null && !answerWhenTaken;
    let call: CallOf<'inbound'> = newCall(
      {
        id: callId,
        purpose: 'inbound',
        direction: 'inbound',
        progress: { stage: queue ? 'waiting' : dial ? 'dialing_destination' : 'no_route', did, queueName: queue?.name ?? null, mohClass: queue?.mohClass ?? '', callerLegId: arrival.legId, agentLegs: [], agentLegId: null, ...extra },
        agentId: null,
        fromNumber,
        toNumber,
        origin: { dialect: 'pbx', operation, apiUserId: null },
      },
      now,
    );
    const caller: Leg = {
      ...newLeg(call, 1, 'caller', endpointOf(arrival.channelName), { number: fromNumber, name: arrival.callerName }, now, { dialedNumber: toNumber }),
      id: arrival.legId,
      channelName: arrival.channelName,
      state: answerNow ? 'up' : 'ringing',
      answeredAt: answerNow ? now : null,
    };
    if (answerNow) call = { ...call, state: 'answered', answeredAt: now };
    await tx.calls.insert(call);
    await tx.calls.insertLeg(caller);
    if (dial) {
      await dialDidDestination(ctx, uow, call, caller, dial);
      return;
    }
    if (!queue) {
      ctx.logger.warn('inbound call without a route; releasing it', { did, toNumber, channelName: arrival.channelName });
      await hangupLeg(ctx, uow, caller.id);
      return;
    }
    if (answerNow) {
      const mohClass = queue.mohClass;
      answerCaller(ctx, uow, caller.id);
      uow.engine.bestEffort('music on hold', () => ctx.pbx.setMusicOnHold(caller.id, mohClass));
    }
    const queued = await enqueueCall(ctx, uow, call, queue);
    // The one agent named cannot take it now (not signed in, busy, in a call): nobody else may.
    if (queued.progress.stage === 'waiting' && waitsForNamedAgentOnly(queued)) await giveUpOnNamedAgent(ctx, uow, queued);
  });
}

/** The device a channel belongs to: `PJSIP/upc-00000001` → `PJSIP/upc`, `Local/s@gateway-queue-00000002;2` → `Local/s@gateway-queue`. */
const endpointOf = (channelName: string): string => channelName.replace(/-[0-9a-f]+(;[12])?$/i, '');
