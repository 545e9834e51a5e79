import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { demoSimulatorPhones } from '@pbx-gateway/server';
import { cdrsOfCall, clickToCallChannels, endedClickToCallSince, hangUpEverything, waitForChannels } from '../support/live-calls';
import { E100, E201, E203, E220, E225, expectWire, SUCCESS } from '../support/wire-expect';

/**
 * The demo tenant plus a second extension `100` (id 9) in dial plan
 * `branch`, whose phone the engine knows but which is not registered; the
 * phone of extension 6 (`sip101`) rings until someone answers it.
 */
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({
    // pbx-sim's network as pjsip.conf has it, plus sip100b known and unregistered (the real Asterisk has no sip100b at all).
    sim: { phones: [...demoSimulatorPhones.map((resource) => ({ resource })), { resource: 'sip100b', registered: false }] },
    extraProvisioning: {
      apiUsers: [
        { realm: 'voipsun', login: 'lister', secret: 'listpwd', permissions: ['Call list'] },
        { realm: 'voipsun', login: 'locked', secret: 'rightpwd', permissions: ['*'] },
        { realm: 'voipsun', login: 'retired', secret: 'retiredpwd', permissions: ['*'], active: false },
      ],
      extensions: [{ id: 9, internalNumber: '100', publicNumber: '299299900', sipUsername: 'sip100b', dialplan: 'branch' }],
    },
  });
  await gateway.farEnd.setPhone('sip101', { outcome: 'noanswer' });
}, 60000);

afterEach(async () => {
  await hangUpEverything(gateway);
});

afterAll(async () => {
  await gateway?.close();
});

const originate = (query: string) => gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=originate&${query}`);

test('errno 201: internal number 100 exists in dial plans default and branch', async () => {
  expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456'), E201);
  expect(await clickToCallChannels(gateway)).toEqual([]);
});

test('dialplanName=default picks extension 5, and the call is placed', async () => {
  expectWire(await originate('srcExtenInternalNum=100&dialplanName=default&dstNum=800123456'), SUCCESS);
  await waitForChannels(gateway, (channels) => channels.some((channel) => channel.accountCode === 'SIP_5'), 'extension 5 to ring');
});

test('errno 203: the named dial plan does not exist (reported before the ambiguity)', async () => {
  expectWire(await originate('srcExtenInternalNum=100&dialplanName=nowhere&dstNum=800123456'), E203);
  expectWire(await originate('srcExtenId=5&dialplanName=nowhere&dstNum=800123456'), E203);
});

test('other selectors are not ambiguous: the public number of extension 9 names it alone', async () => {
  // Extension 9's phone is not registered: the engine refuses to ring it (errno 220), which proves the lookup found it.
  expectWire(await originate('srcExtenPublicNum=299299900&dstNum=800123456'), E220);
});

test('errno 220: the engine will not ring an unregistered phone', async () => {
  expectWire(await originate('srcExtenInternalNum=100&dialplanName=branch&dstNum=800123456'), E220);
  expect(await clickToCallChannels(gateway)).toEqual([]);
});

test('checkExten: errno 220 for the unregistered extension, success for the registered idle one', async () => {
  expectWire(await originate('srcExtenInternalNum=100&dialplanName=branch&dstNum=800123456&checkExten=1'), E220);
  expectWire(await originate('srcExtenInternalNum=100&dialplanName=default&dstNum=800123456&checkExten=1'), SUCCESS);
  await waitForChannels(gateway, (channels) => channels.length === 2 && channels.every((channel) => channel.status === 'Up'), 'both legs up');
});

test('an extension that does not answer rings for srcRingTimeout (listed as Ringing, checkExten 225), then the call ends with one CDR', async () => {
  const since = new Date();
  expectWire(await originate('srcExtenId=6&srcRingTimeout=2&dstNum=800123456&customCDR2=unanswered'), SUCCESS);
  const [ringing] = await waitForChannels(gateway, (channels) => channels.some((channel) => channel.status === 'Ringing'), 'extension 6 ringing');
  expect(ringing).toMatchObject({ dst: '101', status: 'Ringing', accountCode: 'SIP_6', sourceType: 'extension', idChannel: '6' });
  expectWire(await originate('srcExtenId=6&dstNum=800123456&checkExten=1'), E225);
  const callId = await endedClickToCallSince(gateway, since, 'the call to end');
  const cdrs = await cdrsOfCall(gateway, callId);
  expect(cdrs).toHaveLength(1);
  expect(cdrs[0]).toMatchObject({ to_number: '800123456', answered_at: null, billsec: 0 });
  expect(cdrs[0]?.data).toMatchObject({ customCDR2: 'unanswered' });
  const legs = await gateway.query<{ role: string }>('SELECT role FROM legs WHERE call_id = $1', [callId]);
  expect(legs).toEqual([{ role: 'source' }]);
});

describe('API users from the provisioning', () => {
  test('a user with only "Call list" may list calls but not originate or hang up', async () => {
    expect((await gateway.http.get('/api/api.php?username=lister&password=listpwd&action=listcalls')).text).toMatch(/^\{"success":"true","total":/);
    expectWire(await gateway.http.get('/api/api.php?username=lister&password=listpwd&action=originate&srcExtenId=5&dstNum=800123456'), E100);
    expectWire(await gateway.http.get('/api/api.php?username=lister&password=listpwd&action=hangupcall&channelName=PJSIP/x'), E100);
  });

  test('an inactive user gets errno 100', async () => {
    expectWire(await gateway.http.get('/api/api.php?username=retired&password=retiredpwd&action=listcalls'), E100);
  });

  test('after ten wrong passwords even the right one gets errno 100 (lock-out)', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expectWire(await gateway.http.get(`/api/api.php?username=locked&password=wrong${attempt}&action=listcalls`), E100);
    }
    expectWire(await gateway.http.get('/api/api.php?username=locked&password=rightpwd&action=listcalls'), E100);
  });
});
