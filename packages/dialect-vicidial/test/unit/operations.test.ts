import { DomainError, type CallControl } from '@pbx-gateway/core';
import type { DialectLogger } from '@pbx-gateway/dialect-kit';
import { agent, createTestCore, legOf, loginWithConference, ORIGIN, queue, trunk, type TestCore } from '@pbx-gateway/test-support';
import { VICIDIAL_VOCABULARY } from '../../src';
import type { AgentRequest } from '../../src/agent-api/request';
import { answerAgentFunction } from '../../src/agent-api/perform';
import type { AgentOperationContext } from '../../src/agent-api/steps';
import { audioPlayback } from '../../src/operations/audio-playback';
import { externalHangup } from '../../src/operations/external-hangup';
import { externalPause } from '../../src/operations/external-pause';
import { logout } from '../../src/operations/logout';
import { recording } from '../../src/operations/recording';
import { sendDtmf } from '../../src/operations/send-dtmf';
import { raCallControl } from '../../src/operations/ra-call-control';
import { sendNotification } from '../../src/operations/send-notification';
import { transferConference } from '../../src/operations/transfer-conference';
import { vmMessage } from '../../src/operations/vm-message';
import { AnswerText } from '../../src/wire/answer';
import { readLeadParams } from '../../src/agent-api/lead-params';
import { readNotificationParams } from '../../src/agent-api/notification-params';
import { defaultVicidialSettings } from '../../src/settings';

// Races and failures the whole stack cannot stage on demand: the real core,
// agent 1000 logged into its conference, with the command the function sends
// after its checks passed failing as it would had something changed in
// between (the engine, the session, the database).

const COMMANDS = [
  'startAgentPlayback',
  'controlAgentPlayback',
  'pauseAgent',
  'resumeAgent',
  'hangupAgentCustomer',
  'logoutAgent',
  'startAgentRecording',
  'stopAgentRecordings',
  'sendAgentCallDtmf',
  'transferToQueue',
  'transferCallToQueue',
  'setLeadVoicemailMessage',
  'queueAgentNotification',
] as const;

async function context(
  request: Partial<AgentRequest>,
  failure: unknown,
  prepare: (t: TestCore) => Promise<void> = async () => undefined,
): Promise<{ ctx: AgentOperationContext; errors: string[]; warnings: string[] }> {
  const t = await createTestCore({ directory: { agents: [agent('1000')] }, vocabulary: [VICIDIAL_VOCABULARY], config: { serverIp: '10.10.10.15' } });
  await loginWithConference(t, '1000');
  await prepare(t);
  const fail = async (): Promise<never> => {
    throw failure;
  };
  const core: CallControl = failure === null ? t.core : { ...t.core, ...Object.fromEntries(COMMANDS.map((name) => [name, fail])) };
  const errors: string[] = [];
  const warnings: string[] = [];
  const logger: DialectLogger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (_facts, message) => void warnings.push(message),
    error: (_facts, message) => void errors.push(message),
  };
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
    ...readLeadParams({ get: () => '' }, { keep: (value) => value }),
    ...readNotificationParams({ get: () => '' }, { keep: (value) => value }),
    phone_number: '',
    ingroup_choices: '',
    consultative: 'NO',
    group_alias: '',
    cid_choice: '',
    multi_dial_phones: '',
    md_check: '',
    tw_check: '',
    blended: '',
    set_as_default: '',
    lead_id: '',
    search: '',
    preview: '',
    focus: '',
    dial_prefix: '',
    dial_ingroup: '',
    outbound_cid: '',
    vtiger_callback: '',
    alt_dial: '',
    notes: '',
    status: '',
    raw_query: '',
    ...request,
  };
  return {
    ctx: {
      core,
      logger,
      request: full,
      apiUser: {
        id: 'vicidial:6666',
        login: '6666',
        fullName: 'API User',
        level: 9,
        group: 'ADMIN',
        agentApiAccess: true,
        allowedFunctions: ' ALL_FUNCTIONS ',
        permissions: ['*'],
        modifyLeads: 1,
        modifyUsers: true,
        deleteUsers: true,
        modifyLists: true,
        deleteLists: true,
        deleteFromDnc: true,
        customFieldsModify: false,
        cfShowHidden: false,
        hideLeadData: false,
        modifySameUserLevel: true,
        astAdminAccess: true,
        astDeletePhones: false,
        viewReports: true,
        apiListRestrict: false,
        modifyInboundDids: false,
        deleteInboundDids: false,
        changeAgentCampaign: true,
        modifyCampaigns: true,
      },
      answer: new AnswerText(false),
      epoch: 1700000000,
      settings: defaultVicidialSettings,
      serverName: 'gateway.example',
    },
    errors,
    warnings,
  };
}

