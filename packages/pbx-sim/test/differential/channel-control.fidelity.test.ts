import { APP, channelOf, idOf, isEvent, type Target } from './support/differential';
import { liveDifferential, SCENARIO_TIMEOUT_MS } from './support/live';
import { answeredChannel, hangUp } from './support/steps';

/** Snoop and its lifecycle, DTMF both ways, hold, ringing and early media. */
const live = liveDifferential();

/** A channel that entered the application from the dialplan before anyone answered it (state Ring), like an incoming call. */
async function ringingInStasis(ari: Target, exten: string): Promise<{ outer: string; inner: string }> {
  const outer = idOf(await ari.http('POST', '/channels', { query: { endpoint: `Local/${exten}@oracle-stasis`, extension: '10', context: 'oracle-wait' } }));
  const start = await ari.event(isEvent('StasisStart'));
  return { outer, inner: channelOf(start) };
}

describe('snoop, DTMF, hold, ringing and early media, live against Asterisk 22', () => {
  it('a spy ends with the channel it spies on', () =>
    live.check('snoop-spy-lifecycle', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '1100');
      await ari.http('POST', `/channels/${a}/snoop/diff-spy`, { query: { spy: 'both', app: APP, appArgs: 'spying' } });
      await ari.event(isEvent('StasisStart', 'diff-spy'));
      await ari.http('GET', '/channels/diff-spy');
      await ari.http('GET', '/channels');
      await hangUp(ari, a);
      // The spy only leaves the application; after StasisEnd nothing more about it reaches the application.
      await ari.event(isEvent('StasisEnd', 'diff-spy'));
      await ari.sleep(300);
      await ari.http('GET', '/channels/diff-spy');
    }), SCENARIO_TIMEOUT_MS);

  it('a snoop bridged with a listener: hung up by the application, then ended by its target while bridged', () =>
    live.check('snoop-bridged-listener', async (ari) => {
      await ari.socket();
      const target = await answeredChannel(ari, '1104');
      const listener = await answeredChannel(ari, '1105');
      await ari.http('POST', '/bridges/diff-listen', { query: { type: 'mixing' } });
      await ari.http('POST', '/bridges/diff-listen/addChannel', { query: { channel: listener } });
      await ari.event(isEvent('ChannelEnteredBridge', listener));
      // The gateway's snoop: its own id, the originated-leg marker as argument.
      await ari.http('POST', `/channels/${target}/snoop/diff-snoop-1`, { query: { spy: 'both', whisper: 'out', app: APP, appArgs: 'pbx-gateway-originated' } });
      await ari.event(isEvent('StasisStart', 'diff-snoop-1'));
      await ari.http('POST', '/bridges/diff-listen/addChannel', { query: { channel: 'diff-snoop-1' } });
      await ari.event(isEvent('ChannelEnteredBridge', 'diff-snoop-1'));
      await ari.http('GET', '/bridges/diff-listen');
      // Hung up by the application: it leaves the bridge and the application, and no ChannelDestroyed follows.
      await ari.http('DELETE', '/channels/diff-snoop-1');
      await ari.event(isEvent('StasisEnd', 'diff-snoop-1'));
      await ari.sleep(300);
      await ari.http('GET', '/channels/diff-snoop-1');
      await ari.sleep(1500);
      await ari.http('GET', '/channels/diff-snoop-1');
      await ari.http('DELETE', '/channels/diff-snoop-1');
      await ari.sleep(300);
      await ari.http('GET', '/channels/diff-snoop-1');
      await ari.http('POST', `/channels/${target}/snoop/diff-snoop-x`, { query: { spy: 'both', app: APP, appArgs: 'pbx-gateway-originated' } });
      await ari.event(isEvent('StasisStart', 'diff-snoop-x'));
      await ari.http('DELETE', '/channels/diff-snoop-x');
      await ari.event(isEvent('StasisEnd', 'diff-snoop-x'));
      await ari.sleep(300);
      await ari.http('GET', '/channels/diff-snoop-x');
      await ari.http('POST', `/channels/${target}/snoop/diff-snoop-2`, { query: { spy: 'both', app: APP, appArgs: 'pbx-gateway-originated' } });
      await ari.event(isEvent('StasisStart', 'diff-snoop-2'));
      await ari.http('POST', '/bridges/diff-listen/addChannel', { query: { channel: 'diff-snoop-2' } });
      await ari.event(isEvent('ChannelEnteredBridge', 'diff-snoop-2'));
      // The target goes: the bridged snoop leaves the application, the listener stays in the bridge.
      await hangUp(ari, target);
      await ari.event(isEvent('StasisEnd', 'diff-snoop-2'));
      await ari.sleep(300);
      await ari.http('GET', '/bridges/diff-listen');
      await ari.http('GET', '/channels/diff-snoop-2');
      // A snoop on a channel that is gone.
      await ari.http('POST', `/channels/${target}/snoop/diff-snoop-3`, { query: { spy: 'both', app: APP } });
      await hangUp(ari, listener);
      await ari.http('DELETE', '/bridges/diff-listen');
    }), SCENARIO_TIMEOUT_MS);

  it('a whisper hung up on its own, and bad snoop requests', () =>
    live.check('snoop-whisper', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '1101');
      const snoop = idOf(await ari.http('POST', `/channels/${a}/snoop`, { query: { whisper: 'out', app: APP } }));
      await ari.event(isEvent('StasisStart', snoop));
      await ari.http('POST', `/channels/${snoop}/play/diff-whisper`, { query: { media: 'sound:beep' } });
      await ari.event((e) => e.type === 'PlaybackFinished');
      await ari.http('DELETE', `/channels/${snoop}`);
      await ari.event(isEvent('StasisEnd', snoop));
      await ari.http('POST', `/channels/${a}/snoop`, { query: { app: APP } });
      await ari.http('POST', `/channels/${a}/snoop`, { query: { spy: 'sideways', app: APP } });
      await ari.http('POST', `/channels/${a}/snoop`, { query: { spy: 'in' } });
      await ari.http('POST', `/channels/${a}/snoop`, { query: { spy: 'in', app: 'nobody' } });
      await ari.sleep(300);
      await ari.http('POST', '/channels/nochannel/snoop', { query: { spy: 'in', app: APP } });
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('DTMF sent to an Echo comes back: durations, pauses and bad keys', () =>
    live.check('dtmf-echo', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '1102', {}, 'oracle-answer');
      await ari.http('POST', `/channels/${a}/dtmf`, { query: { dtmf: '1w2', duration: 150, between: 50 } });
      await ari.event((e) => e.type === 'ChannelDtmfReceived' && e.digit === '2' && channelOf(e) === a);
      await ari.http('POST', `/channels/${a}/dtmf`, { query: { dtmf: 'A*' } });
      await ari.event((e) => e.type === 'ChannelDtmfReceived' && e.digit === '*' && channelOf(e) === a);
      await ari.http('POST', `/channels/${a}/dtmf`, { query: { dtmf: 'x' } });
      await ari.sleep(500);
      // Not '#': Echo would end, and its hang-up races the echoed key to the other half.
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('DTMF with W (a second of silence) and with a comma, which is no key', () =>
    live.check('dtmf-pauses', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '1103', {}, 'oracle-answer');
      await ari.http('POST', `/channels/${a}/dtmf`, { query: { dtmf: '1W2' } });
      await ari.event((e) => e.type === 'ChannelDtmfReceived' && e.digit === '2' && channelOf(e) === a);
      await ari.http('POST', `/channels/${a}/dtmf`, { query: { dtmf: '3,4' } });
      await ari.event((e) => e.type === 'ChannelDtmfReceived' && e.digit === '4' && channelOf(e) === a);
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);

  it('hold, music on hold and silence on an answered channel, then on a hung-up one', () =>
    live.check('hold-moh-silence', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '1103');
      for (const [method, path] of [
        ['POST', 'hold'],
        ['DELETE', 'hold'],
        ['POST', 'moh'],
        ['DELETE', 'moh'],
        ['DELETE', 'moh'],
        ['POST', 'silence'],
        ['DELETE', 'silence'],
        ['DELETE', 'hold'],
      ] as const) {
        await ari.http(method, `/channels/${a}/${path}`);
      }
      await ari.sleep(300);
      await hangUp(ari, a);
      await ari.http('POST', `/channels/${a}/hold`);
    }), SCENARIO_TIMEOUT_MS);

  it('ringing and early media on a channel that is not answered yet, then answer', () =>
    live.check('ringing-early-media', async (ari) => {
      await ari.socket();
      const { outer, inner } = await ringingInStasis(ari, '1104');
      await ari.http('POST', `/channels/${inner}/ring`);
      await ari.sleep(200);
      await ari.http('GET', `/channels/${outer}`);
      await ari.http('DELETE', `/channels/${inner}/ring`);
      await ari.http('POST', `/channels/${inner}/progress`);
      await ari.sleep(200);
      await ari.http('GET', `/channels/${outer}`);
      await ari.http('POST', `/channels/${inner}/play/diff-early`, { query: { media: 'sound:beep' } });
      await ari.event((e) => e.type === 'PlaybackFinished');
      await ari.http('GET', `/channels/${inner}`);
      await ari.http('POST', `/channels/${inner}/answer`);
      await ari.sleep(300);
      await ari.http('GET', `/channels/${inner}`);
      await ari.http('GET', `/channels/${outer}`);
      await ari.http('POST', `/channels/${inner}/answer`);
      await ari.http('DELETE', `/channels/${inner}`);
      await ari.event(isEvent('StasisEnd', inner));
    }), SCENARIO_TIMEOUT_MS);

  it('an incoming call queued as the gateway does: answered, music on hold, music stopped, bridged, the caller hangs up', () =>
    live.check('incoming-queued-call', async (ari) => {
      await ari.socket();
      const { outer, inner } = await ringingInStasis(ari, '1105');
      await ari.http('POST', `/channels/${inner}/answer`);
      await ari.http('POST', `/channels/${inner}/moh`, { query: { mohClass: 'default' } });
      await ari.sleep(300);
      await ari.http('GET', `/channels/${inner}`);
      await ari.http('DELETE', `/channels/${inner}/moh`);
      await ari.http('POST', '/bridges/diff-queue-bridge', { query: { type: 'mixing' } });
      await ari.http('POST', '/bridges/diff-queue-bridge/addChannel', { query: { channel: inner } });
      await ari.event(isEvent('ChannelEnteredBridge', inner));
      await ari.http('GET', '/bridges/diff-queue-bridge');
      // The caller hangs up: its leg leaves the bridge and the application.
      await ari.http('DELETE', `/channels/${outer}`);
      await ari.event(isEvent('StasisEnd', inner));
      await ari.http('DELETE', `/channels/${inner}/moh`);
      await ari.http('DELETE', '/bridges/diff-queue-bridge');
    }), SCENARIO_TIMEOUT_MS);
});
