// Runs on pbx-sim only: the engine refuses connections and drops its WebSockets on command, which a real Asterisk cannot be told to do.
import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { hangUpEverything, waitForChannels } from '../support/live-calls';
import { E900, expectWire, SUCCESS } from '../support/wire-expect';

/**
 * The telephony engine going away: the simulator closes its port (or resets
 * every connection) and cuts the ARI WebSocket. Every action that needs the
 * engine answers errno 900 without waiting for a REST time-out; once the
 * engine is back, the gateway reconnects and calls work again.
 */
let gateway: TestGateway;

/** A request that waits for a REST time-out (5 s) instead of failing fast fails this bound. */
const FAST = { response: 2500, deadline: 3000 };

beforeAll(async () => {
  gateway = await startTestGateway();
}, 60000);

afterAll(async () => {
  await gateway?.close();
});

const originate = 'username=voipsun&password=secretpwd&action=originate&srcExtenId=5&dstNum=800123456&checkExten=';

/** Ends an outage the simulator is acting out, and waits until the gateway has reconnected. */
async function endOutage(mode: 'refuse' | 'reset'): Promise<void> {
  await gateway.sim.control.refuseConnections(0, mode);
  await gateway.waitFor(() => gateway.core.pbxAvailable(), 20000, 'the gateway to reconnect');
}

describe.each(['refuse', 'reset'] as const)('the engine %ss connections', (mode) => {
  afterEach(async () => {
    await hangUpEverything(gateway);
  }, 30000);

  test('originate, originate with checkExten, hangupcall, listcalls, sipstatus and spying answer errno 900 at once', async () => {
    const since = new Date();
    await gateway.sim.control.refuseConnections(60000, mode);
    try {
      await gateway.waitFor(() => !gateway.core.pbxAvailable(), 5000, 'the gateway to notice');
      expectWire(await gateway.http.get(`/api/api.php?${originate}`).timeout(FAST), E900);
      expectWire(await gateway.http.get(`/api/api.php?${originate}1`).timeout(FAST), E900);
      expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=hangupcall&channelName=PJSIP/sip100-00000001').timeout(FAST), E900);
      expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=listcalls').timeout(FAST), E900);
      expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=sipstatus').timeout(FAST), E900);
      expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=spying&srcExtenId=5&dstExtenId=7').timeout(FAST), E900);
      // Nothing was left half set up: the refused originates left no call behind.
      expect(await gateway.query("SELECT id FROM calls WHERE purpose = 'click_to_call' AND created_at >= $1", [since])).toEqual([]);
    } finally {
      await endOutage(mode);
    }
  }, 30000);

  test('once the engine is back, the same request places the call', async () => {
    await gateway.sim.control.refuseConnections(1000, mode);
    await gateway.waitFor(() => !gateway.core.pbxAvailable(), 5000, 'the gateway to notice');
    await gateway.waitFor(() => gateway.core.pbxAvailable(), 20000, 'the gateway to reconnect');
    expectWire(await gateway.http.get(`/api/api.php?${originate}`), SUCCESS);
    await waitForChannels(gateway, (channels) => channels.length === 2 && channels.every((channel) => channel.status === 'Up'), 'both legs up');
  }, 30000);
});

test('a dropped event socket: the gateway reconnects, and listcalls and originate work again', async () => {
  await gateway.sim.control.dropWebSockets();
  await gateway.waitFor(async () => {
    const response = await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=listcalls').timeout(FAST);
    return response.text.startsWith('{"success":"true"');
  }, 20000, 'listcalls to answer again');
  expectWire(await gateway.http.get(`/api/api.php?${originate}`), SUCCESS);
  await waitForChannels(gateway, (channels) => channels.length === 2, 'both legs');
  await hangUpEverything(gateway);
}, 30000);
