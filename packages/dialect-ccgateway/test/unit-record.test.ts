import { PbxFailure } from '@pbx-gateway/core';
import { drainEvents, unitApp, type UnitApp } from './unit-app';
import { BASE, failure, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

const RP = `${BASE}/recordplay/101`;
const VC = `${BASE}/voicecall/101`;

type App = UnitApp & { guid: string };

async function talking(): Promise<App & { callId: string }> {
  const app = await unitApp();
  const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
  const res = await app.http.put(`${VC}/callout`).set('Guid', guid).send({ caller: '2120280009', called: '5550100' });
  const callId = (JSON.parse(res.text) as { result: string }).result;
  await app.t.settle();
  await drainEvents({ ...app }, '101', guid);
  return { ...app, guid, callId };
}

const record = (app: App, body: unknown) => app.http.put(`${RP}/record`).set('Guid', app.guid).set('Content-Type', 'application/json; charset=UTF-8').send(body as object);

describe('CC-Gateway recording of the agent call (record, stoprecord, pauserecord, resumerecord)', () => {
  test('record: the taskId answer, the call bridge recorded, AgentMediaEvent_Record with the call; the CDR names the file', async () => {
    const app = await talking();
    const res = await record(app, { mediaType: 5 });
    const taskId = (JSON.parse(res.text) as { result: { taskId: string } }).result.taskId;
    expect(res.status).toBe(200);
    expect(res.text).toBe(`{"message":"success","retcode":"0","result":{"taskId":"${taskId}"}}`);
    const recording = await app.t.core.getRecording(taskId);
    expect(recording).toMatchObject({ agentId: '101', callId: app.callId, bridgeId: `${app.callId}.bridge`, state: 'pending' });
    expect(app.t.pbx.describe()).toContain(`recordBridge ${app.callId}.bridge ${recording!.location}`);
    await app.t.emit({ type: 'recording_started', recordingName: recording!.name, at: app.t.clock.now() });
    expect(await drainEvents(app, '101', app.guid)).toEqual([
      `AgentMediaEvent_Record {"taskId":"${taskId}","caller":"2120280009","recordID":"${recording!.name}","called":"5550100","locationId":"0","fileName":"${recording!.location}","fileMediaType":"1","callId":"${app.callId}"}`,
    ]);
    // The customer hangs up: the recording ends with the call, and the CDR names its file.
    await app.http.delete(`${VC}/release`).set('Guid', app.guid);
    await app.t.settle();
    await app.t.confirmHangups();
    const ended = await app.t.core.getRecording(taskId);
    expect(ended?.state).toBe('finished');
    const events = await drainEvents(app, '101', app.guid);
    const stop = events.find((line) => line.startsWith('AgentMediaEvent_StopRecordDone'));
    expect(stop).toBe(
      `AgentMediaEvent_StopRecordDone {"beginTime":${ended!.startedAt!.getTime()},"endTime":${ended!.endedAt!.getTime()},"fileMediaType":"1","recordFormat":"0","taskId":"${taskId}","callId":"${app.callId}"}`,
    );
    const cdr = (await app.t.store.direct.cdrs.list()).find((candidate) => candidate.callId === app.callId);
    expect(cdr?.recordingFile).toBe(recording!.location);
  });

  test('record with a fileName: the mapped path is the recording name (what play reads back)', async () => {
    const app = await talking();
    const res = await record(app, { fileName: 'Y:/15/0/20201119/186/142702.V3', mediaType: '5', recordMode: 0, recordFormat: 0 });
    const taskId = (JSON.parse(res.text) as { result: { taskId: string } }).result.taskId;
    expect((await app.t.core.getRecording(taskId))?.name).toBe('huawei/15/0/20201119/186/142702');
    // The same file again is never overwritten.
    await app.http.delete(`${RP}/stoprecord`).set('Guid', app.guid);
    expect((await record(app, { fileName: 'Y:/15/0/20201119/186/142702.V3', mediaType: 5 })).text).toBe(failure('000-002', 'invalid parameter'));
  });

  test('record: 500-008 when not in a call and when recording already; 000-002 for a bad body; 100-006 without GUID', async () => {
    const app = await unitApp();
    const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
    const idle = await app.http.put(`${RP}/record`).set('Guid', guid).send({ mediaType: 5 });
    expect(idle.text).toBe(failure('500-008', 'state does not allow starting recording'));
    const busy = await talking();
    expect((await record(busy, { mediaType: 5 })).text).toContain('"retcode":"0"');
    expect((await record(busy, { mediaType: 5 })).text).toBe(failure('500-008', 'state does not allow starting recording'));
    expect((await record(busy, { mediaType: 2 })).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await record(busy, {})).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await record(busy, { mediaType: 5, fileName: 'x'.repeat(101) })).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await record(busy, { mediaType: 5, recordFormat: 4 })).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await record(busy, { mediaType: 5, fileName: 'C:/elsewhere/1.V3' })).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await busy.http.put(`${RP}/record`).send({ mediaType: 5 })).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('pause, resume and stop: the engine is asked, the states refused as Huawei codes them, StopRecordDone once the file is closed', async () => {
    const app = await talking();
    const taskId = (JSON.parse((await record(app, { mediaType: 5 })).text) as { result: { taskId: string } }).result.taskId;
    const { name } = (await app.t.core.getRecording(taskId))!;
    await app.t.emit({ type: 'recording_started', recordingName: name, at: app.t.clock.now() });
    await drainEvents(app, '101', app.guid);
    const post = (what: string) => app.http.post(`${RP}/${what}`).set('Guid', app.guid);
    expect((await post('resumerecord')).text).toBe(failure('500-006', 'recording state does not allow resume'));
    expect((await post('pauserecord')).text).toBe(SUCCESS);
    expect((await app.t.core.getRecording(taskId))?.pausedAt).not.toBeNull();
    expect((await post('pauserecord')).text).toBe(failure('500-004', 'recording state does not allow pause'));
    expect((await post('resumerecord')).text).toBe(SUCCESS);
    expect((await app.t.core.getRecording(taskId))?.pausedAt).toBeNull();
    expect(app.t.pbx.describe().filter((line) => /Recording /.test(line))).toEqual([`pauseRecording ${name}`, `resumeRecording ${name}`]);
    // Pause and resume have no event of Huawei's.
    expect(await drainEvents(app, '101', app.guid)).toEqual([]);
    expect((await app.http.delete(`${RP}/stoprecord`).set('Guid', app.guid)).text).toBe(SUCCESS);
    await app.t.settle();
    expect(app.t.pbx.describe()).toContain(`stopRecording ${name}`);
    expect((await app.t.core.getRecording(taskId))?.state).toBe('stopping');
    await app.t.emit({ type: 'recording_finished', recordingName: name, durationSec: 4, at: app.t.clock.now() });
    const ended = (await app.t.core.getRecording(taskId))!;
    expect(await drainEvents(app, '101', app.guid)).toEqual([
      `AgentMediaEvent_StopRecordDone {"beginTime":${ended.startedAt!.getTime()},"endTime":${ended.endedAt!.getTime()},"fileMediaType":"1","recordFormat":"0","taskId":"${taskId}","callId":"${app.callId}"}`,
    ]);
    // Nothing recording any more.
    expect((await app.http.delete(`${RP}/stoprecord`).set('Guid', app.guid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await post('pauserecord')).text).toBe(failure('500-004', 'recording state does not allow pause'));
    // A new recording of the same call may start.
    expect((await record(app, { mediaType: 5 })).text).toContain('"retcode":"0"');
  });

  test('the engine refusing to record: 100-007, AgentMediaEvent_Record_Fail, and the CDR names no file', async () => {
    const app = await talking();
    app.t.pbx.failNext('recordBridge', new PbxFailure('conflict', 'exists', 409));
    // Asterisk did not record: the answer says so (never "0" for what the engine refused).
    expect((await record(app, { mediaType: 5 })).text).toBe(failure('100-007', 'internal error while executing the agent operation'));
    await app.t.settle();
    const [failed] = await app.t.core.recordingsOfCall(app.callId);
    expect(failed?.state).toBe('failed');
    expect(await drainEvents(app, '101', app.guid)).toEqual([
      `AgentMediaEvent_Record_Fail {"taskId":"${failed!.id}","caller":"2120280009","recordID":"${failed!.name}","called":"5550100","locationId":"0","fileName":"${failed!.location}","fileMediaType":"1","callId":"${app.callId}"}`,
    ]);
    expect((await app.t.core.getCall(app.callId))?.call.data.recordingFile).toBeUndefined();
    // Nothing is recording: a new try is taken.
    expect((await record(app, { mediaType: 5 })).text).toContain('"retcode":"0"');
  });

  test('methods: record PUT, stoprecord DELETE, pauserecord and resumerecord POST (405 otherwise)', async () => {
    const app = await talking();
    expect((await app.http.post(`${RP}/record`).set('Guid', app.guid).send({ mediaType: 5 })).status).toBe(405);
    expect((await app.http.post(`${RP}/stoprecord`).set('Guid', app.guid)).headers.allow).toBe('DELETE');
    expect((await app.http.put(`${RP}/pauserecord`).set('Guid', app.guid)).headers.allow).toBe('POST');
    expect((await app.http.delete(`${RP}/resumerecord`).set('Guid', app.guid)).headers.allow).toBe('POST');
  });
});
