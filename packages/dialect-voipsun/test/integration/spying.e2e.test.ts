import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import type { ListedChannel } from '../../src/operations/listcalls';
import { callIdOfChannel, cdrsOfCall, hangUpEverything, waitForChannels } from '../support/live-calls';
import { E100, E120, E220, E300, E301, E302, E303, E304, E310, E311, E312, E401, expectWire, SUCCESS } from '../support/wire-expect';

/**
 * spying end to end: the demo tenant (extension 5 = 100 / 299299000 / sip100
 * listens, extension 7 = 102 / 299299555 / sip102 is listened to, in a
 * click-to-call with 800123456), plus a second extension 102 (id 9) in dial
 * plan `branch`, an API user holding only Eavesdrop and one holding only
 * Call list.
 */
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({
    extraProvisioning: {
      apiUsers: [
        { realm: 'voipsun', login: 'spy', secret: 'spypwd', permissions: ['Eavesdrop'] },
        { realm: 'voipsun', login: 'lister', secret: 'listpwd', permissions: ['Call list'] },
      ],
      extensions: [{ id: 9, internalNumber: '102', publicNumber: '299299902', sipUsername: 'sip102b', dialplan: 'branch' }],
    },
  });
}, 60000);

afterEach(async () => {
  await hangUpEverything(gateway);
});

afterAll(async () => {
  await gateway?.close();
});

const spying = (query: string, auth = 'username=voipsun&password=secretpwd') => gateway.http.get(`/api/api.php?${auth}&action=spying&${query}`);

/** Extension 102 (sip102) in a call with 800123456, both legs up: its leg. */
async function extension102InACall(): Promise<ListedChannel> {
  expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=originate&srcExtenId=7&dstNum=800123456'), SUCCESS);
  const channels = await waitForChannels(
    gateway,
    (listed) => listed.length === 2 && listed.every((channel) => channel.status === 'Up'),
    'extension 102 and 800123456 up',
  );
  return channels.find((channel) => channel.accountCode === 'SIP_7')!;
}

/** The listener's leg (extension 5) and the snoop it hears, both up, once the supervision is in place. */
async function listening(): Promise<{ callId: string; listenerChannel: string; snoopChannel: string }> {
  const rows = await gateway.waitFor(async () => {
    const found = await gateway.query<{ call_id: string; stage: string; role: string; channel_name: string | null; state: string }>(
      `SELECT l.call_id, c.stage, l.role, l.channel_name, l.state FROM legs l JOIN calls c ON c.id = l.call_id
        WHERE c.purpose = 'supervision' AND c.state <> 'ended' ORDER BY l.created_at`,
    );
    return found.length === 2 && found.every((row) => row.state === 'up') && found[0]!.stage === 'supervising' ? found : undefined;
  }, 8000, 'the listener and the snoop up');
  const [listener, snoop] = rows;
  return { callId: listener!.call_id, listenerChannel: listener!.channel_name!, snoopChannel: snoop!.channel_name! };
}

