import { PbxFailure } from '@pbx-gateway/core';
import { RequestNotAnswered } from '../src/ari-error-mapping';
import type { AriCallOptions, AriOperation, AriParams, AriRestCall } from '../src/ari-operations';
import { addToBridge, destroyBridge, ensureBridge, startMusicOnHold } from '../src/commands/bridges';
import { sendDtmf } from '../src/commands/dtmf';
import { hangup } from '../src/commands/hangup';
import { answer, setMusicOnHold } from '../src/commands/holding';
import { formatCallerId, originate } from '../src/commands/originate';
import { getPlaybackState, play, stopPlayback } from '../src/commands/playback';
import { recordBridge, recordingIsLive, stopRecording } from '../src/commands/recording';
import { snapshot } from '../src/commands/snapshot';
import { snoop } from '../src/commands/snoop';
import { setMuted } from '../src/commands/mute';
import { ORIGINATED_LEG_MARKER } from '../src/leg-origin-marker';
import { channelJson } from './fixtures/ari-json';

/**
 * What each command asks of the REST layer, and how it reads the answers
 * that change its outcome (404 as done, 409 as existing, a retry after no
 * answer). The requests themselves are checked against Asterisk's
 * description in the integration tests.
 */
interface Sent {
  operation: AriOperation;
  params: AriParams;
  idempotent: boolean;
}

