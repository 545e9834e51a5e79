import type { LeadList, LeadListRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { fromJsonbStrings, toJsonb } from '../support/json-column';
import { toNumber } from '../support/rows';

interface LeadListRow {
  id: string | number;
  name: string;
  campaign_id: string;
  active: boolean;
  settings: unknown;
}

const toList = (row: LeadListRow): LeadList => ({ id: toNumber(row.id), name: row.name, campaignId: row.campaign_id, active: row.active, settings: fromJsonbStrings(row.settings) });

export function createLeadListRepository(db: Knex): LeadListRepository {
  return {
    async get(id) {
      const row: LeadListRow | undefined = await db('lead_lists').where({ id }).first();
      return row ? toList(row) : null;
    },

    async listOfCampaign(campaignId) {
      const rows: LeadListRow[] = await db('lead_lists').where({ campaign_id: campaignId }).orderBy('id');
      return rows.map(toList);
    },

    async list(page) {
      const rows: LeadListRow[] = await db('lead_lists').orderBy('id').offset(page.offset).limit(page.limit);
      return rows.map(toList);
    },

    async upsert(list) {
      await db('lead_lists')
        .insert({ id: list.id, name: list.name, campaign_id: list.campaignId, active: list.active, settings: toJsonb(list.settings ?? {}) })
        .onConflict('id')
        .merge();
    },

    async delete(id) {
      return (await db('lead_lists').where({ id }).delete()) > 0;
    },
  };
}
