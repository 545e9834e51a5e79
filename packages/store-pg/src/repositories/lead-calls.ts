import type { LeadCall, LeadCallRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { toNumber } from '../support/rows';

interface LeadCallRow {
  call_id: string;
  lead_id: string | number;
  campaign_id: string | null;
  agent_id: string;
  phone_number: string;
  status: string | null;
  started_at: Date;
  dispositioned_at: Date | null;
}

const toLeadCall = (row: LeadCallRow): LeadCall => ({
  callId: row.call_id,
  leadId: toNumber(row.lead_id),
  campaignId: row.campaign_id,
  agentId: row.agent_id,
  phoneNumber: row.phone_number,
  status: row.status,
  startedAt: row.started_at,
  dispositionedAt: row.dispositioned_at,
});

const toColumns = (call: LeadCall): Omit<LeadCallRow, 'call_id'> => ({
  lead_id: call.leadId,
  campaign_id: call.campaignId,
  agent_id: call.agentId,
  phone_number: call.phoneNumber,
  status: call.status,
  started_at: call.startedAt,
  dispositioned_at: call.dispositionedAt,
});

export function createLeadCallRepository(db: Knex): LeadCallRepository {
  return {
    async insert(call) {
      await db('lead_calls').insert({ call_id: call.callId, ...toColumns(call) });
    },

    async get(callId) {
      const row: LeadCallRow | undefined = await db('lead_calls').where({ call_id: callId }).first();
      return row ? toLeadCall(row) : null;
    },

    async update(call) {
      await db('lead_calls').where({ call_id: call.callId }).update(toColumns(call));
    },

    async search(criteria, limit) {
      if (criteria.leadId !== undefined && !Number.isSafeInteger(criteria.leadId)) return [];
      const query = db('lead_calls');
      if (criteria.leadId !== undefined) query.where({ lead_id: criteria.leadId });
      if (criteria.status !== undefined) query.where({ status: criteria.status });
      if (criteria.phoneNumber !== undefined) query.where({ phone_number: criteria.phoneNumber });
      if (criteria.from !== undefined) query.where('started_at', '>=', criteria.from);
      if (criteria.to !== undefined) query.where('started_at', '<', criteria.to);
      const rows: LeadCallRow[] = await query.orderBy([{ column: 'started_at', order: 'desc' }, { column: 'call_id', order: 'desc' }]).limit(limit);
      return rows.map(toLeadCall);
    },
  };
}
