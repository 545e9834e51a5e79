import type { Callback, CallbackRepository, NewCallback } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { storableText } from '../support/json-column';
import { toNumber } from '../support/rows';

/** A row of `callbacks` or of `archived_callbacks`, which have the same columns. */
export interface CallbackRow {
  id: string | number;
  lead_id: string | number;
  list_id: string | number;
  campaign_id: string;
  state: Callback['state'];
  status: string;
  callback_at: Date;
  recipient: Callback['recipient'];
  agent_id: string;
  comments: string;
  created_at: Date;
}

export const toCallback = (row: CallbackRow): Callback => ({
  id: toNumber(row.id),
  leadId: toNumber(row.lead_id),
  listId: toNumber(row.list_id),
  campaignId: row.campaign_id,
  state: row.state,
  status: row.status,
  callbackAt: row.callback_at,
  recipient: row.recipient,
  agentId: row.agent_id,
  comments: row.comments,
  createdAt: row.created_at,
});

export const toCallbackColumns = (callback: NewCallback): Omit<CallbackRow, 'id'> => ({
  lead_id: callback.leadId,
  list_id: callback.listId,
  campaign_id: callback.campaignId,
  state: callback.state,
  status: storableText(callback.status),
  callback_at: callback.callbackAt,
  recipient: callback.recipient,
  agent_id: callback.agentId,
  comments: storableText(callback.comments),
  created_at: callback.createdAt,
});

export function createCallbackRepository(db: Knex): CallbackRepository {
  return {
    async insert(callback) {
      const [row]: CallbackRow[] = await db('callbacks').insert(toCallbackColumns(callback)).returning('*');
      return toCallback(row!);
    },

    async listForLead(leadId) {
      if (!Number.isSafeInteger(leadId)) return [];
      const rows: CallbackRow[] = await db('callbacks').where({ lead_id: leadId }).orderBy('id');
      return rows.map(toCallback);
    },

    async update(callback) {
      await db('callbacks').where({ id: callback.id }).update(toCallbackColumns(callback));
    },

    async deleteForLead(leadId) {
      return db('callbacks').where({ lead_id: leadId }).delete();
    },
  };
}
