import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import type { ListedChannel } from '../../src/operations/listcalls';
import { callIdOfChannel, cdrsOfCall, clickToCallChannels, clickToCallsSince, endedClickToCallSince, hangUpEverything, listCalls, waitForChannels } from '../support/live-calls';
import { E100, E110, E120, E200, E202, E226, E400, expectWire, SUCCESS } from '../support/wire-expect';

/**
 * The whole stack (Postgres, the engine over HTTP + WebSocket, pbx-ari, the
 * server app) with the demo tenant; the far ends' numbers answer after
 * 300 ms except a busy one and one that never answers.
 */
let gateway: TestGateway;

const BUSY_NUMBER = '800111222';
const SILENT_NUMBER = '800333444';

beforeAll(async () => {
  gateway = await startTestGateway();
  await gateway.farEnd.setNumber(BUSY_NUMBER, { outcome: 'busy', ringMs: 200 });
  await gateway.farEnd.setNumber(SILENT_NUMBER, { outcome: 'noanswer' });
}, 60000);

afterEach(async () => {
  await hangUpEverything(gateway);
});

afterAll(async () => {
  await gateway?.close();
});

const bothLegsUp = (channels: ListedChannel[]): boolean =>
  channels.length === 2 && channels.every((channel) => channel.status === 'Up') && channels.some((channel) => channel.sourceType === 'trunk');

