import type { SupervisionRequest } from '../src';
import { agent, createTestCore, extension, legOf, trunk, type TestCore, domainErrorCode } from '@pbx-gateway/test-support';

/** A signed-in agent supervising another agent's call: its session phone rung, the agent busy while it lasts; stopped and switched in place. */

const ORIGIN = { dialect: 'test', operation: 'qc', apiUserId: null };

async function setup(): Promise<TestCore> {
  const t = await createTestCore({
    directory: { agents: [agent('1000'), agent('2000')], extensions: [extension(5, '100')], trunks: [trunk(1)] },
  });
  t.pbx.setOtherNumbers({ outcome: 'answer' });
  await t.core.loginAgent({ agentId: '1000', via: 'ccgateway' });
  await t.core.loginAgent({ agentId: '2000', via: 'ccgateway' });
  return t;
}

const byAgent = (mode: SupervisionRequest['mode'] = 'listen'): SupervisionRequest => ({
  supervisor: { agentId: '2000' },
  supervised: { kind: 'agent', agentId: '1000' },
  mode,
  callerId: { number: '2000', name: 'Inspector' },
  ringSec: null,
  data: {},
  origin: ORIGIN,
});

async function agentInCall(t: TestCore): Promise<string> {
  const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
  await t.settle();
  return (await legOf(t, callId, 'agent')).id;
}

