import type { Call, LiveAgent, LiveAgentCall, LiveAgentReader } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { toAgent } from './agents';
import { toSession, type AgentSessionRow } from './agent-sessions';
import { progressOf } from './calls';

interface LiveAgentRow extends AgentSessionRow {
  agent_name: string;
  agent_secret_hash: string | null;
  agent_device: string | null;
  agent_active: boolean;
  agent_external_id: string | null;
  agent_attributes: unknown;
  lead_phone_number: string | null;
  lead_vendor_lead_code: string | null;
  call_id: string | null;
  call_purpose: Call['purpose'] | null;
  call_stage: string | null;
  call_progress: unknown;
}

// Each session with its agent, lead and call in one statement: the sessions'
// columns as the session repository reads them, the others prefixed.
// `COLLATE "C"` orders by code point, as the dialects sort agent ids.
const SELECT = `SELECT s.*,
    a.name AS agent_name, a.secret_hash AS agent_secret_hash, a.device AS agent_device, a.active AS agent_active,
    a.external_id AS agent_external_id, a.attributes AS agent_attributes,
    l.phone_number AS lead_phone_number, l.vendor_lead_code AS lead_vendor_lead_code,
    c.id AS call_id, c.purpose AS call_purpose, c.stage AS call_stage, c.progress AS call_progress
  FROM agent_sessions s
  JOIN agents a ON a.id = s.agent_id
  LEFT JOIN leads l ON l.id = s.lead_id
  LEFT JOIN calls c ON c.id = s.current_call_id`;
const LIST = `${SELECT} ORDER BY s.agent_id COLLATE "C"`;
const GET = `${SELECT} WHERE s.agent_id = ?`;

const toLiveAgent = (row: LiveAgentRow): LiveAgent => ({
  agent: toAgent({
    id: row.agent_id,
    name: row.agent_name,
    secret_hash: row.agent_secret_hash,
    device: row.agent_device,
    active: row.agent_active,
    external_id: row.agent_external_id,
    attributes: row.agent_attributes,
  }),
  session: toSession(row),
  // Both columns are NOT NULL: null means no lead.
  lead: row.lead_phone_number === null ? null : { phoneNumber: row.lead_phone_number, vendorLeadCode: row.lead_vendor_lead_code ?? '' },
  call:
    row.call_id === null || row.call_purpose === null || row.call_stage === null
      ? null
      : ({ id: row.call_id, purpose: row.call_purpose, progress: progressOf(row.call_progress, row.call_stage) } as LiveAgentCall),
});

// What identifies the state of the rows a live view shows: for each session,
// in order, the transaction id (`xmin`) of the version read of its row and of
// its agent's, lead's and call's. Every insert or update gives a row a new
// version with the id of the transaction that wrote it, visible only once it
// commits, and a deleted session leaves the list: two equal readings mean
// the same rows in the same versions, whichever gateway or client changed
// them in between. Commits to other tables (the API log) do not count.
const STATE = `SELECT array_agg((s.agent_id, s.xmin, a.xmin, l.xmin, c.xmin) ORDER BY s.agent_id COLLATE "C")::text AS state
  FROM agent_sessions s
  JOIN agents a ON a.id = s.agent_id
  LEFT JOIN leads l ON l.id = s.lead_id
  LEFT JOIN calls c ON c.id = s.current_call_id`;

/**
 * The live agents, read in one statement. Outside a transaction the reader
 * keeps the last list with the state of its rows read just before it, and
 * answers the next `list` with that same list (the same object) while that
 * state has not changed: a wallboard's polls then cost one round trip of
 * one short row until a session, agent, lead or call shown changes. Any such
 * commit, of this gateway or another on the same database, makes the next
 * `list` read the rows again, so a change is seen by the first list asked
 * after it committed.
 */
export function createLiveAgentReader(db: Knex, options: { inTransaction?: boolean } = {}): LiveAgentReader {
  const readList = async (): Promise<LiveAgent[]> => {
    const result: { rows: LiveAgentRow[] } = await db.raw(LIST);
    return result.rows.map(toLiveAgent);
  };
  let kept: { state: string; list: readonly LiveAgent[] } | null = null;

  return {
    async list() {
      if (options.inTransaction) return readList();
      const reading: { rows: Array<{ state: string | null }> } = await db.raw(STATE);
      const state = reading.rows[0]?.state ?? '';
      if (kept && kept.state === state) return kept.list;
      const list: readonly LiveAgent[] = await readList();
      // Read after the state, so at least as new as it: a later equal state
      // means nothing shown changed since, and the list is still true.
      kept = { state, list };
      return list;
    },

    async get(agentId) {
      const result: { rows: LiveAgentRow[] } = await db.raw(GET, [agentId]);
      const row = result.rows[0];
      return row ? toLiveAgent(row) : null;
    },
  };
}
