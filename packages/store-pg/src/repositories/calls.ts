import type { Call, CallOf, CallRepository, Leg, LiveChannel } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { fromJsonbObject, toJsonb } from '../support/json-column';

interface CallRow {
  id: string;
  purpose: Call['purpose'];
  direction: Call['direction'];
  state: Call['state'];
  stage: string;
  agent_id: string | null;
  tenant: string | null;
  from_number: string;
  to_number: string;
  bridge_id: string | null;
  extension: string | null;
  created_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  hangup_cause: number | null;
  hangup_cause_text: string | null;
  hangup_side: Call['hangupSide'];
  origin_dialect: string;
  origin_operation: string;
  origin_api_user_id: string | null;
  progress: unknown;
  data: unknown;
}

interface LegRow {
  id: string;
  call_id: string;
  role: Leg['role'];
  endpoint: string;
  channel_name: string | null;
  context: string;
  state: Leg['state'];
  caller_number: string;
  caller_name: string;
  dialed_number: string;
  account_kind: 'extension' | 'trunk' | null;
  account_id: number | null;
  created_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  cause: number | null;
  cause_text: string | null;
  hangup_requested: boolean;
}

// The row's purpose, stage and progress were written together from one call of that purpose.
/** A call's progress from its two columns: the stage, and the rest as jsonb. */
export const progressOf = (progress: unknown, stage: string): Call['progress'] => ({ ...fromJsonbObject(progress), stage }) as Call['progress'];

const toCall = (row: CallRow): Call =>
  ({
    id: row.id,
    purpose: row.purpose,
    progress: progressOf(row.progress, row.stage),
    direction: row.direction,
    state: row.state,
    agentId: row.agent_id,
    tenant: row.tenant,
    fromNumber: row.from_number,
    toNumber: row.to_number,
    bridgeId: row.bridge_id,
    extension: row.extension,
    createdAt: row.created_at,
    answeredAt: row.answered_at,
    endedAt: row.ended_at,
    hangupCause: row.hangup_cause,
    hangupCauseText: row.hangup_cause_text,
    hangupSide: row.hangup_side,
    origin: { dialect: row.origin_dialect, operation: row.origin_operation, apiUserId: row.origin_api_user_id },
    data: fromJsonbObject(row.data),
  }) as Call;

/** Every column but the key; `progress` (but its stage, a column of its own) and `data` go as jsonb text. */
const callColumns = (call: Call): Omit<CallRow, 'id' | 'progress' | 'data'> & { progress: string; data: string } => {
  const { stage, ...progress } = call.progress;
  return {
    purpose: call.purpose,
    direction: call.direction,
    state: call.state,
    stage,
    agent_id: call.agentId,
    tenant: call.tenant,
    from_number: call.fromNumber,
    to_number: call.toNumber,
    bridge_id: call.bridgeId,
    extension: call.extension,
    created_at: call.createdAt,
    answered_at: call.answeredAt,
    ended_at: call.endedAt,
    hangup_cause: call.hangupCause,
    hangup_cause_text: call.hangupCauseText,
    hangup_side: call.hangupSide,
    origin_dialect: call.origin.dialect,
    origin_operation: call.origin.operation,
    origin_api_user_id: call.origin.apiUserId,
    progress: toJsonb(progress),
    data: toJsonb(call.data),
  };
};

const toLeg = (row: LegRow): Leg => ({
  id: row.id,
  callId: row.call_id,
  role: row.role,
  endpoint: row.endpoint,
  channelName: row.channel_name,
  context: row.context,
  state: row.state,
  callerNumber: row.caller_number,
  callerName: row.caller_name,
  dialedNumber: row.dialed_number,
  account: row.account_kind !== null && row.account_id !== null ? { kind: row.account_kind, id: row.account_id } : null,
  createdAt: row.created_at,
  answeredAt: row.answered_at,
  endedAt: row.ended_at,
  cause: row.cause,
  causeText: row.cause_text,
  hangupRequested: row.hangup_requested,
});

/** Every column but the key and the call, which a leg never changes. */
const legColumns = (leg: Leg): Omit<LegRow, 'id' | 'call_id'> => ({
  role: leg.role,
  endpoint: leg.endpoint,
  channel_name: leg.channelName,
  context: leg.context,
  state: leg.state,
  caller_number: leg.callerNumber,
  caller_name: leg.callerName,
  dialed_number: leg.dialedNumber,
  account_kind: leg.account?.kind ?? null,
  account_id: leg.account?.id ?? null,
  created_at: leg.createdAt,
  answered_at: leg.answeredAt,
  ended_at: leg.endedAt,
  cause: leg.cause,
  cause_text: leg.causeText,
  hangup_requested: leg.hangupRequested,
});

const LEG_ORDER = [{ column: 'created_at' }, { column: 'id' }];

interface LiveChannelRow {
  channel_name: string;
  context: string;
  state: LiveChannel['state'];
  caller_number: string;
  dialed_number: string;
  account_kind: 'extension' | 'trunk' | null;
  account_id: number | null;
  created_ms: number;
}

/**
 * One statement, so the listing is one snapshot of calls and legs. Only the
 * columns a listing shows are read, and the creation time comes as epoch
 * milliseconds (truncated as a Date would hold it): parsing timestamp text
 * costs more than everything else in a listing of a thousand legs.
 */
