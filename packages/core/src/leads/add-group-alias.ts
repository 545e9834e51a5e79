import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { GroupAlias } from './group-alias';

/** Adds a caller id agents may dial with; false when the id is taken (nothing changes). */
export async function addGroupAlias(ctx: CoreContext, alias: GroupAlias): Promise<boolean> {
  return inTransaction(ctx, async ({ tx }) => {
    if (await tx.groupAliases.get(alias.id)) return false;
    await tx.groupAliases.upsert(alias);
    return true;
  });
}
