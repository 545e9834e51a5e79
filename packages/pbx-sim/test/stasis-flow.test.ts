import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { AriSession, field, sleep, type EventStream, type JsonObject } from './support/ari-session';

/** Channels moving between applications, back to the dialplan, and application-level events. */
describe('Stasis applications', () => {
  let sim: PbxSim;
  let ari: AriSession;
  let one: EventStream;
  let two: EventStream;

  beforeAll(async () => {
    sim = await startPbxSim({ phones: [{ resource: '1000', answerAfterMs: 0 }] });
    ari = new AriSession(sim.url);
    one = await ari.events('one');
    two = await ari.events('two');
  });

  afterAll(async () => {
    ari.close();
    await sim.close();
  });

  const call = async (id: string): Promise<void> => {
    await ari.expect(200, 'POST', `/channels/${id}`, { endpoint: 'PJSIP/1000', app: 'one' });
    await one.waitFor('StasisStart', id);
  };

  it('moves a channel to another application, or reports ApplicationMoveFailed', async () => {
    await call('mv');
    await ari.expect(204, 'POST', '/channels/mv/move', { app: 'nobody' });
    const failed = await one.waitFor('ApplicationMoveFailed', 'mv');
    expect([failed.destination, failed.args]).toEqual(['nobody', []]);
    await ari.expect(204, 'POST', '/channels/mv/move', { app: 'two', appArgs: 'x,y' });
    const start = await two.waitFor('StasisStart', 'mv');
    expect(start.args).toEqual(['x', 'y']);
    // The channel stays in the same Stasis() call: its snapshot still shows the first application.
    expect(field(start, 'channel', 'dialplan', 'app_data')).toBe('one');
    await one.waitFor('StasisEnd', 'mv');
    const playing = await ari.call('POST', '/channels/mv/play', { media: 'sound:beep' });
    expect(playing.status).toBe(201);
    await ari.expect(204, 'DELETE', '/channels/mv');
    await two.waitFor('StasisEnd', 'mv');
  });

  it('hangs up, without a cause, a channel originated into the application when it continues', async () => {
    await call('cont');
    await ari.expect(204, 'POST', '/channels/cont/continue');
    await one.waitFor('ChannelDestroyed', 'cont');
    await one.waitFor('ChannelDialplan', 'cont');
    // The dialler publishes its last snapshot after the destroy, as Asterisk does.
    expect(one.types('cont').slice(-4)).toEqual(['StasisEnd', 'ChannelVarset', 'ChannelDestroyed', 'ChannelDialplan']);
    expect(field(one.ofChannel('cont').at(-2) ?? null, 'cause')).toBe(0);
  });

  it('sends an incoming call back to its dialplan on continue', async () => {
    const { channelId } = await sim.control.placeCall({ from: '0700', to: '1000', app: 'one' });
    await one.waitFor('StasisStart', channelId);
    await ari.expect(204, 'POST', `/channels/${channelId}/answer`);
    await ari.expect(204, 'POST', `/channels/${channelId}/continue`, { context: 'oracle-wait', extension: '1000', priority: 2 });
    await one.waitFor('StasisEnd', channelId);
    await sleep(50);
    const channel = (await ari.expect(200, 'GET', `/channels/${channelId}`)) as JsonObject;
    expect(channel.dialplan).toEqual({ context: 'oracle-wait', exten: '1000', priority: 2, app_name: 'Wait', app_data: '3600' });
    const refused = await ari.call('POST', `/channels/${channelId}/answer`);
    expect([refused.status, refused.body]).toEqual([409, { message: 'Channel not in Stasis application' }]);
    await ari.expect(204, 'DELETE', `/channels/${channelId}`);
  });

  it('snoops on a channel into an application, and ends the snoop with its target', async () => {
    await call('spied');
    const snoop = (await ari.expect(200, 'POST', '/channels/spied/snoop/spy-1', { spy: 'in', app: 'two' })) as JsonObject;
    expect(snoop).toMatchObject({ id: 'spy-1', name: 'Snoop/spied-00000000', state: 'Up', dialplan: { app_name: '' } });
    await two.waitFor('StasisStart', 'spy-1');
    const none = await ari.call('POST', '/channels/spied/snoop', { app: 'two' });
    expect([none.status, none.body]).toEqual([400, { message: 'Direction must be specified for at least spy or whisper' }]);
    await ari.expect(204, 'DELETE', '/channels/spied');
    await two.waitFor('StasisEnd', 'spy-1');
    expect(two.types('spy-1')).toEqual(['StasisStart', 'StasisEnd']);
  });

  it('delivers user events and counts subscriptions', async () => {
    await call('ue');
    await ari.expect(204, 'POST', '/events/user/Custom', { application: 'two', source: 'channel:ue' }, { variables: { lead: '42' } });
    const event = await two.next((e) => e.type === 'ChannelUserevent');
    expect(Object.keys(event)).toEqual(['type', 'timestamp', 'eventname', 'userevent', 'channel', 'asterisk_id', 'application']);
    expect(event.userevent).toEqual({ lead: '42', eventname: 'Custom' });
    const missing = await ari.call('POST', '/events/user/Custom', { application: 'two', source: 'channel:gone' });
    expect([missing.status, missing.body]).toEqual([422, { message: 'Event source was not found' }]);

    const subscribed = (await ari.expect(200, 'POST', '/applications/two/subscription', { eventSource: 'channel:ue' })) as JsonObject;
    expect(subscribed.channel_ids).toEqual(['ue']);
    await ari.expect(200, 'POST', '/applications/two/subscription', { eventSource: 'channel:ue' });
    await ari.expect(200, 'DELETE', '/applications/two/subscription', { eventSource: 'channel:ue' });
    expect(field(await ari.expect(200, 'GET', '/applications/two'), 'channel_ids')).toEqual(['ue']);
    await ari.expect(200, 'DELETE', '/applications/two/subscription', { eventSource: 'channel:ue' });
    expect(field(await ari.expect(200, 'GET', '/applications/two'), 'channel_ids')).toEqual([]);
    const notSubscribed = await ari.call('DELETE', '/applications/two/subscription', { eventSource: 'channel:ue' });
    expect([notSubscribed.status, notSubscribed.body]).toEqual([422, { message: 'Event source was not subscribed to' }]);
    const unknown = await ari.call('POST', '/applications/two/subscription', { eventSource: 'channel:nope' });
    expect([unknown.status, unknown.body]).toEqual([422, { message: 'Event source does not exist' }]);
    const scheme = await ari.call('POST', '/applications/two/subscription', { eventSource: 'queue:x' });
    expect([scheme.status, scheme.body]).toEqual([400, { message: 'Invalid event source URI scheme' }]);
    await ari.expect(200, 'PUT', '/applications/two/eventFilter', {}, { allowed: [{ type: 'StasisStart' }] });
    expect(field(await ari.expect(200, 'GET', '/applications/two'), 'events_allowed')).toEqual([{ type: 'StasisStart' }]);
    await ari.expect(204, 'DELETE', '/channels/ue');
  });

  it('lets a second WebSocket take an application over', async () => {
    const replacement = await ari.events('one');
    await one.waitFor('ApplicationReplaced');
    const replaced = one.received.find((e) => e.type === 'ApplicationReplaced') ?? {};
    expect(Object.keys(replaced)).toEqual(['type', 'timestamp', 'application', 'asterisk_id']);
    await ari.expect(200, 'POST', '/channels/after-replace', { endpoint: 'PJSIP/1000', app: 'one' });
    await replacement.waitFor('StasisStart', 'after-replace');
    expect(one.ofChannel('after-replace')).toEqual([]);
    await ari.expect(204, 'DELETE', '/channels/after-replace');
  });
});
