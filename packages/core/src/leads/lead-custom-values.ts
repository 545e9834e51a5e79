import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { LeadCustomValues } from './list-custom-field';

/** What setting a lead's values did; null when there is no such lead. */
export interface LeadCustomValuesSet {
  /** Whether the lead's entry list became the list (it was another). */
  entryListChanged: boolean;
}

/**
 * Writes a lead's values in a list's fields, and makes that list the lead's
 * entry list: the list whose fields its values fill from then on (as
 * VICIdial sets `entry_list_id` once custom values are stored).
 */
export async function setLeadCustomValues(
  ctx: CoreContext,
  request: { leadId: number; listId: number; values: LeadCustomValues },
): Promise<LeadCustomValuesSet | null> {
  return inTransaction(ctx, async ({ tx, now, publish }) => {
    const lead = await tx.leads.lock(request.leadId);
    if (!lead) return null;
    await tx.listCustomFields.putValues(request.listId, lead.id, request.values);
    const entryListChanged = lead.entryListId !== request.listId;
    if (entryListChanged) await tx.leads.update({ ...lead, entryListId: request.listId, modifyDate: now });
    publish({ type: 'LeadUpdated', leadId: lead.id, fields: 'customFields', at: now });
    return { entryListChanged };
  });
}
