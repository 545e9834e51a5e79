import { sharedCcgatewayGateway, signIn } from './integration-support';
import { eventTypes, startReceiver } from './push-receiver';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SUCCESS, failure } from './wire-client';

const TOKEN = 'st-e2e-0451';

describe('CC-Gateway push mode on the whole stack (spec §6.2): a real receiver, the outbox dispatcher', () => {
  // Huawei's schedule is every 10 s for 120 s; the same schedule, shortened, keeps the test short.
  const gateway = sharedCcgatewayGateway({ ccgateway: { pushCallbackHosts: ['127.0.0.1'], pushRetryEveryMs: 200, pushRetryForMs: 1000 } });

  test('a receiver that fails, then recovers, gets every event once, in order, with Huawei\'s headers', async () => {
    const receiver = await startReceiver(3);
    try {
      const guid = await signIn(gateway(), '101', { ...HUAWEI_SIGN_IN_SAMPLE, callBackUri: receiver.url, serviceToken: TOKEN });
      expect((await gateway().http.post(`${BASE}/onlineagent/101/saybusy?reason=202`).set('Guid', guid)).text).toBe(SUCCESS);
      expect((await gateway().http.post(`${BASE}/onlineagent/101/cancelbusy`).set('Guid', guid)).text).toBe(SUCCESS);
      expect((await gateway().http.delete(`${BASE}/onlineagent/101/logout`).set('Guid', guid)).text).toBe(SUCCESS);

      const expected = ['AgentOther_InService', 'AgentState_Ready', 'AgentState_SetNotReady_Success', 'AgentState_CancelNotReady_Success', 'AgentState_Ready', 'AgentOther_ShutdownService'];
      await gateway().waitFor(async () => eventTypes(receiver.seen.filter((push) => push.accepted)).length >= expected.length, 15_000, 'every event to be pushed');
      const accepted = receiver.seen.filter((push) => push.accepted);
      expect(eventTypes(accepted)).toEqual(expected);
      // The first three pushes were refused: all three were the first batch, tried again until accepted.
      expect(receiver.seen.slice(0, 4).map((push) => push.body)).toEqual(Array(4).fill(accepted[0]!.body));
      for (const push of receiver.seen) {
        expect(push.method).toBe('POST');
        expect(push.path).toBe('/huawei/events');
        expect(push.headers['content-type']).toBe('application/json;charset=UTF-8');
        expect(push.headers['guid']).toBe(guid);
        expect(push.headers['service_token']).toBe(TOKEN);
      }
      const first = JSON.parse(accepted[0]!.body) as { workNo: string; eventList: Array<Record<string, unknown>> };
      expect(Object.keys(first)).toEqual(['workNo', 'eventList']);
      expect(first.workNo).toBe('101');
      expect(first.eventList[0]).toEqual({ eventType: 'AgentOther_InService', workNo: '101', content: null, eventGenTime: expect.any(Number) });
      expect(JSON.parse(accepted[1]!.body).eventList).toEqual([expect.objectContaining({ eventType: 'AgentState_SetNotReady_Success', content: { reason: '202' } })]);
      // Nothing was kept for polls, and nothing waits.
      expect(await gateway().query("SELECT 1 FROM agent_mailbox WHERE agent_id = '101'")).toEqual([]);
      expect(await gateway().query("SELECT id FROM outbox WHERE ordering_key = 'ccgateway-push:101' AND delivered_at IS NULL")).toEqual([]);
      // The token is stored where it is needed to push, and nowhere in the API log.
      expect(JSON.stringify(await gateway().query('SELECT * FROM api_log'))).not.toContain(TOKEN);
    } finally {
      await receiver.close();
    }
  });

  test('a receiver that never answers: tried on the schedule, then the agent is signed out with its events', async () => {
    const receiver = await startReceiver(Infinity);
    try {
      const guid = await signIn(gateway(), '101', { ...HUAWEI_SIGN_IN_SAMPLE, callBackUri: receiver.url, serviceToken: TOKEN });
      expect((await gateway().http.post(`${BASE}/onlineagent/101/saybusy`).set('Guid', guid)).text).toBe(SUCCESS);
      await gateway().waitFor(async () => (await gateway().core.getAgentSession('101')) === null, 15_000, 'agent 101 to be signed out');

      // The first attempt and one every 200 ms for 1000 ms, all of the oldest batch; the sign-out is not pushed.
      expect(receiver.seen).toHaveLength(6);
      expect(new Set(receiver.seen.map((push) => push.body)).size).toBe(1);
      expect(eventTypes(receiver.seen.slice(0, 1))).toEqual(['AgentOther_InService', 'AgentState_Ready']);
      expect(await gateway().query("SELECT id FROM outbox WHERE ordering_key = 'ccgateway-push:101'  AND delivered_at IS NULL")).toEqual([]);
      expect((await gateway().http.get(`${BASE}/onlineagent/101/agentstatus`).set('Guid', guid)).text).toBe(failure('100-006', 'agent not signed in'));
      // Nothing more is tried.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(receiver.seen).toHaveLength(6);
    } finally {
      await receiver.close();
    }
  });

  test('a callback host not on the list: sign-in refused with 100-011', async () => {
    const res = await gateway().http.put(`${BASE}/onlineagent/101`).send({ ...HUAWEI_SIGN_IN_SAMPLE, callBackUri: 'http://192.0.2.10/events', serviceToken: TOKEN });
    expect(res.text).toBe(failure('100-011', 'invalid sign-in parameter'));
    expect(await gateway().core.getAgentSession('101')).toBeNull();
  });
});
