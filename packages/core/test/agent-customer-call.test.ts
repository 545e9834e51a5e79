import type { AgentCustomerCallRequest } from '../src';
import { agent, trunk, describeEvents, legOf, loginPlain, loginWithConference, ORIGIN, createTestCore, type TestCore, domainErrorCode } from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({
    directory: { agents: [agent('1000'), agent('1001', { device: null })], trunks: [trunk(1, { callerIdPool: ['2120280001'] })] },
  });
}

const dial = (t: TestCore, overrides: Partial<AgentCustomerCallRequest> = {}) =>
  t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN, ...overrides });

describe('conference mode', () => {
  it('dials the customer straight into the session conference', async () => {
    const t = await setup();
    const session = await loginWithConference(t, '1000');
    t.takeEvents();
    t.pbx.clearCommands();

    const { callId } = await dial(t, { callerId: '2120289999' });
    const customer = await legOf(t, callId, 'customer');
    expect(t.pbx.originated()).toEqual([
      { legId: customer.id, endpoint: 'PJSIP/5550100@upc', callerId: { number: '2120289999' }, timeoutSec: t.config.destinationRingTimeoutSec },
    ]);
    expect((await t.core.getCall(callId))!.call).toMatchObject({ purpose: 'agent_customer', agentId: '1000', progress: { stage: 'dialing_customer' }, bridgeId: 'agent-1000.conference' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId, stateBeforeCall: 'ready' });
    expect(describeEvents(t.events)).toEqual(['AgentStateChanged ready->in_call (call)']);

    t.pbx.clearCommands();
    await t.answer(customer.id);
    expect(t.pbx.describe()).toEqual(['ensureBridge agent-1000.conference mixing', `addToBridge agent-1000.conference ${customer.id}`]);
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'answered', progress: { stage: 'connected' } });

    t.pbx.clearCommands();
    await expect(t.core.hangupAgentCustomer({ agentId: '1000' })).resolves.toEqual({ hungUp: true });
    expect(t.pbx.describe()).toEqual([`hangup ${customer.id}`]);
    await t.confirmHangups();
    expect(t.pbx.describe()).toEqual([`hangup ${customer.id}`]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null, conference: session.conference });
    expect(t.pbx.legs.has(session.conference!.agentLegId!)).toBe(true);
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'agent_customer', agentId: '1000', toNumber: '5550100', fromNumber: '2120289999', hangupSide: 'system' });
  });

  it("uses the trunk's first pool number as caller id when none is given", async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    t.pbx.clearCommands();
    await dial(t);
    expect(t.pbx.originated()[0]!.callerId).toEqual({ number: '2120280001' });
  });

  it('frees the agent when the customer does not answer', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { callId } = await dial(t);
    await t.endLeg((await legOf(t, callId, 'customer')).id, 19, 'No answer');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupCause: 19, hangupSide: 'callee', billsec: 0 });
  });
});

describe('phone-first mode', () => {
  it("rings the agent's phone, then dials the customer and bridges both", async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    t.takeEvents();
    const { callId } = await dial(t);
    const agentLeg = await legOf(t, callId, 'agent');
    expect(t.pbx.originated()).toEqual([{ legId: agentLeg.id, endpoint: 'PJSIP/1000', callerId: { number: '5550100' }, timeoutSec: t.config.agentRingTimeoutSec }]);
    expect((await t.core.getCall(callId))!.call.progress.stage).toBe('ringing_agent');

    await t.ring(agentLeg.id);
    t.pbx.clearCommands();
    await t.answer(agentLeg.id);
    const customer = await legOf(t, callId, 'customer');
    const bridgeId = `${callId}.bridge`;
    expect(t.pbx.describe()).toEqual([`ensureBridge ${bridgeId} mixing`, `addToBridge ${bridgeId} ${agentLeg.id}`, `originate ${customer.id} PJSIP/5550100@upc`]);
    expect(t.pbx.originated()[0]).toMatchObject({ callerId: { number: '2120280001' }, timeoutSec: t.config.destinationRingTimeoutSec });

    t.pbx.clearCommands();
    await t.answer(customer.id);
    expect(t.pbx.describe()).toEqual([`ensureBridge ${bridgeId} mixing`, `addToBridge ${bridgeId} ${customer.id}`]);
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'answered', progress: { stage: 'connected' }, bridgeId });

    await t.core.hangupAgentCustomer({ agentId: '1000' });
    await t.confirmHangups();
    expect(describeEvents(t.events)).toEqual([
      'AgentStateChanged ready->in_call (call)',
      'LegRinging agent',
      'AgentPhoneRinging',
      'LegAnswered agent',
      'AgentPhoneAnswered',
      'LegAnswered customer',
      'LegEnded customer',
      'LegEnded agent',
      'AgentPhoneReleased by system',
      'CallEnded',
      'AgentStateChanged in_call->ready',
    ]);
    expect(t.pbx.describe().slice(-1)).toEqual([`destroyBridge ${bridgeId}`]);
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'system' });
  });

  it('ends the call when the agent hangs up', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { callId } = await dial(t);
    const agentLeg = await legOf(t, callId, 'agent');
    await t.answer(agentLeg.id);
    const customer = await legOf(t, callId, 'customer');
    await t.answer(customer.id);
    await t.endLeg(agentLeg.id);
    expect(t.pbx.hungUp()).toEqual([customer.id]);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'caller' });
    expect(t.events.find((event) => event.type === 'AgentPhoneReleased')).toMatchObject({ by: 'agent' });
  });

  it('frees the agent when the phone is not answered', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { callId } = await dial(t);
    await t.endLeg((await legOf(t, callId, 'agent')).id, 19, 'No answer');
    expect(t.pbx.originated()).toHaveLength(1);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready' });
  });
});

