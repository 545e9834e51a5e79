import { unitApp } from './unit-app';
import { failure, JSON_TYPE, SUCCESS } from './wire-client';

const EVENTS = '/agentgateway/resource/agentevent';
const eventBody = (eventType: string, content: string, at: number): string =>
  `{"message":"","retcode":"0","event":{"eventType":"${eventType}","workNo":"101","content":${content},"eventGenTime":${at}}}`;
const NO_EVENT = '{"message":"","retcode":"0","event":null}';

describe('CC-Gateway event poll and GUID rules (wire format, fake core)', () => {
  test('one event per answer in the documented shape (key order kept although the store scrambles it), then event null', async () => {
    const { http, signIn, fake } = unitApp();
    const guid = await signIn('101');
    const at = fake.now.ms;
    const first = await http.get(`${EVENTS}/101`).set('Guid', guid).set('Content-Type', 'application/json; charset=UTF-8');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe(JSON_TYPE);
    expect(first.text).toBe(eventBody('AgentOther_InService', 'null', at));
    expect((await http.get(`${EVENTS}/101?calldata=xyz`).set('Guid', guid)).text).toBe(eventBody('AgentState_Ready', 'null', at));
    const empty = await http.get(`${EVENTS}/101`).set('Guid', guid);
    expect(empty.text).toBe(NO_EVENT);
    expect(empty.headers['set-guid']).toBeUndefined();
  });

  test('a waiting poll answers as soon as an event is queued', async () => {
    const { http, signIn, fake } = unitApp({ pollWaitMs: 10_000 });
    const guid = await signIn('101');
    await http.get(`${EVENTS}/101`).set('Guid', guid);
    await http.get(`${EVENTS}/101`).set('Guid', guid);
    let answered = false;
    const waiting = http
      .get(`${EVENTS}/101`)
      .set('Guid', guid)
      .then((res) => {
        answered = true;
        return res;
      });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(answered).toBe(false);
    await fake.publish({ type: 'AgentPhoneReleased', agentId: '101', callId: 'c', legId: 'c.1', by: 'agent', at: new Date(fake.now.ms) });
    const res = await waiting;
    expect(res.text).toBe(eventBody('AgentOther_PhoneRelease', '{"phoneState":2}', fake.now.ms));
  });

  test('every poll is the heartbeat', async () => {
    const { http, signIn, fake } = unitApp();
    const guid = await signIn('101');
    fake.now.ms += 60_000;
    await http.get(`${EVENTS}/101`).set('Guid', guid);
    expect(fake.sessions.get('101')?.lastSeenAt.getTime()).toBe(fake.now.ms);
  });

  test('100-006: no GUID, an unknown GUID', async () => {
    const { http, signIn } = unitApp();
    await signIn('101');
    expect((await http.get(`${EVENTS}/101`)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await http.get(`${EVENTS}/101`).set('Guid', '279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0')).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await http.get(`${EVENTS}/101`).set('Guid', 'x'.repeat(5000))).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('000-003: the GUID of another agent', async () => {
    const { http, signIn } = unitApp();
    await signIn('101');
    const other = await signIn('102');
    expect((await http.get(`${EVENTS}/101`).set('Guid', other)).text).toBe(failure('000-003', 'no permission'));
    expect((await http.put('/agentgateway/resource/recordplay/101/play').set('Guid', other).send({ voicepath: 'Y:/a.V3' })).text).toBe(failure('000-003', 'no permission'));
  });

  test('the GUID is also taken from a JSESSIONID cookie, or from a Guid header holding the whole Set-GUID value', async () => {
    const { http, signIn } = unitApp();
    const guid = await signIn('101');
    expect((await http.get(`${EVENTS}/101`).set('Cookie', `other=1; JSESSIONID=${guid}`)).text).toContain('AgentOther_InService');
    expect((await http.get(`${EVENTS}/101`).set('Guid', `JSESSIONID=${guid}`)).text).toContain('AgentState_Ready');
  });

  test('static AUTHMODE: the GUID lives with the session, however long', async () => {
    const { http, signIn, fake } = unitApp();
    const guid = await signIn('101');
    fake.now.ms += 7 * 24 * 3600_000;
    const res = await http.get(`${EVENTS}/101`).set('Guid', guid);
    expect(res.headers['set-guid']).toBeUndefined();
    expect(res.text).toContain('AgentOther_InService');
  });

  test('dynamic AUTHMODE: a poll rotates a due GUID (Set-GUID), the previous one stays valid for one more period', async () => {
    const { http, signIn, fake } = unitApp({ authMode: 'dynamic', guidRotationMs: 60_000 });
    const first = await signIn('101');
    const early = await http.get(`${EVENTS}/101`).set('Guid', first);
    expect(early.headers['set-guid']).toBeUndefined();
    fake.now.ms += 60_000;
    const rotating = await http.get(`${EVENTS}/101`).set('Guid', first);
    expect(rotating.headers['set-guid']).toMatch(/^JSESSIONID=[0-9a-f-]{36}\.AgentGateway0$/);
    const second = String(rotating.headers['set-guid']).slice('JSESSIONID='.length);
    expect(second).not.toBe(first);
    fake.now.ms += 30_000;
    expect((await http.get(`${EVENTS}/101`).set('Guid', first)).text).not.toContain('100-006');
    const fresh = await http.get(`${EVENTS}/101`).set('Guid', second);
    expect(fresh.headers['set-guid']).toBeUndefined();
    fake.now.ms += 30_000;
    expect((await http.get(`${EVENTS}/101`).set('Guid', first)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await http.get(`${EVENTS}/101`).set('Guid', second)).text).toBe(NO_EVENT);
  });

  test('an agent that stops polling is signed out by the background sweep', async () => {
    const { http, signIn, fake, dialect } = unitApp({ idleSignOutMs: 120_000, idleSweepMs: 20 });
    const guid = await signIn('101');
    dialect.start?.();
    try {
      fake.now.ms += 119_000;
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(fake.sessions.has('101')).toBe(true);
      fake.now.ms += 2_000;
      const deadline = Date.now() + 5000;
      while (fake.sessions.has('101') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fake.sessions.has('101')).toBe(false);
      expect((await http.get(`${EVENTS}/101`).set('Guid', guid)).text).toBe(failure('100-006', 'agent not signed in'));
    } finally {
      await dialect.stop?.();
    }
  });

  test('sign-out reaches a poll that is waiting: AgentOther_ShutdownService', async () => {
    const { http, signIn } = unitApp({ pollWaitMs: 10_000 });
    const guid = await signIn('101');
    await http.get(`${EVENTS}/101`).set('Guid', guid);
    await http.get(`${EVENTS}/101`).set('Guid', guid);
    const waiting = http.get(`${EVENTS}/101`).set('Guid', guid).then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await http.delete('/agentgateway/resource/onlineagent/101/logout').set('Guid', guid)).text).toBe(SUCCESS);
    expect((await waiting).text).toMatch(/"event":\{"eventType":"AgentOther_ShutdownService","workNo":"101","content":null,"eventGenTime":\d+\}\}$/);
  });

  test('stopping the dialect answers waiting polls at once', async () => {
    const { http, signIn, dialect } = unitApp({ pollWaitMs: 20_000 });
    const guid = await signIn('101');
    await http.get(`${EVENTS}/101`).set('Guid', guid);
    await http.get(`${EVENTS}/101`).set('Guid', guid);
    const waiting = http.get(`${EVENTS}/101`).set('Guid', guid).then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await dialect.stop?.();
    expect((await waiting).text).toBe(NO_EVENT);
  });
});
