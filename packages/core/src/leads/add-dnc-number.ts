import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { DncEntry } from './do-not-call';

/** Puts a number on a do-not-call list; false when it is there already (nothing changes). */
export async function addDncNumber(ctx: CoreContext, entry: DncEntry): Promise<boolean> {
  return inTransaction(ctx, async ({ tx }) => {
    if (await tx.dnc.contains(entry.scope, entry.phoneNumber)) return false;
    await tx.dnc.add(entry);
    return true;
  });
}
