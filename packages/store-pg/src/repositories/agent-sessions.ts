import type { AgentSession, EventPush, AgentSessionRepository, PendingPause, AgentState, Disposition, JsonValue, LoginChannel, TimerAction } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { SEND_WITH_NEXT } from '../support/pipelined-transactions';
import { toNumber } from '../support/rows';
import { storableNullableText, toJsonb } from '../support/json-column';
import { LOG_SPAN, closeSpan, sameSpan, spanBindings } from './agent-state-spans';

export interface AgentSessionRow {
  agent_id: string;
  session_id: string;
  state: AgentState;
  pause_reason: string | null;
  pause_limit_sec: number | null;
  state_before_call: AgentSession['stateBeforeCall'];
  device: string;
  phone_number: string;
  conference_number: string | null;
  conference_bridge_id: string | null;
  conference_agent_leg_id: string | null;
  server_ip: string;
  campaign_id: string | null;
  current_call_id: string | null;
  lead_id: string | number | null;
  lead_call_id: string | null;
  preview_lead_id: string | number | null;
  pending_disposition: StoredDisposition | string | null;
  pending_pause: boolean;
  pending_pause_reason: string | null;
  pending_pause_limit_sec: number | null;
  next_pause_reason: string | null;
  pending_wrap_up: boolean;
  pending_logout: boolean;
  blended: boolean;
  after_call: AgentSession['afterCall'];
  screen_refresh: string | null;
  timer_action: TimerAction | string | null;
  auto_answer: boolean;
  answer_on_request: boolean;
  record_calls: boolean;
  event_push: EventPush | string | null;
  login_via: LoginChannel;
  logged_in_at: Date;
  last_seen_at: Date;
  state_changed_at: Date;
}

/** A disposition as its jsonb column holds it (the callback's time as ISO text). */
interface StoredDisposition {
  status: string;
  callback: { at: string; recipient: 'USERONLY' | 'ANYONE'; comments: string } | null;
}

const toDisposition = (stored: StoredDisposition): Disposition => ({
  status: stored.status,
  callback: stored.callback && { at: new Date(stored.callback.at), recipient: stored.callback.recipient, comments: stored.callback.comments },
});

const storeDisposition = (disposition: Disposition): string =>
  JSON.stringify({ status: disposition.status, callback: disposition.callback && { ...disposition.callback, at: disposition.callback.at.toISOString() } });

const readDisposition = (column: AgentSessionRow['pending_disposition']): Disposition | null =>
  column === null ? null : toDisposition(typeof column === 'string' ? (JSON.parse(column) as StoredDisposition) : column);

const pendingPauseOf = (reason: string | null, limitSec: number | null): PendingPause => (limitSec === null ? { reason } : { reason, limitSec });

