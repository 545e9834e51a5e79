import { collectEvents, described, drainEvents, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, JSON_TYPE, failure } from './wire-client';

// Inspector 201 moves agent 202 between skills 31 and 32 (the core's inbound
// queues, 31 reached on DID 2125550131); 101 has no inspection right.
const QC = `${BASE}/qualitycontrol/201`;
const DID_31 = '2125550131';
const DONE = '{"message":"","retcode":"0","result":{}}';

describe('CC-Gateway adjustskill on the whole stack (Postgres, the engine over ARI): an inspector sets the skills another agent serves', () => {
  const gateway = sharedCcgatewayGateway({
    extraProvisioning: {
      agents: [
        { id: '201', name: 'Inspector 201', secret: '', attributes: { ccgateway_inspector: '1' } },
        { id: '202', name: 'Agent 202', secret: '' },
      ],
      queues: [
        { name: '31', strategy: 'longest_wait_time' },
        { name: '32', strategy: 'longest_wait_time' },
      ],
      didRoutes: [{ did: DID_31, queue: '31' }],
    },
  });
  let inspectorGuid: string;
  let agentGuid: string;

  beforeEach(async () => {
    await gateway().farEnd.setPhone('102', { outcome: 'answer', ringMs: 200 });
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 200 });
    inspectorGuid = await signIn(gateway(), '201', { password: '', phonenum: '40038' }, true);
    agentGuid = await signIn(gateway(), '202', { password: '', phonenum: '102' }, true);
    await drainEvents(gateway(), '201', inspectorGuid);
    await drainEvents(gateway(), '202', agentGuid);
  });

  afterEach(async () => {
    for (const [agentId, guid] of [
      ['201', inspectorGuid],
      ['202', agentGuid],
    ] as const) {
      await gateway().http.delete(`${BASE}/onlineagent/${agentId}/forcelogout`).set('Guid', guid);
    }
    await gateway().waitFor(async () => (await gateway().core.listLiveCalls()).every(({ call }) => call.agentId !== '202' && call.purpose !== 'inbound'), 10_000, 'the calls of 202 to end');
    await gateway().core.idle();
  });

  const adjust = (body: unknown, guid = inspectorGuid, path = `${QC}/adjustskill`) =>
    gateway().http.post(path).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send(body as object);

  test('Huawei\'s sample body: the agent serves the skills named (unknown ids skipped), then others, then none; a call on its skill reaches it', async () => {
    const res = await adjust({ workNo: '202', skills: [31, 32, 99] });
    expect([res.status, res.headers['content-type'], res.text]).toEqual([200, JSON_TYPE, DONE]);
    expect((await gateway().core.queuesOfAgent('202')).sort()).toEqual(['31', '32']);
    expect((await adjust({ workNo: '202', skills: [32] })).text).toBe(DONE);
    expect(await gateway().core.queuesOfAgent('202')).toEqual(['32']);
    expect((await adjust({ workNo: 202 })).text).toBe(DONE);
    expect(await gateway().core.queuesOfAgent('202')).toEqual([]);

    expect((await adjust({ workNo: '202', skills: [31] })).text).toBe(DONE);
    const caller = await gateway().farEnd.callIn(DID_31, '5550131');
    const events = described(await collectEvents(gateway(), '202', agentGuid, 5));
    expect(events.map((event) => event.split(' ')[0])).toEqual(['AgentEvent_Ringing', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook', 'AgentState_Busy', 'AgentEvent_Talking']);
    const live = (await gateway().core.listLiveCalls()).find(({ call }) => call.agentId === '202');
    expect(live?.call).toMatchObject({ purpose: 'inbound', progress: { stage: 'connected', queueName: '31' } });
    await caller.hangup();
    expect(described(await collectEvents(gateway(), '202', agentGuid, 3)).map((event) => event.split(' ')[0])).toEqual(['AgentEvent_Customer_Release', 'AgentOther_PhoneRelease', 'AgentState_Ready']);
  });

  test('errors: 100-001 for a body it cannot take, 000-003 without the right, 000-005 on itself, 100-006 for an agent signed out or no GUID; POST only', async () => {
    const invalid = failure('100-001', 'sign-in parameter empty or invalid');
    for (const body of [{}, { skills: [31] }, { workNo: '' }, { workNo: '99' }, { workNo: 'abc' }, { workNo: '202', skills: '31' }, { workNo: '202', skills: ['x'] }, { workNo: '202', skills: [-1] }, { workNo: '202', skills: Array.from({ length: 1001 }, (_, i) => i) }]) {
      expect([body, (await adjust(body)).text]).toEqual([body, invalid]);
    }
    const broken = await gateway().http.post(`${QC}/adjustskill`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', inspectorGuid).send('{"workNo":');
    expect(broken.text).toBe(invalid);

    const guid101 = await signIn(gateway(), '101', { password: '', phonenum: '40038' }, true);
    try {
      expect((await adjust({ workNo: '202', skills: [31] }, guid101, `${BASE}/qualitycontrol/101/adjustskill`)).text).toBe(failure('000-003', 'no permission'));
    } finally {
      await gateway().http.delete(`${BASE}/onlineagent/101/forcelogout`).set('Guid', guid101);
    }
    expect((await adjust({ workNo: '201', skills: [31] })).text).toBe(failure('000-005', 'inspector cannot inspect itself'));
    expect((await gateway().http.delete(`${BASE}/onlineagent/202/logout`).set('Guid', agentGuid)).text).toBe('{"message":"success","retcode":"0","result":{}}');
    expect((await adjust({ workNo: '202', skills: [31] })).text).toBe(failure('100-006', 'agent not signed in'));
    expect(await gateway().core.queuesOfAgent('202')).toEqual([]);
    expect((await gateway().http.post(`${QC}/adjustskill`).send({ workNo: '202' })).text).toBe(failure('100-006', 'agent not signed in'));
    const wrong = await gateway().http.put(`${QC}/adjustskill`).set('Guid', inspectorGuid).send({ workNo: '202' });
    expect([wrong.status, wrong.headers.allow, wrong.text]).toEqual([405, 'POST', '']);
  });
});
