import { agent101EachTest, collectEvents, described, sharedCcgatewayGateway } from './integration-support';
import type { IncomingCall } from '@pbx-gateway/test-support';
import { BASE, SUCCESS } from './wire-client';

// Skill 27 is an inbound queue reached on DID 2125550127; agent 101 (phone
// 40038, auto-answer on) records its calls and takes a call queued on it.
const SKILL = '27';
const DID = '2125550127';
const AG = `${BASE}/onlineagent/101`;

describe('CC-Gateway setselfrecord of a skill call, on the whole stack', () => {
  const gateway = sharedCcgatewayGateway({
    extraProvisioning: { queues: [{ name: SKILL, strategy: 'longest_wait_time' }], didRoutes: [{ did: DID, queue: SKILL }] },
  });
  /** The callers of the test, hung up after it. */
  const callers: IncomingCall[] = [];
  const signedIn = agent101EachTest(gateway, [], { ringMs: 200, skill: SKILL, callers });
  let guid: string;
  beforeEach(() => {
    guid = signedIn();
  });

  test('the caller taken is recorded from the talk (AgentMediaEvent_Record after AgentEvent_Talking); the caller hangs up: the recording ends with the call, the CDR names it', async () => {
    expect((await gateway().http.post(`${AG}/setselfrecord/1/0`).set('Guid', guid)).text).toBe(SUCCESS);
    callers.push(await gateway().farEnd.callIn(DID, '5550161'));
    const events = await collectEvents(gateway(), '101', guid, 6);
    const callid = (events[0]!.content as { callid: string }).callid;
    const [recording] = await gateway().core.recordingsOfCall(callid);
    expect(recording).toMatchObject({ agentId: '101', callId: callid, bridgeId: `${callid}.bridge` });
    expect(described(events.slice(4))).toEqual([
      `AgentEvent_Talking {"caller":"5550161","called":"${DID}","callid":"${callid}","feature":"0","type":"main","mediaAbility":"1"}`,
      `AgentMediaEvent_Record {"taskId":"${recording!.id}","caller":"5550161","recordID":"${recording!.name}","called":"${DID}","locationId":"0","fileName":"${recording!.location}","fileMediaType":"1","callId":"${callid}"}`,
    ]);
    await callers.splice(0)[0]!.hangup();
    const after = described(await collectEvents(gateway(), '101', guid, 4));
    const ended = (await gateway().core.getRecording(recording!.id))!;
    expect(ended.state).toBe('finished');
    expect(after.filter((line) => !line.startsWith('AgentMediaEvent_'))).toEqual([`AgentEvent_Customer_Release {"callid":"${callid}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    expect(after.slice(1, 3)).toContain(
      `AgentMediaEvent_StopRecordDone {"beginTime":${ended.startedAt!.getTime()},"endTime":${ended.endedAt!.getTime()},"fileMediaType":"1","recordFormat":"0","taskId":"${recording!.id}","callId":"${callid}"}`,
    );
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callid)) ?? undefined, 10_000, 'the CDR');
    expect(cdr.recordingFile).toBe(recording!.location);
  });
});
