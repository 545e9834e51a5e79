import { collectEvents, described, drainEvents, expectEventShape, sharedCcgatewayGateway, signIn } from './integration-support';
import { eventTypes, startReceiver } from './push-receiver';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

// Agent 101 (phone 40038) calls the customer out and transfers it in
// success mode (Huawei: the agent is released only once the target answers,
// otherwise it talks on with the customer) to skill 31, which agent 202
// (phone 102) serves, to skill 32, which nobody serves, or to agent 202 by
// its work number.
const VC = `${BASE}/voicecall/101`;
const CUSTOMER = '800123466';
const SKILL = '31';
const EMPTY_SKILL = '32';
const TARGET_PHONE = '102';
/** The calls these tests make; the gateway's own standing calls (agents' phones of other suites) are left alone. */
const CUSTOMER_CALLS = new Set(['agent_customer', 'inbound']);

describe('CC-Gateway success transfer to a skill or an agent, on the whole stack', () => {
  const gateway = sharedCcgatewayGateway({
    // The target's phone rings 3 s; a skill nobody takes the call in is given up after 5 s (the ring time of a dialled destination).
    core: { agentRingTimeoutSec: 3, destinationRingTimeoutSec: 5 },
    ccgateway: { pushCallbackHosts: ['127.0.0.1'] },
    extraProvisioning: {
      agents: [{ id: '202', name: 'Agent 202', secret: '' }],
      queues: [
        { name: SKILL, strategy: 'longest_wait_time' },
        { name: EMPTY_SKILL, strategy: 'longest_wait_time' },
      ],
    },
  });
  let guid: string;
  let targetGuid: string;

  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 200 });
    await gateway().farEnd.setPhone(TARGET_PHONE, { outcome: 'noanswer' });
    await gateway().farEnd.setNumber(CUSTOMER, { outcome: 'answer', ringMs: 200 });
    guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    targetGuid = await signIn(gateway(), '202', { password: '', phonenum: TARGET_PHONE }, true);
    expect((await gateway().http.post(`${BASE}/onlineagent/202/resetskill/false?skillid=${SKILL}`).set('Guid', targetGuid)).text).toBe(SUCCESS);
    await drainEvents(gateway(), '101', guid);
    await drainEvents(gateway(), '202', targetGuid);
  });

  afterEach(async () => {
    await gateway().http.delete(`${BASE}/onlineagent/202/forcelogout`).set('Guid', targetGuid);
    await gateway().http.delete(`${BASE}/onlineagent/101/forcelogout`).set('Guid', guid);
    for (const { call, legs } of await gateway().core.listLiveCalls()) {
      if (CUSTOMER_CALLS.has(call.purpose)) for (const leg of legs) if (leg.state !== 'ended' && leg.role === 'customer') await gateway().farEnd.hangup(leg.id, 16).catch(() => undefined);
    }
    await gateway().waitFor(async () => (await gateway().core.listLiveCalls()).every(({ call }) => !CUSTOMER_CALLS.has(call.purpose)), 15_000, 'customer calls to end');
    await gateway().core.idle();
  });

  async function placeCall(): Promise<{ callId: string; customerId: string; agentLegId: string }> {
    const res = await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ called: CUSTOMER });
    const callId = (JSON.parse(res.text) as { result: string }).result;
    expect(described(await collectEvents(gateway(), '101', guid, 5)).at(-1)).toMatch(/^AgentEvent_Talking /);
    const { legs } = (await gateway().core.getCall(callId))!;
    return { callId, customerId: legs.find((leg) => leg.role === 'customer')!.id, agentLegId: legs.find((leg) => leg.role === 'agent')!.id };
  }

  const transfer = (body: Record<string, unknown>) => gateway().http.post(`${VC}/transfer`).set('Guid', guid).send(body);

  /** The call queued for the target (the dialplan half of the transfer's dial), once a phone rings for it. */
  const queuedFor = (queueName: string) =>
    gateway().waitFor(
      async () => (await gateway().core.listLiveCalls()).find(({ call, legs }) => call.purpose === 'inbound' && call.progress.queueName === queueName && legs.some((leg) => leg.role === 'agent')),
      10_000,
      `a phone ringing for the call queued on ${queueName}`,
    );

  const customerBackWithAgent = (callId: string, customerId: string, agentLegId: string) =>
    gateway().waitFor(
      async () => (await gateway().engineBridges()).find((bridge) => bridge.id === `${callId}.bridge` && bridge.channels.includes(customerId) && bridge.channels.includes(agentLegId)),
      10_000,
      'the customer back with the agent',
    );

  test('to a skill: the customer is held, still the agent\'s, while the skill\'s agent is rung; its answer tells the agent (result 0) and releases it', async () => {
    const { callId, customerId } = await placeCall();
    expect((await transfer({ devicetype: 1, address: SKILL, mode: 2 })).text).toBe(SUCCESS);
    const queued = await queuedFor(SKILL);
    await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((bridge) => bridge.id === `${callId}.hold` && bridge.channels.includes(customerId)),
      10_000,
      'the customer on hold',
    );
    // The target has not answered: the transferring agent is still on the call and told nothing.
    expect(described(await drainEvents(gateway(), '101', guid))).toEqual([]);
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callId);
    expect(queued.call).toMatchObject({ fromNumber: CUSTOMER, answeredAt: null, agentId: null });
    const queuedId = queued.call.id;
    const ringing = await collectEvents(gateway(), '202', targetGuid, 2);
    expect(described(ringing)).toEqual([
      `AgentEvent_Ringing {"caller":"${CUSTOMER}","transfer":"no","callid":"${queuedId}","transfrom":"","called":"${SKILL}","type":"main","mediaAbility":"1","feature":"0"}`,
      'AgentOther_PhoneAlerting',
    ]);

    await gateway().farEnd.answer(queued.legs.find((leg) => leg.role === 'agent')!.id);
    const released = await collectEvents(gateway(), '101', guid, 4);
    for (const event of released) expectEventShape(event, '101');
    expect(described(released)).toEqual([
      `AgentEvent_SuccTransResult {"result":0,"callId":"${callId}"}`,
      'AgentState_Ready',
      `AgentEvent_Call_Release {"callid":"${callId}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
    ]);
    expect(described(await collectEvents(gateway(), '202', targetGuid, 3))).toEqual([
      'AgentOther_PhoneOffhook {"type":"main"}',
      'AgentState_Busy',
      `AgentEvent_Talking {"caller":"${CUSTOMER}","called":"${SKILL}","callid":"${queuedId}","feature":"0","type":"main","mediaAbility":"1"}`,
    ]);
    // The customer talks through the transfer's dial with the agent who took it.
    const third = (await gateway().core.getCall(callId))!.legs.find((leg) => leg.role === 'third_party')!;
    await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((bridge) => bridge.id === `${callId}.bridge` && bridge.channels.length === 2 && bridge.channels.includes(customerId) && bridge.channels.includes(third.id)),
      10_000,
      'customer and the dial to the skill in the call bridge',
    );
    expect(await gateway().core.getAgentSession('202')).toMatchObject({ state: 'in_call', currentCallId: queuedId });

    // The customer hangs up: the skill's agent is told, and each call leaves its CDR.
    await gateway().farEnd.hangup(customerId, 16);
    expect(described(await collectEvents(gateway(), '202', targetGuid, 3))).toEqual([
      `AgentEvent_Customer_Release {"callid":"${queuedId}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
    ]);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, "the transferring agent's CDR");
    expect(cdr).toMatchObject({ purpose: 'agent_customer', agentId: '101', toNumber: CUSTOMER });
    const queuedCdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(queuedId)) ?? undefined, 10_000, "the skill call's CDR");
    expect(queuedCdr).toMatchObject({ purpose: 'inbound', agentId: '202', fromNumber: CUSTOMER, toNumber: SKILL });
  });

  test('to an agent whose phone is not answered: the customer comes back to the agent, told by result 1; the agent can talk on', async () => {
    const { callId, customerId, agentLegId } = await placeCall();
    expect((await transfer({ devicetype: 2, address: '202', mode: 2 })).text).toBe(SUCCESS);
    const queued = await queuedFor('AGENTDIRECT');
    expect(queued.call.progress).toMatchObject({ forAgentId: '202' });
    expect(described(await collectEvents(gateway(), '101', guid, 1, 15_000))).toEqual([`AgentEvent_SuccTransResult {"result":1,"callId":"${callId}"}`]);
    await customerBackWithAgent(callId, customerId, agentLegId);
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callId);
    const queuedCdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(queued.call.id)) ?? undefined, 10_000, 'the unanswered call’s CDR');
    expect(queuedCdr).toMatchObject({ purpose: 'inbound', agentId: null, answeredAt: null, toNumber: 'AGENTDIRECT' });
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([`AgentEvent_Call_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
  });

  test('to an agent who is busy: the transfer fails at once (result 1) and the customer is the agent\'s again', async () => {
    expect((await gateway().http.post(`${BASE}/onlineagent/202/saybusy`).set('Guid', targetGuid)).text).toBe(SUCCESS);
    const { callId, customerId, agentLegId } = await placeCall();
    const started = Date.now();
    expect((await transfer({ devicetype: 2, address: '202', mode: 2 })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual([`AgentEvent_SuccTransResult {"result":1,"callId":"${callId}"}`]);
    // Well before any ring time ran out.
    expect(Date.now() - started).toBeLessThan(3_000);
    await customerBackWithAgent(callId, customerId, agentLegId);
    expect(described(await drainEvents(gateway(), '202', targetGuid)).filter((event) => event.startsWith('AgentEvent_'))).toEqual([]);
  });

  test('to a skill nobody takes the call in: given up after the ring time, result 1; the customer is the agent\'s again', async () => {
    const { callId, customerId, agentLegId } = await placeCall();
    const started = Date.now();
    expect((await transfer({ devicetype: 1, address: EMPTY_SKILL, mode: 2 })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1, 15_000))).toEqual([`AgentEvent_SuccTransResult {"result":1,"callId":"${callId}"}`]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
    await customerBackWithAgent(callId, customerId, agentLegId);
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callId);
  });

  test('push mode: the transferring agent\'s client receives the same events in the same order', async () => {
    const receiver = await startReceiver(0);
    try {
      guid = await signIn(gateway(), '101', { ...HUAWEI_SIGN_IN_SAMPLE, callBackUri: receiver.url, serviceToken: 'st-transfer' }, true);
      const res = await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ called: CUSTOMER });
      const callId = (JSON.parse(res.text) as { result: string }).result;
      await gateway().waitFor(async () => (await gateway().core.getCall(callId))?.call.progress.stage === 'connected' || undefined, 10_000, 'the customer talking');
      // Pushes leave from the outbox after the commit: the talk's own events may still be on their way.
      await gateway().waitFor(async () => eventTypes(receiver.seen).includes('AgentEvent_Talking') || undefined, 10_000, 'the talk pushed');
      const before = eventTypes(receiver.seen).length;
      expect((await transfer({ devicetype: 1, address: SKILL, mode: 2 })).text).toBe(SUCCESS);
      const queued = await queuedFor(SKILL);
      await gateway().farEnd.answer(queued.legs.find((leg) => leg.role === 'agent')!.id);
      await gateway().waitFor(async () => eventTypes(receiver.seen).length >= before + 4 || undefined, 10_000, 'the transfer\'s events to be pushed');
      expect(eventTypes(receiver.seen).slice(before)).toEqual(['AgentEvent_SuccTransResult', 'AgentState_Ready', 'AgentEvent_Call_Release', 'AgentOther_PhoneRelease']);
      const pushed = receiver.seen.flatMap((push) => (JSON.parse(push.body) as { eventList: Array<{ eventType: string; content: unknown }> }).eventList);
      expect(pushed.find((event) => event.eventType === 'AgentEvent_SuccTransResult')?.content).toEqual({ result: 0, callId });
    } finally {
      await receiver.close();
    }
  });
});
