import { DomainError } from '../src';
import { agent, trunk, connectedCustomerCall, loginPlain, createTestCore, type TestCore } from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({ directory: { agents: [agent('1000'), agent('1001')], trunks: [trunk(1)] } });
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('call data an agent attaches to its call', () => {
  it('merges into the current call or the one named, leaves the engine alone, and reaches the CDR', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { callId } = await connectedCustomerCall(t, '1000');
    t.pbx.clearCommands();
    await t.core.setAgentCallData({ agentId: '1000', callId: null, data: { callappdata: 'ticket=7', other: 1 } });
    expect((await t.core.getCall(callId))?.call.data).toEqual({ callappdata: 'ticket=7', other: 1 });
    await t.core.setAgentCallData({ agentId: '1000', callId, data: { callappdata: 'order=42' } });
    expect((await t.core.getCall(callId))?.call.data).toEqual({ callappdata: 'order=42', other: 1 });
    expect(t.pbx.describe()).toEqual([]);
    await t.core.hangupAgentCustomer({ agentId: '1000' });
    await t.confirmHangups();
    expect((await t.core.getCdrOfCall(callId))?.data).toMatchObject({ callappdata: 'order=42' });
  });

  it('refuses an agent signed out, in no call, another agent\'s call and a call that is over', async () => {
    const t = await setup();
    expect((await refusal(t.core.setAgentCallData({ agentId: '1000', callId: null, data: {} }))).code).toBe('AGENT_NOT_LOGGED_IN');
    await loginPlain(t, '1000');
    await loginPlain(t, '1001');
    expect((await refusal(t.core.setAgentCallData({ agentId: '1000', callId: null, data: {} }))).code).toBe('NO_ACTIVE_CALL');
    expect((await refusal(t.core.setAgentCallData({ agentId: '1000', callId: 'no-such-call', data: {} }))).code).toBe('CALL_NOT_FOUND');
    const { callId } = await connectedCustomerCall(t, '1000');
    expect((await refusal(t.core.setAgentCallData({ agentId: '1001', callId, data: { x: 1 } }))).code).toBe('CALL_NOT_FOUND');
    await t.core.hangupAgentCustomer({ agentId: '1000' });
    await t.confirmHangups();
    expect((await refusal(t.core.setAgentCallData({ agentId: '1000', callId, data: { x: 1 } }))).code).toBe('CALL_NOT_FOUND');
    expect((await t.core.getCdrOfCall(callId))?.data).not.toHaveProperty('x');
  });
});
