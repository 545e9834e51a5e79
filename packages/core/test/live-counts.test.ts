import { agent, createTestCore, loginPlain } from '@pbx-gateway/test-support';

// What `/metrics` reads of the core at a scrape: counts only, every purpose,
// state and queue present even at zero.

describe('live counts', () => {
  it('counts calls not yet ended by purpose, agents by state and callers waiting in each queue', async () => {
    const t = await createTestCore({
      directory: {
        agents: [agent('1000'), agent('1001')],
        queues: [
          { name: 'SALESLINE', strategy: 'longest_wait_time' },
          { name: 'SUPPORT', strategy: 'ringall' },
        ],
        didRoutes: [{ did: '2125550100', queueName: 'SALESLINE' }],
      },
    });
    expect(await t.core.liveCounts()).toEqual({
      callsUp: { click_to_call: 0, voice_menu: 0, voice_broadcast: 0, agent_playback: 0, agent_phone: 0, agent_customer: 0, agent_internal: 0, inbound: 0, supervision: 0, context_dial: 0 },
      agents: { ready: 0, paused: 0, in_call: 0, wrap_up: 0 },
      waiting: [
        { queue: 'SALESLINE', calls: 0 },
        { queue: 'SUPPORT', calls: 0 },
      ],
      pendingCallbacks: 0,
    });

    await loginPlain(t, '1000');
    await loginPlain(t, '1001');
    await t.core.pauseAgent({ agentId: '1001', reason: 'break' });
    await t.callIn('1718000000.1', '2125550100', '5550123');
    await t.callIn('1718000000.2', '2125550100', '5550124');
    await t.callIn('1718000000.3', '2125550100', '5550125');
    // A caller who hangs up is neither up nor waiting any more.
    await t.endLeg('1718000000.3');

    const counts = await t.core.liveCounts();
    expect(counts.callsUp).toEqual({ click_to_call: 0, voice_menu: 0, voice_broadcast: 0, agent_playback: 0, agent_phone: 0, agent_customer: 0, agent_internal: 0, inbound: 2, supervision: 0, context_dial: 0 });
    expect(counts.agents).toEqual({ ready: 1, paused: 1, in_call: 0, wrap_up: 0 });
    expect(counts.waiting).toEqual([
      { queue: 'SALESLINE', calls: 2 },
      { queue: 'SUPPORT', calls: 0 },
    ]);
  });
});
