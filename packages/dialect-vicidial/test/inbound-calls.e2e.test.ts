import { AUTH, EXTRA_PROVISIONING, agentGet, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// A call placed into the engine on the demo DID 2125550100 (in-group TEST_IN,
// which the demo agent 1000 takes calls from): it waits with music on hold
// while the agent is paused, calls_in_queue_count counts it, and it reaches
// the agent's session conference once the agent resumes. Runs on pbx-sim and,
// in the fidelity tier, on the real Asterisk (the far end calls the trunk).

// Agent 101 (phone PJSIP/101) is logged in without a session conference: its
// phone is rung for calls to a second DID, in-group TEST_IN2.
const PHONE_DID = '2125550102';
const gateway = sharedGateway({
  agentInConference: '1000',
  overrides: {
    extraProvisioning: {
      ...EXTRA_PROVISIONING,
      didRoutes: [{ did: PHONE_DID, queue: 'TEST_IN2' }],
      sessions: [...(EXTRA_PROVISIONING.sessions ?? []), { agentId: '101', via: 'vicidial' }],
    },
  },
});
const DID = '2125550100';

const countLine = async (): Promise<string> => (await agentGet(gateway(), `${AUTH}&agent_user=1000&function=calls_in_queue_count&value=DISPLAY`)).text;
/** The Non-Agent API's in_group_status row of TEST_IN. */
const inGroupLine = async (): Promise<string> => (await nonAgentGet(gateway(), 'source=test&user=6666&pass=1234&function=in_group_status&in_groups=TEST_IN')).text;

async function waitingCalls(count: number): Promise<Array<{ callId: string }>> {
  return gateway().waitFor(
    async () => {
      const waiting = await gateway().core.listWaitingCalls(['TEST_IN']);
      return waiting.length === count ? waiting : undefined;
    },
    10000,
    `${count} calls waiting in TEST_IN`,
  );
}

async function cdrOf(callId: string) {
  return gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10000, `the CDR of ${callId}`);
}

const pause = async (value: 'PAUSE' | 'RESUME'): Promise<void> => {
  const answer = await agentGet(gateway(), `${AUTH}&agent_user=1000&function=external_pause&value=${value}`);
  expect(answer.text).toMatch(new RegExp(`^SUCCESS: external_pause function set - ${value}\\|\\d+\\|1000\\n$`));
};

