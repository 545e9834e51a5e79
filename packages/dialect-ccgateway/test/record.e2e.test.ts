import { collectEvents, described, expectEventShape, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SUCCESS, failure } from './wire-client';

const VC = `${BASE}/voicecall/101`;
const RP = `${BASE}/recordplay/101`;
const CUSTOMER = '800123457';

describe('CC-Gateway recording of the agent call on the whole stack: record, pauserecord, resumerecord, stoprecord', () => {
  const gateway = sharedCcgatewayGateway();
  let guid: string;

  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs: 300 });
    await gateway().farEnd.setNumber(CUSTOMER, { outcome: 'answer', ringMs: 300 });
    guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentOther_InService', 'AgentState_Ready']);
  });

  afterEach(async () => {
    await gateway().http.delete(`${BASE}/onlineagent/101/forcelogout`).set('Guid', guid);
    await gateway().waitFor(async () => (await gateway().core.listLiveCalls()).every(({ call }) => call.agentId !== '101'), 10_000, 'calls of agent 101 to end');
    await gateway().core.idle();
  });

  async function placeCall(): Promise<string> {
    const res = await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ caller: '2120280001', called: CUSTOMER });
    const callId = (JSON.parse(res.text) as { result: string }).result;
    expect(described(await collectEvents(gateway(), '101', guid, 5))[4]).toMatch(/^AgentEvent_Talking /);
    return callId;
  }

  /** The engine's own state of a live recording (`GET /recordings/live/{name}`); null once the engine has let it go. */
  async function liveState(name: string): Promise<string | null> {
    const { status, body } = await gateway().engineAri('GET', `/recordings/live/${encodeURIComponent(name)}`);
    return status === 200 ? (body as { state: string }).state : null;
  }

  const record = () => gateway().http.put(`${RP}/record`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send({ mediaType: 5 });

  test('record, pause, resume, stop: the engine records the call bridge, the events in order, the file kept and named by the CDR', async () => {
    const callId = await placeCall();
    const res = await record();
    const taskId = (JSON.parse(res.text) as { result: { taskId: string } }).result.taskId;
    expect(res.text).toBe(`{"message":"success","retcode":"0","result":{"taskId":"${taskId}"}}`);
    const [started] = await collectEvents(gateway(), '101', guid, 1);
    expectEventShape(started!, '101');
    const recording = (await gateway().core.getRecording(taskId))!;
    expect(recording).toMatchObject({ state: 'recording', callId, bridgeId: `${callId}.bridge` });
    expect(described([started!])).toEqual([
      `AgentMediaEvent_Record {"taskId":"${taskId}","caller":"2120280001","recordID":"${recording.name}","called":"${CUSTOMER}","locationId":"0","fileName":"${recording.location}","fileMediaType":"1","callId":"${callId}"}`,
    ]);
    expect(await liveState(recording.name)).toBe('recording');
    expect((await record()).text).toBe(failure('500-008', 'state does not allow starting recording'));
    expect((await gateway().http.post(`${RP}/pauserecord`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(await liveState(recording.name)).toBe('paused');
    expect((await gateway().http.post(`${RP}/pauserecord`).set('Guid', guid)).text).toBe(failure('500-004', 'recording state does not allow pause'));
    expect((await gateway().http.post(`${RP}/resumerecord`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(await liveState(recording.name)).toBe('recording');
    expect((await gateway().http.post(`${RP}/resumerecord`).set('Guid', guid)).text).toBe(failure('500-006', 'recording state does not allow resume'));
    expect((await gateway().http.delete(`${RP}/stoprecord`).set('Guid', guid)).text).toBe(SUCCESS);
    const [stopped] = await collectEvents(gateway(), '101', guid, 1);
    const ended = (await gateway().core.getRecording(taskId))!;
    expect(ended.state).toBe('finished');
    expect(described([stopped!])).toEqual([
      `AgentMediaEvent_StopRecordDone {"beginTime":${ended.startedAt!.getTime()},"endTime":${ended.endedAt!.getTime()},"fileMediaType":"1","recordFormat":"0","taskId":"${taskId}","callId":"${callId}"}`,
    ]);
    expect(await liveState(recording.name)).toBeNull();
    expect((await gateway().http.delete(`${RP}/stoprecord`).set('Guid', guid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the CDR');
    expect(cdr.recordingFile).toBe(recording.location);
    // The engine kept the file: the CDR's recording can be fetched from it.
    const audio = await gateway().core.cdrRecordingAudio(cdr.id);
    expect(audio?.data.byteLength).toBeGreaterThan(0);
  });

  test('a recording running when the call ends ends with it: StopRecordDone with the end of the call, before the agent is idle', async () => {
    const callId = await placeCall();
    const taskId = (JSON.parse((await record()).text) as { result: { taskId: string } }).result.taskId;
    expect(described(await collectEvents(gateway(), '101', guid, 1))[0]).toMatch(/^AgentMediaEvent_Record /);
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
    const events = described(await collectEvents(gateway(), '101', guid, 4));
    const ended = (await gateway().core.getRecording(taskId))!;
    expect(ended.state).toBe('finished');
    expect(events).toEqual([
      `AgentEvent_Call_Release {"callid":"${callId}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
      `AgentMediaEvent_StopRecordDone {"beginTime":${ended.startedAt!.getTime()},"endTime":${ended.endedAt!.getTime()},"fileMediaType":"1","recordFormat":"0","taskId":"${taskId}","callId":"${callId}"}`,
      'AgentState_Ready',
    ]);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the CDR');
    expect(cdr.recordingFile).toBe(ended.location);
    await gateway().waitFor(async () => (await liveState(ended.name)) === null, 10_000, 'the engine to close the file');
  });

  test('an idle agent has no call to record: 500-008', async () => {
    expect((await record()).text).toBe(failure('500-008', 'state does not allow starting recording'));
  });
});
