import { collectEvents, described, drainEvents, expectEventShape, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SUCCESS, failure } from './wire-client';

const VC = `${BASE}/voicecall/101`;
const CUSTOMER = '800123456';

describe('CC-Gateway voice calls on the whole stack: callout, hold, gethold, release, dropcall', () => {
  const gateway = sharedCcgatewayGateway();
  let guid: string;

  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 300 });
    await gateway().farEnd.setNumber(CUSTOMER, { outcome: 'answer', ringMs: 300 });
    guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentOther_InService', 'AgentState_Ready']);
  });

  afterEach(async () => {
    await gateway().http.delete(`${BASE}/onlineagent/101/forcelogout`).set('Guid', guid);
    await gateway().waitFor(async () => (await gateway().core.listLiveCalls()).every(({ call }) => call.agentId !== '101'), 10_000, 'calls of agent 101 to end');
    await gateway().core.idle();
  });

  async function placeCall(): Promise<string> {
    const res = await gateway().http.put(`${VC}/callout`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send({ caller: '2120280001', called: CUSTOMER, callappdata: 'ticket=7' });
    const callId = (JSON.parse(res.text) as { result: string }).result;
    expect(res.text).toBe(`{"message":"success","retcode":"0","result":"${callId}"}`);
    const events = await collectEvents(gateway(), '101', guid, 5);
    for (const event of events) expectEventShape(event, '101');
    expect(described(events)).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook {"type":"main"}',
      'AgentState_Busy',
      `AgentEvent_Customer_Alerting {"callid":"${callId}","otherPhone":"${CUSTOMER}","otherPhoneWorkno":"","type":"main"}`,
      `AgentEvent_Talking {"caller":"2120280001","called":"${CUSTOMER}","callid":"${callId}","feature":"7","type":"main","mediaAbility":"1"}`,
    ]);
    return callId;
  }

  test('callout, hold (music on hold), gethold, release: each with its events; one CDR carrying the call data', async () => {
    const callId = await placeCall();
    expect((await gateway().http.post(`${VC}/hold`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual([`AgentEvent_Hold {"callid":"${callId}"}`]);
    const customerLeg = (await gateway().core.getCall(callId))!.legs.find((leg) => leg.role === 'customer')!;
    const holding = await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((bridge) => bridge.id === `${callId}.hold` && bridge.channels.includes(customerLeg.id)),
      10_000,
      'the customer in the holding bridge',
    );
    expect(holding.channels).toEqual([customerLeg.id]);
    expect((await gateway().http.post(`${VC}/hold`).set('Guid', guid)).text).toBe(failure('200-014', 'call state does not allow hold'));
    expect((await gateway().http.post(`${VC}/gethold?callid=${encodeURIComponent(callId)}`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))[0]).toMatch(/^AgentEvent_Talking /);
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([`AgentEvent_Call_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'agent_customer', agentId: '101', toNumber: CUSTOMER, data: { callappdata: 'ticket=7' } });
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(failure('200-017', 'no call to release'));
  });

  test('dropcall/{callid} and the legacy release path; the customer hanging up: Customer_Release', async () => {
    const first = await placeCall();
    expect((await gateway().http.post(`${VC}/dropcall/${encodeURIComponent(first)}`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))[0]).toBe(`AgentEvent_Call_Release {"callid":"${first}"}`);
    const second = await placeCall();
    expect((await gateway().http.delete(VC).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))[0]).toBe(`AgentEvent_Call_Release {"callid":"${second}"}`);
    const third = await placeCall();
    const customerLeg = (await gateway().core.getCall(third))!.legs.find((leg) => leg.role === 'customer')!;
    // Talking is told when the customer answers; the customer hangs up once it is bridged with the agent, in the talk.
    await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((bridge) => bridge.channels.includes(customerLeg.id)),
      10_000,
      'the customer bridged with the agent',
    );
    await gateway().farEnd.hangup(customerLeg.id, 16);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([`AgentEvent_Customer_Release {"callid":"${third}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
  });

  test('callout while the customer is held: the number is consulted in the same call, confjoin joins the three; without a hold: 100-009', async () => {
    const CONSULTED = '800123457';
    await gateway().farEnd.setNumber(CONSULTED, { outcome: 'answer', ringMs: 300 });
    const callId = await placeCall();
    expect((await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ called: CONSULTED })).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await gateway().http.post(`${VC}/hold`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual([`AgentEvent_Hold {"callid":"${callId}"}`]);
    const res = await gateway().http.put(`${VC}/callout`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send({ called: CONSULTED });
    expect(res.text).toBe(`{"message":"success","retcode":"0","result":"${callId}"}`);
    const { fromNumber } = (await gateway().core.getCall(callId))!.call;
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual([
      `AgentEvent_Customer_Alerting {"callid":"${callId}","otherPhone":"${CONSULTED}","otherPhoneWorkno":"","type":"main"}`,
      `AgentEvent_Talking {"caller":"${fromNumber}","called":"${CONSULTED}","callid":"${callId}","feature":"7","type":"main","mediaAbility":"1"}`,
    ]);
    const { call, legs } = (await gateway().core.getCall(callId))!;
    const customer = legs.find((leg) => leg.role === 'customer')!;
    const third = legs.find((leg) => leg.role === 'third_party' && leg.state === 'up')!;
    expect(call.progress).toMatchObject({ parkedLegIds: [customer.id] });
    // A third call while consulting is refused: the agent holds one call and talks on another.
    expect((await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ called: CONSULTED })).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await gateway().http.post(`${VC}/confjoin`).set('Guid', guid).send({ callid: callId })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual([`AgentEvent_Conference {"callid":"${callId}","partner":"${CUSTOMER},${CONSULTED}"}`]);
    const bridge = await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((candidate) => candidate.channels.includes(customer.id) && candidate.channels.includes(third.id) && candidate.channels.length === 3),
      10_000,
      'customer, agent and consulted party in one bridge',
    );
    expect(bridge.channels).toHaveLength(3);
  });

  test('seconddial and seconddialex: the keys reach the customer, no events; 000-002 for a bad number, 100-007 without a call', async () => {
    expect((await gateway().http.post(`${VC}/seconddial?number=123`).set('Guid', guid)).text).toBe(failure('100-007', 'internal error while executing the agent operation'));
    const callId = await placeCall();
    const customerLeg = (await gateway().core.getCall(callId))!.legs.find((leg) => leg.role === 'customer')!;
    for (const bad of ['', '12%23', '1a', '1'.repeat(25)]) {
      expect((await gateway().http.post(`${VC}/seconddial?number=${bad}`).set('Guid', guid)).text).toBe(failure('000-002', 'invalid parameter'));
    }
    expect((await gateway().http.post(`${VC}/seconddialex?number=1x`).set('Guid', guid)).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await gateway().http.post(`${VC}/seconddial`).set('Guid', guid)).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await gateway().http.post(`${VC}/seconddial?number=12*`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await gateway().http.post(`${VC}/seconddialex?number=3%234`).set('Guid', guid)).text).toBe(SUCCESS);
    const heard = await gateway().waitFor(async () => {
      const digits = await gateway().farEnd.heardDtmf(customerLeg.id);
      return digits.length >= 6 ? digits : false;
    }, 10_000, 'the customer to hear the keys');
    expect(heard).toBe('12*3#4');
    expect((await gateway().http.put(`${VC}/seconddial?number=1`).set('Guid', guid)).status).toBe(405);
    expect(await drainEvents(gateway(), '101', guid)).toEqual([]);
  });

  test('forcelogoutwithreason during a call: the call is released, the agent signed out with its cause; 100-005 for a cause out of 1-255', async () => {
    for (const reason of ['0', '256', 'x', '-1', '007']) {
      expect((await gateway().http.delete(`${BASE}/onlineagent/101/forcelogoutwithreason/${reason}`).set('Guid', guid)).text).toBe(failure('100-005', 'invalid sign-out parameter'));
    }
    const callId = await placeCall();
    const res = await gateway().http.delete(`${BASE}/onlineagent/101/forcelogoutwithreason/42`).set('Guid', guid).set('Content-Type', 'application/json; charset=UTF-8');
    expect(res.status).toBe(200);
    expect(res.text).toBe(SUCCESS);
    expect(await gateway().core.getAgentSession('101')).toBeNull();
    // The GUID dies with the session; the sign-out's event is the last the agent's mailbox got (the call's release comes after the session).
    expect((await gateway().http.get(`${BASE}/agentevent/101`).set('Guid', guid)).text).toBe(failure('100-006', 'agent not signed in'));
    await gateway().waitFor(async () => (await gateway().core.getCall(callId))?.call.state === 'ended' || undefined, 10_000, 'the call to end');
    const mailbox = await gateway().query<{ message: { eventType: string } }>("SELECT message FROM agent_mailbox WHERE agent_id = '101' AND channel = 'ccgateway' ORDER BY id");
    expect(mailbox.map((row) => row.message.eventType).at(-1)).toBe('AgentOther_ShutdownService');
    const logged = await gateway().query<{ data: Record<string, unknown> }>("SELECT data FROM event_log WHERE type = 'AgentLoggedOut' AND data->>'agentId' = '101' ORDER BY id DESC LIMIT 1");
    expect(logged[0]?.data).toEqual({ agentId: '101', via: 'ccgateway', reason: 'forced', cause: 42 });
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'agent_customer', agentId: '101', toNumber: CUSTOMER });
    expect((await gateway().http.delete(`${BASE}/onlineagent/101/forcelogoutwithreason/42`).set('Guid', guid)).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('a busy customer: AgentEvent_Call_Out_Fail with the call id, the agent idle again', async () => {
    await gateway().farEnd.setNumber(CUSTOMER, { outcome: 'busy', ringMs: 300 });
    const res = await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ called: CUSTOMER });
    const callId = (JSON.parse(res.text) as { result: string }).result;
    const events: string[] = [];
    while (events.at(-1) !== 'AgentState_Ready') events.push(...described(await collectEvents(gateway(), '101', guid, 1)));
    expect(events).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook {"type":"main"}',
      'AgentState_Busy',
      `AgentEvent_Customer_Alerting {"callid":"${callId}","otherPhone":"${CUSTOMER}","otherPhoneWorkno":"","type":"main"}`,
      `AgentEvent_Call_Out_Fail "${callId}"`,
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
    ]);
  });
});
