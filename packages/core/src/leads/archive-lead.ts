import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { archiveCallbacksOfLead } from './archive-callbacks';
import type { Lead } from './lead';
import { leadOnScreen } from './lead-on-screen';

/**
 * Moves a lead from the leads to the lead archive, as VICIdial's archiving
 * moves a row of `vicidial_list` to `vicidial_list_archive`: the lead keeps
 * its number and fields, leaves the hopper and is dialled no more; its
 * callbacks go to the callback archive; its values in lists' own fields stay
 * where they are (VICIdial's custom tables are not archived), so the
 * archived lead still reads them. Null when there is no such lead; a lead on
 * an agent's screen is refused (LEAD_REJECTED).
 */
export async function archiveLead(ctx: CoreContext, leadId: number): Promise<{ lead: Lead; callbacksArchived: number } | null> {
  return inTransaction(ctx, async ({ tx }) => {
    const lead = Number.isSafeInteger(leadId) ? await tx.leads.lock(leadId) : null;
    if (!lead) return null;
    if (await leadOnScreen(tx, leadId)) throw new DomainError('LEAD_REJECTED', `lead ${leadId} is on an agent's screen`, { leadId, onScreen: true });
    const callbacksArchived = await archiveCallbacksOfLead(tx, leadId);
    await tx.hopper.removeForLead(leadId);
    await tx.leadArchive.put(lead);
    await tx.leads.delete(leadId);
    return { lead, callbacksArchived };
  });
}
