import { agent101EachTest, collectEvents, described, sharedCcgatewayGateway } from './integration-support';
import { BASE, SUCCESS, failure } from './wire-client';

const VC = `${BASE}/voicecall/101`;
const CUSTOMER = '800123456';
const CONSULTED = '800123457';

describe('CC-Gateway connecthold and disconnect on the whole stack', () => {
  const gateway = sharedCcgatewayGateway({}, 120_000);
  const signedIn = agent101EachTest(gateway, [CUSTOMER, CONSULTED]);
  let guid: string;
  beforeEach(() => {
    guid = signedIn();
  });

  /** A callout answered by the customer, who is then held while the agent calls out again: the consultation inside the held call. */
  async function consult(): Promise<{ callId: string; customerId: string; thirdId: string; agentLegId: string }> {
    const res = await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ called: CUSTOMER });
    const callId = (JSON.parse(res.text) as { result: string }).result;
    expect(described(await collectEvents(gateway(), '101', guid, 5)).at(-1)).toMatch(/^AgentEvent_Talking /);
    expect((await gateway().http.post(`${VC}/hold`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual([`AgentEvent_Hold {"callid":"${callId}"}`]);
    expect((await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ called: CONSULTED })).text).toBe(JSON.stringify({ message: 'success', retcode: '0', result: callId }));
    const third = await gateway().waitFor(
      async () => (await gateway().core.getCall(callId))!.legs.find((leg) => leg.role === 'third_party' && leg.state === 'up'),
      10_000,
      'the consulted party answering',
    );
    expect(described(await collectEvents(gateway(), '101', guid, 2)).at(-1)).toMatch(/^AgentEvent_Talking /);
    const legs = (await gateway().core.getCall(callId))!.legs;
    return { callId, customerId: legs.find((leg) => leg.role === 'customer')!.id, thirdId: third.id, agentLegId: legs.find((leg) => leg.role === 'agent')!.id };
  }

  /** On the engine: the customer and the consulted number alone in the call bridge, the agent's leg gone. */
  async function expectAgentLeft({ callId, customerId, thirdId, agentLegId }: Awaited<ReturnType<typeof consult>>): Promise<void> {
    const bridge = await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((candidate) => candidate.id === `${callId}.bridge` && candidate.channels.includes(customerId) && candidate.channels.includes(thirdId)),
      10_000,
      'customer and consulted number in the call bridge',
    );
    expect(bridge.channels).toHaveLength(2);
    expect((await gateway().engineChannels()).map((channel) => channel.id)).not.toContain(agentLegId);
  }

  test('connecthold: the agent leaves; the held customer and the consulted number talk in the call bridge; one CDR', async () => {
    const { callId, customerId, thirdId, agentLegId } = await consult();
    expect((await gateway().http.post(`${VC}/connecthold/other-call`).set('Guid', guid)).text).toBe(failure('200-013', 'no call to hold'));
    expect((await gateway().http.post(`${VC}/connecthold/${callId}`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 4))).toEqual([
      `AgentEvent_Customer_Release {"callid":"${callId}"}`,
      'AgentState_Ready',
      `AgentEvent_Call_Release {"callid":"${callId}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
    ]);
    await expectAgentLeft({ callId, customerId, thirdId, agentLegId });
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBeNull();
    // The call goes on without the agent; the agent is free for the next one.
    expect((await gateway().http.post(`${VC}/connecthold/${callId}`).set('Guid', guid)).text).toBe(failure('200-013', 'no call to hold'));
    await gateway().farEnd.hangup(customerId, 16);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the call CDR');
    expect(cdr).toMatchObject({ purpose: 'agent_customer', agentId: '101' });
  });

  test('connecthold without a consulted party: 200-014; without a call: 200-013', async () => {
    expect((await gateway().http.post(`${VC}/connecthold/any`).set('Guid', guid)).text).toBe(failure('200-013', 'no call to hold'));
    const res = await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ called: CUSTOMER });
    const callId = (JSON.parse(res.text) as { result: string }).result;
    expect(described(await collectEvents(gateway(), '101', guid, 5)).at(-1)).toMatch(/^AgentEvent_Talking /);
    expect((await gateway().http.post(`${VC}/hold`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await gateway().http.post(`${VC}/connecthold/${callId}`).set('Guid', guid)).text).toBe(failure('200-014', 'call state does not allow hold'));
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callId);
  });

  test('disconnect of the consulted number: it is hung up, the customer stays held and gethold brings it back', async () => {
    const { callId, customerId, thirdId, agentLegId } = await consult();
    expect((await gateway().http.post(`${VC}/disconnect/12ab`).set('Guid', guid)).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await gateway().http.post(`${VC}/disconnect/800999999`).set('Guid', guid)).text).toBe(failure('200-024', 'no such number to release in the call'));
    expect((await gateway().http.post(`${VC}/disconnect/${CONSULTED}`).set('Guid', guid)).text).toBe(SUCCESS);
    await gateway().waitFor(async () => !(await gateway().engineChannels()).some((channel) => channel.id === thirdId) || undefined, 10_000, 'the consulted number hung up');
    expect((await gateway().engineBridges()).find((bridge) => bridge.id === `${callId}.hold`)?.channels).toContain(customerId);
    expect((await gateway().http.post(`${VC}/disconnect/${CONSULTED}`).set('Guid', guid)).text).toBe(failure('200-024', 'no such number to release in the call'));
    expect((await gateway().http.post(`${VC}/gethold`).set('Guid', guid)).text).toBe(SUCCESS);
    await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((bridge) => bridge.id === `${callId}.bridge` && bridge.channels.includes(customerId) && bridge.channels.includes(agentLegId)),
      10_000,
      'the customer back with the agent',
    );
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callId);
  });

  test('disconnect after confjoin: the third party leaves the three-way call, agent and customer talk on; no call: 200-023', async () => {
    expect((await gateway().http.post(`${VC}/disconnect/${CONSULTED}`).set('Guid', guid)).text).toBe(failure('200-023', 'no call to release a connection of'));
    const { callId, customerId, thirdId, agentLegId } = await consult();
    // confjoin names the held call in its body (Huawei cec_07_1245).
    expect((await gateway().http.post(`${VC}/confjoin`).set('Guid', guid)).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await gateway().http.post(`${VC}/confjoin`).set('Guid', guid).send({ callid: 'another-call' })).text).toBe(failure('200-011', 'no held call for a three-party call'));
    expect((await gateway().http.post(`${VC}/confjoin`).set('Guid', guid).send({ callid: callId })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual([`AgentEvent_Conference {"callid":"${callId}","partner":"${CUSTOMER},${CONSULTED}"}`]);
    expect((await gateway().http.post(`${VC}/disconnect/${CONSULTED}`).set('Guid', guid)).text).toBe(SUCCESS);
    const bridge = await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((candidate) => candidate.id === `${callId}.bridge` && candidate.channels.includes(customerId) && !candidate.channels.includes(thirdId)),
      10_000,
      'agent and customer alone in the call bridge',
    );
    expect(bridge.channels).toEqual(expect.arrayContaining([customerId, agentLegId]));
    expect(bridge.channels).toHaveLength(2);
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callId);
  });

  test('disconnect of the held customer by its number: it is hung up, agent and consulted number talk on; the number hanging up ends the call; one CDR', async () => {
    const { callId, customerId, thirdId, agentLegId } = await consult();
    expect((await gateway().http.post(`${VC}/disconnect/${CUSTOMER}`).set('Guid', guid)).text).toBe(SUCCESS);
    await gateway().waitFor(async () => !(await gateway().engineChannels()).some((channel) => channel.id === customerId) || undefined, 10_000, 'the customer hung up');
    const bridge = (await gateway().engineBridges()).find((candidate) => candidate.id === `${callId}.bridge`);
    expect(bridge?.channels).toEqual(expect.arrayContaining([agentLegId, thirdId]));
    expect(bridge?.channels).toHaveLength(2);
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callId);
    expect((await gateway().core.getCall(callId))!.call.state).not.toBe('ended');
    // The consulted number is the call's other party now: its hang-up is the customer's release.
    await gateway().farEnd.hangup(thirdId, 16);
    const seen: string[] = [];
    while (seen.at(-1) !== 'AgentState_Ready') seen.push(...described(await collectEvents(gateway(), '101', guid, 1)));
    expect(seen).toEqual([`AgentEvent_Customer_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the call CDR');
    expect(cdr).toMatchObject({ purpose: 'agent_customer', agentId: '101', toNumber: CUSTOMER });
  });

  test("disconnect of the agent's own phone number: the agent leaves as with connecthold, customer and consulted number talk on", async () => {
    const { callId, customerId, thirdId, agentLegId } = await consult();
    expect((await gateway().http.post(`${VC}/disconnect/40038`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(['AgentState_Ready', `AgentEvent_Call_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}']);
    await expectAgentLeft({ callId, customerId, thirdId, agentLegId });
  });
});
