import type { AccessToken, AccessTokenKind } from './credentials/access-token';
import type { Agent, AgentSession } from './agents/agent';
import type { ApiLogEntry } from './api-log/api-log';
import type { Call, Leg, LiveChannelListing } from './calls/call';
import type { Cdr } from './calls/cdr';
import type { ApiRealm, ApiUser, Extension } from './directory/directory';
import type { Queue } from './queues/queue';
import type { Playback } from './playback/playback';
import type { Clock } from './ports/clock';
import type { PbxEndpoint } from './ports/pbx';
import type { JsonValue } from './kernel/json';
import type { CoreContext, CoreDeps } from './kernel/context';
import { CredentialCache } from './credentials/credential-cache';
import { OwnerQueue } from './kernel/owner-queue';
import { SharedRead } from './kernel/shared-read';
import { handlePbxEvent } from './calls/engine-events';
import { reconcileWithPbx } from './calls/reconciliation';
import { ResyncScheduler } from './kernel/resync-scheduler';
import { scheduleCallTimer } from './calls/call-timers';
import { issueAccessToken, resolveAccessToken, revokeAccessToken, revokeAccessTokensOf, type IssuedToken, type TokenRequest } from './credentials/access-tokens';
import { authenticateApiUser, type ApiUserCredentials } from './credentials/api-user-authentication';
import { startAgentCustomerCall, type AgentCustomerCallRequest } from './calls/agent-customer-call';
import { expireIdleSessions, touchAgentSession } from './agents/liveness';
import { loginAgent, type AgentLoginRequest } from './agents/login';
import { connectAgentPhone } from './agents/phone-connection';
import { logoutAgent, type AgentLogoutRequest, type LogoutOutcome } from './agents/logout';
import { nextMailboxMessage } from './agents/mailbox';
import { pauseAgent, resumeAgent, type PauseRequest, type ResumeRequest } from './agents/pause';
import { controlAgentPlayback, type PlaybackAction } from './playback/agent-playback-control';
import { startAgentPlayback, type AgentPlaybackRequest, type AgentPlaybackStarted } from './playback/agent-playback-start';
import { deliverDueCallbacks } from './outbox/callback-delivery';
import { hangupAgentCustomer, hangupChannel } from './calls/hangup';
import { startClickToCall, type ClickToCallRequest } from './calls/click-to-call';
import { startVoiceMenuCall, type VoiceMenuRequest } from './calls/voice-menu';
import { findExtension, type ExtensionSelector } from './directory/extension-lookup';
import type { PauseOutcome, LoginChannel } from './agents/agent';

/**
 * The call-control core as the dialects and the server see it: every command
 * and query, with its dependencies bound. Dialects translate their wire
 * format to these calls and the answers (or `DomainError`s) back.
 */
export interface CallControl {
  readonly clock: Clock;

  // credentials
  authenticateApiUser(credentials: ApiUserCredentials): Promise<ApiUser>;
  issueAccessToken(request: TokenRequest): Promise<IssuedToken>;
  resolveAccessToken(kind: AccessTokenKind, token: string): Promise<AccessToken | null>;
  revokeAccessToken(kind: AccessTokenKind, token: string): Promise<void>;
  revokeAccessTokensOf(kind: AccessTokenKind, subject: string): Promise<void>;
  getApiUser(id: string): Promise<ApiUser | null>;
  /** The account of a realm by its login, whatever its state (for dialects that report account state). */
  findApiUser(realm: ApiRealm, login: string): Promise<ApiUser | null>;

  // agents
  getAgent(agentId: string): Promise<Agent | null>;
  findAgentByAttribute(name: string, value: string): Promise<Agent | null>;
  getAgentSession(agentId: string): Promise<AgentSession | null>;
  loginAgent(request: AgentLoginRequest): Promise<AgentSession>;
  /** Rings the agent's phone into the session conference unless it is there already. */
  connectAgentPhone(request: { agentId: string }): Promise<{ rung: boolean }>;
  logoutAgent(request: AgentLogoutRequest): Promise<LogoutOutcome>;
  pauseAgent(request: PauseRequest): Promise<PauseOutcome>;
  resumeAgent(request: ResumeRequest): Promise<void>;
  touchAgentSession(agentId: string): Promise<void>;
  expireIdleSessions(request: { via: LoginChannel; idleMs: number }): Promise<string[]>;
  nextMailboxMessage(request: { agentId: string; channel: string; waitMs: number; abort?: AbortSignal }): Promise<JsonValue | null>;

  // playback
  startAgentPlayback(request: AgentPlaybackRequest): Promise<AgentPlaybackStarted>;
  controlAgentPlayback(request: { agentId: string } & PlaybackAction): Promise<Playback>;
  activeAgentPlayback(agentId: string): Promise<Playback | null>;

  // calls
  startClickToCall(request: ClickToCallRequest): Promise<{ callId: string }>;
  startVoiceMenuCall(request: VoiceMenuRequest): Promise<{ callId: string }>;
  startAgentCustomerCall(request: AgentCustomerCallRequest): Promise<{ callId: string }>;
  hangupAgentCustomer(request: { agentId: string }): Promise<{ hungUp: boolean }>;
  hangupChannel(request: { channelName: string }): Promise<{ found: boolean }>;
  listLiveCalls(): Promise<Array<{ call: Call; legs: Leg[] }>>;
  /**
   * The engine channels of the calls up (named live legs), calls oldest first,
   * each call's legs in creation order. Concurrent callers share one read
   * (started after each of them asked) and the same listing object.
   */
  listLiveChannels(): Promise<LiveChannelListing>;
  getCall(callId: string): Promise<{ call: Call; legs: Leg[] } | null>;
  getCdrOfCall(callId: string): Promise<Cdr | null>;

