import type { CallbackArchiveRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { toCallback, toCallbackColumns, type CallbackRow } from './callbacks';

export function createCallbackArchiveRepository(db: Knex): CallbackArchiveRepository {
  return {
    async add(callbacks) {
      if (callbacks.length === 0) return;
      // Two removals of the same callbacks racing archive them once.
      await db('archived_callbacks')
        .insert(callbacks.map((callback) => ({ id: callback.id, ...toCallbackColumns(callback) })))
        .onConflict('id')
        .ignore();
    },

    async listForLead(leadId) {
      if (!Number.isSafeInteger(leadId)) return [];
      const rows: CallbackRow[] = await db('archived_callbacks').where({ lead_id: leadId }).orderBy('id');
      return rows.map(toCallback);
    },
  };
}
