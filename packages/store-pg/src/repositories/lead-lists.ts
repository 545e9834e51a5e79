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
  changed_at: Date | null;
  reset_day: string | null;
  resets_that_day: number;
  last_called_at: Date | null;
}

/** A list never changed nor reset since it was added says neither. */
const toList = (row: LeadListRow): LeadList => ({
  id: toNumber(row.id),
  name: row.name,
  campaignId: row.campaign_id,
  active: row.active,
  settings: fromJsonbStrings(row.settings),
  ...(row.changed_at === null ? {} : { changedAt: row.changed_at }),
  ...(row.reset_day === null ? {} : { lastReset: { day: row.reset_day, count: row.resets_that_day } }),
  ...(row.last_called_at === null ? {} : { lastCalledAt: row.last_called_at }),
});

/** The change time, last reset and last call as columns; those the list does not say (absent) are left as they are. */
function historyColumns(list: LeadList): Partial<Pick<LeadListRow, 'changed_at' | 'reset_day' | 'resets_that_day' | 'last_called_at'>> {
  const columns: Partial<Pick<LeadListRow, 'changed_at' | 'reset_day' | 'resets_that_day' | 'last_called_at'>> = {};
  if (list.changedAt !== undefined) columns.changed_at = list.changedAt;
  if (list.lastCalledAt !== undefined) columns.last_called_at = list.lastCalledAt;
  if (list.lastReset !== undefined) {
    columns.reset_day = list.lastReset?.day ?? null;
    columns.resets_that_day = list.lastReset?.count ?? 0;
  }
  return columns;
}

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
        .insert({ id: list.id, name: list.name, campaign_id: list.campaignId, active: list.active, settings: toJsonb(list.settings ?? {}), ...historyColumns(list) })
        .onConflict('id')
        .merge();
    },

    async markCalled(id, at) {
      await db('lead_lists').where({ id }).update({ last_called_at: at });
    },

    async delete(id) {
      return (await db('lead_lists').where({ id }).delete()) > 0;
    },
  };
}
