import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { DncEntry } from './do-not-call';

/** Takes a number off a do-not-call list; false when it was not there. */
export async function removeDncNumber(ctx: CoreContext, entry: DncEntry): Promise<boolean> {
  return inTransaction(ctx, ({ tx }) => tx.dnc.remove(entry));
}
