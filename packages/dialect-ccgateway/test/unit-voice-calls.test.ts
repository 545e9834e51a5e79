import { legOf } from '@pbx-gateway/test-support';
import { drainEvents, putInCall, unitApp, type UnitApp } from './unit-app';
import { BASE, failure, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

const VC = `${BASE}/voicecall/101`;

async function signedIn(): Promise<UnitApp & { guid: string }> {
  const app = await unitApp();
  const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
  await drainEvents(app, '101', guid);
  return { ...app, guid };
}

const callout = (app: UnitApp & { guid: string }, body: Record<string, unknown>) => app.http.put(`${VC}/callout`).set('Guid', app.guid).send(body);

describe('CC-Gateway callout (spec §9.1)', () => {
  test('success: result is the call id; the phone rings, answers, the customer rings and answers: the documented events; call data kept', async () => {
    const app = await signedIn();
    const res = await callout(app, { caller: '2120280009', called: '5550100', callappdata: 'order=42' });
    const callId = (JSON.parse(res.text) as { result: string }).result;
    expect(res.text).toBe(`{"message":"success","retcode":"0","result":"${callId}"}`);
    await app.t.settle();
    const call = await app.t.core.getCall(callId);
    expect(call?.call).toMatchObject({ purpose: 'agent_customer', agentId: '101', fromNumber: '2120280009', toNumber: '5550100', data: { callappdata: 'order=42' } });
    expect(await drainEvents(app, '101', app.guid)).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook {"type":"main"}',
      'AgentState_Busy',
      `AgentEvent_Customer_Alerting {"callid":"${callId}","otherPhone":"5550100","otherPhoneWorkno":"","type":"main"}`,
      `AgentEvent_Talking {"caller":"2120280009","called":"5550100","callid":"${callId}","feature":"7","type":"main","mediaAbility":"1"}`,
    ]);
  });

  test('the customer does not answer: AgentEvent_Call_Out_Fail with the bare call id', async () => {
    const app = await signedIn();
    app.t.pbx.setNumber('5550199', { outcome: 'busy' });
    const callId = (JSON.parse((await callout(app, { called: '5550199' })).text) as { result: string }).result;
    await app.t.settle();
    await app.t.confirmHangups();
    const events = await drainEvents(app, '101', app.guid);
    expect(events).toContain(`AgentEvent_Call_Out_Fail "${callId}"`);
    expect(events.at(-1)).toBe('AgentState_Ready');
  });

  test.each([{}, { called: '' }, { called: '555-0100' }, { called: '1'.repeat(25) }])('200-001: called %j', async (body) => {
    const app = await signedIn();
    expect((await callout(app, body)).text).toBe(failure('200-001', 'invalid called number'));
  });

  test.each([{ called: '5550100', caller: 'abc' }, { called: '5550100', mediaability: 5 }])('000-002: %j', async (body) => {
    const app = await signedIn();
    expect((await callout(app, body)).text).toBe(failure('000-002', 'invalid parameter'));
  });

  test('100-009 while in a call; 100-006 without a GUID', async () => {
    const app = await signedIn();
    await putInCall(app.t);
    expect((await callout(app, { called: '5550100' })).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await app.http.put(`${VC}/callout`).send({ called: '5550100' })).text).toBe(failure('100-006', 'agent not signed in'));
  });
});

