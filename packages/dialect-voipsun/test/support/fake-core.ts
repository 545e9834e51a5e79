import express, { type Express } from 'express';
import {
  DomainError,
  findExtension,
  type ApiUser,
  type Call,
  type CallControl,
  type ClickToCallRequest,
  type Extension,
  type Leg,
  type LiveChannel,
  type PbxEndpoint,
  type StoreTransaction,
} from '@pbx-gateway/core';
import type { DialectLogger } from '@pbx-gateway/dialect-kit';
import { createVoipsunDialect, defaultVoipsunSettings, type VoipsunSettings } from '../../src';

/**
 * A hand-written stand-in for the core, for unit tests of this package only:
 * credentials, extensions, live calls and engine state are plain fields a
 * test sets; the commands record what they were asked.
 */
export interface FakeCore {
  core: CallControl;
  users: ApiUser[];
  extensions: Extension[];
  live: Array<{ call: Call; legs: Leg[] }>;
  endpoints: PbxEndpoint[];
  available: boolean;
  now: Date;
  clickToCalls: ClickToCallRequest[];
  hangups: string[];
  /** Channel names `hangupChannel` finds. */
  liveChannels: Set<string>;
  /** When set, the next command of that name fails with it. */
  failures: Partial<Record<'startClickToCall' | 'hangupChannel' | 'listLiveCalls' | 'listLiveChannels' | 'authenticateApiUser' | 'pbxEndpoints', Error>>;
  logged: Array<{ level: string; message: string }>;
  logger: DialectLogger;
  apiLog: unknown[];
}

export function apiUser(login: string, secret: string, permissions: string[], overrides: Partial<ApiUser> = {}): ApiUser {
  return {
    id: `u-${login}`,
    realm: 'voipsun',
    login,
    secretHash: secret,
    active: true,
    permissions,
    attributes: {},
    failedLogins: 0,
    lastFailedLoginAt: null,
    ...overrides,
  };
}

export const demoExtensions: Extension[] = [
  extension(5, '100', '299299000', 'sip100'),
  extension(6, '101', '299299001', 'sip101'),
  extension(7, '102', '299299555', 'sip102'),
];

export function extension(id: number, internalNumber: string, publicNumber: string, sipUsername: string, dialplan = 'default'): Extension {
  return {
    id,
    internalNumber,
    publicNumber,
    sipUsername,
    dialplan,
    endpoint: `PJSIP/${sipUsername}`,
    callerIdNumber: publicNumber,
    callerIdName: `Line ${internalNumber}`,
    recordCalls: false,
  };
}

