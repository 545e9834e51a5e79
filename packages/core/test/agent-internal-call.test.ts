import type { AgentInternalCallRequest } from '../src';
import { agent, describeEvents, domainErrorCode, loginPlain, loginWithConference, ORIGIN, createTestCore, type TestCore } from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({ directory: { agents: [agent('1000'), agent('1001')] } });
}

const callInner = (t: TestCore, overrides: Partial<AgentInternalCallRequest> = {}) =>
  t.core.startAgentInternalCall({ agentId: '1000', calledAgentId: '1001', callerId: null, origin: ORIGIN, ...overrides });

const legsOf = async (t: TestCore, callId: string) => (await t.core.getCall(callId))!.legs;

describe('a call from one agent to another', () => {
  it("rings the caller's phone, then the called agent's into the call's bridge; both agents are in the call until it ends; one CDR", async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await loginPlain(t, '1001');
    t.takeEvents();
    t.pbx.clearCommands();

    const { callId } = await callInner(t, { data: { note: 'x' } });
    const [callerLeg] = await legsOf(t, callId);
    expect(t.pbx.originated()).toEqual([{ legId: callerLeg!.id, endpoint: 'PJSIP/1000', callerId: { number: '1001' }, timeoutSec: t.config.agentRingTimeoutSec }]);
    expect((await t.core.getCall(callId))!.call).toMatchObject({ purpose: 'agent_internal', agentId: '1000', toNumber: '1001', progress: { stage: 'ringing_caller', calledAgentId: '1001', calledLegId: null } });
    for (const agentId of ['1000', '1001']) expect(await t.core.getAgentSession(agentId)).toMatchObject({ state: 'in_call', currentCallId: callId });

    await t.ring(callerLeg!.id);
    t.pbx.clearCommands();
    await t.answer(callerLeg!.id);
    const calledLeg = (await legsOf(t, callId))[1]!;
    const bridgeId = `${callId}.bridge`;
    expect(t.pbx.describe()).toEqual([`ensureBridge ${bridgeId} mixing`, `addToBridge ${bridgeId} ${callerLeg!.id}`, `originate ${calledLeg.id} PJSIP/1001`]);
    expect((await t.core.getCall(callId))!.call.progress).toMatchObject({ stage: 'ringing_called', calledLegId: calledLeg.id });

    await t.ring(calledLeg.id);
    t.pbx.clearCommands();
    await t.answer(calledLeg.id);
    expect(t.pbx.describe()).toEqual([`ensureBridge ${bridgeId} mixing`, `addToBridge ${bridgeId} ${calledLeg.id}`]);
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'answered', progress: { stage: 'connected' } });

    // The calling agent releases: the other agent's phone is the other side.
    await expect(t.core.hangupAgentCustomer({ agentId: '1000' })).resolves.toEqual({ hungUp: true });
    expect(t.pbx.hungUp()).toEqual([calledLeg.id]);
    await t.confirmHangups();
    const phones = t.events.filter((event) => event.type === 'AgentPhoneRinging' || event.type === 'AgentPhoneAnswered' || event.type === 'AgentPhoneReleased');
    expect(phones.map((event) => `${event.type} ${'agentId' in event ? event.agentId : ''}`)).toEqual([
      'AgentPhoneRinging 1000',
      'AgentPhoneAnswered 1000',
      'AgentPhoneRinging 1001',
      'AgentPhoneAnswered 1001',
      'AgentPhoneReleased 1001',
      'AgentPhoneReleased 1000',
    ]);
    expect(describeEvents(t.events).filter((line) => line.startsWith('AgentStateChanged') || line === 'CallEnded')).toEqual([
      'AgentStateChanged ready->in_call (call)',
      'AgentStateChanged ready->in_call (call)',
      'CallEnded',
      'AgentStateChanged in_call->ready',
      'AgentStateChanged in_call->ready',
    ]);
    for (const agentId of ['1000', '1001']) expect(await t.core.getAgentSession(agentId)).toMatchObject({ state: 'ready', currentCallId: null });
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'agent_internal', agentId: '1000', toNumber: '1001', hangupSide: 'system', data: { note: 'x' } });
  });

  it("ends the call and frees both agents when the called agent's phone is not answered", async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await loginPlain(t, '1001');
    const { callId } = await callInner(t);
    await t.answer((await legsOf(t, callId))[0]!.id);
    await t.endLeg((await legsOf(t, callId))[1]!.id, 19, 'No answer');
    await t.confirmHangups();
    for (const agentId of ['1000', '1001']) expect(await t.core.getAgentSession(agentId)).toMatchObject({ state: 'ready', currentCallId: null });
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'agent_internal', billsec: 0, hangupCause: 19 });
  });

  it('does not ring the called agent when the caller does not answer', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await loginPlain(t, '1001');
    const { callId } = await callInner(t);
    await t.endLeg((await legsOf(t, callId))[0]!.id, 19, 'No answer');
    expect(t.pbx.originated()).toHaveLength(1);
    for (const agentId of ['1000', '1001']) expect(await t.core.getAgentSession(agentId)).toMatchObject({ state: 'ready', currentCallId: null });
  });
});

describe('refusals', () => {
  it('a called agent not signed in, busy or paused; the caller in a call; the caller itself', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    expect(await domainErrorCode(callInner(t))).toBe('AGENT_NOT_LOGGED_IN');
    await loginPlain(t, '1001');
    await t.core.pauseAgent({ agentId: '1001', reason: null });
    expect(await domainErrorCode(callInner(t))).toBe('AGENT_BUSY');
    expect(await domainErrorCode(callInner(t, { calledAgentId: '1000' }))).toBe('INVALID_ARGUMENT');
    await t.core.resumeAgent({ agentId: '1001' });
    await callInner(t);
    expect(await domainErrorCode(callInner(t))).toBe('AGENT_BUSY');
    expect(t.pbx.originated()).toHaveLength(1);
  });

  it('an agent whose phone is in its session conference (a VICIdial agent) is not rung', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await loginWithConference(t, '1001');
    t.pbx.clearCommands();
    expect(await domainErrorCode(callInner(t))).toBe('AGENT_BUSY');
    expect(await domainErrorCode(callInner(t, { agentId: '1001', calledAgentId: '1000' }))).toBe('AGENT_BUSY');
    expect(t.pbx.originated()).toHaveLength(0);
  });
});
