import type { IncomingCall } from '@pbx-gateway/test-support';
import { collectEvents, described, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

// Skill 14 is an inbound queue reached on DID 2125550114. Agent 101 (phone
// 40038) serves it; agent 102 (phone 102) signs in afterwards to take the
// caller that 101 left. 101's phone rings for 20 s, long enough to sign out
// while it rings.
const SKILL = '14';
const DID = '2125550114';
const AG = (agent: string): string => `${BASE}/onlineagent/${agent}`;

describe('CC-Gateway sign-out while a skill call rings the agent: the caller is not hung up, the call waits on its skill again', () => {
  const gateway = sharedCcgatewayGateway({
    extraProvisioning: { agents: [{ id: '102', name: 'Agent 102', secret: '' }], queues: [{ name: SKILL, strategy: 'longest_wait_time' }], didRoutes: [{ did: DID, queue: SKILL }] },
  });
  const guids: Record<string, string> = {};
  const callers: IncomingCall[] = [];

  const signInOnSkill = async (agent: string, phone: string, autoanswer: boolean): Promise<string> => {
    const guid = await signIn(gateway(), agent, { ...HUAWEI_SIGN_IN_SAMPLE, phonenum: phone, autoanswer: String(autoanswer) }, true);
    guids[agent] = guid;
    expect(described(await collectEvents(gateway(), agent, guid, 2))).toEqual(['AgentOther_InService', 'AgentState_Ready']);
    expect((await gateway().http.post(`${AG(agent)}/resetskill/false?skillid=${SKILL}`).set('Guid', guid)).text).toBe(SUCCESS);
    return guid;
  };

  /** 101 signs out while the call rings it; the caller is still up and the call waits on the skill; 102 then takes it. */
  async function signOutAndHandOver(guid: string, caller: IncomingCall, callid: string): Promise<void> {
    expect((await gateway().http.delete(`${AG('101')}/logout`).set('Guid', guid)).text).toBe(SUCCESS);
    await gateway().waitFor(async () => ((await gateway().core.listWaitingCalls([SKILL])).length === 1 ? true : undefined), 10_000, 'the call waiting on its skill again');
    expect((await gateway().core.getCall(callid))?.call).toMatchObject({ state: 'answered', progress: { stage: 'waiting' } });
    expect((await gateway().core.getCall(callid))?.legs.find((leg) => leg.role === 'caller')).toMatchObject({ state: 'up', hangupRequested: false });

    await gateway().farEnd.setPhone('102', { outcome: 'answer', ringMs: 300 });
    const guid2 = await signInOnSkill('102', '102', true);
    const events = described(await collectEvents(gateway(), '102', guid2, 5));
    expect(events[0]).toBe(`AgentEvent_Ringing {"caller":"5550141","transfer":"no","callid":"${callid}","transfrom":"","called":"${DID}","type":"main","mediaAbility":"1","feature":"0"}`);
    expect(events.slice(1).map((event) => event.split(' ')[0])).toEqual(['AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook', 'AgentState_Busy', 'AgentEvent_Talking']);
    await caller.hangup();
    expect(described(await collectEvents(gateway(), '102', guid2, 3)).map((event) => event.split(' ')[0])).toEqual(['AgentEvent_Customer_Release', 'AgentOther_PhoneRelease', 'AgentState_Ready']);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callid)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: '102', toNumber: DID, hangupSide: 'caller' });
  }

  afterEach(async () => {
    for (const [agent, guid] of Object.entries(guids)) await gateway().http.delete(`${AG(agent)}/forcelogout`).set('Guid', guid);
    for (const caller of callers.splice(0)) await caller.hangup().catch(() => undefined);
    await gateway().waitFor(async () => ((await gateway().core.listLiveCalls()).every(({ call }) => call.purpose !== 'inbound') ? true : undefined), 10_000, 'the skill calls to end');
    await gateway().core.idle();
  });

  test("the agent's phone rings (auto-answer): logout succeeds, the phone stops ringing, the caller waits and reaches the next agent", async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 20_000 });
    const guid = await signInOnSkill('101', '40038', true);
    const caller = await gateway().farEnd.callIn(DID, '5550141');
    callers.push(caller);
    const ringing = await collectEvents(gateway(), '101', guid, 2);
    expect(described(ringing).map((event) => event.split(' ')[0])).toEqual(['AgentEvent_Ringing', 'AgentOther_PhoneAlerting']);
    const callid = (ringing[0]!.content as { callid: string }).callid;
    await signOutAndHandOver(guid, caller, callid);
    expect((await gateway().core.getCall(callid))?.legs.filter((leg) => leg.role === 'agent').map((leg) => leg.dialedNumber)).toEqual(['40038', '102']);
  });

  test('the call is offered (auto-answer off): logout succeeds at once and the call waits on its skill again', async () => {
    const guid = await signInOnSkill('101', '40038', false);
    const caller = await gateway().farEnd.callIn(DID, '5550141');
    callers.push(caller);
    const [ringing] = await collectEvents(gateway(), '101', guid, 1);
    expect(described([ringing!])[0]!.split(' ')[0]).toBe('AgentEvent_Ringing');
    const callid = (ringing!.content as { callid: string }).callid;
    await signOutAndHandOver(guid, caller, callid);
  });

  test('forcelogout while the phone rings: the caller is not hung up either', async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 20_000 });
    const guid = await signInOnSkill('101', '40038', true);
    const caller = await gateway().farEnd.callIn(DID, '5550141');
    callers.push(caller);
    const ringing = await collectEvents(gateway(), '101', guid, 2);
    const callid = (ringing[0]!.content as { callid: string }).callid;
    expect((await gateway().http.delete(`${AG('101')}/forcelogout`).set('Guid', guid)).text).toBe(SUCCESS);
    await gateway().waitFor(async () => ((await gateway().core.listWaitingCalls([SKILL])).length === 1 ? true : undefined), 10_000, 'the call waiting on its skill again');
    expect((await gateway().core.getCall(callid))?.legs.find((leg) => leg.role === 'caller')).toMatchObject({ state: 'up', hangupRequested: false });
  });
});
