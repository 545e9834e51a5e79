import { LONG_RECORDING, collectEvents, drainEvents, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, JSON_TYPE, SUCCESS, failure } from './wire-client';

const ALL = `${BASE}/agentevent/allagentevent`;

interface Listed {
  eventType: string;
  workNo: string;
  content: unknown;
  eventGenTime: number;
}

describe('CC-Gateway GET /agentevent/allagentevent on the whole stack (Postgres, the engine over ARI)', () => {
  const gateway = sharedCcgatewayGateway({
    extraProvisioning: { agents: [{ id: '201', name: 'Inspector 201', secret: '', attributes: { ccgateway_inspector: '1' } }] },
  });
  let agentGuid: string;
  let inspectorGuid: string;

  /** One inspector poll as sent, and its events as `workNo eventType [content]`. */
  async function pollAll(guid: string): Promise<{ raw: string; events: string[] }> {
    const res = await gateway().http.get(`${ALL}?time=${Date.now()}`).set('Guid', guid).set('Content-Type', 'text/plain');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    const body = JSON.parse(res.text) as { event: Listed[] };
    const rendered = body.event.map((event) => `{"eventType":${JSON.stringify(event.eventType)},"workNo":"${event.workNo}","content":${JSON.stringify(event.content)},"eventGenTime":${event.eventGenTime}}`);
    expect(res.text).toBe(`{"message":"","retcode":"0","event":[${rendered.join(',')}]}`);
    return { raw: res.text, events: body.event.map((event) => `${event.workNo} ${event.eventType}${event.content === null ? '' : ` ${JSON.stringify(event.content)}`}`) };
  }

  /** Polls until `count` events of all agents arrived (bounded). */
  async function collectAll(count: number, timeoutMs = 10_000): Promise<string[]> {
    const seen: string[] = [];
    const deadline = Date.now() + timeoutMs;
    while (seen.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} events, saw ${seen.join(', ')}`);
      seen.push(...(await pollAll(inspectorGuid)).events);
      if (seen.length < count) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return seen;
  }

  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 200 });
    inspectorGuid = await signIn(gateway(), '201', { password: '', phonenum: '102' }, true);
    agentGuid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    await drainEvents(gateway(), '101', agentGuid);
    await drainEvents(gateway(), '201', inspectorGuid);
  });

  afterEach(async () => {
    for (const [agentId, guid] of [
      ['101', agentGuid],
      ['201', inspectorGuid],
    ] as const) {
      await gateway().http.delete(`${BASE}/onlineagent/${agentId}/forcelogout`).set('Guid', guid);
    }
    await gateway().waitFor(async () => (await gateway().core.listLiveCalls()).every(({ call }) => call.agentId !== '101'), 10_000, 'the calls of 101 to end');
    await gateway().core.idle();
  });

  test('the sign-ins of the inspector and of the agent, in order, then an empty list', async () => {
    expect((await pollAll(inspectorGuid)).events).toEqual(['201 AgentOther_InService', '201 AgentState_Ready', '101 AgentOther_InService', '101 AgentState_Ready']);
    expect((await pollAll(inspectorGuid)).raw).toBe('{"message":"","retcode":"0","event":[]}');
  });

  test("an agent's state changes and its playback call, while the agent's own poll still gets its events", async () => {
    await pollAll(inspectorGuid);
    expect((await gateway().http.post(`${BASE}/onlineagent/101/saybusy?reason=201`).set('Guid', agentGuid)).text).toBe(SUCCESS);
    expect(await collectAll(1)).toEqual(['101 AgentState_SetNotReady_Success {"reason":"201"}']);
    expect((await gateway().http.post(`${BASE}/onlineagent/101/cancelbusy`).set('Guid', agentGuid)).text).toBe(SUCCESS);
    expect(await collectAll(2)).toEqual(['101 AgentState_CancelNotReady_Success', '101 AgentState_Ready']);

    const play = await gateway().http.put(`${BASE}/recordplay/101/play`).set('Guid', agentGuid).send({ voicepath: LONG_RECORDING.voicepath });
    expect(play.text).toBe(SUCCESS);
    const started = ['101 AgentState_Busy', '101 AgentOther_PhoneAlerting', '101 AgentOther_PhoneOffhook {"type":"main"}', '101 AgentMediaEvent_Play_Succ', '101 AgentMediaEvent_Play'];
    expect(await collectAll(5)).toEqual(started);
    expect((await gateway().http.delete(`${BASE}/recordplay/101/stopplay`).set('Guid', agentGuid)).text).toBe(SUCCESS);
    expect(await collectAll(3)).toEqual(['101 AgentOther_PhoneRelease {"phoneState":3}', '101 AgentState_Ready', '101 AgentMediaEvent_StopPlayDone {"cause":1}']);

    const own = await collectEvents(gateway(), '101', agentGuid, 11);
    expect(own.map((event) => event.eventType)).toEqual([
      'AgentState_SetNotReady_Success',
      'AgentState_CancelNotReady_Success',
      'AgentState_Ready',
      'AgentState_Busy',
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook',
      'AgentMediaEvent_Play_Succ',
      'AgentMediaEvent_Play',
      'AgentOther_PhoneRelease',
      'AgentState_Ready',
      'AgentMediaEvent_StopPlayDone',
    ]);
  });

  test("an agent's sign-out, and an inspector's new sign-in starting its list afresh", async () => {
    await pollAll(inspectorGuid);
    expect((await gateway().http.delete(`${BASE}/onlineagent/101/logout`).set('Guid', agentGuid)).text).toBe(SUCCESS);
    expect(await collectAll(1)).toEqual(['101 AgentOther_ShutdownService']);
    agentGuid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    inspectorGuid = await signIn(gateway(), '201', { password: '', phonenum: '102' }, true);
    expect((await pollAll(inspectorGuid)).events).toEqual(['201 AgentOther_InService', '201 AgentState_Ready']);
  });

  test('an agent signed in through another dialect is no CC-Gateway agent: nothing is listed for it', async () => {
    await pollAll(inspectorGuid);
    await gateway().core.loginAgent({ agentId: '102', via: 'voipsun', device: 'PJSIP/102', phoneNumber: '102' });
    try {
      await gateway().core.idle();
      expect((await pollAll(inspectorGuid)).events).toEqual([]);
    } finally {
      await gateway().core.logoutAgent({ agentId: '102', whenInCall: 'force' });
    }
  });

  test('refusals: an agent without the inspection right 000-003, no GUID or a dead one 100-006, another method 405', async () => {
    expect((await gateway().http.get(ALL).set('Guid', agentGuid)).text).toBe(failure('000-003', 'no permission'));
    expect((await gateway().http.get(ALL)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await gateway().http.get(ALL).set('Guid', 'dead.AgentGateway0')).text).toBe(failure('100-006', 'agent not signed in'));
    const post = await gateway().http.post(ALL).set('Guid', inspectorGuid);
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
    expect(post.text).toBe('');
    // A refused poll takes nothing from the inspector's list.
    expect((await pollAll(inspectorGuid)).events).toHaveLength(4);
  });
});
