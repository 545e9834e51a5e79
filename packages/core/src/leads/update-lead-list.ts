import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { LeadList } from './campaign';

/** What may change of a list: its name, its campaign, whether it is dialled, its further settings (those given replace theirs, the others stay). */
export type LeadListChanges = Partial<Pick<LeadList, 'name' | 'campaignId' | 'active' | 'settings'>>;

/** Changes a list (no changes given: only its change time); null when there is no such list (nothing changes). The campaign is the caller's to check. */
export async function updateLeadList(ctx: CoreContext, request: { listId: number; changes: LeadListChanges }): Promise<LeadList | null> {
  return inTransaction(ctx, async ({ tx, now }) => {
    const list = await tx.leadLists.get(request.listId);
    if (!list) return null;
    const changed: LeadList = { ...list, ...request.changes, settings: { ...list.settings, ...request.changes.settings }, changedAt: now };
    await tx.leadLists.upsert(changed);
    return changed;
  });
}
