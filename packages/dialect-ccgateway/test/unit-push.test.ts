import { unitApp } from './unit-app';
import { failure, HUAWEI_SIGN_IN_SAMPLE } from './wire-client';

const LOGIN = '/agentgateway/resource/onlineagent';
const EVENTS = '/agentgateway/resource/agentevent';
const RECEIVER = 'https://crm.example.com:8443/huawei/events';
const TOKEN = 'st-7f3c9a1e';
const PUSH_SIGN_IN = { ...HUAWEI_SIGN_IN_SAMPLE, callBackUri: RECEIVER, serviceToken: TOKEN };
const INVALID_SIGN_IN = failure('100-011', 'invalid sign-in parameter');

const pushApp = (settings: Parameters<typeof unitApp>[0] = {}) => unitApp({ pushCallbackHosts: ['crm.example.com'], ...settings });

describe('CC-Gateway push mode (spec §6.2, test core)', () => {
  test("sign-in with both fields: the session's events are POSTed with Content-Type, Guid and service_token, as {workNo, eventList}, and never reach the poll", async () => {
    const { http, t } = await pushApp();
    const res = await http.put(`${LOGIN}/101`).send(PUSH_SIGN_IN);
    expect(res.text).toContain('"retcode":"0"');
    const guid = String(res.headers['set-guid']).slice('JSESSIONID='.length);
    const loginTime = t.clock.nowMs();

    await expect(t.core.deliverDueCallbacks()).resolves.toBe(1);
    const [attempt] = t.callbacks.attempts;
    expect(attempt!.url).toBe(RECEIVER);
    expect(attempt!.headers).toEqual({ 'Content-Type': 'application/json;charset=UTF-8', Guid: guid, service_token: TOKEN, 'Idempotency-Key': expect.any(String) });
    expect(attempt!.body).toBe(
      `{"workNo":"101","eventList":[{"eventType":"AgentOther_InService","workNo":"101","content":null,"eventGenTime":${loginTime}},{"eventType":"AgentState_Ready","workNo":"101","content":null,"eventGenTime":${loginTime}}]}`,
    );

    // The GUID pushed is the one sign-in answered, and it works.
    expect((await http.post(`${LOGIN}/101/saybusy?reason=201`).set('Guid', guid)).text).toContain('"retcode":"0"');
    await t.core.deliverDueCallbacks();
    expect(JSON.parse(t.callbacks.attempts[1]!.body)).toEqual({
      workNo: '101',
      eventList: [{ eventType: 'AgentState_SetNotReady_Success', workNo: '101', content: { reason: '201' }, eventGenTime: t.clock.nowMs() }],
    });
    expect(t.store.mailboxMessages('101', 'ccgateway')).toEqual([]);
    // The poll waits on the test clock once the request has reached the gateway, which a loaded machine may take a while to do.
    let answered = false;
    const poll = http.get(`${EVENTS}/101`).set('Guid', guid).then((answer) => {
      answered = true;
      return answer.text;
    });
    for (let step = 0; step < 500 && !answered; step++) {
      await t.advance(300);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await poll).toBe('{"message":"","retcode":"0","event":null}');
  });

  test('a sign-out is pushed too', async () => {
    const { http, t } = await pushApp();
    const guid = String((await http.put(`${LOGIN}/101`).send(PUSH_SIGN_IN)).headers['set-guid']).slice('JSESSIONID='.length);
    await http.delete(`${LOGIN}/101/logout`).set('Guid', guid);
    while ((await t.store.direct.outbox.countPending()) > 0) await t.core.deliverDueCallbacks();
    expect(t.callbacks.delivered.map((delivery) => JSON.parse(delivery.body).eventList.map((event: { eventType: string }) => event.eventType))).toEqual([
      ['AgentOther_InService', 'AgentState_Ready'],
      ['AgentOther_ShutdownService'],
    ]);
  });

  test.each([
    ['a host not on the list', { callBackUri: 'https://evil.example.com/events' }, null],
    ['the right name on another port when the list names a port', { callBackUri: 'https://crm.example.com:9000/x' }, ['crm.example.com:8443']],
    ['not a URL', { callBackUri: 'crm.example.com/events' }, null],
    ['another scheme', { callBackUri: 'ftp://crm.example.com/events' }, null],
    ['credentials in the URL', { callBackUri: 'https://user:pw@crm.example.com/events' }, null],
    ['push mode switched off (no hosts)', {}, []],
  ] as Array<[string, Record<string, string>, string[] | null]>)('sign-in refused with 100-011: %s; no session', async (_name, fields, hosts) => {
    const { http, t } = await pushApp(hosts ? { pushCallbackHosts: hosts } : {});
    const res = await http.put(`${LOGIN}/101`).send({ ...PUSH_SIGN_IN, ...fields });
    expect(res.text).toBe(INVALID_SIGN_IN);
    expect(await t.core.getAgentSession('101')).toBeNull();
  });

  test.each([
    ['host:port on the list', ['crm.example.com:8443']],
    ['host name in another case', ['CRM.Example.com']],
  ])('sign-in accepted: %s', async (_name, hosts) => {
    const { http, t } = await pushApp({ pushCallbackHosts: hosts });
    expect((await http.put(`${LOGIN}/101`).send(PUSH_SIGN_IN)).text).toContain('"retcode":"0"');
    expect((await t.core.getAgentSession('101'))?.eventPush?.url).toBe(RECEIVER);
  });

  test.each([
    ['callBackUri alone', { callBackUri: RECEIVER }],
    ['serviceToken alone', { serviceToken: TOKEN }],
    ['an empty serviceToken', { callBackUri: RECEIVER, serviceToken: '' }],
    ['a callBackUri off the list without a token', { callBackUri: 'https://evil.example.com/' }],
  ])('%s: the client polls as before', async (_name, fields) => {
    const { http, t } = await pushApp();
    expect((await http.put(`${LOGIN}/101`).send({ ...HUAWEI_SIGN_IN_SAMPLE, ...fields })).text).toContain('"retcode":"0"');
    expect((await t.core.getAgentSession('101'))?.eventPush).toBeNull();
    expect(t.store.mailboxMessages('101', 'ccgateway')).toHaveLength(2);
    expect(t.store.outboxMessages()).toEqual([]);
  });

  test('the service token reaches no log: not the API log, not the dialect log, not a failed delivery', async () => {
    const { http, t, logs } = await pushApp({ pushRetryEveryMs: 10, pushRetryForMs: 20 });
    t.callbacks.failNext(10);
    await http.put(`${LOGIN}/101`).send(PUSH_SIGN_IN);
    for (let round = 0; round < 5; round += 1) {
      await t.core.deliverDueCallbacks();
      await t.advance(10);
    }
    expect(await t.core.getAgentSession('101')).toBeNull();
    expect(JSON.stringify(t.store.apiLogEntries)).not.toContain(TOKEN);
    expect(t.logger.messages('warn')).toContain('callback delivery given up');
    expect(JSON.stringify(t.logger.lines)).not.toContain(TOKEN);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  test('a push agent that never polls is not signed out by the idle sweep', async () => {
    const { http, t, settings } = await pushApp({ idleSignOutMs: 1000 });
    await http.put(`${LOGIN}/101`).send(PUSH_SIGN_IN);
    await http.put(`${LOGIN}/102`).send({ password: 'Agent@102', phonenum: '102' });
    await t.advance(5000);
    // What the dialect's sweep runs.
    await expect(t.core.expireIdleSessions({ via: 'ccgateway', idleMs: settings.idleSignOutMs })).resolves.toEqual(['102']);
    expect(await t.core.getAgentSession('101')).not.toBeNull();
  });
});
