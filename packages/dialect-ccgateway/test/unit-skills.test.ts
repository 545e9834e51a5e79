import { agent, hashOf, legOf } from '@pbx-gateway/test-support';
import { drainEvents, unitApp, type UnitApp } from './unit-app';
import { BASE, failure, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

const AG = `${BASE}/onlineagent/101`;
const CALLER = '1718000000.42';

/** Skill queues `1` and `2` (Huawei skill ids are numbers), reached on 2125550101 and 2125550102; agent 102 may serve only skill 2. */
const DIRECTORY = {
  agents: [agent('101', { secretHash: hashOf('') }), agent('102', { secretHash: hashOf('Agent@102'), attributes: { skills: '2;9' } })],
  queues: [
    { name: '1', strategy: 'longest_wait_time' },
    { name: '2', strategy: 'longest_wait_time' },
    { name: '3', strategy: 'longest_wait_time', members: [{ agentId: '101', penalty: 0, membership: 'static' as const }] },
  ],
  didRoutes: [
    { did: '2125550101', queueName: '1' },
    { did: '2125550102', queueName: '2' },
  ],
};

async function signedIn(): Promise<UnitApp & { guid: string }> {
  const app = await unitApp({}, DIRECTORY);
  const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
  await drainEvents(app, '101', guid);
  return { ...app, guid };
}

const queuesOf = async (app: UnitApp, agentId = '101'): Promise<string[]> => (await app.t.core.queuesOfAgent(agentId)).sort();

describe('CC-Gateway resetskill (spec §5.6)', () => {
  test('a manual list (autoflag false) joins the skills named, leaves the ones no longer named; provisioned skills stay', async () => {
    const app = await signedIn();
    expect((await app.http.post(`${AG}/resetskill/false?skillid=1;2&phonelinkage=0`).set('Guid', app.guid)).text).toBe(SUCCESS);
    expect(await queuesOf(app)).toEqual(['1', '2', '3']);
    expect((await app.http.post(`${AG}/resetskill/false?skillid=2`).set('Guid', app.guid)).text).toBe(SUCCESS);
    expect(await queuesOf(app)).toEqual(['2', '3']);
    expect(await drainEvents(app, '101', app.guid)).toEqual([]);
  });

  test('autoflag true: every configured skill (without a skills attribute, the provisioned ones); an empty or unknown list is a success', async () => {
    const app = await signedIn();
    expect((await app.http.post(`${AG}/resetskill/false?skillid=1`).set('Guid', app.guid)).text).toBe(SUCCESS);
    expect((await app.http.post(`${AG}/resetskill/true`).set('Guid', app.guid)).text).toBe(SUCCESS);
    expect(await queuesOf(app)).toEqual(['3']);
    expect((await app.http.post(`${AG}/resetskill/false?skillid=77;88`).set('Guid', app.guid)).text).toBe(SUCCESS);
    expect((await app.http.post(`${AG}/resetskill/0`).set('Guid', app.guid)).text).toBe(SUCCESS);
    expect(await queuesOf(app)).toEqual(['3']);
  });

  test('an agent with a skills attribute serves only those: the manual list is intersected with it, autoflag true takes them all', async () => {
    const app = await unitApp({}, DIRECTORY);
    const guid = await app.signIn('102');
    expect((await app.http.post(`${BASE}/onlineagent/102/resetskill/false?skillid=1;2`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(await queuesOf(app, '102')).toEqual(['2']);
    expect((await app.http.post(`${BASE}/onlineagent/102/resetskill/false?skillid=1`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(await queuesOf(app, '102')).toEqual([]);
    expect((await app.http.post(`${BASE}/onlineagent/102/resetskill/TRUE`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(await queuesOf(app, '102')).toEqual(['2']);
  });

  test.each(['skillid=' + '1;'.repeat(51), 'skillid=a%20b', 'skillid=1&phonelinkage=2'])('resetskill?%s: 000-002', async (query) => {
    const app = await signedIn();
    expect((await app.http.post(`${AG}/resetskill/false?${query}`).set('Guid', app.guid)).text).toBe(failure('000-002', 'invalid parameter'));
  });

  test('100-006 without a GUID', async () => {
    const app = await unitApp({}, DIRECTORY);
    expect((await app.http.post(`${AG}/resetskill/true`)).text).toBe(failure('100-006', 'agent not signed in'));
  });
});

describe('a call queued on a skill reaches a signed-in idle agent', () => {
  test('the agent hears it ring, answers, talks; the customer hangs up: the documented events in order', async () => {
    const app = await signedIn();
    expect((await app.http.post(`${AG}/resetskill/false?skillid=1`).set('Guid', app.guid)).text).toBe(SUCCESS);
    await app.t.callIn(CALLER, '2125550101', '5550123');
    const call = (await app.t.core.listLiveCalls()).find(({ call: live }) => live.purpose === 'inbound')!.call;
    expect(call).toMatchObject({ agentId: '101', progress: { stage: 'connected' } });
    const callid = call.id;
    const ringing = `{"caller":"5550123","transfer":"no","callid":"${callid}","transfrom":"","called":"2125550101","type":"main","mediaAbility":"1","feature":"0"}`;
    const talking = `{"caller":"5550123","called":"2125550101","callid":"${callid}","feature":"0","type":"main","mediaAbility":"1"}`;
    expect(await drainEvents(app, '101', app.guid)).toEqual([
      `AgentEvent_Ringing ${ringing}`,
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook {"type":"main"}',
      'AgentState_Busy',
      `AgentEvent_Talking ${talking}`,
    ]);
    expect((await app.http.get(`${AG}/agentstatus`).set('Guid', app.guid)).text).toBe('{"message":"","retcode":"0","result":5}');
    app.t.pbx.hangupFarEnd(CALLER);
    await app.t.settle();
    await app.t.confirmHangups();
    expect(await drainEvents(app, '101', app.guid)).toEqual([`AgentEvent_Customer_Release {"callid":"${callid}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
  });

  test('the agent hangs up: AgentEvent_Call_Release, its phone released by the agent', async () => {
    const app = await signedIn();
    expect((await app.http.post(`${AG}/resetskill/false?skillid=1`).set('Guid', app.guid)).text).toBe(SUCCESS);
    await app.t.callIn(CALLER, '2125550101');
    const call = (await app.t.core.listLiveCalls()).find(({ call: live }) => live.purpose === 'inbound')!.call;
    await drainEvents(app, '101', app.guid);
    app.t.pbx.hangupFarEnd((await legOf(app.t, call.id, 'agent')).id);
    await app.t.settle();
    await app.t.confirmHangups();
    expect(await drainEvents(app, '101', app.guid)).toEqual([`AgentEvent_Call_Release {"callid":"${call.id}"}`, 'AgentOther_PhoneRelease {"phoneState":2}', 'AgentState_Ready']);
  });

  test('a call waiting on a skill reaches the agent once it serves the skill and is idle (not while busy)', async () => {
    const app = await signedIn();
    expect((await app.http.post(`${AG}/saybusy`).set('Guid', app.guid)).text).toBe(SUCCESS);
    expect((await app.http.post(`${AG}/resetskill/false?skillid=2`).set('Guid', app.guid)).text).toBe(SUCCESS);
    await app.t.callIn(CALLER, '2125550102');
    expect((await app.t.core.listWaitingCalls(['2'])).length).toBe(1);
    expect((await app.http.post(`${AG}/cancelbusy`).set('Guid', app.guid)).text).toBe(SUCCESS);
    await app.t.settle();
    expect(await app.t.core.listWaitingCalls(['2'])).toEqual([]);
    const events = await drainEvents(app, '101', app.guid);
    expect(events.slice(0, 3)).toEqual(['AgentState_SetNotReady_Success {"reason":"0"}', 'AgentState_CancelNotReady_Success', 'AgentState_Ready']);
    expect(events.slice(3).map((event) => event.split(' ')[0])).toEqual(['AgentEvent_Ringing', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook', 'AgentState_Busy', 'AgentEvent_Talking']);
  });
});
