import {
  agent,
  extension,
  trunk,
  describeEvents,
  loginPlain,
  ORIGIN,
  createTestCore,
  type TestCore,
} from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({ directory: { agents: [agent('1000')], extensions: [extension(5, '100')], trunks: [trunk(1)] } });
}

describe('engine events', () => {
  it('releases a leg that arrives without a route', async () => {
    const t = await setup();
    await t.emit({ type: 'leg_arrived', legId: '1718000000.42', channelName: 'PJSIP/trunk-0000002a', callerNumber: '5550100', callerName: '', dialed: '800', args: [], at: t.clock.now() });
    expect(t.pbx.describe()).toEqual(['hangup 1718000000.42']);
    expect(t.logger.messages('warn')).toContain('unrouted leg arrived; releasing it');
    expect(t.events).toEqual([]);
  });

  it('ignores events about legs and playbacks it does not know', async () => {
    const t = await setup();
    await t.endLeg('nobody.2');
    await t.dtmf('nobody.3', '5');
    await t.playbackStarted('nobody.pb-1');
    await t.playbackFinished('nobody.pb-1');
    expect(t.events).toEqual([]);
    expect(t.pbx.commands).toEqual([]);
  });

  it('hangs up a channel it originated but keeps no live record of, once answered', async () => {
    const t = await setup();
    // e.g. the command that originated it was rolled back after the engine created the channel
    await t.answer('lost-call.1');
    expect(t.pbx.describe()).toEqual(['hangup lost-call.1']);
    expect(t.events).toEqual([]);
  });

  it('handles a repeated answer or ringing once', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    const agentLegId = `${callId}.1`;
    await t.ring(agentLegId);
    await t.ring(agentLegId);
    await t.answer(agentLegId);
    await t.answer(agentLegId);
    await t.ring(agentLegId);
    expect(describeEvents(t.events).filter((event) => event !== 'AgentLoggedIn ready')).toEqual([
      'AgentStateChanged ready->in_call (call)',
      'LegRinging agent',
      'AgentPhoneRinging',
      'LegAnswered agent',
      'AgentPhoneAnswered',
    ]);
    expect(t.pbx.originated()).toHaveLength(2);
  });

  it('takes a disconnection as a notice only', async () => {
    const t = await setup();
    await t.emit({ type: 'pbx_disconnected', at: t.clock.now() });
    expect(t.logger.messages('warn')).toEqual(['telephony engine disconnected']);
    expect(t.core.pbxAvailable()).toBe(false);
  });

  it('lists the endpoints the engine reports', async () => {
    const t = await setup();
    t.pbx.endpointList = [{ endpoint: 'PJSIP/1000', technology: 'PJSIP', resource: '1000', online: true, channelIds: [] }];
    await expect(t.core.pbxEndpoints()).resolves.toEqual(t.pbx.endpointList);
  });
});
