import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import { inTransaction } from '../kernel/unit-of-work';
import type { LeadFields } from './lead';
import { changeLockedLead } from './update-lead';

export interface ScreenLeadUpdate {
  agentId: string;
  changes: Partial<LeadFields>;
  /** What the agent's screen is to reload: the fields changed, and panels. */
  screenRefresh: string;
}

export interface ScreenLeadUpdated {
  leadId: number;
  /** Some field took a new value. */
  leadChanged: boolean;
  /** The session did not already ask its screen for exactly this. */
  screenChanged: boolean;
}

/**
 * Changes fields of the lead on the agent's screen and asks the screen to
 * reload them, together, in the agent's queue (so the lead cannot leave the
 * screen in between). A value that does not fit is refused (LEAD_REJECTED)
 * and nothing changes.
 */
export async function updateScreenLead(ctx: CoreContext, request: ScreenLeadUpdate): Promise<ScreenLeadUpdated> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      const lead = session.lead && (await uow.tx.leads.lock(session.lead.leadId));
      if (!lead) throw new DomainError('NO_ACTIVE_LEAD', `agent ${request.agentId} has no lead`);
      const names = Object.keys(request.changes) as Array<keyof LeadFields>;
      const leadChanged = names.some((name) => request.changes[name] !== lead[name]);
      if (leadChanged) await changeLockedLead(uow, lead, request.changes);
      const screenChanged = session.screenRefresh !== request.screenRefresh;
      if (screenChanged) await uow.tx.sessions.update({ ...session, screenRefresh: request.screenRefresh });
      return { leadId: lead.id, leadChanged, screenChanged };
    }),
  );
}
