import type { Pool } from 'pg';

/**
 * What Postgres must hold once the gateway is quiet, whatever requests it
 * was sent: each rule is a query for the rows that break it. A command and
 * its effects commit together (docs/architecture.md), so no request, however
 * mangled, may leave half of one behind.
 */
const RULES: ReadonlyArray<readonly [rule: string, sql: string]> = [
  // A customer transferred into a queue took its leg to the queued call (docs/architecture.md).
  [
    'every call has at least one leg, unless its customer moved to a queue',
    `SELECT c.id FROM calls c WHERE NOT EXISTS (SELECT 1 FROM legs l WHERE l.call_id = c.id) AND c.progress->>'transferredTo' IS NULL`,
  ],
  ['every leg belongs to a call', `SELECT l.id FROM legs l WHERE NOT EXISTS (SELECT 1 FROM calls c WHERE c.id = l.call_id)`],
  ['a CDR only for an ended call', `SELECT d.id FROM cdrs d JOIN calls c ON c.id = d.call_id WHERE c.state <> 'ended'`],
  ['every ended call has exactly one CDR', `SELECT c.id FROM calls c WHERE c.state = 'ended' AND (SELECT count(*) FROM cdrs d WHERE d.call_id = c.id) <> 1`],
  ['an ended call has its end time and no live leg', `SELECT c.id FROM calls c WHERE c.state = 'ended' AND (c.ended_at IS NULL OR EXISTS (SELECT 1 FROM legs l WHERE l.call_id = c.id AND l.state <> 'ended'))`],
  ['a CDR agrees with its call', `SELECT d.id FROM cdrs d JOIN calls c ON c.id = d.call_id WHERE d.purpose <> c.purpose OR d.ended_at < d.started_at OR (d.answered_at IS NULL AND d.billsec <> 0)`],
  ['an ended leg has its end time', `SELECT l.id FROM legs l WHERE l.state = 'ended' AND l.ended_at IS NULL`],
  ['every playback belongs to a call or an agent', `SELECT p.id FROM playbacks p WHERE p.call_id IS NULL AND p.agent_id IS NULL`],
  ['a playback names an existing call', `SELECT p.id FROM playbacks p WHERE p.call_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.id = p.call_id)`],
  ['a finished playback says why and when', `SELECT p.id FROM playbacks p WHERE p.state = 'finished' AND (p.finish_cause IS NULL OR p.finished_at IS NULL)`],
  ['no playback still runs on an ended call', `SELECT p.id FROM playbacks p JOIN calls c ON c.id = p.call_id WHERE c.state = 'ended' AND p.state <> 'finished'`],
  ['an agent has at most one active playback', `SELECT p.agent_id FROM playbacks p WHERE p.agent_id IS NOT NULL AND p.state IN ('pending', 'playing', 'paused') GROUP BY p.agent_id HAVING count(*) > 1`],
  ['every outbox row has a destination and a JSON payload', `SELECT o.id FROM outbox o WHERE o.url = '' OR o.body !~ '^\\s*[{\\[]'`],
  ['an agent in a call has that live call', `SELECT s.agent_id FROM agent_sessions s LEFT JOIN calls c ON c.id = s.current_call_id WHERE (s.state = 'in_call') <> (s.current_call_id IS NOT NULL) OR (s.current_call_id IS NOT NULL AND (c.id IS NULL OR c.state = 'ended'))`],
  [
    'only an agent in a call (or dispositioning its lead) remembers the state before it or a pending pause',
    `SELECT s.agent_id FROM agent_sessions s WHERE s.state <> 'in_call' AND (s.state_before_call IS NOT NULL OR ((s.pending_pause OR s.pending_logout) AND NOT (s.state = 'wrap_up' AND s.lead_id IS NOT NULL)))`,
  ],
  ['a disposition waits only on a call for a lead', `SELECT s.agent_id FROM agent_sessions s WHERE s.pending_disposition IS NOT NULL AND (s.state <> 'in_call' OR s.lead_id IS NULL)`],
  ['a lead held for a callback has one waiting', `SELECT l.id FROM leads l WHERE l.status = 'CBHOLD' AND NOT EXISTS (SELECT 1 FROM callbacks c WHERE c.lead_id = l.id AND c.state = 'ACTIVE')`],
  ['a session conference names a live agent leg', `SELECT s.agent_id FROM agent_sessions s WHERE s.conference_agent_leg_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM legs l WHERE l.id = s.conference_agent_leg_id AND l.state <> 'ended')`],
  ['a CC-Gateway GUID belongs to a signed-in agent', `SELECT t.subject FROM access_tokens t WHERE t.kind = 'ccgateway-guid' AND NOT EXISTS (SELECT 1 FROM agent_sessions s WHERE s.agent_id = t.subject)`],
  ['a Sip_Call token belongs to an API user', `SELECT t.subject FROM access_tokens t WHERE t.kind = 'sipcall-token' AND NOT EXISTS (SELECT 1 FROM api_users u WHERE u.id = t.subject)`],
  ['mailbox messages belong to known agents', `SELECT m.id FROM agent_mailbox m WHERE NOT EXISTS (SELECT 1 FROM agents a WHERE a.id = m.agent_id)`],
];

