import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { AUTH_QUERY, callIdOfChannel, cdrsOfCall, endedClickToCallSince, hangUpEverything, waitForChannels } from '../support/live-calls';
import { E120, expectWire, SUCCESS } from '../support/wire-expect';

/**
 * originate's monitorFilename / monitorPath end to end: the click-to-call is
 * recorded on the engine from the moment both sides are connected, the
 * recording belongs to the call, is stopped before the call's bridge goes,
 * and the call's CDR names the file, which moverecord then moves.
 */
let gateway: TestGateway;
const SILENT_NUMBER = '800333444';

beforeAll(async () => {
  gateway = await startTestGateway({
    dialects: { voipsun: { recordingRoots: { '/var/spool/asterisk/recording': '', '/mnt/nas_server/asterisk': 'nas' } } },
  });
  await gateway.farEnd.setNumber(SILENT_NUMBER, { outcome: 'noanswer' });
}, 60000);

afterEach(async () => {
  await hangUpEverything(gateway);
});

afterAll(async () => {
  await gateway?.close();
});

const originate = (query: string) => gateway.http.get(`/api/api.php?${AUTH_QUERY}&action=originate&srcExtenId=5&${query}`);

const storedNames = async (): Promise<string[]> =>
  ((await gateway.engineAri('GET', '/recordings/stored')).body as Array<{ name: string }>).map((stored) => stored.name);

/** Places a recorded click-to-call and waits until the engine records it: the call's id and its extension leg's name. */
async function recordedCall(query: string): Promise<{ callId: string; channelName: string }> {
  expectWire(await originate(`dstNum=800123456&${query}`), SUCCESS);
  const channels = await waitForChannels(gateway, (listed) => listed.length === 2 && listed.every((channel) => channel.status === 'Up'), 'both legs up');
  const channelName = channels[0]!.channelName;
  const callId = await callIdOfChannel(gateway, channelName);
  await gateway.waitFor(async () => (await gateway.core.recordingsOfCall(callId))[0]?.state === 'recording', 10000, 'the call recorded');
  return { callId, channelName };
}

const hangUp = (channelName: string) => gateway.http.get(`/api/api.php?${AUTH_QUERY}&action=hangupcall&channelName=${encodeURIComponent(channelName)}`);

describe('originate with monitorFilename and monitorPath', () => {
  test('records the connected call into the named root and name; the CDR names the file; moverecord moves it', async () => {
    const { callId, channelName } = await recordedCall('monitorFilename=deal_42.wav&monitorPath=/mnt/nas_server/asterisk/2020&monitorType=mixmonitor');
    const live = await gateway.engineAri('GET', `/recordings/live/${encodeURIComponent('nas/2020/deal_42')}`);
    expect(live.status).toBe(200);
    const [recording] = await gateway.core.recordingsOfCall(callId);
    expect(recording).toMatchObject({ name: 'nas/2020/deal_42', location: 'nas/2020/deal_42.wav', agentId: null, callId, format: 'wav' });

    expectWire(await hangUp(channelName), SUCCESS);
    const cdr = await gateway.waitFor(async () => (await gateway.core.getCdrOfCall(callId)) ?? undefined, 10000, 'the CDR');
    expect(cdr.recordingFile).toBe('nas/2020/deal_42.wav');
    expect((await cdrsOfCall(gateway, callId))[0]?.data).toMatchObject({ monitorFilename: 'deal_42.wav', monitorPath: '/mnt/nas_server/asterisk/2020', monitorType: 'mixmonitor' });
    // Stopped before the bridge went: the file is complete in the store, the engine records nothing more.
    expect(await storedNames()).toContain('nas/2020/deal_42');
    expect((await gateway.engineAri('GET', `/recordings/live/${encodeURIComponent('nas/2020/deal_42')}`)).status).toBe(404);
    expect((await gateway.core.getRecording(recording!.id))?.state).toBe('finished');

    expectWire(await gateway.http.get(`/api/api.php?${AUTH_QUERY}&action=moverecord&cdrId=${cdr.id}&filename=moved.wav&path=/mnt/nas_server/asterisk/2021`), SUCCESS);
    expect(await storedNames()).toEqual(expect.arrayContaining(['nas/2021/moved']));
    expect(await storedNames()).not.toContain('nas/2020/deal_42');
    expect((await gateway.core.getCdr(cdr.id))?.recordingFile).toBe('nas/2021/moved.wav');
  });

  test('monitorPath alone: the gateway names the file, in the store itself for its root', async () => {
    const { callId, channelName } = await recordedCall('monitorPath=/var/spool/asterisk/recording');
    const [recording] = await gateway.core.recordingsOfCall(callId);
    expect(recording?.name).toMatch(/^[0-9]{8}-[0-9]{6}_100_[A-Za-z0-9_-]+$/);
    expectWire(await hangUp(channelName), SUCCESS);
    const cdr = await gateway.waitFor(async () => (await gateway.core.getCdrOfCall(callId)) ?? undefined, 10000, 'the CDR');
    expect(cdr.recordingFile).toBe(`${recording!.name}.wav`);
    expect(await storedNames()).toContain(recording!.name);
  });

  test('a name already taken is not overwritten: the call goes on unrecorded and its CDR names no file', async () => {
    const first = await recordedCall('monitorFilename=same_name');
    expectWire(await hangUp(first.channelName), SUCCESS);
    await gateway.waitFor(async () => (await gateway.core.getCdrOfCall(first.callId)) ?? undefined, 10000, 'the first CDR');

    expectWire(await originate('dstNum=800123456&monitorFilename=same_name'), SUCCESS);
    const channels = await waitForChannels(gateway, (listed) => listed.length === 2 && listed.every((channel) => channel.status === 'Up'), 'both legs up');
    const callId = await callIdOfChannel(gateway, channels[0]!.channelName);
    await gateway.core.idle();
    expect(await gateway.core.recordingsOfCall(callId)).toEqual([]);
    expectWire(await hangUp(channels[0]!.channelName), SUCCESS);
    const cdr = await gateway.waitFor(async () => (await gateway.core.getCdrOfCall(callId)) ?? undefined, 10000, 'the second CDR');
    expect(cdr.recordingFile).toBeNull();
    expect((await gateway.core.getCdrOfCall(first.callId))?.recordingFile).toBe('same_name.wav');
  });

  test('an unanswered destination is never recorded', async () => {
    const since = new Date();
    expectWire(await originate(`dstNum=${SILENT_NUMBER}&dstRingTimeout=1&monitorFilename=never`), SUCCESS);
    const callId = await endedClickToCallSince(gateway, since, 'the unanswered call to end', 10000);
    expect(await gateway.core.recordingsOfCall(callId)).toEqual([]);
    expect((await cdrsOfCall(gateway, callId))[0]).toMatchObject({ answered_at: null });
    expect(await storedNames()).not.toContain('never');
  });

  test('errno 120 for a path outside the roots or a file name that is not plain; nothing is dialled', async () => {
    expectWire(await originate(`dstNum=800123456&monitorPath=${encodeURIComponent('/mnt/nas_server/asterisk/../../../etc')}`), E120);
    expectWire(await originate(`dstNum=800123456&monitorFilename=${encodeURIComponent('../../etc/passwd')}`), E120);
    await gateway.core.idle();
    expect(await gateway.query("SELECT id FROM calls WHERE purpose = 'click_to_call' AND state <> 'ended'")).toEqual([]);
  });
});