export const toSession = (row: AgentSessionRow): AgentSession => ({
  agentId: row.agent_id,
  sessionId: row.session_id,
  state: row.state,
  pauseReason: row.pause_reason,
  pauseLimitSec: row.pause_limit_sec,
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
  lead: row.lead_id === null ? null : { leadId: toNumber(row.lead_id), callId: row.lead_call_id },
  previewLeadId: row.preview_lead_id === null ? null : toNumber(row.preview_lead_id),
  pendingDisposition: readDisposition(row.pending_disposition),
  pendingPause: row.pending_pause ? pendingPauseOf(row.pending_pause_reason, row.pending_pause_limit_sec) : null,
  // Absent when none, as the session type has it.
  ...(row.next_pause_reason === null ? {} : { nextPauseReason: row.next_pause_reason }),
  pendingWrapUp: row.pending_wrap_up,
  pendingLogout: row.pending_logout,
  blended: row.blended,
  afterCall: row.after_call,
  screenRefresh: row.screen_refresh,
  timerAction: row.timer_action === null ? null : typeof row.timer_action === 'string' ? (JSON.parse(row.timer_action) as TimerAction) : row.timer_action,
  autoAnswer: row.auto_answer,
  answerOnRequest: row.answer_on_request,
  ...(row.record_calls ? { recordCalls: true } : {}),
  eventPush: row.event_push === null ? null : typeof row.event_push === 'string' ? (JSON.parse(row.event_push) as EventPush) : row.event_push,
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
  pause_limit_sec: session.pauseLimitSec,
  state_before_call: session.stateBeforeCall,
  device: session.device,
  phone_number: session.phoneNumber,
  conference_number: session.conference?.number ?? null,
  conference_bridge_id: session.conference?.bridgeId ?? null,
  conference_agent_leg_id: session.conference?.agentLegId ?? null,
  server_ip: session.serverIp,
  campaign_id: session.campaignId,
  current_call_id: session.currentCallId,
  lead_id: session.lead?.leadId ?? null,
  lead_call_id: session.lead?.callId ?? null,
  preview_lead_id: session.previewLeadId,
  pending_disposition: session.pendingDisposition && storeDisposition(session.pendingDisposition),
  pending_pause: session.pendingPause !== null,
  pending_pause_reason: session.pendingPause?.reason ?? null,
  pending_pause_limit_sec: session.pendingPause?.limitSec ?? null,
  next_pause_reason: session.nextPauseReason ?? null,
  pending_wrap_up: session.pendingWrapUp,
  pending_logout: session.pendingLogout,
  blended: session.blended,
  after_call: session.afterCall,
  screen_refresh: storableNullableText(session.screenRefresh),
  timer_action: session.timerAction && toJsonb(session.timerAction as unknown as JsonValue),
  auto_answer: session.autoAnswer,
  answer_on_request: session.answerOnRequest,
  record_calls: session.recordCalls ?? false,
  event_push: session.eventPush && toJsonb(session.eventPush as unknown as JsonValue),
  login_via: session.loginVia,
  logged_in_at: session.loggedInAt,
  last_seen_at: session.lastSeenAt,
  state_changed_at: session.stateChangedAt,
});

/** A fresh copy of a session, shaped exactly as reading its row back would give it. */
const asReadBack = (session: AgentSession): AgentSession => toSession({ agent_id: session.agentId, ...toColumns(session) });

// The statements external_pause and every other agent command run, written
// once: knex built them anew on every call, and building an UPDATE of the
// session's 28 columns cost more CPU than sending it.
const LOCK = 'SELECT * FROM agent_sessions WHERE agent_id = ? LIMIT 1 FOR UPDATE';
const LOCK_LEARNING = `SELECT agent_sessions.*,
    EXISTS (SELECT 1 FROM manual_dial_queue q WHERE q.agent_id = agent_sessions.agent_id) AS queued_dials,
    EXISTS (SELECT 1 FROM queue_members m WHERE m.agent_id = agent_sessions.agent_id) AS in_queues
  FROM agent_sessions WHERE agent_id = ? LIMIT 1 FOR UPDATE OF agent_sessions`;

const updateStatements = new Map<string, string>();

/** `UPDATE agent_sessions SET <every column> = ? ... WHERE agent_id = ?`, for the columns `toColumns` gives (always the same). */
function updateStatement(columns: object): string {
  const names = Object.keys(columns);
  const key = names.join(',');
  let statement = updateStatements.get(key);
  if (statement === undefined) {
    statement = `UPDATE agent_sessions SET ${names.map((name) => `"${name}" = ?`).join(', ')} WHERE agent_id = ?`;
    updateStatements.set(key, statement);
  }
  return statement;
}

/**
 * What one transaction learnt with an agent's session lock, shared by its
 * repositories so that they need not ask again. Numbers are queued for an
 * agent, and an agent joins a queue, only in a transaction that holds the
 * agent's session lock (or inserts the session), or by provisioning before
 * the gateway serves: so an agent whose lock found none has none for as long
 * as this transaction holds the lock, unless this transaction adds one.
 */
