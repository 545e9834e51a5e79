import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { LeadList } from './campaign';

/** Adds a lead list to an existing campaign; false when a list with that id exists already (nothing changes). */
export async function addLeadList(ctx: CoreContext, list: LeadList): Promise<boolean> {
  return inTransaction(ctx, async ({ tx }) => {
    if (await tx.leadLists.get(list.id)) return false;
    await tx.leadLists.upsert(list);
    return true;
  });
}
