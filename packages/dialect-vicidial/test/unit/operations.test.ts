import { DomainError, type AgentSession, type CallControl } from '@pbx-gateway/core';
import type { DialectLogger } from '@pbx-gateway/dialect-kit';
import type { AgentRequest } from '../../src/agent-api/request';
import { answerAgentFunction } from '../../src/agent-api/perform';
import type { AgentOperationContext } from '../../src/agent-api/steps';
import { audioPlayback } from '../../src/operations/audio-playback';
import { externalHangup } from '../../src/operations/external-hangup';
import { externalPause } from '../../src/operations/external-pause';
import { logout } from '../../src/operations/logout';
import { AnswerText } from '../../src/wire/answer';
import { defaultVicidialSettings } from '../../src/settings';

// Races and failures the whole stack cannot stage on demand, against a
// hand-written core: the command fails after the checks passed.

const session: AgentSession = {
  agentId: '1000',
  sessionId: 's',
  state: 'ready',
  pauseReason: null,
  stateBeforeCall: null,
  device: 'PJSIP/1000',
  phoneNumber: '',
  conference: { number: '8600051', bridgeId: 'agent-1000.conference', agentLegId: null },
  serverIp: '10.10.10.15',
  campaignId: null,
  currentCallId: null,
  pendingPause: null,
  pendingLogout: false,
  afterCall: 'ready',
  loginVia: 'vicidial',
  loggedInAt: new Date(0),
  lastSeenAt: new Date(0),
  stateChangedAt: new Date(0),
};

function context(request: Partial<AgentRequest>, failure: unknown): { ctx: AgentOperationContext; errors: string[] } {
  const fail = async (): Promise<never> => {
    throw failure;
  };
  const core = {
    getAgentSession: async () => session,
    findAgentByAttribute: async () => null,
    activeAgentPlayback: async () => null,
    startAgentPlayback: fail,
    controlAgentPlayback: fail,
    pauseAgent: fail,
    resumeAgent: fail,
    hangupAgentCustomer: fail,
    logoutAgent: fail,
  } as unknown as CallControl;
  const errors: string[] = [];
  const logger: DialectLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (_facts, message) => void errors.push(message) };
  const full: AgentRequest = {
    user: '6666',
    pass: '1234',
    source: 'test',
    function: '',
    format: '',
    agent_user: '1000',
    alt_user: '',
    value: '',
    stage: '',
    dial_override: '',
    close_window_link: '',
    phone_number: '',
    ingroup_choices: '',
    consultative: 'NO',
    group_alias: '',
    cid_choice: '',
    multi_dial_phones: '',
    md_check: '',
    tw_check: '',
    ...request,
  };
  return {
    ctx: {
      core,
      logger,
      request: full,
      apiUser: { id: 'vicidial:6666', login: '6666', level: 9, group: 'ADMIN', agentApiAccess: true, allowedFunctions: ' ALL_FUNCTIONS ', permissions: ['*'] },
      answer: new AnswerText(false),
      epoch: 1700000000,
      settings: defaultVicidialSettings,
      serverName: 'gateway.example',
    },
    errors,
  };
}

test('PAUSE of audio that has not started yet (pending): SUCCESS, as VICIdial only checks that audio is there', async () => {
  const { ctx } = context({ function: 'audio_playback', stage: 'PAUSE' }, new DomainError('PLAYBACK_NOT_PLAYING'));
  await answerAgentFunction(audioPlayback, ctx);
  expect(ctx.answer.text()).toBe('SUCCESS: audio_playback function sent - |PAUSE|1000\n');
});

test('the conference went away between the check and the command: no session data', async () => {
  const { ctx } = context({ function: 'audio_playback', stage: 'PLAY', value: 'ss-noservice' }, new DomainError('SESSION_HAS_NO_CONFERENCE'));
  await answerAgentFunction(audioPlayback, ctx);
  expect(ctx.answer.text()).toBe('ERROR: audio_playback error - no session data - PLAY|1000\n');
});

test.each([
  [externalHangup, { value: '1' }, 'external_hangup'],
  [externalPause, { value: 'PAUSE' }, 'external_pause'],
  [externalPause, { value: 'RESUME' }, 'external_pause'],
  [logout, { value: 'LOGOUT' }, 'logout'],
  [audioPlayback, { value: 'x', stage: 'PLAY' }, 'audio_playback'],
  [audioPlayback, { stage: 'RESTART' }, 'audio_playback'],
] as const)('%#: the engine unreachable or refusing: telephony command failed, the script ends', async (operation, request, fn) => {
  for (const code of ['PBX_UNAVAILABLE', 'PBX_REJECTED'] as const) {
    const { ctx, errors } = context({ ...request, function: fn }, new DomainError(code));
    await answerAgentFunction(operation, ctx);
    expect(ctx.answer.text()).toBe(`ERROR: ${fn} error - telephony command failed - 1000\n`);
    expect(ctx.answer.hasExited).toBe(true);
    expect(errors).toHaveLength(1);
  }
});

test.each([
  [externalHangup, { value: '1' }, 'external_hangup', 'ERROR: agent_user is not logged in - 1000\n'],
  [externalPause, { value: 'PAUSE' }, 'external_pause', 'ERROR: agent_user is not logged in - 1000\n'],
  [logout, { value: 'LOGOUT' }, 'logout', 'ERROR: agent_user is not logged in - 1000\n'],
  [audioPlayback, { stage: 'STOP' }, 'audio_playback', 'ERROR: agent_user is not logged in - STOP|1000\n'],
] as const)('%#: logged out between the check and the command: the not-logged-in line', async (operation, request, fn, line) => {
  const { ctx } = context({ ...request, function: fn }, new DomainError('AGENT_NOT_LOGGED_IN'));
  await answerAgentFunction(operation, ctx);
  expect(ctx.answer.text()).toBe(line);
});

test('anything else that fails (the database gone): a service-unavailable line, logged, never a stack trace', async () => {
  const { ctx, errors } = context({ function: 'logout', value: 'LOGOUT' }, new Error('Connection terminated unexpectedly'));
  await answerAgentFunction(logout, ctx);
  expect(ctx.answer.text()).toBe('ERROR: logout error - service unavailable - 1000\n');
  expect(errors).toEqual(['agent api function failed']);
});