describe('originate: the document’s four example URLs, end to end', () => {
  test.each([
    'srcExtenPublicNum=299299000&dstNum=800123456',
    'srcExtenInternalNum=100&dstNum=800123456',
    'srcExtenId=5&dstNum=800123456',
    'srcSipUsername=sip100&dstNum=800123456',
  ])('…action=originate&%s rings extension 5 (sip100), dials 800123456 and connects them', async (selector) => {
    const since = new Date();
    expectWire(await gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=originate&${selector}`), SUCCESS);
    const channels = await waitForChannels(gateway, bothLegsUp, 'both legs up');
    const [extensionLeg, trunkLeg] = channels;
    expect(extensionLeg).toMatchObject({ dst: '100', accountCode: 'SIP_5', sourceType: 'extension', idChannel: '5' });
    expect(extensionLeg?.channelName).toMatch(/^PJSIP\/sip100-/);
    expect(trunkLeg).toMatchObject({ dst: '800123456', accountCode: 'SIPTR_1', sourceType: 'trunk', idChannel: '1' });
    expect(await clickToCallsSince(gateway, since)).toHaveLength(1);
    // Without dialerCid/dialerName the phone shows 000 "Dialer"; the destination sees the extension's own number.
    const engineChannels = await gateway.engineChannels();
    expect(engineChannels.find((channel) => channel.name === extensionLeg!.channelName)?.caller).toEqual({ number: '000', name: 'Dialer' });
    expect(engineChannels.find((channel) => channel.name === trunkLeg!.channelName)?.caller.number).toBe('299299000');
  });
});

describe('a click-to-call from ringing to its CDR', () => {
  test('rings 100, dials 800123456, lists both legs, is hung up by the listed name, and leaves one CDR with the custom fields', async () => {
    const query = [
      'username=voipsun',
      'password=secretpwd',
      'action=originate',
      'srcExtenInternalNum=100',
      'dstNum=800123456',
      'customCDR1=777888999',
      'customCDR2=lead%2042',
      'customCDR3=%C5%BElu%C5%A5ou%C4%8Dk%C3%BD',
      'customCDR4=x',
      'dialerCid=customCDR1',
      'overrideCallerId=299299555',
      'monitorFilename=call.wav',
      'macro=ignored',
    ].join('&');
    expectWire(await gateway.http.get(`/api/api.php?${query}`), SUCCESS);

    // The extension rings first: its leg is listed before the trunk is dialled.
    const ringing = await waitForChannels(gateway, (channels) => channels.length >= 1, 'the extension leg');
    expect(ringing[0]).toMatchObject({ src: '777888999', dst: '100', accountCode: 'SIP_5' });
    expect(['Down', 'Ringing', 'Up']).toContain(ringing[0]?.status);

    const [extensionLeg, trunkLeg] = await waitForChannels(gateway, bothLegsUp, 'both legs up');
    expect(extensionLeg).toEqual({
      channelName: expect.stringMatching(/^PJSIP\/sip100-[0-9a-f]{8}$/),
      context: expect.any(String),
      src: '777888999',
      dst: '100',
      duration: expect.stringMatching(/^[0-9]+$/),
      status: 'Up',
      accountCode: 'SIP_5',
      sourceType: 'extension',
      idChannel: '5',
    });
    expect(trunkLeg).toEqual({
      channelName: expect.stringMatching(/^PJSIP\/upc-[0-9a-f]{8}$/),
      context: expect.any(String),
      src: '299299555',
      dst: '800123456',
      duration: expect.stringMatching(/^[0-9]+$/),
      status: 'Up',
      accountCode: 'SIPTR_1',
      sourceType: 'trunk',
      idChannel: '1',
    });

    // The gateway rang what the directory says: the phone of extension 5, then the number over trunk upc.
    const callId = await callIdOfChannel(gateway, extensionLeg!.channelName);
    const legs = await gateway.query<{ endpoint: string; role: string }>('SELECT endpoint, role FROM legs WHERE call_id = $1 ORDER BY created_at', [callId]);
    expect(legs).toEqual([
      { endpoint: 'PJSIP/sip100', role: 'source' },
      { endpoint: 'PJSIP/800123456@upc', role: 'destination' },
    ]);

    // The engine has the same two channels up, showing the caller ids the request asked for.
    const engineChannels = await gateway.engineChannels();
    expect(engineChannels.find((channel) => channel.name === extensionLeg!.channelName)).toMatchObject({ state: 'Up', caller: { number: '777888999', name: '777888999' } });
    expect(engineChannels.find((channel) => channel.name === trunkLeg!.channelName)).toMatchObject({ state: 'Up', caller: { number: '299299555' } });

    expectWire(await gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=hangupcall&channelName=${encodeURIComponent(extensionLeg!.channelName)}`), SUCCESS);
    await waitForChannels(gateway, (channels) => channels.length === 0, 'both legs gone');
    expect((await gateway.engineChannels()).map((channel) => channel.name)).not.toContain(extensionLeg!.channelName);
    const cdrs = await gateway.waitFor(async () => {
      const rows = await cdrsOfCall(gateway, callId);
      return rows.length > 0 ? rows : undefined;
    }, 5000, 'the CDR');
    await gateway.core.idle();
    expect(await cdrsOfCall(gateway, callId)).toHaveLength(1);
    expect(cdrs[0]).toMatchObject({ purpose: 'click_to_call', to_number: '800123456', extension: '100', hangup_side: 'system' });
    expect(cdrs[0]?.answered_at).not.toBeNull();
    expect(cdrs[0]?.data).toMatchObject({ customCDR1: '777888999', customCDR2: 'lead 42', customCDR3: 'žluťoučký', customCDR4: 'x', monitorFilename: 'call.wav' });
    expect(cdrs[0]?.data).not.toHaveProperty('macro');
  });

  test('the trunk leg can be hung up by its listed name written the document’s way (SIP\\…)', async () => {
    expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=originate&srcExtenId=5&dstNum=800123456'), SUCCESS);
    const [extensionLeg, trunkLeg] = await waitForChannels(gateway, bothLegsUp, 'both legs up');
    const documentStyle = trunkLeg!.channelName.replace(/^PJSIP\//, 'SIP\\');
    expectWire(await gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=hangupcall&channelName=${encodeURIComponent(documentStyle)}`), SUCCESS);
    await waitForChannels(gateway, (channels) => channels.length === 0, 'both legs gone');
    const callId = await callIdOfChannel(gateway, extensionLeg!.channelName);
    await gateway.waitFor(async () => (await cdrsOfCall(gateway, callId)).length === 1, 5000, 'one CDR');
  });

  test('a busy destination ends the call, with one CDR and no answer', async () => {
    const since = new Date();
    expectWire(await gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=originate&srcExtenId=5&dstNum=${BUSY_NUMBER}&customCDR1=busy-case`), SUCCESS);
    const callId = await endedClickToCallSince(gateway, since, 'the busy call to end');
    const cdrs = await cdrsOfCall(gateway, callId);
    expect(cdrs).toHaveLength(1);
    expect(cdrs[0]).toMatchObject({ to_number: BUSY_NUMBER, billsec: 0, answered_at: null, hangup_cause: 17 });
    expect(cdrs[0]?.data).toMatchObject({ customCDR1: 'busy-case' });
    expect(await clickToCallChannels(gateway)).toEqual([]);
  });

  test('an unanswered destination rings for dstRingTimeout, then the call ends with one CDR', async () => {
    const since = new Date();
    expectWire(await gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=originate&srcExtenId=5&dstNum=${SILENT_NUMBER}&dstRingTimeout=2`), SUCCESS);
    const ringingTrunk = await waitForChannels(gateway, (channels) => channels.some((channel) => channel.sourceType === 'trunk'), 'the destination to ring');
    expect(ringingTrunk.find((channel) => channel.sourceType === 'trunk')?.status).not.toBe('Up');
    const callId = await endedClickToCallSince(gateway, since, 'the unanswered call to end', 10000);
    const cdrs = await cdrsOfCall(gateway, callId);
    expect(cdrs).toHaveLength(1);
    expect(cdrs[0]).toMatchObject({ to_number: SILENT_NUMBER, billsec: 0, answered_at: null });
  });
});

describe('originate errors through the whole stack', () => {
  const get = (query: string) => gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=originate&${query}`);

  test.each(['srcExtenId=99', 'srcExtenPublicNum=111', 'srcExtenInternalNum=555', 'srcSipUsername=nobody', 'srcExtenId=5%27%20OR%201=1'])('errno 202: %s names no extension', async (selector) => {
    expectWire(await get(`${selector}&dstNum=800123456`), E202);
  });

  test('errno 200: two selectors', async () => {
    expectWire(await get('srcExtenId=5&srcSipUsername=sip100&dstNum=800123456'), E200);
  });

  test('errno 120: no selector, no dstNum', async () => {
    expectWire(await get('dstNum=800123456'), E120);
    expectWire(await get('srcExtenId=5'), E120);
  });

  test('errno 100 and 110 through the real credential store', async () => {
    expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=nope&action=originate&srcExtenId=5&dstNum=800123456'), E100);
    expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=originat'), E110);
  });

  test('checkExten: errno 226 while extension 5 is in a call; without checkExten a second call is placed', async () => {
    expectWire(await get('srcExtenId=5&dstNum=800123456'), SUCCESS);
    await waitForChannels(gateway, bothLegsUp, 'both legs up');
    expectWire(await get('srcExtenId=5&dstNum=800123457&checkExten=1'), E226);
    expectWire(await get('srcExtenId=5&dstNum=800123457'), SUCCESS);
    await waitForChannels(gateway, (channels) => channels.filter((channel) => channel.accountCode === 'SIP_5').length === 2, 'a second call on extension 5');
  });
});

describe('transport through the server app', () => {
  test('originate as a POST form body places the call', async () => {
    const response = await gateway.http.post('/api/api.php').type('form').send('username=voipsun&password=secretpwd&action=originate&srcExtenId=5&dstNum=800123456&customCDR1=posted');
    expectWire(response, SUCCESS);
    await waitForChannels(gateway, (channels) => channels.length === 2, 'both legs');
  });

  test('requests are in the API log, with the password redacted', async () => {
    const marker = `log-${Date.now()}`;
    await gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=listcalls&marker=${marker}`);
    const rows = await gateway.waitFor(async () => {
      const found = await gateway.query<{ dialect: string; operation: string; params: Record<string, string>; outcome: string; result: string; http_status: number }>(
        "SELECT dialect, operation, params, outcome, result, http_status FROM api_log WHERE params->>'marker' = $1",
        [marker],
      );
      return found.length > 0 ? found : undefined;
    }, 5000, 'the API log entry');
    expect(rows[0]).toMatchObject({ dialect: 'voipsun', operation: 'listcalls', outcome: 'success', result: 'true', http_status: 200 });
    expect(rows[0]?.params).toMatchObject({ username: 'voipsun', password: '[redacted]', action: 'listcalls' });
  });
});

describe('hangupcall and listcalls through the whole stack', () => {
  test('the document’s hang-up example: a channel that is not up is a success', async () => {
    expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=hangupcall&channelName=SIP\\5555-0000b704'), SUCCESS);
  });

  test('errno 400 and 120', async () => {
    expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=hangupcall&channelName='), E400);
    expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=hangupcall'), E120);
  });

  test('the document’s listcalls example: every value a string, the documented keys in order', async () => {
    const response = await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=listcalls');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.text).toMatch(/^\{"success":"true","total":"[0-9]+","results":\[/);
    const body = JSON.parse(response.text) as { total: string; results: ListedChannel[] };
    expect(body.total).toBe(String(body.results.length));
    for (const result of body.results) {
      expect(Object.keys(result)).toEqual(['channelName', 'context', 'src', 'dst', 'duration', 'status', 'accountCode', 'sourceType', 'idChannel']);
      for (const value of Object.values(result)) expect(typeof value).toBe('string');
    }
  });

  test('the demo agent’s phone (logged in through VICIdial) is listed with empty account fields', async () => {
    const phone = await gateway.waitFor(async () => (await listCalls(gateway)).results.find((result) => result.channelName.startsWith('PJSIP/1000-')), 8000, 'the agent phone');
    expect(phone).toMatchObject({ accountCode: '', sourceType: '', idChannel: '' });
  });
});
