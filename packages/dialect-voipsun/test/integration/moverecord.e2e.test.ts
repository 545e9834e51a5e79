import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { expectWire, SUCCESS } from '../support/wire-expect';

/**
 * moverecord end to end: a call on the public number 299299999 reaches the
 * demo agent 1000 (static member of FrontaIT, in its VICIdial conference),
 * the agent's conference is recorded during the call, and the call's CDR
 * names the file. moverecord then moves it on the engine into the NAS root
 * (`/mnt/nas_server/asterisk` → the store's `nas`), as the document's example.
 */
let gateway: TestGateway;
const DID = '299299999';

beforeAll(async () => {
  gateway = await startTestGateway({
    extraProvisioning: { didRoutes: [{ did: DID, queue: 'FrontaIT' }] },
    dialects: { voipsun: { recordingRoots: { '/var/spool/asterisk/recording': '', '/mnt/nas_server/asterisk': 'nas' } } },
  });
}, 60000);

afterAll(async () => {
  await gateway?.close();
});

const move = (query: string) => gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=moverecord&${query}`);

interface StoredRecording {
  name: string;
}

const storedNames = async (): Promise<string[]> => ((await gateway.engineAri('GET', '/recordings/stored')).body as StoredRecording[]).map((stored) => stored.name);

/** A call to agent 1000 recorded while connected, then ended: its CDR's id and recording file. */
async function recordedCall(caller: string): Promise<{ cdrId: number; file: string }> {
  await gateway.waitFor(async () => (await gateway.core.getAgentSession('1000'))?.conference?.agentLegId != null, 10000, 'agent 1000 in its conference');
  const call = await gateway.farEnd.callIn(DID, caller);
  const callId = await gateway.waitFor(async () => {
    const session = await gateway.core.getAgentSession('1000');
    const current = session?.currentCallId ? await gateway.core.getCall(session.currentCallId) : null;
    return current?.call.progress.stage === 'connected' ? current.call.id : undefined;
  }, 15000, 'the call connected to agent 1000');
  const { recording } = await gateway.core.startAgentRecording({ agentId: '1000' });
  await gateway.waitFor(async () => (await gateway.core.getRecording(recording.id))?.state === 'recording', 10000, 'the recording started');
  await gateway.core.stopAgentRecordings({ agentId: '1000' });
  await gateway.waitFor(async () => (await gateway.core.getRecording(recording.id))?.state === 'finished', 10000, 'the recording finished');
  await call.hangup();
  const cdr = await gateway.waitFor(async () => (await gateway.core.getCdrOfCall(callId)) ?? undefined, 10000, 'the CDR');
  expect(cdr.recordingFile).toBe(recording.location);
  await gateway.waitFor(async () => (await gateway.core.getAgentSession('1000'))?.state === 'ready', 10000, 'agent 1000 ready again');
  return { cdrId: cdr.id, file: recording.location };
}

describe('moverecord on the engine', () => {
  test('the document’s example moves and renames the recording of a CDR into the NAS root; the CDR names the new file', async () => {
    const { cdrId, file } = await recordedCall('999555444');
    const name = file.replace(/\.wav$/, '');
    expect(await storedNames()).toContain(name);
    expectWire(await move(`cdrId=${cdrId}&filename=new_record.wav&path=/mnt/nas_server/asterisk/2018`), SUCCESS);
    const names = await storedNames();
    expect(names).toContain('nas/2018/new_record');
    expect(names).not.toContain(name);
    expect((await gateway.core.getCdr(cdrId))?.recordingFile).toBe('nas/2018/new_record.wav');
    const rows = await gateway.query<{ recording_file: string }>('SELECT recording_file FROM cdrs WHERE id = $1', [cdrId]);
    expect(rows).toEqual([{ recording_file: 'nas/2018/new_record.wav' }]);

    // Only a rename keeps the directory; a path outside the roots is refused and changes nothing.
    expectWire(await move(`cdrId=${cdrId}&filename=final`), SUCCESS);
    expect(await storedNames()).toContain('nas/2018/final');
    expectWire(
      await move(`cdrId=${cdrId}&path=${encodeURIComponent('/mnt/nas_server/asterisk/../../../etc')}`),
      '{"success":"false","errno":"810","reason":"Destination folder does not exist and mkdir command failed. Please check parent folder permissions!\'"}',
    );
    expect((await gateway.core.getCdr(cdrId))?.recordingFile).toBe('nas/2018/final.wav');
  });

  test('a name taken on the engine is not overwritten (812); a CDR without recording is 801; an unknown one 800', async () => {
    const first = await recordedCall('999555445');
    const second = await recordedCall('999555446');
    expectWire(await move(`cdrId=${first.cdrId}&filename=taken.wav&path=/mnt/nas_server/asterisk/2019`), SUCCESS);
    expectWire(
      await move(`cdrId=${second.cdrId}&filename=taken.wav&path=/mnt/nas_server/asterisk/2019`),
      '{"success":"false","errno":"812","reason":"Cannot move file to (/mnt/nas_server/asterisk/2019/taken.wav). Check destination folder permissions!"}',
    );
    expect(await storedNames()).toEqual(expect.arrayContaining(['nas/2019/taken', second.file.replace(/\.wav$/, '')]));
    expect((await gateway.core.getCdr(second.cdrId))?.recordingFile).toBe(second.file);
    expectWire(await move('cdrId=999999999&filename=x.wav'), '{"success":"false","errno":"800","reason":"CDR record not found!"}');
    // A caller who gives up while agent 1000 is paused: a CDR without recording.
    await gateway.core.pauseAgent({ agentId: '1000', reason: null });
    const quitter = await gateway.farEnd.callIn(DID, '999555447');
    const waiting = await gateway.waitFor(async () => (await gateway.core.listWaitingCalls(['FrontaIT']))[0], 10000, 'the caller waiting');
    await quitter.hangup();
    const unrecorded = await gateway.waitFor(async () => (await gateway.core.getCdrOfCall(waiting.callId)) ?? undefined, 10000, 'the abandoned call’s CDR');
    await gateway.core.resumeAgent({ agentId: '1000' });
    expect(unrecorded.recordingFile).toBeNull();
    expectWire(await move(`cdrId=${unrecorded.id}&filename=x.wav`), '{"success":"false","errno":"801","reason":"CDR not contain any information about audio record!"}');
  });
});
