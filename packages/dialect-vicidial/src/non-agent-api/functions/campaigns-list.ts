import { mayWorkWithCampaign, type Campaign } from '@pbx-gateway/core';
import { exportRows } from '../../wire/export-rows';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { defineNonAgentFunction, refuse } from '../operation';
import { IDENTIFIER, readWith } from '../params';
import { DEFAULT_DIAL_STATUSES } from '../campaign-dialling';

const COLUMNS = [
  'campaign_id',
  'campaign_name',
  'active',
  'user_group',
  'dial_method',
  'dial_level',
  'lead_order',
  'dial_statuses',
  'dial_timeout',
  'dial_prefix',
  'manual_dial_prefix',
  'three_way_dial_prefix',
] as const;

const readInput = readWith((params) => ({
  campaignId: params.read('campaign_id', IDENTIFIER),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
}));

/**
 * A campaign's row. The settings the gateway does not act on come from the
 * campaign's `settings` by VICIdial's column names, else VICIdial's
 * defaults for a new campaign; `dial_statuses` without its ` … -` frame.
 */
const rowOf = (campaign: Campaign): string[] => {
  const setting = (name: string, fallback: string) => campaign.settings[name] ?? fallback;
  return [
    campaign.id,
    campaign.name,
    campaign.active ? 'Y' : 'N',
    setting('user_group', '---ALL---'),
    campaign.dialMethod,
    setting('auto_dial_level', '0'),
    setting('lead_order', 'DOWN'),
    setting('dial_statuses', DEFAULT_DIAL_STATUSES).replace(/^ | -$/g, ''),
    setting('dial_timeout', '60'),
    campaign.dialPrefix,
    setting('manual_dial_prefix', ''),
    setting('three_way_dial_prefix', ''),
  ].map(utf8ToBytes);
};

/** campaigns_list: the campaigns the caller's group may work with (or the one asked), by id, as export rows. */
export const campaignsList = defineNonAgentFunction({
  name: 'campaigns_list',
  function: 'campaigns_list',
  auth: {
    allows: (user) => user.level > 7 && user.viewReports,
    denied: (user) => `ERROR: campaigns_list USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const [campaigns, group] = await Promise.all([ctx.core.listCampaigns(), ctx.core.getUserGroup(ctx.apiUser.group)]);
    const asked = bytesToText(input.campaignId);
    const visible = campaigns.filter((campaign) => (group === null || mayWorkWithCampaign(group, campaign.id)) && (asked === '' || campaign.id === asked));
    if (visible.length === 0) throw refuse(`ERROR: campaigns_list THIS USER HAS NO VIEWABLE CAMPAIGNS: ${ctx.user}|`);
    return visible.map(rowOf);
  },
  render: (rows, _ctx, input) => exportRows(input.stage, input.header, COLUMNS, rows),
});
