import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { Campaign } from './campaign';

/** What may change of a campaign: its name, whether it dials, its dial method and caller id, its further settings (those given replace theirs, the others stay). */
export type CampaignChanges = Partial<Pick<Campaign, 'name' | 'active' | 'dialMethod' | 'campaignCid' | 'settings'>>;

/** Changes a campaign; null when there is no such campaign (nothing changes). */
export async function updateCampaign(ctx: CoreContext, request: { campaignId: string; changes: CampaignChanges }): Promise<Campaign | null> {
  return inTransaction(ctx, async ({ tx }) => {
    const campaign = await tx.campaigns.get(request.campaignId);
    if (!campaign) return null;
    const changed: Campaign = { ...campaign, ...request.changes, settings: { ...campaign.settings, ...request.changes.settings } };
    await tx.campaigns.upsert(changed);
    return changed;
  });
}
