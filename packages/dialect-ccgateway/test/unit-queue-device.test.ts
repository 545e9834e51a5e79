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
