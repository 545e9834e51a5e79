import { agent101EachTest, collectEvents, described, sharedCcgatewayGateway } from './integration-support';
import { BASE, SUCCESS } from './wire-client';

const OA = `${BASE}/onlineagent/101`;
const VC = `${BASE}/voicecall/101`;
const CUSTOMER = '800123458';
const CONSULTED = '800123459';

describe('CC-Gateway setselfrecord on the whole stack: the agent\'s calls recorded on the engine', () => {
  const gateway = sharedCcgatewayGateway({}, 120_000);
  const signedIn = agent101EachTest(gateway, [CUSTOMER, CONSULTED]);
  let guid: string;
  beforeEach(() => {
    guid = signedIn();
  });

  /** The engine's own state of a live recording; null once the engine has let it go. */
  async function liveState(name: string): Promise<string | null> {
    const { status, body } = await gateway().engineAri('GET', `/recordings/live/${encodeURIComponent(name)}`);
    return status === 200 ? (body as { state: string }).state : null;
  }

  async function callout(): Promise<string> {
    const res = await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ caller: '2120280001', called: CUSTOMER });
    const callId = (JSON.parse(res.text) as { result: string }).result;
    expect(described(await collectEvents(gateway(), '101', guid, 5))[4]).toMatch(/^AgentEvent_Talking /);
    return callId;
  }

  const stopRecordDone = (recording: { id: string; startedAt: Date | null; endedAt: Date | null }, callId: string): string =>
    `AgentMediaEvent_StopRecordDone {"beginTime":${recording.startedAt!.getTime()},"endTime":${recording.endedAt!.getTime()},"fileMediaType":"1","recordFormat":"0","taskId":"${recording.id}","callId":"${callId}"}`;

  test('on: the callout is recorded from the talk (AgentMediaEvent_Record), the recording ends with the call, the CDR names the file; off: the next call is not', async () => {
    expect((await gateway().http.post(`${OA}/setselfrecord/1/0`).set('Guid', guid)).text).toBe(SUCCESS);
    const callId = await callout();
    const [started] = await collectEvents(gateway(), '101', guid, 1);
    const [recording] = await gateway().core.recordingsOfCall(callId);
    expect(recording).toMatchObject({ agentId: '101', callId, bridgeId: `${callId}.bridge`, state: 'recording' });
    expect(described([started!])).toEqual([
      `AgentMediaEvent_Record {"taskId":"${recording!.id}","caller":"2120280001","recordID":"${recording!.name}","called":"${CUSTOMER}","locationId":"0","fileName":"${recording!.location}","fileMediaType":"1","callId":"${callId}"}`,
    ]);
    expect(await liveState(recording!.name)).toBe('recording');
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
    const events = described(await collectEvents(gateway(), '101', guid, 4));
    const ended = (await gateway().core.getRecording(recording!.id))!;
    expect(ended.state).toBe('finished');
    // The recording ends with the call, before the agent is idle; whether the agent's phone or the call goes first is the engine's.
    expect(events.filter((line) => !line.startsWith('AgentMediaEvent_'))).toEqual([`AgentEvent_Call_Release {"callid":"${callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    expect(events.slice(1, 3)).toContain(stopRecordDone(ended, callId));
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the CDR');
    expect(cdr.recordingFile).toBe(recording!.location);
    await gateway().waitFor(async () => (await liveState(ended.name)) === null, 10_000, 'the engine to close the file');
    const audio = await gateway().core.cdrRecordingAudio(cdr.id);
    expect(audio?.data.byteLength).toBeGreaterThan(0);

    expect((await gateway().http.post(`${OA}/setselfrecord/0/0`).set('Guid', guid)).text).toBe(SUCCESS);
    const next = await callout();
    expect(await gateway().core.recordingsOfCall(next)).toEqual([]);
    expect((await gateway().http.delete(`${VC}/release`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 3))).toEqual([`AgentEvent_Call_Release {"callid":"${next}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    const nextCdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(next)) ?? undefined, 10_000, 'the second CDR');
    expect(nextCdr.recordingFile ?? null).toBeNull();
  });

  test('connecthold: the agent leaves its recorded call; its recording ends as it leaves (StopRecordDone after Customer_Release), the call talks on', async () => {
    expect((await gateway().http.post(`${OA}/setselfrecord/1/1`).set('Guid', guid)).text).toBe(SUCCESS);
    const callId = await callout();
    expect(described(await collectEvents(gateway(), '101', guid, 1))[0]).toMatch(/^AgentMediaEvent_Record /);
    expect((await gateway().http.post(`${VC}/hold`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual([`AgentEvent_Hold {"callid":"${callId}"}`]);
    expect((await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ called: CONSULTED })).text).toBe(JSON.stringify({ message: 'success', retcode: '0', result: callId }));
    expect(described(await collectEvents(gateway(), '101', guid, 2)).at(-1)).toMatch(/^AgentEvent_Talking /);
    const [recording] = await gateway().core.recordingsOfCall(callId);
    expect((await gateway().http.post(`${VC}/connecthold/${callId}`).set('Guid', guid)).text).toBe(SUCCESS);
    const events = described(await collectEvents(gateway(), '101', guid, 5));
    const ended = (await gateway().core.getRecording(recording!.id))!;
    expect(ended.state).toBe('finished');
    expect(events).toEqual([
      `AgentEvent_Customer_Release {"callid":"${callId}"}`,
      stopRecordDone(ended, callId),
      'AgentState_Ready',
      `AgentEvent_Call_Release {"callid":"${callId}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
    ]);
    await gateway().waitFor(async () => (await liveState(ended.name)) === null, 10_000, 'the engine to close the file');
    const customer = (await gateway().core.getCall(callId))!.legs.find((leg) => leg.role === 'customer')!;
    expect(customer.state).toBe('up');
    await gateway().farEnd.hangup(customer.id, 16);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the call CDR');
    expect(cdr.recordingFile).toBe(recording!.location);
  });
});
