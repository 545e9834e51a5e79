import { DomainError } from '../errors/domain-error';
import type { AgentSession } from '../agents/agent';
import type { Leg } from '../calls/call';
import { newCall } from '../calls/call-factory';
import { completeCallIfOver, releaseAgentFromCall } from '../calls/call-lifecycle';
import { hangupLeg, hangupRequestedLeg } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import { callBridgeId, callHoldBridgeId } from '../kernel/ids';
import { ownerOf } from '../kernel/owner-queue';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { enqueueCall } from '../queues/enqueue';
import { agentLegOf, connectedCustomer, customerRoleOf, liveLegOf } from './agent-call';
import { isParked } from './park';
import { withTransferProgress, extensionLegOf, extensionPartyRoleOf, isExtensionCall, type TransferableCall } from './extension-call';

/** A queue a customer is transferred into, and the one agent who is to take it there (any of the queue's when absent). */
export interface QueueTransferRequest {
  queueName: string;
  forAgentId?: string | null;
  /** Where the transferring agent goes: after-call work (the default) or ready. */
  agentAfterCall?: AgentSession['afterCall'];
  /** An opaque word of the dialect that asked, carried by the `CustomerTransferred` event (which kind of transfer its client asked for). */
  tag?: string | null;
}

/** Normal call clearing (Q.850): the agent's part of the call ended by the transfer. */
const NORMAL_CLEARING = { cause: 16, text: 'Normal Clearing' };

/**
 * Transfers an agent's customer, of a callout or of a queued call it took,
 * into a queue (VICIdial LOCAL_CLOSER, INGROUPTRANSFER). Each part is a call of its own with its own CDR: the
 * agent's call ends here (the agent hung up on its side, the agent goes to
 * after-call work or where a pending pause or logout takes it), and the
 * customer's leg moves into a new inbound call of the queue. There it waits
 * with the queue's music on hold and is offered to the queue's agents, or
 * to the one agent named, as a call that came in on a public number is.
 * A third party on the call is hung up with the agent's part (VICIdial's
 * agent screen hangs up its 3-way line as the agent goes to its
 * disposition); the customer alone goes into the queue. Refused for a queue
 * that is missing or inactive, and for an agent nobody knows. An
 * extension's call (click-to-call, a voice menu it answered) is handed on
 * the same way, its extension's leg hung up as an agent's phone without a
 * conference is. The queued call's id.
 */
export async function transferCustomerToQueue(
  ctx: CoreContext,
  uow: UnitOfWork,
  session: AgentSession | null,
  call: TransferableCall,
  legs: readonly Leg[],
  request: QueueTransferRequest,
): Promise<string> {
  const { tx, now } = uow;
  const extensionLeg = isExtensionCall(call) ? extensionLegOf(call, legs) : null;
  if (isExtensionCall(call) && (!extensionLeg || call.progress.stage !== 'connected')) throw new DomainError('NO_ACTIVE_CALL', `call ${call.id} has no extension talking with its party`);
  const customer = connectedCustomer(legs, isExtensionCall(call) ? extensionPartyRoleOf(call) : customerRoleOf(call));
  const queue = await tx.queues.get(request.queueName);
  if (!queue?.active) throw new DomainError('QUEUE_NOT_FOUND', `no active queue ${request.queueName}`, { queueName: request.queueName });
  const forAgentId = request.forAgentId ?? null;
  if (forAgentId !== null && !(await tx.agents.get(forAgentId))) throw new DomainError('AGENT_NOT_FOUND', `no agent ${forAgentId}`, { agentId: forAgentId });
  // A third party (ringing, talking or parked) is the agent's 3-way line: it goes with the agent's part of the call.
  const thirdParty = liveLegOf(legs, 'third_party');
  if (thirdParty) await hangupRequestedLeg(ctx, uow, thirdParty, 'hang up third party');

  const queuedId = `${ownerOf(customer.id)}.in-${ctx.ids.newId()}`;
  const queued = newCall(
    {
      id: queuedId,
      purpose: 'inbound',
      direction: call.direction,
      tenant: call.tenant,
      progress: {
        stage: 'waiting',
        did: '',
        queueName: queue.name,
        mohClass: queue.mohClass,
        callerLegId: customer.id,
        agentLegs: [],
        agentLegId: null,
        forAgentId,
        leadId: isExtensionCall(call) ? null : (call.progress.leadId ?? null),
        transferredFrom: call.id,
      },
      agentId: null,
      // The customer's number: a callout's called number, a queued call's caller.
      fromNumber: call.purpose === 'inbound' ? call.fromNumber : call.toNumber,
      toNumber: queue.name,
      origin: call.origin,
      data: call.data,
    },
    now,
  );
  await tx.calls.insert({ ...queued, state: 'answered', answeredAt: now });
  await tx.calls.updateLeg({ ...customer, callId: queuedId, role: 'caller' });

  // Out of the agent's conference (or the call's holding bridge), into the queue's music.
  const from = !isExtensionCall(call) && isParked(call, customer) ? callHoldBridgeId(call.id) : call.bridgeId;
  if (from !== null) uow.engine.command('take customer out of the call', () => ctx.pbx.removeFromBridge(from, customer.id), { refusalIsOrdinary: true });
  uow.engine.bestEffort('music on hold', () => ctx.pbx.setMusicOnHold(customer.id, queue.mohClass));

  const ended = {
    hangupSide: call.hangupSide ?? ('caller' as const),
    hangupCause: call.hangupCause ?? NORMAL_CLEARING.cause,
    hangupCauseText: call.hangupCauseText ?? NORMAL_CLEARING.text,
  };
  const left: TransferableCall =
    call.purpose === 'inbound'
      ? { ...call, ...ended, progress: { ...call.progress, transferredTo: queuedId } }
      : isExtensionCall(call)
        ? withTransferProgress({ ...call, ...ended }, { extensionLeft: true, transferredTo: queuedId })
        : { ...call, ...ended, progress: { ...call.progress, agentLeft: true, transferredTo: queuedId } };
  await tx.calls.update(left);
  const agentId = session?.agentId ?? call.agentId;
  if (agentId) uow.publish({ type: 'CustomerTransferred', callId: call.id, agentId, toCallId: queuedId, tag: request.tag ?? null, tenant: call.tenant, at: now });
  // Without a session conference the agent's phone is a leg of the call: the call ends with it.
  if (call.bridgeId === callBridgeId(call.id)) {
    const agentLeg = isExtensionCall(call) ? extensionLeg : agentLegOf(call, legs);
    if (agentLeg) await hangupLeg(ctx, uow, agentLeg.id);
  }
  if (session && session.currentCallId === call.id) await releaseAgentFromCall(ctx, uow, session, request.agentAfterCall ?? 'wrap_up');
  await completeCallIfOver(ctx, uow, left);

  const current = await tx.calls.lock(queuedId);
  if (current?.purpose !== 'inbound') throw new Error(`queued call ${queuedId} vanished`);
  await enqueueCall(ctx, uow, current, queue);
  return queuedId;
}
