import express, { type Express } from 'express';
import type { ApiUser, Call, CallControl, ClickToCallRequest, Extension, Leg, Recording } from '@pbx-gateway/core';
import type { DialectLogger } from '@pbx-gateway/dialect-kit';
import { agent, createTestCore, hashOf, trunk, type TestCore } from '@pbx-gateway/test-support';
import { createVoipsunDialect, defaultVoipsunSettings, VOIPSUN_VOCABULARY, type VoipsunSettings } from '../../src';

/**
 * The real core (createTestCore) with the VoIPSUN demo: its API users, three
 * extensions and the trunk `upc`, their devices registered with the engine.
 * The click-to-calls and hang-ups the dialect asks for are noted on their
 * way into the core, so tests can name what the dialect asked for.
 */
export interface VoipsunCore {
  t: TestCore;
  core: CallControl;
  clickToCalls: ClickToCallRequest[];
  /** The channel names the dialect asked the core to hang up. */
  hangups: string[];
  logged: Array<{ level: string; message: string }>;
  logger: DialectLogger;
  /** What the API log holds. */
  apiLog: unknown[];
}

export function apiUser(login: string, secret: string, permissions: string[], overrides: Partial<ApiUser> = {}): ApiUser {
  return {
    id: `u-${login}`,
    realm: 'voipsun',
    login,
    secretHash: hashOf(secret),
    active: true,
    permissions,
    attributes: {},
    failedLogins: 0,
    lastFailedLoginAt: null,
    ...overrides,
  };
}

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

export const demoExtensions: Extension[] = [
  extension(5, '100', '299299000', 'sip100'),
  extension(6, '101', '299299001', 'sip101'),
  extension(7, '102', '299299555', 'sip102'),
];

/**
 * The call centre of the document's examples: agents 1000 (PIN 1234) and
 * 1001 (PIN 4321), no device of their own (they log in from an extension),
 * and the queue FrontaIT (rrordered), which the public number 299299999 enters.
 */
export const demoAgents = [agent('1000', { name: 'Agent_01', secretHash: hashOf('1234'), device: null }), agent('1001', { name: 'Agent_02', secretHash: hashOf('4321'), device: null })];
export const DEMO_QUEUE = 'FrontaIT';
export const QUEUE_DID = '299299999';

export async function createVoipsunCore(options: { trunks?: boolean } = {}): Promise<VoipsunCore> {
  const t = await createTestCore({
    startAt: new Date('2024-05-01T10:00:00.000Z'),
    vocabulary: [VOIPSUN_VOCABULARY],
    directory: {
      apiUsers: [
        apiUser('voipsun', 'secretpwd', ['*']),
        apiUser('lister', 'listpwd', ['Call list']),
        apiUser('centre', 'centrepwd', ['Call center']),
        apiUser('off', 'offpwd', ['*'], { active: false }),
      ],
      agents: demoAgents,
      queues: [{ name: DEMO_QUEUE, strategy: 'rrordered' }],
      didRoutes: [{ did: QUEUE_DID, queueName: DEMO_QUEUE }],
      extensions: demoExtensions,
      trunks: options.trunks === false ? [] : [trunk(1, { name: 'upc' })],
    },
  });
  t.pbx.endpointList = demoExtensions.map((line) => ({ endpoint: line.endpoint, technology: 'PJSIP', resource: line.sipUsername, online: true, channelIds: [] }));
  const clickToCalls: ClickToCallRequest[] = [];
  const hangups: string[] = [];
  const logged: VoipsunCore['logged'] = [];
  const core: CallControl = {
    ...t.core,
    startClickToCall: async (request) => {
      const started = await t.core.startClickToCall(request);
      clickToCalls.push(request);
      return started;
    },
    hangupChannel: (request) => {
      hangups.push(request.channelName);
      return t.core.hangupChannel(request);
    },
  };
  return {
    t,
    core,
    clickToCalls,
    hangups,
    logged,
    logger: {
      debug: (_facts, message) => logged.push({ level: 'debug', message }),
      info: (_facts, message) => logged.push({ level: 'info', message }),
      warn: (_facts, message) => logged.push({ level: 'warn', message }),
      error: (_facts, message) => logged.push({ level: 'error', message }),
    },
    apiLog: t.store.apiLogEntries,
  };
}

/** An express app with only this dialect mounted, as the server mounts it. */
export function appWith(voipsun: VoipsunCore, settings: Partial<VoipsunSettings> = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(createVoipsunDialect({ core: voipsun.core, logger: voipsun.logger, settings: { ...defaultVoipsunSettings, ...settings } }).router);
  app.use((_req, res) => {
    res.status(404).end('Not Found\n');
  });
  return app;
}

/**
 * Writes a live call into the store, as the core would have recorded it: for
 * listings of calls in states the engine cannot be asked to produce on cue
 * (a leg's context and numbers as another PBX set them, clock skew).
 */
export async function storeLiveCall(t: TestCore, id: string, legs: Array<Partial<Leg> & Pick<Leg, 'channelName'>>, createdAt: Date): Promise<{ call: Call; legs: Leg[] }> {
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
  const rows: Leg[] = legs.map((leg, index) => ({
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
  }));
  await t.store.direct.calls.insert(call);
  for (const leg of rows) await t.store.direct.calls.insertLeg(leg);
  return { call, legs: rows };
}

/**
 * A click-to-call that ended while agent 1000's recording `<file>.wav` ran
 * (finished and on the engine unless `state` says otherwise), with its CDR,
 * written as the core would have: the CDR's id.
 */
export async function storeRecordedCall(voipsun: VoipsunCore, file: string, state: Recording['state'] = 'finished'): Promise<number> {
  const t = voipsun.t;
  const at = t.clock.now();
  const { call } = await storeLiveCall(t, 'c-rec', [{ channelName: 'PJSIP/sip100-00000001', state: 'ended' }], at);
  await t.store.direct.calls.update({ ...call, state: 'ended', endedAt: at, data: { recordingFile: `${file}.wav` } });
  await t.store.direct.recordings.insert({
    id: 'agent-1000.rec-1',
    name: file,
    format: 'wav',
    location: `${file}.wav`,
    agentId: '1000',
    bridgeId: 'agent-1000.conference',
    callId: call.id,
    leadId: null,
    state,
    createdAt: at,
    startedAt: at,
    endedAt: state === 'finished' ? at : null,
    durationSec: state === 'finished' ? 5 : null,
    pausedAt: null,
  });
  t.pbx.storedRecordings.add(file);
  const cdr = await t.store.direct.cdrs.insert({
    callId: call.id,
    purpose: 'click_to_call',
    direction: 'outbound',
    tenant: null,
    agentId: null,
    fromNumber: '299299000',
    toNumber: '800123456',
    extension: '100',
    startedAt: at,
    answeredAt: at,
    endedAt: at,
    durationSec: 5,
    billsec: 5,
    hangupCause: 16,
    hangupCauseText: 'Normal Clearing',
    hangupSide: 'caller',
    recordingFile: `${file}.wav`,
    pressedKey: null,
    leadId: null,
    data: {},
  });
  return cdr.id;
}
