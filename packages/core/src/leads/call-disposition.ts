import type { AgentSession, Disposition } from '../agents/agent';
import type { Call } from '../calls/call';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { applyDisposition, checkDispositionStatus } from './disposition';

/**
 * A status given for a call named by its id rather than by its agent
 * (VICIdial ra_call_control). The agent whose screen holds the call's lead
 * takes it as its own disposition: kept while the agent is on the call and
 * applied as the agent leaves it (the agent then moves on as after any
 * disposition), applied at once when the agent has left already. With no
 * agent holding the lead, the call's log entry and its lead take the status.
 * The session as it stands afterwards.
 */
export async function dispositionNamedCall(ctx: CoreContext, uow: UnitOfWork, session: AgentSession | null, call: Call, status: string): Promise<AgentSession | null> {
  checkDispositionStatus(status);
  const disposition: Disposition = { status, callback: null };
  if (session && session.lead?.callId === call.id) {
    if (session.currentCallId === call.id) {
      const kept: AgentSession = { ...session, pendingDisposition: disposition };
      await uow.tx.sessions.update(kept);
      return kept;
    }
    await applyDisposition(ctx, uow, session, disposition);
    return uow.tx.sessions.lock(session.agentId);
  }
  const { tx, now } = uow;
  const log = await tx.leadCalls.get(call.id);
  if (log) await tx.leadCalls.update({ ...log, status, dispositionedAt: now });
  const leadId = log?.leadId ?? (call.purpose === 'agent_customer' || call.purpose === 'inbound' ? (call.progress.leadId ?? null) : null);
  const lead = leadId === null ? null : await tx.leads.lock(leadId);
  if (lead) {
    await tx.leads.update({ ...lead, status, modifyDate: now });
    if (call.agentId !== null) uow.publish({ type: 'LeadDispositioned', leadId: lead.id, agentId: call.agentId, status, callbackId: null, at: now });
  }
  return session;
}
