import { PbxFailure } from '@pbx-gateway/core';
import type { PbxEvent } from '@pbx-gateway/core';
import { ARI_PASSWORD, ARI_USER, RequestLedger, sleep, startHarness, timed } from './support/sim-harness';
import type { Harness } from './support/sim-harness';

/** Bridges and playbacks through the real ari-client against the simulator. */
// The fidelity tier checks every request the simulators received against Asterisk's own ARI description (ari-requests.fidelity.test.ts).
export const ledger = new RequestLedger();
let h: Harness;

const TONE_MS = 1200;
const LONG_MS = 8000;

const playbackEvent =
  (type: 'playback_started' | 'playback_finished', playbackId: string) =>
  (event: PbxEvent): boolean =>
    event.type === type && event.playbackId === playbackId;

async function answeredLeg(legId: string, phone: string): Promise<void> {
  const from = h.log.mark();
  await h.pbx.originate({ legId, endpoint: `PJSIP/${phone}`, timeoutSec: 10 });
  await h.log.waitFor((event) => event.type === 'leg_answered' && event.legId === legId, `answer of ${legId}`, 5000, from);
}

beforeAll(async () => {
  h = await startHarness(ledger, {
    phones: [
      { resource: '1000', answerAfterMs: 100 },
      { resource: '1001', answerAfterMs: 100 },
      { resource: '1002', answerAfterMs: 100 },
    ],
    media: { 'test-tone': TONE_MS, 'long-announcement': LONG_MS, 'hello-world': 1360 },
  });
  await answeredLeg('media-1.1', '1000');
  await answeredLeg('media-1.2', '1001');
});

afterAll(async () => {
  await h.close();
});

