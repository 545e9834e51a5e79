import { startCall } from '../agents/agent';
import { newCall, newLeg } from '../calls/call-factory';
import { dialLeg } from '../calls/call-primitives';
import type { Leg } from '../calls/call';
import type { CoreContext } from '../kernel/context';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import { newCallId } from '../kernel/ids';
import { requireEngine } from '../kernel/engine';
import { DomainError } from '../errors/domain-error';
import { findExtension } from '../directory/extension-lookup';
import { findSupervisedLeg } from './supervised-leg';
import { SUPERVISOR_ORDINAL, supervisionCall } from './supervision-flow';
import type { SupervisionRequest, SupervisorPhone } from './supervision';

/** The phone rung for the supervisor, and the agent it belongs to when an agent supervises. */
interface SupervisorLine {
  endpoint: string;
  dialedNumber: string;
  account: Leg['account'];
  agentId: string | null;
}

/**
 * Rings the supervisor's phone; once it answers, it joins the supervised leg
 * as the mode says (supervision-flow). The supervisor is found before the
 * supervised party, each as the directory finds extensions; a supervised
 * party that is in no call is LEG_NOT_FOUND. An agent supervising must be
 * signed in and not in a call, and is in this call until it ends.
 */
export async function startSupervision(ctx: CoreContext, request: SupervisionRequest): Promise<{ callId: string }> {
  // Without the engine the live legs the gateway has recorded cannot be trusted to be there.
  requireEngine(ctx, 'supervise');
  const supervisorAgentId = 'agentId' in request.supervisor ? request.supervisor.agentId : null;
  const supervisorExtension = 'selector' in request.supervisor ? await findExtension(ctx.store.direct, request.supervisor.selector, request.supervisor.dialplan) : null;
  const supervised = await findSupervisedLeg(ctx, request.supervised);
  const callId = newCallId(ctx.ids, supervisorAgentId);
  return ctx.queue.run(callId, () =>
    inTransaction(ctx, async (uow) => {
      const { tx, now } = uow;
      const line = await supervisorLine(uow, request.supervisor, supervisorExtension?.id ?? null);
      const call = newCall(
        {
          id: callId,
          purpose: 'supervision',
          progress: { stage: 'ringing_supervisor', mode: request.mode, targetLegId: supervised.id, targetChannelName: supervised.channelName ?? '' },
          agentId: line.agentId,
          fromNumber: request.callerId.number,
          toNumber: line.dialedNumber,
          extension: line.account ? line.dialedNumber : null,
          origin: request.origin,
          data: request.data,
        },
        now,
      );
      const supervisor = newLeg(call, SUPERVISOR_ORDINAL, 'supervisor', line.endpoint, request.callerId, now, {
        dialedNumber: line.dialedNumber,
        account: line.account,
      });
      await tx.calls.insert(call);
      await tx.calls.insertLeg(supervisor);
      if (line.agentId !== null) await occupyAgent(uow, line.agentId, call.id);
      dialLeg(ctx, uow, supervisor, {
        what: 'ring supervisor',
        timeoutSec: request.ringSec ?? ctx.config.agentRingTimeoutSec,
        flow: supervisionCall,
        refusal: 'reported',
      });
      return { callId };
    }),
  );
}

async function supervisorLine(uow: UnitOfWork, phone: SupervisorPhone, extensionId: number | null): Promise<SupervisorLine> {
  if ('agentId' in phone) {
    const session = await uow.tx.sessions.get(phone.agentId);
    if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${phone.agentId} is not logged in`);
    if (!session.device) throw new DomainError('AGENT_HAS_NO_DEVICE', `agent ${phone.agentId} has no phone to ring`);
    return { endpoint: session.device, dialedNumber: session.phoneNumber || session.device, account: null, agentId: session.agentId };
  }
  const extension = await findExtension(uow.tx, { by: 'id', value: String(extensionId) }, null);
  return { endpoint: extension.endpoint, dialedNumber: extension.internalNumber, account: { kind: 'extension', id: extension.id }, agentId: null };
}

/** The supervising agent is in a call from the moment its phone is rung. */
async function occupyAgent(uow: UnitOfWork, agentId: string, callId: string): Promise<void> {
  const session = await uow.tx.sessions.lock(agentId);
  if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`);
  const busy = startCall(session, callId, uow.now);
  await uow.tx.sessions.update(busy);
  uow.publish({ type: 'AgentStateChanged', agentId, from: session.state, to: 'in_call', reason: 'supervision', at: uow.now });
}
