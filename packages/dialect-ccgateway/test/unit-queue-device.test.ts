import { agent, hashOf } from '@pbx-gateway/test-support';
import { unitApp, type UnitApp } from './unit-app';
import { BASE, failure, HUAWEI_SIGN_IN_SAMPLE } from './wire-client';

const QD = `${BASE}/queuedevice/101`;

/** Skill queues 1 and 2 on their DIDs; agent 101 may serve skills 1 and 2 (its `skills`), and is provisioned in 3. */
const DIRECTORY = {
  agents: [agent('101', { secretHash: hashOf(''), attributes: { skills: '1;2' } })],
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

/** Agent 101 signed in busy, so that callers wait rather than ring it. */
async function signedInBusy(): Promise<UnitApp & { guid: string }> {
  const app = await unitApp({}, DIRECTORY);
  const guid = await app.signIn('101', { ...HUAWEI_SIGN_IN_SAMPLE, status: '3' });
  return { ...app, guid };
}

const count = (n: number): string => `{"message":"success","retcode":"0","result":${n}}`;

describe('CC-Gateway queuedevice: callers waiting in skill queues', () => {
  test('skillwaitnum/{skillid}, waitnum (configured skills), waitnumbyagent (skills signed in to): the bare count', async () => {
    const app = await signedInBusy();
    const get = (path: string) => app.http.get(`${QD}/${path}`).set('Guid', app.guid);
    expect((await get('skillwaitnum/1')).text).toBe(count(0));
    await app.t.callIn('1718000000.41', '2125550101', '5550121');
    await app.t.callIn('1718000000.42', '2125550101', '5550122');
    await app.t.callIn('1718000000.43', '2125550102', '5550123');
    await app.t.settle();
    expect((await app.t.core.listWaitingCalls(['1', '2'])).length).toBe(3);
    const res = await get('skillwaitnum/1');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(res.text).toBe(count(2));
    expect((await get('skillwaitnum/2')).text).toBe(count(1));
    expect((await get('skillwaitnum/3')).text).toBe(count(0));
    // Configured: skills 1 and 2.
    expect((await get('waitnum')).text).toBe(count(3));
    // Signed in to: the provisioned queue 3 only, until resetskill.
    expect((await get('waitnumbyagent')).text).toBe(count(0));
    await app.http.post(`${BASE}/onlineagent/101/resetskill/false?skillid=2`).set('Guid', app.guid);
    expect((await get('waitnumbyagent')).text).toBe(count(1));
    // A caller that hangs up no longer waits.
    app.t.pbx.hangupFarEnd('1718000000.41');
    await app.t.settle();
    expect((await get('skillwaitnum/1')).text).toBe(count(1));
  });

  test('000-002 for a skill that is no queue or malformed; 100-006 without a GUID; GET only', async () => {
    const app = await signedInBusy();
    expect((await app.http.get(`${QD}/skillwaitnum/99`).set('Guid', app.guid)).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await app.http.get(`${QD}/skillwaitnum/a%20b`).set('Guid', app.guid)).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await app.http.get(`${QD}/waitnum`)).text).toBe(failure('100-006', 'agent not signed in'));
    const post = await app.http.post(`${QD}/waitnumbyagent`).set('Guid', app.guid);
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
    // The rest of the family is still answered "not supported".
    expect((await app.http.post(`${QD}/queryacdstat`).set('Guid', app.guid).send({})).text).toBe('{"message":"not supported","retcode":"000-002","result":{}}');
  });
});

describe('CC-Gateway: the skill queues of the VDN, and the calls waiting in one', () => {
  test('queuedevice/agentvdnskill: every skill queue, in skill order, as Huawei\'s voice skill sample', async () => {
    const app = await signedInBusy();
    const res = await app.http.get(`${QD}/agentvdnskill`).set('Guid', app.guid);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json;charset=UTF-8');
    const skill = (id: number): string => `{"name":"${id}","id":${id},"mediatype":5,"serviceType":1,"realFlag":1}`;
    expect(res.text).toBe(`{"message":"","retcode":"0","result":[${skill(1)},${skill(2)},${skill(3)}]}`);
    expect((await app.http.get(`${QD}/agentvdnskill`)).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('calldata/waitcallinfo/{skillid}: the waiting calls of the skill, oldest first, as callinfobeforeanswer answers a call', async () => {
    const app = await signedInBusy();
    const get = (path: string) => app.http.get(`${BASE}/calldata/101/waitcallinfo/${path}`).set('Guid', app.guid);
    expect((await get('1')).text).toBe('{"message":"","retcode":"0","result":[]}');
    await app.t.callIn('1718000000.51', '2125550101', '5550131');
    await app.t.settle();
    await app.t.advance(2000);
    await app.t.callIn('1718000000.52', '2125550101', '5550132');
    await app.t.callIn('1718000000.53', '2125550102', '5550133');
    await app.t.settle();
    await app.t.advance(3000);
    const [first, second] = await app.t.core.listWaitingCalls(['1']);
    const call = (id: string, caller: string, waited: number): string =>
      `{"callfeature":0,"callid":"${id}","caller":"${caller}","called":"2125550101","callskill":"1","callskillid":1,"orgicallednum":"","calldata":"",` +
      `"begintime":0,"endtime":0,"userPriority":0,"trunkNo":0,"logontimes":${waited},"mediaType":5,"mediaAbility":1,"waitTime":${waited},"trace":null}`;
    const res = await get('1');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(res.text).toBe(`{"message":"","retcode":"0","result":[${call(first!.callId, '5550131', 5)},${call(second!.callId, '5550132', 3)}]}`);
    // A caller that hangs up waits no more.
    app.t.pbx.hangupFarEnd('1718000000.51');
    await app.t.settle();
    expect((await get('1')).text).toBe(`{"message":"","retcode":"0","result":[${call(second!.callId, '5550132', 3)}]}`);
    expect(JSON.parse((await get('2')).text).result).toHaveLength(1);
    expect(JSON.parse((await get('3')).text).result).toEqual([]);
  });

  test('waitcallinfo refusals: a skill that is no queue or malformed 000-002, no GUID 100-006, GET only', async () => {
    const app = await signedInBusy();
    const WC = `${BASE}/calldata/101/waitcallinfo`;
    expect((await app.http.get(`${WC}/99`).set('Guid', app.guid)).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await app.http.get(`${WC}/a%20b`).set('Guid', app.guid)).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await app.http.get(`${WC}/1`)).text).toBe(failure('100-006', 'agent not signed in'));
    const put = await app.http.put(`${WC}/1`).set('Guid', app.guid);
    expect([put.status, put.headers.allow, put.text]).toEqual([405, 'GET', '']);
  });
});
