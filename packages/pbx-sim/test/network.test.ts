import { createHash } from 'node:crypto';
import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { AriSession, field, sleep, type EventStream, type JsonObject } from './support/ari-session';
import { simulatorClock } from './support/simulator-clock';

/**
 * The simulated telephone network: phones and trunk numbers reached through
 * PJSIP, with the Dial / state / hang-up sequences Asterisk reports for them.
 */
describe('telephone network', () => {
  let sim: PbxSim;
  let ari: AriSession;
  let app: EventStream;

  beforeAll(async () => {
    sim = await startPbxSim({
      phones: [
        { resource: '1000', answerAfterMs: 40 },
        { resource: '1001', answerAfterMs: null },
        { resource: '1002', busy: true },
        { resource: '1003', registered: false },
      ],
      trunks: ['trunk'],
      numberRules: [
        { match: '555\\d*', outcome: 'answer', ringMs: 30, dtmf: '12', dtmfAfterMs: 30, dtmfGapMs: 20, hangupAfterMs: 300 },
        { match: '600', outcome: 'busy', ringMs: 20 },
        { match: '601', outcome: 'congestion' },
        { match: '602', outcome: 'rejected' },
        { match: '603', outcome: 'absent' },
        { match: '604', outcome: 'noanswer' },
        { match: '605', outcome: 'failure', cause: 27 },
      ],
    });
    ari = new AriSession(sim.url);
    app = await ari.events('net');
  });

  const onSimulatorClock = simulatorClock();

  afterAll(async () => {
    ari.close();
    await sim.close();
  });

  const originate = async (endpoint: string, extra: Record<string, string | number> = {}): Promise<JsonObject> =>
    (await ari.expect(200, 'POST', '/channels', { endpoint, app: 'net', ...extra })) as JsonObject;

  const sequence = (channelId: string): string[] =>
    app.ofChannel(channelId).map((e) => {
      const detail = e.type === 'Dial' ? `:${String(e.dialstatus)}` : e.type === 'ChannelStateChange' ? `:${String(field(e, 'channel', 'state'))}` : e.type === 'ChannelHangupRequest' || e.type === 'ChannelDestroyed' ? `:${String(e.cause)}` : e.type === 'ChannelDtmfReceived' ? `:${String(e.digit)}` : '';
      return `${String(e.type)}${detail}`;
    });

  it('calls a registered phone: it rings, answers by itself, and the channel enters the application', async () => {
    const channel = await originate('PJSIP/1000', { callerId: '"Agent" <200>' });
    expect(channel).toMatchObject({
      name: expect.stringMatching(/^PJSIP\/1000-[0-9a-f]{8}$/) as unknown as string,
      state: 'Down',
      caller: { name: 'Agent', number: '200' },
      dialplan: { context: 'default', exten: 's', priority: 1, app_name: 'AppDial2', app_data: '(Outgoing Line)' },
    });
    expect(String(channel.protocol_id)).not.toBe('');
    const id = String(channel.id);
    await app.waitFor('StasisStart', id);
    expect(sequence(id)).toEqual(['Dial:', 'ChannelStateChange:Ringing', 'Dial:RINGING', 'ChannelStateChange:Up', 'Dial:ANSWER', 'ChannelVarset', 'StasisStart']);
    const endpoint = (await ari.expect(200, 'GET', '/endpoints/PJSIP/1000')) as JsonObject;
    expect(endpoint).toEqual({ technology: 'PJSIP', resource: '1000', state: 'online', channel_ids: [id] });
    await ari.expect(204, 'DELETE', `/channels/${id}`);
    await app.waitFor('ChannelDestroyed', id);
    expect(sequence(id).slice(-4)).toEqual(['ChannelHangupRequest:32', 'StasisEnd', 'ChannelVarset', 'ChannelDestroyed:16']);
  });

  it('waits for a manual answer from the control API, and gives up at the originate timeout with cause 19', async () => {
    const answered = String((await originate('PJSIP/1001')).id);
    await app.waitFor('Dial', answered);
    await app.next((e) => e.type === 'Dial' && e.dialstatus === 'RINGING' && field(e, 'peer', 'id') === answered);
    await sleep(100);
    expect(app.ofChannel(answered).some((e) => e.type === 'StasisStart')).toBe(false);
    await sim.control.answer(answered);
    await app.waitFor('StasisStart', answered);

    const unanswered = String((await originate('PJSIP/1001', { timeout: 1 })).id);
    await app.waitFor('ChannelDestroyed', unanswered, 3000);
    expect(sequence(unanswered)).toEqual(['Dial:', 'ChannelStateChange:Ringing', 'Dial:RINGING', 'ChannelDestroyed:19']);
    expect(field(app.ofChannel(unanswered).at(-1) ?? null, 'cause_txt')).toBe('User alerting, no answer');
    await sim.control.hangup(answered, 17);
    await app.waitFor('ChannelDestroyed', answered);
    expect(sequence(answered).slice(-4)).toEqual(['ChannelHangupRequest:17', 'StasisEnd', 'ChannelVarset', 'ChannelDestroyed:17']);
  });

  it('hangs up a call still ringing: the dialler reports the final Dial status from the cause', async () => {
    const id = String((await originate('PJSIP/1001')).id);
    await app.next((e) => e.type === 'Dial' && e.dialstatus === 'RINGING' && field(e, 'peer', 'id') === id);
    await ari.expect(204, 'DELETE', `/channels/${id}`, { reason: 'busy' });
    await app.waitFor('ChannelDestroyed', id);
    expect(sequence(id)).toEqual(['Dial:', 'ChannelStateChange:Ringing', 'Dial:RINGING', 'ChannelHangupRequest:32', 'Dial:BUSY', 'ChannelDestroyed:17']);
  });

  it('reports a busy phone with cause 17 and refuses unregistered or unknown endpoints like Asterisk', async () => {
    const busy = String((await originate('PJSIP/1002')).id);
    await app.waitFor('ChannelDestroyed', busy);
    expect(sequence(busy)).toEqual(['Dial:', 'ChannelHangupRequest:17', 'Dial:BUSY', 'ChannelDestroyed:17']);
    for (const endpoint of ['PJSIP/1003', 'PJSIP/nobody', 'PJSIP/555@elsewhere', 'SIP/1000', 'IAX2/x']) {
      const reply = await ari.call('POST', '/channels', { endpoint, app: 'net' });
      expect([endpoint, reply.status, reply.body]).toEqual([endpoint, 500, { error: 'Allocation failed' }]);
    }
    const reply = await ari.call('POST', '/channels/create', { endpoint: 'PJSIP/1003', app: 'net' });
    expect([reply.status, reply.body]).toEqual([500, { error: 'Allocation failed' }]);
  });

  it('lets a trunk number answer, press keys and hang up after talking', async () => {
    const channel = await originate('PJSIP/5551234@trunk');
    const id = String(channel.id);
    expect(String(channel.name)).toMatch(/^PJSIP\/trunk-[0-9a-f]{8}$/);
    await app.waitFor('ChannelDestroyed', id, 3000);
    expect(sequence(id)).toEqual([
      'Dial:',
      'ChannelStateChange:Ringing',
      'Dial:RINGING',
      'ChannelStateChange:Up',
      'Dial:ANSWER',
      'ChannelVarset',
      'StasisStart',
      'ChannelDtmfReceived:1',
      'ChannelDtmfReceived:2',
      'ChannelHangupRequest:16',
      'StasisEnd',
      'ChannelVarset',
      'ChannelDestroyed:16',
    ]);
    const dial = app.ofChannel(id)[0] ?? {};
    expect(dial).toMatchObject({ dialstring: '5551234@trunk', forward: '' });
  });

  it.each([
    ['600', ['Dial:', 'ChannelStateChange:Ringing', 'Dial:RINGING', 'ChannelHangupRequest:17', 'Dial:BUSY', 'ChannelDestroyed:17']],
    ['601', ['Dial:', 'ChannelHangupRequest:34', 'Dial:CONGESTION', 'ChannelDestroyed:34']],
    ['602', ['Dial:', 'ChannelHangupRequest:21', 'Dial:NOANSWER', 'ChannelDestroyed:21']],
    ['603', ['Dial:', 'ChannelHangupRequest:20', 'Dial:CHANUNAVAIL', 'ChannelDestroyed:20']],
    ['605', ['Dial:', 'ChannelHangupRequest:27', 'Dial:NOANSWER', 'ChannelDestroyed:27']],
    ['999', ['Dial:', 'ChannelHangupRequest:1', 'Dial:NOANSWER', 'ChannelDestroyed:1']],
  ])('fails number %s with the cause and dial status Asterisk maps it to', async (number, expected) => {
    const id = String((await originate(`PJSIP/${number}@trunk`)).id);
    await app.waitFor('ChannelDestroyed', id);
    expect(sequence(id)).toEqual(expected);
  });

  it('rings a no-answer number until the originate timeout', async () => {
    onSimulatorClock();
    const id = String((await originate('PJSIP/604@trunk', { timeout: 1 })).id);
    await app.waitFor('Dial', id);
    jest.advanceTimersByTime(999);
    expect(field(await ari.expect(200, 'GET', `/channels/${id}`), 'state')).toBe('Ringing');
    jest.advanceTimersByTime(1);
    await app.waitFor('ChannelDestroyed', id);
    expect(sequence(id)).toEqual(['Dial:', 'ChannelStateChange:Ringing', 'Dial:RINGING', 'ChannelDestroyed:19']);
  });

  it('changes number rules and registrations at run time, with EndpointStateChange for subscribers', async () => {
    await ari.expect(200, 'POST', '/applications/net/subscription', { eventSource: 'endpoint:PJSIP/1003' });
    await sim.control.registerPhone('1003');
    const change = await app.waitFor('EndpointStateChange');
    expect(change.endpoint).toEqual({ technology: 'PJSIP', resource: '1003', state: 'online', channel_ids: [] });
    const endpoints = (await ari.expect(200, 'GET', '/endpoints')) as JsonObject[];
    expect(endpoints.map((e) => `${String(e.resource)}:${String(e.state)}`)).toEqual(['1000:online', '1001:online', '1002:online', '1003:online', 'trunk:online']);
    await sim.control.setNumberRules([{ match: '.*', outcome: 'busy' }]);
    const id = String((await originate('PJSIP/5551234@trunk')).id);
    await app.waitFor('ChannelDestroyed', id);
    expect(sequence(id)).toEqual(['Dial:', 'ChannelHangupRequest:17', 'Dial:BUSY', 'ChannelDestroyed:17']);
    expect(await sim.control.getNumberRules()).toEqual([{ match: '.*', outcome: 'busy' }]);
  });

  it('a phone’s own registration: ContactStatusChange NonQualified then Reachable, Removed when it goes; the contact object while it lasts', async () => {
    await ari.expect(200, 'POST', '/applications/net/subscription', { eventSource: 'endpoint:PJSIP' });
    try {
      const statuses = (): unknown[] => app.received.filter((event) => event.type === 'ContactStatusChange').map((event) => event.contact_info);
      const info = (contact_status: string, roundtrip_usec: string): unknown => ({ uri: 'sip:1001@192.0.2.10:5062', contact_status, aor: '1001', roundtrip_usec });
      await sim.control.registerPhone('1001', { host: '192.0.2.10', port: 5062, userAgent: 'snom870/8.7.3.25.9' });
      await app.next((event) => event.type === 'ContactStatusChange' && (event.contact_info as JsonObject).contact_status === 'Reachable');
      expect(statuses()).toEqual([info('NonQualified', '0'), info('Reachable', '1500')]);
      const aor = (await ari.expect(200, 'GET', '/asterisk/config/dynamic/res_pjsip/aor/1001')) as JsonObject[];
      expect(aor.filter((tuple) => tuple.attribute === 'contact').map((tuple) => tuple.value)).toEqual(['sip:1001@192.0.2.10:5062', 'sip:1001@127.0.0.2:5060']);
      const id = `1001;@${createHash('md5').update('sip:1001@192.0.2.10:5062').digest('hex')}`;
      const contact = (await ari.expect(200, 'GET', `/asterisk/config/dynamic/res_pjsip/contact/${encodeURIComponent(id)}`)) as JsonObject[];
      expect(Object.fromEntries(contact.map((tuple) => [tuple.attribute, tuple.value]))).toMatchObject({
        via_addr: '192.0.2.10',
        via_port: '5062',
        user_agent: 'snom870/8.7.3.25.9',
        uri: 'sip:1001@192.0.2.10:5062',
        endpoint: '1001',
      });
      await sim.control.dropRegistration('1001');
      await app.next((event) => event.type === 'ContactStatusChange' && (event.contact_info as JsonObject).contact_status === 'Removed');
      expect(statuses()).toEqual([info('NonQualified', '0'), info('Reachable', '1500'), info('Removed', '0')]);
      expect(await ari.call('GET', `/asterisk/config/dynamic/res_pjsip/contact/${encodeURIComponent(id)}`)).toMatchObject({ status: 404, body: { message: `Object with id '${id}' not found` } });
    } finally {
      await ari.expect(200, 'DELETE', '/applications/net/subscription', { eventSource: 'endpoint:PJSIP' });
    }
  });

  it('delivers an incoming call to the application as StasisStart in state Ring', async () => {
    const { channelId } = await sim.control.placeCall({ from: '1000', to: '800', app: 'net' });
    const start = await app.waitFor('StasisStart', channelId);
    expect(start.channel).toMatchObject({
      state: 'Ring',
      caller: { name: '', number: '1000' },
      dialplan: { context: 'default', exten: '800', app_name: 'Stasis', app_data: 'net' },
    });
    expect(app.types(channelId)).toEqual(['StasisStart']);
    await ari.expect(204, 'POST', `/channels/${channelId}/answer`);
    await app.next((e) => e.type === 'ChannelStateChange' && field(e, 'channel', 'id') === channelId);
    await sim.control.hangup(channelId);
    await app.waitFor('StasisEnd', channelId);
    await sleep(50);
    // A channel that entered Stasis from the dialplan is not followed after StasisEnd.
    expect(app.types(channelId)).toEqual(['StasisStart', 'ChannelStateChange', 'ChannelHangupRequest', 'StasisEnd']);
  });
});
