import { collectEvents, described, drainEvents, expectEventShape, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

// Skill 11 is an inbound queue of the core (as a VICIdial in-group is), reached on
// DID 2125550111. Agent 101 signs in with Huawei's sample (phone 40038) and serves
// it through resetskill; a caller on the carrier calls the DID.
const SKILL = '11';
const DID = '2125550111';
const AG = `${BASE}/onlineagent/101`;

describe('CC-Gateway skills on the whole stack: a call queued on a skill reaches the signed-in idle agent', () => {
  const gateway = sharedCcgatewayGateway({
    extraProvisioning: { queues: [{ name: SKILL, strategy: 'longest_wait_time' }], didRoutes: [{ did: DID, queue: SKILL }] },
  });
  let guid: string;

  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 300 });
    guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentOther_InService', 'AgentState_Ready']);
  });

  afterEach(async () => {
    await gateway().http.delete(`${AG}/forcelogout`).set('Guid', guid);
    await gateway().waitFor(async () => (await gateway().core.listLiveCalls()).every(({ call }) => call.agentId !== '101' && call.purpose !== 'inbound'), 10_000, 'the skill calls to end');
    await gateway().core.idle();
  });

  test('resetskill, a call on the skill: Ringing, PhoneAlerting, PhoneOffhook, Busy, Talking; the customer hangs up: Customer_Release, PhoneRelease, Ready; one CDR', async () => {
    expect((await gateway().http.post(`${AG}/resetskill/false?skillid=${SKILL}&phonelinkage=0`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(await gateway().core.queuesOfAgent('101')).toEqual([SKILL]);
    const caller = await gateway().farEnd.callIn(DID, '5550123');
    const events = await collectEvents(gateway(), '101', guid, 5);
    for (const event of events) expectEventShape(event, '101');
    const callid = (events[0]!.content as { callid: string }).callid;
    expect(described(events)).toEqual([
      `AgentEvent_Ringing {"caller":"5550123","transfer":"no","callid":"${callid}","transfrom":"","called":"${DID}","type":"main","mediaAbility":"1","feature":"0"}`,
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook {"type":"main"}',
      'AgentState_Busy',
      `AgentEvent_Talking {"caller":"5550123","called":"${DID}","callid":"${callid}","feature":"0","type":"main","mediaAbility":"1"}`,
    ]);
    expect((await gateway().http.get(`${AG}/agentstatus`).set('Guid', guid)).text).toBe('{"message":"","retcode":"0","result":5}');
    expect((await gateway().core.getCall(callid))?.call).toMatchObject({ purpose: 'inbound', agentId: '101', progress: { stage: 'connected', queueName: SKILL } });
    await caller.hangup();
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([
      `AgentEvent_Customer_Release {"callid":"${callid}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
    ]);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callid)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: '101', toNumber: DID, hangupSide: 'caller' });
  });

  test('a busy agent is not offered the call; it waits, and reaches the agent once it is idle again', async () => {
    expect((await gateway().http.post(`${AG}/saybusy`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await gateway().http.post(`${AG}/resetskill/false?skillid=${SKILL}`).set('Guid', guid)).text).toBe(SUCCESS);
    const caller = await gateway().farEnd.callIn(DID, '5550124');
    await gateway().waitFor(async () => ((await gateway().core.listWaitingCalls([SKILL])).length === 1 ? true : undefined), 10_000, 'the call waiting');
    expect(described(await drainEvents(gateway(), '101', guid))).toEqual(['AgentState_SetNotReady_Success {"reason":"0"}']);
    expect((await gateway().http.post(`${AG}/cancelbusy`).set('Guid', guid)).text).toBe(SUCCESS);
    const events = described(await collectEvents(gateway(), '101', guid, 7));
    expect(events.slice(0, 2)).toEqual(['AgentState_CancelNotReady_Success', 'AgentState_Ready']);
    expect(events.slice(2).map((event) => event.split(' ')[0])).toEqual(['AgentEvent_Ringing', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook', 'AgentState_Busy', 'AgentEvent_Talking']);
    await caller.hangup();
    expect(described(await collectEvents(gateway(), '101', guid, 3)).map((event) => event.split(' ')[0])).toEqual(['AgentEvent_Customer_Release', 'AgentOther_PhoneRelease', 'AgentState_Ready']);
  });
});
