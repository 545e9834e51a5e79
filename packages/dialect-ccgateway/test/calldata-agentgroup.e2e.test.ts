import { collectEvents, described, drainEvents, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, JSON_TYPE, SUCCESS, failure } from './wire-client';

const CD = `${BASE}/calldata/101`;
const AGG = `${BASE}/agentgroup/101`;
const CUSTOMER = '800123456';
const SKILL = '21';
const DID = '2125550121';
const NOT_SUPPORTED = '{"message":"not supported","retcode":"000-002","result":{}}';
const INVALID = failure('000-002', 'invalid parameter');
const NOT_SIGNED_IN = failure('100-006', 'agent not signed in');
const AGENT_OPERATION_FAILED = failure('100-007', 'internal error while executing the agent operation');
const NO_CALL_FOR_DATA = failure('400-001', 'no call to set the call data of');
const appData = (data: string): string => `{"message":"","retcode":"0","result":${JSON.stringify(data)}}`;

describe('CC-Gateway call data (calldata) and agent group (agentgroup) on the whole stack (Postgres, the engine over ARI)', () => {
  const gateway = sharedCcgatewayGateway({
    extraProvisioning: {
      agents: [{ id: '211', name: 'Agent 211', secret: '' }],
      queues: [{ name: SKILL, strategy: 'longest_wait_time' }],
      didRoutes: [{ did: DID, queue: SKILL }],
    },
  });
  let guid: string;

  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 200 });
    await gateway().farEnd.setNumber(CUSTOMER, { outcome: 'answer', ringMs: 200 });
    guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    await drainEvents(gateway(), '101', guid);
  });

  afterEach(async () => {
    await gateway().http.delete(`${BASE}/onlineagent/101/forcelogout`).set('Guid', guid);
    await gateway().waitFor(async () => (await gateway().core.listLiveCalls()).every(({ call }) => call.agentId !== '101'), 10_000, 'calls of agent 101 to end');
    await gateway().core.idle();
  });

  async function callout(callappdata: string): Promise<string> {
    const res = await gateway().http.put(`${BASE}/voicecall/101/callout`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send({ called: CUSTOMER, callappdata });
    const callId = (JSON.parse(res.text) as { result: string }).result;
    expect(described(await collectEvents(gateway(), '101', guid, 5)).at(-1)).toMatch(/^AgentEvent_Talking /);
    return callId;
  }

  const getAppData = (query = '') => gateway().http.get(`${CD}/appdata${query}`).set('Guid', guid);
  const setAppData = (body: unknown) => gateway().http.put(`${CD}/setcalldataex`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send(body as object);

  test('appdata answers the callout\'s call data (plain, Base64, by callId); setcalldataex replaces it (plain, Base64); the CDR carries the last', async () => {
    const callId = await callout('ticket=7');
    const res = await getAppData();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.text).toBe(appData('ticket=7'));
    expect((await getAppData('?isEncodeResult=true')).text).toBe(appData(Buffer.from('ticket=7').toString('base64')));
    expect((await getAppData('?isEncodeResult=yes')).text).toBe(appData('ticket=7'));
    expect((await getAppData(`?isEncodeResult=false&callId=${callId}`)).text).toBe(appData('ticket=7'));

    expect((await setAppData({ calldata: 'order=42' })).text).toBe(SUCCESS);
    expect((await getAppData()).text).toBe(appData('order=42'));
    expect((await setAppData({ callid: callId, calldata: Buffer.from('客户=α').toString('base64'), isDataEncoded: 'true' })).text).toBe(SUCCESS);
    expect((await getAppData()).text).toBe(appData('客户=α'));
    expect((await getAppData('?isEncodeResult=true')).text).toBe(appData(Buffer.from('客户=α').toString('base64')));
    expect((await setAppData({})).text).toBe(SUCCESS);
    expect((await getAppData()).text).toBe(appData(''));
    expect((await setAppData({ calldata: 'final' })).text).toBe(SUCCESS);

    expect((await gateway().http.delete(`${BASE}/voicecall/101/release`).set('Guid', guid)).text).toBe(SUCCESS);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the CDR');
    expect(cdr.data).toMatchObject({ callappdata: 'final' });
  });

  test('errors: not in a call (100-007, 400-001), another call (100-007, 400-001), bad input (000-002), no GUID (100-006), one method each, the rest of the families not supported', async () => {
    expect((await getAppData()).text).toBe(AGENT_OPERATION_FAILED);
    expect((await setAppData({ calldata: 'x' })).text).toBe(NO_CALL_FOR_DATA);
    await callout('');
    expect((await getAppData()).text).toBe(appData(''));
    expect((await getAppData('?callId=1456401416-3')).text).toBe(AGENT_OPERATION_FAILED);
    expect((await setAppData({ callid: '1456401416-3', calldata: 'x' })).text).toBe(NO_CALL_FOR_DATA);

    expect((await getAppData('?callId=%3Cscript%3E')).text).toBe(INVALID);
    expect((await setAppData({ calldata: 'not base64!', isDataEncoded: true })).text).toBe(INVALID);
    expect((await setAppData({ calldata: 'x'.repeat(16 * 1024 + 1) })).text).toBe(INVALID);
    expect((await setAppData({ calldata: Buffer.alloc(16 * 1024 + 1, 1).toString('base64'), isDataEncoded: true })).text).toBe(INVALID);
    expect((await setAppData({ calldata: 'x', isDataEncoded: 'maybe' })).text).toBe(INVALID);
    expect((await setAppData({ callid: '../etc', calldata: 'x' })).text).toBe(INVALID);
    expect((await setAppData({ calldata: { a: 1 } })).text).toBe(INVALID);
    const broken = await gateway().http.put(`${CD}/setcalldataex`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send('{"calldata":');
    expect(broken.text).toBe(INVALID);
    // Refused input left the call's data alone.
    expect((await getAppData()).text).toBe(appData(''));
    expect((await setAppData({ calldata: 'x'.repeat(16 * 1024) })).text).toBe(SUCCESS);

    expect((await gateway().http.get(`${CD}/appdata`)).text).toBe(NOT_SIGNED_IN);
    expect((await gateway().http.put(`${CD}/setcalldataex`).send({ calldata: 'x' })).text).toBe(NOT_SIGNED_IN);
    expect((await gateway().http.get(`${AGG}/agentbyskill/${SKILL}`)).text).toBe(NOT_SIGNED_IN);
    expect((await gateway().http.get(`${AGG}/agentbyskill/${SKILL}`).set('Guid', 'x')).text).toBe(NOT_SIGNED_IN);

    for (const [method, path, allow] of [
      ['post', `${CD}/appdata`, 'GET'],
      ['post', `${CD}/setcalldataex`, 'PUT'],
      ['put', `${AGG}/agentbyskill/${SKILL}`, 'GET'],
    ] as const) {
      const res = await gateway().http[method](path).set('Guid', guid);
      expect([res.status, res.headers.allow, res.text]).toEqual([405, allow, '']);
    }
    expect((await gateway().http.put(`${CD}/setcalldata`).set('Guid', guid).send({})).text).toBe(NOT_SUPPORTED);
    expect((await gateway().http.get(`${AGG}/agentbyworkno/211`).set('Guid', guid)).text).toBe(NOT_SUPPORTED);
  });

  test('agentbyskill: the signed-in agents serving the skill with their CTI status and phone; an unknown or malformed skill 000-002', async () => {
    const list = async () => (await gateway().http.get(`${AGG}/agentbyskill/${SKILL}`).set('Guid', guid)).text;
    expect(await list()).toBe('{"message":"success","retcode":"0","result":[]}');
    expect((await gateway().http.post(`${BASE}/onlineagent/101/resetskill/false?skillid=${SKILL}`).set('Guid', guid)).text).toBe(SUCCESS);
    const guid211 = await signIn(gateway(), '211', { password: '', phonenum: '102', status: '3' }, true);
    try {
      expect((await gateway().http.post(`${BASE}/onlineagent/211/resetskill/false?skillid=${SKILL}`).set('Guid', guid211)).text).toBe(SUCCESS);
      const res = await gateway().http.get(`${AGG}/agentbyskill/${SKILL}`).set('Guid', guid);
      expect([res.status, res.headers['content-type']]).toEqual([200, JSON_TYPE]);
      expect(res.text).toBe(
        '{"message":"success","retcode":"0","result":[' +
          '{"workno":"101","name":"Agent 101","status":1,"phonenumber":"40038"},' +
          '{"workno":"211","name":"Agent 211","status":7,"phonenumber":"102"}]}',
      );
      // Agent 211 asks too; an agent signed out is no longer listed.
      expect((await gateway().http.get(`${BASE}/agentgroup/211/agentbyskill/${SKILL}`).set('Guid', guid211)).text).toBe(res.text);
      expect((await gateway().http.delete(`${BASE}/onlineagent/211/logout`).set('Guid', guid211)).text).toBe(SUCCESS);
      expect(await list()).toBe('{"message":"success","retcode":"0","result":[{"workno":"101","name":"Agent 101","status":1,"phonenumber":"40038"}]}');
    } finally {
      await gateway().http.delete(`${BASE}/onlineagent/211/forcelogout`).set('Guid', guid211);
    }
    expect((await gateway().http.get(`${AGG}/agentbyskill/99`).set('Guid', guid)).text).toBe(INVALID);
    expect((await gateway().http.get(`${AGG}/agentbyskill/a%20b`).set('Guid', guid)).text).toBe(INVALID);
  });

  test('waitcallinfo: a caller waiting on the skill while its agent is busy, then none once it hangs up; agentvdnskill names the skill', async () => {
    expect((await gateway().http.post(`${BASE}/onlineagent/101/resetskill/false?skillid=${SKILL}`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await gateway().http.post(`${BASE}/onlineagent/101/saybusy`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual(['AgentState_SetNotReady_Success {"reason":"0"}']);
    const waiting = async () => JSON.parse((await gateway().http.get(`${CD}/waitcallinfo/${SKILL}`).set('Guid', guid)).text) as { result: Array<Record<string, unknown>> };
    expect((await gateway().http.get(`${CD}/waitcallinfo/${SKILL}`).set('Guid', guid)).text).toBe('{"message":"","retcode":"0","result":[]}');
    const caller = await gateway().farEnd.callIn(DID, '5550125');
    try {
      const [call] = (await gateway().waitFor(async () => ((await waiting()).result.length === 1 ? (await waiting()).result : undefined), 10_000, 'the caller to wait')) as Array<Record<string, unknown>>;
      expect(Object.keys(call!)).toEqual(['callfeature', 'callid', 'caller', 'called', 'callskill', 'callskillid', 'orgicallednum', 'calldata', 'begintime', 'endtime', 'userPriority', 'trunkNo', 'logontimes', 'mediaType', 'mediaAbility', 'waitTime', 'trace']);
      expect(call).toMatchObject({ callfeature: 0, caller: '5550125', called: DID, callskill: SKILL, callskillid: 21, begintime: 0, endtime: 0, mediaType: 5, mediaAbility: 1, trace: null });
      const [queued] = await gateway().core.listWaitingCalls([SKILL]);
      expect(call!.callid).toBe(queued!.callId);
      // The agent is busy: the call waits, no phone rings.
      expect(await drainEvents(gateway(), '101', guid)).toEqual([]);
    } finally {
      await caller.hangup();
    }
    await gateway().waitFor(async () => ((await waiting()).result.length === 0 ? true : undefined), 10_000, 'the caller to stop waiting');

    const skills = JSON.parse((await gateway().http.get(`${BASE}/queuedevice/101/agentvdnskill`).set('Guid', guid)).text) as { retcode: string; result: unknown[] };
    expect(skills.retcode).toBe('0');
    expect(skills.result).toContainEqual({ name: SKILL, id: 21, mediatype: 5, serviceType: 1, realFlag: 1 });
  });

  test('callnums and allcallinfoEx: the callout while it lasts, then none', async () => {
    const callnums = async () => (await gateway().http.get(`${CD}/callnums`).set('Guid', guid)).text;
    const callIds = async () => (await gateway().http.get(`${CD}/allcallinfoEx/101`).set('Guid', guid)).text;
    expect(await callnums()).toBe('{"message":"","retcode":"0","result":"0"}');
    expect(await callIds()).toBe('{"message":"","retcode":"0","result":[]}');
    const callId = await callout('');
    expect(await callnums()).toBe('{"message":"","retcode":"0","result":"1"}');
    expect(await callIds()).toBe(`{"message":"","retcode":"0","result":["${callId}"]}`);
    expect((await gateway().http.delete(`${BASE}/voicecall/101/release`).set('Guid', guid)).text).toBe(SUCCESS);
    await gateway().waitFor(async () => ((await callnums()) === '{"message":"","retcode":"0","result":"0"}' ? true : undefined), 10_000, 'the call to end');
    expect(await callIds()).toBe('{"message":"","retcode":"0","result":[]}');
  });
});
