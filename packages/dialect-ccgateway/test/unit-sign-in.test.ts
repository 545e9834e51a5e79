import { waitFor } from '@pbx-gateway/test-support';
import { putInCall, signOut, unitApp } from './unit-app';
import { failure, HUAWEI_SIGN_IN_SAMPLE, JSON_TYPE, SUCCESS } from './wire-client';

const LOGIN = '/agentgateway/resource/onlineagent';

describe('CC-Gateway sign-in and sign-out (wire format, test core)', () => {
  test("Huawei's own sign-in sample works for agent 101: result object, Set-GUID, exact bytes", async () => {
    const { http, t } = await unitApp();
    const res = await http.put(`${LOGIN}/101`).set('Content-Type', 'application/json; charset=UTF-8').send(HUAWEI_SIGN_IN_SAMPLE);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.headers['set-guid']).toMatch(/^JSESSIONID=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.AgentGateway0$/);
    expect(res.text).toBe(
      `{"message":"","retcode":"0","result":{"vdnid":1,"workno":"101","mediatype":"TFF","loginTime":"${t.clock.nowMs()}","isForceChange":"false","serverName":"AgentGateway","timeRemaining":""}}`,
    );
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
    const session = await t.core.getAgentSession('101');
    expect(session).toMatchObject({ loginVia: 'ccgateway', phoneNumber: '40038', state: 'ready', afterCall: 'ready' });
  });

  test('node name, server name and vdn id come from the settings', async () => {
    const { http } = await unitApp({ nodeName: 'AgentGateway1', serverName: 'Cluster7', vdnId: 42 });
    const res = await http.put(`${LOGIN}/102`).send({ password: 'Agent@102', phonenum: '102' });
    expect(res.headers['set-guid']).toMatch(/\.AgentGateway1$/);
    expect(res.text).toContain('"vdnid":42,');
    expect(res.text).toContain('"serverName":"Cluster7"');
  });

  test.each([
    ['status 3 signs in busy', { status: 3 }, { state: 'paused', pauseReason: 'busy:0' }],
    ['status "5" signs in in wrap-up', { status: '5' }, { state: 'wrap_up' }],
    ['status 4 signs in idle', { status: 4 }, { state: 'ready' }],
    ['autoenteridle "false" means wrap-up after calls', { autoenteridle: 'false' }, { afterCall: 'wrap_up' }],
    ['autoenteridle true (native boolean)', { autoenteridle: true }, { afterCall: 'ready' }],
  ])('%s', async (_name, extra, expected) => {
    const { http, t } = await unitApp();
    const res = await http.put(`${LOGIN}/102`).send({ password: 'Agent@102', phonenum: '102', ...extra });
    expect(res.text).toContain('"retcode":"0"');
    expect(await t.core.getAgentSession('102')).toMatchObject(expected);
  });

  test('lenient body reading: text/plain, form-typed JSON, byte-order mark, numbers for strings', async () => {
    const { http, t } = await unitApp();
    const body = JSON.stringify({ password: '', phonenum: 40038, agenttype: 4, releasephone: 'FALSE', autoanswer: '1' });
    const asText = await http.put(`${LOGIN}/101`).set('Content-Type', 'text/plain').send(body);
    expect(asText.text).toContain('"retcode":"0"');
    expect((await t.core.getAgentSession('101'))?.phoneNumber).toBe('40038');
    await signOut(t);
    const asForm = await http.put(`${LOGIN}/101`).set('Content-Type', 'application/x-www-form-urlencoded').send(body);
    expect(asForm.text).toContain('"retcode":"0"');
    await signOut(t);
    const withBom = await http.put(`${LOGIN}/101`).set('Content-Type', 'application/json').send(`\uFEFF${body}`);
    expect(withBom.text).toContain('"retcode":"0"');
  });

  test('100-002: already signed in', async () => {
    const { http, signIn } = await unitApp();
    await signIn('101');
    const res = await http.put(`${LOGIN}/101`).send(HUAWEI_SIGN_IN_SAMPLE);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.headers['set-guid']).toBeUndefined();
    expect(res.text).toBe(failure('100-002', 'agent already signed in'));
  });

  test.each([
    ['wrong password', '102', { password: 'nope', phonenum: '102' }],
    ['unknown agent', '555', { password: '', phonenum: '555' }],
  ])('100-004: %s', async (_name, agentId, body) => {
    const { http } = await unitApp();
    const res = await http.put(`${LOGIN}/${agentId}`).send(body);
    expect(res.text).toBe(failure('100-004', 'wrong agent id or password'));
  });

  test.each([
    ['no body', undefined],
    ['password missing', JSON.stringify({ phonenum: '40038' })],
    ['malformed JSON', '{"password":'],
    ['an array', '[1,2]'],
    ['a JSON string', '"password"'],
    ['password longer than 32', JSON.stringify({ password: 'x'.repeat(33) })],
    ['password an object', JSON.stringify({ password: { a: 1 } })],
    ['nested 10000 levels deep', `{"password":"","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`],
  ])('100-001: %s', async (_name, body) => {
    const { http } = await unitApp();
    const req = http.put(`${LOGIN}/101`).set('Content-Type', 'application/json; charset=UTF-8');
    const res = body === undefined ? await req : await req.send(body);
    expect(res.text).toBe(failure('100-001', 'sign-in parameter empty or invalid'));
  });

  test('100-001: a body over the size limit', async () => {
    const { http } = await unitApp({ maxBodyBytes: 1024 });
    const res = await http.put(`${LOGIN}/101`).set('Content-Type', 'application/json').send(JSON.stringify({ password: '', pad: 'x'.repeat(5000) }));
    expect(res.status).toBe(200);
    expect(res.text).toBe(failure('100-001', 'sign-in parameter empty or invalid'));
  });

  test.each([
    ['status 7', { status: 7 }],
    ['status "busy"', { status: 'busy' }],
    ['autoanswer "maybe"', { autoanswer: 'maybe' }],
    ['releasephone 2', { releasephone: 2 }],
    ['checkInWebm an array', { checkInWebm: [true] }],
    ['entryIp too long', { entryIp: 'x'.repeat(65) }],
  ])('100-011: %s', async (_name, extra) => {
    const { http } = await unitApp();
    const res = await http.put(`${LOGIN}/101`).send({ ...HUAWEI_SIGN_IN_SAMPLE, ...extra });
    expect(res.text).toBe(failure('100-011', 'invalid sign-in parameter'));
  });

  test.each([[{ agenttype: 5 }], [{ agenttype: 'pc' }], [{ agenttype: '4.0' }]])('100-012: agent type %j', async (extra) => {
    const { http } = await unitApp();
    const res = await http.put(`${LOGIN}/101`).send({ ...HUAWEI_SIGN_IN_SAMPLE, ...extra });
    expect(res.text).toBe(failure('100-012', 'invalid agent type'));
  });

  test.each([[{ phonenum: '4003a' }], [{ phonenum: '1'.repeat(25) }], [{ phonenum: 'PJSIP/100' }], [{ phonenum: '40038;rm -rf' }], [{ phonenum: true }]])(
    '100-013: phone number %j',
    async (extra) => {
      const { http } = await unitApp();
      const res = await http.put(`${LOGIN}/101`).send({ ...HUAWEI_SIGN_IN_SAMPLE, ...extra });
      expect(res.text).toBe(failure('100-013', 'invalid phone number'));
    },
  );

  test('100-014: phone number outside the configured pattern', async () => {
    const { http } = await unitApp({ phoneNumberPattern: '4[0-9]{4}' });
    expect((await http.put(`${LOGIN}/102`).send({ password: 'Agent@102', phonenum: '102' })).text).toBe(failure('100-014', 'phone number out of range'));
    expect((await http.put(`${LOGIN}/101`).send(HUAWEI_SIGN_IN_SAMPLE)).text).toContain('"retcode":"0"');
  });

  test.each([[{ ip: '300.1.1.1' }], [{ ip: '::1' }], [{ ip: '127.0.0.1 ' }]])('100-016: ip %j', async (extra) => {
    const { http } = await unitApp();
    const res = await http.put(`${LOGIN}/101`).send({ ...HUAWEI_SIGN_IN_SAMPLE, ...extra });
    expect(res.text).toBe(failure('100-016', 'invalid ip address'));
  });

  test('a valid ip is accepted', async () => {
    const { http } = await unitApp();
    expect((await http.put(`${LOGIN}/101`).send({ ...HUAWEI_SIGN_IN_SAMPLE, ip: '10.0.0.15' })).text).toContain('"retcode":"0"');
  });

  test('100-003: the telephony engine is unavailable', async () => {
    const { http, t } = await unitApp();
    t.pbx.setAvailable(false);
    const res = await http.put(`${LOGIN}/101`).send(HUAWEI_SIGN_IN_SAMPLE);
    expect(res.text).toBe(failure('100-003', 'cti resource unavailable'));
  });

  test.each(['100', '1000000', '0101', 'abc', '10%2F1', '%E0%A4%A', '-101', '101.5', '１０１'])('000-002: agent id %s out of range or malformed', async (agentId) => {
    const { http } = await unitApp();
    const res = await http.put(`${LOGIN}/${agentId}`).send(HUAWEI_SIGN_IN_SAMPLE);
    expect(res.status).toBe(200);
    expect(res.text).toBe(failure('000-002', 'invalid parameter'));
  });

  test('the agent id range is configurable', async () => {
    const { http } = await unitApp({ agentIdRange: { min: 101, max: 59999 } });
    expect((await http.put(`${LOGIN}/60000`).send(HUAWEI_SIGN_IN_SAMPLE)).text).toBe(failure('000-002', 'invalid parameter'));
  });

  test('forced sign-in replaces a session: the old GUID dies, the new one works', async () => {
    const { http, signIn } = await unitApp();
    const old = await signIn('101');
    const res = await http.put(`${LOGIN}/101/forcelogin`).send(HUAWEI_SIGN_IN_SAMPLE);
    expect(res.text).toMatch(/^\{"message":"","retcode":"0","result":\{"vdnid":1,"workno":"101",/);
    const fresh = String(res.headers['set-guid']).slice('JSESSIONID='.length);
    expect(fresh).not.toBe(old);
    expect((await http.get('/agentgateway/resource/agentevent/101').set('Guid', old)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await http.get('/agentgateway/resource/agentevent/101').set('Guid', fresh)).text).toContain('"eventType":"AgentOther_InService"');
  });

  test('forced sign-in without a session signs in', async () => {
    const { http } = await unitApp();
    expect((await http.put(`${LOGIN}/101/forcelogin`).send(HUAWEI_SIGN_IN_SAMPLE)).headers['set-guid']).toMatch(/^JSESSIONID=/);
  });

  test('forced sign-in interrupts the replaced session\'s waiting poll with AgentOther_ShutdownService', async () => {
    const { http, signIn, t } = await unitApp({ pollWaitMs: 5000 });
    const old = await signIn('101');
    // Empty the mailbox so the old poll waits.
    for (let i = 0; i < 2; i += 1) await http.get('/agentgateway/resource/agentevent/101').set('Guid', old);
    const waiting = http.get('/agentgateway/resource/agentevent/101').set('Guid', old).then((res) => res);
    await waitFor(() => t.store.mailboxSignals.waiting > 0, 5000, 'the old poll waiting');
    const forced = await http.put(`${LOGIN}/101/forcelogin`).send(HUAWEI_SIGN_IN_SAMPLE);
    const fresh = String(forced.headers['set-guid']).slice('JSESSIONID='.length);
    const oldAnswer = await waiting;
    expect(oldAnswer.text).toMatch(/^\{"message":"","retcode":"0","event":\{"eventType":"AgentOther_ShutdownService","workNo":"101","content":null,"eventGenTime":\d+\}\}$/);
    const first = await http.get('/agentgateway/resource/agentevent/101').set('Guid', fresh);
    expect(first.text).toContain('"eventType":"AgentOther_InService"');
  });

  test('100-015: forced sign-in disabled while a session exists', async () => {
    const { http, signIn } = await unitApp({ forceLoginAllowed: false });
    await signIn('101');
    const res = await http.put(`${LOGIN}/101/forcelogin`).send(HUAWEI_SIGN_IN_SAMPLE);
    expect(res.text).toBe(failure('100-015', 'agent already signed in and forced sign-in not allowed'));
  });

  test('sign-out: success envelope, then the GUID is dead (100-006)', async () => {
    const { http, signIn, t } = await unitApp();
    const guid = await signIn('101');
    const res = await http.delete(`${LOGIN}/101/logout`).set('Guid', guid).set('Content-Type', 'application/json; charset=UTF-8');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.text).toBe(SUCCESS);
    expect(await t.core.getAgentSession('101')).toBeNull();
    expect((await http.delete(`${LOGIN}/101/logout`).set('Guid', guid)).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('100-010: sign-out refused while the agent is in a call; forced sign-out succeeds', async () => {
    const { http, signIn, t } = await unitApp();
    const guid = await signIn('101');
    await putInCall(t);
    expect(await t.core.getAgentSession('101')).toMatchObject({ state: 'in_call' });
    expect((await http.delete(`${LOGIN}/101/logout`).set('Guid', guid)).text).toBe(failure('100-010', 'agent state does not allow sign-out'));
    expect((await http.delete(`${LOGIN}/101/forcelogout`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(await t.core.getAgentSession('101')).toBeNull();
  });

  test('the sign-in password never reaches the log', async () => {
    const { http, logs } = await unitApp();
    await http.put(`${LOGIN}/102`).send({ password: 'Agent@102', phonenum: '102' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const line = logs.find((entry) => entry.includes('api request'));
    expect(line).toContain('"operation":"login"');
    expect(line).toContain('[redacted]');
    expect(logs.join('\n')).not.toContain('Agent@102');
  });
});
