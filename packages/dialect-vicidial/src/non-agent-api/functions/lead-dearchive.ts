import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { readWith } from '../params';

/** A lead number of at most 11 digits, as VICIdial searches by it. */
const LONGEST_LEAD_ID = 11;

const readInput = readWith((params) => ({
  leadId: params.read('lead_id', { keep: '0-9' }),
  // Echoed by the not-found line, though the function reads neither.
  stage: params.read('stage', { keep: '-_0-9a-zA-Z' }),
  searchLocation: params.read('search_location', { keep: 'A-Z' }),
}));

/**
 * The lists whose archived leads the caller may bring back: those of the
 * campaigns its group allows, whatever `api_list_restrict` says; null (any
 * list) for a group allowing every campaign, for a group not defined, or
 * when the allowed campaigns hold no list — VICIdial limits the search only
 * when its quoted list of list ids is longer than 3 characters, so a single
 * list with a one-digit id limits nothing either.
 */
async function dearchivableLists(ctx: NonAgentContext): Promise<number[] | null> {
  const group = await ctx.core.getUserGroup(ctx.apiUser.group);
  if (!group || group.allowedCampaigns === null) return null;
  const lists = (await Promise.all(group.allowedCampaigns.map((campaignId) => ctx.core.leadListsOfCampaign(campaignId)))).flat().map((list) => list.id);
  const quoted = lists.map((id) => `'${id}'`).join(',');
  return quoted.length > 3 ? lists : null;
}

/**
 * lead_dearchive: moves an archived lead back to the leads, as it was
 * (its archived callbacks stay archived). Answers SUCCESS with the rows
 * moved each way (1 and 1).
 */
export const leadDearchive = defineNonAgentFunction({
  name: 'lead_dearchive',
  function: 'lead_dearchive',
  auth: {
    allows: (user) => user.level > 7 && user.modifyLeads === 1,
    denied: (user) => `ERROR: lead_dearchive USER DOES NOT HAVE PERMISSION TO MODIFY LEAD INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const { leadId } = input;
    if (leadId === '' || leadId.length > LONGEST_LEAD_ID) throw refuse(`ERROR: lead_dearchive INVALID SEARCH PARAMETERS: ${ctx.user}|${leadId}`);
    const done = await ctx.core.dearchiveLead({ leadId: Number(leadId), listIds: await dearchivableLists(ctx) });
    switch (done.outcome) {
      case 'not_archived':
        throw refuse(`ERROR: lead_dearchive ARCHIVED LEAD NOT FOUND: ${ctx.user}|${leadId}|${input.stage}|${input.searchLocation}`);
      case 'active':
        throw refuse(`ERROR: lead_dearchive NON-ARCHIVED LEAD FOUND: ${ctx.user}|${leadId}|${done.archived.listId}`);
      case 'restored':
        return `SUCCESS: lead_dearchive LEAD DE-ARCHIVED: ${ctx.user}|${leadId}|1|1`;
    }
  },
  render: (line) => line,
});
