import type { ManualDialQueueRepository, NewQueuedManualDial, QueuedManualDial } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { storableNullableText, storableText } from '../support/json-column';
import { toNumber } from '../support/rows';
import type { TransactionFacts } from './agent-sessions';

interface QueuedManualDialRow {
  id: string | number;
  agent_id: string;
  phone_number: string;
  phone_code: string;
  lead_id: string | number | null;
  caller_id: string | null;
  dial_prefix: string;
  while_ready: boolean;
  origin_dialect: string;
  origin_operation: string;
  origin_api_user_id: string | null;
  queued_at: Date;
}

const toEntry = (row: QueuedManualDialRow): QueuedManualDial => ({
  id: toNumber(row.id),
  agentId: row.agent_id,
  phoneNumber: row.phone_number,
  phoneCode: row.phone_code,
  leadId: row.lead_id === null ? null : toNumber(row.lead_id),
  callerId: row.caller_id,
  dialPrefix: row.dial_prefix,
  whileReady: row.while_ready,
  origin: { dialect: row.origin_dialect, operation: row.origin_operation, apiUserId: row.origin_api_user_id },
  queuedAt: row.queued_at,
});

const toColumns = (entry: NewQueuedManualDial): Omit<QueuedManualDialRow, 'id'> => ({
  agent_id: entry.agentId,
  phone_number: storableText(entry.phoneNumber),
  phone_code: storableText(entry.phoneCode),
  lead_id: entry.leadId,
  caller_id: storableNullableText(entry.callerId),
  dial_prefix: storableText(entry.dialPrefix),
  while_ready: entry.whileReady,
  origin_dialect: entry.origin.dialect,
  origin_operation: entry.origin.operation,
  origin_api_user_id: entry.origin.apiUserId,
  queued_at: entry.queuedAt,
});

export function createManualDialQueueRepository(db: Knex, facts?: TransactionFacts): ManualDialQueueRepository {
  return {
    async add(entry) {
      facts?.noQueuedDials.delete(entry.agentId);
      const [row]: QueuedManualDialRow[] = await db('manual_dial_queue').insert(toColumns(entry)).returning('*');
      return toEntry(row!);
    },

    async listForAgent(agentId) {
      if (facts?.noQueuedDials.has(agentId)) return [];
      const rows: QueuedManualDialRow[] = await db('manual_dial_queue').where({ agent_id: agentId }).orderBy('id');
      return rows.map(toEntry);
    },

    async remove(id) {
      await db('manual_dial_queue').where({ id }).delete();
    },
  };
}
