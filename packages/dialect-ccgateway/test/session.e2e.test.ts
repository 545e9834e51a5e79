import { collectEvents, described, drainEvents, expectEventShape, poll, sharedCcgatewayGateway, signIn, startCcgatewayGateway } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, JSON_TYPE, SEED_PLAY_BODY, SUCCESS, failure } from './wire-client';

const AG = `${BASE}/onlineagent`;

describe('CC-Gateway sessions, events and agent states on the whole stack', () => {
  const gateway = sharedCcgatewayGateway({ ccgateway: { pollWaitMs: 400 } });

  afterEach(async () => {
    for (const agentId of ['101', '102']) {
      const session = await gateway().core.getAgentSession(agentId);
      if (session) await gateway().core.logoutAgent({ agentId, whenInCall: 'force' });
    }
    await gateway().core.idle();
  });

  test("Huawei's sign-in sample for demo agent 101: exact answer, Set-GUID, session with phone 40038, InService and Ready", async () => {
    const res = await gateway().http.put(`${AG}/101`).set('Content-Type', 'application/json; charset=UTF-8').send(HUAWEI_SIGN_IN_SAMPLE);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['set-guid']).toMatch(/^JSESSIONID=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.AgentGateway0$/);
    const session = await gateway().core.getAgentSession('101');
    expect(session).toMatchObject({ loginVia: 'ccgateway', phoneNumber: '40038', device: 'PJSIP/40038', state: 'ready' });
    expect(res.text).toBe(
      `{"message":"","retcode":"0","result":{"vdnid":1,"workno":"101","mediatype":"TFF","loginTime":"${session!.loggedInAt.getTime()}","isForceChange":"false","serverName":"AgentGateway","timeRemaining":""}}`,
    );
    const guid = String(res.headers['set-guid']).slice('JSESSIONID='.length);
    const events = await collectEvents(gateway(), '101', guid, 2);
    expect(described(events)).toEqual(['AgentOther_InService', 'AgentState_Ready']);
    for (const event of events) expectEventShape(event, '101');
    // Only a fingerprint of the GUID is stored.
    const stored = await gateway().query<{ fingerprint: string; subject: string; expires_at: Date | null }>("SELECT fingerprint, subject, expires_at FROM access_tokens WHERE kind = 'ccgateway-guid'");
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ subject: '101', expires_at: null });
    expect(stored[0]!.fingerprint).not.toContain(guid.slice(0, 8));
  });

  test('sign-in answers: 100-002 already signed in (also through another dialect), 100-004, 100-001, 000-002', async () => {
    await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE);
    expect((await gateway().http.put(`${AG}/101`).send(HUAWEI_SIGN_IN_SAMPLE)).text).toBe(failure('100-002', 'agent already signed in'));
    expect((await gateway().http.put(`${AG}/1000`).send({ password: '1234', phonenum: '1000' })).text).toBe(failure('100-002', 'agent already signed in'));
    expect((await gateway().http.put(`${AG}/102`).send({ password: 'agent@102', phonenum: '102' })).text).toBe(failure('100-004', 'wrong agent id or password'));
    expect((await gateway().http.put(`${AG}/555`).send({ password: '', phonenum: '555' })).text).toBe(failure('100-004', 'wrong agent id or password'));
    expect((await gateway().http.put(`${AG}/102`).send({ phonenum: '102' })).text).toBe(failure('100-001', 'sign-in parameter empty or invalid'));
    expect((await gateway().http.put(`${AG}/102`).set('Content-Type', 'application/json').send('{"password":"Agent@102",')).text).toBe(failure('100-001', 'sign-in parameter empty or invalid'));
    expect((await gateway().http.put(`${AG}/100`).send(HUAWEI_SIGN_IN_SAMPLE)).text).toBe(failure('000-002', 'invalid parameter'));
    expect(await gateway().core.getAgentSession('102')).toBeNull();
  });

  test('sign-in busy (status 3) and in wrap-up (status "5"): their events and agent status', async () => {
    const busy = await signIn(gateway(), '101', { ...HUAWEI_SIGN_IN_SAMPLE, status: 3 });
    expect(described(await collectEvents(gateway(), '101', busy, 3))).toEqual(['AgentOther_InService', 'AgentState_Ready', 'AgentState_SetNotReady_Success {"reason":"0"}']);
    expect((await gateway().http.get(`${AG}/101/agentstatus`).set('Guid', busy)).text).toBe('{"message":"","retcode":"0","result":7}');
    const work = await signIn(gateway(), '102', { password: 'Agent@102', phonenum: '102', status: '5' });
    expect(described(await collectEvents(gateway(), '102', work, 3))).toEqual(['AgentOther_InService', 'AgentState_Ready', 'AgentState_Work']);
    expect((await gateway().http.get(`${AG}/102/agentstatus`).set('Guid', work)).text).toBe('{"message":"","retcode":"0","result":6}');
  });

  test('the long poll holds, answers as soon as an event is queued, and answers event null after the wait', async () => {
    const guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE);
    await collectEvents(gateway(), '101', guid, 2);
    const empty = await gateway().http.get(`${BASE}/agentevent/101`).set('Guid', guid);
    expect(empty.status).toBe(200);
    expect(empty.headers['content-type']).toBe(JSON_TYPE);
    expect(empty.text).toBe('{"message":"","retcode":"0","event":null}');

    const slow = await startCcgatewayGateway({ ccgateway: { pollWaitMs: 20_000 } });
    try {
      const slowGuid = await signIn(slow, '101', HUAWEI_SIGN_IN_SAMPLE);
      await collectEvents(slow, '101', slowGuid, 2);
      let answered = false;
      const waiting = poll(slow, '101', slowGuid).then((event) => {
        answered = true;
        return event;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(answered).toBe(false);
      expect((await slow.http.post(`${AG}/101/saybusy?reason=201`).set('Guid', slowGuid)).text).toBe(SUCCESS);
      const event = await waiting;
      expect(event && described([event])).toEqual(['AgentState_SetNotReady_Success {"reason":"201"}']);
    } finally {
      await slow.close();
    }
  }, 60_000);

  test('GUID rules: 100-006 without or with an unknown GUID, 000-003 with another agent\'s, cookie fallback', async () => {
    const guid101 = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE);
    const guid102 = await signIn(gateway(), '102', { password: 'Agent@102', phonenum: '102' });
    expect((await gateway().http.get(`${BASE}/agentevent/101`)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await gateway().http.get(`${BASE}/agentevent/101`).set('Guid', '279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0')).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await gateway().http.get(`${BASE}/agentevent/101`).set('Guid', guid102)).text).toBe(failure('000-003', 'no permission'));
    expect((await gateway().http.delete(`${AG}/101/logout`).set('Guid', guid102)).text).toBe(failure('000-003', 'no permission'));
    expect(await gateway().core.getAgentSession('101')).not.toBeNull();
    expect((await gateway().http.get(`${BASE}/agentevent/101`).set('Cookie', `JSESSIONID=${guid101}`)).text).toContain('"eventType":"AgentOther_InService"');
  });

  test('sign-out: success, AgentOther_ShutdownService to a waiting poll, then the GUID is dead', async () => {
    const slow = await startCcgatewayGateway({ ccgateway: { pollWaitMs: 20_000 } });
    try {
      const guid = await signIn(slow, '101', HUAWEI_SIGN_IN_SAMPLE);
      await collectEvents(slow, '101', guid, 2);
      const waiting = poll(slow, '101', guid);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const res = await slow.http.delete(`${AG}/101/logout`).set('Guid', guid).set('Content-Type', 'application/json; charset=UTF-8');
      expect(res.headers['content-type']).toBe(JSON_TYPE);
      expect(res.text).toBe(SUCCESS);
      const event = await waiting;
      expect(event && described([event])).toEqual(['AgentOther_ShutdownService']);
      expectEventShape(event!, '101');
      expect((await slow.http.get(`${BASE}/agentevent/101`).set('Guid', guid)).text).toBe(failure('100-006', 'agent not signed in'));
      expect((await slow.http.delete(`${AG}/101/logout`).set('Guid', guid)).text).toBe(failure('100-006', 'agent not signed in'));
      expect(await slow.query("SELECT * FROM access_tokens WHERE kind = 'ccgateway-guid' AND subject = '101'")).toEqual([]);
    } finally {
      await slow.close();
    }
  }, 60_000);

  test('forced sign-in: the replaced session\'s waiting poll gets ShutdownService, the new session starts with InService, Ready', async () => {
    const slow = await startCcgatewayGateway({ ccgateway: { pollWaitMs: 20_000 } });
    try {
      const old = await signIn(slow, '101', HUAWEI_SIGN_IN_SAMPLE);
      await collectEvents(slow, '101', old, 2);
      const waiting = poll(slow, '101', old);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const fresh = await signIn(slow, '101', HUAWEI_SIGN_IN_SAMPLE, true);
      const event = await waiting;
      expect(event && described([event])).toEqual(['AgentOther_ShutdownService']);
      expect((await slow.http.get(`${BASE}/agentevent/101`).set('Guid', old)).text).toBe(failure('100-006', 'agent not signed in'));
      expect(described(await collectEvents(slow, '101', fresh, 2))).toEqual(['AgentOther_InService', 'AgentState_Ready']);
    } finally {
      await slow.close();
    }
  }, 60_000);

  test('forced sign-in is refused with 100-015 when disabled', async () => {
    const strict = await startCcgatewayGateway({ ccgateway: { forceLoginAllowed: false } });
    try {
      await signIn(strict, '101', HUAWEI_SIGN_IN_SAMPLE);
      expect((await strict.http.put(`${AG}/101/forcelogin`).send(HUAWEI_SIGN_IN_SAMPLE)).text).toBe(failure('100-015', 'agent already signed in and forced sign-in not allowed'));
    } finally {
      await strict.close();
    }
  }, 60_000);

  test('agent states: saybusy, cancelbusy, sayfree, agentstatus and their events', async () => {
    const guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE);
    await collectEvents(gateway(), '101', guid, 2);
    const status = async (): Promise<string> => (await gateway().http.get(`${AG}/101/agentstatus`).set('Guid', guid)).text;
    expect(await status()).toBe('{"message":"","retcode":"0","result":1}');
    expect((await gateway().http.post(`${AG}/101/saybusy?reason=201`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual(['AgentState_SetNotReady_Success {"reason":"201"}']);
    expect(await status()).toBe('{"message":"","retcode":"0","result":7}');
    expect((await gateway().http.post(`${AG}/101/saybusy?reason=202`).set('Guid', guid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await gateway().http.post(`${AG}/101/saybusy?reason=202&prolong=true`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual(['AgentState_SetNotReady_Success {"reason":"202"}']);
    expect((await gateway().http.post(`${AG}/101/cancelbusy`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentState_CancelNotReady_Success', 'AgentState_Ready']);
    expect((await gateway().http.post(`${AG}/101/cancelbusy`).set('Guid', guid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await gateway().http.post(`${AG}/101/sayfree`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(await drainEvents(gateway(), '101', guid)).toEqual([]);
    expect(await status()).toBe('{"message":"","retcode":"0","result":1}');
  });

  test('busy requested during a playback call takes effect when it ends', async () => {
    const guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE);
    await collectEvents(gateway(), '101', guid, 2);
    expect((await gateway().http.put(`${BASE}/recordplay/101/play`).set('Guid', guid).send(SEED_PLAY_BODY)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook {"type":"main"}']);
    expect((await gateway().http.get(`${AG}/101/agentstatus`).set('Guid', guid)).text).toBe('{"message":"","retcode":"0","result":5}');
    expect((await gateway().http.post(`${AG}/101/sayfree`).set('Guid', guid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await gateway().http.post(`${AG}/101/saybusy?reason=210`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 5))).toEqual([
      'AgentMediaEvent_Play_Succ',
      'AgentMediaEvent_Play',
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_SetNotReady_Success {"reason":"210"}',
      'AgentMediaEvent_StopPlayDone {"cause":0}',
    ]);
  });

  test('requests are logged under Huawei\'s method names with their retcodes, without passwords or GUIDs', async () => {
    const guid = await signIn(gateway(), '102', { password: 'Agent@102', phonenum: '102' });
    await gateway().http.post(`${BASE}/recordplay/102/pauseplay`).set('Guid', guid);
    const rows = await gateway().waitFor(async () => {
      const found = await gateway().query<{ operation: string; result: string; params: Record<string, unknown>; agent_id: string; http_status: number }>(
        "SELECT operation, result, params, agent_id, http_status FROM api_log WHERE dialect = 'ccgateway' AND agent_id = '102' ORDER BY id",
      );
      return found.some((row) => row.operation === 'pausePlay') ? found : undefined;
    });
    expect(rows.filter((row) => row.operation === 'login').at(-1)).toMatchObject({ result: '0', http_status: 200, params: { agentid: '102', password: '[redacted]', phonenum: '102' } });
    expect(rows.find((row) => row.operation === 'pausePlay')).toMatchObject({ result: '500-003' });
    const everything = JSON.stringify(await gateway().query("SELECT * FROM api_log WHERE dialect = 'ccgateway'"));
    expect(everything).not.toContain('Agent@102');
    expect(everything).not.toContain(guid);
  });
});
