import supertest from 'supertest';
import type { CallOf } from '@pbx-gateway/core';
import { appWith, createVoipsunCore, QUEUE_DID, type VoipsunCore } from '../support/voipsun-core';
import { BASE, E120, E600, E900, expectWire } from '../support/wire-expect';

let fake: VoipsunCore;
let http: ReturnType<typeof supertest>;

beforeEach(async () => {
  fake = await createVoipsunCore();
  http = supertest(appWith(fake));
});

const AGENT = 'agentNumber=1000&agentPin=1234';
const STATUS = `${BASE}&action=queuestatus&queueName=FrontaIT`;
const CALLER = '1714557600.1';
const SECOND = '1714557600.2';

async function agentInQueue(penalty = 1): Promise<void> {
  expectWire(await http.get(`${BASE}&action=agentlogin&srcExtenInternalNum=100&${AGENT}`), '{"success":"true"}');
  expectWire(await http.get(`${BASE}&action=agentadd&${AGENT}&queueName=FrontaIT&penalty=${penalty}`), '{"success":"true"}');
}

async function inboundOf(legId: string): Promise<CallOf<'inbound'>> {
  const leg = await fake.t.store.direct.calls.getLeg(legId);
  const call = leg ? await fake.t.store.direct.calls.get(leg.callId) : null;
  if (call?.purpose !== 'inbound') throw new Error(`no inbound call for ${legId}`);
  return call;
}

interface QueueResult {
  queueName: string;
  calls: string;
  holdTime: string;
  talkTime: string;
  completed: string;
  abandoned: string;
  serviceLevel: string;
  serviceLevelPerf: string;
  members: Record<string, Record<string, string>>;
  waiters: Record<string, Record<string, string | null>>;
}

async function queueStatus(client = http): Promise<QueueResult> {
  const response = await client.get(STATUS);
  const body = JSON.parse(response.text) as { success: string; results: QueueResult[] };
  expect(body.success).toBe('true');
  return body.results[0]!;
}

describe('queuestatus', () => {
  test('an idle queue without members, in the document’s shape and key order', async () => {
    expectWire(
      await http.get(STATUS),
      '{"success":"true","results":[{"queueName":"FrontaIT","max":"0","strategy":"rrordered","calls":"0","holdTime":"0","talkTime":"0","completed":"0","abandoned":"0","serviceLevel":"0","serviceLevelPerf":"0.0","weight":"0","members":{},"waiters":{}}]}',
    );
  });

  test('a member logged in from extension 100: keyed by its name, slashes escaped as PHP does', async () => {
    await agentInQueue();
    expectWire(
      await http.get(STATUS),
      '{"success":"true","results":[{"queueName":"FrontaIT","max":"0","strategy":"rrordered","calls":"0","holdTime":"0","talkTime":"0","completed":"0","abandoned":"0","serviceLevel":"0","serviceLevelPerf":"0.0","weight":"0","members":{"Agent_01":{"agentName":"Agent_01","channelStatus":"Line is free","location":"PJSIP\\/sip100","loggedFrom":"PJSIP\\/sip100","membership":"dynamic","penalty":"1","callsTaken":"0","lastCall":"0","isInCall":"0","status":"1","paused":"0"}},"waiters":{}}]}',
    );
  });

  test('callers waiting, by position, with their channel, id, number and wait', async () => {
    await agentInQueue();
    await http.get(`${BASE}&action=agentpause&${AGENT}`);
    await fake.t.callIn(CALLER, QUEUE_DID, '999555444');
    await fake.t.advance(3000);
    await fake.t.callIn(SECOND, QUEUE_DID, '999555666');
    await fake.t.advance(4000);
    const result = await queueStatus();
    expect(result.calls).toBe('2');
    expect(result.waiters).toEqual({
      '1': { position: '1', channel: 'PJSIP/upc-45576001', uniqueid: CALLER, callerIdNum: '999555444', callerIdName: '999555444', connectedLineNum: null, connectedLineName: null, wait: '7' },
      '2': { position: '2', channel: 'PJSIP/upc-45576002', uniqueid: SECOND, callerIdNum: '999555666', callerIdName: '999555666', connectedLineNum: null, connectedLineName: null, wait: '4' },
    });
    expect(result.members.Agent_01).toMatchObject({ paused: '1', isInCall: '0' });
  });

  test('completed and abandoned calls, hold and talk times, service level and the member’s calls', async () => {
    await agentInQueue();
    await http.get(`${BASE}&action=agentpause&${AGENT}`);
    fake.t.pbx.setPhone('sip100', { outcome: 'answer' });
    // A caller who waits 4 s and reaches the agent, who talks 38 s with it.
    await fake.t.callIn(CALLER, QUEUE_DID, '999555444');
    await fake.t.advance(4000);
    await http.get(`${BASE}&action=agentunpause&${AGENT}`);
    await fake.t.settle();
    expect((await inboundOf(CALLER)).progress.stage).toBe('connected');
    const during = await queueStatus();
    expect(during.members.Agent_01).toMatchObject({ isInCall: '1', callsTaken: '1' });
    expect(during.calls).toBe('0');
    await fake.t.advance(38000);
    await fake.t.endLeg(CALLER);
    await fake.t.confirmHangups();
    // A caller who gives up after 10 s while the agent is paused.
    await http.get(`${BASE}&action=agentpause&${AGENT}`);
    await fake.t.callIn(SECOND, QUEUE_DID, '999555666');
    await fake.t.advance(10000);
    await fake.t.endLeg(SECOND);

    const result = await queueStatus();
    expect(result).toMatchObject({ calls: '0', completed: '1', abandoned: '1', holdTime: '4', talkTime: '38', serviceLevel: '0', serviceLevelPerf: '0.0' });
    const ended = await inboundOf(CALLER);
    expect(result.members.Agent_01).toMatchObject({ callsTaken: '1', lastCall: String(Math.floor(ended.endedAt!.getTime() / 1000)), isInCall: '0' });
    const withinFive = await queueStatus(supertest(appWith(fake, { queueServiceLevelSec: 5 })));
    expect(withinFive).toMatchObject({ serviceLevel: '5', serviceLevelPerf: '100.0' });
  });

  test('calls of an earlier day are not counted', async () => {
    await agentInQueue();
    await http.get(`${BASE}&action=agentpause&${AGENT}`);
    await fake.t.callIn(CALLER, QUEUE_DID, '999555444');
    await fake.t.endLeg(CALLER);
    expect((await queueStatus()).abandoned).toBe('1');
    await fake.t.advance(24 * 3600 * 1000);
    expect((await queueStatus()).abandoned).toBe('0');
  });

  test('errno 600 names the queue not found; 120 without a queue name', async () => {
    expectWire(await http.get(`${BASE}&action=queuestatus&queueName=FrontaABC`), E600('FrontaABC'));
    expectWire(await http.get(`${BASE}&action=queuestatus&queueName=`), E120);
    expectWire(await http.get(`${BASE}&action=queuestatus`), E120);
  });

  test('errno 900 while the engine, which knows the members’ lines, is away', async () => {
    fake.t.pbx.setAvailable(false);
    expectWire(await http.get(STATUS), E900);
  });
});
