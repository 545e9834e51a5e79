import { DomainError } from '../src';
import { agent, trunk, connectedCustomerCall, legOf, loginPlain, loginWithConference, ORIGIN, createTestCore, type TestCore } from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({ directory: { agents: [agent('1000')], trunks: [trunk(1)] } });
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

describe('DTMF to the customer of the agent call', () => {
  it('sends the keys out of the customer leg, after the transaction', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { customerLegId } = await connectedCustomerCall(t, '1000');
    t.pbx.clearCommands();
    await t.core.sendAgentCallDtmf({ agentId: '1000', digits: '12,#*A' });
    expect(t.pbx.describe()).toEqual([`sendDtmf ${customerLegId} 12,#*A`]);
    expect(t.engineCommandsInTransaction).toEqual([]);
  });

  it('reaches the customer dialled into the session conference', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    const customer = await legOf(t, callId, 'customer');
    await t.answer(customer.id);
    t.pbx.clearCommands();
    await t.core.sendAgentCallDtmf({ agentId: '1000', digits: '9' });
    expect(t.pbx.describe()).toEqual([`sendDtmf ${customer.id} 9`]);
  });

  it('no customer on the line (no call, or still ringing): NO_ACTIVE_CALL, nothing sent', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    t.pbx.clearCommands();
    expect((await refusal(t.core.sendAgentCallDtmf({ agentId: '1000', digits: '1' }))).code).toBe('NO_ACTIVE_CALL');
    await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    t.pbx.clearCommands();
    expect((await refusal(t.core.sendAgentCallDtmf({ agentId: '1000', digits: '1' }))).code).toBe('NO_ACTIVE_CALL');
    expect(t.pbx.commands).toEqual([]);
  });

  it('refuses what is not a key, and an agent not logged in', async () => {
    const t = await setup();
    expect((await refusal(t.core.sendAgentCallDtmf({ agentId: '1000', digits: '1' }))).code).toBe('AGENT_NOT_LOGGED_IN');
    for (const digits of ['x', '1 2', 'w']) {
      expect((await refusal(t.core.sendAgentCallDtmf({ agentId: '1000', digits }))).code).toBe('INVALID_ARGUMENT');
    }
  });

  it('no keys at all: the call is checked, nothing is sent', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    expect((await refusal(t.core.sendAgentCallDtmf({ agentId: '1000', digits: '' }))).code).toBe('NO_ACTIVE_CALL');
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    await t.answer((await legOf(t, callId, 'customer')).id);
    t.pbx.clearCommands();
    await t.core.sendAgentCallDtmf({ agentId: '1000', digits: '' });
    expect(t.pbx.commands).toEqual([]);
  });

  it('an engine refusal is reported', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await connectedCustomerCall(t, '1000');
    t.pbx.failNext('sendDtmf');
    expect((await refusal(t.core.sendAgentCallDtmf({ agentId: '1000', digits: '1' }))).code).toBe('PBX_REJECTED');
  });
});
