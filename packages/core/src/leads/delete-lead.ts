import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { archiveCallbacksOfLead } from './archive-callbacks';
import { leadOnScreen } from './lead-on-screen';

/**
 * Deletes a lead, its hopper entry and its values in lists' own fields; its
 * callbacks go to the callback archive. Null when there is no such lead. A
 * lead on an agent's screen (shown, previewed) is refused (LEAD_REJECTED):
 * the agent's disposition still needs it.
 */
export async function deleteLead(ctx: CoreContext, leadId: number): Promise<{ callbacksRemoved: number } | null> {
  return inTransaction(ctx, async ({ tx }) => {
    if (!Number.isSafeInteger(leadId) || !(await tx.leads.lock(leadId))) return null;
    if (await leadOnScreen(tx, leadId)) throw new DomainError('LEAD_REJECTED', `lead ${leadId} is on an agent's screen`, { leadId, onScreen: true });
    const callbacksRemoved = await archiveCallbacksOfLead(tx, leadId);
    // A deleted lead can no longer be dialled: it leaves the hopper too.
    await tx.hopper.removeForLead(leadId);
    await tx.listCustomFields.removeValuesOfLead(leadId);
    await tx.leads.delete(leadId);
    return { callbacksRemoved };
  });
}