describe('CC-Gateway release, dropcall, hold, gethold (spec §9.3–9.5)', () => {
  test('release: AgentEvent_Call_Release, phone released, Ready; again: 200-017', async () => {
    const app = await signedIn();
    const { callId } = await putInCall(app.t);
    await drainEvents(app, '101', app.guid);
    expect((await app.http.delete(`${VC}/release`).set('Guid', app.guid)).text).toBe(SUCCESS);
    await app.t.settle();
    await app.t.confirmHangups();
    expect(await drainEvents(app, '101', app.guid)).toEqual([`AgentEvent_Call_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    expect(await app.t.core.getCdrOfCall(callId)).not.toBeNull();
    expect((await app.http.delete(`${VC}/release`).set('Guid', app.guid)).text).toBe(failure('200-017', 'no call to release'));
  });

  test('the legacy path DELETE /voicecall/{agentid} releases the same way', async () => {
    const app = await signedIn();
    const { callId } = await putInCall(app.t);
    expect((await app.http.delete(VC).set('Guid', app.guid)).text).toBe(SUCCESS);
    await app.t.settle();
    await app.t.confirmHangups();
    expect((await app.t.core.getCall(callId))?.call.state).toBe('ended');
    expect((await app.http.delete(VC).set('Guid', app.guid)).text).toBe(failure('200-017', 'no call to release'));
  });

  test('the customer hangs up: AgentEvent_Customer_Release', async () => {
    const app = await signedIn();
    const { callId } = await putInCall(app.t);
    await drainEvents(app, '101', app.guid);
    app.t.pbx.hangupFarEnd((await legOf(app.t, callId, 'customer')).id);
    await app.t.settle();
    await app.t.confirmHangups();
    expect(await drainEvents(app, '101', app.guid)).toEqual([`AgentEvent_Customer_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
  });

  test('dropcall/{callid}: the agent\'s call is released; another call id: 200-017', async () => {
    const app = await signedIn();
    const { callId } = await putInCall(app.t);
    expect((await app.http.post(`${VC}/dropcall/1456401416-3`).set('Guid', app.guid)).text).toBe(failure('200-017', 'no call to release'));
    expect((await app.http.post(`${VC}/dropcall/${encodeURIComponent(callId)}`).set('Guid', app.guid)).text).toBe(SUCCESS);
    await app.t.settle();
    await app.t.confirmHangups();
    expect((await app.t.core.getCall(callId))?.call.state).toBe('ended');
  });

  test('hold: AgentEvent_Hold, the customer hears music; gethold: AgentEvent_Talking; the state errors', async () => {
    const app = await signedIn();
    expect((await app.http.post(`${VC}/hold`).set('Guid', app.guid)).text).toBe(failure('200-013', 'no call to hold'));
    expect((await app.http.post(`${VC}/gethold`).set('Guid', app.guid)).text).toBe(failure('200-015', 'no held call'));
    const { callId } = await putInCall(app.t);
    await drainEvents(app, '101', app.guid);
    expect((await app.http.post(`${VC}/gethold`).set('Guid', app.guid)).text).toBe(failure('200-015', 'no held call'));
    expect((await app.http.post(`${VC}/hold`).set('Guid', app.guid)).text).toBe(SUCCESS);
    await app.t.settle();
    expect((await app.t.core.getCall(callId))?.call.progress).toMatchObject({ parkedLegIds: [(await legOf(app.t, callId, 'customer')).id] });
    expect(await drainEvents(app, '101', app.guid)).toEqual([`AgentEvent_Hold {"callid":"${callId}"}`]);
    expect((await app.http.post(`${VC}/hold`).set('Guid', app.guid)).text).toBe(failure('200-014', 'call state does not allow hold'));
    expect((await app.http.post(`${VC}/gethold?callid=other`).set('Guid', app.guid)).text).toBe(failure('200-015', 'no held call'));
    expect((await app.http.post(`${VC}/gethold?callid=${encodeURIComponent(callId)}`).set('Guid', app.guid)).text).toBe(SUCCESS);
    await app.t.settle();
    expect((await drainEvents(app, '101', app.guid))[0]).toMatch(/^AgentEvent_Talking \{"caller":"[0-9]*","called":"5550100","callid":"[^"]+","feature":"7","type":"main","mediaAbility":"1"\}$/);
  });

  test.each([
    ['DELETE', 'release'],
    ['POST', 'hold'],
    ['POST', 'gethold'],
    ['POST', 'dropcall/1'],
  ])('%s %s: 100-006 without a GUID', async (method, path) => {
    const { http } = await unitApp();
    const res = method === 'DELETE' ? await http.delete(`${VC}/${path}`) : await http.post(`${VC}/${path}`);
    expect(res.text).toBe(failure('100-006', 'agent not signed in'));
  });
});

describe('CC-Gateway answer (spec §9.2)', () => {
  test('200-002: no call waits for the agent to answer it', async () => {
    const app = await signedIn();
    expect((await app.http.put(`${VC}/answer`).set('Guid', app.guid)).text).toBe(failure('200-002', 'no call to answer'));
  });

  test('100-006 without a GUID; 405 for another method', async () => {
    const app = await signedIn();
    expect((await app.http.put(`${VC}/answer`)).text).toBe(failure('100-006', 'agent not signed in'));
    const wrong = await app.http.post(`${VC}/answer`).set('Guid', app.guid);
    expect([wrong.status, wrong.text, wrong.headers.allow]).toEqual([405, '', 'PUT']);
  });
});
