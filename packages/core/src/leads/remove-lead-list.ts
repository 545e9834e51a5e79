import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';

/**
 * Removes a list; false when there was none. Its leads stay where they are
 * (VICIdial deletes them only when asked to, one by one: `deleteLead`).
 */
export async function removeLeadList(ctx: CoreContext, listId: number): Promise<boolean> {
  return inTransaction(ctx, async ({ tx }) => (Number.isSafeInteger(listId) ? tx.leadLists.delete(listId) : false));
}
