import type { AccessToken, ApiUser, CallControl, ClickToCallRequest, DomainEventProjector, VoiceBroadcastBatchRequest, VoiceBroadcastRequest, VoiceMenuRequest } from '@pbx-gateway/core';
import { apiUser, createTestCore, extension, extensionGroup, hashOf, trunk, type TestCore } from '@pbx-gateway/test-support';
import { SIPCALL_VOCABULARY } from '@pbx-gateway/dialect-sipcall';

/** The seed's reqtime (2020-02-10 11:58:19 in Beijing), so answers can be compared with its bytes. */
const SEED_TIME = new Date(1581307099 * 1000);

/**
 * The real core (createTestCore) as the Sip_Call dialect's unit tests use it:
 * the voice-menu and click-to-call requests the dialect made and the tokens it was issued are
 * noted on their way through, so tests can name them.
 */
export class SipcallCore {
  readonly voiceMenuCalls: VoiceMenuRequest[] = [];
  readonly clickToCalls: ClickToCallRequest[] = [];
  readonly playedCalls: VoiceBroadcastRequest[] = [];
  readonly playedBatches: VoiceBroadcastBatchRequest[] = [];
  readonly control: CallControl;
  private readonly issued = new Map<string, string>();

  constructor(readonly t: TestCore) {
    const core = t.core;
    this.control = {
      ...core,
      startVoiceMenuCall: async (request) => {
        const started = await core.startVoiceMenuCall(request);
        this.voiceMenuCalls.push(request);
        return started;
      },
      startVoiceBroadcastCall: async (request) => {
        const started = await core.startVoiceBroadcastCall(request);
        this.playedCalls.push(request);
        return started;
      },
      startVoiceBroadcastBatch: async (request) => {
        const started = await core.startVoiceBroadcastBatch(request);
        this.playedBatches.push(request);
        return started;
      },
      startClickToCall: async (request) => {
        const started = await core.startClickToCall(request);
        this.clickToCalls.push(request);
        return started;
      },
      issueAccessToken: async (request) => {
        const issued = await core.issueAccessToken(request);
        this.issued.set(issued.token, t.hasher.fingerprint(issued.token));
        return issued;
      },
    };
  }

  /** The tokens issued through the dialect that the store still holds, by token. */
  get tokens(): Map<string, AccessToken> {
    const held = this.t.store.accessTokens();
    const tokens = new Map<string, AccessToken>();
    for (const [token, fingerprint] of this.issued) {
      const found = held.find((entry) => entry.fingerprint === fingerprint);
      if (found) tokens.set(token, found);
    }
    return tokens;
  }

  get apiLog() {
    return this.t.store.apiLogEntries;
  }

  /** Changes a stored API user, as provisioning or the lock-out would. */
  async changeUser(id: string, change: Partial<ApiUser>): Promise<void> {
    const user = await this.t.store.direct.apiUsers.get(id);
    if (!user) throw new Error(`no API user ${id}`);
    await this.t.store.direct.apiUsers.upsert({ ...user, ...change });
  }

  /** A token for `userId` as Login would issue it. */
  async tokenFor(userId: string, ttlMs = 3600_000): Promise<string> {
    return (await this.control.issueAccessToken({ kind: 'sipcall-token', shape: 'hex32', subject: userId, ttlMs })).token;
  }
}

export const DEMO_COMPANY = {
  id: 'sipcall-demo',
  login: 'demoappid',
  attributes: { companycode: '2028', companyname: 'test', nodeIp: '149.129.249.47' },
};

/** The demo company with its extension group and a trunk, over the real core. */
export async function demoCore(options: { trunks?: boolean; projectors?: DomainEventProjector[] } = {}): Promise<SipcallCore> {
  const t = await createTestCore({
    startAt: SEED_TIME,
    projectors: options.projectors,
    vocabulary: [SIPCALL_VOCABULARY],
    config: { media: { urlHosts: ['wwww.baidu.com', 'audio.example.com'] } },
    directory: {
      apiUsers: [apiUser(DEMO_COMPANY.id, { realm: 'sipcall', login: DEMO_COMPANY.login, secretHash: hashOf('demoaccesskey'), attributes: DEMO_COMPANY.attributes })],
      extensions: [extension(5, '100'), extension(6, '101')],
      groups: [extensionGroup('extGroup-1', [5, 6], { tenant: '2028' }), extensionGroup('group@b', [5], { tenant: '2028' }), extensionGroup('g', [6], { tenant: '2028' })],
      trunks: options.trunks === false ? [] : [trunk(1)],
    },
  });
  return new SipcallCore(t);
}

export const silentLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