  // directory
  listExtensions(): Promise<Extension[]>;
  /** The one extension a selector names (EXTENSION_NOT_FOUND, EXTENSION_AMBIGUOUS, DIALPLAN_NOT_FOUND otherwise). */
  findExtension(selector: ExtensionSelector, dialplan: string | null): Promise<Extension>;
  getQueue(name: string): Promise<Queue | null>;
  pbxEndpoints(): Promise<PbxEndpoint[]>;
  pbxAvailable(): boolean;

  // background work and records
  deliverDueCallbacks(): Promise<number>;
  recordApiRequest(entry: ApiLogEntry): Promise<void>;
  /** Starts handling engine events; call once. */
  start(): void;
  /** Resolves once every queued command and event has been handled. */
  idle(): Promise<void>;
}

/** An owner queue whose every piece of work `idle()` waits for, including work started by timers. */
class TrackedOwnerQueue extends OwnerQueue {
  constructor(private readonly track: <T>(work: Promise<T>) => Promise<T>) {
    super();
  }

  override run<T>(owner: string, work: () => Promise<T>): Promise<T> {
    return this.track(super.run(owner, work));
  }
}

export function createCallControl(deps: CoreDeps): CallControl {
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };
  // Without the engine there is nothing to read: its reconnection reconciles anyway.
  const resync = new ResyncScheduler(() => (deps.pbx.isAvailable() ? track(reconcileWithPbx(ctx)) : Promise.resolve()), deps.timers, deps.logger);
  const ctx: CoreContext = {
    ...deps,
    queue: new TrackedOwnerQueue(track),
    credentials: new CredentialCache(deps.config.credentialCacheMs),
    resync: { request: (reason) => resync.request(reason), reconcileNow: () => reconcileWithPbx(ctx) },
    callTimers: { schedule: (callId, timer, ms) => scheduleCallTimer(ctx, callId, timer, ms) },
  };
  const direct = deps.store.direct;
  const liveChannels = new SharedRead<LiveChannelListing>(async () => {
    const channels = await direct.calls.listLiveChannels();
    return { readAt: deps.clock.now(), channels };
  });
  let started = false;

  return {
    clock: deps.clock,
    authenticateApiUser: (credentials) => authenticateApiUser(ctx, credentials),
    issueAccessToken: (request) => issueAccessToken(ctx, request),
    resolveAccessToken: (kind, token) => resolveAccessToken(ctx, kind, token),
    revokeAccessToken: (kind, token) => revokeAccessToken(ctx, kind, token),
    revokeAccessTokensOf: (kind, subject) => revokeAccessTokensOf(ctx, kind, subject),
    getApiUser: (id) => direct.apiUsers.get(id),
    findApiUser: (realm, login) => direct.apiUsers.findByLogin(realm, login),

    getAgent: (agentId) => direct.agents.get(agentId),
    findAgentByAttribute: (name, value) => direct.agents.findByAttribute(name, value),
    getAgentSession: (agentId) => direct.sessions.get(agentId),
    loginAgent: (request) => track(loginAgent(ctx, request)),
    connectAgentPhone: (request) => track(connectAgentPhone(ctx, request)),
    logoutAgent: (request) => track(logoutAgent(ctx, request)),
    pauseAgent: (request) => track(pauseAgent(ctx, request)),
    resumeAgent: (request) => track(resumeAgent(ctx, request)),
    touchAgentSession: (agentId) => touchAgentSession(ctx, agentId),
    expireIdleSessions: (request) => track(expireIdleSessions(ctx, request)),
    nextMailboxMessage: (request) => nextMailboxMessage(ctx, request),

    startAgentPlayback: (request) => track(startAgentPlayback(ctx, request)),
    controlAgentPlayback: (request) => track(controlAgentPlayback(ctx, request)),
    activeAgentPlayback: (agentId) => direct.playbacks.activeForAgent(agentId),

    startClickToCall: (request) => track(startClickToCall(ctx, request)),
    startVoiceMenuCall: (request) => track(startVoiceMenuCall(ctx, request)),
    startAgentCustomerCall: (request) => track(startAgentCustomerCall(ctx, request)),
    hangupAgentCustomer: (request) => track(hangupAgentCustomer(ctx, request)),
    hangupChannel: (request) => track(hangupChannel(ctx, request)),
    listLiveCalls: () => direct.calls.listLive(),
    listLiveChannels: () => liveChannels.get(),
    getCall: async (callId) => {
      const call = await direct.calls.get(callId);
      return call ? { call, legs: await direct.calls.legsOf(callId) } : null;
    },
    getCdrOfCall: (callId) => direct.cdrs.getByCall(callId),

    listExtensions: () => direct.extensions.list(),
    findExtension: (selector, dialplan) => findExtension(direct, selector, dialplan),
    getQueue: (name) => direct.queues.get(name),
    pbxEndpoints: () => deps.pbx.endpoints(),
    pbxAvailable: () => deps.pbx.isAvailable(),

    deliverDueCallbacks: () => deliverDueCallbacks(ctx),
    recordApiRequest: (entry) => deps.store.apiLog.append(entry),
    start() {
      if (started) return;
      started = true;
      deps.pbx.onEvent((event) => {
        void track(handlePbxEvent(ctx, event)).catch((error: unknown) =>
          deps.logger.error('engine event lost', { event: event.type, error: String(error) }),
        );
      });
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
