import { mayWorkWithCampaign } from '@pbx-gateway/core';
import { exportRows } from '../../wire/export-rows';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { agentGroupOf, viewableBy } from '../agent-report';
import { campaignInGroups } from '../in-group-list';
import { defineNonAgentFunction, refuse } from '../operation';
import { IDENTIFIER, readWith } from '../params';

const COLUMNS = ['user', 'allowed_campaigns_list', 'allowed_ingroups_list'] as const;

const readInput = readWith((params) => ({
  agentUser: params.read('agent_user', IDENTIFIER),
  campaignId: params.read('campaign_id', IDENTIFIER),
  ignoreAgentDirect: params.read('ignore_agentdirect', { keep: 'A-Z' }),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
}));


/**
 * agent_campaigns: the active campaigns an agent's user group allows (or
 * the one asked), joined by `-`, and the active in-groups those campaigns
 * offer, joined by `-`, in one export row.
 */
export const agentCampaigns = defineNonAgentFunction({
  name: 'agent_campaigns',
  function: 'agent_campaigns',
  auth: {
    allows: (user) => user.level > 7 && user.viewReports && user.modifyUsers,
    denied: (user) => `ERROR: agent_campaigns USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const agent = input.agentUser === '' ? null : await ctx.core.getAgent(bytesToText(input.agentUser));
    if (!agent || !(await viewableBy(ctx))(agent)) throw refuse(`ERROR: agent_campaigns AGENT USER DOES NOT EXIST: |${ctx.user}|${input.agentUser}`);
    const [campaigns, group, queues] = await Promise.all([ctx.core.listCampaigns(), ctx.core.getUserGroup(agentGroupOf(agent)), ctx.core.listQueues()]);
    const asked = bytesToText(input.campaignId);
    const allowed = campaigns.filter((campaign) => campaign.active && (group === null || mayWorkWithCampaign(group, campaign.id)) && (asked === '' || campaign.id === asked));
    if (allowed.length === 0) throw refuse(`ERROR: agent_campaigns THIS AGENT USER HAS NO AVAILABLE CAMPAIGNS: ${input.agentUser}|${ctx.user}|`);
    const offered = new Set(allowed.flatMap(campaignInGroups));
    const inGroups = queues
      .filter((queue) => queue.active && offered.has(queue.name))
      .filter((queue) => input.ignoreAgentDirect !== 'Y' || !queue.name.toUpperCase().startsWith('AGENTDIRECT'))
      .map((queue) => queue.name)
      .sort();
    return [input.agentUser, utf8ToBytes(allowed.map((campaign) => campaign.id).join('-')), utf8ToBytes(inGroups.join('-'))];
  },
  render: (row, _ctx, input) => exportRows(input.stage, input.header, COLUMNS, [row]),
});
