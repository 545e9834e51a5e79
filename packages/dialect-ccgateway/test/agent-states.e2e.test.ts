import { LONG_RECORDING, collectEvents, described, drainEvents, expectEventShape, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SUCCESS, failure } from './wire-client';

const AG = `${BASE}/onlineagent/101`;
const RP = `${BASE}/recordplay/101`;
const STATE_ERROR = failure('100-009', 'agent state cannot be changed');
const PLAY_STARTED_IDLE = ['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook {"type":"main"}', 'AgentMediaEvent_Play_Succ', 'AgentMediaEvent_Play'];

describe('CC-Gateway rest, wrap-up, autoanswer and autoenteridle on the whole stack', () => {
  const gateway = sharedCcgatewayGateway();
  let guid: string;

  const post = async (path: string): Promise<string> => (await gateway().http.post(`${AG}/${path}`).set('Guid', guid).set('Content-Type', 'application/json; charset=UTF-8')).text;
  const status = async (): Promise<string> => (await gateway().http.get(`${AG}/agentstatus`).set('Guid', guid)).text;

  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 300 });
    guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentOther_InService', 'AgentState_Ready']);
  });

  afterEach(async () => {
    await gateway().http.delete(`${AG}/forcelogout`).set('Guid', guid);
    await gateway().waitFor(async () => (await gateway().core.listLiveCalls()).every(({ call }) => call.agentId !== '101'), 10_000, 'calls of agent 101 to end');
    await gateway().core.idle();
  });

  test('rest for 1 s: SetRest_Success, Rest_Timeout when it is over (still resting), then cancelrest: CancelRest_Success, Ready', async () => {
    expect(await post('rest/1/3')).toBe(SUCCESS);
    const events = await collectEvents(gateway(), '101', guid, 2);
    expect(described(events)).toEqual(['AgentState_SetRest_Success', 'AgentState_Rest_Timeout']);
    for (const event of events) expectEventShape(event, '101');
    expect(await status()).toBe('{"message":"","retcode":"0","result":8}');
    expect(await post('rest/60/3')).toBe(STATE_ERROR);
    expect(await post('cancelrest')).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentState_CancelRest_Success', 'AgentState_Ready']);
    expect(await post('cancelrest')).toBe(STATE_ERROR);
    expect((await gateway().core.getAgentSession('101'))?.state).toBe('ready');
  });

  test('work and cancelwork: SetWork_Success, Work; CancelWork_Success, Ready; the state errors', async () => {
    expect(await post('cancelwork')).toBe(STATE_ERROR);
    expect(await post('work')).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentState_SetWork_Success', 'AgentState_Work']);
    expect(await status()).toBe('{"message":"","retcode":"0","result":6}');
    expect(await post('work')).toBe(STATE_ERROR);
    expect(await post('cancelwork')).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentState_CancelWork_Success', 'AgentState_Ready']);
  });

  test('rest asked for during a call (the playback call) begins when the call ends', async () => {
    expect((await gateway().http.put(`${RP}/play`).set('Guid', guid).send({ voicepath: LONG_RECORDING.voicepath })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 5))).toEqual(PLAY_STARTED_IDLE);
    expect(await post('rest/600/1')).toBe(SUCCESS);
    expect(await status()).toBe('{"message":"","retcode":"0","result":5}');
    expect((await gateway().http.delete(`${RP}/stopplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_SetRest_Success',
      'AgentMediaEvent_StopPlayDone {"cause":1}',
    ]);
    expect(await status()).toBe('{"message":"","retcode":"0","result":8}');
  });

  test('work asked for during a call begins when the call ends; autoenteridle/false sends every later call to wrap-up', async () => {
    expect((await gateway().http.put(`${RP}/play`).set('Guid', guid).send({ voicepath: LONG_RECORDING.voicepath })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 5))).toEqual(PLAY_STARTED_IDLE);
    expect(await post('work')).toBe(SUCCESS);
    expect((await gateway().http.delete(`${RP}/stopplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 4))).toEqual([
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_SetWork_Success',
      'AgentState_Work',
      'AgentMediaEvent_StopPlayDone {"cause":1}',
    ]);
    expect(await post('cancelwork')).toBe(SUCCESS);
    expect(await post('autoenteridle/false')).toBe(SUCCESS);
    expect(await post('autoanswer/false')).toBe(SUCCESS);
    expect(described(await drainEvents(gateway(), '101', guid))).toEqual(['AgentState_CancelWork_Success', 'AgentState_Ready']);
    expect((await gateway().http.put(`${RP}/play`).set('Guid', guid).send({ voicepath: LONG_RECORDING.voicepath })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 5))).toEqual(PLAY_STARTED_IDLE);
    expect((await gateway().http.delete(`${RP}/stopplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Work',
      'AgentMediaEvent_StopPlayDone {"cause":1}',
    ]);
    expect(await gateway().core.getAgentSession('101')).toMatchObject({ state: 'wrap_up', autoAnswer: false, afterCall: 'wrap_up' });
  });

  test('an agent paused through VICIdial is busy here: status 7, cancelrest refused, cancelbusy frees it', async () => {
    await gateway().core.pauseAgent({ agentId: '101', reason: 'LUNCH' });
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual(['AgentState_SetNotReady_Success {"reason":"0"}']);
    expect(await status()).toBe('{"message":"","retcode":"0","result":7}');
    expect(await post('cancelrest')).toBe(STATE_ERROR);
    expect(await post('cancelbusy')).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentState_CancelNotReady_Success', 'AgentState_Ready']);
  });

  test.each(['rest/0/0', 'rest/60/256', 'autoanswer/maybe', 'autoenteridle/toolong'])('%s: 000-002', async (path) => {
    expect(await post(path)).toBe(failure('000-002', 'invalid parameter'));
  });
});
