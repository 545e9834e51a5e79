import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';

/** A reset done: how many of the list's leads it marked not called (those called since the last reset), and how often the list was reset that day, this one included. */
export interface LeadListResetDone {
  leadsReset: number;
  resetsThatDay: number;
}

/**
 * Resets a list: every lead of it becomes "not called since the last
 * reset", and the list counts the reset on that day (the caller's name of
 * today: a reset on another day counts from one again) and is changed now.
 * Null when there is no such list.
 */
export async function resetLeadList(ctx: CoreContext, request: { listId: number; day: string }): Promise<LeadListResetDone | null> {
  return inTransaction(ctx, async ({ tx, now }) => {
    const list = await tx.leadLists.get(request.listId);
    if (!list) return null;
    const resetsThatDay = list.lastReset?.day === request.day ? list.lastReset.count + 1 : 1;
    await tx.leadLists.upsert({ ...list, changedAt: now, lastReset: { day: request.day, count: resetsThatDay } });
    const leadsReset = await tx.leads.resetCalledMarks(request.listId);
    return { leadsReset, resetsThatDay };
  });
}
