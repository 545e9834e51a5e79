import { APP } from './support/differential';
import { liveDifferential, SCENARIO_TIMEOUT_MS } from './support/live';
import { answeredChannel, hangUp } from './support/steps';

/** Error statuses and message texts, request by request. */
const live = liveDifferential();

describe('error statuses and messages, live against Asterisk 22', () => {
  it('originate and create with bad parameters', () =>
    live.check('errors-originate', async (ari) => {
      await ari.socket();
      await ari.http('POST', '/channels');
      await ari.http('POST', '/channels', { query: { endpoint: 'Local/1300@oracle-wait' } });
      await ari.http('POST', '/channels', { query: { endpoint: 'Local/1300@oracle-wait', app: APP, extension: '10' } });
      await ari.http('POST', '/channels', { query: { endpoint: 'nonsense', app: APP } });
      await ari.http('POST', '/channels', { query: { endpoint: 'PJSIP/nobody', app: APP } });
      await ari.http('POST', '/channels', { query: { endpoint: 'Local/1300@oracle-wait', app: APP, channelId: 'diff-x', otherChannelId: 'diff-x' } });
      await ari.http('POST', '/channels', { query: { endpoint: 'Local/1300@oracle-wait', app: APP, formats: 'nosuchcodec' } });
      await ari.http('POST', '/channels', { query: { endpoint: 'Local/1300@oracle-wait', app: APP, originator: 'nochannel' } });
      await ari.http('POST', '/channels', { query: { endpoint: 'Local/1300@oracle-wait', app: APP }, body: { variables: { A: 1 } } });
      await ari.http('POST', '/channels', { query: { endpoint: 'Local/1300@oracle-wait', app: APP }, rawBody: '{"variables":' });
      await ari.http('POST', '/channels/create', { query: { app: APP } });
      await ari.http('POST', '/channels/create', { query: { endpoint: 'Bogus/thing', app: APP } });
      await ari.sleep(300);
    }), SCENARIO_TIMEOUT_MS);

  it('operations on a channel in the wrong state or place', () =>
    live.check('errors-channel-state', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '1301');
      await ari.http('POST', `/channels/${a}/dial`);
      await ari.http('POST', `/channels/${a}/mute`, { query: { direction: 'sideways' } });
      await ari.http('POST', `/channels/${a}/dtmf`);
      await ari.http('POST', `/channels/${a}/dtmf`, { query: { dtmf: '1', between: -5 } });
      await ari.http('POST', `/channels/${a}/variable`, { query: { value: 'x' } });
      await ari.http('GET', `/channels/${a}/variable`, { query: { variable: 'NOPE(x)' } });
      await ari.http('POST', `/channels/${a}/continue`, { query: { label: 'nolabel', context: 'oracle-wait', extension: '10' } });
      await ari.sleep(300);
      await ari.http('POST', `/channels/${a}/play`, { query: { media: 'sound:beep', skipms: -1 } });
      await ari.http('POST', `/channels/${a}/play`, { query: { media: 'sound:beep', offsetms: -1 } });
      await ari.http('POST', '/playbacks/nothing/control', { query: { operation: 'pause' } });
      await ari.http('POST', '/recordings/live/nothing/stop');
      await ari.http('GET', '/recordings/stored/nothing/file');
      await ari.http('POST', '/recordings/stored/nothing/copy', { query: { destinationRecordingName: 'x' } });
      await ari.http('GET', '/endpoints/PJSIP/nobody');
      await ari.http('GET', '/endpoints/Bogus');
      await ari.http('GET', '/sounds/nothing');
      await ari.http('GET', '/applications/nothing');
      await ari.http('POST', '/applications/diff/subscription', { query: { eventSource: 'bogus:thing' } });
      await ari.http('POST', '/applications/diff/subscription', { query: { eventSource: 'channel:nothing' } });
      await ari.http('POST', '/applications/diff/subscription');
      await ari.http('POST', '/events/user/Custom', { query: { application: 'nothing' } });
      await ari.http('POST', '/events/user/Custom', { query: { application: APP, source: 'bogus:x' } });
      await ari.http('PUT', '/applications/diff/eventFilter', { body: { allowed: 'nope' } });
      await ari.http('GET', '/asterisk/variable');
      await ari.http('POST', '/asterisk/variable', { query: { value: 'x' } });
      await ari.http('GET', '/deviceStates/nothing');
      await ari.http('PATCH', `/channels/${a}`);
      await hangUp(ari, a);
    }), SCENARIO_TIMEOUT_MS);
});
