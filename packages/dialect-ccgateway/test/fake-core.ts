import { randomUUID } from 'node:crypto';
import {
  DomainError,
  type AccessToken,
  type AgentLoginRequest,
  type AgentLogoutRequest,
  type AgentPlaybackRequest,
  type AgentSession,
  type CallControl,
  type DomainEvent,
  type DomainEventProjector,
  type JsonValue,
  type PlaybackAction,
  type StoreTransaction,
  type TokenRequest,
} from '@pbx-gateway/core';
import type { DialectLogger } from '@pbx-gateway/dialect-kit';

/**
 * A hand-written stand-in for the core, for unit tests of the dialect's wire
 * format only: sessions, GUIDs and mailboxes in memory, domain events fed to
 * the projector under test through a minimal transaction. Playback commands
 * are recorded and answer what the test scripts. Behaviour of the real core
 * is covered by the integration tests.
 */
export interface FakeCore {
  core: CallControl;
  now: { ms: number };
  sessions: Map<string, AgentSession>;
  mailbox: Map<string, JsonValue[]>;
  playbackCalls: Array<AgentPlaybackRequest | ({ agentId: string } & PlaybackAction)>;
  /** Thrown by the next playback command, once. */
  failNext: { error: DomainError | Error | null };
  pbxUp: { value: boolean };
  /** Makes GUID look-ups fail as a lost database connection would. */
  tokensBroken: { value: boolean };
  publish(event: DomainEvent): Promise<void>;
}

/** Reverses key order at every level, as Postgres jsonb would scramble it. */
function reorderKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(reorderKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, JsonValue> = {};
  for (const name of Object.keys(value).reverse()) out[name] = reorderKeys(value[name]!);
  return out;
}

const AGENTS: Readonly<Record<string, string>> = { '101': '', '102': 'Agent@102' };

