import { unitApp } from './unit-app';
import { failure, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

const ALL = '/agentgateway/resource/agentevent/allagentevent';
const INSPECTOR_SIGN_IN = { password: '', phonenum: '40103' };

/** Inspector 103 and agent 101 signed in, the inspector's list emptied. */
async function inspectorAndAgent(settings: Parameters<typeof unitApp>[0] = {}, agentBody: Record<string, unknown> = HUAWEI_SIGN_IN_SAMPLE) {
  const app = await unitApp(settings);
  const inspectorGuid = await app.signIn('103', INSPECTOR_SIGN_IN);
  const agentGuid = await app.signIn('101', agentBody);
  await app.t.settle();
  const first = await app.http.get(ALL).set('Guid', inspectorGuid);
  expect(JSON.parse(first.text).event).toHaveLength(4);
  /** The `workNo eventType` of one inspector poll. */
  const pollAll = async (): Promise<string[]> => {
    const res = await app.http.get(ALL).set('Guid', inspectorGuid);
    const body = JSON.parse(res.text) as { retcode: string; event: Array<{ eventType: string; workNo: string }> };
    expect(body.retcode).toBe('0');
    return body.event.map((event) => `${event.workNo} ${event.eventType}`);
  };
  return { ...app, inspectorGuid, agentGuid, pollAll };
}

describe('CC-Gateway GET /agentevent/allagentevent (wire format, test core)', () => {
  test('the answer: every waiting event in one list, keys in order, eventGenTime the event time', async () => {
    const app = await unitApp();
    const inspectorGuid = await app.signIn('103', INSPECTOR_SIGN_IN);
    const at = app.t.clock.now().getTime();
    const res = await app.http.get(ALL).set('Guid', inspectorGuid);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(res.text).toBe(
      `{"message":"","retcode":"0","event":[{"eventType":"AgentOther_InService","workNo":"103","content":null,"eventGenTime":${at}},{"eventType":"AgentState_Ready","workNo":"103","content":null,"eventGenTime":${at}}]}`,
    );
    expect((await app.http.get(ALL).set('Guid', inspectorGuid)).text).toBe('{"message":"","retcode":"0","event":[]}');
  });

  test("an agent's events with their content; the agent's own queue keeps them", async () => {
    const { http, agentGuid, inspectorGuid, pollAll, t } = await inspectorAndAgent();
    expect((await http.post('/agentgateway/resource/onlineagent/101/saybusy?reason=205').set('Guid', agentGuid)).text).toBe(SUCCESS);
    const res = await http.get(ALL).set('Guid', inspectorGuid);
    expect(res.text).toMatch(/^\{"message":"","retcode":"0","event":\[\{"eventType":"AgentState_SetNotReady_Success","workNo":"101","content":\{"reason":"205"\},"eventGenTime":\d+\}\]\}$/);
    expect(await pollAll()).toEqual([]);
    const own = t.store.mailboxMessages('101', 'ccgateway').map((message) => (message as { eventType: string }).eventType);
    expect(own.slice(-1)).toEqual(['AgentState_SetNotReady_Success']);
  });

  test('a push agent: its events are pushed and also listed for the inspector', async () => {
    const push = { ...HUAWEI_SIGN_IN_SAMPLE, callBackUri: 'https://crm.example.com/huawei/events', serviceToken: 'st-1' };
    const { http, agentGuid, pollAll } = await inspectorAndAgent({ pushCallbackHosts: ['crm.example.com'] }, push);
    expect((await http.post('/agentgateway/resource/onlineagent/101/rest/60/0').set('Guid', agentGuid)).text).toBe(SUCCESS);
    expect(await pollAll()).toEqual(['101 AgentState_SetRest_Success']);
  });

  test('at most 100 events an answer, the rest at the next poll, oldest first', async () => {
    const { http, agentGuid, pollAll } = await inspectorAndAgent();
    for (let i = 0; i < 35; i += 1) {
      expect((await http.post('/agentgateway/resource/onlineagent/101/saybusy').set('Guid', agentGuid)).text).toBe(SUCCESS);
      expect((await http.post('/agentgateway/resource/onlineagent/101/cancelbusy').set('Guid', agentGuid)).text).toBe(SUCCESS);
    }
    const first = await pollAll();
    expect(first).toHaveLength(100);
    expect(first.slice(0, 3)).toEqual(['101 AgentState_SetNotReady_Success', '101 AgentState_CancelNotReady_Success', '101 AgentState_Ready']);
    expect(await pollAll()).toHaveLength(5);
    expect(await pollAll()).toEqual([]);
  });

  test('refusals in check order: no GUID 100-006, a GUID without the right 000-003; nothing is taken', async () => {
    const { http, agentGuid, pollAll } = await inspectorAndAgent();
    expect((await http.get(ALL)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await http.get(ALL).set('Guid', agentGuid)).text).toBe(failure('000-003', 'no permission'));
    expect((await http.put(ALL).set('Guid', agentGuid)).status).toBe(405);
    expect(await pollAll()).toEqual([]);
  });
});
