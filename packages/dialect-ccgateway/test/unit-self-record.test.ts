import { unitApp, type UnitApp } from './unit-app';
import { BASE, failure, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

const OA = `${BASE}/onlineagent/101`;
const VC = `${BASE}/voicecall/101`;

async function drainEvents({ http, t }: UnitApp, guid: string): Promise<string[]> {
  const seen: string[] = [];
  while (t.store.mailboxMessages('101', 'ccgateway').length > 0) {
    const res = await http.get(`${BASE}/agentevent/101`).set('Guid', guid);
    const event = (JSON.parse(res.text) as { event: { eventType: string; content: unknown } }).event;
    seen.push(event.content === null ? event.eventType : `${event.eventType} ${JSON.stringify(event.content)}`);
  }
  return seen;
}

async function signedIn(): Promise<UnitApp & { guid: string }> {
  const app = await unitApp();
  const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
  await drainEvents(app, guid);
  return { ...app, guid };
}

async function callout(app: UnitApp & { guid: string }): Promise<string> {
  const res = await app.http.put(`${VC}/callout`).set('Guid', app.guid).send({ caller: '2120280009', called: '5550100' });
  await app.t.settle();
  return (JSON.parse(res.text) as { result: string }).result;
}

describe('CC-Gateway setselfrecord: recording every call the agent talks in', () => {
  test('1: the answer, no event; the next callout is recorded as it connects, for the agent, and its CDR names the file', async () => {
    const app = await signedIn();
    const res = await app.http.post(`${OA}/setselfrecord/1/0`).set('Guid', app.guid);
    expect(res.status).toBe(200);
    expect(res.text).toBe(SUCCESS);
    expect(await drainEvents(app, app.guid)).toEqual([]);
    expect((await app.t.core.getAgentSession('101'))?.recordCalls).toBe(true);
    const callId = await callout(app);
    const [recording] = await app.t.core.recordingsOfCall(callId);
    expect(recording).toMatchObject({ agentId: '101', callId, bridgeId: `${callId}.bridge`, state: 'pending' });
    expect(app.t.pbx.describe()).toContain(`recordBridge ${callId}.bridge ${recording!.location}`);
    await app.t.emit({ type: 'recording_started', recordingName: recording!.name, at: app.t.clock.now() });
    const events = await drainEvents(app, app.guid);
    expect(events.at(-2)).toMatch(/^AgentEvent_Talking /);
    expect(events.at(-1)).toBe(
      `AgentMediaEvent_Record {"taskId":"${recording!.id}","caller":"2120280009","recordID":"${recording!.name}","called":"5550100","locationId":"0","fileName":"${recording!.location}","fileMediaType":"1","callId":"${callId}"}`,
    );
    await app.http.delete(`${VC}/release`).set('Guid', app.guid);
    await app.t.settle();
    await app.t.confirmHangups();
    const ended = await app.t.core.getRecording(recording!.id);
    expect(ended?.state).toBe('finished');
    expect((await drainEvents(app, app.guid)).filter((line) => line.startsWith('AgentMediaEvent_'))).toEqual([
      `AgentMediaEvent_StopRecordDone {"beginTime":${ended!.startedAt!.getTime()},"endTime":${ended!.endedAt!.getTime()},"fileMediaType":"1","recordFormat":"0","taskId":"${recording!.id}","callId":"${callId}"}`,
    ]);
    const cdr = (await app.t.store.direct.cdrs.list()).find((candidate) => candidate.callId === callId);
    expect(cdr?.recordingFile).toBe(recording!.location);
  });

  test('0: calls are no longer recorded', async () => {
    const app = await signedIn();
    expect((await app.http.post(`${OA}/setselfrecord/1/1`).set('Guid', app.guid)).text).toBe(SUCCESS);
    expect((await app.http.post(`${OA}/setselfrecord/0/0`).set('Guid', app.guid)).text).toBe(SUCCESS);
    expect((await app.t.core.getAgentSession('101'))?.recordCalls ?? false).toBe(false);
    const callId = await callout(app);
    expect(await app.t.core.recordingsOfCall(callId)).toEqual([]);
    expect(app.t.pbx.describe()).not.toContain('recordBridge');
  });

  test('a flag other than 0 or 1: 000-002, nothing changed', async () => {
    const app = await signedIn();
    for (const path of ['2/0', '1/2', 'true/0', '01/0', '-1/1']) {
      const res = await app.http.post(`${OA}/setselfrecord/${path}`).set('Guid', app.guid);
      expect([path, res.text]).toEqual([path, failure('000-002', 'invalid parameter')]);
    }
    // A flag left out is a path of no interface, as everywhere.
    expect((await app.http.post(`${OA}/setselfrecord/1`).set('Guid', app.guid)).text).toBe(failure('000-002', 'no such interface'));
    expect((await app.t.core.getAgentSession('101'))?.recordCalls ?? false).toBe(false);
  });

  test('another method: 405; another agent\'s path: 000-003', async () => {
    const app = await signedIn();
    const res = await app.http.put(`${OA}/setselfrecord/1/0`).set('Guid', app.guid);
    expect(res.status).toBe(405);
    const other = await app.http.post(`${BASE}/onlineagent/102/setselfrecord/1/0`).set('Guid', app.guid);
    expect(other.text).toBe(failure('000-003', 'no permission'));
  });
});
