import { LONG_RECORDING, collectEvents, described, drainEvents, expectEventShape, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, JSON_TYPE, SUCCESS, failure } from './wire-client';

const QC = `${BASE}/qualitycontrol/201`;
const INSPECTOR_PHONE = '102';
const INSPECTOR_JOINED = ['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook {"type":"main"}'];
const INSPECTOR_LEFT = ['AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready'];

describe('CC-Gateway quality control on the whole stack (Postgres, the engine over ARI)', () => {
  const gateway = sharedCcgatewayGateway({
    extraProvisioning: {
      agents: [
        { id: '201', name: 'Inspector 201', secret: '', attributes: { ccgateway_inspector: '1' } },
        { id: '202', name: 'Agent 202', secret: '' },
      ],
    },
  });
  let agentGuid: string;
  let inspectorGuid: string;

  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 200 });
    await gateway().farEnd.setPhone(INSPECTOR_PHONE, { outcome: 'answer', ringMs: 200 });
    agentGuid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    inspectorGuid = await signIn(gateway(), '201', { password: '', phonenum: INSPECTOR_PHONE }, true);
    await drainEvents(gateway(), '101', agentGuid);
    await drainEvents(gateway(), '201', inspectorGuid);
  });

  afterEach(async () => {
    for (const [agentId, guid] of [
      ['201', inspectorGuid],
      ['101', agentGuid],
    ] as const) {
      await gateway().http.delete(`${BASE}/onlineagent/${agentId}/forcelogout`).set('Guid', guid);
    }
    const ours = new Set(['101', '201']);
    await gateway().waitFor(async () => (await gateway().core.listLiveCalls()).every(({ call }) => !ours.has(call.agentId ?? '')), 10_000, 'the calls of 101 and 201 to end');
    await gateway().core.idle();
  });

  /** Agent 101 on the phone: a long recording plays to it. */
  async function agentOnThePhone(): Promise<void> {
    const res = await gateway().http.put(`${BASE}/recordplay/101/play`).set('Guid', agentGuid).send({ voicepath: LONG_RECORDING.voicepath });
    expect(res.text).toBe(SUCCESS);
    await collectEvents(gateway(), '101', agentGuid, 5);
  }

  /** Snoops the gateway's application runs (Asterisk keeps a snoop hung up through ARI, outside the application, until its target goes). */
  const snoops = async (): Promise<number> =>
    (await gateway().engineChannels()).filter((channel) => channel.name.startsWith('Snoop/') && channel.dialplan.app_name !== '').length;

  test('listen, then stop: the inspector phone rings, joins by a snoop, and is released; the agent is told nothing', async () => {
    await agentOnThePhone();
    const res = await gateway().http.put(`${QC}/addsupervise/101`).set('Guid', inspectorGuid).set('Content-Type', 'application/json; charset=UTF-8');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.text).toBe(SUCCESS);
    const joined = await collectEvents(gateway(), '201', inspectorGuid, 3);
    expect(described(joined)).toEqual(INSPECTOR_JOINED);
    for (const event of joined) expectEventShape(event, '201');
    await gateway().waitFor(async () => (await snoops()) === 1, 10_000, 'the snoop on the agent channel');

    expect((await gateway().http.delete(`${QC}/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '201', inspectorGuid, 2))).toEqual(INSPECTOR_LEFT);
    await gateway().waitFor(async () => (await snoops()) === 0, 10_000, 'the snoop out of the application');
    expect(await drainEvents(gateway(), '101', agentGuid)).toEqual([]);
    const cdrs = await gateway().query<{ purpose: string; agent_id: string }>("SELECT purpose, agent_id FROM cdrs WHERE purpose = 'supervision'");
    expect(cdrs).toEqual([{ purpose: 'supervision', agent_id: '201' }]);
  });

  test.each([
    ['PUT', 'addinsert/101', 'requestwhisperagent'],
    ['POST', 'requestwhisperagent?whisperagentid=101', 'requeststopwhisperagent?whisperagentid=101'],
  ])('%s %s, then stop', async (method, path, stopPath) => {
    await agentOnThePhone();
    const start = method === 'PUT' ? gateway().http.put(`${QC}/${path}`) : gateway().http.post(`${QC}/${path}`);
    expect((await start.set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '201', inspectorGuid, 3))).toEqual(INSPECTOR_JOINED);
    await gateway().waitFor(async () => (await snoops()) === 1, 10_000, 'the snoop on the agent channel');
    const stop = stopPath.startsWith('requeststop') ? gateway().http.post(`${QC}/${stopPath}`) : gateway().http.delete(`${QC}/101`);
    expect((await stop.set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '201', inspectorGuid, 2))).toEqual(INSPECTOR_LEFT);
  });

  test('switching listen → insert → whisper: each time a new snoop replaces the former one, the inspector phone stays up', async () => {
    await agentOnThePhone();
    expect((await gateway().http.put(`${QC}/addsupervise/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '201', inspectorGuid, 3))).toEqual(INSPECTOR_JOINED);
    const snoopLegsUp = async (): Promise<string[]> =>
      (await gateway().query<{ id: string }>("SELECT id FROM legs WHERE role = 'snoop' AND state = 'up' AND call_id IN (SELECT id FROM calls WHERE agent_id = '201' AND state <> 'ended')")).map(
        (row) => row.id,
      );
    await gateway().waitFor(async () => (await snoopLegsUp()).length === 1, 10_000, 'the first snoop up');
    const [first] = await snoopLegsUp();
    expect((await gateway().http.post(`${QC}/switch/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await gateway().waitFor(async () => {
      const up = await snoopLegsUp();
      return up.length === 1 && up[0] !== first;
    }, 10_000, 'the insertion snoop up in place of the listening one');
    const [second] = await snoopLegsUp();
    expect((await gateway().http.post(`${QC}/requestswitchinsertwhisperagent?whisperagentid=101&switchtype=2`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await gateway().waitFor(async () => {
      const up = await snoopLegsUp();
      return up.length === 1 && up[0] !== second && up[0] !== first;
    }, 10_000, 'the whisper snoop up in place of the insertion one');
    await gateway().waitFor(async () => (await snoops()) === 1, 10_000, 'one snoop in the application');
    // Nothing told to anyone while switching.
    expect(await drainEvents(gateway(), '201', inspectorGuid)).toEqual([]);
    expect(await drainEvents(gateway(), '101', agentGuid)).toEqual([]);
    expect((await gateway().http.post(`${QC}/requeststopwhisperagent?whisperagentid=101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '201', inspectorGuid, 2))).toEqual(INSPECTOR_LEFT);
  });

  test('the supervised call ending ends the supervision', async () => {
    await agentOnThePhone();
    expect((await gateway().http.put(`${QC}/addsupervise/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '201', inspectorGuid, 3))).toEqual(INSPECTOR_JOINED);
    expect((await gateway().http.delete(`${BASE}/recordplay/101/stopplay`).set('Guid', agentGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '201', inspectorGuid, 2))).toEqual(INSPECTOR_LEFT);
  });

  test('refusals: agent in no call 100-009, no right 000-003, itself 000-005', async () => {
    expect((await gateway().http.put(`${QC}/addsupervise/101`).set('Guid', inspectorGuid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    const plainGuid = await signIn(gateway(), '202', { password: '', phonenum: '1000' }, true);
    expect((await gateway().http.put(`${BASE}/qualitycontrol/202/addsupervise/101`).set('Guid', plainGuid)).text).toBe(failure('000-003', 'no permission'));
    await gateway().http.delete(`${BASE}/onlineagent/202/forcelogout`).set('Guid', plainGuid);
    expect((await gateway().http.put(`${QC}/addsupervise/201`).set('Guid', inspectorGuid)).text).toBe(failure('000-005', 'inspector cannot inspect itself'));
    expect(await drainEvents(gateway(), '201', inspectorGuid)).toEqual([]);
  });

  test('forcerest of agent 101: it rests (status 8), is told when the time is over, and is freed by forceidle; a bad time or reason 000-002', async () => {
    for (const path of ['forcerest/101/0/5', 'forcerest/101/86400/5', 'forcerest/101/1/0', 'forcerest/101/1/256', 'forcerest/101/x/5']) {
      expect((await gateway().http.post(`${QC}/${path}`).set('Guid', inspectorGuid)).text).toBe(failure('000-002', 'invalid parameter'));
    }
    expect((await gateway().http.post(`${QC}/forcerest/202/1/5`).set('Guid', inspectorGuid)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await gateway().http.post(`${QC}/forcerest/101/1/5`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    const events = await collectEvents(gateway(), '101', agentGuid, 2, 6_000);
    for (const event of events) expectEventShape(event, '101');
    expect(described(events)).toEqual(['AgentState_SetRest_Success', 'AgentState_Rest_Timeout']);
    expect((await gateway().http.get(`${BASE}/onlineagent/101/agentstatus`).set('Guid', agentGuid)).text).toBe('{"message":"","retcode":"0","result":8}');
    // A resting agent takes the inspector's new rest without prolong.
    expect((await gateway().http.post(`${QC}/forcerest/101/600/7`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', agentGuid, 1))).toEqual(['AgentState_SetRest_Success']);
    expect((await gateway().http.post(`${QC}/forceidle/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', agentGuid, 2))).toEqual(['AgentState_CancelRest_Success', 'AgentState_Ready']);
    expect(await drainEvents(gateway(), '201', inspectorGuid)).toEqual([]);
  });

  test('forcebusy, forceidle and forcelogout of agent 101, with its events', async () => {
    expect((await gateway().http.post(`${QC}/forcebusy/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', agentGuid, 1))).toEqual(['AgentState_SetNotReady_Success {"reason":"3"}']);
    expect((await gateway().http.post(`${QC}/forceidle/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', agentGuid, 2))).toEqual(['AgentState_CancelNotReady_Success', 'AgentState_Ready']);
    expect((await gateway().http.post(`${QC}/forcelogout/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(await gateway().core.getAgentSession('101')).toBeNull();
    expect((await gateway().http.get(`${BASE}/agentevent/101`).set('Guid', agentGuid)).text).toBe(failure('100-006', 'agent not signed in'));
  });
});
