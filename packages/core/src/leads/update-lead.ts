import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import { MAX_CALLED_COUNT, MAX_LIST_ID, MAX_STATUS_LENGTH, oversizedLeadFields, type Lead, type LeadFields } from './lead';

export interface LeadChanges extends Partial<LeadFields> {
  status?: string;
  /** The list the lead moves to (a list need not have a row, as a manual-dial list). */
  listId?: number;
  /** Who the lead is kept for. */
  user?: string;
  calledCount?: number;
  /** `N` makes the lead dialable again before its list is reset. */
  calledSinceLastReset?: string;
}

/**
 * Changes the fields given of a lead; a value that does not fit is refused
 * (LEAD_REJECTED) and nothing changes. Null when the lead is gone.
 */
export async function updateLead(ctx: CoreContext, request: { leadId: number; changes: LeadChanges }): Promise<Lead | null> {
  return inTransaction(ctx, async (uow) => {
    const lead = await uow.tx.leads.lock(request.leadId);
    if (!lead) return null;
    return changeLockedLead(uow, lead, request.changes);
  });
}

/** Writes the changes to a lead the unit of work holds locked, once checked to fit; the lead as it is now. */
export async function changeLockedLead(uow: UnitOfWork, lead: Lead, changes: LeadChanges): Promise<Lead> {
  const { tx, now } = uow;
  const changed: Lead = { ...lead, ...changes, modifyDate: now };
  const oversized = oversizedLeadFields(changed);
  if (changed.status.length < 1 || [...changed.status].length > MAX_STATUS_LENGTH) oversized.push('status');
  if (!Number.isSafeInteger(changed.calledCount) || changed.calledCount < 0 || changed.calledCount > MAX_CALLED_COUNT) oversized.push('calledCount');
  if (!Number.isSafeInteger(changed.listId) || changed.listId < 0 || changed.listId > MAX_LIST_ID) oversized.push('listId');
  if (oversized.length > 0) throw new DomainError('LEAD_REJECTED', `fields too long: ${oversized.join(', ')}`, { listId: lead.listId, leadId: lead.id, fields: oversized.join(',') });
  await tx.leads.update(changed);
  uow.publish({ type: 'LeadUpdated', leadId: lead.id, fields: Object.keys(changes).join(','), at: now });
  return changed;
}