describe('refusals', () => {
  it('answers AGENT_BUSY for an agent already in a call', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await dial(t);
    expect(await domainErrorCode(dial(t))).toBe('AGENT_BUSY');
  });

  it('answers AGENT_NOT_LOGGED_IN, INVALID_NUMBER, AGENT_HAS_NO_DEVICE', async () => {
    const t = await setup();
    expect(await domainErrorCode(dial(t))).toBe('AGENT_NOT_LOGGED_IN');
    await loginPlain(t, '1000');
    expect(await domainErrorCode(dial(t, { number: 'abc' }))).toBe('INVALID_NUMBER');
    await t.core.loginAgent({ agentId: '1001', via: 'ccgateway' });
    expect(await domainErrorCode(dial(t, { agentId: '1001' }))).toBe('AGENT_HAS_NO_DEVICE');
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'ready', currentCallId: null });
  });

  it('leaves the agent ready when the engine refuses the call', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    t.takeEvents();
    t.pbx.failNext('originate');
    expect(await domainErrorCode(dial(t))).toBe('PBX_REJECTED');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
    // The call was recorded before the engine was asked: it ends with its CDR, and the agent is back.
    expect(t.eventTypes('AgentStateChanged', 'CallEnded')).toEqual(['AgentStateChanged', 'CallEnded', 'AgentStateChanged']);
    expect(await t.core.listLiveCalls()).toEqual([]);
  });
});

describe('hanging up', () => {
  it('has nothing to hang up for an agent without a call', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await expect(t.core.hangupAgentCustomer({ agentId: '1000' })).resolves.toEqual({ hungUp: false });
    expect(t.pbx.commands).toEqual([]);
    expect(await domainErrorCode(t.core.hangupAgentCustomer({ agentId: '1001' }))).toBe('AGENT_NOT_LOGGED_IN');
  });

  it('has no customer to hang up while only the phone rings', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await dial(t);
    await expect(t.core.hangupAgentCustomer({ agentId: '1000' })).resolves.toEqual({ hungUp: false });
  });

  it('hangs up a live leg by its channel name', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { callId } = await dial(t);
    const customer = await legOf(t, callId, 'customer');
    expect(customer.channelName).toBe('PJSIP/upc-00000002');
    t.pbx.clearCommands();

    await expect(t.core.hangupChannel({ channelName: 'PJSIP/upc-00000002' })).resolves.toEqual({ found: true });
    expect(t.pbx.describe()).toEqual([`hangup ${customer.id}`]);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'system' });
    await expect(t.core.hangupChannel({ channelName: 'PJSIP/upc-00000002' })).resolves.toEqual({ found: false });
    await expect(t.core.hangupChannel({ channelName: 'PJSIP/nothing-00000009' })).resolves.toEqual({ found: false });
  });

  it('answers PBX_UNAVAILABLE when the engine is away', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    await dial(t);
    t.pbx.setAvailable(false);
    expect(await domainErrorCode(t.core.hangupChannel({ channelName: 'PJSIP/upc-00000002' }))).toBe('PBX_UNAVAILABLE');
    expect(await domainErrorCode(t.core.hangupAgentCustomer({ agentId: '1000' }))).toBe('PBX_UNAVAILABLE');
  });
});
