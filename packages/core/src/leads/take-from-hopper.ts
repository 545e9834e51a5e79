import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { Lead } from './lead';

/**
 * The next lead of a campaign's hopper for an agent to dial: the first READY
 * entry in dialling order leaves the hopper (as VICIdial's manual dial takes
 * it); null when none waits.
 */
export async function takeLeadFromHopper(ctx: CoreContext, campaignId: string): Promise<Lead | null> {
  return inTransaction(ctx, async ({ tx }) => {
    for (;;) {
      const entry = await tx.hopper.takeFirstReady(campaignId);
      if (!entry) return null;
      const lead = await tx.leads.get(entry.leadId);
      if (lead) return lead;
    }
  });
}
