import { APP, channelOf, idOf, isEvent } from './support/differential';
import { liveDifferential, SCENARIO_TIMEOUT_MS } from './support/live';

/** Leaving the application: continue into the dialplan, redirect elsewhere, move to another application. */
const live = liveDifferential();

/** A channel that reached the application from the dialplan (the ;2 half of Local/<exten>@oracle-stasis). */
async function enterFromDialplan(ari: import('./support/differential').Target, exten: string): Promise<{ outer: string; inner: string }> {
  const outer = idOf(await ari.http('POST', '/channels', { query: { endpoint: `Local/${exten}@oracle-stasis`, extension: '10', context: 'oracle-wait' } }));
  const start = await ari.event(isEvent('StasisStart'));
  return { outer, inner: channelOf(start) };
}

describe('continue, redirect and move, live against Asterisk 22', () => {
  it('continue without a place goes on after Stasis() in the dialplan', () =>
    live.check('continue-next-priority', async (ari) => {
      await ari.socket();
      const { inner } = await enterFromDialplan(ari, '600');
      await ari.http('POST', `/channels/${inner}/continue`);
      await ari.event(isEvent('StasisEnd', inner));
      // After StasisEnd the application no longer follows the channel: Hangup() is seen only through REST.
      await ari.sleep(500);
      await ari.http('GET', `/channels/${inner}`);
    }), SCENARIO_TIMEOUT_MS);

  it('continue to another context, extension and priority', () =>
    live.check('continue-elsewhere', async (ari) => {
      await ari.socket();
      const { outer, inner } = await enterFromDialplan(ari, '601');
      await ari.http('POST', `/channels/${inner}/continue`, { query: { context: 'oracle-wait', extension: '90', priority: 2 } });
      await ari.event(isEvent('StasisEnd', inner));
      await ari.sleep(300);
      await ari.http('GET', `/channels/${inner}`);
      await ari.http('GET', `/channels/${inner}/variable`, { query: { variable: 'STASISSTATUS' } });
      await ari.http('DELETE', `/channels/${outer}`);
      await ari.sleep(500);
      await ari.http('GET', `/channels/${inner}`);
    }), SCENARIO_TIMEOUT_MS);

  it('continue to a label and to an unknown extension', () =>
    live.check('continue-label-unknown', async (ari) => {
      await ari.socket();
      const { inner } = await enterFromDialplan(ari, '602');
      await ari.http('POST', `/channels/${inner}/continue`, { query: { context: 'oracle-wait', extension: '70', label: 'nolabel' } });
      await ari.http('POST', `/channels/${inner}/continue`, { query: { context: 'nowhere', extension: 'x' } });
      await ari.event(isEvent('StasisEnd', inner));
      await ari.sleep(500);
      await ari.http('GET', `/channels/${inner}`);
    }), SCENARIO_TIMEOUT_MS);

  it('continue a channel originated into the application', () =>
    live.check('continue-originated', async (ari) => {
      await ari.socket();
      const id = idOf(await ari.http('POST', '/channels', { query: { endpoint: 'Local/603@oracle-wait', app: APP } }));
      await ari.event(isEvent('StasisStart', id));
      await ari.http('POST', `/channels/${id}/continue`, { query: { context: 'oracle-wait', extension: '5' } });
      await ari.event(isEvent('StasisEnd', id));
      await ari.sleep(500);
      await ari.http('GET', `/channels/${id}`);
    }), SCENARIO_TIMEOUT_MS);

  it('move to another registered application and back', () =>
    live.check('move-registered', async (ari) => {
      await ari.socket();
      await ari.socket({ app: 'other' });
      const id = idOf(await ari.http('POST', '/channels', { query: { endpoint: 'Local/610@oracle-wait', app: APP } }));
      await ari.event(isEvent('StasisStart', id));
      await ari.http('POST', `/channels/${id}/move`, { query: { app: 'other', appArgs: 'x,y' } });
      await ari.event((e) => e.type === 'StasisStart' && e.application === 'other');
      await ari.http('GET', `/channels/${id}`);
      await ari.http('POST', `/channels/${id}/move`, { query: { app: APP } });
      await ari.event((e) => e.type === 'StasisStart' && e.application === APP && (e.args as unknown[]).length === 0);
      await ari.http('POST', `/channels/${id}/move`, { query: { app: 'other' } });
      await ari.event((e) => e.type === 'StasisStart' && e.application === 'other' && (e.args as unknown[]).length === 0);
      await ari.http('DELETE', `/channels/${id}`);
      await ari.event(isEvent('ChannelDestroyed', id));
    }), SCENARIO_TIMEOUT_MS);

  // A move without `app` is left out: it crashes Asterisk 22.10.1 (the server stops answering).
  it('move to an application nobody registered', () =>
    live.check('move-unregistered', async (ari) => {
      await ari.socket();
      const id = idOf(await ari.http('POST', '/channels', { query: { endpoint: 'Local/611@oracle-wait', app: APP } }));
      await ari.event(isEvent('StasisStart', id));
      await ari.http('POST', `/channels/${id}/move`, { query: { app: 'ghost' } });
      await ari.event(isEvent('ApplicationMoveFailed', id));
      await ari.http('GET', `/channels/${id}`);
      await ari.http('DELETE', `/channels/${id}`);
      await ari.event(isEvent('ChannelDestroyed', id));
    }), SCENARIO_TIMEOUT_MS);

  it('redirect a Local channel to another Local endpoint, and to another technology', () =>
    // Local channels have no transfer: the redirect is accepted and nothing happens.
    live.check('redirect-local', async (ari) => {
      await ari.socket();
      const id = idOf(await ari.http('POST', '/channels', { query: { endpoint: 'Local/620@oracle-wait', app: APP } }));
      await ari.event(isEvent('StasisStart', id));
      await ari.http('POST', `/channels/${id}/redirect`, { query: { endpoint: 'PJSIP/someone' } });
      await ari.http('POST', `/channels/${id}/redirect`);
      await ari.http('POST', `/channels/${id}/redirect`, { query: { endpoint: 'Local/621@oracle-wait' } });
      await ari.sleep(1000);
      await ari.http('DELETE', `/channels/${id}`);
      await ari.event(isEvent('ChannelDestroyed', id));
    }), SCENARIO_TIMEOUT_MS);
});
