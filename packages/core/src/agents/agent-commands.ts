import type { Agent, AgentSession, PauseOutcome, TimerAction } from './agent';
import { setAgentAttributes } from './agent-attributes';
import { refreshAgentScreen, setAgentTimerAction } from './agent-screen';
import type { LoginChannel } from '../kernel/vocabulary';
import type { CoreContext } from '../kernel/context';
import type { JsonValue } from '../kernel/json';
import type { TrackWork } from '../kernel/tracked-work';
import { SharedRead } from '../kernel/shared-read';
import type { LiveAgent } from './live-agent';
import { startAfterCallWork, type AfterCallWorkOutcome } from './after-call-work';
import { setCallHandling, type CallHandlingRequest } from './call-handling';
import { addAgent, type AddAgentRequest } from './add-agent';
import { authenticateAgent, type AgentCredentials } from './agent-authentication';
import { expireIdleSessions, touchAgentSession } from './liveness';
import { loginAgent, type AgentLoginRequest } from './login';
import { logoutAgent, type AgentLogoutRequest, type LogoutOutcome } from './logout';
import { nextMailboxMessage } from './mailbox';
import { pauseAgent, resumeAgent, type PauseRequest, type ResumeRequest } from './pause';
import { connectAgentPhone } from './phone-connection';
import { removeAgent } from './remove-agent';
import { updateAgent, type AgentChanges } from './update-agent';
import type { AgentCampaignRank, RankChange } from './agent-rank';
import { setAgentCampaignRanks, setAgentQueueRanks } from './set-agent-ranks';
import { copyAgentStanding, type AgentStandingCopied } from './copy-agent-standing';
import type { AgentNotification, NewAgentNotification } from './notification';
import { queueAgentNotification } from './notification-commands';
import { agentActivity, type AgentActivity, type AgentActivityRequest } from './agent-activity';

/** Agents, their sessions, states and mailboxes. */
export interface AgentCommands {
  getAgent(agentId: string): Promise<Agent | null>;
  addAgent(request: AddAgentRequest): Promise<Agent>;
  updateAgent(request: { agentId: string; changes: AgentChanges }): Promise<Agent>;
  /** False when there is no such agent (AGENT_BUSY while it is logged in). */
  removeAgent(agentId: string): Promise<boolean>;
  /** Sets the agent's rank and grade in every campaign, or in `campaignId` only; resolves with the campaigns changed. */
  setAgentCampaignRanks(request: { agentId: string; change: RankChange; campaignId: string | null }): Promise<number>;
  /** The agent's rank and grade in each campaign it has one for, by campaign. */
  agentCampaignRanks(agentId: string): Promise<AgentCampaignRank[]>;
  /** Sets the agent's weight (rank) and grade in the queues it serves, or in `queueName` only; resolves with the queues changed. */
  setAgentQueueRanks(request: { agentId: string; change: RankChange; queueName: string | null }): Promise<string[]>;
  /** Gives `toAgentId` the static queue memberships and campaign ranks of `fromAgentId`. */
  copyAgentStanding(request: { fromAgentId: string; toAgentId: string }): Promise<AgentStandingCopied>;
  /** The agent, once its own secret is verified (AGENT_NOT_FOUND, AUTH_FAILED, AUTH_LOCKED otherwise). */
  authenticateAgent(credentials: AgentCredentials): Promise<Agent>;
  /** The agent a CRM knows by `externalId`. */
  findAgentByExternalId(externalId: string): Promise<Agent | null>;
  getAgentSession(agentId: string): Promise<AgentSession | null>;
  /** Every live session, in no particular order. */
  listAgentSessions(): Promise<AgentSession[]>;
  /**
   * Every logged-in agent with what a live view shows of it, by agent id.
   * Concurrent callers share one read (started after each of them asked) and
   * the same list, which none may change.
   */
  listLiveAgents(): Promise<readonly LiveAgent[]>;
  /** Each agent's time per state, calls, sessions and pauses over a period, from the state span log. */
  agentActivity(request: AgentActivityRequest): Promise<AgentActivity[]>;
  /** The agent with what a live view shows of it; null when it is not logged in (or unknown). */
  getLiveAgent(agentId: string): Promise<LiveAgent | null>;
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
  /** Sets some of an agent's dialect facts, keeping the others; null when there is no such agent. */
  setAgentAttributes(request: { agentId: string; attributes: Readonly<Record<string, string>> }): Promise<Agent | null>;
  /** Asks the agent's screen to reload what `items` names; `changed` false when it was asked exactly that already. */
  refreshAgentScreen(request: { agentId: string; items: string }): Promise<{ changed: boolean }>;
  /** Sets, or with null clears, the action the agent's screen takes at a point of each call. */
  setAgentTimerAction(request: { agentId: string; timerAction: TimerAction | null }): Promise<void>;
  expireIdleSessions(request: { via: LoginChannel; idleMs: number }): Promise<string[]>;
  nextMailboxMessage(request: { agentId: string; channel: string; waitMs: number; abort?: AbortSignal }): Promise<JsonValue | null>;
  /** Queues an on-screen alert for an agent, a user group's agents or a campaign's. */
  queueAgentNotification(notification: Omit<NewAgentNotification, 'queuedAt'>): Promise<AgentNotification>;
  getAgentNotification(id: number): Promise<AgentNotification | null>;
}

