import { mayWorkWithCampaign } from '@pbx-gateway/core';
import { bytesToText } from '../../wire/php-params';
import { defineNonAgentFunction, refuse } from '../operation';
import { IDENTIFIER, readWith } from '../params';

const readInput = readWith((params) => ({
  campaignId: params.read('campaign_id', IDENTIFIER),
}));

/**
 * hopper_list: the leads waiting in a campaign's hopper. The gateway dials
 * no leads by itself, so no campaign has a hopper: a campaign the caller may
 * see answers that there are none.
 */
export const hopperList = defineNonAgentFunction({
  name: 'hopper_list',
  function: 'hopper_list',
  auth: {
    allows: (user) => user.level > 7 && user.viewReports,
    denied: (user) => `ERROR: hopper_list USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const [campaign, group] = await Promise.all([ctx.core.getCampaign(bytesToText(input.campaignId)), ctx.core.getUserGroup(ctx.apiUser.group)]);
    if (!campaign || (group !== null && !mayWorkWithCampaign(group, campaign.id))) throw refuse(`ERROR: hopper_list THIS CAMPAIGN DOES NOT EXIST: |${ctx.user}|${input.campaignId}`);
    throw refuse(`ERROR: hopper_list THERE ARE NO LEADS IN THE HOPPER FOR THIS CAMPAIGN: ${ctx.user}|${input.campaignId}`);
  },
  render: (): string => '',
});