export interface TransactionFacts {
  /** Agents locked with no number queued to dial. */
  noQueuedDials: Set<string>;
  /** Agents locked as members of no queue. */
  inNoQueue: Set<string>;
  /** Agents whose session row this transaction holds locked. */
  lockedAgents: Set<string>;
  /**
   * Whether Postgres has given this transaction its id: a row lock takes
   * one, so after a session lock the transaction's place in the event log
   * (ordered by transaction id, see the event log repository) is fixed, and
   * what it appends may wait for the COMMIT without moving.
   */
  hasTransactionId: boolean;
}

/** Facts of a transaction that has learnt nothing yet. */
export const noTransactionFacts = (): TransactionFacts => ({ noQueuedDials: new Set(), inNoQueue: new Set(), lockedAgents: new Set(), hasTransactionId: false });

/**
 * In a transaction, a session row this transaction has locked or written
 * cannot change under it, so reading it again (as projectors do after the
 * operation that changed it) needs no round trip: `rowsHeld` remembers those
 * rows as they were last written. Rows only read, not locked, are always
 * read from the database.
 */
export function createAgentSessionRepository(db: Knex, options: { inTransaction?: boolean; facts?: TransactionFacts } = {}): AgentSessionRepository {
  const rowsHeld = options.inTransaction ? new Map<string, AgentSession | null>() : null;
  const hold = (agentId: string, session: AgentSession | null): void => {
    rowsHeld?.set(agentId, session && asReadBack(session));
  };
  return {
    async get(agentId) {
      const held = rowsHeld?.get(agentId);
      if (held !== undefined) return held && asReadBack(held);
      const row: AgentSessionRow | undefined = await db('agent_sessions').where({ agent_id: agentId }).first();
      return row ? toSession(row) : null;
    },

    async lock(agentId) {
      const facts = options.facts;
      // Whether the agent has numbers queued to dial or belongs to a queue comes with the lock, in the same round trip (see TransactionFacts).
      const result: { rows: Array<AgentSessionRow & { queued_dials?: boolean; in_queues?: boolean }> } = await db.raw(facts ? LOCK_LEARNING : LOCK, [agentId]);
      const row = result.rows[0];
      const session = row ? toSession(row) : null;
      // A missing row is not locked: another transaction may still insert it.
      if (session) {
        hold(agentId, session);
        if (facts) {
          facts.lockedAgents.add(agentId);
          facts.hasTransactionId = true;
        }
        if (row?.queued_dials === false) facts?.noQueuedDials.add(agentId);
        if (row?.in_queues === false) facts?.inNoQueue.add(agentId);
      }
      return session;
    },

    async insert(session) {
      await db('agent_sessions').insert({ agent_id: session.agentId, ...toColumns(session) });
      // A span left open by a session that never ended (a crash) ends where this one starts.
      await db.raw(LOG_SPAN, spanBindings(session));
      hold(session.agentId, session);
      // The row inserted is this transaction's until it commits, as a locked one is; a write takes the transaction's id.
      if (options.facts) {
        options.facts.lockedAgents.add(session.agentId);
        options.facts.hasTransactionId = true;
      }
    },

    async update(session) {
      const columns = toColumns(session);
      const statement = db.raw(updateStatement(columns), [...Object.values(columns), session.agentId] as Knex.RawBinding[]);
      // A row this transaction holds locked is there to update: the statement may travel with the next one (or COMMIT).
      const previous = rowsHeld?.get(session.agentId);
      const locked = previous != null;
      const result: { rowCount: number | null } = await (locked ? statement.options({ [SEND_WITH_NEXT]: true }) : statement);
      const written = locked || (result.rowCount ?? 0) > 0;
      // The state span is logged with the write that changes it; a write the held row shows changes none of it sends nothing more.
      if (written && !(previous && sameSpan(previous, session))) {
        const log = db.raw(LOG_SPAN, spanBindings(session));
        await (locked ? log.options({ [SEND_WITH_NEXT]: true }) : log);
      }
      if (written) hold(session.agentId, session);
    },

    async delete(agentId, at) {
      const deleted = await db('agent_sessions').where({ agent_id: agentId }).delete();
      if (deleted > 0) {
        await closeSpan(db, agentId, at);
        hold(agentId, null);
      }
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
      rowsHeld?.delete(agentId);
    },
  };
}
