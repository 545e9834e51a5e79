import type { JsonObject } from '../kernel/json';
import { DomainError } from '../errors/domain-error';
import { CUSTOMER_CALL, startCall, type AgentSession } from '../agents/agent';
import type { Call } from './call';
import { newCall, newLeg } from './call-factory';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { dialLeg } from './call-primitives';
import { agentInternalCall } from './agent-internal-call-flow';
import { agentOwner, newCallId } from '../kernel/ids';

export interface AgentInternalCallRequest {
  /** The calling agent. */
  agentId: string;
  /** The agent called. */
  calledAgentId: string;
  /** Number the called agent's phone shows; the calling agent's phone number when null. */
  callerId: string | null;
  origin: Call['origin'];
  /** The client's own data for the call, echoed into the CDR. */
  data?: JsonObject;
}

/**
 * One agent calls another (flows/agent-internal-call): the calling agent's
 * phone rings first and, once it answers, the called agent's phone; both
 * agents are in the call from now on. The called agent must be signed in
 * (AGENT_NOT_LOGGED_IN), idle with a phone of its own, not one held in a
 * session conference (AGENT_BUSY).
 */
export async function startAgentInternalCall(ctx: CoreContext, request: AgentInternalCallRequest): Promise<{ callId: string }> {
  if (request.calledAgentId === request.agentId) throw new DomainError('INVALID_ARGUMENT', 'an agent cannot call itself');
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const { tx, now } = uow;
      // Sessions are locked in one order whoever calls whom, so that two agents calling each other cannot deadlock.
      const [first, second] = [request.agentId, request.calledAgentId].sort();
      const locked = new Map<string, AgentSession | null>([
        [first!, await tx.sessions.lock(first!)],
        [second!, await tx.sessions.lock(second!)],
      ]);
      const caller = locked.get(request.agentId) ?? null;
      const called = locked.get(request.calledAgentId) ?? null;
      if (!caller) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      if (caller.state === 'in_call') throw new DomainError('AGENT_BUSY', 'agent is already in a call');
      if (!caller.device) throw new DomainError('AGENT_HAS_NO_DEVICE', 'agent has no phone');
      // A phone that sits in a session conference (a VICIdial agent) is not free to ring for another call.
      if (caller.conference) throw new DomainError('AGENT_BUSY', 'agent talks from its session conference');
      if (!called) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.calledAgentId} is not logged in`, { calledAgentId: request.calledAgentId });
      // Only an idle agent takes a call, as a queued call would reach it.
      if (called.state !== 'ready' || !called.device || called.conference) {
        throw new DomainError('AGENT_BUSY', `agent ${request.calledAgentId} is ${called.state}`, { calledAgentId: request.calledAgentId });
      }
      const fromNumber = request.callerId ?? caller.phoneNumber;
      const id = newCallId(ctx.ids, caller.agentId);
      const call = newCall(
        {
          id,
          purpose: 'agent_internal',
          progress: { stage: 'ringing_caller', calledAgentId: called.agentId, callerLegId: '', calledLegId: null },
          agentId: caller.agentId,
          fromNumber,
          toNumber: called.agentId,
          bridgeId: null,
          origin: request.origin,
          data: request.data ?? {},
        },
        now,
      );
      const callerLeg = newLeg(call, 1, 'agent', caller.device, { number: called.agentId, name: '' }, now, { dialedNumber: caller.phoneNumber });
      const placed = { ...call, progress: { ...call.progress, callerLegId: callerLeg.id } };
      await tx.calls.insert(placed);
      await tx.calls.insertLeg(callerLeg);
      for (const session of [caller, called]) {
        await tx.sessions.update(startCall(session, placed.id, now));
        // Like a callout: Huawei reports the agents busy once their phones answer.
        uow.publish({ type: 'AgentStateChanged', agentId: session.agentId, from: session.state, to: 'in_call', reason: CUSTOMER_CALL, at: now });
      }
      dialLeg(ctx, uow, callerLeg, { what: 'ring agent phone', timeoutSec: ctx.config.agentRingTimeoutSec, flow: agentInternalCall, refusal: 'reported' });
      return { callId: placed.id };
    }),
  );
}