describe('an inbound call on a DID', () => {
  afterEach(async () => {
    const session = await gateway().core.getAgentSession('1000');
    if (session?.state === 'paused') await pause('RESUME');
  });

  test('waits with music on hold while the agent is paused, is counted, reaches the agent who resumes, and leaves its CDR', async () => {
    await pause('PAUSE');
    expectVicidialAnswer(await agentGet(gateway(), `${AUTH}&agent_user=1000&function=calls_in_queue_count&value=DISPLAY`), 'SUCCESS: calls_in_queue_count - 0');
    const caller = await gateway().farEnd.callIn(DID, '5550123');
    const [waiting] = await waitingCalls(1);
    const queued = (await gateway().core.getCall(waiting!.callId))!;
    expect(queued.call).toMatchObject({ purpose: 'inbound', direction: 'inbound', state: 'answered', toNumber: DID, agentId: null, progress: { stage: 'waiting', queueName: 'TEST_IN', mohClass: 'default' } });
    const callerLeg = queued.legs.find((leg) => leg.role === 'caller')!;
    // The engine has the caller answered, in no bridge yet.
    const channel = await gateway().waitFor(async () => (await gateway().engineChannels()).find((candidate) => candidate.id === callerLeg.id && candidate.state === 'Up'), 10000, 'the caller answered');
    expect(channel.name).toMatch(/^PJSIP\/upc-/);
    if (gateway().farEnd.engine === 'pbx-sim') {
      const moh = gateway().sim.control.requests().then((requests) => requests.some((request) => request.method === 'POST' && request.path === `/ari/channels/${callerLeg.id}/moh`));
      expect(await moh).toBe(true);
    }
    expect(await countLine()).toBe('SUCCESS: calls_in_queue_count - 1');
    // ingroups total_calls calls_waiting agents_logged_in agents_in_calls agents_waiting agents_paused agents_in_dispo agents_in_dial
    expect(await inGroupLine()).toBe('TEST_IN|1|1|1|0|0|1|0|0\n');

    await pause('RESUME');
    await waitingCalls(0);
    const connected = await gateway().waitFor(async () => {
      const current = await gateway().core.getCall(waiting!.callId);
      return current?.call.progress.stage === 'connected' ? current.call : undefined;
    }, 10000, 'the call connected');
    expect(connected).toMatchObject({ agentId: '1000', bridgeId: 'agent-1000.conference' });
    expect(await gateway().core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: waiting!.callId });
    expect(await countLine()).toBe('SUCCESS: calls_in_queue_count - 0');
    expect(await inGroupLine()).toBe('TEST_IN|1|0|1|1|0|0|0|0\n');

    await caller.hangup();
    expect(await cdrOf(waiting!.callId)).toMatchObject({ purpose: 'inbound', direction: 'inbound', agentId: '1000', toNumber: DID, hangupSide: 'caller' });
    await gateway().waitFor(async () => (await gateway().core.getAgentSession('1000'))?.state === 'ready', 10000, 'agent 1000 ready again');
  });

  test('a caller who hangs up while waiting leaves an abandoned CDR', async () => {
    await pause('PAUSE');
    const caller = await gateway().farEnd.callIn(DID, '5550124');
    const [waiting] = await waitingCalls(1);
    await caller.hangup();
    expect(await cdrOf(waiting!.callId)).toMatchObject({ purpose: 'inbound', agentId: null, hangupSide: 'caller', billsec: expect.any(Number) as unknown as number });
    expect((await gateway().core.getCall(waiting!.callId))!.call.progress).toMatchObject({ stage: 'abandoned' });
    expect(await countLine()).toBe('SUCCESS: calls_in_queue_count - 0');
  });

  test('to an agent without a conference: the agent\'s phone rings, answers, and is bridged with the caller', async () => {
    const change = await agentGet(gateway(), `${AUTH}&function=change_ingroups&agent_user=101&value=CHANGE&blended=NO&ingroup_choices=+TEST_IN2+-`);
    expectVicidialAnswer(change, 'SUCCESS: change_ingroups function set - 6666|101| TEST_IN2 -|NO|\n');
    const caller = await gateway().farEnd.callIn(PHONE_DID, '5550125');
    const call = await gateway().waitFor(async () => {
      const session = await gateway().core.getAgentSession('101');
      const current = session?.currentCallId ? await gateway().core.getCall(session.currentCallId) : null;
      return current?.call.progress.stage === 'connected' ? current : undefined;
    }, 15000, 'the call connected to agent 101');
    expect(call.call).toMatchObject({ purpose: 'inbound', agentId: '101', toNumber: PHONE_DID, bridgeId: `${call.call.id}.bridge` });
    const agentLeg = call.legs.find((leg) => leg.role === 'agent')!;
    expect(agentLeg).toMatchObject({ endpoint: 'PJSIP/101', state: 'up' });
    const engine = await gateway().engineChannels();
    expect(engine.find((channel) => channel.id === agentLeg.id)?.state).toBe('Up');

    await caller.hangup();
    expect(await cdrOf(call.call.id)).toMatchObject({ purpose: 'inbound', agentId: '101', toNumber: PHONE_DID, hangupSide: 'caller' });
    await gateway().waitFor(async () => (await gateway().core.getAgentSession('101'))?.state === 'ready', 10000, 'agent 101 ready again');
    await gateway().waitFor(async () => !(await gateway().engineChannels()).some((channel) => channel.id === agentLeg.id), 10000, 'the agent phone hung up');
  });
});
