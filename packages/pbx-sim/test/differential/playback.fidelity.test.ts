import { liveDifferential, SCENARIO_TIMEOUT_MS } from './support/live';
import { answeredChannel, hangUp, isPlayback } from './support/steps';

/** Playback of missing, unknown and several media; control and seek. */
const live = liveDifferential();

describe('playback, live against Asterisk 22', () => {
  it('a sound that does not exist, a scheme nobody knows, an empty media', () =>
    live.check('playback-missing-unknown', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '800');
      await ari.http('POST', `/channels/${a}/play/diff-missing`, { query: { media: 'sound:no-such-sound' } });
      await ari.event(isPlayback('PlaybackFinished', 'diff-missing'));
      await ari.http('POST', `/channels/${a}/play/diff-scheme`, { query: { media: 'bogus:hello-world' } });
      await ari.sleep(300);
      await ari.http('POST', `/channels/${a}/play/diff-noscheme`, { query: { media: 'hello-world' } });
      await ari.sleep(300);
      await ari.http('POST', `/channels/${a}/play/diff-empty`, { query: { media: '' } });
      await ari.http('POST', `/channels/${a}/play/diff-recording`, { query: { media: 'recording:no-such-recording' } });
      await ari.sleep(300);
      await ari.http('GET', '/playbacks/diff-scheme');
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('several media in one playback, one of them missing', () =>
    live.check('playback-several', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '801');
      await ari.http('POST', `/channels/${a}/play/diff-list`, { query: { media: ['sound:beep', 'sound:no-such-sound', 'sound:beep'] } });
      await ari.event(isPlayback('PlaybackFinished', 'diff-list'));
      await ari.http('POST', `/channels/${a}/play/diff-list2`, { query: { media: 'sound:beep,sound:beep' } });
      await ari.event(isPlayback('PlaybackFinished', 'diff-list2'));
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('tones, digits, numbers and characters', () =>
    live.check('playback-generated', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '802');
      await ari.http('POST', `/channels/${a}/play/diff-digits`, { query: { media: 'digits:12' } });
      await ari.event(isPlayback('PlaybackFinished', 'diff-digits'));
      await ari.http('POST', `/channels/${a}/play/diff-number`, { query: { media: 'number:42' } });
      await ari.event(isPlayback('PlaybackFinished', 'diff-number'));
      await ari.http('POST', `/channels/${a}/play/diff-chars`, { query: { media: 'characters:ab' } });
      await ari.event(isPlayback('PlaybackFinished', 'diff-chars'));
      await ari.http('POST', `/channels/${a}/play/diff-tone`, { query: { media: 'tone:ring' } });
      await ari.event(isPlayback('PlaybackStarted', 'diff-tone'));
      await ari.http('GET', '/playbacks/diff-tone');
      await ari.http('DELETE', '/playbacks/diff-tone');
      await ari.event(isPlayback('PlaybackFinished', 'diff-tone'));
      await ari.http('POST', `/channels/${a}/play/diff-badtone`, { query: { media: 'tone:nonsense' } });
      await ari.event(isPlayback('PlaybackFinished', 'diff-badtone'));
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('control: pause, unpause, restart, seek forward and back past the ends', () =>
    live.check('playback-control-seek', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '803');
      await ari.http('POST', `/channels/${a}/play/diff-ctl`, { query: { media: 'sound:demo-congrats', skipms: 2000, offsetms: 1000 } });
      await ari.event(isPlayback('PlaybackStarted', 'diff-ctl'));
      for (const operation of ['pause', 'pause', 'forward', 'unpause', 'reverse', 'reverse', 'reverse', 'restart', 'forward']) {
        await ari.http('POST', '/playbacks/diff-ctl/control', { query: { operation } });
        await ari.sleep(100);
        await ari.http('GET', '/playbacks/diff-ctl');
      }
      await ari.http('POST', '/playbacks/diff-ctl/control', { query: { operation: 'seek' } });
      await ari.http('DELETE', '/playbacks/diff-ctl');
      await ari.event(isPlayback('PlaybackFinished', 'diff-ctl'));
      await ari.http('POST', `/channels/${a}/play/diff-end`, { query: { media: 'sound:beep', offsetms: 60000 } });
      await ari.event(isPlayback('PlaybackFinished', 'diff-end'));
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('a second playback queued behind the first, stopped before it starts', () =>
    live.check('playback-queued', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '804');
      await ari.http('POST', `/channels/${a}/play/diff-first`, { query: { media: 'sound:hello-world' } });
      await ari.http('POST', `/channels/${a}/play/diff-second`, { query: { media: 'sound:beep' } });
      await ari.http('POST', `/channels/${a}/play/diff-third`, { query: { media: 'sound:beep' } });
      await ari.http('GET', '/playbacks/diff-second');
      await ari.http('POST', '/playbacks/diff-second/control', { query: { operation: 'pause' } });
      await ari.http('DELETE', '/playbacks/diff-second');
      await ari.event(isPlayback('PlaybackFinished', 'diff-third'));
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('playback on a channel that is not answered, and on a created one', () =>
    live.check('playback-not-up', async (ari) => {
      await ari.socket();
      const created = await ari.http('POST', '/channels/create', { query: { endpoint: 'Local/805@oracle-wait', app: 'diff', channelId: 'diff-down' } });
      void created;
      await ari.sleep(200);
      await ari.http('POST', '/channels/diff-down/play/diff-down-pb', { query: { media: 'sound:beep' } });
      await ari.sleep(1000);
      await ari.http('GET', '/playbacks/diff-down-pb');
      await hangUp(ari, 'diff-down');
    }), SCENARIO_TIMEOUT_MS);
});
