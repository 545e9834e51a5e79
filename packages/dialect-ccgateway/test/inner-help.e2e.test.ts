import { collectEvents, described, drainEvents, expectEventShape, sharedCcgatewayGateway, signIn, type WireEventSeen } from './integration-support';
import type { IncomingCall } from '@pbx-gateway/test-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SUCCESS, failure } from './wire-client';

// Agent 101 (phone 40038) talks with a customer and asks agent 202 (phone 102) for help.
const VC = `${BASE}/voicecall/101`;
const CUSTOMER = '800123456';
const HELPER_PHONE = '102';
// Skill 13, reached on DID 2125550113, is served by agent 101 alone (its manual skill list).
const SKILL = '13';
const DID = '2125550113';
/** The calls these tests make; the gateway's own standing calls (agents' phones of other suites) are left alone. */
const CUSTOMER_CALLS = new Set(['agent_customer', 'inbound']);

describe('CC-Gateway innerhelp on the whole stack: the helping agent is rung into the call in its own session', () => {
  const gateway = sharedCcgatewayGateway(
    {
      extraProvisioning: {
        agents: [{ id: '202', name: 'Agent 202', secret: '' }],
        queues: [{ name: SKILL, strategy: 'longest_wait_time' }],
        didRoutes: [{ did: DID, queue: SKILL }],
      },
    },
    300_000,
  );
  /** Callers of the skill, hung up after each test (on Asterisk the far end is a SIP peer). */
  const callers: IncomingCall[] = [];
  let guid: string;
  let helperGuid: string;

  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 200 });
    await gateway().farEnd.setPhone(HELPER_PHONE, { outcome: 'answer', ringMs: 200 });
    await gateway().farEnd.setNumber(CUSTOMER, { outcome: 'answer', ringMs: 200 });
    guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    helperGuid = await signIn(gateway(), '202', { password: '', phonenum: HELPER_PHONE }, true);
    await drainEvents(gateway(), '101', guid);
    await drainEvents(gateway(), '202', helperGuid);
  });

  afterEach(async () => {
    await gateway().http.delete(`${BASE}/onlineagent/202/forcelogout`).set('Guid', helperGuid);
    await gateway().http.delete(`${BASE}/onlineagent/101/forcelogout`).set('Guid', guid);
    for (const caller of callers.splice(0)) await caller.hangup().catch(() => undefined);
    // Parties left behind (customer and helper talking on) hang up as callers would.
    for (const { call, legs } of await gateway().core.listLiveCalls()) {
      if (CUSTOMER_CALLS.has(call.purpose)) for (const leg of legs) if (leg.state !== 'ended') await gateway().farEnd.hangup(leg.id, 16).catch(() => undefined);
    }
    await gateway().waitFor(async () => (await gateway().core.listLiveCalls()).every(({ call }) => !CUSTOMER_CALLS.has(call.purpose)), 10_000, 'customer calls to end');
    await gateway().core.idle();
  });

  const innerHelp = (body: Record<string, unknown>) => gateway().http.post(`${VC}/innerhelp`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send(body);

  /** Events of an agent until (and with) its state after the call. */
  async function eventsUntilReady(agentId: string, agentGuid: string): Promise<string[]> {
    const seen: WireEventSeen[] = [];
    while (described(seen).at(-1) !== 'AgentState_Ready') seen.push(...(await collectEvents(gateway(), agentId, agentGuid, 1)));
    for (const event of seen) expectEventShape(event, agentId);
    return described(seen);
  }

  /** A callout of agent 101 answered by the customer. */
  async function talkWithCustomer(): Promise<string> {
    const res = await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ called: CUSTOMER });
    const callId = (JSON.parse(res.text) as { result: string }).result;
    expect(described(await collectEvents(gateway(), '101', guid, 5)).at(-1)).toMatch(/^AgentEvent_Talking /);
    return callId;
  }

  const legsOf = async (callId: string) => {
    const legs = (await gateway().core.getCall(callId))!.legs;
    return { agent: legs.find((leg) => leg.role === 'agent')!.id, customer: legs.find((leg) => leg.role === 'customer')!.id, helper: legs.find((leg) => leg.role === 'third_party')?.id };
  };

  const bridgeWith = (bridgeId: string, inside: string[], outside: string[] = []) =>
    gateway().waitFor(
      async () => (await gateway().engineBridges()).find((bridge) => bridge.id === bridgeId && inside.every((id) => bridge.channels.includes(id)) && outside.every((id) => !bridge.channels.includes(id))),
      10_000,
      `${inside.join(', ')} in ${bridgeId}`,
    );

  /** The requester's events of a two-party help that 202 answered, `caller` the number the customer sees: the customer held, the agents talking. */
  const requesterHelped = (callId: string, caller: string) => [
    `AgentEvent_Hold {"callid":"${callId}"}`,
    `AgentEvent_Customer_Alerting {"callid":"${callId}","otherPhone":"202","otherPhoneWorkno":"202","type":"main"}`,
    `AgentEvent_Talking {"caller":"${caller}","called":"202","callid":"${callId}","feature":"7","type":"main","mediaAbility":"1"}`,
  ];

  /** The helper's events of a help it answered. */
  const helperAnswered = (callId: string) => [
    'AgentOther_PhoneAlerting',
    'AgentOther_PhoneOffhook {"type":"main"}',
    'AgentState_Busy',
    `AgentEvent_Talking {"caller":"101","called":"202","callid":"${callId}","feature":"6","type":"main","mediaAbility":"1"}`,
  ];

  test('two-party help: the customer held, the agents talk; the helper hangs up, gethold brings the customer back; one CDR', async () => {
    const callId = await talkWithCustomer();
    const res = await innerHelp({ dstaddress: '202', devicetype: 2, mode: 1, callappdata: 'ticket=9' });
    expect(res.text).toBe(`{"message":"success","retcode":"0","result":"${callId}"}`);
    // The callout's caller id, the number the customer sees.
    const caller = (await gateway().core.getCall(callId))!.call.fromNumber;
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(requesterHelped(callId, caller));
    expect(described(await collectEvents(gateway(), '202', helperGuid, 4))).toEqual(helperAnswered(callId));
    const { agent, customer, helper } = await legsOf(callId);
    await bridgeWith(`${callId}.bridge`, [agent, helper!], [customer]);
    await bridgeWith(`${callId}.hold`, [customer]);
    expect((await gateway().core.getAgentSession('202'))?.currentCallId).toBe(callId);
    // A second help while one is on the call: 000-002.
    expect((await innerHelp({ dstaddress: '202' })).text).toBe(failure('000-002', 'invalid parameter'));

    await gateway().farEnd.hangup(helper!, 16);
    expect(await eventsUntilReady('202', helperGuid)).toEqual([`AgentEvent_Call_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":2}', 'AgentState_Ready']);
    expect((await gateway().http.post(`${VC}/gethold`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual([`AgentEvent_Talking {"caller":"${caller}","called":"${CUSTOMER}","callid":"${callId}","feature":"7","type":"main","mediaAbility":"1"}`]);
    await bridgeWith(`${callId}.bridge`, [agent, customer]);
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(await eventsUntilReady('101', guid)).toEqual([`AgentEvent_Call_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'agent_customer', agentId: '101', toNumber: CUSTOMER });
  });

  test('three-party help: the helper joins agent and customer (AgentEvent_Conference); disconnect of its work number releases it', async () => {
    const callId = await talkWithCustomer();
    expect((await innerHelp({ dstaddress: '202', mode: '2' })).text).toBe(`{"message":"success","retcode":"0","result":"${callId}"}`);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual([
      `AgentEvent_Customer_Alerting {"callid":"${callId}","otherPhone":"202","otherPhoneWorkno":"202","type":"main"}`,
      `AgentEvent_Conference {"callid":"${callId}","partner":"${CUSTOMER},202"}`,
    ]);
    expect(described(await collectEvents(gateway(), '202', helperGuid, 4))).toEqual(helperAnswered(callId));
    const { agent, customer, helper } = await legsOf(callId);
    await bridgeWith(`${callId}.bridge`, [agent, customer, helper!]);

    expect((await gateway().http.post(`${VC}/disconnect/202`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(await eventsUntilReady('202', helperGuid)).toEqual([`AgentEvent_Customer_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    await bridgeWith(`${callId}.bridge`, [agent, customer], [helper!]);
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callId);
    expect((await gateway().core.getAgentSession('202'))?.currentCallId).toBeNull();
  });

  test('netplay during three-party help is refused (500-007, Huawei: not in a three-party call); after disconnect of the helper it plays into the call', async () => {
    const callId = await talkWithCustomer();
    expect((await innerHelp({ dstaddress: '202', mode: '2' })).text).toBe(`{"message":"success","retcode":"0","result":"${callId}"}`);
    expect(described(await collectEvents(gateway(), '101', guid, 2)).at(-1)).toBe(`AgentEvent_Conference {"callid":"${callId}","partner":"${CUSTOMER},202"}`);
    expect(described(await collectEvents(gateway(), '202', helperGuid, 4))).toEqual(helperAnswered(callId));
    const netplay = () =>
      gateway().http.post(`${BASE}/recordplay/101/netplay`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send({ fileName: 'Y:/1/0/20180621/105/1406470.V3', ccId: 1 });
    expect((await netplay()).text).toBe(failure('500-007', 'state does not allow starting playback'));
    expect(await gateway().core.activeAgentPlayback('101')).toBeNull();
    expect((await gateway().http.post(`${VC}/disconnect/202`).set('Guid', guid)).text).toBe(SUCCESS);
    await eventsUntilReady('202', helperGuid);
    expect((await netplay()).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(['AgentMediaEvent_Play_Succ', 'AgentMediaEvent_Play', 'AgentMediaEvent_StopPlayDone {"cause":0}']);
    expect((await gateway().core.getCall(callId))?.call.state).toBe('answered');
  });

  test('connecthold during two-party help: the agent leaves, customer and helper talk; the customer hangs up: Customer_Release to the helper', async () => {
    const callId = await talkWithCustomer();
    expect((await innerHelp({ dstaddress: '202' })).text).toBe(`{"message":"success","retcode":"0","result":"${callId}"}`);
    expect(described(await collectEvents(gateway(), '101', guid, 3)).at(-1)).toMatch(/^AgentEvent_Talking /);
    expect(described(await collectEvents(gateway(), '202', helperGuid, 4))).toEqual(helperAnswered(callId));
    const { customer, helper } = await legsOf(callId);
    expect((await gateway().http.post(`${VC}/connecthold/${callId}`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 4))).toEqual([
      `AgentEvent_Customer_Release {"callid":"${callId}"}`,
      'AgentState_Ready',
      `AgentEvent_Call_Release {"callid":"${callId}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
    ]);
    await bridgeWith(`${callId}.bridge`, [customer, helper!]);
    expect((await gateway().core.getAgentSession('202'))?.currentCallId).toBe(callId);
    await gateway().farEnd.hangup(customer, 16);
    expect(await eventsUntilReady('202', helperGuid)).toEqual([`AgentEvent_Customer_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'agent_customer', agentId: '101' });
  });

  test('the helper does not answer: its phone is released and it is idle again; the customer stays held for gethold', async () => {
    await gateway().farEnd.setPhone(HELPER_PHONE, { outcome: 'busy', ringMs: 200 });
    const callId = await talkWithCustomer();
    expect((await innerHelp({ dstaddress: '202' })).text).toBe(`{"message":"success","retcode":"0","result":"${callId}"}`);
    const helperSeen = await eventsUntilReady('202', helperGuid);
    // A busy phone may ring before it turns the call away (180 then 486, as a SIP phone on the real engine does) or refuse at once.
    const rang = helperSeen[0] === 'AgentOther_PhoneAlerting' ? ['AgentOther_PhoneAlerting'] : [];
    expect(helperSeen).toEqual([...rang, 'AgentOther_PhoneRelease {"phoneState":2}', 'AgentState_Ready']);
    const { customer } = await legsOf(callId);
    await bridgeWith(`${callId}.hold`, [customer]);
    expect((await gateway().http.post(`${VC}/gethold`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callId);
  });

  test('help on a skill call: the caller held, the helper talks with the agent; the helper hangs up and the agent takes the caller back', async () => {
    // Agent 202 signs in only once 101 has the call, so that the call cannot reach it.
    await gateway().http.delete(`${BASE}/onlineagent/202/forcelogout`).set('Guid', helperGuid);
    expect((await gateway().http.post(`${BASE}/onlineagent/101/resetskill/false?skillid=${SKILL}`).set('Guid', guid)).text).toBe(SUCCESS);
    await drainEvents(gateway(), '101', guid);
    callers.push(await gateway().farEnd.callIn(DID, '5550142'));
    const offered = await collectEvents(gateway(), '101', guid, 5);
    expect(offered.at(-1)?.eventType).toBe('AgentEvent_Talking');
    const callId = (offered[0]!.content as { callid: string }).callid;
    helperGuid = await signIn(gateway(), '202', { password: '', phonenum: HELPER_PHONE }, true);
    await drainEvents(gateway(), '202', helperGuid);

    expect((await innerHelp({ dstaddress: '202' })).text).toBe(`{"message":"success","retcode":"0","result":"${callId}"}`);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([
      `AgentEvent_Hold {"callid":"${callId}"}`,
      `AgentEvent_Customer_Alerting {"callid":"${callId}","otherPhone":"202","otherPhoneWorkno":"202","type":"main"}`,
      `AgentEvent_Talking {"caller":"5550142","called":"202","callid":"${callId}","feature":"0","type":"main","mediaAbility":"1"}`,
    ]);
    expect(described(await collectEvents(gateway(), '202', helperGuid, 4))).toEqual(helperAnswered(callId));
    const legs = (await gateway().core.getCall(callId))!.legs;
    const callerLeg = legs.find((leg) => leg.role === 'caller')!.id;
    const helper = legs.find((leg) => leg.role === 'third_party')!.id;
    await bridgeWith(`${callId}.hold`, [callerLeg]);
    await gateway().farEnd.hangup(helper, 16);
    expect(await eventsUntilReady('202', helperGuid)).toEqual([`AgentEvent_Call_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":2}', 'AgentState_Ready']);
    expect((await gateway().http.post(`${VC}/gethold`).set('Guid', guid)).text).toBe(SUCCESS);
    await bridgeWith(`${callId}.bridge`, [callerLeg], [helper]);
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBe(callId);
  });

  test("help from a skill: the skill's idle agent is rung in as the helper; it releases itself by its work number, and gethold brings the customer back", async () => {
    expect((await gateway().http.post(`${BASE}/onlineagent/202/resetskill/false?skillid=${SKILL}`).set('Guid', helperGuid)).text).toBe(SUCCESS);
    await drainEvents(gateway(), '202', helperGuid);
    const callId = await talkWithCustomer();
    expect((await innerHelp({ dstaddress: SKILL, devicetype: 1 })).text).toBe(`{"message":"success","retcode":"0","result":"${callId}"}`);
    // The callout's caller id, the number the customer sees.
    const caller = (await gateway().core.getCall(callId))!.call.fromNumber;
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(requesterHelped(callId, caller));
    expect(described(await collectEvents(gateway(), '202', helperGuid, 4))).toEqual(helperAnswered(callId));
    const { agent, customer, helper } = await legsOf(callId);
    await bridgeWith(`${callId}.bridge`, [agent, helper!], [customer]);
    // The helper releases only itself.
    const helperDisconnect = (number: string) => gateway().http.post(`${BASE}/voicecall/202/disconnect/${number}`).set('Guid', helperGuid);
    expect((await helperDisconnect('101')).text).toBe(failure('200-024', 'no such number to release in the call'));
    expect((await helperDisconnect('202')).text).toBe(SUCCESS);
    expect(await eventsUntilReady('202', helperGuid)).toEqual([`AgentEvent_Call_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":2}', 'AgentState_Ready']);
    await bridgeWith(`${callId}.bridge`, [agent], [helper!]);
    expect((await gateway().http.post(`${VC}/gethold`).set('Guid', guid)).text).toBe(SUCCESS);
    await bridgeWith(`${callId}.bridge`, [agent, customer]);
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'agent_customer', agentId: '101', toNumber: CUSTOMER });
  });

  test('refusals: no call (100-009), a helper not signed in (100-006) or busy (100-009), bad bodies (000-002), an unknown skill (000-002) or one with nobody idle (100-009)', async () => {
    expect((await gateway().http.post(`${BASE}/onlineagent/101/resetskill/false?skillid=${SKILL}`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await innerHelp({ dstaddress: '202' })).text).toBe(failure('100-009', 'agent state cannot be changed'));
    await talkWithCustomer();
    expect((await innerHelp({})).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await innerHelp({ dstaddress: 'abc' })).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await innerHelp({ dstaddress: '202', mode: 3 })).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await innerHelp({ dstaddress: '202', devicetype: 5 })).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await innerHelp({ dstaddress: '101' })).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await innerHelp({ dstaddress: '303' })).text).toBe(failure('100-006', 'agent not signed in'));
    // Skill 7 is no queue of the centre.
    expect((await innerHelp({ dstaddress: '7', devicetype: 1 })).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await gateway().http.post(`${BASE}/onlineagent/202/saybusy`).set('Guid', helperGuid)).text).toBe(SUCCESS);
    expect((await innerHelp({ dstaddress: '202' })).text).toBe(failure('100-009', 'agent state cannot be changed'));
    // Skill 13 has no idle agent: 101 asks, and 202 (of the skill or not) is busy.
    expect((await innerHelp({ dstaddress: SKILL, devicetype: 1 })).text).toBe(failure('100-009', 'agent state cannot be changed'));
    // Nothing was dialled or held by the refusals.
    const live = (await gateway().core.listLiveCalls()).filter(({ call }) => call.purpose === 'agent_customer');
    expect(live).toHaveLength(1);
    expect(live[0]!.legs.filter((leg) => leg.role === 'third_party')).toHaveLength(0);
    expect(live[0]!.call.progress).not.toHaveProperty('parkedLegIds');
  });
});