describe('bridges and playbacks through ari-client against the simulator', () => {
  it('creates a bridge with our id, leaves an existing one as it is, adds and removes legs, destroys it once or twice', async () => {
    await h.pbx.ensureBridge('bridge-1', 'mixing');
    await h.pbx.ensureBridge('bridge-1', 'mixing');
    await h.pbx.addToBridge('bridge-1', ['media-1.1', 'media-1.2']);
    expect((await h.pbx.snapshot()).bridges).toContainEqual({ bridgeId: 'bridge-1', legIds: ['media-1.1', 'media-1.2'] });

    await h.pbx.removeFromBridge('bridge-1', 'media-1.1');
    expect((await h.pbx.snapshot()).bridges).toContainEqual({ bridgeId: 'bridge-1', legIds: ['media-1.2'] });
    const again = await timed(h.pbx.removeFromBridge('bridge-1', 'media-1.1'));
    expect(again.error).toMatchObject({ kind: 'rejected', status: 422 });

    await h.pbx.destroyBridge('bridge-1');
    await h.pbx.destroyBridge('bridge-1');
    expect((await h.pbx.snapshot()).bridges.map((bridge) => bridge.bridgeId)).not.toContain('bridge-1');
    const gone = await timed(h.pbx.addToBridge('bridge-1', ['media-1.1']));
    expect(gone.error).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('makes a holding bridge', async () => {
    await h.pbx.ensureBridge('hold-1', 'holding');
    await h.pbx.addToBridge('hold-1', ['media-1.1']);
    expect((await h.pbx.snapshot()).bridges).toContainEqual({ bridgeId: 'hold-1', legIds: ['media-1.1'] });
    await h.pbx.removeFromBridge('hold-1', 'media-1.1');
    await h.pbx.destroyBridge('hold-1');
  });

  it('plays on a leg with our id: started, then finished once the media has played', async () => {
    const from = h.log.mark();
    await h.pbx.play({ playbackId: 'pb-1', target: { kind: 'leg', legId: 'media-1.1' }, media: 'sound:test-tone' });
    const started = await h.log.waitFor(playbackEvent('playback_started', 'pb-1'), 'playback_started', 3000, from);
    expect(await h.pbx.playbackState('pb-1')).toBe('playing');
    const finished = await h.log.waitFor(playbackEvent('playback_finished', 'pb-1'), 'playback_finished', TONE_MS + 3000, from);
    // The engine's own times of the two events, not when this process got round to reading them.
    const played = finished.at.getTime() - started.at.getTime();
    expect(played).toBeGreaterThanOrEqual(TONE_MS - 100);
    expect(played).toBeLessThan(TONE_MS + 2000);
    expect(h.log.of('pb-1', from)).toEqual(['playback_started', 'playback_finished:done']);
    // Asterisk forgets a finished playback.
    expect(await h.pbx.playbackState('pb-1')).toBeNull();
  });

  it('starts a playback at an offset, which shortens it', async () => {
    const from = h.log.mark();
    await h.pbx.play({ playbackId: 'pb-2', target: { kind: 'leg', legId: 'media-1.2' }, media: 'sound:long-announcement', offsetMs: LONG_MS - 600, skipMs: 2000 });
    const started = await h.log.waitFor(playbackEvent('playback_started', 'pb-2'), 'playback_started', 3000, from);
    const finished = await h.log.waitFor(playbackEvent('playback_finished', 'pb-2'), 'playback_finished', 4000, from);
    expect(finished.at.getTime() - started.at.getTime()).toBeLessThan(LONG_MS / 2);
  });

  it('pauses (no event), unpauses (started again), and stops (finished) a playback; stopping it again is fine', async () => {
    const from = h.log.mark();
    await h.pbx.play({ playbackId: 'pb-3', target: { kind: 'leg', legId: 'media-1.1' }, media: 'sound:long-announcement' });
    await h.log.waitFor(playbackEvent('playback_started', 'pb-3'), 'playback_started', 3000, from);

    await h.pbx.controlPlayback('pb-3', 'pause');
    expect(await h.pbx.playbackState('pb-3')).toBe('paused');
    await sleep(200);
    expect(h.log.of('pb-3', from)).toEqual(['playback_started']);

    await h.pbx.controlPlayback('pb-3', 'unpause');
    await h.log.waitFor((event) => playbackEvent('playback_started', 'pb-3')(event) && h.log.of('pb-3', from).length === 2, 'the second playback_started', 3000, from);
    expect(await h.pbx.playbackState('pb-3')).toBe('playing');

    await h.pbx.controlPlayback('pb-3', 'forward');
    await h.pbx.controlPlayback('pb-3', 'restart');
    await h.pbx.stopPlayback('pb-3');
    await h.log.waitFor(playbackEvent('playback_finished', 'pb-3'), 'playback_finished', 3000, from);
    await h.pbx.stopPlayback('pb-3');
    expect(h.log.of('pb-3', from)).toEqual(['playback_started', 'playback_started', 'playback_finished:done']);
    expect(await h.pbx.playbackState('pb-3')).toBeNull();

    const control = await timed(h.pbx.controlPlayback('pb-3', 'pause'));
    expect(control.error).toBeInstanceOf(PbxFailure);
    expect(control.error).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('plays into a bridge, and the announcer it takes stays out of the events and the snapshot', async () => {
    await h.pbx.ensureBridge('bridge-2', 'mixing');
    await h.pbx.addToBridge('bridge-2', ['media-1.1', 'media-1.2']);
    const from = h.log.mark();
    await h.pbx.play({ playbackId: 'pb-4', target: { kind: 'bridge', bridgeId: 'bridge-2' }, media: 'sound:test-tone' });
    await h.log.waitFor(playbackEvent('playback_started', 'pb-4'), 'playback_started', 3000, from);
    expect((await h.pbx.snapshot()).bridges).toContainEqual({ bridgeId: 'bridge-2', legIds: ['media-1.1', 'media-1.2'] });
    await h.log.waitFor(playbackEvent('playback_finished', 'pb-4'), 'playback_finished', TONE_MS + 3000, from);
    expect(h.log.events.slice(from).map((event) => event.type)).toEqual(['playback_started', 'playback_finished']);
    await h.pbx.destroyBridge('bridge-2');
  });

  it('hears of media played into a bridge nobody has joined yet (the conference of an agent whose phone is not in)', async () => {
    await h.pbx.ensureBridge('bridge-empty', 'mixing');
    const from = h.log.mark();
    await h.pbx.play({ playbackId: 'pb-empty', target: { kind: 'bridge', bridgeId: 'bridge-empty' }, media: 'sound:test-tone' });
    await h.log.waitFor(playbackEvent('playback_started', 'pb-empty'), 'playback_started', 3000, from);
    await h.log.waitFor(playbackEvent('playback_finished', 'pb-empty'), 'playback_finished', TONE_MS + 3000, from);
    expect(h.log.events.slice(from).map((event) => event.type)).toEqual(['playback_started', 'playback_finished']);
    await h.pbx.destroyBridge('bridge-empty');
  });

  it('reports a playback whose leg hangs up as failed', async () => {
    await answeredLeg('media-2.1', '1002');
    const from = h.log.mark();
    await h.pbx.play({ playbackId: 'pb-5', target: { kind: 'leg', legId: 'media-2.1' }, media: 'sound:long-announcement' });
    await h.log.waitFor(playbackEvent('playback_started', 'pb-5'), 'playback_started', 3000, from);
    await h.pbx.hangup('media-2.1');
    await h.log.waitFor(playbackEvent('playback_finished', 'pb-5'), 'playback_finished', 3000, from);
    expect(h.log.of('pb-5', from)).toEqual(['playback_started', 'playback_finished:failed']);
  });

  it('records a bridge twice at once under names the core chose; each stop is heard as finished; a second stop is fine', async () => {
    await h.pbx.ensureBridge('bridge-rec', 'mixing');
    await h.pbx.addToBridge('bridge-rec', ['media-1.1']);
    const from = h.log.mark();
    const recordingEvent = (type: string, name: string) => (event: PbxEvent): boolean => event.type === type && 'recordingName' in event && event.recordingName === name;
    await h.pbx.recordBridge({ recordingName: '20260101-000000_1000_a', bridgeId: 'bridge-rec', format: 'wav' });
    await h.pbx.recordBridge({ recordingName: '20260101-000000_1000_b', bridgeId: 'bridge-rec', format: 'wav' });
    await h.log.waitFor(recordingEvent('recording_started', '20260101-000000_1000_a'), 'recording a started', 3000, from);
    await h.log.waitFor(recordingEvent('recording_started', '20260101-000000_1000_b'), 'recording b started', 3000, from);
    expect(await h.pbx.recordingIsLive('20260101-000000_1000_a')).toBe(true);
    const taken = await timed(h.pbx.recordBridge({ recordingName: '20260101-000000_1000_a', bridgeId: 'bridge-rec', format: 'wav' }));
    expect(taken.error).toMatchObject({ kind: 'conflict', status: 409 });
    for (const name of ['20260101-000000_1000_a', '20260101-000000_1000_b']) {
      await h.pbx.stopRecording(name);
      const finished = await h.log.waitFor(recordingEvent('recording_finished', name), `recording ${name} finished`, 3000, from);
      expect(finished).toMatchObject({ durationSec: 0 });
      expect(await h.pbx.recordingIsLive(name)).toBe(false);
      await h.pbx.stopRecording(name);
    }
    await h.pbx.destroyBridge('bridge-rec');
  });

  it('moves a stored recording into a directory of the store (copy, then delete); a name taken or a source gone is refused', async () => {
    await h.pbx.ensureBridge('bridge-move', 'mixing');
    await h.pbx.addToBridge('bridge-move', ['media-1.1']);
    const from = h.log.mark();
    for (const name of ['20260101-000000_1000_m', '20260101-000000_1000_n']) {
      await h.pbx.recordBridge({ recordingName: name, bridgeId: 'bridge-move', format: 'wav' });
      await h.pbx.stopRecording(name);
      await h.log.waitFor((event) => event.type === 'recording_finished' && event.recordingName === name, `recording ${name} finished`, 3000, from);
    }
    await h.pbx.destroyBridge('bridge-move');
    await h.pbx.moveStoredRecording('20260101-000000_1000_m', 'nas/2018/new_record');
    const listing = await fetch(`${h.sim.url}/ari/recordings/stored`, { headers: { authorization: `Basic ${Buffer.from(`${ARI_USER}:${ARI_PASSWORD}`).toString('base64')}` } });
    const stored = (await listing.json()) as Array<{ name: string }>;
    expect(stored.map((recording) => recording.name)).toEqual(expect.arrayContaining(['nas/2018/new_record', '20260101-000000_1000_n']));
    expect(stored.map((recording) => recording.name)).not.toContain('20260101-000000_1000_m');
    const taken = await timed(h.pbx.moveStoredRecording('20260101-000000_1000_n', 'nas/2018/new_record'));
    expect(taken.error).toMatchObject({ kind: 'conflict', status: 409 });
    const gone = await timed(h.pbx.moveStoredRecording('20260101-000000_1000_m', 'elsewhere'));
    expect(gone.error).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('sends keys out of a leg, the one-second pause as W', async () => {
    await h.pbx.sendDtmf('media-1.2', '1,#', { betweenMs: 10, durationMs: 20 });
    // The engine answers at once and plays the keys afterwards: a second of silence between them.
    let heard = '';
    for (let waited = 0; waited < 5000 && heard.length < 2; waited += 100) {
      await sleep(100);
      heard = (await h.sim.control.heardDtmf('media-1.2')).digits;
    }
    expect(heard).toBe('1#');
  });

  it('refuses to play on a leg that does not exist', async () => {
    const outcome = await timed(h.pbx.play({ playbackId: 'pb-6', target: { kind: 'leg', legId: 'no-such-leg' }, media: 'sound:test-tone' }));
    expect(outcome.error).toMatchObject({ kind: 'not_found', status: 404 });
  });
});
