import type { MultiDialRequest, MultiDialRequestRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { toJsonb } from '../support/json-column';

interface MultiDialRequestRow {
  agent_id: string;
  numbers: string[];
  requested_at: Date;
}

export function createMultiDialRequestRepository(db: Knex): MultiDialRequestRepository {
  return {
    async put(request: MultiDialRequest) {
      await db('agent_multi_dial_requests')
        .insert({ agent_id: request.agentId, numbers: toJsonb(request.numbers), requested_at: request.requestedAt })
        .onConflict('agent_id')
        .merge();
    },

    async get(agentId) {
      const row: MultiDialRequestRow | undefined = await db('agent_multi_dial_requests').where({ agent_id: agentId }).first();
      return row ? { agentId: row.agent_id, numbers: row.numbers, requestedAt: row.requested_at } : null;
    },
  };
}
