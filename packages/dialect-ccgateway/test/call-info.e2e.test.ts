import { collectEvents, described, drainEvents, sharedCcgatewayGateway, signIn } from './integration-support';
import type { IncomingCall } from '@pbx-gateway/test-support';
import { BASE, failure, HUAWEI_SIGN_IN_SAMPLE, JSON_TYPE, SUCCESS } from './wire-client';

// Skill 16 is an inbound queue reached on DID 2125550116. Agent 101 signs in
// with auto-answer off, so a call offered to it waits for `answer`: the call
// information is asked before the answer, after it, by call id, and after
// the call ended (the agent's last call).
const SKILL = '16';
const DID = '2125550116';
const CALLER = '5550161';
const CUSTOMER = '800123461';
const AG = `${BASE}/onlineagent/101`;
const VC = `${BASE}/voicecall/101`;
const CD = `${BASE}/calldata/101`;
const INVALID = failure('000-002', 'invalid parameter');
const NOT_SIGNED_IN = failure('100-006', 'agent not signed in');
const NO_CALL = failure('100-007', 'internal error while executing the agent operation');

/** The answer with the seconds that depend on the moment asked (`logontimes`, `waitTime`) as `N`, and those seconds. */
function withSeconds(text: string): { text: string; seconds: number[] } {
  const seconds: number[] = [];
  const masked = text.replace(/"(logontimes|waitTime)":(\d+)/g, (_all, name: string, value: string) => {
    seconds.push(Number(value));
    return `"${name}":N`;
  });
  return { text: masked, seconds };
}

/** The skill call's fields in Huawei's order, up to `mediaAbility`. */
const fields = (callid: string, orgicallednum: string, begintime: number, endtime: number): string =>
  `"callfeature":0,"callid":"${callid}","caller":"${CALLER}","called":"${DID}","callskill":"${SKILL}","callskillid":16,` +
  `"orgicallednum":"${orgicallednum}","calldata":"","begintime":${begintime},"endtime":${endtime},"userPriority":0,"trunkNo":0,` +
  `"logontimes":N,"mediaType":5,"mediaAbility":1`;
const object = (inner: string): string => `{"message":"","retcode":"0","result":{${inner}}}`;
const list = (inner: string): string => `{"message":"","retcode":"0","result":[{${inner},"waitTime":N,"trace":null}]}`;

