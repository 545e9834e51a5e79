import { legOf, queueMember } from '@pbx-gateway/test-support';
import { drainEvents, putInCall, unitApp, type UnitApp } from './unit-app';
import { BASE, failure, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

const VC = `${BASE}/voicecall/101`;

/** Agent 101 talking with a customer (callout to 5550100), agent 102 (phone 102) signed in and idle. */
async function inCallWithHelper(): Promise<UnitApp & { guid: string; helperGuid: string; callId: string }> {
  const app = await unitApp();
  const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
  const helperGuid = await app.signIn('102');
  const { callId } = await putInCall(app.t);
  await drainEvents(app, '101', guid);
  await drainEvents(app, '102', helperGuid);
  return { ...app, guid, helperGuid, callId };
}

const innerHelp = (app: UnitApp & { guid: string }, body: unknown) => app.http.post(`${VC}/innerhelp`).set('Guid', app.guid).send(body as object);

describe('CC-Gateway innerhelp', () => {
  test('two-party help (the default mode): Hold, the helper alerting and talking to the asking agent; the helper hears its own phone and talks with agent 101', async () => {
    const app = await inCallWithHelper();
    app.t.pbx.setPhone('102', { outcome: 'noanswer' });
    expect((await innerHelp(app, { dstaddress: '102' })).text).toBe(`{"message":"success","retcode":"0","result":"${app.callId}"}`);
    await app.t.settle();
    const helperLeg = await legOf(app.t, app.callId, 'third_party');
    expect(helperLeg).toMatchObject({ dialedNumber: '102', state: 'ringing' });
    // The helper is in the call while its phone rings: no skill call reaches it.
    expect(await app.t.core.getAgentSession('102')).toMatchObject({ state: 'in_call', currentCallId: app.callId });
    await app.t.answer(helperLeg.id);
    await app.t.settle();
    const customer = await legOf(app.t, app.callId, 'customer');
    const caller = (await app.t.core.getCall(app.callId))!.call.fromNumber;
    expect(await drainEvents(app, '101', app.guid)).toEqual([
      `AgentEvent_Hold {"callid":"${app.callId}"}`,
      `AgentEvent_Customer_Alerting {"callid":"${app.callId}","otherPhone":"102","otherPhoneWorkno":"102","type":"main"}`,
      `AgentEvent_Talking {"caller":"${caller}","called":"102","callid":"${app.callId}","feature":"7","type":"main","mediaAbility":"1"}`,
    ]);
    expect(await drainEvents(app, '102', app.helperGuid)).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook {"type":"main"}',
      'AgentState_Busy',
      `AgentEvent_Talking {"caller":"101","called":"102","callid":"${app.callId}","feature":"6","type":"main","mediaAbility":"1"}`,
    ]);
    expect(app.t.pbx.describe()).toContain(`addToBridge ${app.callId}.hold ${customer.id}`);
  });

  test('three-party help (mode 2): the customer stays; the helper answering is a conference of the three', async () => {
    const app = await inCallWithHelper();
    expect((await innerHelp(app, { dstaddress: '102', devicetype: '2', mode: 2, holdflag: 'true', callappdata: 'x' })).text).toBe(`{"message":"success","retcode":"0","result":"${app.callId}"}`);
    await app.t.settle();
    expect(await drainEvents(app, '101', app.guid)).toEqual([
      `AgentEvent_Customer_Alerting {"callid":"${app.callId}","otherPhone":"102","otherPhoneWorkno":"102","type":"main"}`,
      `AgentEvent_Conference {"callid":"${app.callId}","partner":"5550100,102"}`,
    ]);
    expect((await app.t.core.getCall(app.callId))!.call.progress).not.toHaveProperty('parkedLegIds');
  });

  test('the helper hangs up: Call_Release, its phone released by itself, Ready; the asking agent keeps its call', async () => {
    const app = await inCallWithHelper();
    expect((await innerHelp(app, { dstaddress: '102' })).text).toMatch(/"retcode":"0"/);
    await app.t.settle();
    await drainEvents(app, '101', app.guid);
    await drainEvents(app, '102', app.helperGuid);
    const helperLeg = await legOf(app.t, app.callId, 'third_party');
    await app.t.endLeg(helperLeg.id, 16, 'Normal Clearing');
    await app.t.settle();
    expect(await drainEvents(app, '102', app.helperGuid)).toEqual([`AgentEvent_Call_Release {"callid":"${app.callId}"}`, 'AgentOther_PhoneRelease {"phoneState":2}', 'AgentState_Ready']);
    expect(await drainEvents(app, '101', app.guid)).toEqual([]);
    expect(await app.t.core.getAgentSession('102')).toMatchObject({ state: 'ready', currentCallId: null });
    expect((await app.t.core.getAgentSession('101'))?.currentCallId).toBe(app.callId);
  });

  test('the asking agent releases the call: the helper is told the other party released (Customer_Release), phone released by the platform, Ready', async () => {
    const app = await inCallWithHelper();
    expect((await innerHelp(app, { dstaddress: '102', mode: 2 })).text).toMatch(/"retcode":"0"/);
    await app.t.settle();
    await drainEvents(app, '102', app.helperGuid);
    expect((await app.http.delete(`${VC}/release`).set('Guid', app.guid)).text).toBe(SUCCESS);
    await app.t.settle();
    await app.t.confirmHangups();
    await app.t.settle();
    expect(await drainEvents(app, '102', app.helperGuid)).toEqual([`AgentEvent_Customer_Release {"callid":"${app.callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    expect((await app.t.core.getCall(app.callId))!.call.state).toBe('ended');
  });

  test.each([
    ['no dstaddress', '000-002', 'invalid parameter', {}],
    ['an empty dstaddress', '000-002', 'invalid parameter', { dstaddress: '' }],
    ['a dstaddress not digits', '000-002', 'invalid parameter', { dstaddress: '1x2' }],
    ['devicetype 3', '000-002', 'invalid parameter', { dstaddress: '102', devicetype: 3 }],
    ['mode 0', '000-002', 'invalid parameter', { dstaddress: '102', mode: 0 }],
    ['holdflag not a boolean', '000-002', 'invalid parameter', { dstaddress: '102', holdflag: 'maybe' }],
    ['callappdata over 16 KiB', '000-002', 'invalid parameter', { dstaddress: '102', callappdata: 'x'.repeat(16_385) }],
    ['the agent itself', '000-002', 'invalid parameter', { dstaddress: '101' }],
    ['an agent not signed in', '100-006', 'agent not signed in', { dstaddress: '103' }],
  ])('%s: %s', async (_what, retcode, message, body) => {
    const app = await inCallWithHelper();
    expect((await innerHelp(app, body)).text).toBe(failure(retcode, message));
    expect((await app.t.core.getCall(app.callId))!.legs.some((leg) => leg.role === 'third_party')).toBe(false);
  });

  test('no call: 100-009; the helper in wrap-up: 100-009', async () => {
    const app = await unitApp();
    const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
    const helperGuid = await app.signIn('102');
    const withGuid = { ...app, guid };
    expect((await innerHelp(withGuid, { dstaddress: '102' })).text).toBe(failure('100-009', 'agent state cannot be changed'));
    await putInCall(app.t);
    expect((await app.http.post(`${BASE}/onlineagent/102/work`).set('Guid', helperGuid)).text).toBe(SUCCESS);
    expect((await innerHelp(withGuid, { dstaddress: '102' })).text).toBe(failure('100-009', 'agent state cannot be changed'));
  });

  test('the helper releases itself by its work number (disconnect): Call_Release, its phone released by itself; it cannot release the others (200-024)', async () => {
    const app = await inCallWithHelper();
    expect((await innerHelp(app, { dstaddress: '102', mode: 2 })).text).toMatch(/"retcode":"0"/);
    await app.t.settle();
    await drainEvents(app, '101', app.guid);
    await drainEvents(app, '102', app.helperGuid);
    const helperDisconnect = (number: string) => app.http.post(`${BASE}/voicecall/102/disconnect/${number}`).set('Guid', app.helperGuid);
    expect((await helperDisconnect('101')).text).toBe(failure('200-024', 'no such number to release in the call'));
    expect((await helperDisconnect('5550100')).text).toBe(failure('200-024', 'no such number to release in the call'));
    const helperLeg = await legOf(app.t, app.callId, 'third_party');
    app.t.pbx.clearCommands();
    expect((await helperDisconnect('102')).text).toBe(SUCCESS);
    await app.t.settle();
    expect(app.t.pbx.describe()).toContain(`hangup ${helperLeg.id}`);
    await app.t.endLeg(helperLeg.id, 16, 'Normal Clearing');
    await app.t.settle();
    expect(await drainEvents(app, '102', app.helperGuid)).toEqual([`AgentEvent_Call_Release {"callid":"${app.callId}"}`, 'AgentOther_PhoneRelease {"phoneState":2}', 'AgentState_Ready']);
    expect((await app.t.core.getAgentSession('101'))?.currentCallId).toBe(app.callId);
  });

  test('two-party help: the held customer is not in the help and is not released by its number (200-024)', async () => {
    const app = await inCallWithHelper();
    expect((await innerHelp(app, { dstaddress: '102' })).text).toMatch(/"retcode":"0"/);
    await app.t.settle();
    expect((await app.http.post(`${VC}/disconnect/5550100`).set('Guid', app.guid)).text).toBe(failure('200-024', 'no such number to release in the call'));
    expect((await legOf(app.t, app.callId, 'customer')).state).toBe('up');
  });
});

describe('CC-Gateway innerhelp from a skill (devicetype 1)', () => {
  /** Skill 11 of agents 101 (asking), 102 (penalty 1) and 103; 101 talks with 5550100, 102 and 103 signed in and idle. */
  async function inCallWithSkill(): Promise<UnitApp & { guid: string; guids: Record<string, string>; callId: string }> {
    const app = await unitApp({}, { queues: [{ name: '11', strategy: 'longest_wait_time', members: [queueMember('101'), queueMember('102', { penalty: 1 }), queueMember('103')] }] });
    const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
    const guids = { '102': await app.signIn('102'), '103': await app.signIn('103', { password: '', phonenum: '103' }) };
    const { callId } = await putInCall(app.t);
    for (const agentId of ['101', '102', '103']) await drainEvents(app, agentId, agentId === '101' ? guid : guids[agentId as '102']);
    return { ...app, guid, guids, callId };
  }

  test("the skill's next idle agent (the lowest penalty first, never the asking agent) helps, as a helper named by work number does", async () => {
    const app = await inCallWithSkill();
    expect((await innerHelp(app, { dstaddress: '11', devicetype: 1 })).text).toBe(`{"message":"success","retcode":"0","result":"${app.callId}"}`);
    await app.t.settle();
    expect(await legOf(app.t, app.callId, 'third_party')).toMatchObject({ dialedNumber: '103', endpoint: 'PJSIP/103' });
    expect(await app.t.core.getAgentSession('103')).toMatchObject({ state: 'in_call', currentCallId: app.callId });
    expect(await app.t.core.getAgentSession('102')).toMatchObject({ state: 'ready', currentCallId: null });
    const caller = (await app.t.core.getCall(app.callId))!.call.fromNumber;
    expect(await drainEvents(app, '101', app.guid)).toEqual([
      `AgentEvent_Hold {"callid":"${app.callId}"}`,
      `AgentEvent_Customer_Alerting {"callid":"${app.callId}","otherPhone":"103","otherPhoneWorkno":"103","type":"main"}`,
      `AgentEvent_Talking {"caller":"${caller}","called":"103","callid":"${app.callId}","feature":"7","type":"main","mediaAbility":"1"}`,
    ]);
    expect(await drainEvents(app, '103', app.guids['103']!)).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook {"type":"main"}',
      'AgentState_Busy',
      `AgentEvent_Talking {"caller":"101","called":"103","callid":"${app.callId}","feature":"6","type":"main","mediaAbility":"1"}`,
    ]);
    expect(await drainEvents(app, '102', app.guids['102']!)).toEqual([]);
  });

  test('the first choice busy: the next idle agent of the skill helps (three-party help)', async () => {
    const app = await inCallWithSkill();
    expect((await app.http.post(`${BASE}/onlineagent/103/saybusy`).set('Guid', app.guids['103']!)).text).toBe(SUCCESS);
    expect((await innerHelp(app, { dstaddress: '11', devicetype: '1', mode: 2 })).text).toBe(`{"message":"success","retcode":"0","result":"${app.callId}"}`);
    await app.t.settle();
    expect(await drainEvents(app, '101', app.guid)).toEqual([
      `AgentEvent_Customer_Alerting {"callid":"${app.callId}","otherPhone":"102","otherPhoneWorkno":"102","type":"main"}`,
      `AgentEvent_Conference {"callid":"${app.callId}","partner":"5550100,102"}`,
    ]);
  });

  test('nobody of the skill idle: 100-009; an unknown skill: 000-002; nothing dialled', async () => {
    const app = await inCallWithSkill();
    expect((await innerHelp(app, { dstaddress: '12', devicetype: 1 })).text).toBe(failure('000-002', 'invalid parameter'));
    for (const agentId of ['102', '103']) expect((await app.http.post(`${BASE}/onlineagent/${agentId}/saybusy`).set('Guid', app.guids[agentId]!)).text).toBe(SUCCESS);
    expect((await innerHelp(app, { dstaddress: '11', devicetype: 1 })).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await app.t.core.getCall(app.callId))!.legs.some((leg) => leg.role === 'third_party')).toBe(false);
    expect((await app.t.core.getCall(app.callId))!.call.progress).not.toHaveProperty('parkedLegIds');
  });
});
