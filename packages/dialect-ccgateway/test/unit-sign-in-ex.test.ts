import { unitApp } from './unit-app';
import { failure, HUAWEI_SIGN_IN_SAMPLE } from './wire-client';

const LOGIN = '/agentgateway/resource/onlineagent';

/** The sign-in answer of agent 101, its login time read from the test clock. */
const signedIn = (loginTime: number): string =>
  `{"message":"","retcode":"0","result":{"vdnid":1,"workno":"101","mediatype":"TFF","loginTime":"${loginTime}","isForceChange":"false","serverName":"AgentGateway","timeRemaining":""}}`;

describe('CC-Gateway extended sign-in: loginex, forceloginex, forceloginexwithoutphone (test core)', () => {
  test("loginex takes Huawei's sign-in sample: the sign-in answer, Set-GUID, the phone bound", async () => {
    const { http, t } = await unitApp();
    const res = await http.put(`${LOGIN}/101/loginex`).set('Content-Type', 'application/json; charset=UTF-8').send(HUAWEI_SIGN_IN_SAMPLE);
    expect(res.status).toBe(200);
    expect(res.text).toBe(signedIn(t.clock.nowMs()));
    expect(res.headers['set-guid']).toMatch(/^JSESSIONID=[0-9a-f-]{36}\.AgentGateway0$/);
    expect(await t.core.getAgentSession('101')).toMatchObject({ loginVia: 'ccgateway', phoneNumber: '40038', state: 'ready' });
    const guid = String(res.headers['set-guid']).slice('JSESSIONID='.length);
    expect((await http.get('/agentgateway/resource/agentevent/101').set('Guid', guid)).text).toContain('"eventType":"AgentOther_InService"');
  });

  test('loginex: 100-002 when already signed in, 100-004 for a wrong password, 100-013 for a bad phone', async () => {
    const { http, signIn } = await unitApp();
    await signIn('101');
    expect((await http.put(`${LOGIN}/101/loginex`).send(HUAWEI_SIGN_IN_SAMPLE)).text).toBe(failure('100-002', 'agent already signed in'));
    expect((await http.put(`${LOGIN}/102/loginex`).send({ password: 'nope', phonenum: '102' })).text).toBe(failure('100-004', 'wrong agent id or password'));
    expect((await http.put(`${LOGIN}/102/loginex`).send({ password: 'Agent@102', phonenum: '12a' })).text).toBe(failure('100-013', 'invalid phone number'));
    expect((await http.put(`${LOGIN}/102/loginex`).send({ phonenum: '102' })).text).toBe(failure('100-001', 'sign-in parameter empty or invalid'));
  });

  test('forceloginex replaces a session: the old GUID dies, the new one works', async () => {
    const { http, signIn, t } = await unitApp();
    const old = await signIn('101');
    const res = await http.put(`${LOGIN}/101/forceloginex`).send({ ...HUAWEI_SIGN_IN_SAMPLE, status: '3' });
    expect(res.text).toBe(signedIn(t.clock.nowMs()));
    const fresh = String(res.headers['set-guid']).slice('JSESSIONID='.length);
    expect((await http.get('/agentgateway/resource/agentevent/101').set('Guid', old)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await http.get('/agentgateway/resource/agentevent/101').set('Guid', fresh)).text).toContain('"eventType":"AgentOther_InService"');
    expect(await t.core.getAgentSession('101')).toMatchObject({ state: 'paused', phoneNumber: '40038' });
  });

  test('forceloginex: 100-015 when forced sign-in is disabled', async () => {
    const { http, signIn } = await unitApp({ forceLoginAllowed: false });
    await signIn('101');
    expect((await http.put(`${LOGIN}/101/forceloginex`).send(HUAWEI_SIGN_IN_SAMPLE)).text).toBe(failure('100-015', 'agent already signed in and forced sign-in not allowed'));
    expect((await http.put(`${LOGIN}/101/forceloginexwithoutphone`).send(HUAWEI_SIGN_IN_SAMPLE)).text).toBe(
      failure('100-015', 'agent already signed in and forced sign-in not allowed'),
    );
  });

  test('forceloginexwithoutphone binds no phone number: the provisioned device is the phone', async () => {
    const { http, signIn, t } = await unitApp();
    await signIn('102');
    const res = await http.put(`${LOGIN}/102/forceloginexwithoutphone`).send({ password: 'Agent@102', phonenum: '40038' });
    expect(res.text).toMatch(/^\{"message":"","retcode":"0","result":\{"vdnid":1,"workno":"102",/);
    expect(res.headers['set-guid']).toMatch(/^JSESSIONID=/);
    const session = await t.core.getAgentSession('102');
    // No number of the client's: the session keeps none, and its phone is the agent's device.
    expect(session?.phoneNumber).toBe('');
    expect(session?.loginVia).toBe('ccgateway');
  });

  test('each takes PUT only: 405 with an empty body and Allow: PUT', async () => {
    const { http } = await unitApp();
    for (const name of ['loginex', 'forceloginex', 'forceloginexwithoutphone']) {
      const res = await http.post(`${LOGIN}/101/${name}`).send(HUAWEI_SIGN_IN_SAMPLE);
      expect(res.status).toBe(405);
      expect(res.text).toBe('');
      expect(res.headers.allow).toBe('PUT');
    }
  });
});
