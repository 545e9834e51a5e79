import type { JsonObject } from '../kernel/json';
import { DomainError } from '../errors/domain-error';
import { CUSTOMER_CALL, startCall } from '../agents/agent';
import type { Call } from './call';
import { newCall, newLeg } from './call-factory';
import type { CoreContext } from '../kernel/context';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import type { AgentSession } from '../agents/agent';
import { calledAgainMark, DIALLED_LEAD_STATUS, MAX_CALLED_COUNT } from '../leads/lead';
import { dialLeg } from './call-primitives';
import { agentCustomerCall } from './agent-customer-call-flow';
import { agentOwner, newCallId } from '../kernel/ids';
import { checkDialableNumber } from '../directory/extension-lookup';

export interface AgentCustomerCallRequest {
  agentId: string;
  number: string;
  /** Number the customer sees; the trunk's first pool number when null. */
  callerId: string | null;
  origin: Call['origin'];
  /** The lead the call is placed for: it becomes the lead on the agent's screen, and the call its call record. */
  leadId?: number | null;
  /** Dialled in front of the number (a campaign's or the client's prefix), not part of the number the CDR shows. */
  dialPrefix?: string;
  /** The client's own data for the call (Huawei call-associated data), echoed into the CDR. */
  data?: JsonObject;
}

/**
 * Connects a customer to an agent (flows/agent-customer-call): dialled into
 * the agent's conference when the session has one, otherwise after the
 * agent's own phone answers. The agent is in a call from now on.
 */
export async function startAgentCustomerCall(ctx: CoreContext, request: AgentCustomerCallRequest): Promise<{ callId: string }> {
  checkDialableNumber(request.number);
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      return placeAgentCustomerCall(ctx, uow, session, request);
    }),
  );
}

/**
 * The customer call of a session locked in this unit of work: the call, its
 * first leg and the lead's call record are written, and the leg is dialled
 * after the commit. Also how a queued manual dial is placed.
 */
export async function placeAgentCustomerCall(
  ctx: CoreContext,
  uow: UnitOfWork,
  session: AgentSession,
  request: AgentCustomerCallRequest,
): Promise<{ callId: string }> {
  const number = checkDialableNumber(request.number);
  const dialled = checkDialableNumber(`${request.dialPrefix ?? ''}${number}`);
  const { tx, now } = uow;
  if (session.state === 'in_call') throw new DomainError('AGENT_BUSY', 'agent is already in a call');
  const trunk = await tx.trunks.preferred();
  if (!trunk) throw new DomainError('TRUNK_NOT_FOUND', 'no trunk to dial out');
  const lead = request.leadId == null ? null : await tx.leads.lock(request.leadId);
  if (request.leadId != null && !lead) throw new DomainError('INVALID_ARGUMENT', `no lead ${request.leadId}`, { leadId: request.leadId });
  const callerId = request.callerId ?? trunk.callerIdPool[0] ?? '';
  const customerEndpoint = trunk.dialTemplate.replace('{number}', dialled);
  const call = newCall(
    {
      id: newCallId(ctx.ids, session.agentId),
      purpose: 'agent_customer',
      progress: { stage: session.conference ? 'dialing_customer' : 'ringing_agent', customerEndpoint, trunkId: trunk.id, leadId: lead?.id ?? null },
      agentId: session.agentId,
      fromNumber: callerId,
      toNumber: number,
      bridgeId: session.conference?.bridgeId ?? null,
      origin: request.origin,
      data: request.data ?? {},
    },
    now,
  );
  if (!session.conference && !session.device) throw new DomainError('AGENT_HAS_NO_DEVICE', 'agent has no phone');
  const first = session.conference
    ? newLeg(call, 1, 'customer', customerEndpoint, { number: callerId, name: '' }, now, { dialedNumber: dialled, account: { kind: 'trunk', id: trunk.id } })
    : newLeg(call, 1, 'agent', session.device, { number, name: '' }, now, { dialedNumber: session.phoneNumber });
  await tx.calls.insert(call);
  await tx.calls.insertLeg(first);
  const busy = startCall(session, call.id, now);
  if (lead) {
    // A lead being dialled is INCALL until its disposition, as the dialer marks it: the next manual dial passes it by.
    await tx.leads.update({
      ...lead,
      status: DIALLED_LEAD_STATUS,
      // At the column's end the count stays there, as the dialer's column keeps it (a count can be set that high).
      calledCount: Math.min(lead.calledCount + 1, MAX_CALLED_COUNT),
      calledSinceLastReset: calledAgainMark(lead.calledSinceLastReset),
      modifyDate: now,
    });
    // The list's last call date is when one of its leads was last dialled, as the dialer notes it.
    await tx.leadLists.markCalled(lead.listId, now);
    await tx.leadCalls.insert({
      callId: call.id,
      leadId: lead.id,
      campaignId: session.campaignId,
      agentId: session.agentId,
      phoneNumber: number,
      status: null,
      startedAt: now,
      dispositionedAt: null,
    });
  }
  // The call's lead, or none, is what the agent's screen shows from now on; a previewed lead is dialled or gone.
  await tx.sessions.update({ ...busy, lead: lead ? { leadId: lead.id, callId: call.id } : null, previewLeadId: null, pendingDisposition: null });
  uow.publish({ type: 'AgentStateChanged', agentId: session.agentId, from: session.state, to: 'in_call', reason: CUSTOMER_CALL, at: now });
  dialLeg(ctx, uow, first, {
    what: first.role === 'agent' ? 'ring agent phone' : 'dial customer',
    timeoutSec: first.role === 'agent' ? ctx.config.agentRingTimeoutSec : ctx.config.destinationRingTimeoutSec,
    flow: agentCustomerCall,
    refusal: 'reported',
  });
  return { callId: call.id };
}
