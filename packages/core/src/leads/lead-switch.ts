import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import { inTransaction } from '../kernel/unit-of-work';
import type { Lead } from './lead';

export interface LeadSwitch {
  /** The lead the call was on the screen with, or null when it had none. */
  previousLeadId: number | null;
  lead: Lead;
}

/**
 * Makes another lead the one of the inbound call the agent is on (VICIdial
 * switch_lead): the agent's screen, the call's log entry, its recordings
 * and the disposition given after the call go to that lead from now on. The agent
 * must be on a live inbound call (NO_ACTIVE_CALL); an unknown lead is
 * INVALID_ARGUMENT and nothing changes.
 */
export async function switchAgentLead(ctx: CoreContext, request: { agentId: string; leadId: number }): Promise<LeadSwitch> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const { tx } = uow;
      const session = await tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      const call = session.currentCallId === null ? null : await tx.calls.get(session.currentCallId);
      if (!call || call.state === 'ended' || call.purpose !== 'inbound') {
        throw new DomainError('NO_ACTIVE_CALL', `agent ${request.agentId} is on no inbound call`, { callId: session.currentCallId });
      }
      const lead = await tx.leads.get(request.leadId);
      if (!lead) throw new DomainError('INVALID_ARGUMENT', `no lead ${request.leadId}`, { leadId: request.leadId });
      const logged = await tx.leadCalls.get(call.id);
      if (logged) {
        await tx.leadCalls.update({ ...logged, leadId: lead.id });
      } else {
        await tx.leadCalls.insert({
          callId: call.id,
          leadId: lead.id,
          campaignId: session.campaignId,
          agentId: session.agentId,
          phoneNumber: call.fromNumber,
          status: null,
          startedAt: call.createdAt,
          dispositionedAt: null,
        });
      }
      // Recordings of the call name its lead (recording_lookup finds them by it): the new one from now on.
      for (const recording of await tx.recordings.listForCall(call.id)) await tx.recordings.update({ ...recording, leadId: lead.id });
      const previousLeadId = session.lead?.leadId ?? null;
      await tx.sessions.update({ ...session, lead: { leadId: lead.id, callId: call.id }, pendingDisposition: null });
      return { previousLeadId, lead };
    }),
  );
}
