import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';

/**
 * Deletes a lead, its callbacks and its hopper entry; null when there is no such lead. A lead
 * on an agent's screen (shown, previewed) is refused (LEAD_REJECTED): the
 * agent's disposition still needs it.
 */
export async function deleteLead(ctx: CoreContext, leadId: number): Promise<{ callbacksRemoved: number } | null> {
  return inTransaction(ctx, async ({ tx }) => {
    if (!Number.isSafeInteger(leadId) || !(await tx.leads.lock(leadId))) return null;
    const onScreen = (await tx.sessions.list()).some((session) => session.lead?.leadId === leadId || session.previewLeadId === leadId);
    if (onScreen) throw new DomainError('LEAD_REJECTED', `lead ${leadId} is on an agent's screen`, { leadId, onScreen: true });
    const callbacksRemoved = await tx.callbacks.deleteForLead(leadId);
    // A deleted lead can no longer be dialled: it leaves the hopper too.
    await tx.hopper.removeForLead(leadId);
    await tx.leads.delete(leadId);
    return { callbacksRemoved };
  });
}
