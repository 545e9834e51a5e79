import { collectEvents, described, drainEvents, expectEventShape, sharedCcgatewayGateway, signIn, type WireEventSeen } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SUCCESS, failure } from './wire-client';

// Agent 101 (phone 40038) calls agent 202 (phone 102) by work number.
const VC = `${BASE}/voicecall/101`;
const CALLED_PHONE = '102';

describe('CC-Gateway callinner on the whole stack: one agent calls another, both see their events, one CDR', () => {
  const gateway = sharedCcgatewayGateway({ extraProvisioning: { agents: [{ id: '202', name: 'Agent 202', secret: '' }] } });
  let callerGuid: string;
  let calledGuid: string;

  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 200 });
    await gateway().farEnd.setPhone(CALLED_PHONE, { outcome: 'answer', ringMs: 200 });
    callerGuid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    calledGuid = await signIn(gateway(), '202', { password: '', phonenum: CALLED_PHONE }, true);
    await drainEvents(gateway(), '101', callerGuid);
    await drainEvents(gateway(), '202', calledGuid);
  });

  afterEach(async () => {
    await gateway().http.delete(`${BASE}/onlineagent/202/forcelogout`).set('Guid', calledGuid);
    await gateway().http.delete(`${BASE}/onlineagent/101/forcelogout`).set('Guid', callerGuid);
    const ours = new Set(['101', '202']);
    await gateway().waitFor(async () => ((await gateway().core.listLiveCalls()).every(({ call }) => !ours.has(call.agentId ?? '')) ? true : undefined), 10_000, 'the calls of 101 to end');
    await gateway().core.idle();
  });

  const callInner = (body: Record<string, unknown>, guid = callerGuid) => gateway().http.put(`${VC}/callinner`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send(body);

  /** Events of an agent until (and with) the one that ends its part of the call. */
  async function eventsUntilReady(agentId: string, guid: string): Promise<string[]> {
    const seen: WireEventSeen[] = [];
    while (described(seen).at(-1) !== 'AgentState_Ready') seen.push(...(await collectEvents(gateway(), agentId, guid, 1)));
    for (const event of seen) expectEventShape(event, agentId);
    return described(seen);
  }

  async function placeCall(): Promise<string> {
    const res = await callInner({ called: '202', caller: '40038', callappdata: 'ticket=9' });
    const callId = (JSON.parse(res.text) as { result: string }).result;
    expect(res.text).toBe(`{"message":"success","retcode":"0","result":"${callId}"}`);
    expect(described(await collectEvents(gateway(), '101', callerGuid, 5))).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook {"type":"main"}',
      'AgentState_Busy',
      `AgentEvent_Customer_Alerting {"callid":"${callId}","otherPhone":"202","otherPhoneWorkno":"202","type":"main"}`,
      `AgentEvent_Talking {"caller":"40038","called":"202","callid":"${callId}","feature":"6","type":"main","mediaAbility":"1"}`,
    ]);
    expect(described(await collectEvents(gateway(), '202', calledGuid, 4))).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook {"type":"main"}',
      'AgentState_Busy',
      `AgentEvent_Talking {"caller":"40038","called":"202","callid":"${callId}","feature":"6","type":"main","mediaAbility":"1"}`,
    ]);
    // Both phones talk in the call's bridge.
    const legs = (await gateway().core.getCall(callId))!.legs.map((leg) => leg.id);
    await gateway().waitFor(async () => (await gateway().engineBridges()).find((bridge) => legs.every((leg) => bridge.channels.includes(leg))), 10_000, 'both phones bridged');
    return callId;
  }

  test('the caller releases: Call_Release to it, Customer_Release to the called agent, both phones released, both idle; one CDR with the call data', async () => {
    const callId = await placeCall();
    // An internal call has no customer: it cannot be held, transferred, joined or muted.
    expect((await gateway().http.post(`${VC}/hold`).set('Guid', callerGuid)).text).toMatch(/"retcode":"200-013"/);
    expect((await gateway().http.post(`${VC}/transfer`).set('Guid', callerGuid).send({ devicetype: 5, address: '800123456', mode: 3 })).text).toMatch(/"retcode":"200-012"/);
    expect((await gateway().http.post(`${VC}/confjoin`).set('Guid', callerGuid).send({ callid: callId })).text).toMatch(/"retcode":"200-010"/);
    expect((await gateway().http.post(`${VC}/beginmute`).set('Guid', callerGuid)).text).toMatch(/"retcode":"200-003"/);
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', callerGuid)).text).toBe(SUCCESS);
    expect(await eventsUntilReady('101', callerGuid)).toEqual([`AgentEvent_Call_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    expect(await eventsUntilReady('202', calledGuid)).toEqual([`AgentEvent_Customer_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'agent_internal', agentId: '101', fromNumber: '40038', toNumber: '202', data: { callappdata: 'ticket=9' } });
  });

  test('the called agent hangs up its phone: Customer_Release to the caller, Call_Release to it', async () => {
    const callId = await placeCall();
    const calledLeg = (await gateway().core.getCall(callId))!.legs.find((leg) => leg.endpoint.includes(CALLED_PHONE))!;
    await gateway().farEnd.hangup(calledLeg.id, 16);
    expect(await eventsUntilReady('202', calledGuid)).toEqual([`AgentEvent_Call_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":2}', 'AgentState_Ready']);
    expect(await eventsUntilReady('101', callerGuid)).toEqual([`AgentEvent_Customer_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
  });

  test('the called agent does not answer: AgentEvent_Inside_Call_Fail to the caller; both idle again', async () => {
    await gateway().farEnd.setPhone(CALLED_PHONE, { outcome: 'busy', ringMs: 200 });
    const res = await callInner({ called: '202' });
    const callId = (JSON.parse(res.text) as { result: string }).result;
    const alerting = `AgentEvent_Customer_Alerting {"callid":"${callId}","otherPhone":"202","otherPhoneWorkno":"202","type":"main"}`;
    const seen = await eventsUntilReady('101', callerGuid);
    // A busy phone may ring before it turns the call away (180 then 486, as a SIP phone on the real engine does) or refuse at once.
    const rang = seen.includes(alerting) ? [alerting] : [];
    expect(seen).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook {"type":"main"}',
      'AgentState_Busy',
      ...rang,
      `AgentEvent_Inside_Call_Fail "${callId}"`,
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
    ]);
    // The called agent's phone alerts when it rang, and is released as turned away by its user.
    expect(await eventsUntilReady('202', calledGuid)).toEqual([...(rang.length > 0 ? ['AgentOther_PhoneAlerting'] : []), 'AgentOther_PhoneRelease {"phoneState":2}', 'AgentState_Ready']);
  });

  test('refusals: a target not signed in (100-006), busy (100-009), a caller in a call (100-009), a bad work number (000-002)', async () => {
    expect((await callInner({ called: '303' })).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await callInner({})).text).toMatch(/"retcode":"000-002"/);
    expect((await callInner({ called: 'abc' })).text).toMatch(/"retcode":"000-002"/);
    expect((await callInner({ called: '101' })).text).toMatch(/"retcode":"000-002"/);
    expect((await gateway().http.post(`${BASE}/onlineagent/202/saybusy`).set('Guid', calledGuid)).text).toBe(SUCCESS);
    expect((await callInner({ called: '202' })).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await gateway().http.post(`${BASE}/onlineagent/202/cancelbusy`).set('Guid', calledGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '202', calledGuid, 3))).toEqual(['AgentState_SetNotReady_Success {"reason":"0"}', 'AgentState_CancelNotReady_Success', 'AgentState_Ready']);
    await placeCall();
    expect((await callInner({ called: '202' })).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await gateway().core.listLiveCalls()).filter(({ call }) => call.purpose === 'agent_internal')).toHaveLength(1);
  });
});
