import { APP, idOf, isEvent } from './support/differential';
import { liveDifferential, SCENARIO_TIMEOUT_MS } from './support/live';
import { answeredChannel, hangUp } from './support/steps';

/** The event WebSocket: application replacement, subscribeAll, several applications, device states. */
const live = liveDifferential();

describe('WebSocket behaviour, live against Asterisk 22', () => {
  it('a second socket for the application replaces the first', () =>
    live.check('ws-replace', async (ari) => {
      const first = await ari.socket();
      await ari.socket();
      await ari.event((e) => e.type === 'ApplicationReplaced');
      await ari.sleep(300);
      const a = await answeredChannel(ari, '1400');
      await hangUp(ari, a);
      first.close();
      await ari.sleep(300);
      await ari.http('GET', `/applications/${APP}`);
    }), SCENARIO_TIMEOUT_MS);

  it('subscribeAll: the application lists the all-topics and gets global events', () =>
    live.check('ws-subscribe-all', async (ari) => {
      await ari.socket({ app: 'watcher', subscribeAll: 'true' });
      await ari.http('GET', '/applications');
      await ari.http('POST', '/asterisk/variable', { query: { variable: 'DIFF_GLOBAL', value: '1' } });
      await ari.event((e) => e.type === 'ChannelVarset' && e.variable === 'DIFF_GLOBAL');
      await ari.http('GET', '/applications/watcher');
    }), SCENARIO_TIMEOUT_MS);

  it('one socket carries two applications; a channel of one is not shown to the other', () =>
    live.check('ws-two-apps', async (ari) => {
      await ari.socket({ app: `${APP},other` });
      await ari.http('GET', '/applications');
      const a = idOf(await ari.http('POST', '/channels', { query: { endpoint: 'Local/1401@oracle-wait', app: 'other' } }));
      await ari.event((e) => isEvent('StasisStart', a)(e) && e.application === 'other');
      await ari.event((e) => e.type === 'ChannelDialplan' && e.dialplan_app === 'Wait');
      await ari.http('DELETE', `/channels/${a}`);
      await ari.event((e) => isEvent('ChannelDestroyed', a)(e) && e.application === 'other');
      await ari.sleep(300);
      await ari.http('GET', '/applications/other');
    }), SCENARIO_TIMEOUT_MS);

  it('sockets refused: no application, wrong credentials', () =>
    live.check('ws-refused', async (ari) => {
      await ari.socket({});
      await ari.socket({ app: APP }, 'gateway:wrong');
      await ari.socket({ app: '' });
      await ari.sleep(300);
    }), SCENARIO_TIMEOUT_MS);

  it('device states: set, read, subscribe, delete', () =>
    live.check('ws-device-states', async (ari) => {
      await ari.socket();
      await ari.http('POST', `/applications/${APP}/subscription`, { query: { eventSource: 'deviceState:Stasis:diff-dev' } });
      await ari.http('PUT', '/deviceStates/Stasis:diff-dev', { query: { deviceState: 'BUSY' } });
      await ari.sleep(300);
      await ari.http('GET', '/deviceStates/Stasis:diff-dev');
      await ari.http('PUT', '/deviceStates/Stasis:diff-dev', { query: { deviceState: 'NOT_A_STATE' } });
      await ari.http('PUT', '/deviceStates/PJSIP:diff-dev', { query: { deviceState: 'BUSY' } });
      await ari.http('GET', '/deviceStates');
      await ari.http('DELETE', '/deviceStates/Stasis:diff-dev');
      await ari.sleep(300);
      await ari.http('GET', '/deviceStates/Stasis:diff-dev');
      await ari.http('DELETE', `/applications/${APP}/subscription`, { query: { eventSource: 'deviceState:Stasis:diff-dev' } });
      await ari.http('GET', '/deviceStates/PJSIP/1000');
    }), SCENARIO_TIMEOUT_MS);
});
