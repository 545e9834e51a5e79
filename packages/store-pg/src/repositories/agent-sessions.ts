import type { AgentSession, AgentSessionRepository, AgentState, LoginChannel } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface AgentSessionRow {
  agent_id: string;
  session_id: string;
  state: AgentState;
  pause_reason: string | null;
  state_before_call: AgentSession['stateBeforeCall'];
  device: string;
  phone_number: string;
  conference_number: string | null;
  conference_bridge_id: string | null;
  conference_agent_leg_id: string | null;
  server_ip: string;
  campaign_id: string | null;
  current_call_id: string | null;
  pending_pause: boolean;
  pending_pause_reason: string | null;
  pending_logout: boolean;
  after_call: AgentSession['afterCall'];
  login_via: LoginChannel;
  logged_in_at: Date;
  last_seen_at: Date;
  state_changed_at: Date;
}

const toSession = (row: AgentSessionRow): AgentSession => ({
  agentId: row.agent_id,
  sessionId: row.session_id,
  state: row.state,
  pauseReason: row.pause_reason,
  stateBeforeCall: row.state_before_call,
  device: row.device,
  phoneNumber: row.phone_number,
  conference:
    row.conference_number !== null && row.conference_bridge_id !== null
      ? { number: row.conference_number, bridgeId: row.conference_bridge_id, agentLegId: row.conference_agent_leg_id }
      : null,
  serverIp: row.server_ip,
  campaignId: row.campaign_id,
  currentCallId: row.current_call_id,
  pendingPause: row.pending_pause ? { reason: row.pending_pause_reason } : null,
  pendingLogout: row.pending_logout,
  afterCall: row.after_call,
  loginVia: row.login_via,
  loggedInAt: row.logged_in_at,
  lastSeenAt: row.last_seen_at,
  stateChangedAt: row.state_changed_at,
});

/** Every column but the key, as written by insert and update alike. */
const toColumns = (session: AgentSession): Omit<AgentSessionRow, 'agent_id'> => ({
  session_id: session.sessionId,
  state: session.state,
  pause_reason: session.pauseReason,
  state_before_call: session.stateBeforeCall,
  device: session.device,
  phone_number: session.phoneNumber,
  conference_number: session.conference?.number ?? null,
  conference_bridge_id: session.conference?.bridgeId ?? null,
  conference_agent_leg_id: session.conference?.agentLegId ?? null,
  server_ip: session.serverIp,
  campaign_id: session.campaignId,
  current_call_id: session.currentCallId,
  pending_pause: session.pendingPause !== null,
  pending_pause_reason: session.pendingPause?.reason ?? null,
  pending_logout: session.pendingLogout,
  after_call: session.afterCall,
  login_via: session.loginVia,
  logged_in_at: session.loggedInAt,
  last_seen_at: session.lastSeenAt,
  state_changed_at: session.stateChangedAt,
});

export function createAgentSessionRepository(db: Knex): AgentSessionRepository {
  return {
    async get(agentId) {
      const row: AgentSessionRow | undefined = await db('agent_sessions').where({ agent_id: agentId }).first();
      return row ? toSession(row) : null;
    },

    async lock(agentId) {
      const row: AgentSessionRow | undefined = await db('agent_sessions').where({ agent_id: agentId }).forUpdate().first();
      return row ? toSession(row) : null;
    },

    async insert(session) {
      await db('agent_sessions').insert({ agent_id: session.agentId, ...toColumns(session) });
    },

    async update(session) {
      await db('agent_sessions').where({ agent_id: session.agentId }).update(toColumns(session));
    },

    async delete(agentId) {
      await db('agent_sessions').where({ agent_id: agentId }).delete();
    },

    async list() {
      const rows: AgentSessionRow[] = await db('agent_sessions').orderBy('agent_id');
      return rows.map(toSession);
    },

    async listIdle(via, before) {
      const rows: AgentSessionRow[] = await db('agent_sessions')
        .where({ login_via: via })
        .andWhere('last_seen_at', '<', before)
        .orderBy([{ column: 'last_seen_at' }, { column: 'agent_id' }]);
      return rows.map(toSession);
    },

    async touch(agentId, at) {
      await db('agent_sessions').where({ agent_id: agentId }).update({ last_seen_at: at });
    },
  };
}