test('PAUSE of audio that has not started yet (pending): SUCCESS, as VICIdial only checks that audio is there', async () => {
  // Audio asked for, which the engine has not started yet: the real core refuses to pause it.
  const { ctx } = await context({ function: 'audio_playback', stage: 'PAUSE' }, null, async (t) => {
    await t.core.startAgentPlayback({ agentId: '1000', media: { kind: 'sound', name: 'ss-noservice' }, placement: 'conference' });
  });
  await answerAgentFunction(audioPlayback, ctx);
  expect(ctx.answer.text()).toBe('SUCCESS: audio_playback function sent - |PAUSE|1000\n');
});

test('the conference went away between the check and the command: no session data', async () => {
  const { ctx } = await context({ function: 'audio_playback', stage: 'PLAY', value: 'ss-noservice' }, new DomainError('SESSION_HAS_NO_CONFERENCE'));
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
  [recording, { value: 'START' }, 'recording'],
  [recording, { value: 'STOP' }, 'recording'],
  [sendDtmf, { value: '1P' }, 'send_dtmf'],
] as const)('%#: the engine unreachable or refusing: telephony command failed, the script ends', async (operation, request, fn) => {
  for (const code of ['PBX_UNAVAILABLE', 'PBX_REJECTED'] as const) {
    const { ctx, errors, warnings } = await context({ ...request, function: fn }, new DomainError(code));
    await answerAgentFunction(operation, ctx);
    expect(ctx.answer.text()).toBe(`ERROR: ${fn} error - telephony command failed - 1000\n`);
    expect(ctx.answer.hasExited).toBe(true);
    // An engine out of reach is the operator's to fix (an error); one that refuses a command met a race (a warning).
    expect([errors.length, warnings.length]).toEqual(code === 'PBX_UNAVAILABLE' ? [1, 0] : [0, 1]);
  }
});

test.each([
  [externalHangup, { value: '1' }, 'external_hangup', 'ERROR: agent_user is not logged in - 1000\n'],
  [externalPause, { value: 'PAUSE' }, 'external_pause', 'ERROR: agent_user is not logged in - 1000\n'],
  [logout, { value: 'LOGOUT' }, 'logout', 'ERROR: agent_user is not logged in - 1000\n'],
  [audioPlayback, { stage: 'STOP' }, 'audio_playback', 'ERROR: agent_user is not logged in - STOP|1000\n'],
  [recording, { value: 'START' }, 'recording', 'ERROR: agent_user is not logged in - 1000\n'],
  [sendDtmf, { value: '1' }, 'send_dtmf', 'ERROR: agent_user is not logged in - 1000\n'],
] as const)('%#: logged out between the check and the command: the not-logged-in line', async (operation, request, fn, line) => {
  const { ctx } = await context({ ...request, function: fn }, new DomainError('AGENT_NOT_LOGGED_IN'));
  await answerAgentFunction(operation, ctx);
  expect(ctx.answer.text()).toBe(line);
});

test('the conference went away before the recording started: no session data', async () => {
  const { ctx } = await context({ function: 'recording', value: 'START' }, new DomainError('SESSION_HAS_NO_CONFERENCE'));
  await answerAgentFunction(recording, ctx);
  expect(ctx.answer.text()).toBe('ERROR: recording error - no session data - 1000\n');
});

test('no call to send the keys into: VICIdial\'s SUCCESS all the same, nothing sent', async () => {
  const { ctx } = await context({ function: 'send_dtmf', value: '1' }, new DomainError('NO_ACTIVE_CALL'));
  await answerAgentFunction(sendDtmf, ctx);
  expect(ctx.answer.text()).toBe('SUCCESS: send_dtmf function set - 1|1000\n');
});

