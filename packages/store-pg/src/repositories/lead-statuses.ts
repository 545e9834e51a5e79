import type { LeadStatus, LeadStatusRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface LeadStatusRow {
  campaign_id: string | null;
  status: string;
  name: string;
  selectable: boolean;
  scheduled_callback: boolean;
  human_answered: boolean;
  sale: boolean;
}

const toStatus = (row: LeadStatusRow): LeadStatus => ({
  status: row.status,
  campaignId: row.campaign_id,
  name: row.name,
  selectable: row.selectable,
  scheduledCallback: row.scheduled_callback,
  humanAnswered: row.human_answered,
  sale: row.sale,
});

export function createLeadStatusRepository(db: Knex): LeadStatusRepository {
  return {
    async find(status, campaignId) {
      // The campaign's own status first, then the system one.
      const row: LeadStatusRow | undefined = await db('lead_statuses')
        .where({ status })
        .andWhere((where) => {
          void where.whereNull('campaign_id');
          if (campaignId !== null) void where.orWhere({ campaign_id: campaignId });
        })
        .orderByRaw('campaign_id IS NULL')
        .first();
      return row ? toStatus(row) : null;
    },

    async upsert(status) {
      await db.raw(
        `INSERT INTO lead_statuses (campaign_id, status, name, selectable, scheduled_callback, human_answered, sale)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT ((COALESCE(campaign_id, '')), status) DO UPDATE
           SET name = EXCLUDED.name, selectable = EXCLUDED.selectable, scheduled_callback = EXCLUDED.scheduled_callback,
               human_answered = EXCLUDED.human_answered, sale = EXCLUDED.sale`,
        [status.campaignId, status.status, status.name, status.selectable, status.scheduledCallback, status.humanAnswered, status.sale],
      );
    },
  };
}
