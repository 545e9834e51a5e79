import { mayWorkWithCampaign, type HopperEntry, type Lead } from '@pbx-gateway/core';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { exportRows } from '../../wire/export-rows';
import { defineNonAgentFunction, refuse } from '../operation';
import { IDENTIFIER, readWith } from '../params';

const readInput = readWith((params) => ({
  campaignId: params.read('campaign_id', IDENTIFIER),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
}));

const COLUMNS = [
  'hopper_order',
  'priority',
  'lead_id',
  'list_id',
  'phone_number',
  'phone_code',
  'state',
  'status',
  'count',
  'gmt_offset',
  'rank',
  'alt',
  'hopper_source',
  'vendor_lead_code',
  'source_id',
  'age_days',
  'last_call_time',
];

const DAY_MS = 86_400_000;

/**
 * One hopper row: the entry's order, priority, list, state, offset, alt
 * number and source with its lead's number, status, call count, rank, codes
 * and age in whole days. The gateway keeps no time of a lead's last call, so
 * `last_call_time` is empty (see docs).
 */
const rowOf = (order: number, entry: HopperEntry, lead: Lead, now: Date): string[] => [
  String(order),
  String(entry.priority),
  String(lead.id),
  String(entry.listId),
  utf8ToBytes(lead.phoneNumber),
  utf8ToBytes(lead.phoneCode),
  utf8ToBytes(entry.state),
  utf8ToBytes(lead.status),
  String(lead.calledCount),
  utf8ToBytes(entry.gmtOffsetNow),
  String(lead.rank),
  utf8ToBytes(entry.altDial),
  entry.source,
  utf8ToBytes(lead.vendorLeadCode),
  utf8ToBytes(lead.sourceId),
  String(Math.max(0, Math.floor((now.getTime() - lead.entryDate.getTime()) / DAY_MS))),
  '',
];

/**
 * hopper_list: the leads waiting in a campaign's hopper, in dialling order
 * (the highest priority first, then the first queued), as export rows.
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
    const entries = await ctx.core.hopperOfCampaign(campaign.id);
    const leads = await Promise.all(entries.map((entry) => ctx.core.getLead(entry.leadId)));
    const rows: string[][] = [];
    entries.forEach((entry, index) => {
      const lead = leads[index];
      if (lead) rows.push(rowOf(rows.length, entry, lead, ctx.now));
    });
    if (rows.length === 0) throw refuse(`ERROR: hopper_list THERE ARE NO LEADS IN THE HOPPER FOR THIS CAMPAIGN: ${ctx.user}|${input.campaignId}`);
    return rows;
  },
  render: (rows, _ctx, input) => exportRows(input.stage, input.header, COLUMNS, rows),
});
