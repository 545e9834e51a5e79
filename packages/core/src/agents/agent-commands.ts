import type { Agent, AgentSession, PauseOutcome } from './agent';
import type { LoginChannel } from '../kernel/vocabulary';
import type { CoreContext } from '../kernel/context';
import type { JsonValue } from '../kernel/json';
import type { TrackWork } from '../kernel/tracked-work';
import { startAfterCallWork, type AfterCallWorkOutcome } from './after-call-work';
import { setCallHandling, type CallHandlingRequest } from './call-handling';
import { addAgent, type AddAgentRequest } from './add-agent';
import { expireIdleSessions, touchAgentSession } from './liveness';
import { loginAgent, type AgentLoginRequest } from './login';
import { logoutAgent, type AgentLogoutRequest, type LogoutOutcome } from './logout';
import { nextMailboxMessage } from './mailbox';
import { pauseAgent, resumeAgent, type PauseRequest, type ResumeRequest } from './pause';
import { connectAgentPhone } from './phone-connection';

/** Agents, their sessions, states and mailboxes. */
export interface AgentCommands {
  getAgent(agentId: string): Promise<Agent | null>;
  addAgent(request: AddAgentRequest): Promise<Agent>;
  /** The agent a CRM knows by `externalId`. */
  findAgentByExternalId(externalId: string): Promise<Agent | null>;
  getAgentSession(agentId: string): Promise<AgentSession | null>;
  /** Every live session, in no particular order. */
  listAgentSessions(): Promise<AgentSession[]>;
  loginAgent(request: AgentLoginRequest): Promise<AgentSession>;
  /** Rings the agent's phone into the session conference unless it is there already. */
  connectAgentPhone(request: { agentId: string }): Promise<{ rung: boolean }>;
  logoutAgent(request: AgentLogoutRequest): Promise<LogoutOutcome>;
  pauseAgent(request: PauseRequest): Promise<PauseOutcome>;
  resumeAgent(request: ResumeRequest): Promise<void>;
  /** After-call work at the agent's request: now, or when the current call ends. */
  startAfterCallWork(request: { agentId: string }): Promise<AfterCallWorkOutcome>;
  setCallHandling(request: CallHandlingRequest): Promise<AgentSession>;
  touchAgentSession(agentId: string): Promise<void>;
  expireIdleSessions(request: { via: LoginChannel; idleMs: number }): Promise<string[]>;
  nextMailboxMessage(request: { agentId: string; channel: string; waitMs: number; abort?: AbortSignal }): Promise<JsonValue | null>;
}

export function agentCommands(ctx: CoreContext, track: TrackWork): AgentCommands {
  const direct = ctx.store.direct;
  return {
    getAgent: (agentId) => direct.agents.get(agentId),
    addAgent: (request) => track(addAgent(ctx, request)),
    findAgentByExternalId: (externalId) => direct.agents.findByExternalId(externalId),
    getAgentSession: (agentId) => direct.sessions.get(agentId),
    listAgentSessions: () => direct.sessions.list(),
    loginAgent: (request) => track(loginAgent(ctx, request)),
    connectAgentPhone: (request) => track(connectAgentPhone(ctx, request)),
    logoutAgent: (request) => track(logoutAgent(ctx, request)),
    pauseAgent: (request) => track(pauseAgent(ctx, request)),
    resumeAgent: (request) => track(resumeAgent(ctx, request)),
    startAfterCallWork: (request) => track(startAfterCallWork(ctx, request)),
    setCallHandling: (request) => track(setCallHandling(ctx, request)),
    touchAgentSession: (agentId) => touchAgentSession(ctx, agentId),
    expireIdleSessions: (request) => track(expireIdleSessions(ctx, request)),
    nextMailboxMessage: (request) => nextMailboxMessage(ctx, request),
  };
}
