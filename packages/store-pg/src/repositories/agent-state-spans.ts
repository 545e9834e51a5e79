import type { AgentSession, AgentState, AgentStateSpan, AgentStateSpanRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface AgentStateSpanRow {
  agent_id: string;
  session_id: string;
  campaign_id: string | null;
  state: AgentState;
  pause_reason: string | null;
  call_id: string | null;
  started_at: Date;
  ended_at: Date | null;
}

const toSpan = (row: AgentStateSpanRow): AgentStateSpan => ({
  agentId: row.agent_id,
  sessionId: row.session_id,
  campaignId: row.campaign_id,
  state: row.state,
  pauseReason: row.pause_reason,
  callId: row.call_id,
  startedAt: row.started_at,
  endedAt: row.ended_at,
});

/**
 * Logs the session's state into its span, in one statement of the
 * transaction that writes the session: a span is the time from one
 * `stateChangedAt` of a session to the next. The open span of the same
 * session and start takes the session's latest pause reason, call and
 * campaign (a pause code given after the pause began); otherwise it ends
 * where the new one starts and the new one is opened. The session row's
 * lock, held by whoever writes it, orders the writes of one agent. The
 * insert reads `closed`, so that the old span is ended before the new one is
 * added (an unread data-modifying CTE would run after it, against the one
 * open span an agent may have).
 */
export const LOG_SPAN = `
WITH open_span AS (
  SELECT id, session_id, started_at FROM agent_state_spans WHERE agent_id = CAST(:agentId AS text) AND ended_at IS NULL
), closed AS (
  UPDATE agent_state_spans SET ended_at = GREATEST(agent_state_spans.started_at, CAST(:startedAt AS timestamptz))
  FROM open_span
  WHERE agent_state_spans.id = open_span.id
    AND (open_span.session_id <> CAST(:sessionId AS text) OR open_span.started_at <> CAST(:startedAt AS timestamptz))
  RETURNING agent_state_spans.id
), kept AS (
  UPDATE agent_state_spans
  SET state = CAST(:state AS text), pause_reason = CAST(:pauseReason AS text), call_id = CAST(:callId AS text), campaign_id = CAST(:campaignId AS text)
  FROM open_span
  WHERE agent_state_spans.id = open_span.id
    AND open_span.session_id = CAST(:sessionId AS text) AND open_span.started_at = CAST(:startedAt AS timestamptz)
  RETURNING agent_state_spans.id
)
INSERT INTO agent_state_spans (agent_id, session_id, campaign_id, state, pause_reason, call_id, started_at)
SELECT CAST(:agentId AS text), CAST(:sessionId AS text), CAST(:campaignId AS text), CAST(:state AS text),
  CAST(:pauseReason AS text), CAST(:callId AS text), CAST(:startedAt AS timestamptz)
WHERE NOT EXISTS (SELECT 1 FROM kept) AND (SELECT count(*) FROM closed) >= 0`;

/** The bindings of LOG_SPAN for a session as written. */
export const spanBindings = (session: AgentSession): Record<string, string | Date | null> => ({
  agentId: session.agentId,
  sessionId: session.sessionId,
  campaignId: session.campaignId,
  state: session.state,
  pauseReason: session.pauseReason,
  callId: session.currentCallId,
  startedAt: session.stateChangedAt,
});

/** Whether writing `next` over `previous` changes nothing its span records. */
export const sameSpan = (previous: AgentSession, next: AgentSession): boolean =>
  previous.sessionId === next.sessionId &&
  previous.stateChangedAt.getTime() === next.stateChangedAt.getTime() &&
  previous.state === next.state &&
  previous.pauseReason === next.pauseReason &&
  previous.currentCallId === next.currentCallId &&
  previous.campaignId === next.campaignId;

/** Ends the agent's open span at the session's end. */
export const closeSpan = (db: Knex, agentId: string, at: Date): Knex.Raw =>
  db.raw('UPDATE agent_state_spans SET ended_at = GREATEST(started_at, ?) WHERE agent_id = ? AND ended_at IS NULL', [at, agentId]);

export function createAgentStateSpanRepository(db: Knex): AgentStateSpanRepository {
  return {
    async search(search) {
      const query = db<AgentStateSpanRow>('agent_state_spans').whereBetween('started_at', [search.from, search.to]);
      if (search.agentId !== undefined) void query.andWhere('agent_id', search.agentId);
      if (search.campaignId !== undefined) void query.andWhere('campaign_id', search.campaignId);
      const rows = await query.orderBy([{ column: 'agent_id' }, { column: 'started_at' }, { column: 'id' }]);
      return rows.map(toSpan);
    },
  };
}
