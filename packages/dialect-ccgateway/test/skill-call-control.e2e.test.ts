import { agent101EachTest, collectEvents, described, drainEvents, expectEventShape, sharedCcgatewayGateway } from './integration-support';
import type { IncomingCall } from '@pbx-gateway/test-support';
import { BASE, failure, SUCCESS } from './wire-client';

// Skill 13 is an inbound queue reached on DID 2125550113; agent 101 (phone
// 40038, auto-answer on) takes a call queued on it, then holds, mutes or
// transfers it (to skill 14, which nobody serves, to agent 102, who is not signed in, or to the number 5550199,
// which answers).
const SKILL = '13';
const OTHER_SKILL = '14';
const DID = '2125550113';
const CONSULTED = '5550199';
const VC = `${BASE}/voicecall/101`;

describe('CC-Gateway hold, mute and transfer of a skill call, on the whole stack', () => {
  const gateway = sharedCcgatewayGateway({
    extraProvisioning: {
      queues: [
        { name: SKILL, strategy: 'longest_wait_time' },
        { name: OTHER_SKILL, strategy: 'longest_wait_time' },
      ],
      didRoutes: [{ did: DID, queue: SKILL }],
    },
  });
  /** The callers of the test, hung up after it. */
  const callers: IncomingCall[] = [];
  const signedIn = agent101EachTest(gateway, [CONSULTED], { ringMs: 200, skill: SKILL, callers });
  let guid: string;
  beforeEach(() => {
    guid = signedIn();
  });
  const callIn = async (caller: string): Promise<IncomingCall> => {
    const call = await gateway().farEnd.callIn(DID, caller);
    callers.push(call);
    return call;
  };

  /** A caller on the skill, talking with agent 101; its call id. */
  async function talking(caller: string): Promise<string> {
    await callIn(caller);
    const events = await collectEvents(gateway(), '101', guid, 5);
    expect(events.at(-1)?.eventType).toBe('AgentEvent_Talking');
    return (events[0]!.content as { callid: string }).callid;
  }

  /** The bridge the engine has the caller's channel in (its id), or null. */
  async function bridgeOfCaller(callId: string): Promise<string | null> {
    const caller = (await gateway().core.getCall(callId))?.legs.find((leg) => leg.role === 'caller');
    const bridges = await gateway().engineBridges();
    return bridges.find((bridge) => caller !== undefined && bridge.channels.includes(caller.id))?.id ?? null;
  }

  test('hold: AgentEvent_Hold, the caller in the holding bridge; gethold: AgentEvent_Talking (feature 0), the caller back; release', async () => {
    const callid = await talking('5550141');
    expect((await gateway().http.post(`${VC}/hold`).set('Guid', guid)).text).toBe(SUCCESS);
    const [held] = await collectEvents(gateway(), '101', guid, 1);
    expectEventShape(held!, '101');
    expect(described([held!])).toEqual([`AgentEvent_Hold {"callid":"${callid}"}`]);
    await gateway().waitFor(async () => ((await bridgeOfCaller(callid)) === `${callid}.hold` ? true : undefined), 5_000, 'the caller on hold');
    expect((await gateway().http.post(`${VC}/hold`).set('Guid', guid)).text).toBe(failure('200-014', 'call state does not allow hold'));

    expect((await gateway().http.post(`${VC}/gethold?callid=other`).set('Guid', guid)).text).toBe(failure('200-015', 'no held call'));
    expect((await gateway().http.post(`${VC}/gethold?callid=${callid}`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual([
      `AgentEvent_Talking {"caller":"5550141","called":"${DID}","callid":"${callid}","feature":"0","type":"main","mediaAbility":"1"}`,
    ]);
    await gateway().waitFor(async () => ((await bridgeOfCaller(callid)) === `${callid}.bridge` ? true : undefined), 5_000, 'the caller back with the agent');
    expect((await gateway().http.post(`${VC}/gethold`).set('Guid', guid)).text).toBe(failure('200-015', 'no held call'));

    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([
      `AgentEvent_Call_Release {"callid":"${callid}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
    ]);
  });

  test('the caller hangs up while held: Customer_Release, PhoneRelease, Ready; one CDR', async () => {
    const callid = await talking('5550142');
    expect((await gateway().http.post(`${VC}/hold`).set('Guid', guid)).text).toBe(SUCCESS);
    await collectEvents(gateway(), '101', guid, 1);
    await gateway().waitFor(async () => ((await bridgeOfCaller(callid)) === `${callid}.hold` ? true : undefined), 5_000, 'the caller on hold');
    await callers.at(-1)!.hangup();
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([
      `AgentEvent_Customer_Release {"callid":"${callid}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
    ]);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callid)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: '101', hangupSide: 'caller' });
  });

  test('beginmute / endmute on the skill call: success, the repeated request refused (200-004 / 200-008); no event', async () => {
    const callid = await talking('5550143');
    expect((await gateway().http.post(`${VC}/beginmute`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await gateway().http.post(`${VC}/beginmute`).set('Guid', guid)).text).toBe(failure('200-004', 'call state does not allow mute'));
    expect((await gateway().core.getCall(callid))?.call.progress).toMatchObject({ agentMuted: true });
    expect((await gateway().http.post(`${VC}/endmute`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await gateway().http.post(`${VC}/endmute`).set('Guid', guid)).text).toBe(failure('200-008', 'call state does not allow unmute'));
    expect(await drainEvents(gateway(), '101', guid)).toEqual([]);
  });

  test('transfer to another skill (release mode): the caller waits in that skill, the agent is idle at once; its call keeps its CDR', async () => {
    const callid = await talking('5550144');
    const caller = (await gateway().core.getCall(callid))!.legs.find((leg) => leg.role === 'caller')!;
    expect((await gateway().http.post(`${VC}/transfer`).set('Guid', guid).send({ devicetype: 1, address: OTHER_SKILL, mode: 0 })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(['AgentState_Ready', `AgentEvent_Call_Release {"callid":"${callid}"}`, 'AgentOther_PhoneRelease {"phoneState":3}']);
    const queued = await gateway().waitFor(
      async () => (await gateway().core.listLiveCalls()).find(({ call }) => call.purpose === 'inbound' && call.progress.queueName === OTHER_SKILL),
      10_000,
      'the caller queued on the other skill',
    );
    expect(queued.call).toMatchObject({ fromNumber: '5550144', progress: { stage: 'waiting', transferredFrom: callid } });
    expect(queued.legs.map((leg) => leg.id)).toEqual([caller.id]);
    expect((await gateway().engineChannels()).map((channel) => channel.id)).toContain(caller.id);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callid)) ?? undefined, 10_000, "the agent's CDR");
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: '101', toNumber: DID });
  });

  test('success-mode transfer of a skill call to an agent who cannot take it (not signed in): result 1 at once, the caller back with the agent', async () => {
    const callid = await talking('5550146');
    expect((await gateway().http.post(`${VC}/transfer`).set('Guid', guid).send({ devicetype: 2, address: '102', mode: 2 })).text).toBe(SUCCESS);
    const events = await collectEvents(gateway(), '101', guid, 1);
    for (const event of events) expectEventShape(event, '101');
    expect(described(events)).toEqual([`AgentEvent_SuccTransResult {"result":1,"callId":"${callid}"}`]);
    await gateway().waitFor(async () => ((await bridgeOfCaller(callid)) === `${callid}.bridge` ? true : undefined), 5_000, 'the caller back with the agent');
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callid);
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([
      `AgentEvent_Call_Release {"callid":"${callid}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
    ]);
  });

  test('talk transfer of a skill call to a number, then confjoin: the caller on hold while the agent consults, then all three in the call bridge', async () => {
    const callid = await talking('5550145');
    const caller = (await gateway().core.getCall(callid))!.legs.find((leg) => leg.role === 'caller')!;
    expect((await gateway().http.post(`${VC}/confjoin`).set('Guid', guid).send({ callid })).text).toBe(failure('200-011', 'no held call for a three-party call'));
    expect((await gateway().http.post(`${VC}/transfer`).set('Guid', guid).send({ devicetype: 5, address: CONSULTED, mode: 3 })).text).toBe(SUCCESS);
    await gateway().waitFor(async () => ((await bridgeOfCaller(callid)) === `${callid}.hold` ? true : undefined), 10_000, 'the caller on hold');
    const third = await gateway().waitFor(
      async () => (await gateway().core.getCall(callid))!.legs.find((leg) => leg.role === 'third_party' && leg.state === 'up'),
      10_000,
      'the consulted party answering',
    );
    const events = await collectEvents(gateway(), '101', guid, 2);
    for (const event of events) expectEventShape(event, '101');
    expect(described(events)).toEqual([
      `AgentEvent_Customer_Alerting {"callid":"${callid}","otherPhone":"${CONSULTED}","otherPhoneWorkno":"","type":"main"}`,
      `AgentEvent_Talking {"caller":"5550145","called":"${CONSULTED}","callid":"${callid}","feature":"0","type":"main","mediaAbility":"1"}`,
    ]);
    expect((await gateway().http.post(`${VC}/confjoin`).set('Guid', guid).send({ callid })).text).toBe(SUCCESS);
    // Huawei cec_07_1358: the three talk; partner is the caller's number, then the consulted party's.
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual([`AgentEvent_Conference {"callid":"${callid}","partner":"5550145,${CONSULTED}"}`]);
    const bridge = await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((candidate) => candidate.channels.includes(caller.id) && candidate.channels.includes(third.id) && candidate.channels.length === 3),
      10_000,
      'caller, agent and consulted party in one bridge',
    );
    expect(bridge.id).toBe(`${callid}.bridge`);
    expect((await gateway().http.post(`${VC}/confjoin`).set('Guid', guid).send({ callid })).text).toBe(failure('200-011', 'no held call for a three-party call'));

    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([
      `AgentEvent_Call_Release {"callid":"${callid}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
    ]);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callid)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: '101' });
  });

  test('disconnect, then connecthold, on a skill call: the consulted number hung up with the caller still held; consulted again, the agent leaves caller and number talking', async () => {
    const callid = await talking('5550146');
    const caller = (await gateway().core.getCall(callid))!.legs.find((leg) => leg.role === 'caller')!;
    const consult = async () => {
      expect((await gateway().http.post(`${VC}/transfer`).set('Guid', guid).send({ devicetype: 5, address: CONSULTED, mode: 3 })).text).toBe(SUCCESS);
      expect(described(await collectEvents(gateway(), '101', guid, 2)).at(-1)).toMatch(/^AgentEvent_Talking /);
      return (await gateway().core.getCall(callid))!.legs.find((leg) => leg.role === 'third_party' && leg.state === 'up')!;
    };
    const first = await consult();
    expect((await gateway().http.post(`${VC}/disconnect/5550999`).set('Guid', guid)).text).toBe(failure('200-024', 'no such number to release in the call'));
    expect((await gateway().http.post(`${VC}/disconnect/${CONSULTED}`).set('Guid', guid)).text).toBe(SUCCESS);
    await gateway().waitFor(async () => ((await gateway().engineChannels()).some((channel) => channel.id === first.id) ? undefined : true), 10_000, 'the consulted number hung up');
    expect(await bridgeOfCaller(callid)).toBe(`${callid}.hold`);

    const second = await consult();
    expect((await gateway().http.post(`${VC}/connecthold/${callid}`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 4))).toEqual([
      `AgentEvent_Customer_Release {"callid":"${callid}"}`,
      'AgentState_Ready',
      `AgentEvent_Call_Release {"callid":"${callid}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
    ]);
    const bridge = await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((candidate) => candidate.id === `${callid}.bridge` && candidate.channels.includes(caller.id) && candidate.channels.includes(second.id)),
      10_000,
      'caller and consulted number in the call bridge',
    );
    expect(bridge.channels).toHaveLength(2);
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBeNull();
  });

  test('disconnect of the held caller by its number during a consultation: the caller is hung up, agent and number talk on; the number\'s hang-up ends the call (its CDR)', async () => {
    const callid = await talking('5550148');
    const caller = (await gateway().core.getCall(callid))!.legs.find((leg) => leg.role === 'caller')!;
    expect((await gateway().http.post(`${VC}/disconnect/5550148`).set('Guid', guid)).text).toBe(failure('200-024', 'no such number to release in the call'));
    expect((await gateway().http.post(`${VC}/transfer`).set('Guid', guid).send({ devicetype: 5, address: CONSULTED, mode: 3 })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 2)).at(-1)).toMatch(/^AgentEvent_Talking /);
    const consulted = (await gateway().core.getCall(callid))!.legs.find((leg) => leg.role === 'third_party' && leg.state === 'up')!;
    expect((await gateway().http.post(`${VC}/disconnect/5550148`).set('Guid', guid)).text).toBe(SUCCESS);
    await gateway().waitFor(async () => ((await gateway().engineChannels()).some((channel) => channel.id === caller.id) ? undefined : true), 10_000, 'the caller hung up');
    const agentLegId = (await gateway().core.getCall(callid))!.legs.find((leg) => leg.role === 'agent')!.id;
    const bridge = (await gateway().engineBridges()).find((candidate) => candidate.id === `${callid}.bridge`)!;
    expect([...bridge.channels].sort()).toEqual([agentLegId, consulted.id].sort());
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callid);
    // Nothing is sent for the released caller: the call goes on.
    expect(await drainEvents(gateway(), '101', guid)).toEqual([]);
    expect((await gateway().http.post(`${VC}/disconnect/5550148`).set('Guid', guid)).text).toBe(failure('200-024', 'no such number to release in the call'));
    await gateway().farEnd.hangup(consulted.id, 16);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([
      `AgentEvent_Customer_Release {"callid":"${callid}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
    ]);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callid)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: '101', fromNumber: '5550148' });
  });

  test('success-mode transfer of a skill call to a number: once the number answers the agent is told and leaves; the caller and the number talk on in the call bridge', async () => {
    const callid = await talking('5550147');
    const caller = (await gateway().core.getCall(callid))!.legs.find((leg) => leg.role === 'caller')!;
    expect((await gateway().http.post(`${VC}/transfer`).set('Guid', guid).send({ devicetype: 5, address: CONSULTED, mode: 2 })).text).toBe(SUCCESS);
    const events = await collectEvents(gateway(), '101', guid, 5);
    expect(described(events)).toEqual([
      `AgentEvent_Customer_Alerting {"callid":"${callid}","otherPhone":"${CONSULTED}","otherPhoneWorkno":"","type":"main"}`,
      `AgentEvent_SuccTransResult {"result":0,"callId":"${callid}"}`,
      'AgentState_Ready',
      `AgentEvent_Call_Release {"callid":"${callid}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
    ]);
    const third = await gateway().waitFor(
      async () => (await gateway().core.getCall(callid))!.legs.find((leg) => leg.role === 'third_party' && leg.state === 'up'),
      10_000,
      'the number answering',
    );
    await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((candidate) => candidate.id === `${callid}.bridge` && candidate.channels.includes(caller.id) && candidate.channels.includes(third.id)),
      10_000,
      'caller and number in the call bridge',
    );
    expect((await gateway().core.getCall(callid))?.call).toMatchObject({ state: 'answered', progress: { stage: 'connected', agentLeft: true } });
    expect((await gateway().http.post(`${VC}/transfer`).set('Guid', guid).send({ devicetype: 5, address: CONSULTED, mode: 2 })).text).toBe(failure('200-012', 'no call to transfer'));

    await gateway().farEnd.hangup(third.id, 16);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callid)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: '101' });
    expect(await drainEvents(gateway(), '101', guid)).toEqual([]);
  });
});
