import {
  checkDialableNumber,
  DomainError,
  resolveMedia,
  type AccessToken,
  type AccessTokenKind,
  type ApiLogEntry,
  type ApiUser,
  type CallControl,
  type IssuedToken,
  type MediaPolicy,
  type TokenRequest,
  type VoiceMenuRequest,
} from '@pbx-gateway/core';

/**
 * A hand-written `CallControl` for unit tests of the dialect's HTTP side: API
 * users, tokens and the voice-menu command, with the core's own number and
 * media checks. Everything the dialect does not use throws.
 */
export class FakeCore {
  // The seed's reqtime, so answers can be compared with its bytes.
  now = new Date(1581307099 * 1000);
  readonly users = new Map<string, ApiUser>();
  readonly tokens = new Map<string, AccessToken>();
  readonly voiceMenuCalls: VoiceMenuRequest[] = [];
  readonly apiLog: ApiLogEntry[] = [];
  readonly revoked: string[] = [];
  media: MediaPolicy = { pathMappings: [], urlHosts: ['wwww.baidu.com', 'audio.example.com'] };
  /** The next startVoiceMenuCall fails with this. */
  failNext: Error | null = null;
  private tokenCounter = 0;

  addUser(user: Partial<ApiUser> & Pick<ApiUser, 'id' | 'login'>, secret: string): ApiUser {
    const full: ApiUser = {
      realm: 'sipcall',
      secretHash: `plain:${secret}`,
      active: true,
      permissions: ['*'],
      attributes: {},
      failedLogins: 0,
      lastFailedLoginAt: null,
      ...user,
    };
    this.users.set(full.id, full);
    return full;
  }

  readonly control: CallControl = {
    clock: { now: () => new Date(this.now.getTime()) },
    authenticateApiUser: async (credentials) => {
      const user = [...this.users.values()].find((candidate) => candidate.realm === credentials.realm && candidate.login === credentials.login);
      if (!user) throw new DomainError('AUTH_FAILED', 'unknown API user', { reason: 'unknown' });
      if (user.failedLogins >= 10) throw new DomainError('AUTH_LOCKED', 'locked');
      if (user.secretHash !== `plain:${credentials.secret}`) throw new DomainError('AUTH_FAILED', 'wrong secret', { reason: 'secret' });
      if (!user.active) throw new DomainError('AUTH_FAILED', 'inactive', { reason: 'inactive' });
      return user;
    },
    issueAccessToken: async (request: TokenRequest): Promise<IssuedToken> => {
      this.tokenCounter += 1;
      const token = this.tokenCounter.toString(16).padStart(32, 'a');
      const expiresAt = request.ttlMs === null ? null : new Date(this.now.getTime() + request.ttlMs);
      this.tokens.set(token, { fingerprint: token, kind: request.kind, subject: request.subject, issuedAt: this.now, expiresAt });
      return { token, expiresAt };
    },
    resolveAccessToken: async (kind: AccessTokenKind, token: string) => {
      const found = this.tokens.get(token);
      if (!found || found.kind !== kind) return null;
      if (found.expiresAt && found.expiresAt.getTime() <= this.now.getTime()) return null;
      return found;
    },
    revokeAccessToken: async (_kind, token) => {
      this.revoked.push(token);
      this.tokens.delete(token);
    },
    revokeAccessTokensOf: async (kind, subject) => {
      for (const [token, issued] of this.tokens) if (issued.kind === kind && issued.subject === subject) this.tokens.delete(token);
    },
    getApiUser: async (id) => this.users.get(id) ?? null,
    findApiUser: async (realm, login) => [...this.users.values()].find((user) => user.realm === realm && user.login === login) ?? null,
    startVoiceMenuCall: async (request) => {
      const failure = this.failNext;
      this.failNext = null;
      if (failure) throw failure;
      checkDialableNumber(request.destination);
      resolveMedia(request.media, this.media);
      this.voiceMenuCalls.push(request);
      return { callId: `call-${this.voiceMenuCalls.length}` };
    },
    recordApiRequest: async (entry) => {
      this.apiLog.push(entry);
    },
    getAgent: unused,
    findAgentByAttribute: unused,
    getAgentSession: unused,
    listAgentSessions: unused,
    loginAgent: unused,
    connectAgentPhone: unused,
    logoutAgent: unused,
    pauseAgent: unused,
    resumeAgent: unused,
    touchAgentSession: unused,
    expireIdleSessions: unused,
    nextMailboxMessage: unused,
    startAgentPlayback: unused,
    controlAgentPlayback: unused,
    activeAgentPlayback: unused,
    startClickToCall: unused,
    startAgentCustomerCall: unused,
    hangupAgentCustomer: unused,
    hangupChannel: unused,
    dialThirdParty: unused,
    hangupThirdParty: unused,
    hangupCallParties: unused,
    leaveThreeWayCall: unused,
    blindTransfer: unused,
    transferCall: unused,
    leaveCustomerMessage: unused,
    hangupCall: unused,
    parkCallParty: unused,
    grabCallParty: unused,
    listLiveCalls: unused,
    listLiveChannels: unused,
    getCall: unused,
    getCdrOfCall: unused,
    listExtensions: unused,
    findExtension: unused,
    getQueue: unused,
    queuesOfAgent: unused,
    pbxEndpoints: unused,
    pbxAvailable: () => true,
    deliverDueCallbacks: unused,
    start: () => undefined,
    idle: async () => undefined,
  };

  /** A token for `userId` as Login would issue it. */
  async tokenFor(userId: string, ttlMs = 3600_000): Promise<string> {
    return (await this.control.issueAccessToken({ kind: 'sipcall-token', shape: 'hex32', subject: userId, ttlMs })).token;
  }
}

function unused(): never {
  throw new Error('not used by the Sip_Call dialect');
}

export const silentLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