export function createFakeCore(projector: DomainEventProjector): FakeCore {
  const now = { ms: Date.UTC(2024, 4, 1, 8, 0, 0) };
  const clock = { now: () => new Date(now.ms) };
  const sessions = new Map<string, AgentSession>();
  const tokens = new Map<string, AccessToken>();
  const mailbox = new Map<string, JsonValue[]>();
  const waiters = new Set<() => void>();
  const playbackCalls: FakeCore['playbackCalls'] = [];
  const failNext: FakeCore['failNext'] = { error: null };
  const pbxUp = { value: true };
  const tokensBroken = { value: false };

  const key = (agentId: string, channel: string): string => `${agentId}/${channel}`;
  const tx = {
    sessions: { get: async (agentId: string) => sessions.get(agentId) ?? null },
    calls: { getLeg: async () => null },
    tokens: {
      deleteBySubject: async (kind: string, subject: string) => {
        for (const [token, entry] of tokens) if (entry.kind === kind && entry.subject === subject) tokens.delete(token);
      },
    },
    mailbox: {
      append: async (agentId: string, channel: string, message: JsonValue) => {
        const list = mailbox.get(key(agentId, channel)) ?? [];
        // Stored as Postgres jsonb would: the key order is not kept.
        list.push(reorderKeys(message));
        mailbox.set(key(agentId, channel), list);
        for (const wake of [...waiters]) wake();
      },
      clear: async (agentId: string, channel: string) => void mailbox.delete(key(agentId, channel)),
      takeNext: async (agentId: string, channel: string) => mailbox.get(key(agentId, channel))?.shift() ?? null,
    },
  } as unknown as StoreTransaction;
  const publish = async (event: DomainEvent): Promise<void> => projector.project(event, tx);

  const endSession = async (agentId: string, reason: 'requested' | 'forced' | 'idle_timeout'): Promise<void> => {
    const via = sessions.get(agentId)?.loginVia ?? 'ccgateway';
    sessions.delete(agentId);
    await publish({ type: 'AgentLoggedOut', agentId, via, reason, at: clock.now() });
  };

  const playbackCommand = async (): Promise<void> => {
    const error = failNext.error;
    failNext.error = null;
    if (error) throw error;
  };

  const implemented: Partial<CallControl> = {
    clock,
    pbxAvailable: () => pbxUp.value,
    recordApiRequest: async () => undefined,
    async issueAccessToken(request: TokenRequest) {
      const token = `${randomUUID()}${request.suffix ?? ''}`;
      const expiresAt = request.ttlMs === null ? null : new Date(now.ms + request.ttlMs);
      tokens.set(token, { fingerprint: token, kind: request.kind, subject: request.subject, issuedAt: clock.now(), expiresAt });
      return { token, expiresAt };
    },
    async resolveAccessToken(kind, token) {
      if (tokensBroken.value) throw new Error('Connection terminated unexpectedly');
      const found = tokens.get(token);
      if (!found || found.kind !== kind) return null;
      if (found.expiresAt && found.expiresAt.getTime() <= now.ms) return null;
      return found;
    },
    getAgentSession: async (agentId) => sessions.get(agentId) ?? null,
    async getCall() {
      return null;
    },
    async loginAgent(request: AgentLoginRequest) {
      const secret = AGENTS[request.agentId];
      if (secret === undefined) throw new DomainError('AGENT_NOT_FOUND');
      if (request.secret !== undefined && request.secret !== secret) throw new DomainError('AUTH_FAILED');
      if (sessions.has(request.agentId)) {
        if (!request.replaceExisting) throw new DomainError('AGENT_ALREADY_LOGGED_IN');
        await endSession(request.agentId, 'forced');
      }
      const at = clock.now();
      const state = request.initialState ?? 'ready';
      const session: AgentSession = {
        agentId: request.agentId,
        sessionId: randomUUID(),
        state,
        pauseReason: state === 'paused' ? (request.pauseReason ?? null) : null,
        stateBeforeCall: null,
        device: `PJSIP/${request.phoneNumber ?? request.agentId}`,
        phoneNumber: request.phoneNumber ?? '',
        conference: null,
        serverIp: '127.0.0.1',
        campaignId: null,
        currentCallId: null,
        lead: null,
        pendingDisposition: null,
        pendingPause: null,
        pendingLogout: false,
        afterCall: request.afterCall ?? 'ready',
        loginVia: request.via,
        loggedInAt: at,
        lastSeenAt: at,
        stateChangedAt: at,
      };
      sessions.set(request.agentId, session);
      await publish({ type: 'AgentLoggedIn', agentId: request.agentId, state, pauseReason: session.pauseReason, at });
      return session;
    },
    async logoutAgent(request: AgentLogoutRequest) {
      const session = sessions.get(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN');
      if (session.state === 'in_call' && request.whenInCall === 'refuse') throw new DomainError('AGENT_BUSY');
      await endSession(request.agentId, request.whenInCall === 'force' ? 'forced' : 'requested');
      return 'logged_out';
    },
    async pauseAgent(request) {
      const session = sessions.get(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN');
      if (session.state === 'paused' && request.ifPaused === 'keep') return 'already_paused';
      if (session.state === 'in_call') {
        sessions.set(request.agentId, { ...session, pendingPause: { reason: request.reason } });
        return 'pause_pending';
      }
      sessions.set(request.agentId, { ...session, state: 'paused', pauseReason: request.reason });
      await publish({ type: 'AgentStateChanged', agentId: request.agentId, from: session.state, to: 'paused', reason: request.reason, at: clock.now() });
      return session.state === 'paused' ? 'already_paused' : 'paused';
    },
    async resumeAgent(request) {
      const session = sessions.get(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN');
      if (session.state === 'ready' && request.ifReady === 'accept') return;
      if (session.state !== 'paused' && session.state !== 'wrap_up') throw new DomainError('AGENT_NOT_PAUSED');
      sessions.set(request.agentId, { ...session, state: 'ready', pauseReason: null });
      await publish({ type: 'AgentStateChanged', agentId: request.agentId, from: session.state, to: 'ready', reason: null, at: clock.now() });
    },
    async touchAgentSession(agentId) {
      const session = sessions.get(agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN');
      sessions.set(agentId, { ...session, lastSeenAt: clock.now() });
    },
    async expireIdleSessions(request) {
      const expired: string[] = [];
      for (const session of [...sessions.values()]) {
        if (session.loginVia === request.via && session.lastSeenAt.getTime() < now.ms - request.idleMs) {
          await endSession(session.agentId, 'idle_timeout');
          expired.push(session.agentId);
        }
      }
      return expired;
    },
    async nextMailboxMessage(request) {
      const deadline = Date.now() + request.waitMs;
      for (;;) {
        const message = mailbox.get(key(request.agentId, request.channel))?.shift();
        if (message !== undefined) return message;
        const remaining = deadline - Date.now();
        if (remaining <= 0 || request.abort?.aborted) return null;
        await new Promise<void>((resolve) => {
          const done = (): void => {
            clearTimeout(timer);
            waiters.delete(done);
            request.abort?.removeEventListener('abort', done);
            resolve();
          };
          const timer = setTimeout(done, remaining);
          waiters.add(done);
          request.abort?.addEventListener('abort', done, { once: true });
        });
      }
    },
    async startAgentPlayback(request) {
      playbackCalls.push(request);
      if (!sessions.has(request.agentId)) throw new DomainError('AGENT_NOT_LOGGED_IN');
      if (request.media.kind === 'file' && (!request.media.path.startsWith('Y:/') || request.media.path.includes('..'))) {
        throw new DomainError('MEDIA_NOT_ALLOWED');
      }
      await playbackCommand();
      return {} as Awaited<ReturnType<CallControl['startAgentPlayback']>>;
    },
    async controlAgentPlayback(request) {
      playbackCalls.push(request);
      if (!sessions.has(request.agentId)) throw new DomainError('AGENT_NOT_LOGGED_IN');
      await playbackCommand();
      return {} as Awaited<ReturnType<CallControl['controlAgentPlayback']>>;
    },
  };

  const core = new Proxy(implemented, {
    get(target, name: string) {
      const value = target[name as keyof CallControl];
      if (value === undefined) throw new Error(`fake core: ${name} is not part of this test double`);
      return value;
    },
  }) as CallControl;

  return { core, now, sessions, mailbox, playbackCalls, failNext, pbxUp, tokensBroken, publish };
}

/** A logger that keeps nothing; tests that care read the lines. */
export function quietLogger(lines: string[] = []): DialectLogger {
  const keep = (level: string) => (facts: Record<string, unknown>, message: string) => void lines.push(`${level} ${message} ${JSON.stringify(facts)}`);
  return { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}
