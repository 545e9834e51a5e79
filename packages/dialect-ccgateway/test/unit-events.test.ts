import { legOf, waitFor } from '@pbx-gateway/test-support';
import { putInCall, unitApp } from './unit-app';
import { failure, JSON_TYPE, SUCCESS } from './wire-client';

const EVENTS = '/agentgateway/resource/agentevent';
const eventBody = (eventType: string, content: string, at: number): string =>
  `{"message":"","retcode":"0","event":{"eventType":"${eventType}","workNo":"101","content":${content},"eventGenTime":${at}}}`;
const NO_EVENT = '{"message":"","retcode":"0","event":null}';

describe('CC-Gateway event poll and GUID rules (wire format, test core)', () => {
  test('one event per answer in the documented shape (key order kept although the store scrambles it), then event null', async () => {
    const { http, signIn, t, expirePoll } = await unitApp();
    const guid = await signIn('101');
    const at = t.clock.nowMs();
    const first = await http.get(`${EVENTS}/101`).set('Guid', guid).set('Content-Type', 'application/json; charset=UTF-8');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe(JSON_TYPE);
    expect(first.text).toBe(eventBody('AgentOther_InService', 'null', at));
    expect((await http.get(`${EVENTS}/101?calldata=xyz`).set('Guid', guid)).text).toBe(eventBody('AgentState_Ready', 'null', at));
    const [empty] = await Promise.all([http.get(`${EVENTS}/101`).set('Guid', guid), expirePoll()]);
    expect(empty.text).toBe(NO_EVENT);
    expect(empty.headers['set-guid']).toBeUndefined();
  });

  test('a waiting poll answers as soon as an event is queued', async () => {
    const { http, signIn, t } = await unitApp({ pollWaitMs: 10_000 });
    const guid = await signIn('101');
    const { callId } = await putInCall(t);
    // Take what sign-in and the call queued, so that the next poll waits.
    while (t.store.mailboxMessages('101', 'ccgateway').length > 0) await http.get(`${EVENTS}/101`).set('Guid', guid);
    let answered = false;
    const waiting = http
      .get(`${EVENTS}/101`)
      .set('Guid', guid)
      .then((res) => {
        answered = true;
        return res;
      });
    await waitFor(() => t.store.mailboxSignals.waiting > 0, 5000, 'the poll waiting');
    expect(answered).toBe(false);
    // The agent hangs up the phone.
    t.pbx.hangupFarEnd((await legOf(t, callId, 'agent')).id);
    await t.settle();
    const res = await waiting;
    // The first of the events of the agent's hang-up (spec §9.3: the agent released the call).
    expect(res.text).toBe(eventBody('AgentEvent_Call_Release', `{"callid":"${callId}"}`, t.clock.nowMs()));
  });

  test('every poll is the heartbeat', async () => {
    const { http, signIn, t } = await unitApp();
    const guid = await signIn('101');
    await t.advance(60_000);
    await http.get(`${EVENTS}/101`).set('Guid', guid);
    expect((await t.core.getAgentSession('101'))?.lastSeenAt.getTime()).toBe(t.clock.nowMs());
  });

  test('100-006: no GUID, an unknown GUID', async () => {
    const { http, signIn } = await unitApp();
    await signIn('101');
    expect((await http.get(`${EVENTS}/101`)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await http.get(`${EVENTS}/101`).set('Guid', '279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0')).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await http.get(`${EVENTS}/101`).set('Guid', 'x'.repeat(5000))).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('000-003: the GUID of another agent', async () => {
    const { http, signIn } = await unitApp();
    await signIn('101');
    const other = await signIn('102');
    expect((await http.get(`${EVENTS}/101`).set('Guid', other)).text).toBe(failure('000-003', 'no permission'));
    expect((await http.put('/agentgateway/resource/recordplay/101/play').set('Guid', other).send({ voicepath: 'Y:/a.V3' })).text).toBe(failure('000-003', 'no permission'));
  });

  test('the GUID is also taken from a JSESSIONID cookie, or from a Guid header holding the whole Set-GUID value', async () => {
    const { http, signIn } = await unitApp();
    const guid = await signIn('101');
    expect((await http.get(`${EVENTS}/101`).set('Cookie', `other=1; JSESSIONID=${guid}`)).text).toContain('AgentOther_InService');
    expect((await http.get(`${EVENTS}/101`).set('Guid', `JSESSIONID=${guid}`)).text).toContain('AgentState_Ready');
  });

  test('static AUTHMODE: the GUID lives with the session, however long', async () => {
    const { http, signIn, t } = await unitApp();
    const guid = await signIn('101');
    await t.advance(7 * 24 * 3600_000);
    const res = await http.get(`${EVENTS}/101`).set('Guid', guid);
    expect(res.headers['set-guid']).toBeUndefined();
    expect(res.text).toContain('AgentOther_InService');
  });

  test('dynamic AUTHMODE: a poll rotates a due GUID (Set-GUID), the previous one stays valid for one more period', async () => {
    const { http, signIn, t, expirePoll } = await unitApp({ authMode: 'dynamic', guidRotationMs: 60_000 });
    const first = await signIn('101');
    const early = await http.get(`${EVENTS}/101`).set('Guid', first);
    expect(early.headers['set-guid']).toBeUndefined();
    await t.advance(60_000);
    const rotating = await http.get(`${EVENTS}/101`).set('Guid', first);
    expect(rotating.headers['set-guid']).toMatch(/^JSESSIONID=[0-9a-f-]{36}\.AgentGateway0$/);
    const second = String(rotating.headers['set-guid']).slice('JSESSIONID='.length);
    expect(second).not.toBe(first);
    await t.advance(30_000);
    const [stillValid] = await Promise.all([http.get(`${EVENTS}/101`).set('Guid', first), expirePoll()]);
    expect(stillValid.text).toBe(NO_EVENT);
    const [fresh] = await Promise.all([http.get(`${EVENTS}/101`).set('Guid', second), expirePoll()]);
    expect(fresh.headers['set-guid']).toBeUndefined();
    await t.advance(30_000);
    expect((await http.get(`${EVENTS}/101`).set('Guid', first)).text).toBe(failure('100-006', 'agent not signed in'));
    const [last] = await Promise.all([http.get(`${EVENTS}/101`).set('Guid', second), expirePoll()]);
    expect(last.text).toBe(NO_EVENT);
  });

  test('an agent that stops polling is signed out by the background sweep', async () => {
    const { http, signIn, t, dialect } = await unitApp({ idleSignOutMs: 120_000, idleSweepMs: 20 });
    const guid = await signIn('101');
    dialect.start?.();
    try {
      await t.advance(119_000);
      // A few sweeps run meanwhile: none finds the agent idle yet.
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(await t.core.getAgentSession('101')).not.toBeNull();
      await t.advance(2_000);
      await waitFor(async () => (await t.core.getAgentSession('101')) === null, 5000, 'the sweep signing the agent out');
      expect((await http.get(`${EVENTS}/101`).set('Guid', guid)).text).toBe(failure('100-006', 'agent not signed in'));
    } finally {
      await dialect.stop?.();
    }
  });

  test('sign-out reaches a poll that is waiting: AgentOther_ShutdownService', async () => {
    const { http, signIn, t } = await unitApp({ pollWaitMs: 10_000 });
    const guid = await signIn('101');
    await http.get(`${EVENTS}/101`).set('Guid', guid);
    await http.get(`${EVENTS}/101`).set('Guid', guid);
    const waiting = http.get(`${EVENTS}/101`).set('Guid', guid).then((res) => res);
    await waitFor(() => t.store.mailboxSignals.waiting > 0, 5000, 'the poll waiting');
    expect((await http.delete('/agentgateway/resource/onlineagent/101/logout').set('Guid', guid)).text).toBe(SUCCESS);
    expect((await waiting).text).toMatch(/"event":\{"eventType":"AgentOther_ShutdownService","workNo":"101","content":null,"eventGenTime":\d+\}\}$/);
  });

  test('stopping the dialect answers waiting polls at once', async () => {
    const { http, signIn, dialect, t } = await unitApp({ pollWaitMs: 20_000 });
    const guid = await signIn('101');
    await http.get(`${EVENTS}/101`).set('Guid', guid);
    await http.get(`${EVENTS}/101`).set('Guid', guid);
    const waiting = http.get(`${EVENTS}/101`).set('Guid', guid).then((res) => res);
    await waitFor(() => t.store.mailboxSignals.waiting > 0, 5000, 'the poll waiting');
    await dialect.stop?.();
    expect((await waiting).text).toBe(NO_EVENT);
  });
});
