import { APP, idOf, isEvent } from './support/differential';
import { liveDifferential, SCENARIO_TIMEOUT_MS } from './support/live';

/** Local channels: which half enters Stasis, and Stasis() reached from the dialplan with arguments. */
const live = liveDifferential();

describe('Local channels and Stasis entry, live against Asterisk 22', () => {
  it('an originate into the application puts the ;1 half in Stasis and shows the ;2 half', () =>
    live.check('local-originate', async (ari) => {
      await ari.socket();
      const id = idOf(await ari.http('POST', '/channels', { query: { endpoint: 'Local/100@oracle-wait', app: APP, appArgs: 'a,b' } }));
      await ari.event(isEvent('StasisStart', id));
      await ari.http('GET', `/channels/${id}`);
      await ari.http('DELETE', `/channels/${id}`);
      await ari.event(isEvent('ChannelDestroyed', id));
    }), SCENARIO_TIMEOUT_MS);

  it('chosen ids name both halves, and ari-client drives the pair', () =>
    live.check('local-chosen-ids', async (ari) => {
      const client = await ari.client();
      await client.start(APP);
      const channel = await client.channels.originate({ endpoint: 'Local/101@oracle-wait', app: APP, channelId: 'diff-one', otherChannelId: 'diff-two' });
      await ari.event(isEvent('StasisStart', 'diff-one'));
      await client.channels.get({ channelId: 'diff-two' });
      await channel.hangup();
      await ari.event(isEvent('ChannelDestroyed', 'diff-two'));
    }), SCENARIO_TIMEOUT_MS);

  it('a chosen id without otherChannelId names the ;2 half <id>;2', () =>
    live.check('local-chosen-id-only', async (ari) => {
      await ari.socket();
      await ari.http('POST', '/channels/diff-solo', { query: { endpoint: 'Local/102@oracle-wait', app: APP } });
      await ari.event(isEvent('StasisStart', 'diff-solo'));
      await ari.http('GET', '/channels/diff-solo;2');
      await ari.http('DELETE', '/channels/diff-solo');
      await ari.event(isEvent('ChannelDestroyed', 'diff-solo'));
    }), SCENARIO_TIMEOUT_MS);

  it('dialplan Stasis() with arguments: the ;2 half enters, StasisEnd when the ;1 half hangs up', () =>
    live.check('local-dialplan-stasis', async (ari) => {
      await ari.socket();
      const outer = idOf(await ari.http('POST', '/channels', { query: { endpoint: 'Local/200@oracle-stasis', extension: '10', context: 'oracle-wait' } }));
      const start = await ari.event(isEvent('StasisStart'));
      const inner = String((start.channel as { id: string }).id);
      await ari.http('GET', `/channels/${inner}`);
      await ari.http('GET', `/channels/${inner}/variable`, { query: { variable: 'STASISSTATUS' } });
      await ari.http('DELETE', `/channels/${outer}`);
      await ari.event(isEvent('StasisEnd', inner));
    }), SCENARIO_TIMEOUT_MS);

  it('the gateway-queue context: the ;2 half enters pbx-gateway with the ;1 half variables as arguments; its answer brings the ;1 half into Stasis', () =>
    live.check('local-gateway-queue', async (ari) => {
      // One socket per application: Asterisk orders each application's events, not the two together.
      await ari.socket();
      await ari.socket({ app: 'pbx-gateway' });
      const variables = { GATEWAY_QUEUE: 'CLOSERS', GATEWAY_LEAD: '7', GATEWAY_AGENT: '', GATEWAY_CALLER: '5550100' };
      await ari.http('POST', '/channels/diff-queue', { query: { endpoint: 'Local/s@gateway-queue', app: APP, appArgs: 'originated', callerId: '2120289999' }, body: { variables } });
      await ari.event(isEvent('StasisStart', 'diff-queue;2'));
      await ari.http('POST', '/channels/diff-queue;2/answer');
      await ari.event(isEvent('StasisStart', 'diff-queue'));
      await ari.http('POST', '/channels/diff-queue;2/moh', { query: { mohClass: 'default' } });
      await ari.http('GET', '/channels/diff-queue');
      await ari.http('DELETE', '/channels/diff-queue');
      await ari.event(isEvent('ChannelDestroyed', 'diff-queue;2'));
    }), SCENARIO_TIMEOUT_MS);

  it('create then dial a Local channel into a context that answers', () =>
    live.check('local-create-dial', async (ari) => {
      await ari.socket();
      const id = idOf(await ari.http('POST', '/channels/create', { query: { endpoint: 'Local/300@oracle-wait', app: APP } }));
      await ari.event(isEvent('StasisStart', id));
      await ari.http('POST', `/channels/${id}/dial`, { query: { timeout: 5 } });
      await ari.event((e) => e.type === 'Dial' && e.dialstatus === 'ANSWER');
      await ari.http('DELETE', `/channels/${id}`);
      await ari.event(isEvent('ChannelDestroyed', id));
    }), SCENARIO_TIMEOUT_MS);

  it('an originate into congestion fails the call', () =>
    live.check('local-congestion', async (ari) => {
      await ari.socket();
      const id = idOf(await ari.http('POST', '/channels', { query: { endpoint: 'Local/400@oracle-congestion', app: APP } }));
      await ari.event(isEvent('ChannelDestroyed', id));
    }), SCENARIO_TIMEOUT_MS);

  it('an originate into a context without that extension', () =>
    live.check('local-no-extension', async (ari) => {
      await ari.socket();
      const reply = await ari.http('POST', '/channels', { query: { endpoint: 'Local/500@nowhere', app: APP } });
      if (reply.status === 200) await ari.event(isEvent('ChannelDestroyed', idOf(reply)));
    }), SCENARIO_TIMEOUT_MS);
});