export function agentCommands(ctx: CoreContext, track: TrackWork): AgentCommands {
  const direct = ctx.store.direct;
  const liveAgents = new SharedRead<readonly LiveAgent[]>(() => direct.liveAgents.list());
  return {
    getAgent: (agentId) => direct.agents.get(agentId),
    addAgent: (request) => track(addAgent(ctx, request)),
    updateAgent: (request) => track(updateAgent(ctx, request)),
    removeAgent: (agentId) => track(removeAgent(ctx, agentId)),
    setAgentCampaignRanks: (request) => track(setAgentCampaignRanks(ctx, request)),
    agentCampaignRanks: (agentId) => direct.campaigns.agentRanks(agentId),
    setAgentQueueRanks: (request) => track(setAgentQueueRanks(ctx, request)),
    copyAgentStanding: (request) => track(copyAgentStanding(ctx, request)),
    authenticateAgent: (credentials) => authenticateAgent(ctx, credentials),
    findAgentByExternalId: (externalId) => direct.agents.findByExternalId(externalId),
    getAgentSession: (agentId) => direct.sessions.get(agentId),
    listAgentSessions: () => direct.sessions.list(),
    listLiveAgents: () => liveAgents.get(),
    agentActivity: (request) => agentActivity(ctx, request),
    getLiveAgent: (agentId) => direct.liveAgents.get(agentId),
    loginAgent: (request) => track(loginAgent(ctx, request)),
    connectAgentPhone: (request) => track(connectAgentPhone(ctx, request)),
    logoutAgent: (request) => track(logoutAgent(ctx, request)),
    pauseAgent: (request) => track(pauseAgent(ctx, request)),
    resumeAgent: (request) => track(resumeAgent(ctx, request)),
    startAfterCallWork: (request) => track(startAfterCallWork(ctx, request)),
    setCallHandling: (request) => track(setCallHandling(ctx, request)),
    touchAgentSession: (agentId) => touchAgentSession(ctx, agentId),
    setAgentAttributes: (request) => track(setAgentAttributes(ctx, request)),
    refreshAgentScreen: (request) => track(refreshAgentScreen(ctx, request)),
    setAgentTimerAction: (request) => track(setAgentTimerAction(ctx, request)),
    expireIdleSessions: (request) => track(expireIdleSessions(ctx, request)),
    nextMailboxMessage: (request) => nextMailboxMessage(ctx, request),
    queueAgentNotification: (notification) => track(queueAgentNotification(ctx, notification)),
    getAgentNotification: (id) => direct.notifications.get(id),
  };
}
