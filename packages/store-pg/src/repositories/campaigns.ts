import type { Campaign, CampaignRepository } from '@pbx-gateway/core';
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
  };
}