test('anything else that fails (the database gone): a service-unavailable line, logged, never a stack trace', async () => {
  const { ctx, errors } = await context({ function: 'logout', value: 'LOGOUT' }, new Error('Connection terminated unexpectedly'));
  await answerAgentFunction(logout, ctx);
  expect(ctx.answer.text()).toBe('ERROR: logout error - service unavailable - 1000\n');
  expect(errors).toEqual(['agent api function failed']);
});

test('the core refusing a command (the engine said no while another request for the agent ran): answered, logged as a warning, not an error', async () => {
  const { ctx, errors, warnings } = await context({ function: 'logout', value: 'LOGOUT' }, new DomainError('PBX_REJECTED'));
  await answerAgentFunction(logout, ctx);
  expect(ctx.answer.text()).toBe('ERROR: logout error - telephony command failed - 1000\n');
  expect([errors, warnings]).toEqual([[], ['agent api function refused by the core']]);
});

/** Agent 1000 on an answered customer call, in-group CLOSERS active: what a transfer to it checks before the core acts. */
async function onCallWithInGroup(t: TestCore): Promise<void> {
  await t.store.direct.trunks.upsert(trunk(1));
  await t.store.direct.queues.upsert(queue('CLOSERS'));
  const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
  await t.answer((await legOf(t, callId, 'customer')).id);
}

test('LOCAL_CLOSER: an in-group gone inactive between the check and the transfer is not valid', async () => {
  const { ctx } = await context(
    { function: 'transfer_conference', value: 'LOCAL_CLOSER', ingroup_choices: 'CLOSERS' },
    new DomainError('QUEUE_NOT_FOUND', 'no active queue CLOSERS', { queueName: 'CLOSERS' }),
    onCallWithInGroup,
  );
  await answerAgentFunction(transferConference, ctx);
  expect(ctx.answer.text()).toBe('ERROR: ingroup is not valid - CLOSERS\n');
});

test('LOCAL_CLOSER and INGROUPTRANSFER: the engine unreachable or refusing: telephony command failed, the script ends', async () => {
  for (const code of ['PBX_UNAVAILABLE', 'PBX_REJECTED'] as const) {
    const closer = await context({ function: 'transfer_conference', value: 'LOCAL_CLOSER', ingroup_choices: 'CLOSERS' }, new DomainError(code), onCallWithInGroup);
    await answerAgentFunction(transferConference, closer.ctx);
    expect(closer.ctx.answer.text()).toBe('ERROR: transfer_conference error - telephony command failed - 1000\n');
    expect(closer.ctx.answer.hasExited).toBe(true);
  }
});

test('INGROUPTRANSFER: an agent named through AGENTDIRECT that went away is not a valid number', async () => {
  let callId = '';
  const { ctx } = await context({ function: 'ra_call_control', stage: 'INGROUPTRANSFER', ingroup_choices: 'CLOSERS', phone_number: '1000' }, new DomainError('AGENT_NOT_FOUND'), async (t) => {
    await onCallWithInGroup(t);
    callId = (await t.core.getAgentSession('1000'))!.currentCallId!;
  });
  const wireId = callId.replace('.', '_');
  ctx.request.value = wireId;
  await answerAgentFunction(raCallControl, ctx);
  expect(ctx.answer.text()).toBe('ERROR: phone_number is not valid - 1000\n');
});

test('vm_message: the lead left the screen before the message was kept: no live call', async () => {
  const { ctx } = await context({ function: 'vm_message', value: 'beep' }, new DomainError('NO_ACTIVE_LEAD'));
  await answerAgentFunction(vmMessage, ctx);
  expect(ctx.answer.text()).toBe('ERROR: agent_user does not have a live call - 1000\n');
});

test('send_notification: the database gone while storing: no agent to echo, left to the script\'s generic answer', async () => {
  const { ctx } = await context(
    { function: 'send_notification', agent_user: '', recipient: '1000', recipient_type: 'USER', notification_text: 'Hi' },
    new Error('Connection terminated unexpectedly'),
  );
  // The handler answers `ERROR: service unavailable` for a function that found no agent.
  await expect(answerAgentFunction(sendNotification, ctx)).rejects.toThrow('Connection terminated unexpectedly');
  expect(ctx.answer.text()).toBe('');
});