describe('an agent supervising', () => {
  it("rings the agent's session phone, snoops on the agent's leg, and tells the supervisor's phone events as its own", async () => {
    const t = await setup();
    const agentLegId = await agentInCall(t);
    t.takeEvents();
    t.pbx.clearCommands();
    const { callId } = await t.core.startSupervision(byAgent('barge'));
    expect((await t.core.getAgentSession('2000'))?.state).toBe('in_call');
    const supervisor = await legOf(t, callId, 'supervisor');
    expect(t.pbx.describe()[0]).toBe(`originate ${supervisor.id} PJSIP/2000`);
    // The phone rings, then answers (setOtherNumbers).
    await t.settle();
    const snoop = await legOf(t, callId, 'snoop');
    expect(t.pbx.describe()).toContain(`snoop ${snoop.id} on ${agentLegId} spy=both whisper=both`);
    expect(t.eventTypes('AgentStateChanged', 'AgentPhoneRinging', 'AgentPhoneAnswered')).toEqual(['AgentStateChanged', 'AgentPhoneRinging', 'AgentPhoneAnswered']);
  });

  it('stops: both legs hung up, the supervisor released with its phone, one CDR with the agent', async () => {
    const t = await setup();
    await agentInCall(t);
    const { callId } = await t.core.startSupervision(byAgent());
    await t.answer((await legOf(t, callId, 'supervisor')).id);
    await t.settle();
    t.takeEvents();
    expect(await t.core.stopSupervision({ supervisorAgentId: '2000' })).toEqual({ callId });
    await t.confirmHangups();
    expect(t.eventTypes('AgentPhoneReleased', 'AgentStateChanged')).toEqual(['AgentPhoneReleased', 'AgentStateChanged']);
    expect((await t.core.getAgentSession('2000'))?.state).toBe('ready');
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'supervision', agentId: '2000' });
    expect((await t.core.getAgentSession('1000'))?.state).toBe('in_call');
  });

  it('switches by replacing the snoop, the supervisor phone kept', async () => {
    const t = await setup();
    const agentLegId = await agentInCall(t);
    const { callId } = await t.core.startSupervision(byAgent('listen'));
    const supervisor = await legOf(t, callId, 'supervisor');
    await t.answer(supervisor.id);
    await t.settle();
    const first = await legOf(t, callId, 'snoop');
    t.pbx.clearCommands();
    expect(await t.core.switchSupervision({ supervisorAgentId: '2000', mode: 'whisper' })).toEqual({ callId, mode: 'whisper' });
    expect(await domainErrorCode(t.core.switchSupervision({ supervisorAgentId: '2000', mode: 'barge' }))).toBe('AGENT_BUSY');
    await t.confirmHangups();
    const { call, legs } = (await t.core.getCall(callId))!;
    const second = legs.find((leg) => leg.role === 'snoop' && leg.state === 'up')!;
    expect(second.id).not.toBe(first.id);
    expect(t.pbx.describe()).toEqual([`hangup ${first.id}`, `snoop ${second.id} on ${agentLegId} spy=both whisper=out`, `addToBridge ${callId}.bridge ${second.id}`]);
    expect(call.progress).toMatchObject({ stage: 'supervising', mode: 'whisper' });
    expect(legs.find((leg) => leg.id === supervisor.id)?.state).toBe('up');
    // A switch the caller's rule does not apply to.
    expect(await domainErrorCode(t.core.switchSupervision({ supervisorAgentId: '2000', mode: () => null }))).toBe('AGENT_BUSY');
  });

  it('refuses: the supervisor in a call AGENT_BUSY, not signed in AGENT_NOT_LOGGED_IN; the supervised agent in no call LEG_NOT_FOUND; nothing to stop or switch NO_ACTIVE_CALL', async () => {
    const t = await setup();
    expect(await domainErrorCode(t.core.startSupervision(byAgent()))).toBe('LEG_NOT_FOUND');
    expect(await domainErrorCode(t.core.stopSupervision({ supervisorAgentId: '2000' }))).toBe('NO_ACTIVE_CALL');
    expect(await domainErrorCode(t.core.switchSupervision({ supervisorAgentId: '2000', mode: 'barge' }))).toBe('NO_ACTIVE_CALL');
    await agentInCall(t);
    expect(await domainErrorCode(t.core.startSupervision({ ...byAgent(), supervisor: { agentId: '3000' } }))).toBe('AGENT_NOT_LOGGED_IN');
    expect(await domainErrorCode(t.core.startSupervision({ ...byAgent(), supervisor: { agentId: '1000' }, supervised: { kind: 'extension', selector: { by: 'id', value: '5' }, dialplan: null } }))).toBe(
      'LEG_NOT_FOUND',
    );
    await t.core.startSupervision(byAgent());
    expect(await domainErrorCode(t.core.startSupervision(byAgent()))).toBe('AGENT_BUSY');
  });

  it('intercepts: the supervisor phone becomes the customer call\'s agent leg, the agent is taken off it, the supervision ends with its own CDR', async () => {
    const t = await setup();
    const agentLegId = await agentInCall(t);
    const customerCallId = (await t.core.getAgentSession('1000'))!.currentCallId!;
    const { callId } = await t.core.startSupervision(byAgent('whisper'));
    await t.settle();
    const supervisor = await legOf(t, callId, 'supervisor');
    const snoop = await legOf(t, callId, 'snoop');
    t.takeEvents();
    t.pbx.clearCommands();
    expect(await t.core.interceptCall({ supervisorAgentId: '2000', supervisedAgentId: '1000', callId: null })).toEqual({ callId: customerCallId });
    expect(t.pbx.describe()).toEqual([`addToBridge ${customerCallId}.bridge ${supervisor.id}`, `hangup ${agentLegId}`, `hangup ${snoop.id}`]);
    await t.confirmHangups();
    const { call, legs } = (await t.core.getCall(customerCallId))!;
    expect(call).toMatchObject({ agentId: '2000', state: 'answered' });
    expect(legs.map((leg) => [leg.id, leg.role, leg.state])).toEqual(
      expect.arrayContaining([
        [supervisor.id, 'agent', 'up'],
        [agentLegId, 'agent', 'ended'],
      ]),
    );
    expect((await t.core.getAgentSession('1000'))).toMatchObject({ state: 'ready', currentCallId: null });
    expect((await t.core.getAgentSession('2000'))).toMatchObject({ state: 'in_call', currentCallId: customerCallId });
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'supervision', agentId: '2000' });
    expect(t.eventTypes('CallTakenOver', 'AgentPhoneReleased', 'AgentStateChanged')).toEqual(['CallTakenOver', 'AgentPhoneReleased', 'AgentStateChanged', 'CallTakenOver']);

    // The supervisor is the call's agent now: its release ends the call, with one CDR naming it.
    expect(await t.core.hangupAgentCustomer({ agentId: '2000' })).toEqual({ hungUp: true });
    await t.confirmHangups();
    await t.settle();
    expect(await t.core.getCdrOfCall(customerCallId)).toMatchObject({ purpose: 'agent_customer', agentId: '2000' });
    expect((await t.core.getAgentSession('2000'))?.state).not.toBe('in_call');
  });

  it('refuses to intercept before the supervision has joined, or for an agent supervising nothing', async () => {
    const t = await setup();
    await agentInCall(t);
    t.pbx.setOtherNumbers({ outcome: 'noanswer' });
    await t.core.startSupervision(byAgent());
    expect(await domainErrorCode(t.core.interceptCall({ supervisorAgentId: '2000', supervisedAgentId: '1000', callId: null }))).toBe('NO_ACTIVE_CALL');
    expect(await domainErrorCode(t.core.interceptCall({ supervisorAgentId: '1000', supervisedAgentId: '2000', callId: null }))).toBe('NO_ACTIVE_CALL');
  });
});
