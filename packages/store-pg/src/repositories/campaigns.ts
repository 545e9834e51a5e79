import type { AgentCampaignRank, Campaign, CampaignRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { fromJsonbStrings, toJsonb } from '../support/json-column';
import { toNumber } from '../support/rows';

interface CampaignRow {
  id: string;
  name: string;
  active: boolean;
  dial_method: string;
  allow_inbound: boolean;
  manual_dial_list_id: string | number | null;
  api_manual_dial: string;
  manual_preview_dial: string;
  alt_number_dialing: boolean;
  agent_lead_search: string;
  default_xfer_group: string | null;
  park_ext: string | null;
  campaign_cid: string | null;
  dial_prefix: string;
  use_other_campaign_dnc: string | null;
  settings: unknown;
}

const toCampaign = (row: CampaignRow): Campaign => ({
  id: row.id,
  name: row.name,
  active: row.active,
  dialMethod: row.dial_method,
  allowInbound: row.allow_inbound,
  manualDialListId: row.manual_dial_list_id === null ? null : toNumber(row.manual_dial_list_id),
  apiManualDial: row.api_manual_dial,
  manualPreviewDial: row.manual_preview_dial,
  altNumberDialing: row.alt_number_dialing,
  agentLeadSearch: row.agent_lead_search,
  defaultXferGroup: row.default_xfer_group,
  parkExt: row.park_ext,
  campaignCid: row.campaign_cid,
  dialPrefix: row.dial_prefix,
  useOtherCampaignDnc: row.use_other_campaign_dnc,
  settings: fromJsonbStrings(row.settings),
});

export function createCampaignRepository(db: Knex): CampaignRepository {
  return {
    async get(id) {
      const row: CampaignRow | undefined = await db('campaigns').where({ id }).first();
      return row ? toCampaign(row) : null;
    },

    async list() {
      const rows: CampaignRow[] = await db('campaigns').orderBy('id');
      return rows.map(toCampaign);
    },

    async upsert(campaign) {
      const row: CampaignRow = {
        id: campaign.id,
        name: campaign.name,
        active: campaign.active,
        dial_method: campaign.dialMethod,
        allow_inbound: campaign.allowInbound,
        manual_dial_list_id: campaign.manualDialListId,
        api_manual_dial: campaign.apiManualDial,
        manual_preview_dial: campaign.manualPreviewDial,
        alt_number_dialing: campaign.altNumberDialing,
        agent_lead_search: campaign.agentLeadSearch,
        default_xfer_group: campaign.defaultXferGroup,
        park_ext: campaign.parkExt,
        campaign_cid: campaign.campaignCid,
        dial_prefix: campaign.dialPrefix,
        use_other_campaign_dnc: campaign.useOtherCampaignDnc,
        settings: toJsonb(campaign.settings),
      };
      await db('campaigns').insert(row).onConflict('id').merge();
    },

    async putAgentRanks(agentId, change, campaignId) {
      // As VICIdial does: a row for each campaign (or the one named), the values given set, the others kept or defaulted.
      const given = { rank: change.rank, grade: change.grade };
      const columns = (Object.keys(given) as Array<keyof typeof given>).filter((column) => given[column] !== undefined);
      const values = columns.map((column) => given[column]!);
      const insertColumns = ['agent_id', 'campaign_id', ...columns].join(', ');
      const selected = ['?', 'id', ...columns.map(() => '?')].join(', ');
      const onConflict = columns.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${columns.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`;
      const where = campaignId === null ? '' : 'WHERE id = ?';
      const result = await db.raw(
        `INSERT INTO agent_campaign_ranks (${insertColumns}) SELECT ${selected} FROM campaigns ${where} ON CONFLICT (agent_id, campaign_id) ${onConflict}`,
        [agentId, ...values, ...(campaignId === null ? [] : [campaignId])],
      );
      return (result as { rowCount: number | null }).rowCount ?? 0;
    },

    async agentRanks(agentId) {
      const rows: Array<{ agent_id: string; campaign_id: string; rank: number; grade: number }> = await db('agent_campaign_ranks').where({ agent_id: agentId }).orderBy('campaign_id');
      return rows.map((row): AgentCampaignRank => ({ agentId: row.agent_id, campaignId: row.campaign_id, rank: row.rank, grade: row.grade }));
    },
  };
}
