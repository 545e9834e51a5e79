import { APP } from './support/differential';
import { liveDifferential, SCENARIO_TIMEOUT_MS } from './support/live';

/** Local channels: which half enters Stasis, and Stasis() reached from the dialplan with arguments. */
const live = liveDifferential();

describe('Local channels and Stasis entry, live against Asterisk 22', () => {
  it('an originate into the application puts the ;1 half in Stasis and shows the ;2 half', () =>
    live.check('local-originate', async (ari) => {
      await ari.socket();
      const created = await ari.http('POST', '/channels', { query: { endpoint: 'Local/100@oracle-wait', app: APP, appArgs: 'a,b' } });
      const id = String((created.body as { id: string }).id);
      await ari.event((e) => e.type === 'StasisStart');
      await ari.http('GET', `/channels/${id}`);
      await ari.http('DELETE', `/channels/${id}`);
      await ari.event((e) => e.type === 'ChannelDestroyed' && (e.channel as { id: string }).id === id);
    }), SCENARIO_TIMEOUT_MS);

  it('dialplan Stasis() with arguments enters the ;2 half', () =>
    live.check('local-dialplan-stasis', async (ari) => {
      await ari.socket();
      const created = await ari.http('POST', '/channels', { query: { endpoint: 'Local/200@oracle-stasis', extension: '1', context: 'oracle-wait' } });
      const start = await ari.event((e) => e.type === 'StasisStart');
      const id = String((start.channel as { id: string }).id);
      await ari.http('GET', `/channels/${id}`);
      await ari.http('DELETE', `/channels/${String((created.body as { id: string }).id)}`);
      await ari.event((e) => e.type === 'StasisEnd');
    }), SCENARIO_TIMEOUT_MS);
});