export function createFakeCore(): FakeCore {
  const logged: FakeCore['logged'] = [];
  const fake: FakeCore = {
    core: undefined as unknown as CallControl,
    users: [apiUser('voipsun', 'secretpwd', ['*']), apiUser('lister', 'listpwd', ['Call list']), apiUser('off', 'offpwd', ['*'], { active: false })],
    extensions: [...demoExtensions],
    live: [],
    endpoints: demoExtensions.map((line) => ({ endpoint: line.endpoint, technology: 'PJSIP', resource: line.sipUsername, online: true, channelIds: [] })),
    available: true,
    now: new Date('2024-05-01T10:00:00.000Z'),
    clickToCalls: [],
    hangups: [],
    liveChannels: new Set(),
    failures: {},
    logged,
    logger: {
      debug: (_facts, message) => logged.push({ level: 'debug', message }),
      info: (_facts, message) => logged.push({ level: 'info', message }),
      warn: (_facts, message) => logged.push({ level: 'warn', message }),
      error: (_facts, message) => logged.push({ level: 'error', message }),
    },
    apiLog: [],
  };
  const failing = (name: keyof FakeCore['failures']): void => {
    const failure = fake.failures[name];
    if (failure) {
      delete fake.failures[name];
      throw failure;
    }
  };
  const partial: Partial<CallControl> = {
    clock: { now: () => fake.now },
    async authenticateApiUser({ realm, login, secret }) {
      failing('authenticateApiUser');
      const user = fake.users.find((candidate) => candidate.realm === realm && candidate.login === login);
      if (!user || user.secretHash !== secret || !user.active) throw new DomainError('AUTH_FAILED');
      return user;
    },
    async startClickToCall(request) {
      failing('startClickToCall');
      fake.clickToCalls.push(request);
      return { callId: `call-${fake.clickToCalls.length}` };
    },
    async hangupChannel({ channelName }) {
      failing('hangupChannel');
      fake.hangups.push(channelName);
      return { found: fake.liveChannels.has(channelName) };
    },
    async listLiveCalls() {
      failing('listLiveCalls');
      return fake.live;
    },
    async listLiveChannels() {
      failing('listLiveChannels');
      return { readAt: fake.now, channels: liveChannelsOf(fake.live) };
    },
    async listExtensions() {
      return fake.extensions;
    },
    async findExtension(selector, dialplan) {
      // The core's own rules, over the fake's list of extensions.
      const byField = (field: 'publicNumber' | 'internalNumber' | 'sipUsername') => async (value: string) =>
        fake.extensions.filter((extension) => extension[field] === value);
      return findExtension(
        {
          extensions: {
            findByPublicNumber: byField('publicNumber'),
            findByInternalNumber: byField('internalNumber'),
            findBySipUsername: byField('sipUsername'),
            get: async (id: number) => fake.extensions.find((extension) => extension.id === id) ?? null,
            dialplanExists: async (name: string) => fake.extensions.some((extension) => extension.dialplan === name),
          },
        } as unknown as StoreTransaction,
        selector,
        dialplan,
      );
    },
    async pbxEndpoints() {
      failing('pbxEndpoints');
      return fake.endpoints;
    },
    pbxAvailable: () => fake.available,
    async recordApiRequest(entry) {
      fake.apiLog.push(entry);
    },
  };
  fake.core = partial as CallControl;
  return fake;
}

/** An express app with only this dialect mounted, as the server mounts it. */
export function appWith(fake: FakeCore, settings: Partial<VoipsunSettings> = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(createVoipsunDialect({ core: fake.core, logger: fake.logger, settings: { ...defaultVoipsunSettings, ...settings } }).router);
  app.use((_req, res) => {
    res.status(404).end('Not Found\n');
  });
  return app;
}

/** A call with legs, as the core lists live calls. */
export function liveCall(id: string, legs: Array<Partial<Leg> & Pick<Leg, 'channelName'>>, createdAt: Date): { call: Call; legs: Leg[] } {
  const call: Call = {
    id,
    purpose: 'click_to_call',
    progress: { stage: 'ringing_source', trunkId: 1, destinationEndpoint: 'PJSIP/800123456@upc', destinationCallerId: '299299000', destinationRingSec: null },
    direction: 'outbound',
    state: 'setup',
    agentId: null,
    tenant: null,
    fromNumber: '299299000',
    toNumber: '800123456',
    bridgeId: null,
    extension: '100',
    createdAt,
    answeredAt: null,
    endedAt: null,
    hangupCause: null,
    hangupCauseText: null,
    hangupSide: null,
    origin: { dialect: 'voipsun', operation: 'originate', apiUserId: 'u-voipsun' },
    data: {},
  };
  return {
    call,
    legs: legs.map((leg, index) => ({
      id: `${id}.${index + 1}`,
      callId: id,
      role: index === 0 ? 'source' : 'destination',
      endpoint: 'PJSIP/sip100',
      context: 'default',
      state: 'up',
      callerNumber: '000',
      callerName: 'Dialer',
      dialedNumber: '100',
      account: null,
      createdAt,
      answeredAt: null,
      endedAt: null,
      cause: null,
      causeText: null,
      hangupRequested: false,
      ...leg,
    })),
  };
}

/** The core's rule for live channels, over the fake's calls: named live legs of calls not ended, in the calls' order. */
function liveChannelsOf(live: Array<{ call: Call; legs: Leg[] }>): LiveChannel[] {
  const channels: LiveChannel[] = [];
  for (const { call, legs } of live) {
    if (call.state === 'ended') continue;
    for (const leg of legs) {
      if (leg.state === 'ended' || leg.channelName === null) continue;
      const { channelName, context, state, callerNumber, dialedNumber, account, createdAt } = leg;
      channels.push({ channelName, context, state, callerNumber, dialedNumber, account, createdAt });
    }
  }
  return channels;
}
