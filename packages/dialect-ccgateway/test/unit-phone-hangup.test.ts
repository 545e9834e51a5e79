import { legOf } from '@pbx-gateway/test-support';
import { drainEvents, unitApp, type UnitApp } from './unit-app';
import { BASE, failure, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

const VC = `${BASE}/voicecall/101`;

const phoneHangup = (app: UnitApp, guid: string) => app.http.post(`${VC}/phonehangup`).set('Guid', guid);

describe('CC-Gateway phonehangup (Huawei cec_07_1255): the ringing phone turns its call away', () => {
  test("a callout's ringing phone: hung up as busy, the callout never starts; the phone released by the agent, Ready", async () => {
    const app = await unitApp();
    const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
    app.t.pbx.setPhone('40038', { outcome: 'noanswer' });
    await drainEvents(app, '101', guid);
    const callId = (JSON.parse((await app.http.put(`${VC}/callout`).set('Guid', guid).send({ called: '5550100' })).text) as { result: string }).result;
    await app.t.settle();
    expect(await drainEvents(app, '101', guid)).toEqual(['AgentOther_PhoneAlerting']);
    const phone = await legOf(app.t, callId, 'agent');
    app.t.pbx.clearCommands();
    expect((await phoneHangup(app, guid)).text).toBe(SUCCESS);
    await app.t.settle();
    expect(app.t.pbx.describe()).toEqual([`hangup ${phone.id} busy`]);
    // The engine reports the phone gone as a busy phone's refusal.
    await app.t.endLeg(phone.id, 17, 'User busy');
    await app.t.settle();
    expect(await drainEvents(app, '101', guid)).toEqual(['AgentOther_PhoneRelease {"phoneState":2}', 'AgentState_Ready']);
    expect((await app.t.core.getCall(callId))?.call.state).toBe('ended');
    expect((await app.t.core.getCall(callId))?.legs.some((leg) => leg.role === 'customer')).toBe(false);
    expect(await app.t.core.getCdrOfCall(callId)).toMatchObject({ agentId: '101' });
  });

  test('nothing ringing (idle, or the phone already off hook): 100-009; no GUID: 100-006', async () => {
    const app = await unitApp();
    const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
    expect((await phoneHangup(app, guid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    await app.http.put(`${VC}/callout`).set('Guid', guid).send({ called: '5550100' });
    await app.t.settle();
    expect((await phoneHangup(app, guid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await app.http.post(`${VC}/phonehangup`)).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('only POST (405 otherwise)', async () => {
    const app = await unitApp();
    const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
    const res = await app.http.put(`${VC}/phonehangup`).set('Guid', guid);
    expect(res.status).toBe(405);
  });
});