const LIVE_CHANNELS_SQL = `
  SELECT l.channel_name, l.context, l.state, l.caller_number, l.dialed_number, l.account_kind, l.account_id,
         floor(extract(epoch FROM l.created_at) * 1000)::float8 AS created_ms
    FROM calls c
    JOIN legs l ON l.call_id = c.id
   WHERE c.state <> 'ended' AND l.state <> 'ended' AND l.channel_name IS NOT NULL
   ORDER BY c.created_at, c.id, l.created_at, l.id`;

const toLiveChannel = (row: LiveChannelRow): LiveChannel => ({
  channelName: row.channel_name,
  context: row.context,
  state: row.state,
  callerNumber: row.caller_number,
  dialedNumber: row.dialed_number,
  account: row.account_kind !== null && row.account_id !== null ? { kind: row.account_kind, id: row.account_id } : null,
  createdAt: new Date(row.created_ms),
});

export function createCallRepository(db: Knex): CallRepository {
  /** Inbound calls waiting for an agent that match `where`, oldest first. */
  const waitingInbound = async (where: (query: Knex.QueryBuilder) => void): Promise<Array<CallOf<'inbound'>>> => {
    const rows: CallRow[] = await db('calls')
      .where({ purpose: 'inbound', stage: 'waiting' })
      .whereNot({ state: 'ended' })
      .where(where)
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
    // The purpose was read in the query: these are inbound calls.
    return rows.map((row) => toCall(row) as CallOf<'inbound'>);
  };

  return {
    async insert(call) {
      await db('calls').insert({ id: call.id, ...callColumns(call) });
    },

    async update(call) {
      await db('calls').where({ id: call.id }).update(callColumns(call));
    },

    async get(id) {
      const row: CallRow | undefined = await db('calls').where({ id }).first();
      return row ? toCall(row) : null;
    },

    async lock(id) {
      const row: CallRow | undefined = await db('calls').where({ id }).forUpdate().first();
      return row ? toCall(row) : null;
    },

    async insertLeg(leg) {
      await db('legs').insert({ id: leg.id, call_id: leg.callId, ...legColumns(leg) });
    },

    async updateLeg(leg) {
      // A leg may change calls (a customer transferred into a queue).
      await db('legs').where({ id: leg.id }).update({ call_id: leg.callId, ...legColumns(leg) });
    },

    async getLeg(id) {
      const row: LegRow | undefined = await db('legs').where({ id }).first();
      return row ? toLeg(row) : null;
    },

    async legsOf(callId) {
      const rows: LegRow[] = await db('legs').where({ call_id: callId }).orderBy(LEG_ORDER);
      return rows.map(toLeg);
    },

    async findLiveLegByChannelName(channelName) {
      // The engine reuses channel names after a restart: the newest live leg is the one meant.
      const row: LegRow | undefined = await db('legs')
        .where({ channel_name: channelName })
        .andWhereNot({ state: 'ended' })
        .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
        .first();
      return row ? toLeg(row) : null;
    },

    async listLive() {
      const calls: CallRow[] = await db('calls').whereNot({ state: 'ended' }).orderBy([{ column: 'created_at' }, { column: 'id' }]);
      if (calls.length === 0) return [];
      const legs: LegRow[] = await db('legs')
        .whereIn(
          'call_id',
          calls.map((call) => call.id),
        )
        .orderBy(LEG_ORDER);
      const byCall = new Map<string, Leg[]>(calls.map((call) => [call.id, []]));
      for (const leg of legs) byCall.get(leg.call_id)?.push(toLeg(leg));
      return calls.map((call) => ({ call: toCall(call), legs: byCall.get(call.id) ?? [] }));
    },

    async listWaiting(queueNames, forAgentId) {
      if (queueNames.length === 0 && forAgentId === undefined) return [];
      return waitingInbound((inQueue) => {
        void inQueue.whereRaw(`progress->>'queueName' = ANY(?)`, [[...queueNames]]);
        if (forAgentId !== undefined) void inQueue.orWhereRaw(`progress->>'forAgentId' = ?`, [forAgentId]);
      });
    },

    listWaitingForAgent: (agentId) =>
      waitingInbound((forAgent) => {
        void forAgent.whereRaw(`progress->>'queueName' IN (SELECT queue_name FROM queue_members WHERE agent_id = ?)`, [agentId]);
        void forAgent.orWhereRaw(`progress->>'forAgentId' = ?`, [agentId]);
      }),

    async listInboundOfQueue(queueName, since, until) {
      const query = db('calls')
        .where({ purpose: 'inbound' })
        .whereRaw(`progress->>'queueName' = ?`, [queueName])
        .where('created_at', '>=', since);
      if (until) void query.where('created_at', '<', until);
      const rows: CallRow[] = await query.orderBy([{ column: 'created_at' }, { column: 'id' }]);
      return rows.map((row) => toCall(row) as CallOf<'inbound'>);
    },

    async listLiveChannels() {
      const result: { rows: LiveChannelRow[] } = await db.raw(LIVE_CHANNELS_SQL);
      return result.rows.map(toLiveChannel);
    },

    async lastLegEndOfExtension(extensionId) {
      const rows: Array<{ ended_at: Date | null }> = await db('legs')
        .where({ account_kind: 'extension', account_id: extensionId })
        .max({ ended_at: 'ended_at' });
      return rows[0]?.ended_at ?? null;
    },
  };
}
