import {
  agent,
  trunk,
  connectedCustomerCall,
  describeEvents,
  loginPlain,
  createTestCore,
  type TestCore,
} from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({ directory: { agents: [agent('1000')], trunks: [trunk(1)] } });
}

/**
 * A forced sign-in replaces a session whatever it is doing. The call the old
 * session was in belongs to nobody afterwards: unless it is hung up with the
 * session, it stays up for ever (and the agent's phone with it).
 */
describe('a forced sign-in of an agent in a call', () => {
  it('hangs the call up; the call ends with its CDR and the new session is free', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { callId, agentLegId, customerLegId } = await connectedCustomerCall(t, '1000');
    t.takeEvents();
    t.pbx.clearCommands();

    const replaced = await t.core.loginAgent({ agentId: '1000', via: 'ccgateway', phoneNumber: '1000', replaceExisting: true });
    expect(replaced).toMatchObject({ state: 'ready', currentCallId: null });
    expect(t.pbx.hungUp().sort()).toEqual([agentLegId, customerLegId].sort());
    expect(describeEvents(t.events)).toEqual(['AgentLoggedOut forced', 'AgentLoggedIn ready']);

    await t.confirmHangups();
    expect((await t.core.getCall(callId))?.call).toMatchObject({ state: 'ended' });
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ agentId: '1000', hangupSide: 'system' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ sessionId: replaced.sessionId, state: 'ready', currentCallId: null });
  });

  it('an idle agent is replaced without any hang-up', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    t.pbx.clearCommands();
    await t.core.loginAgent({ agentId: '1000', via: 'ccgateway', phoneNumber: '1000', replaceExisting: true });
    expect(t.pbx.hungUp()).toEqual([]);
  });
});
