import { legOf } from '@pbx-gateway/test-support';
import { putInCall, unitApp, type UnitApp } from './unit-app';
import { BASE, failure, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

const VC = `${BASE}/voicecall/101`;

async function drainEvents({ http, t }: UnitApp, agentId: string, guid: string): Promise<string[]> {
  const seen: string[] = [];
  while (t.store.mailboxMessages(agentId, 'ccgateway').length > 0) {
    const res = await http.get(`${BASE}/agentevent/${agentId}`).set('Guid', guid);
    const event = (JSON.parse(res.text) as { event: { eventType: string; content: unknown } }).event;
    seen.push(event.content === null ? event.eventType : `${event.eventType} ${JSON.stringify(event.content)}`);
  }
  return seen;
}

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

  test('help from a skill (devicetype 1) answers "not supported"; no call: 100-009; the helper in wrap-up: 100-009', async () => {
    const app = await unitApp();
    const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
    const helperGuid = await app.signIn('102');
    const withGuid = { ...app, guid };
    expect((await innerHelp(withGuid, { dstaddress: '102' })).text).toBe(failure('100-009', 'agent state cannot be changed'));
    await putInCall(app.t);
    expect((await innerHelp(withGuid, { dstaddress: '11', devicetype: 1 })).text).toBe('{"message":"not supported","retcode":"000-002","result":{}}');
    expect((await app.http.post(`${BASE}/onlineagent/102/work`).set('Guid', helperGuid)).text).toBe(SUCCESS);
    expect((await innerHelp(withGuid, { dstaddress: '102' })).text).toBe(failure('100-009', 'agent state cannot be changed'));
  });
});