describe('spying: the document’s example URLs, end to end', () => {
  test.each([
    'srcExtenPublicNum=299299000&dstExtenPublicNum=299299555',
    'srcExtenInternalNum=100&dstExtenPublicNum=299299555',
    'srcExtenId=5&dstSipUsername=sip102',
  ])('…action=spying&%s rings extension 5, which then listens to extension 102’s call', async (query) => {
    const spied = await extension102InACall();
    expectWire(await spying(query), SUCCESS);
    const { listenerChannel, snoopChannel } = await listening();
    expect(listenerChannel).toMatch(/^PJSIP\/sip100-/);
    // The engine has a snoop on 102's channel, and the listener's phone shows 000 "Spy".
    const engineChannels = await gateway.engineChannels();
    expect(engineChannels.find((channel) => channel.name === snoopChannel)).toMatchObject({ state: 'Up' });
    expect(snoopChannel.startsWith('Snoop/')).toBe(true);
    expect(engineChannels.find((channel) => channel.name === listenerChannel)?.caller).toEqual({ number: '000', name: 'Spy' });
    const bridges = await gateway.engineBridges();
    const listenerId = engineChannels.find((channel) => channel.name === listenerChannel)!.id;
    const snoopId = engineChannels.find((channel) => channel.name === snoopChannel)!.id;
    expect(bridges.some((bridge) => bridge.channels.includes(listenerId) && bridge.channels.includes(snoopId))).toBe(true);
    // The call listened to goes on as it was.
    expect((await waitForChannels(gateway, (listed) => listed.some((channel) => channel.channelName === spied.channelName), 'the spied leg')).length).toBeGreaterThanOrEqual(2);
  });

  test('…&srcExtenId=5&dstSipUsernamem=sip102 (the document’s misspelt name) names nothing to listen to: errno 120', async () => {
    expectWire(await spying('srcExtenId=5&dstSipUsernamem=sip102'), E120);
  });

  test('…&srcSipUsername=sip100&dstChannelName=<the channel listcalls shows> listens to that channel; SIP/ names are read as PJSIP/', async () => {
    const spied = await extension102InACall();
    const sipName = spied.channelName.replace(/^PJSIP\//, 'SIP/');
    expectWire(await spying(`srcSipUsername=sip100&dstChannelName=${encodeURIComponent(sipName)}&spyCid=299299111&spyName=Supervisor`), SUCCESS);
    const { listenerChannel, snoopChannel } = await listening();
    const engineChannels = await gateway.engineChannels();
    expect(engineChannels.find((channel) => channel.name === listenerChannel)?.caller).toEqual({ number: '299299111', name: 'Supervisor' });
    const spiedId = engineChannels.find((channel) => channel.name === spied.channelName)!.id;
    expect(snoopChannel.startsWith(`Snoop/${spiedId}-`)).toBe(true);
  });
});

describe('the listening call from ringing to its CDR', () => {
  test('the spied call ends: the snoop goes, the listener is hung up, and the listening leaves one CDR', async () => {
    const spied = await extension102InACall();
    expectWire(await spying('srcExtenId=5&dstExtenId=7&spyCid=299299111'), SUCCESS);
    const { callId } = await listening();
    const spiedCallId = await callIdOfChannel(gateway, spied.channelName);
    expectWire(await gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=hangupcall&channelName=${encodeURIComponent(spied.channelName)}`), SUCCESS);
    const [cdr] = await gateway.waitFor(async () => {
      const rows = await cdrsOfCall(gateway, callId);
      return rows.length === 1 ? rows : undefined;
    }, 8000, 'the CDR of the listening');
    expect(cdr).toMatchObject({ purpose: 'supervision', from_number: '299299111', to_number: '100', extension: '100', hangup_side: 'callee' });
    expect(cdr!.answered_at).not.toBeNull();
    await gateway.waitFor(async () => (await cdrsOfCall(gateway, spiedCallId)).length === 1, 8000, 'the CDR of the spied call');
  });

  test('the listener hangs up: the snoop ends, the spied call goes on', async () => {
    const spied = await extension102InACall();
    expectWire(await spying('srcExtenId=5&dstExtenId=7', 'username=spy&password=spypwd'), SUCCESS);
    const { callId, listenerChannel, snoopChannel } = await listening();
    expectWire(await gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=hangupcall&channelName=${encodeURIComponent(listenerChannel)}`), SUCCESS);
    await gateway.waitFor(async () => (await cdrsOfCall(gateway, callId)).length === 1, 8000, 'the CDR of the listening');
    // Asterisk takes a snoop hung up through ARI out of the application and out of its bridge, but keeps it until its target goes.
    const snoop = await gateway.waitFor(async () => {
      const found = (await gateway.engineChannels()).find((channel) => channel.name === snoopChannel);
      return found && found.dialplan.app_name === '' ? found : undefined;
    }, 8000, 'the snoop out of the application');
    expect((await gateway.engineBridges()).some((bridge) => bridge.channels.includes(snoop.id))).toBe(false);
    expect((await gateway.engineChannels()).find((channel) => channel.name === spied.channelName)).toMatchObject({ state: 'Up' });
    expectWire(await gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=hangupcall&channelName=${encodeURIComponent(spied.channelName)}`), SUCCESS);
    await gateway.waitFor(async () => !(await gateway.engineChannels()).some((channel) => channel.name === snoopChannel), 8000, 'the snoop gone with its target');
  });
});

describe('every refusal of spying', () => {
  test.each([
    ['120: no listener', 'dstExtenId=7', E120],
    ['120: nothing to listen to', 'srcExtenId=5', E120],
    ['120: empty selectors are not selectors', 'srcExtenId=&dstExtenId=7', E120],
    ['300: two listener selectors', 'srcExtenId=5&srcSipUsername=sip100&dstExtenId=7', E300],
    ['301: two selectors of what to listen to', 'srcExtenId=5&dstExtenId=7&dstSipUsername=sip102', E301],
    ['301: an extension and a channel', 'srcExtenId=5&dstExtenId=7&dstChannelName=PJSIP/sip102-00000001', E301],
    ['302: the listener’s internal number is in two dial plans', 'srcExtenInternalNum=102&dstExtenId=7', E302],
    ['303: the listener’s extension does not exist', 'srcExtenInternalNum=999&dstExtenId=7', E303],
    ['304: the listener’s dial plan does not exist', 'srcExtenId=5&srcDialplanName=nowhere&dstExtenId=7', E304],
    ['310: the internal number listened to is in two dial plans', 'srcExtenId=5&dstExtenInternalNum=102', E310],
    ['311: the extension listened to does not exist', 'srcExtenId=5&dstSipUsername=nobody', E311],
    ['312: the dial plan of the extension listened to does not exist', 'srcExtenId=5&dstExtenInternalNum=102&dstDialplanName=nowhere', E312],
    ['401: the extension listened to is in no call', 'srcExtenId=5&dstExtenInternalNum=102&dstDialplanName=default', E401],
    ['401: no such channel (the document’s example name)', 'srcSipUsername=sip100&dstChannelName=SIP/102-00000001', E401],
  ])('%s', async (_what, query, body) => {
    expectWire(await spying(query), body);
    expect(await gateway.query("SELECT id FROM calls WHERE purpose = 'supervision' AND state <> 'ended'")).toEqual([]);
  });

  test('the listener is checked before what it listens to: 303 before 311, 300 before 301', async () => {
    expectWire(await spying('srcExtenId=99&dstExtenId=98'), E303);
    expectWire(await spying('srcExtenId=5&srcExtenId=6&srcSipUsername=sip100&dstExtenId=7&dstSipUsername=sip102'), E300);
  });

  test('100: an API user without the Eavesdrop permission', async () => {
    expectWire(await spying('srcExtenId=5&dstExtenId=7', 'username=lister&password=listpwd'), E100);
  });

  test('220: the engine will not ring the listener’s phone (extension 9’s sip102b is no device)', async () => {
    await extension102InACall();
    expectWire(await spying('srcExtenPublicNum=299299902&dstExtenId=7'), E220);
  });
});
