import { DomainError } from '../errors/domain-error';
import type { AgentSession } from '../agents/agent';
import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';

/** What becomes of a previewed lead: shown, dropped unseen (skipped), or closed without a call (after-call work for its disposition). */
export type LeadPreviewAction = { kind: 'show'; leadId: number } | { kind: 'skip' } | { kind: 'finish' };

/**
 * Shows an agent a lead to dial or skip, or ends its preview. A previewed
 * lead is not on the agent's screen as a call's lead is: the agent stays
 * paused and nothing is dialled. Finishing it puts it on the screen for its
 * disposition (VICIdial: DISPO without a call).
 */
export async function previewLead(ctx: CoreContext, request: { agentId: string; action: LeadPreviewAction }): Promise<{ leadId: number }> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      return applyPreviewAction(uow, session, request.action);
    }),
  );
}

async function applyPreviewAction(uow: UnitOfWork, session: AgentSession, action: LeadPreviewAction): Promise<{ leadId: number }> {
  const { tx, now } = uow;
  if (session.state !== 'paused' || session.lead !== null) {
    throw new DomainError('AGENT_NOT_PAUSED', `agent ${session.agentId} is ${session.state}`, { state: session.state });
  }
  if (action.kind === 'show') {
    if (!(await tx.leads.get(action.leadId))) throw new DomainError('INVALID_ARGUMENT', `no lead ${action.leadId}`, { leadId: action.leadId });
    await tx.sessions.update({ ...session, previewLeadId: action.leadId });
    return { leadId: action.leadId };
  }
  const leadId = session.previewLeadId;
  if (leadId === null) throw new DomainError('NO_ACTIVE_LEAD', `agent ${session.agentId} previews no lead`);
  if (action.kind === 'skip') {
    await tx.sessions.update({ ...session, previewLeadId: null });
    return { leadId };
  }
  await tx.sessions.update({ ...session, previewLeadId: null, lead: { leadId, callId: null }, state: 'wrap_up', stateChangedAt: now });
  uow.publish({ type: 'AgentStateChanged', agentId: session.agentId, from: session.state, to: 'wrap_up', reason: null, at: now });
  return { leadId };
}
