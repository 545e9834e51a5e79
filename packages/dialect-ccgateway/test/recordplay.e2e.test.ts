import { LONG_RECORDING, agent101EachTest, collectEvents, described, drainEvents, expectEventShape, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, JSON_TYPE, SEED_PLAY_BODY, SUCCESS, failure, sendSeedPlayExample } from './wire-client';

const RP = `${BASE}/recordplay/101`;
const PLAY_STARTED_IDLE = ['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook {"type":"main"}', 'AgentMediaEvent_Play_Succ', 'AgentMediaEvent_Play'];

describe('CC-Gateway recordplay on the whole stack (Postgres, the engine over ARI)', () => {
  // A short ring timeout lets the unanswered-phone case finish quickly; demo phones answer well before it.
  const gateway = sharedCcgatewayGateway({ core: { agentRingTimeoutSec: 3 } });
  const signedIn = agent101EachTest(gateway, []);
  let guid: string;
  beforeEach(() => {
    guid = signedIn();
  });

  const play = (body: unknown = SEED_PLAY_BODY) => gateway().http.put(`${RP}/play`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send(body as object);

  test("the seed's example against demo agent 101 (phonenum 40038): exact answer, the full idle sequence, the media ending by itself (cause 0)", async () => {
    const res = await sendSeedPlayExample(gateway().http, guid);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
    expect(res.text).toBe(SUCCESS);
    const events = await collectEvents(gateway(), '101', guid, 8);
    expect(described(events)).toEqual([...PLAY_STARTED_IDLE, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready', 'AgentMediaEvent_StopPlayDone {"cause":0}']);
    for (const event of events) expectEventShape(event, '101');
    // The recording was played on the phone the agent signed in with.
    const cdrs = await gateway().query<{ to_number: string; purpose: string }>('SELECT to_number, purpose FROM cdrs WHERE agent_id = $1', ['101']);
    expect(cdrs).toEqual([{ to_number: '40038', purpose: 'agent_playback' }]);
  });

  test('stop while playing: the phone is released, then StopPlayDone cause 1', async () => {
    expect((await play({ voicepath: LONG_RECORDING.voicepath })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 5))).toEqual(PLAY_STARTED_IDLE);
    const stop = await gateway().http.delete(`${RP}/stopplay`).set('Guid', guid).set('Content-Type', 'application/json; charset=UTF-8');
    expect(stop.headers['content-type']).toBe(JSON_TYPE);
    expect(stop.text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(['AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready', 'AgentMediaEvent_StopPlayDone {"cause":1}']);
    expect((await gateway().http.delete(`${RP}/stopplay`).set('Guid', guid)).text).toBe(failure('500-009', 'no playback to stop'));
  });

  // Asterisk reports a playback cut short by a hang-up as failed, just before
  // the channel's end; the core waits for that end, so the client hears that
  // the agent hung up (phoneState 2) and that the playback was stopped (cause 1).
  test('the agent hangs up while the recording plays: phone released by the agent, playback stopped', async () => {
    expect((await play({ voicepath: LONG_RECORDING.voicepath })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 5))).toEqual(PLAY_STARTED_IDLE);
    const channels = await gateway().engineChannels();
    const phone = channels.find((channel) => channel.name.startsWith('PJSIP/40038'));
    expect(phone).toBeDefined();
    await gateway().farEnd.hangup(phone!.id, 16);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([
      'AgentOther_PhoneRelease {"phoneState":2}',
      'AgentState_Ready',
      'AgentMediaEvent_StopPlayDone {"cause":1}',
    ]);
  });

  test('pause and resume: PausePlayDone, ResumePlayDone, and each interface\'s state error', async () => {
    expect((await play({ voicepath: LONG_RECORDING.voicepath, startpostion: 5 })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 5))).toEqual(PLAY_STARTED_IDLE);
    expect((await gateway().http.post(`${RP}/resumeplay`).set('Guid', guid)).text).toBe(failure('500-005', 'playback state does not allow resume'));
    expect((await gateway().http.post(`${RP}/pauseplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual(['AgentMediaEvent_PausePlayDone']);
    expect((await gateway().http.post(`${RP}/pauseplay`).set('Guid', guid)).text).toBe(failure('500-003', 'playback state does not allow pause'));
    expect((await gateway().http.post(`${RP}/resumeplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual(['AgentMediaEvent_ResumePlayDone']);
    expect((await gateway().http.delete(`${RP}/stopplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(['AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready', 'AgentMediaEvent_StopPlayDone {"cause":1}']);
  });

  test('forefast and backfast: JumpPlayDone each time, the media continues at the new position', async () => {
    expect((await play({ voicepath: LONG_RECORDING.voicepath })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 5))).toEqual(PLAY_STARTED_IDLE);
    expect((await gateway().http.post(`${RP}/forefast/30`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual(['AgentMediaEvent_JumpPlayDone']);
    const afterForward = await gateway().waitFor(async () => {
      const playback = await gateway().core.activeAgentPlayback('101');
      return playback?.state === 'playing' ? playback : undefined;
    });
    expect(afterForward.offsetMs).toBeGreaterThanOrEqual(30_000);
    expect((await gateway().http.post(`${RP}/backfast/10`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual(['AgentMediaEvent_JumpPlayDone']);
    const afterBack = await gateway().waitFor(async () => {
      const playback = await gateway().core.activeAgentPlayback('101');
      return playback?.state === 'playing' && playback.id !== afterForward.id ? playback : undefined;
    });
    expect(afterBack.offsetMs).toBeGreaterThanOrEqual(20_000);
    expect(afterBack.offsetMs).toBeLessThan(afterForward.offsetMs);
    // A jump announces no new start, and the phone stays up.
    expect(await drainEvents(gateway(), '101', guid)).toEqual([]);
    expect((await gateway().http.delete(`${RP}/stopplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(['AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready', 'AgentMediaEvent_StopPlayDone {"cause":1}']);
  });

  test('controls without a playback answer their own state codes', async () => {
    expect((await gateway().http.delete(`${RP}/stopplay`).set('Guid', guid)).text).toBe(failure('500-009', 'no playback to stop'));
    expect((await gateway().http.post(`${RP}/pauseplay`).set('Guid', guid)).text).toBe(failure('500-003', 'playback state does not allow pause'));
    expect((await gateway().http.post(`${RP}/resumeplay`).set('Guid', guid)).text).toBe(failure('500-005', 'playback state does not allow resume'));
    expect((await gateway().http.post(`${RP}/forefast/5`).set('Guid', guid)).text).toBe(failure('500-002', 'playback state does not allow fast-forward'));
    expect((await gateway().http.post(`${RP}/backfast/5`).set('Guid', guid)).text).toBe(failure('500-001', 'playback state does not allow rewind'));
  });

  test('500-007: playing while a playback is already active (ringing, then playing)', async () => {
    expect((await play({ voicepath: LONG_RECORDING.voicepath })).text).toBe(SUCCESS);
    expect((await play()).text).toBe(failure('500-007', 'state does not allow starting playback'));
    expect(described(await collectEvents(gateway(), '101', guid, 5))).toEqual(PLAY_STARTED_IDLE);
    expect((await play()).text).toBe(failure('500-007', 'state does not allow starting playback'));
  });

  test.each([
    ['path traversal', 'Y:/../../etc/passwd'],
    ['traversal after a mapped prefix', 'Y:/1/../../../root/.ssh/id_rsa'],
    ['shell metacharacters', 'Y:/1/0/x;rm -rf /.V3'],
    ['a path outside the media mapping', 'C:/Windows/win.ini'],
    ['control characters', 'Y:/1/0/\u0000abc.V3'],
    ['an http URL', 'http://evil.example/a.wav'],
    ['101 characters', `Y:/${'a'.repeat(98)}`],
  ])('000-002: voicepath with %s, nothing is played', async (_name, voicepath) => {
    expect((await play({ voicepath })).text).toBe(failure('000-002', 'invalid parameter'));
    expect(await drainEvents(gateway(), '101', guid)).toEqual([]);
    expect(await gateway().core.activeAgentPlayback('101')).toBeNull();
  });

  test('the phone does not answer: the failure sequence, StopPlayDone cause 2', async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'noanswer' });
    expect((await play()).text).toBe(SUCCESS);
    const events = await collectEvents(gateway(), '101', guid, 6, 15_000);
    expect(described(events)).toEqual([
      'AgentState_Busy',
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
      'AgentMediaEvent_Play_Fail',
      'AgentMediaEvent_StopPlayDone {"cause":2}',
    ]);
  });

  test('stop while the phone still rings: released, StopPlayDone cause 1', async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'noanswer' });
    expect((await play()).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentState_Busy', 'AgentOther_PhoneAlerting']);
    expect((await gateway().http.post(`${RP}/pauseplay`).set('Guid', guid)).text).toBe(failure('500-003', 'playback state does not allow pause'));
    expect((await gateway().http.post(`${RP}/forefast/3`).set('Guid', guid)).text).toBe(failure('500-002', 'playback state does not allow fast-forward'));
    expect((await gateway().http.delete(`${RP}/stopplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(['AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready', 'AgentMediaEvent_StopPlayDone {"cause":1}']);
  });

  test('play while the agent is in a call: Play_Succ, Play on the call, StopPlayDone without releasing the phone; sign-out refused meanwhile', async () => {
    const { callId } = await gateway().core.startAgentCustomerCall({
      agentId: '101',
      number: '800123456',
      callerId: null,
      origin: { dialect: 'ccgateway', operation: 'test', apiUserId: null },
    });
    // The customer call's own events (spec §9.1): the agent busy once its phone answers, then the customer rings and answers.
    expect(described(await collectEvents(gateway(), '101', guid, 5)).map((event) => event.split(' ')[0])).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook',
      'AgentState_Busy',
      'AgentEvent_Customer_Alerting',
      'AgentEvent_Talking',
    ]);
    await gateway().waitFor(async () => (await gateway().core.getCall(callId))?.call.state === 'answered', 10_000, 'customer to answer');

    expect((await play()).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(['AgentMediaEvent_Play_Succ', 'AgentMediaEvent_Play', 'AgentMediaEvent_StopPlayDone {"cause":0}']);

    expect((await play({ voicepath: LONG_RECORDING.voicepath })).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentMediaEvent_Play_Succ', 'AgentMediaEvent_Play']);
    expect((await gateway().http.post(`${RP}/pauseplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await gateway().http.post(`${RP}/resumeplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await gateway().http.post(`${RP}/forefast/2`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual(['AgentMediaEvent_PausePlayDone', 'AgentMediaEvent_ResumePlayDone', 'AgentMediaEvent_JumpPlayDone']);
    await gateway().waitFor(async () => (await gateway().core.activeAgentPlayback('101'))?.state === 'playing', 5000, 'the jump to start');
    expect((await gateway().http.delete(`${RP}/stopplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual(['AgentMediaEvent_StopPlayDone {"cause":1}']);
    expect((await gateway().core.getCall(callId))?.call.state).toBe('answered');

    expect((await gateway().http.delete(`${BASE}/onlineagent/101/logout`).set('Guid', guid)).text).toBe(failure('100-010', 'agent state does not allow sign-out'));
    expect((await gateway().core.getAgentSession('101'))?.state).toBe('in_call');
    expect((await gateway().http.delete(`${BASE}/onlineagent/101/forcelogout`).set('Guid', guid)).text).toBe(SUCCESS);
    await gateway().waitFor(async () => (await gateway().core.getCall(callId))?.call.state === 'ended', 10_000, 'the call to end');
    expect(await gateway().core.getAgentSession('101')).toBeNull();
  });

  test('100-006: recordplay without a GUID or with a dead one; 000-003 with the GUID of agent 102', async () => {
    expect((await gateway().http.put(`${RP}/play`).send(SEED_PLAY_BODY)).text).toBe(failure('100-006', 'agent not signed in'));
    const other = await signIn(gateway(), '102', { password: 'Agent@102', phonenum: '102' }, true);
    expect((await gateway().http.put(`${RP}/play`).set('Guid', other).send(SEED_PLAY_BODY)).text).toBe(failure('000-003', 'no permission'));
    expect((await gateway().http.delete(`${RP}/stopplay`).set('Guid', other)).text).toBe(failure('000-003', 'no permission'));
    expect((await gateway().http.delete(`${BASE}/onlineagent/102/logout`).set('Guid', other)).text).toBe(SUCCESS);
    expect((await gateway().http.put(`${BASE}/recordplay/102/play`).set('Guid', other).send(SEED_PLAY_BODY)).text).toBe(failure('100-006', 'agent not signed in'));
  });
});
