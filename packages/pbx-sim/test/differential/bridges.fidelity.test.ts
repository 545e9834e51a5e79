import { isEvent } from './support/differential';
import { liveDifferential, SCENARIO_TIMEOUT_MS } from './support/live';
import { answeredChannel, hangUp, isPlayback } from './support/steps';

/** Mixing and holding bridges, with announcers and music on hold. */
const live = liveDifferential();

describe('bridges, live against Asterisk 22', () => {
  it('a mixing bridge plays to its two channels: what the bridge shows while the announcer plays', () =>
    live.check('bridge-mixing-play', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '700');
      const b = await answeredChannel(ari, '701');
      await ari.http('POST', '/bridges/diff-mix', { query: { type: 'mixing', name: 'room' } });
      await ari.http('POST', '/bridges/diff-mix/addChannel', { query: { channel: `${a},${b}` } });
      await ari.event(isEvent('ChannelEnteredBridge', b));
      await ari.http('POST', '/bridges/diff-mix/play/diff-bpb', { query: { media: 'sound:hello-world' } });
      await ari.event(isPlayback('PlaybackStarted', 'diff-bpb'));
      await ari.http('GET', '/bridges/diff-mix');
      await ari.http('GET', '/playbacks/diff-bpb');
      await ari.event(isPlayback('PlaybackFinished', 'diff-bpb'));
      await ari.sleep(200);
      await ari.http('GET', '/bridges/diff-mix');
      await ari.http('POST', '/bridges/diff-mix/removeChannel', { query: { channel: a } });
      await ari.event(isEvent('ChannelLeftBridge', a));
      await ari.http('DELETE', '/bridges/diff-mix');
      await ari.event(isEvent('ChannelLeftBridge', b));
      await hangUp(ari, a);
      await hangUp(ari, b);
    }), SCENARIO_TIMEOUT_MS);

  it('a holding bridge with an announcer and a participant, and its music on hold', () =>
    live.check('bridge-holding', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '710');
      const b = await answeredChannel(ari, '711');
      await ari.http('POST', '/bridges', { query: { type: 'holding', bridgeId: 'diff-hold' } });
      await ari.http('POST', '/applications/diff/subscription', { query: { eventSource: 'bridge:diff-hold' } });
      await ari.http('POST', '/bridges/diff-hold/addChannel', { query: { channel: a, role: 'announcer' } });
      await ari.event(isEvent('ChannelEnteredBridge', a));
      await ari.http('POST', '/bridges/diff-hold/addChannel', { query: { channel: b } });
      await ari.event(isEvent('ChannelEnteredBridge', b));
      await ari.http('GET', '/bridges/diff-hold');
      await ari.http('POST', '/bridges/diff-hold/moh', { query: { mohClass: 'default' } });
      await ari.sleep(300);
      await ari.http('GET', '/bridges/diff-hold');
      await ari.http('DELETE', '/bridges/diff-hold/moh');
      await ari.http('DELETE', '/bridges/diff-hold/moh');
      await ari.http('POST', '/bridges/diff-hold/play/diff-hpb', { query: { media: 'sound:beep' } });
      await ari.event(isPlayback('PlaybackFinished', 'diff-hpb'));
      await ari.http('DELETE', '/bridges/diff-hold');
      await ari.event(isEvent('BridgeDestroyed'));
      await hangUp(ari, a);
      await hangUp(ari, b);
    }), SCENARIO_TIMEOUT_MS);

  it('a holding bridge plays to its participants until one of them is the announcer', () =>
    live.check('bridge-holding-play', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '712');
      const b = await answeredChannel(ari, '713');
      await ari.http('POST', '/bridges/diff-hp', { query: { type: 'holding' } });
      await ari.http('POST', '/bridges/diff-hp/addChannel', { query: { channel: a } });
      await ari.event(isEvent('ChannelEnteredBridge', a));
      await ari.http('POST', '/bridges/diff-hp/play/diff-hp1', { query: { media: 'sound:beep' } });
      await ari.event(isPlayback('PlaybackFinished', 'diff-hp1'));
      await ari.http('POST', '/bridges/diff-hp/addChannel', { query: { channel: b, role: 'announcer' } });
      await ari.event(isEvent('ChannelEnteredBridge', b));
      await ari.http('POST', '/bridges/diff-hp/play/diff-hp2', { query: { media: 'sound:beep' } });
      await ari.event(isPlayback('PlaybackFinished', 'diff-hp2'));
      await ari.http('POST', '/bridges/diff-hp/removeChannel', { query: { channel: b } });
      await ari.event(isEvent('ChannelLeftBridge', b));
      await ari.http('POST', '/bridges/diff-hp/play/diff-hp3', { query: { media: 'sound:beep' } });
      await ari.event(isPlayback('PlaybackFinished', 'diff-hp3'));
      await ari.http('DELETE', '/bridges/diff-hp');
      await ari.event(isEvent('ChannelLeftBridge', a));
      await hangUp(ari, a);
      await hangUp(ari, b);
    }), SCENARIO_TIMEOUT_MS);

  it('music on hold on a mixing bridge, and with an unknown class', () =>
    live.check('bridge-moh', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '720');
      await ari.http('POST', '/bridges/diff-moh', { query: { type: 'mixing' } });
      await ari.http('POST', '/bridges/diff-moh/addChannel', { query: { channel: a } });
      await ari.event(isEvent('ChannelEnteredBridge', a));
      await ari.http('DELETE', '/bridges/diff-moh/moh');
      await ari.http('POST', '/bridges/diff-moh/moh');
      await ari.sleep(300);
      await ari.http('GET', '/bridges/diff-moh');
      await ari.http('POST', '/bridges/diff-moh/moh', { query: { mohClass: 'nosuchclass' } });
      await ari.http('DELETE', '/bridges/diff-moh/moh');
      await ari.sleep(300);
      await ari.http('GET', '/bridges/diff-moh');
      await ari.http('DELETE', '/bridges/diff-moh');
      await ari.event(isEvent('ChannelLeftBridge', a));
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('bridge types and options, a channel moved between bridges, errors', () =>
    live.check('bridge-types', async (ari) => {
      await ari.socket();
      const types = ['mixing,dtmf_events', 'holding,mixing', 'mixing,holding', 'proxy_media', 'mixing,proxy_media', 'video_sfu', 'mixing,video_single', '', 'bogus', 'mixing,bogus'];
      for (const [i, type] of types.entries()) {
        await ari.http('POST', `/bridges/diff-t${i}`, { query: { type } });
        await ari.http('DELETE', `/bridges/diff-t${i}`);
        await ari.http('POST', '/bridges', { query: { type } });
      }
      await ari.http('POST', '/bridges', { query: { type: 'holding', bridgeId: 'diff-dup' } });
      await ari.http('POST', '/bridges', { query: { type: 'holding', bridgeId: 'diff-dup' } });
      await ari.http('POST', '/bridges/diff-dup', { query: { type: 'mixing' } });
      const a = await answeredChannel(ari, '730');
      await ari.http('POST', '/bridges/diff-one', { query: { type: 'mixing' } });
      await ari.http('POST', '/bridges/diff-two', { query: { type: 'mixing' } });
      await ari.http('POST', '/bridges/diff-one/addChannel', { query: { channel: a } });
      await ari.event(isEvent('ChannelEnteredBridge', a));
      await ari.http('POST', '/bridges/diff-two/addChannel', { query: { channel: a } });
      await ari.event((e) => e.type === 'ChannelEnteredBridge' && (e.bridge as { id: string }).id === 'diff-two');
      await ari.http('POST', '/bridges/diff-one/removeChannel', { query: { channel: a } });
      await ari.http('POST', '/bridges/diff-two/addChannel', { query: { channel: 'nobody' } });
      await ari.http('POST', '/bridges/diff-two/addChannel');
      await ari.http('POST', '/bridges/nobridge/addChannel', { query: { channel: a } });
      await ari.http('GET', '/bridges');
      await ari.http('DELETE', '/bridges/diff-one');
      await ari.http('DELETE', '/bridges/diff-two');
      // Its leaving diff-one was seen already: wait for it to leave the deleted bridge.
      await ari.event((e) => e.type === 'ChannelLeftBridge' && (e.bridge as { id: string }).id === 'diff-two');
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);
});
