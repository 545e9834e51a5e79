import type { IncomingCall } from '@pbx-gateway/test-support';
import { collectEvents, described, drainEvents, expectEventShape, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SUCCESS, failure } from './wire-client';

// Agent 101 (phone 40038) talks with a customer: a caller on skill 15 (DID
// 2125550115) or a callout to 800123456. Inspector 201 (phone 102) listens,
// inserts or whispers, then intercepts: 101 is taken off the call and 201
// talks with the customer.
const QC = `${BASE}/qualitycontrol/201`;
const SKILL = '15';
const DID = '2125550115';
const CUSTOMER = '800123456';
const INSPECTOR_PHONE = '102';
const INSPECTOR_JOINED = ['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook {"type":"main"}'];

describe('CC-Gateway quality control of calls on the whole stack: the inspector takes over (intercept) or releases (forcedropcall) the agent\'s call', () => {
  const gateway = sharedCcgatewayGateway({
    extraProvisioning: {
      agents: [
        { id: '201', name: 'Inspector 201', secret: '', attributes: { ccgateway_inspector: '1' } },
        { id: '202', name: 'Agent 202', secret: '' },
      ],
      queues: [{ name: SKILL, strategy: 'longest_wait_time' }],
      didRoutes: [{ did: DID, queue: SKILL }],
    },
  });
  let agentGuid: string;
  let inspectorGuid: string;
  const callers: IncomingCall[] = [];

  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 200 });
    await gateway().farEnd.setPhone(INSPECTOR_PHONE, { outcome: 'answer', ringMs: 200 });
    await gateway().farEnd.setNumber(CUSTOMER, { outcome: 'answer', ringMs: 200 });
    agentGuid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    inspectorGuid = await signIn(gateway(), '201', { password: '', phonenum: INSPECTOR_PHONE }, true);
    await drainEvents(gateway(), '101', agentGuid);
    await drainEvents(gateway(), '201', inspectorGuid);
  });

  afterEach(async () => {
    for (const [agentId, guid] of [
      ['201', inspectorGuid],
      ['101', agentGuid],
    ] as const) {
      await gateway().http.delete(`${BASE}/onlineagent/${agentId}/forcelogout`).set('Guid', guid);
    }
    for (const caller of callers.splice(0)) await caller.hangup().catch(() => undefined);
    const ours = new Set(['101', '201']);
    const done = (call: { agentId: string | null; purpose: string }): boolean => !ours.has(call.agentId ?? '') && call.purpose !== 'inbound' && call.purpose !== 'supervision';
    await gateway().waitFor(async () => ((await gateway().core.listLiveCalls()).every(({ call }) => done(call)) ? true : undefined), 10_000, 'the calls of 101 and 201 to end');
    await gateway().core.idle();
  });

  /** A caller on the skill reaches 101, who talks with it. */
  async function skillCall(): Promise<{ callid: string; caller: IncomingCall }> {
    expect((await gateway().http.post(`${BASE}/onlineagent/101/resetskill/false?skillid=${SKILL}`).set('Guid', agentGuid)).text).toBe(SUCCESS);
    const caller = await gateway().farEnd.callIn(DID, '5550151');
    callers.push(caller);
    const events = await collectEvents(gateway(), '101', agentGuid, 5);
    expect(described(events).map((event) => event.split(' ')[0])).toEqual(['AgentEvent_Ringing', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook', 'AgentState_Busy', 'AgentEvent_Talking']);
    return { callid: (events[0]!.content as { callid: string }).callid, caller };
  }

  /** 101 calls the customer out and talks with it. */
  async function callout(): Promise<string> {
    const res = await gateway().http.put(`${BASE}/voicecall/101/callout`).set('Guid', agentGuid).send({ caller: '2120280001', called: CUSTOMER });
    const callid = (JSON.parse(res.text) as { result: string }).result;
    expect(described(await collectEvents(gateway(), '101', agentGuid, 5)).at(-1)).toMatch(/^AgentEvent_Talking /);
    return callid;
  }

  /** 201 supervises 101 in a mode, until its snoop has joined. */
  async function supervise(path: string): Promise<void> {
    expect((await gateway().http.put(`${QC}/${path}`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '201', inspectorGuid, 3))).toEqual(INSPECTOR_JOINED);
    await gateway().waitFor(async () => ((await gateway().core.listLiveCalls()).some(({ call }) => call.purpose === 'supervision' && (call.progress as { stage: string }).stage === 'supervising') ? true : undefined), 10_000, 'the supervision joined');
  }

  /** The inspector's phone in the customer's call bridge with the customer, and no snoop left. */
  async function inspectorInTheCall(callid: string, customerRole: 'caller' | 'customer'): Promise<void> {
    const { call, legs } = (await gateway().core.getCall(callid))!;
    expect(call.agentId).toBe('201');
    const inspector = legs.find((leg) => leg.role === 'agent' && leg.dialedNumber === INSPECTOR_PHONE)!;
    const customer = legs.find((leg) => leg.role === customerRole)!;
    expect(inspector.state).toBe('up');
    await gateway().waitFor(
      async () => (await gateway().engineBridges()).find((bridge) => bridge.id === call.bridgeId && bridge.channels.length === 2 && bridge.channels.includes(inspector.id) && bridge.channels.includes(customer.id)),
      10_000,
      'the inspector and the customer in the call bridge',
    );
    await gateway().waitFor(async () => ((await gateway().engineChannels()).some((channel) => channel.name.startsWith('Snoop/') && channel.dialplan.app_name !== '') ? undefined : true), 10_000, 'no snoop left');
  }

  test('a skill call, listened to, intercepted: 101 Call_Release, PhoneRelease, Ready; 201 Talking; the caller hangs up: 201 Customer_Release, PhoneRelease, Ready; two CDRs', async () => {
    const { callid, caller } = await skillCall();
    await supervise('addsupervise/101');

    expect((await gateway().http.put(`${QC}/intercept/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    const inspector = await collectEvents(gateway(), '201', inspectorGuid, 1);
    expectEventShape(inspector[0]!, '201');
    expect(described(inspector)).toEqual([`AgentEvent_Talking {"caller":"5550151","called":"${DID}","callid":"${callid}","feature":"0","type":"main","mediaAbility":"1"}`]);
    const agent = await collectEvents(gateway(), '101', agentGuid, 3);
    for (const event of agent) expectEventShape(event, '101');
    expect(described(agent)).toEqual([`AgentEvent_Call_Release {"callid":"${callid}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    await inspectorInTheCall(callid, 'caller');
    expect((await gateway().http.get(`${BASE}/onlineagent/101/agentstatus`).set('Guid', agentGuid)).text).toBe('{"message":"","retcode":"0","result":1}');
    expect((await gateway().http.get(`${BASE}/onlineagent/201/agentstatus`).set('Guid', inspectorGuid)).text).toBe('{"message":"","retcode":"0","result":5}');

    await caller.hangup();
    expect(described(await collectEvents(gateway(), '201', inspectorGuid, 3))).toEqual([`AgentEvent_Customer_Release {"callid":"${callid}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    expect(await drainEvents(gateway(), '101', agentGuid)).toEqual([]);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callid)) ?? undefined, 10_000, 'the CDR of the skill call');
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: '201', toNumber: DID, hangupSide: 'caller' });
    const supervision = await gateway().waitFor(
      async () => {
        const rows = await gateway().query<{ purpose: string; agent_id: string }>("SELECT purpose, agent_id FROM cdrs WHERE purpose = 'supervision'");
        return rows.length > 0 ? rows : undefined;
      },
      10_000,
      'the CDR of the supervision',
    );
    expect(supervision).toEqual([{ purpose: 'supervision', agent_id: '201' }]);
  });

  test('a callout, inserted into, intercepted by its call id; the inspector releases it: Call_Release, PhoneRelease, Ready', async () => {
    const callid = await callout();
    await supervise('addinsert/101');
    expect((await gateway().http.put(`${QC}/intercept/101/${encodeURIComponent(callid)}`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '201', inspectorGuid, 1))).toEqual([`AgentEvent_Talking {"caller":"2120280001","called":"${CUSTOMER}","callid":"${callid}","feature":"7","type":"main","mediaAbility":"1"}`]);
    expect(described(await collectEvents(gateway(), '101', agentGuid, 3))).toEqual([`AgentEvent_Call_Release {"callid":"${callid}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    await inspectorInTheCall(callid, 'customer');

    expect((await gateway().http.delete(`${BASE}/voicecall/201/release`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '201', inspectorGuid, 3))).toEqual([`AgentEvent_Call_Release {"callid":"${callid}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    expect(await drainEvents(gateway(), '101', agentGuid)).toEqual([]);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callid)) ?? undefined, 10_000, 'the CDR of the callout');
    expect(cdr).toMatchObject({ purpose: 'agent_customer', agentId: '201', toNumber: CUSTOMER });
  });

  test('refusals: nothing supervised, another call id, no inspection right (100-009, 100-009, 000-003); POST is 405; the call goes on untouched', async () => {
    const callid = await callout();
    expect((await gateway().http.put(`${QC}/intercept/101`).set('Guid', inspectorGuid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    await supervise('addsupervise/101');
    expect((await gateway().http.put(`${QC}/intercept/101/not-this-call`).set('Guid', inspectorGuid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    const post = await gateway().http.post(`${QC}/intercept/101`).set('Guid', inspectorGuid);
    expect([post.status, post.text, post.headers.allow]).toEqual([405, '', 'PUT']);
    const plainGuid = await signIn(gateway(), '202', { password: '', phonenum: '1000' }, true);
    expect((await gateway().http.put(`${BASE}/qualitycontrol/202/intercept/101`).set('Guid', plainGuid)).text).toBe(failure('000-003', 'no permission'));
    await gateway().http.delete(`${BASE}/onlineagent/202/forcelogout`).set('Guid', plainGuid);
    expect((await gateway().core.getCall(callid))?.call.agentId).toBe('101');
    expect(await drainEvents(gateway(), '101', agentGuid)).toEqual([]);
  });

  test('forcedropcall/{callid}: the agent\'s call is released (Call_Release, PhoneRelease, Ready; its CDR); an unknown or ended call: 100-009', async () => {
    const callid = await callout();
    expect((await gateway().http.post(`${QC}/forcedropcall/${encodeURIComponent(callid)}`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', agentGuid, 3))).toEqual([`AgentEvent_Call_Release {"callid":"${callid}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callid)) ?? undefined, 10_000, 'the CDR of the callout');
    expect(cdr).toMatchObject({ purpose: 'agent_customer', agentId: '101', toNumber: CUSTOMER });
    const refused = failure('100-009', 'agent state cannot be changed');
    expect((await gateway().http.post(`${QC}/forcedropcall/${encodeURIComponent(callid)}`).set('Guid', inspectorGuid)).text).toBe(refused);
    expect((await gateway().http.post(`${QC}/forcedropcall/no-such-call`).set('Guid', inspectorGuid)).text).toBe(refused);
    expect(await drainEvents(gateway(), '201', inspectorGuid)).toEqual([]);
  });
});
