import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';

/** Empties a campaign's hopper: its leads wait to be loaded again. Answers how many entries it took out. */
export async function resetCampaignHopper(ctx: CoreContext, campaignId: string): Promise<number> {
  return inTransaction(ctx, async ({ tx }) => {
    const entries = await tx.hopper.listForCampaign(campaignId);
    for (const entry of entries) await tx.hopper.remove(entry.id);
    return entries.length;
  });
}