function scriptedCall(answers: Array<unknown | Error>): { call: AriRestCall; sent: Sent[] } {
  const sent: Sent[] = [];
  const call: AriRestCall = (operation: AriOperation, params: AriParams, options?: AriCallOptions) => {
    sent.push({ operation, params, idempotent: options?.idempotent ?? false });
    const answer = answers.shift();
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return { call, sent };
}

const pjsipLeg = channelJson({ id: 'call-1.1', name: 'PJSIP/1000-00000001', state: 'Down', context: 'from-internal', exten: 's' });

describe('commands', () => {
  it('originates with our id, our application, the marker, caller id, timeout and variables', async () => {
    const { call, sent } = scriptedCall([pjsipLeg]);
    const leg = await originate(call, 'gateway', {
      legId: 'call-1.1',
      endpoint: 'PJSIP/1000',
      callerId: { name: 'Sales "Team"', number: '0123456789' },
      timeoutSec: 30,
      variables: { CDR_TAG: 'campaign-9' },
    });
    expect(sent).toEqual([
      {
        operation: 'channels.originate',
        params: {
          endpoint: 'PJSIP/1000',
          app: 'gateway',
          appArgs: ORIGINATED_LEG_MARKER,
          channelId: 'call-1.1',
          callerId: '"Sales Team" <0123456789>',
          timeout: 30,
          variables: { CDR_TAG: 'campaign-9' },
        },
        idempotent: false,
      },
    ]);
    expect(leg).toEqual({ legId: 'call-1.1', channelName: 'PJSIP/1000-00000001', state: 'down', context: 'from-internal' });
  });

  it('formats a caller id without a name as the bare number', () => {
    expect(formatCallerId({ number: '1000' })).toBe('1000');
    expect(formatCallerId({ number: '1000', name: 'Desk' })).toBe('"Desk" <1000>');
  });

  it('sends an originate that got no answer again, and reads the leg back when the first one had created it', async () => {
    const { call, sent } = scriptedCall([
      new RequestNotAnswered('channels.originate', 'ECONNRESET'),
      new PbxFailure('conflict', 'channels.originate: Channel with given unique ID already exists', 409),
      pjsipLeg,
    ]);
    const leg = await originate(call, 'gateway', { legId: 'call-1.1', endpoint: 'PJSIP/1000' });
    expect(sent.map((request) => request.operation)).toEqual(['channels.originate', 'channels.originate', 'channels.get']);
    expect(sent[2]?.params).toEqual({ channelId: 'call-1.1' });
    expect(leg.legId).toBe('call-1.1');
  });

  it('does not send an originate again after a timeout or a refusal', async () => {
    for (const failure of [new PbxFailure('unavailable', 'no answer within 5000 ms'), new PbxFailure('rejected', 'Allocation failed', 500)]) {
      const { call, sent } = scriptedCall([failure]);
      await expect(originate(call, 'gateway', { legId: 'x', endpoint: 'PJSIP/9' })).rejects.toBe(failure);
      expect(sent).toHaveLength(1);
    }
  });

  it('takes 404 on hangup, bridge destroy and playback stop as done, 409 on bridge create as existing', async () => {
    const notFound = (): PbxFailure => new PbxFailure('not_found', 'gone', 404);
    await expect(hangup(scriptedCall([notFound()]).call, 'leg-1', 'busy')).resolves.toBeUndefined();
    await expect(destroyBridge(scriptedCall([notFound()]).call, 'br-1')).resolves.toBeUndefined();
    await expect(stopPlayback(scriptedCall([notFound()]).call, 'pb-1')).resolves.toBeUndefined();
    await expect(stopRecording(scriptedCall([notFound()]).call, 'rec-1')).resolves.toBeUndefined();
    await expect(recordingIsLive(scriptedCall([notFound()]).call, 'rec-1')).resolves.toBe(false);
    await expect(recordingIsLive(scriptedCall([{ name: 'rec-1', format: 'wav', state: 'recording', target_uri: 'bridge:b' }]).call, 'rec-1')).resolves.toBe(true);
    await expect(ensureBridge(scriptedCall([new PbxFailure('conflict', 'exists', 409), undefined]).call, 'gateway', 'br-1', 'holding')).resolves.toBeUndefined();
    await expect(getPlaybackState(scriptedCall([notFound()]).call, 'pb-1')).resolves.toBeNull();
    const refused = new PbxFailure('conflict', 'Channel not in Stasis application', 409);
    await expect(hangup(scriptedCall([refused]).call, 'leg-1')).rejects.toBe(refused);
  });

  it('answers a channel and starts or stops its music on hold; stopping the music of a channel gone is done', async () => {
    const gone = new PbxFailure('not_found', 'Channel not found', 404);
    const { call, sent } = scriptedCall([undefined, undefined, undefined, undefined, gone]);
    await answer(call, '1718000000.42');
    await setMusicOnHold(call, '1718000000.42', 'jazz');
    await setMusicOnHold(call, '1718000000.42', '');
    await setMusicOnHold(call, '1718000000.42', null);
    await expect(setMusicOnHold(call, '1718000000.42', null)).resolves.toBeUndefined();
    expect(sent).toEqual([
      { operation: 'channels.answer', params: { channelId: '1718000000.42' }, idempotent: true },
      { operation: 'channels.startMoh', params: { channelId: '1718000000.42', mohClass: 'jazz' }, idempotent: true },
      { operation: 'channels.startMoh', params: { channelId: '1718000000.42' }, idempotent: true },
      { operation: 'channels.stopMoh', params: { channelId: '1718000000.42' }, idempotent: true },
      { operation: 'channels.stopMoh', params: { channelId: '1718000000.42' }, idempotent: true },
    ]);
  });

  it('maps the other commands to their ARI parameters', async () => {
    const { call, sent } = scriptedCall(Array.from({ length: 11 }, () => undefined));
    await hangup(call, 'leg-1', 'no_answer');
    await ensureBridge(call, 'gateway', 'br-1', 'mixing');
    await addToBridge(call, 'br-1', ['leg-1', 'leg-2']);
    await play(call, { playbackId: 'pb-1', target: { kind: 'bridge', bridgeId: 'br-1' }, media: 'sound:hello-world', offsetMs: 1500, skipMs: 3000 });
    await sendDtmf(call, 'leg-1', '12#', { betweenMs: 200, durationMs: 150 });
    await sendDtmf(call, 'leg-1', ',1,,2');
    await recordBridge(call, { recordingName: '20260101-000000_1000_r1', bridgeId: 'br-1', format: 'wav' });
    await stopRecording(call, '20260101-000000_1000_r1');
    await startMusicOnHold(call, 'br-2', null);
    await startMusicOnHold(call, 'br-2', 'jazz');
    expect(sent).toEqual([
      { operation: 'channels.hangup', params: { channelId: 'leg-1', reason: 'no_answer' }, idempotent: true },
      { operation: 'bridges.createWithId', params: { bridgeId: 'br-1', type: 'mixing' }, idempotent: true },
      { operation: 'applications.subscribe', params: { applicationName: 'gateway', eventSource: 'bridge:br-1' }, idempotent: true },
      { operation: 'bridges.addChannel', params: { bridgeId: 'br-1', channel: 'leg-1,leg-2' }, idempotent: false },
      {
        operation: 'bridges.play',
        params: { bridgeId: 'br-1', media: 'sound:hello-world', playbackId: 'pb-1', offsetms: 1500, skipms: 3000 },
        idempotent: false,
      },
      { operation: 'channels.sendDTMF', params: { channelId: 'leg-1', dtmf: '12#', between: 200, duration: 150 }, idempotent: false },
      // The one-second pause is Asterisk's `W`.
      { operation: 'channels.sendDTMF', params: { channelId: 'leg-1', dtmf: 'W1WW2' }, idempotent: false },
      { operation: 'bridges.record', params: { bridgeId: 'br-1', name: '20260101-000000_1000_r1', format: 'wav', ifExists: 'fail' }, idempotent: false },
      { operation: 'recordings.stop', params: { recordingName: '20260101-000000_1000_r1' }, idempotent: true },
      { operation: 'bridges.startMoh', params: { bridgeId: 'br-2' }, idempotent: true },
      { operation: 'bridges.startMoh', params: { bridgeId: 'br-2', mohClass: 'jazz' }, idempotent: true },
    ]);
  });

  it('snoops with our id on the target, into our application with the marker, sent once', async () => {
    const snoopChannel = channelJson({ id: 'call-2.2', name: 'Snoop/call-1.1-00000004', state: 'Up', context: 'default' });
    const { call, sent } = scriptedCall([snoopChannel]);
    const leg = await snoop(call, 'gateway', { legId: 'call-2.2', targetLegId: 'call-1.1', spy: 'both', whisper: 'out' });
    expect(sent).toEqual([
      {
        operation: 'channels.snoopChannelWithId',
        params: { channelId: 'call-1.1', snoopId: 'call-2.2', spy: 'both', whisper: 'out', app: 'gateway', appArgs: ORIGINATED_LEG_MARKER },
        idempotent: false,
      },
    ]);
    expect(leg).toEqual({ legId: 'call-2.2', channelName: 'Snoop/call-1.1-00000004', state: 'up', context: 'default' });
  });

  it('reports a snoop on a channel that is gone as the engine refused it', async () => {
    const { call } = scriptedCall([new PbxFailure('not_found', 'Channel not found', 404)]);
    await expect(snoop(call, 'gateway', { legId: 'call-2.2', targetLegId: 'call-1.1', spy: 'both', whisper: 'none' })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('leaves helper channels out of the snapshot and out of the bridges', async () => {
    const channels = [
      channelJson({ id: 'leg-1', name: 'Local/1000@from-gateway-00000001;1', state: 'Up', appName: 'Stasis' }),
      channelJson({ id: 'leg-1;2', name: 'Local/1000@from-gateway-00000001;2', state: 'Up', appName: 'Echo' }),
      channelJson({ id: 'in-1', name: 'PJSIP/trunk-00000002', state: 'Up', appName: 'Stasis' }),
      channelJson({ id: 'ann-1', name: 'Announcer/ARI-00000003;2', state: 'Up' }),
    ];
    const bridges = [{ id: 'br-1', technology: 'simple_bridge', bridge_type: 'mixing', channels: ['leg-1', 'in-1', 'ann-1'] }];
    const { call } = scriptedCall([channels, bridges]);
    expect(await snapshot(call)).toEqual({
      legs: [
        { legId: 'leg-1', channelName: 'Local/1000@from-gateway-00000001;1', state: 'up' },
        { legId: 'in-1', channelName: 'PJSIP/trunk-00000002', state: 'up' },
      ],
      bridges: [{ bridgeId: 'br-1', legIds: ['leg-1', 'in-1'] }],
    });
  });

  it('mutes and unmutes the audio coming from a leg only (the leg still hears); unmuting a leg that is gone is done, muting it is not', async () => {
    const { call, sent } = scriptedCall([undefined, undefined, new PbxFailure('not_found', 'gone', 404), new PbxFailure('not_found', 'gone', 404)]);
    await setMuted(call, 'leg-1', true);
    await setMuted(call, 'leg-1', false);
    expect(sent).toEqual([
      { operation: 'channels.mute', params: { channelId: 'leg-1', direction: 'in' }, idempotent: true },
      { operation: 'channels.unmute', params: { channelId: 'leg-1', direction: 'in' }, idempotent: true },
    ]);
    await expect(setMuted(call, 'gone', false)).resolves.toBeUndefined();
    await expect(setMuted(call, 'gone', true)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
