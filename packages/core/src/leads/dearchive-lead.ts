import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { Lead } from './lead';

/**
 * What bringing an archived lead back did: `not_archived` (no archived lead
 * of that number in the lists asked), `active` (a lead of that number is in
 * the leads already: nothing moved), or `restored`.
 */
export type LeadDearchive = { outcome: 'not_archived' } | { outcome: 'active'; archived: Lead } | { outcome: 'restored'; lead: Lead };

/**
 * Moves an archived lead back to the leads, as it was (VICIdial's
 * lead_dearchive: the row copied back to `vicidial_list`, then removed from
 * the archive). `listIds` limits the archived leads looked at to those lists
 * (null: any). Its archived callbacks stay archived.
 */
export async function dearchiveLead(ctx: CoreContext, request: { leadId: number; listIds: readonly number[] | null }): Promise<LeadDearchive> {
  return inTransaction(ctx, async ({ tx }) => {
    const archived = Number.isSafeInteger(request.leadId) ? await tx.leadArchive.lock(request.leadId) : null;
    if (!archived || (request.listIds !== null && !request.listIds.includes(archived.listId))) return { outcome: 'not_archived' };
    if (await tx.leads.get(archived.id)) return { outcome: 'active', archived };
    await tx.leads.put(archived);
    await tx.leadArchive.delete(archived.id);
    return { outcome: 'restored', lead: archived };
  });
}
