import { isEvent } from './support/differential';
import { liveDifferential, SCENARIO_TIMEOUT_MS } from './support/live';
import { answeredChannel, hangUp } from './support/steps';

/**
 * Parking as the gateway does it: a channel moves from a mixing bridge into
 * a holding bridge with music on hold, and back; and, for comparison, music
 * on hold started on a channel that stays in a mixing bridge.
 */
const live = liveDifferential();

describe('parking, live against Asterisk 22', () => {
  it('a channel moved from a mixing bridge into a holding bridge with music on hold, then back', () =>
    live.check('park-holding-bridge', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '740');
      const b = await answeredChannel(ari, '741');
      await ari.http('POST', '/bridges/diff-room', { query: { type: 'mixing' } });
      await ari.http('POST', '/bridges/diff-room/addChannel', { query: { channel: `${a},${b}` } });
      await ari.event(isEvent('ChannelEnteredBridge', b));
      await ari.http('POST', '/bridges/diff-park', { query: { type: 'holding' } });
      await ari.http('POST', '/applications/diff/subscription', { query: { eventSource: 'bridge:diff-park' } });
      await ari.http('POST', '/bridges/diff-park/addChannel', { query: { channel: a } });
      await ari.event((e) => e.type === 'ChannelEnteredBridge' && (e.bridge as { id: string }).id === 'diff-park');
      await ari.http('POST', '/bridges/diff-park/moh');
      await ari.sleep(300);
      await ari.http('GET', '/bridges/diff-room');
      await ari.http('GET', '/bridges/diff-park');
      await ari.http('GET', `/channels/${a}`);
      await ari.http('POST', '/bridges/diff-room/addChannel', { query: { channel: a } });
      await ari.event((e) => isEvent('ChannelEnteredBridge', a)(e) && (e.bridge as { id: string }).id === 'diff-room');
      await ari.sleep(300);
      await ari.http('GET', '/bridges/diff-room');
      await ari.http('GET', '/bridges/diff-park');
      // Empty again, it is destroyed without a word to the application, subscribed or not.
      await ari.http('DELETE', '/bridges/diff-park');
      await ari.sleep(200);
      await ari.http('DELETE', '/bridges/diff-room');
      await ari.event(isEvent('ChannelLeftBridge', b));
      await hangUp(ari, a);
      await hangUp(ari, b);
    }), SCENARIO_TIMEOUT_MS);

  it('music on hold on a channel that stays in a mixing bridge', () =>
    live.check('park-channel-moh-in-bridge', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '742');
      const b = await answeredChannel(ari, '743');
      await ari.http('POST', '/bridges/diff-room2', { query: { type: 'mixing' } });
      await ari.http('POST', '/bridges/diff-room2/addChannel', { query: { channel: `${a},${b}` } });
      await ari.event(isEvent('ChannelEnteredBridge', b));
      await ari.http('POST', `/channels/${a}/moh`);
      await ari.sleep(300);
      await ari.http('GET', '/bridges/diff-room2');
      await ari.http('GET', `/channels/${a}`);
      await ari.http('DELETE', `/channels/${a}/moh`);
      await ari.http('POST', `/channels/${a}/hold`);
      await ari.sleep(300);
      await ari.http('GET', '/bridges/diff-room2');
      await ari.http('DELETE', `/channels/${a}/hold`);
      await ari.http('DELETE', '/bridges/diff-room2');
      await ari.event(isEvent('ChannelLeftBridge', b));
      await hangUp(ari, a);
      await hangUp(ari, b);
    }), SCENARIO_TIMEOUT_MS);
});
