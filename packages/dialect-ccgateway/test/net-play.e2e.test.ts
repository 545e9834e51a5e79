import { LONG_RECORDING, agent101EachTest, collectEvents, described, drainEvents, expectEventShape, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, JSON_TYPE, SUCCESS, failure } from './wire-client';

const RP = `${BASE}/recordplay/101`;
const PLAY_STARTED_IDLE = ['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook {"type":"main"}', 'AgentMediaEvent_Play_Succ', 'AgentMediaEvent_Play'];
const RELEASED_STOPPED = ['AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready', 'AgentMediaEvent_StopPlayDone {"cause":1}'];
/** Huawei's netplay body (`cec_07_4212`) naming the seed's recording. */
const NET_PLAY_BODY = { fileName: 'Y:/1/0/20180621/105/1406470.V3', position: 0, playTime: 1, fileFormat: 0, ccId: 1, locationId: 0 };

describe('CC-Gateway netplay on the whole stack (Postgres, the engine over ARI)', () => {
  // A short ring timeout lets the unanswered-phone case finish quickly; demo phones answer well before it.
  const gateway = sharedCcgatewayGateway({ core: { agentRingTimeoutSec: 3 } });
  const signedIn = agent101EachTest(gateway, []);
  let guid: string;
  beforeEach(() => {
    guid = signedIn();
  });

  const netplay = (body: unknown = NET_PLAY_BODY) =>
    gateway().http.post(`${RP}/netplay`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send(body as object);

  test('agent 101 idle (phonenum 40038): exact answer, the full idle sequence, the media ending by itself (cause 0), its CDR', async () => {
    const res = await netplay();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.text).toBe(SUCCESS);
    const events = await collectEvents(gateway(), '101', guid, 8);
    expect(described(events)).toEqual([...PLAY_STARTED_IDLE, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready', 'AgentMediaEvent_StopPlayDone {"cause":0}']);
    for (const event of events) expectEventShape(event, '101');
    const cdrs = await gateway().query<{ to_number: string; purpose: string }>('SELECT to_number, purpose FROM cdrs WHERE agent_id = $1', ['101']);
    expect(cdrs).toEqual([{ to_number: '40038', purpose: 'agent_playback' }]);
  });

  test('position starts the recording that many seconds in; pause, resume, jump and stop control it', async () => {
    expect((await netplay({ fileName: LONG_RECORDING.voicepath, position: 30, ccId: 1 })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 5))).toEqual(PLAY_STARTED_IDLE);
    const playing = await gateway().waitFor(async () => {
      const playback = await gateway().core.activeAgentPlayback('101');
      return playback?.state === 'playing' ? playback : undefined;
    });
    expect(playing.offsetMs).toBe(30_000);
    expect((await netplay()).text).toBe(failure('500-007', 'state does not allow starting playback'));
    expect((await gateway().http.post(`${RP}/pauseplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await gateway().http.post(`${RP}/resumeplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await gateway().http.post(`${RP}/backfast/10`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(['AgentMediaEvent_PausePlayDone', 'AgentMediaEvent_ResumePlayDone', 'AgentMediaEvent_JumpPlayDone']);
    await gateway().waitFor(async () => (await gateway().core.activeAgentPlayback('101'))?.state === 'playing', 5000, 'the jump to start');
    expect((await gateway().http.delete(`${RP}/stopplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(RELEASED_STOPPED);
  });

  test('the phone does not answer: the failure sequence, StopPlayDone cause 2', async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'noanswer' });
    expect((await netplay()).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 6, 15_000))).toEqual([
      'AgentState_Busy',
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
      'AgentMediaEvent_Play_Fail',
      'AgentMediaEvent_StopPlayDone {"cause":2}',
    ]);
  });

  test('in a call: Play_Succ, Play on the call and StopPlayDone, the call going on', async () => {
    const { callId } = await gateway().core.startAgentCustomerCall({
      agentId: '101',
      number: '800123456',
      callerId: null,
      origin: { dialect: 'ccgateway', operation: 'test', apiUserId: null },
    });
    expect(await collectEvents(gateway(), '101', guid, 5)).toHaveLength(5);
    await gateway().waitFor(async () => (await gateway().core.getCall(callId))?.call.state === 'answered', 10_000, 'customer to answer');
    expect((await netplay()).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(['AgentMediaEvent_Play_Succ', 'AgentMediaEvent_Play', 'AgentMediaEvent_StopPlayDone {"cause":0}']);
    expect((await gateway().core.getCall(callId))?.call.state).toBe('answered');
  });

  test.each([
    ['playTime 0 (loop for ever)', { ...NET_PLAY_BODY, playTime: 0 }],
    ['no ccId', { fileName: NET_PLAY_BODY.fileName }],
    ['a path outside the media mapping', { fileName: 'C:/Windows/win.ini', ccId: 1 }],
  ])('000-002: %s, nothing is played', async (_name, body) => {
    expect((await netplay(body)).text).toBe(failure('000-002', 'invalid parameter'));
    expect(await drainEvents(gateway(), '101', guid)).toEqual([]);
    expect(await gateway().core.activeAgentPlayback('101')).toBeNull();
  });

  test('100-006 without a GUID; 000-003 with the GUID of agent 102', async () => {
    expect((await gateway().http.post(`${RP}/netplay`).send(NET_PLAY_BODY)).text).toBe(failure('100-006', 'agent not signed in'));
    const other = await signIn(gateway(), '102', { password: 'Agent@102', phonenum: '102' }, true);
    expect((await gateway().http.post(`${RP}/netplay`).set('Guid', other).send(NET_PLAY_BODY)).text).toBe(failure('000-003', 'no permission'));
    expect((await gateway().http.delete(`${BASE}/onlineagent/102/logout`).set('Guid', other)).text).toBe(SUCCESS);
  });
});
