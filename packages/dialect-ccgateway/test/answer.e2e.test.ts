import { collectEvents, described, drainEvents, expectEventShape, sharedCcgatewayGateway, signIn } from './integration-support';
import type { IncomingCall } from '@pbx-gateway/test-support';
import { BASE, failure, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

// Skill 12 is an inbound queue reached on DID 2125550112. Agent 101 signs in
// with auto-answer off (Huawei's sample otherwise, phone 40038), so a call
// offered to it waits for `answer` before its phone rings.
const SKILL = '12';
const DID = '2125550112';
const AG = `${BASE}/onlineagent/101`;
const VC = `${BASE}/voicecall/101`;

describe('CC-Gateway answer on the whole stack: a skill call offered to an agent without auto-answer waits for the agent to answer it', () => {
  const gateway = sharedCcgatewayGateway({
    core: { agentRingTimeoutSec: 2 },
    extraProvisioning: { queues: [{ name: SKILL, strategy: 'longest_wait_time' }], didRoutes: [{ did: DID, queue: SKILL }] },
  });
  let guid: string;
  /** The callers of the test, hung up after it (the far end's own hang-up: on Asterisk the far end is a SIP peer). */
  const callers: IncomingCall[] = [];
  const callIn = async (caller: string): Promise<IncomingCall> => {
    const call = await gateway().farEnd.callIn(DID, caller);
    callers.push(call);
    return call;
  };

  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 300 });
    guid = await signIn(gateway(), '101', { ...HUAWEI_SIGN_IN_SAMPLE, autoanswer: 'false' }, true);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentOther_InService', 'AgentState_Ready']);
    expect((await gateway().http.post(`${AG}/resetskill/false?skillid=${SKILL}`).set('Guid', guid)).text).toBe(SUCCESS);
  });

  afterEach(async () => {
    await gateway().http.delete(`${AG}/forcelogout`).set('Guid', guid);
    // A caller left waiting by a failed test is not offered to the next one.
    for (const caller of callers.splice(0)) await caller.hangup().catch(() => undefined);
    await gateway().waitFor(async () => ((await gateway().core.listLiveCalls()).every(({ call }) => call.purpose !== 'inbound') ? true : undefined), 10_000, 'the skill calls to end');
    await gateway().core.idle();
  });

  test('Ringing alone; answer: PhoneAlerting, PhoneOffhook, Busy, Talking; the customer hangs up: Customer_Release, PhoneRelease, Ready; one CDR', async () => {
    const caller = await callIn('5550131');
    const [ringing] = await collectEvents(gateway(), '101', guid, 1);
    expectEventShape(ringing!, '101');
    const callid = (ringing!.content as { callid: string }).callid;
    expect(described([ringing!])).toEqual([
      `AgentEvent_Ringing {"caller":"5550131","transfer":"no","callid":"${callid}","transfrom":"","called":"${DID}","type":"main","mediaAbility":"1","feature":"0"}`,
    ]);
    // The phone is not rung before the agent answers.
    expect(await drainEvents(gateway(), '101', guid)).toEqual([]);
    expect((await gateway().core.getCall(callid))?.legs.filter((leg) => leg.role === 'agent')).toEqual([]);
    expect((await gateway().http.get(`${AG}/agentstatus`).set('Guid', guid)).text).toBe('{"message":"","retcode":"0","result":4}');

    expect((await gateway().http.put(`${VC}/answer`).set('Guid', guid)).text).toBe(SUCCESS);
    const answered = await collectEvents(gateway(), '101', guid, 4);
    for (const event of answered) expectEventShape(event, '101');
    expect(described(answered)).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook {"type":"main"}',
      'AgentState_Busy',
      `AgentEvent_Talking {"caller":"5550131","called":"${DID}","callid":"${callid}","feature":"0","type":"main","mediaAbility":"1"}`,
    ]);
    expect((await gateway().http.get(`${AG}/agentstatus`).set('Guid', guid)).text).toBe('{"message":"","retcode":"0","result":5}');
    expect((await gateway().core.getCall(callid))?.call).toMatchObject({ agentId: '101', progress: { stage: 'connected', queueName: SKILL } });
    // Answered already: nothing waits for an answer.
    expect((await gateway().http.put(`${VC}/answer`).set('Guid', guid)).text).toBe(failure('200-002', 'no call to answer'));

    await caller.hangup();
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([
      `AgentEvent_Customer_Release {"callid":"${callid}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
    ]);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callid)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: '101', toNumber: DID, hangupSide: 'caller' });
  });

  test('answer with no call offered: 200-002; an idle agent stays idle', async () => {
    expect((await gateway().http.put(`${VC}/answer`).set('Guid', guid)).text).toBe(failure('200-002', 'no call to answer'));
    expect((await gateway().http.get(`${AG}/agentstatus`).set('Guid', guid)).text).toBe('{"message":"","retcode":"0","result":1}');
    expect(await drainEvents(gateway(), '101', guid)).toEqual([]);
  });

  test('an offer not answered within the ring time: the agent turns busy, the call waits again and is offered once the agent is idle', async () => {
    await callIn('5550132');
    const [ringing] = await collectEvents(gateway(), '101', guid, 1);
    const callid = (ringing!.content as { callid: string }).callid;
    expect(described(await collectEvents(gateway(), '101', guid, 1, 6_000))).toEqual(['AgentState_SetNotReady_Success {"reason":"0"}']);
    expect((await gateway().core.getCall(callid))?.call).toMatchObject({ progress: { stage: 'waiting' } });
    expect((await gateway().http.put(`${VC}/answer`).set('Guid', guid)).text).toBe(failure('200-002', 'no call to answer'));

    expect((await gateway().http.post(`${AG}/cancelbusy`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3)).map((event) => event.split(' ')[0])).toEqual([
      'AgentState_CancelNotReady_Success',
      'AgentState_Ready',
      'AgentEvent_Ringing',
    ]);
    expect((await gateway().http.put(`${VC}/answer`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 4)).map((event) => event.split(' ')[0])).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook',
      'AgentState_Busy',
      'AgentEvent_Talking',
    ]);
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([
      `AgentEvent_Call_Release {"callid":"${callid}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
    ]);
  });

  test('the phone rung by answer does not answer: PhoneAlerting, PhoneRelease (3), the agent busy; the call waits again', async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'noanswer' });
    const caller = await callIn('5550135');
    const [ringing] = await collectEvents(gateway(), '101', guid, 1);
    const callid = (ringing!.content as { callid: string }).callid;
    expect((await gateway().http.put(`${VC}/answer`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3, 8_000))).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_SetNotReady_Success {"reason":"0"}',
    ]);
    expect((await gateway().core.getCall(callid))?.call).toMatchObject({ progress: { stage: 'waiting' } });
    await caller.hangup();
    await gateway().waitFor(async () => ((await gateway().core.getCdrOfCall(callid)) ? true : undefined), 10_000, 'the abandoned call to end');
  });

  test('the caller hangs up before the agent answers: the agent is idle again, answer finds nothing', async () => {
    const caller = await callIn('5550133');
    expect(described(await collectEvents(gateway(), '101', guid, 1)).map((event) => event.split(' ')[0])).toEqual(['AgentEvent_Ringing']);
    await caller.hangup();
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual(['AgentState_Ready']);
    expect((await gateway().http.put(`${VC}/answer`).set('Guid', guid)).text).toBe(failure('200-002', 'no call to answer'));
  });

  test('autoanswer/true: the next call rings the phone at once, as with auto-answer on', async () => {
    expect((await gateway().http.post(`${AG}/autoanswer/true`).set('Guid', guid)).text).toBe(SUCCESS);
    const caller = await callIn('5550134');
    expect(described(await collectEvents(gateway(), '101', guid, 5)).map((event) => event.split(' ')[0])).toEqual([
      'AgentEvent_Ringing',
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook',
      'AgentState_Busy',
      'AgentEvent_Talking',
    ]);
    await caller.hangup();
    expect(described(await collectEvents(gateway(), '101', guid, 3)).map((event) => event.split(' ')[0])).toEqual(['AgentEvent_Customer_Release', 'AgentOther_PhoneRelease', 'AgentState_Ready']);
  });
});
