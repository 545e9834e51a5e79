import type { AgentState } from './agent';

/**
 * A stretch of time an agent spent in one state of one session, as the
 * session's changes logged it: from the session's `stateChangedAt` to the
 * next change (or the logout); `endedAt` null while it lasts. The pause
 * reason and call are the session's latest during the span.
 */
export interface AgentStateSpan {
  agentId: string;
  sessionId: string;
  campaignId: string | null;
  state: AgentState;
  pauseReason: string | null;
  callId: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

/** Which spans to read: those that started from `from` to `to` (both included), optionally of one agent or one campaign. */
export interface AgentStateSpanSearch {
  from: Date;
  to: Date;
  agentId?: string;
  campaignId?: string;
}
