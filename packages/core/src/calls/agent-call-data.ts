import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import type { JsonObject } from '../kernel/json';
import { inTransaction } from '../kernel/unit-of-work';

export interface AgentCallDataRequest {
  agentId: string;
  /** The call to write to; null: the agent's current call. */
  callId: string | null;
  /** Fields merged into the call's data (a field given replaces the one it names); the CDR carries them. */
  data: JsonObject;
}

/**
 * Attaches the client's data to a call of the agent while it lasts (a
 * contact centre's call-associated data), so that later readers and the
 * call's CDR see it. Only a call the agent is part of may be written: the
 * agent's current call, or one it handles (`CALL_NOT_FOUND` otherwise);
 * `NO_ACTIVE_CALL` when no call is named and the agent is in none.
 */
export async function setAgentCallData(ctx: CoreContext, request: AgentCallDataRequest): Promise<void> {
  await ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.get(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      const callId = request.callId ?? session.currentCallId;
      if (callId === null) throw new DomainError('NO_ACTIVE_CALL', `agent ${request.agentId} is in no call`);
      const call = await uow.tx.calls.lock(callId);
      const ours = call !== null && call.state !== 'ended' && (call.agentId === request.agentId || session.currentCallId === call.id);
      if (!ours) throw new DomainError('CALL_NOT_FOUND', `agent ${request.agentId} has no live call ${callId}`, { callId });
      await uow.tx.calls.update({ ...call, data: { ...call.data, ...request.data } });
    }),
  );
}
