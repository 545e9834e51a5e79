import type { HopperEntry, HopperRepository, NewHopperEntry } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { toNumber } from '../support/rows';

interface HopperRow {
  id: string | number;
  campaign_id: string;
  lead_id: string | number;
  list_id: string | number;
  status: string;
  user: string;
  priority: number;
  source: string;
  gmt_offset_now: string;
  state: string;
  vendor_lead_code: string;
  alt_dial: string;
  queued_at: Date;
}

const toEntry = (row: HopperRow): HopperEntry => ({
  id: toNumber(row.id),
  campaignId: row.campaign_id,
  leadId: toNumber(row.lead_id),
  listId: toNumber(row.list_id),
  status: row.status,
  user: row.user,
  priority: row.priority,
  source: row.source,
  gmtOffsetNow: row.gmt_offset_now,
  state: row.state,
  vendorLeadCode: row.vendor_lead_code,
  altDial: row.alt_dial,
  queuedAt: row.queued_at,
});

const toColumns = (entry: NewHopperEntry): Omit<HopperRow, 'id'> => ({
  campaign_id: entry.campaignId,
  lead_id: entry.leadId,
  list_id: entry.listId,
  status: entry.status,
  user: entry.user,
  priority: entry.priority,
  source: entry.source,
  gmt_offset_now: entry.gmtOffsetNow,
  state: entry.state,
  vendor_lead_code: entry.vendorLeadCode,
  alt_dial: entry.altDial,
  queued_at: entry.queuedAt,
});

export function createHopperRepository(db: Knex): HopperRepository {
  return {
    async add(entry) {
      const [row]: HopperRow[] = await db('lead_hopper').insert(toColumns(entry)).returning('*');
      return toEntry(row!);
    },

    async findForLead(leadId) {
      const row: HopperRow | undefined = await db('lead_hopper').where({ lead_id: leadId }).first();
      return row ? toEntry(row) : null;
    },

    async remove(id) {
      await db('lead_hopper').where({ id }).delete();
    },

    async removeForLead(leadId) {
      await db('lead_hopper').where({ lead_id: leadId }).delete();
    },

    async takeFirstReady(campaignId) {
      // SKIP LOCKED: agents taking leads at once each get their own entry.
      const result = await db.raw<{ rows: HopperRow[] }>(
        `DELETE FROM lead_hopper WHERE id = (
           SELECT id FROM lead_hopper WHERE campaign_id = ? AND status = 'READY' ORDER BY priority DESC, id LIMIT 1 FOR UPDATE SKIP LOCKED
         ) RETURNING *`,
        [campaignId],
      );
      const [row] = result.rows;
      return row ? toEntry(row) : null;
    },

    async listForCampaign(campaignId) {
      const rows: HopperRow[] = await db('lead_hopper').where({ campaign_id: campaignId }).orderBy([{ column: 'priority', order: 'desc' }, 'id']);
      return rows.map(toEntry);
    },
  };
}
