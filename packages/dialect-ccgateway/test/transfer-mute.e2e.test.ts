import { agent101EachTest, collectEvents, described, sharedCcgatewayGateway } from './integration-support';
import { BASE, SUCCESS, failure } from './wire-client';

const VC = `${BASE}/voicecall/101`;
const CUSTOMER = '800123456';
const CONSULTED = '800123457';
const SKILL = '11';

describe('CC-Gateway transfer, confjoin and mute on the whole stack', () => {
  const gateway = sharedCcgatewayGateway({ extraProvisioning: { queues: [{ name: SKILL, strategy: 'longest_wait_time' }] } });
  const signedIn = agent101EachTest(gateway, [CUSTOMER, CONSULTED]);
  let guid: string;
  beforeEach(() => {
    guid = signedIn();
  });

  async function placeCall(): Promise<string> {
    const res = await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ called: CUSTOMER });
    const callId = (JSON.parse(res.text) as { result: string }).result;
    expect(described(await collectEvents(gateway(), '101', guid, 5)).at(-1)).toMatch(/^AgentEvent_Talking /);
    return callId;
  }

  const customerLegOf = async (callId: string) => (await gateway().core.getCall(callId))!.legs.find((leg) => leg.role === 'customer')!;

  test('transfer to a skill: the customer waits in the skill queue with music on hold; the agent is idle, its phone released', async () => {
    const callId = await placeCall();
    const customer = await customerLegOf(callId);
    expect((await gateway().http.post(`${VC}/transfer`).set('Guid', guid).send({ devicetype: 1, address: SKILL, mode: 0 })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(['AgentState_Ready', `AgentEvent_Call_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}']);
    const queued = await gateway().waitFor(
      async () => (await gateway().core.listLiveCalls()).find(({ call }) => call.purpose === 'inbound' && call.progress.queueName === SKILL),
      10_000,
      'the customer queued on the skill',
    );
    expect(queued.legs.map((leg) => leg.id)).toContain(customer.id);
    expect((await gateway().engineChannels()).map((channel) => channel.id)).toContain(customer.id);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, "the agent's CDR");
    expect(cdr).toMatchObject({ purpose: 'agent_customer', agentId: '101' });
  });

  test('success transfer to a number: the customer is held while the number rings; its answer tells the agent (result 0) and releases it', async () => {
    await gateway().farEnd.setNumber(CONSULTED, { outcome: 'noanswer' });
    const callId = await placeCall();
    const customer = await customerLegOf(callId);
    expect((await gateway().http.post(`${VC}/transfer`).set('Guid', guid).send({ devicetype: 5, address: CONSULTED, mode: 2 })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual([`AgentEvent_Customer_Alerting {"callid":"${callId}","otherPhone":"${CONSULTED}","otherPhoneWorkno":"","type":"main"}`]);
    await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((bridge) => bridge.id === `${callId}.hold` && bridge.channels.includes(customer.id)),
      10_000,
      'the customer on hold',
    );
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callId);
    const third = (await gateway().core.getCall(callId))!.legs.find((leg) => leg.role === 'third_party')!;
    await gateway().farEnd.answer(third.id);
    expect(described(await collectEvents(gateway(), '101', guid, 4))).toEqual([
      `AgentEvent_SuccTransResult {"result":0,"callId":"${callId}"}`,
      'AgentState_Ready',
      `AgentEvent_Call_Release {"callid":"${callId}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
    ]);
    const bridge = await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((candidate) => candidate.id === `${callId}.bridge` && candidate.channels.includes(customer.id) && candidate.channels.includes(third.id)),
      10_000,
      'customer and number in the call bridge',
    );
    expect(bridge.channels).toHaveLength(2);
  });

  test('success transfer to a busy number: the customer comes back to the agent, told by result 1; the agent can talk on', async () => {
    await gateway().farEnd.setNumber(CONSULTED, { outcome: 'busy', ringMs: 300 });
    const callId = await placeCall();
    const customer = await customerLegOf(callId);
    expect((await gateway().http.post(`${VC}/transfer`).set('Guid', guid).send({ devicetype: 5, address: CONSULTED, mode: 2 })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual([
      `AgentEvent_Customer_Alerting {"callid":"${callId}","otherPhone":"${CONSULTED}","otherPhoneWorkno":"","type":"main"}`,
      `AgentEvent_SuccTransResult {"result":1,"callId":"${callId}"}`,
    ]);
    const agentLeg = (await gateway().core.getCall(callId))!.legs.find((leg) => leg.role === 'agent')!;
    await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((bridge) => bridge.id === `${callId}.bridge` && bridge.channels.includes(customer.id) && bridge.channels.includes(agentLeg.id)),
      10_000,
      'the customer back with the agent',
    );
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callId);
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([`AgentEvent_Call_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
  });

  test('talk transfer to a number, then confjoin: the consulted party is dialled with the customer on hold, then all three share the call bridge', async () => {
    const callId = await placeCall();
    const customer = await customerLegOf(callId);
    expect((await gateway().http.post(`${VC}/confjoin`).set('Guid', guid).send({ callid: callId })).text).toBe(failure('200-011', 'no held call for a three-party call'));
    expect((await gateway().http.post(`${VC}/transfer`).set('Guid', guid).send({ devicetype: 5, address: CONSULTED, mode: 3 })).text).toBe(SUCCESS);
    await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((bridge) => bridge.id === `${callId}.hold` && bridge.channels.includes(customer.id)),
      10_000,
      'the customer on hold',
    );
    const third = await gateway().waitFor(
      async () => (await gateway().core.getCall(callId))!.legs.find((leg) => leg.role === 'third_party' && leg.state === 'up'),
      10_000,
      'the consulted party answering',
    );
    const { fromNumber } = (await gateway().core.getCall(callId))!.call;
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual([
      `AgentEvent_Customer_Alerting {"callid":"${callId}","otherPhone":"${CONSULTED}","otherPhoneWorkno":"","type":"main"}`,
      `AgentEvent_Talking {"caller":"${fromNumber}","called":"${CONSULTED}","callid":"${callId}","feature":"7","type":"main","mediaAbility":"1"}`,
    ]);
    expect((await gateway().http.post(`${VC}/confjoin`).set('Guid', guid).send({ callid: callId })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual([`AgentEvent_Conference {"callid":"${callId}","partner":"${CUSTOMER},${CONSULTED}"}`]);
    const bridge = await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((candidate) => candidate.channels.includes(customer.id) && candidate.channels.includes(third.id) && candidate.channels.length === 3),
      10_000,
      'customer, agent and consulted party in one bridge',
    );
    expect(bridge.channels).toHaveLength(3);
  });

  test('beginmute / endmute on the engine: success, the repeated request refused; no call: 200-003', async () => {
    expect((await gateway().http.post(`${VC}/beginmute`).set('Guid', guid)).text).toBe(failure('200-003', 'no call to mute'));
    await placeCall();
    expect((await gateway().http.post(`${VC}/beginmute`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await gateway().http.post(`${VC}/beginmute`).set('Guid', guid)).text).toBe(failure('200-004', 'call state does not allow mute'));
    expect((await gateway().http.post(`${VC}/endmute`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await gateway().http.post(`${VC}/endmute`).set('Guid', guid)).text).toBe(failure('200-008', 'call state does not allow unmute'));
  });
});
