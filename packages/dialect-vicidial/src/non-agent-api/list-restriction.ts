import { mayWorkWithCampaign, type Lead } from '@pbx-gateway/core';
import { refuse, type NonAgentContext } from './operation';

/**
 * `api_list_restrict` (spec §4.1): a restricted caller works only with lists
 * of the campaigns its user group allows; a group that does not exist ends
 * the function with its own line. Resolves with whether the list is allowed.
 */
export async function listAllowed(ctx: NonAgentContext, listId: number): Promise<boolean> {
  if (!ctx.apiUser.apiListRestrict) return true;
  const group = await ctx.core.getUserGroup(ctx.apiUser.group);
  if (!group) throw refuse(`ERROR: user_group DOES NOT EXIST: |${ctx.user}|${ctx.apiUser.group}|`);
  const list = Number.isSafeInteger(listId) ? await ctx.core.getLeadList(listId) : null;
  return list !== null && mayWorkWithCampaign(group, list.campaignId);
}

/** The lists a restricted caller may search (those of its group's campaigns); null: any list. */
export async function searchableLists(ctx: NonAgentContext): Promise<number[] | null> {
  if (!ctx.apiUser.apiListRestrict) return null;
  const group = await ctx.core.getUserGroup(ctx.apiUser.group);
  if (!group) throw refuse(`ERROR: user_group DOES NOT EXIST: |${ctx.user}|${ctx.apiUser.group}|`);
  if (group.allowedCampaigns === null) return null;
  const lists = await Promise.all(group.allowedCampaigns.map((campaignId) => ctx.core.leadListsOfCampaign(campaignId)));
  return lists.flat().map((list) => list.id);
}

/**
 * Whether the caller's group may see a lead's list, whatever
 * `api_list_restrict` says (the lead reading functions): the list must
 * exist and belong to an allowed campaign (any, for a group not defined).
 */
export async function leadListVisible(ctx: NonAgentContext): Promise<(lead: Pick<Lead, 'listId'>) => Promise<boolean>> {
  const group = await ctx.core.getUserGroup(ctx.apiUser.group);
  return async (lead) => {
    const list = await ctx.core.getLeadList(lead.listId);
    return list !== null && (group === null || mayWorkWithCampaign(group, list.campaignId));
  };
}