describe('CC-Gateway call information (callinfo, callinfobycallid, callinfobeforeanswer) on the whole stack', () => {
  const gateway = sharedCcgatewayGateway({
    core: { agentRingTimeoutSec: 5 },
    extraProvisioning: { queues: [{ name: SKILL, strategy: 'longest_wait_time' }], didRoutes: [{ did: DID, queue: SKILL }] },
  });
  let guid: string;
  const callers: IncomingCall[] = [];

  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 200 });
    guid = await signIn(gateway(), '101', { ...HUAWEI_SIGN_IN_SAMPLE, autoanswer: 'false' }, true);
    expect((await gateway().http.post(`${AG}/resetskill/false?skillid=${SKILL}`).set('Guid', guid)).text).toBe(SUCCESS);
    await drainEvents(gateway(), '101', guid);
  });

  afterEach(async () => {
    await gateway().http.delete(`${AG}/forcelogout`).set('Guid', guid);
    for (const caller of callers.splice(0)) await caller.hangup().catch(() => undefined);
    await gateway().waitFor(async () => ((await gateway().core.listLiveCalls()).every(({ call }) => call.purpose !== 'inbound' && call.agentId !== '101') ? true : undefined), 10_000, 'the calls of agent 101 to end');
    await gateway().core.idle();
  });

  const get = (path: string) => gateway().http.get(`${CD}/${path}`).set('Guid', guid);

  test('before the answer, after it, by call id, and the last call once it ended (isNoContainLastCall=true)', async () => {
    const started = Date.now();
    const caller = await gateway().farEnd.callIn(DID, CALLER);
    callers.push(caller);
    const [ringing] = await collectEvents(gateway(), '101', guid, 1);
    const callid = (ringing!.content as { callid: string }).callid;

    const before = await get('callinfobeforeanswer');
    expect([before.status, before.headers['content-type']]).toEqual([200, JSON_TYPE]);
    const beforeSeen = withSeconds(before.text);
    expect(beforeSeen.text).toBe(list(fields(callid, '', 0, 0)));
    const elapsed = Math.ceil((Date.now() - started) / 1000);
    for (const seconds of beforeSeen.seconds) expect(seconds).toBeLessThanOrEqual(elapsed);
    // The current call, offered: callinfo answers it as one object, with the number called as the original one.
    expect(withSeconds((await get('callinfo')).text).text).toBe(object(fields(callid, DID, 0, 0)));
    expect(withSeconds((await get(`callinfobycallid/${callid}`)).text).text).toBe(list(fields(callid, '', 0, 0)));

    expect((await gateway().http.put(`${VC}/answer`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 4)).at(-1)).toMatch(/^AgentEvent_Talking /);
    const connected = (await gateway().core.getCall(callid))!.call;
    if (connected.purpose !== 'inbound' || !connected.progress.connectedAt) throw new Error('the skill call is not connected');
    const begintime = new Date(connected.progress.connectedAt).getTime();

    // Answered: nothing is before its answer any more.
    expect((await get('callinfobeforeanswer')).text).toBe(NO_CALL);
    expect(withSeconds((await get('callinfo?isNoContainLastCall=false')).text).text).toBe(object(fields(callid, DID, begintime, 0)));
    const byId = withSeconds((await get(`callinfobycallid/${callid}`)).text);
    expect(byId.text).toBe(list(fields(callid, '', begintime, 0)));
    // waitTime: the seconds until the agent answered, at most the whole call so far.
    expect(byId.seconds[1]).toBeLessThanOrEqual(byId.seconds[0]!);

    await caller.hangup();
    expect(described(await collectEvents(gateway(), '101', guid, 3)).at(-1)).toBe('AgentState_Ready');
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callid)) ?? undefined, 10_000, 'the CDR');
    expect(cdr.agentId).toBe('101');

    expect((await get('callinfo')).text).toBe(NO_CALL);
    expect((await get('callinfo?isNoContainLastCall=false')).text).toBe(NO_CALL);
    const ended = (await gateway().core.getCall(callid))!.call;
    const last = withSeconds((await get('callinfo?isNoContainLastCall=true')).text);
    expect(last.text).toBe(object(fields(callid, DID, begintime, ended.endedAt!.getTime())));
    // logontimes of an ended call: from its arrival to its end, fixed since.
    expect(last.seconds).toEqual([Math.floor((ended.endedAt!.getTime() - ended.createdAt.getTime()) / 1000)]);
    expect((await get(`callinfobycallid/${callid}`)).text).toBe(NO_CALL);
    expect((await get('callinfobeforeanswer')).text).toBe(NO_CALL);
  });

  test("a callout: callfeature 7, its call data, no skill; begintime the customer's answer", async () => {
    await gateway().farEnd.setNumber(CUSTOMER, { outcome: 'answer', ringMs: 200 });
    const res = await gateway().http.put(`${VC}/callout`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send({ called: CUSTOMER, callappdata: 'ticket=9' });
    const callid = (JSON.parse(res.text) as { result: string }).result;
    expect(described(await collectEvents(gateway(), '101', guid, 5)).at(-1)).toMatch(/^AgentEvent_Talking /);
    // The call is answered once the customer is bridged with the agent, a moment after the customer's answer (AgentEvent_Talking).
    const call = await gateway().waitFor(async () => {
      const found = (await gateway().core.getCall(callid))?.call;
      return found?.state === 'answered' ? found : undefined;
    }, 5_000, 'the callout answered');
    const callout =
      `"callfeature":7,"callid":"${callid}","caller":${JSON.stringify(call.fromNumber)},"called":"${CUSTOMER}","callskill":"","callskillid":0,` +
      `"orgicallednum":"","calldata":"ticket=9","begintime":${call.answeredAt!.getTime()},"endtime":0,"userPriority":0,"trunkNo":0,` +
      `"logontimes":N,"mediaType":5,"mediaAbility":1`;
    expect(withSeconds((await get(`callinfobycallid/${callid}`)).text).text).toBe(list(callout));
    expect(withSeconds((await get('callinfo')).text).text).toBe(object(callout.replace('"orgicallednum":""', `"orgicallednum":"${CUSTOMER}"`)));
    expect((await get('callinfobeforeanswer')).text).toBe(NO_CALL);
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
  });

  test('errors: no GUID (100-006), no call (100-007), a call id of no call of the agent (100-007), bad input (000-002), one method each', async () => {
    for (const path of ['callinfo', 'callinfobycallid/1456401416-3', 'callinfobeforeanswer']) {
      expect((await gateway().http.get(`${CD}/${path}`)).text).toBe(NOT_SIGNED_IN);
      expect((await gateway().http.get(`${CD}/${path}`).set('Guid', 'x')).text).toBe(NOT_SIGNED_IN);
      expect((await get(path)).text).toBe(NO_CALL);
    }
    expect((await get('callinfo?isNoContainLastCall=yes')).text).toBe(INVALID);
    expect((await get('callinfobycallid/%3Cscript%3E')).text).toBe(INVALID);
    expect((await get(`callinfobycallid/${'1'.repeat(129)}`)).text).toBe(INVALID);

    for (const [method, path] of [
      ['post', 'callinfo'],
      ['put', 'callinfobycallid/1456401416-3'],
      ['delete', 'callinfobeforeanswer'],
    ] as const) {
      const res = await gateway().http[method](`${CD}/${path}`).set('Guid', guid);
      expect([res.status, res.headers.allow, res.text]).toEqual([405, 'GET', '']);
    }
  });
});