export interface InvariantViolation {
  rule: string;
  rows: unknown[];
}

export async function invariantViolations(pool: Pool): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  for (const [rule, sql] of RULES) {
    const { rows } = await pool.query(sql);
    if (rows.length > 0) violations.push({ rule, rows: rows.slice(0, 5) });
  }
  return violations;
}

/**
 * The provisioned directory (accounts, agents, extensions, groups, trunks,
 * queues) as text: requests may count failed logins and pause queue members,
 * but never add, remove or rewrite any of it.
 */
export async function directorySnapshot(pool: Pool): Promise<Record<string, string>> {
  const tables: Record<string, string> = {
    api_users: 'SELECT id, realm, login, secret_hash, active, permissions, attributes FROM api_users ORDER BY id',
    agents: 'SELECT id, name, secret_hash, device, active, attributes FROM agents ORDER BY id',
    extensions: 'SELECT * FROM extensions ORDER BY id',
    extension_groups: 'SELECT * FROM extension_groups ORDER BY name',
    extension_group_members: 'SELECT * FROM extension_group_members ORDER BY group_name, position',
    trunks: 'SELECT * FROM trunks ORDER BY id',
    trunk_caller_ids: 'SELECT * FROM trunk_caller_ids ORDER BY trunk_id, position',
    queues: 'SELECT * FROM queues ORDER BY name',
    // Dynamic members are session state (joined for a session, as change_ingroups does), not the directory.
    queue_members: "SELECT queue_name, agent_id, penalty, membership FROM queue_members WHERE membership = 'static' ORDER BY queue_name, agent_id",
  };
  const snapshot: Record<string, string> = {};
  for (const [table, sql] of Object.entries(tables)) snapshot[table] = JSON.stringify((await pool.query(sql)).rows);
  return snapshot;
}

export interface CreatedState {
  callsByOrigin: Record<string, number>;
  sessions: string[];
  sipcallTokens: number;
  ccgatewayGuids: number;
  /** Playbacks by whose they are: an agent's id, or the purpose of the call they play on. */
  playbacksByOwner: Record<string, number>;
}

/** Rows that only a successful request can create, to hold against the successes the clients saw. */
export async function createdState(pool: Pool): Promise<CreatedState> {
  const calls = await pool.query<{ origin: string; count: string }>(
    `SELECT origin_dialect || ' ' || origin_operation || ' ' || purpose AS origin, count(*) FROM calls GROUP BY 1 ORDER BY 1`,
  );
  const sessions = await pool.query<{ agent_id: string }>('SELECT agent_id FROM agent_sessions ORDER BY agent_id');
  const tokens = await pool.query<{ kind: string; count: string }>('SELECT kind, count(*) FROM access_tokens GROUP BY kind');
  const playbacks = await pool.query<{ owner: string; count: string }>(
    `SELECT coalesce('agent ' || p.agent_id, 'call ' || c.purpose, 'nobody') AS owner, count(*) FROM playbacks p LEFT JOIN calls c ON c.id = p.call_id GROUP BY 1`,
  );
  const tokenCount = (kind: string): number => Number(tokens.rows.find((row) => row.kind === kind)?.count ?? 0);
  return {
    callsByOrigin: Object.fromEntries(calls.rows.map((row) => [row.origin, Number(row.count)])),
    sessions: sessions.rows.map((row) => row.agent_id),
    sipcallTokens: tokenCount('sipcall-token'),
    ccgatewayGuids: tokenCount('ccgateway-guid'),
    playbacksByOwner: Object.fromEntries(playbacks.rows.map((row) => [row.owner, Number(row.count)])),
  };
}
