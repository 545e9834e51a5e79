import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { hangUpEverything, waitForChannels } from '../support/live-calls';
import { E401, expectWire, SUCCESS } from '../support/wire-expect';

/** A gateway configured for chan_sip-era clients: `SIP/` channel names, strict hang-up, PHP's HTML content type. */
let gateway: TestGateway;
const HTML = 'text/html; charset=UTF-8';

beforeAll(async () => {
  gateway = await startTestGateway({ dialects: { voipsun: { channelPrefix: 'SIP', strictHangup: true, contentType: HTML } } });
}, 60000);

afterEach(async () => {
  await hangUpEverything(gateway);
});

afterAll(async () => {
  await gateway?.close();
});

test('listcalls shows SIP/ names, and hangupcall takes them back', async () => {
  expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=originate&srcSipUsername=sip100&dstNum=800123456'), SUCCESS, HTML);
  const channels = await waitForChannels(gateway, (listed) => listed.length === 2 && listed.every((channel) => channel.status === 'Up'), 'both legs up');
  expect(channels.map((channel) => channel.channelName)).toEqual([expect.stringMatching(/^SIP\/sip100-/), expect.stringMatching(/^SIP\/upc-/)]);
  expectWire(await gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=hangupcall&channelName=${encodeURIComponent(channels[0]!.channelName)}`), SUCCESS, HTML);
  await waitForChannels(gateway, (listed) => listed.length === 0, 'both legs gone');
});

test('strictHangup: errno 401 for the document’s example channel, which is not up', async () => {
  expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=hangupcall&channelName=SIP\\5555-0000b704'), E401, HTML);
});

test('strictHangup: a channel hung up once is not found the second time', async () => {
  expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=originate&srcExtenId=5&dstNum=800123456'), SUCCESS, HTML);
  const [extensionLeg] = await waitForChannels(gateway, (listed) => listed.length === 2, 'both legs listed');
  const hangup = `/api/api.php?username=voipsun&password=secretpwd&action=hangupcall&channelName=${encodeURIComponent(extensionLeg!.channelName)}`;
  expectWire(await gateway.http.get(hangup), SUCCESS, HTML);
  await waitForChannels(gateway, (listed) => listed.length === 0, 'both legs gone');
  expectWire(await gateway.http.get(hangup), E401, HTML);
});
