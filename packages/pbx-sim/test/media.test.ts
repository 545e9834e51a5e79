import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { AriSession, field, sleep, type EventStream, type JsonObject } from './support/ari-session';
import { simulatorClock } from './support/simulator-clock';

/** Playbacks and recordings with a short media catalog; their lengths are checked on a fake clock. */
describe('media', () => {
  let sim: PbxSim;
  let ari: AriSession;
  let app: EventStream;
  let channel: string;

  const playbackEvents = (id: string): string[] =>
    app.received.filter((e) => field(e, 'playback', 'id') === id).map((e) => `${String(e.type)}:${String(field(e, 'playback', 'state'))}`);

  beforeAll(async () => {
    sim = await startPbxSim({ media: { short: 200, long: 1000, beep: 50 }, remoteMediaMs: 120, phones: [{ resource: '1000', answerAfterMs: 0 }] });
    ari = new AriSession(sim.url);
    app = await ari.events('media');
    channel = String(((await ari.expect(200, 'POST', '/channels', { endpoint: 'PJSIP/1000', app: 'media' })) as JsonObject).id);
    await app.waitFor('StasisStart', channel);
  });

  const onSimulatorClock = simulatorClock();

  afterAll(async () => {
    ari.close();
    await sim.close();
  });

  it('finishes a playback when its media would end', async () => {
    onSimulatorClock();
    const created = (await ari.expect(201, 'POST', `/channels/${channel}/play/p-short`, { media: 'sound:short' })) as JsonObject;
    expect(created).toEqual({ id: 'p-short', media_uri: 'sound:short', target_uri: `channel:${channel}`, language: 'en', state: 'queued' });
    const started = await app.next((e) => e.type === 'PlaybackStarted' && field(e, 'playback', 'id') === 'p-short');
    expect(started.playback).toMatchObject({ state: 'playing' });
    jest.advanceTimersByTime(199);
    expect(field(await ari.expect(200, 'GET', '/playbacks/p-short'), 'state')).toBe('playing');
    jest.advanceTimersByTime(1);
    await app.next((e) => e.type === 'PlaybackFinished' && field(e, 'playback', 'id') === 'p-short');
    const gone = await ari.call('GET', '/playbacks/p-short');
    expect([gone.status, gone.body]).toEqual([404, { message: 'Playback not found' }]);
  });

  it('pauses without an event, resumes with PlaybackStarted, and moves with skipms', async () => {
    onSimulatorClock();
    await ari.expect(201, 'POST', `/channels/${channel}/play/p-long`, { media: 'sound:long', skipms: 400 });
    await app.next((e) => e.type === 'PlaybackStarted' && field(e, 'playback', 'id') === 'p-long');
    await ari.expect(204, 'POST', '/playbacks/p-long/control', { operation: 'pause' });
    expect(field(await ari.expect(200, 'GET', '/playbacks/p-long'), 'state')).toBe('paused');
    jest.advanceTimersByTime(300);
    const reply = await ari.call('POST', '/playbacks/p-long/control', { operation: 'forward' });
    expect([reply.status, reply.body]).toEqual([409, { message: 'Can only forward while media is playing' }]);
    await ari.expect(204, 'POST', '/playbacks/p-long/control', { operation: 'pause' });
    await ari.expect(204, 'POST', '/playbacks/p-long/control', { operation: 'unpause' });
    await ari.expect(204, 'POST', '/playbacks/p-long/control', { operation: 'unpause' });
    await ari.expect(204, 'POST', '/playbacks/p-long/control', { operation: 'forward' });
    await ari.expect(204, 'POST', '/playbacks/p-long/control', { operation: 'forward' });
    await ari.expect(204, 'POST', '/playbacks/p-long/control', { operation: 'reverse' });
    // 1000 ms of media, 400 ms skipped in total, the 300 ms paused not counted: 600 ms left to play.
    jest.advanceTimersByTime(599);
    expect(field(await ari.expect(200, 'GET', '/playbacks/p-long'), 'state')).toBe('playing');
    jest.advanceTimersByTime(1);
    await app.next((e) => e.type === 'PlaybackFinished' && field(e, 'playback', 'id') === 'p-long');
    expect(playbackEvents('p-long')).toEqual(['PlaybackStarted:playing', 'PlaybackStarted:playing', 'PlaybackFinished:done']);
  });

  it('restarts from the beginning', async () => {
    onSimulatorClock();
    await ari.expect(201, 'POST', `/channels/${channel}/play/p-restart`, { media: 'sound:short' });
    await app.next((e) => e.type === 'PlaybackStarted' && field(e, 'playback', 'id') === 'p-restart');
    jest.advanceTimersByTime(120);
    await ari.expect(204, 'POST', '/playbacks/p-restart/control', { operation: 'restart' });
    // The whole 200 ms again from the restart.
    jest.advanceTimersByTime(199);
    expect(field(await ari.expect(200, 'GET', '/playbacks/p-restart'), 'state')).toBe('playing');
    jest.advanceTimersByTime(1);
    await app.next((e) => e.type === 'PlaybackFinished' && field(e, 'playback', 'id') === 'p-restart');
  });

  it('plays a list with PlaybackContinuing, fails an unknown sound, and times URLs and recordings', async () => {
    await ari.expect(201, 'POST', `/channels/${channel}/play/p-list`, { media: 'sound:beep,sound:no-such-sound,sound:https://media.example/x.wav' });
    await app.next((e) => e.type === 'PlaybackFinished' && field(e, 'playback', 'id') === 'p-list' && field(e, 'playback', 'media_uri') === 'sound:https://media.example/x.wav');
    const list = app.received.filter((e) => field(e, 'playback', 'id') === 'p-list');
    expect(list.map((e) => [e.type, field(e, 'playback', 'media_uri'), field(e, 'playback', 'next_media_uri') ?? null, field(e, 'playback', 'state')])).toEqual([
      ['PlaybackStarted', 'sound:beep', 'sound:no-such-sound', 'playing'],
      ['PlaybackContinuing', 'sound:beep', 'sound:no-such-sound', 'continuing'],
      ['PlaybackStarted', 'sound:no-such-sound', 'sound:https://media.example/x.wav', 'playing'],
      ['PlaybackFinished', 'sound:no-such-sound', 'sound:https://media.example/x.wav', 'failed'],
      ['PlaybackStarted', 'sound:https://media.example/x.wav', null, 'playing'],
      ['PlaybackFinished', 'sound:https://media.example/x.wav', null, 'done'],
    ]);
    await ari.expect(201, 'POST', `/channels/${channel}/play/p-missing`, { media: 'sound:nothing-here' });
    await app.next((e) => e.type === 'PlaybackFinished' && field(e, 'playback', 'id') === 'p-missing');
    expect(playbackEvents('p-missing')).toEqual(['PlaybackStarted:playing', 'PlaybackFinished:failed']);
  });

  it('queues playbacks; a queued one stopped finishes as done without starting', async () => {
    await ari.expect(201, 'POST', `/channels/${channel}/play/q1`, { media: 'sound:short' });
    const second = (await ari.expect(201, 'POST', `/channels/${channel}/play/q2`, { media: 'sound:short' })) as JsonObject;
    expect(second.state).toBe('queued');
    const paused = await ari.call('POST', '/playbacks/q2/control', { operation: 'pause' });
    expect([paused.status, paused.body]).toEqual([409, { message: 'Can only pause while media is playing' }]);
    await ari.expect(204, 'POST', '/playbacks/q2/control', { operation: 'restart' });
    await ari.expect(204, 'DELETE', '/playbacks/q2');
    expect(field(await ari.expect(200, 'GET', '/playbacks/q2'), 'state')).toBe('done');
    await app.next((e) => e.type === 'PlaybackFinished' && field(e, 'playback', 'id') === 'q2');
    expect(playbackEvents('q1')).toEqual(['PlaybackStarted:playing', 'PlaybackFinished:done']);
    expect(playbackEvents('q2')).toEqual(['PlaybackFinished:done']);
  });

  it('records with pauses excluded from the duration and keeps a WAV file of that length', async () => {
    onSimulatorClock();
    await ari.expect(201, 'POST', `/channels/${channel}/record`, { name: 'rec-a', format: 'wav' });
    await app.next((e) => e.type === 'RecordingStarted' && field(e, 'recording', 'name') === 'rec-a');
    jest.advanceTimersByTime(700);
    await ari.expect(204, 'POST', '/recordings/live/rec-a/pause');
    expect(field(await ari.expect(200, 'GET', '/recordings/live/rec-a'), 'state')).toBe('paused');
    jest.advanceTimersByTime(600);
    await ari.expect(204, 'DELETE', '/recordings/live/rec-a/pause');
    jest.advanceTimersByTime(800);
    await ari.expect(204, 'POST', '/recordings/live/rec-a/stop');
    const finished = await app.next((e) => e.type === 'RecordingFinished' && field(e, 'recording', 'name') === 'rec-a');
    // 1.5 s recorded: the 0.6 s pause does not count.
    expect(finished.recording).toEqual({ name: 'rec-a', format: 'wav', state: 'done', target_uri: `channel:${channel}`, duration: 1 });
    expect(await ari.expect(200, 'GET', '/recordings/stored/rec-a')).toEqual({ name: 'rec-a', format: 'wav' });
    const file = await fetch(`${sim.url}/ari/recordings/stored/rec-a/file`, { headers: { Authorization: `Basic ${Buffer.from('gateway:gateway').toString('base64')}` } });
    expect(file.headers.get('content-type')).toBe('audio/wav');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
    // 8 kHz, 16-bit mono after a 44-byte header: between 1 and 2 seconds of audio, as the duration says.
    expect(bytes.length - 44).toBeGreaterThanOrEqual(16000);
    expect(bytes.length - 44).toBeLessThan(32000);
    expect(bytes.readUInt32LE(40)).toBe(bytes.length - 44);
    const conflict = await ari.call('POST', `/channels/${channel}/record`, { name: 'rec-a', format: 'wav', ifExists: 'fail' });
    expect([conflict.status, conflict.body]).toEqual([409, { message: "Recording 'rec-a' already exists and can not be overwritten" }]);
  });

  it('plays a stored recording for its length and ends a recording on its terminateOn key', async () => {
    onSimulatorClock();
    await ari.expect(201, 'POST', `/channels/${channel}/record`, { name: 'rec-b', format: 'wav', terminateOn: '#' });
    await app.next((e) => e.type === 'RecordingStarted' && field(e, 'recording', 'name') === 'rec-b');
    jest.advanceTimersByTime(1100);
    const pressed = sim.control.pressDtmf(channel, '5#', { durationMs: 50, gapMs: 50 });
    await jest.advanceTimersByTimeAsync(200);
    await pressed;
    const finished = await app.next((e) => e.type === 'RecordingFinished' && field(e, 'recording', 'name') === 'rec-b');
    expect(field(finished, 'recording', 'duration')).toBe(1);
    expect(app.ofChannel(channel).filter((e) => e.type === 'ChannelDtmfReceived').map((e) => [e.digit, e.duration_ms])).toEqual([
      ['5', 50],
      ['#', 50],
    ]);
    await ari.expect(201, 'POST', `/channels/${channel}/play/p-rec`, { media: 'recording:rec-b' });
    await app.next((e) => e.type === 'PlaybackStarted' && field(e, 'playback', 'id') === 'p-rec');
    // At least the one second recorded, and not much more.
    jest.advanceTimersByTime(999);
    expect(field(await ari.expect(200, 'GET', '/playbacks/p-rec'), 'state')).toBe('playing');
    jest.advanceTimersByTime(2000);
    await app.next((e) => e.type === 'PlaybackFinished' && field(e, 'playback', 'id') === 'p-rec');
  });

  it('stops at maxDurationSeconds on the first second boundary past the limit, as Asterisk counts time', async () => {
    onSimulatorClock();
    await ari.expect(201, 'POST', `/channels/${channel}/record`, { name: 'rec-max', format: 'wav', maxDurationSeconds: 1, ifExists: 'overwrite' });
    await app.next((e) => e.type === 'RecordingStarted' && field(e, 'recording', 'name') === 'rec-max');
    jest.advanceTimersByTime(999);
    expect(field(await ari.expect(200, 'GET', '/recordings/live/rec-max'), 'state')).toBe('recording');
    jest.advanceTimersByTime(1600);
    const finished = await app.next((e) => e.type === 'RecordingFinished' && field(e, 'recording', 'name') === 'rec-max');
    expect(field(finished, 'recording', 'duration')).toBe(1);
  });

  it('copies and deletes stored recordings', async () => {
    expect(await ari.expect(200, 'POST', '/recordings/stored/rec-a/copy', { destinationRecordingName: 'rec-copy' })).toEqual({ name: 'rec-copy', format: 'wav' });
    const again = await ari.call('POST', '/recordings/stored/rec-a/copy', { destinationRecordingName: 'rec-copy' });
    expect([again.status, again.body]).toEqual([409, { message: 'A recording with the same name already exists on the system' }]);
    expect(((await ari.expect(200, 'GET', '/recordings/stored')) as JsonObject[]).map((r) => r.name)).toEqual(['rec-a', 'rec-b', 'rec-copy', 'rec-max']);
    await ari.expect(204, 'DELETE', '/recordings/stored/rec-copy');
    expect((await ari.call('GET', '/recordings/stored/rec-copy')).status).toBe(404);
  });

  it('plays into a bridge through an announcer that the application never hears about', async () => {
    const bridge = String(field(await ari.expect(200, 'POST', '/bridges', { type: 'mixing' }), 'id'));
    await ari.expect(204, 'POST', `/bridges/${bridge}/addChannel`, { channel });
    const before = app.received.length;
    const played = (await ari.expect(201, 'POST', `/bridges/${bridge}/play/b-pb`, { media: 'sound:beep' })) as JsonObject;
    expect(played.target_uri).toBe(`bridge:${bridge}`);
    await app.next((e) => e.type === 'PlaybackFinished' && field(e, 'playback', 'id') === 'b-pb');
    await sleep(30);
    const during = app.received.slice(before).map((e) => `${String(e.type)}:${String(e.variable ?? '')}`);
    // The announcer joining makes a two-party bridge (BRIDGEPEER is the announcer); a channel left alone keeps its peer.
    expect(during).toEqual(['ChannelVarset:BRIDGEPEER', 'PlaybackStarted:', 'PlaybackFinished:']);
    expect(String(app.received[before]?.value)).toMatch(/^Announcer\/ARI-[0-9a-f]{8};2$/);
    expect(field(await ari.expect(200, 'GET', `/bridges/${bridge}`), 'channels')).toEqual([channel]);
    await ari.expect(204, 'DELETE', `/bridges/${bridge}`);
  });

  it('records a bridge several times at once, a recorder each; a bridge destroyed ends its recordings unheard, files kept', async () => {
    const bridge = String(field(await ari.expect(200, 'POST', '/bridges', { type: 'mixing' }), 'id'));
    await ari.expect(204, 'POST', `/bridges/${bridge}/addChannel`, { channel });
    await ari.expect(201, 'POST', `/bridges/${bridge}/record`, { name: 'br-1', format: 'wav' });
    await ari.expect(201, 'POST', `/bridges/${bridge}/record`, { name: 'br-2', format: 'wav' });
    await app.next((e) => e.type === 'RecordingStarted' && field(e, 'recording', 'name') === 'br-2');
    const peers = app.received.filter((e) => e.variable === 'BRIDGEPEER').map((e) => String(e.value));
    expect(peers[peers.length - 1]).toMatch(/^Recorder\/ARI-[0-9a-f]{8};2,Recorder\/ARI-[0-9a-f]{8};2$/);
    await ari.expect(204, 'POST', '/recordings/live/br-1/stop');
    await app.next((e) => e.type === 'RecordingFinished' && field(e, 'recording', 'name') === 'br-1');
    expect(field(await ari.expect(200, 'GET', '/recordings/live/br-2'), 'state')).toBe('recording');
    const before = app.received.length;
    await ari.expect(204, 'DELETE', `/bridges/${bridge}`);
    await sleep(30);
    expect(app.received.slice(before).filter((e) => String(e.type).startsWith('Recording'))).toEqual([]);
    expect((await ari.call('GET', '/recordings/live/br-2')).status).toBe(404);
    expect(await ari.expect(200, 'GET', '/recordings/stored/br-2')).toEqual({ name: 'br-2', format: 'wav' });
  });
});
