import supertest from 'supertest';
import { PbxFailure } from '@pbx-gateway/core';
import { appWith, createVoipsunCore, extension, type VoipsunCore } from '../support/voipsun-core';
import {
  BASE,
  E120,
  E200,
  E201,
  E202,
  E203,
  E220,
  E221,
  E225,
  E226,
  E227,
  E228,
  E250,
  E900,
  expectWire,
  SUCCESS,
} from '../support/wire-expect';

let fake: VoipsunCore;
let http: ReturnType<typeof supertest>;

beforeEach(async () => {
  fake = await createVoipsunCore();
  http = supertest(appWith(fake));
});

const originate = (query: string): Promise<supertest.Response> => http.get(`${BASE}&action=originate&${query}`);

describe('originate: the four source selectors (the document’s example URLs)', () => {
  test.each([
    ['srcExtenPublicNum=299299000', { by: 'public_number', value: '299299000' }],
    ['srcExtenInternalNum=100', { by: 'internal_number', value: '100' }],
    ['srcExtenId=5', { by: 'id', value: '5' }],
    ['srcSipUsername=sip100', { by: 'sip_username', value: 'sip100' }],
  ])('%s&dstNum=800123456 starts a click-to-call from that extension', async (selector, expected) => {
    expectWire(await originate(`${selector}&dstNum=800123456`), SUCCESS);
    expect(fake.clickToCalls).toHaveLength(1);
    expect(fake.clickToCalls[0]).toEqual({
      source: expected,
      dialplan: null,
      destination: '800123456',
      sourceCallerId: { number: '000', name: 'Dialer' },
      destinationCallerId: null,
      sourceRingSec: null,
      destinationRingSec: null,
      recording: null,
      data: {},
      origin: { dialect: 'voipsun', operation: 'originate', apiUserId: 'u-voipsun' },
    });
  });

  test('dialplanName names the dial plan of the extension', async () => {
    expectWire(await originate('srcExtenInternalNum=100&dialplanName=default&dstNum=800123456'), SUCCESS);
    expect(fake.clickToCalls[0]?.dialplan).toBe('default');
  });
});

describe('originate: errors in the documented order', () => {
  test('errno 200: more than one source selector', async () => {
    expectWire(await originate('srcExtenPublicNum=299299000&srcExtenInternalNum=100&dstNum=800123456'), E200);
    expectWire(await originate('srcExtenId=5&srcSipUsername=sip100&srcExtenPublicNum=299299000&srcExtenInternalNum=100&dstNum=800123456'), E200);
    expect(fake.clickToCalls).toHaveLength(0);
  });

  test('an empty selector counts as not supplied', async () => {
    expectWire(await originate('srcExtenPublicNum=&srcExtenInternalNum=100&dstNum=800123456'), SUCCESS);
    expect(fake.clickToCalls[0]?.source).toEqual({ by: 'internal_number', value: '100' });
  });

  test.each([
    ['no selector', 'dstNum=800123456'],
    ['only empty selectors', 'srcExtenId=&srcSipUsername=&dstNum=800123456'],
    ['no dstNum', 'srcExtenInternalNum=100'],
    ['an empty dstNum', 'srcExtenInternalNum=100&dstNum='],
    ['a dstNum that is no number', 'srcExtenInternalNum=100&dstNum=abc'],
    ['a dstNum with spaces', 'srcExtenInternalNum=100&dstNum=800%20123%20456'],
    ['a dstNum with shell metacharacters', 'srcExtenInternalNum=100&dstNum=800%3Brm%20-rf'],
    ['an overlong dstNum', `srcExtenInternalNum=100&dstNum=${'1'.repeat(40)}`],
    ['the document’s misspelt dstNum', 'srcExtenInternalNum=100&dstnum=800123456'],
    ['missing dstNum even with two selectors (120 before 200)', 'srcExtenInternalNum=100&srcExtenId=5'],
  ])('errno 120: %s', async (_what, query) => {
    expectWire(await originate(query), E120);
    expect(fake.clickToCalls).toHaveLength(0);
  });

  test('errno 201: the selector names two extensions', async () => {
    await fake.t.store.direct.extensions.upsert(extension(8, '100', '299299100', 'sip100b', 'branch'));
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456'), E201);
  });

  test('errno 202: no extension has it; errno 203: no extension is in that dial plan', async () => {
    expectWire(await originate('srcExtenInternalNum=999&dstNum=800123456'), E202);
    expectWire(await originate('srcExtenInternalNum=100&dialplanName=nowhere&dstNum=800123456'), E203);
  });

  test('errno 250: no trunk to call the destination over', async () => {
    const trunkless = await createVoipsunCore({ trunks: false });
    expectWire(await supertest(appWith(trunkless)).get(`${BASE}&action=originate&srcExtenInternalNum=100&dstNum=800123456`), E250);
  });

  test('errno 900: the engine away; errno 220: the engine refusing to ring the extension', async () => {
    fake.t.pbx.failNext('originate', new PbxFailure('rejected', 'originate refused', 422));
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456'), E220);
    fake.t.pbx.setAvailable(false);
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456'), E900);
  });

  test('a dstNum with a leading + and service codes is dialable', async () => {
    expectWire(await originate('srcExtenInternalNum=100&dstNum=%2B420800123456'), SUCCESS);
    expectWire(await originate('srcExtenInternalNum=100&dstNum=*99%23'), SUCCESS);
    expect(fake.clickToCalls.map((request) => request.destination)).toEqual(['+420800123456', '*99#']);
  });
});

describe('originate: caller ids, ring times, CDR fields', () => {
  test('customCDR1–4 are kept with the call for its CDR', async () => {
    expectWire(await originate('srcExtenId=5&dstNum=800123456&customCDR1=crm-42&customCDR2=lead%207&customCDR3=&customCDR4=%C5%BElu%C5%A5ou%C4%8Dk%C3%BD'), SUCCESS);
    expect(fake.clickToCalls[0]?.data).toEqual({ customCDR1: 'crm-42', customCDR2: 'lead 7', customCDR3: '', customCDR4: 'žluťoučký' });
  });

  test('custom CDR values longer than the CDR column are cut to 255 characters, never inside a character', async () => {
    const long = '😀'.repeat(300);
    expectWire(await originate(`srcExtenId=5&dstNum=800123456&customCDR1=${encodeURIComponent(long)}`), SUCCESS);
    expect(fake.clickToCalls[0]?.data.customCDR1).toBe('😀'.repeat(255));
  });

  test('dialerCid is the number the extension sees, and the name defaults to it', async () => {
    expectWire(await originate('srcExtenId=5&dstNum=800123456&dialerCid=299299000'), SUCCESS);
    expect(fake.clickToCalls[0]?.sourceCallerId).toEqual({ number: '299299000', name: '299299000' });
  });

  test('dialerName names the caller shown on the extension', async () => {
    expectWire(await originate('srcExtenId=5&dstNum=800123456&dialerName=CRM%20call'), SUCCESS);
    expect(fake.clickToCalls[0]?.sourceCallerId).toEqual({ number: '000', name: 'CRM call' });
  });

  test.each(['1', '2', '3', '4'])('dialerCid=customCDR%s shows that custom field', async (n) => {
    expectWire(await originate(`srcExtenId=5&dstNum=800123456&customCDR${n}=777888999&dialerCid=customCDR${n}`), SUCCESS);
    expect(fake.clickToCalls[0]?.sourceCallerId).toEqual({ number: '777888999', name: '777888999' });
  });

  test('dialerCid naming an empty custom field falls back to 000', async () => {
    expectWire(await originate('srcExtenId=5&dstNum=800123456&dialerCid=customCDR2'), SUCCESS);
    expect(fake.clickToCalls[0]?.sourceCallerId).toEqual({ number: '000', name: '000' });
  });

  test('dialerCid=customCDR5 is an ordinary value', async () => {
    expectWire(await originate('srcExtenId=5&dstNum=800123456&dialerCid=customCDR5'), SUCCESS);
    expect(fake.clickToCalls[0]?.sourceCallerId.number).toBe('customCDR5');
  });

  test('caller ids lose control characters and are shortened', async () => {
    expectWire(await originate(`srcExtenId=5&dstNum=800123456&dialerCid=12%0D%0A3&dialerName=${'N'.repeat(200)}&overrideCallerId=%0A`), SUCCESS);
    expect(fake.clickToCalls[0]?.sourceCallerId).toEqual({ number: '123', name: 'N'.repeat(80) });
    expect(fake.clickToCalls[0]?.destinationCallerId).toBeNull();
  });

  test('overrideCallerId is what the destination sees', async () => {
    expectWire(await originate('srcExtenId=5&dstNum=800123456&overrideCallerId=299299555'), SUCCESS);
    expect(fake.clickToCalls[0]?.destinationCallerId).toBe('299299555');
  });

  test('srcRingTimeout and dstRingTimeout are the ring times in seconds', async () => {
    expectWire(await originate('srcExtenId=5&dstNum=800123456&srcRingTimeout=15&dstRingTimeout=40'), SUCCESS);
    expect(fake.clickToCalls[0]).toMatchObject({ sourceRingSec: 15, destinationRingSec: 40 });
  });

  test.each(['0', '-5', 'abc', '1.5', '3601', '99999999', ''])('ring time %p is no ring time: the default applies', async (value) => {
    expectWire(await originate(`srcExtenId=5&dstNum=800123456&srcRingTimeout=${value}&dstRingTimeout=${value}`), SUCCESS);
    expect(fake.clickToCalls[0]).toMatchObject({ sourceRingSec: null, destinationRingSec: null });
  });

  test('macro is accepted and ignored; without monitorFilename or monitorPath nothing is recorded', async () => {
    expectWire(await originate('srcExtenId=5&dstNum=800123456&monitorType=mixmonitor&macro=evil'), SUCCESS);
    expect(fake.clickToCalls[0]?.recording).toBeNull();
    expect(fake.clickToCalls[0]?.data).toEqual({ monitorType: 'mixmonitor' });
  });
});

describe('originate: monitorFilename, monitorPath, monitorType', () => {
  const roots = { recordingRoots: { '/var/spool/asterisk/recording': '', '/mnt/nas_server/asterisk': 'nas' } };
  const withRoots = (query: string): Promise<supertest.Response> =>
    supertest(appWith(fake, roots)).get(`${BASE}&action=originate&srcExtenId=5&dstNum=800123456&${query}`);

  test('monitorFilename records the call under that name in the recordings store; the wishes stay in the CDR data', async () => {
    expectWire(await originate('srcExtenId=5&dstNum=800123456&monitorFilename=call_42&monitorType=mixmonitor'), SUCCESS);
    expect(fake.clickToCalls[0]?.recording).toEqual({ directory: null, name: 'call_42' });
    expect(fake.clickToCalls[0]?.data).toEqual({ monitorFilename: 'call_42', monitorType: 'mixmonitor' });
  });

  test('a .wav extension is the format the gateway records in, and is left to it', async () => {
    expectWire(await originate('srcExtenId=5&dstNum=800123456&monitorFilename=call_42.WAV&monitorType=monitor'), SUCCESS);
    expect(fake.clickToCalls[0]?.recording).toEqual({ directory: null, name: 'call_42' });
  });

  test('monitorPath inside a recording root names that directory of the store; alone, the gateway names the file', async () => {
    expectWire(await withRoots('monitorPath=/mnt/nas_server/asterisk/2018&monitorFilename=x-1'), SUCCESS);
    expect(fake.clickToCalls[0]?.recording).toEqual({ directory: 'nas/2018', name: 'x-1' });
    expectWire(await withRoots('monitorPath=/var/spool/asterisk/recording'), SUCCESS);
    expect(fake.clickToCalls[1]?.recording).toEqual({ directory: null, name: null });
  });

  test.each([
    ['a file name climbing out of the store', 'monitorFilename=..%2F..%2Fetc%2Fpasswd'],
    ['a file name with a directory', 'monitorFilename=a%2Fb'],
    ['a file name of another format', 'monitorFilename=call.mp3'],
    ['a file name with shell characters', 'monitorFilename=a%3Brm'],
    ['only an extension', 'monitorFilename=.wav'],
    ['a path outside every root', 'monitorPath=/etc'],
    ['a path next to a root', 'monitorPath=/mnt/nas_server/asterisk2018'],
    ['a path climbing out of a root', 'monitorPath=/mnt/nas_server/asterisk/../../etc'],
    ['a relative path', 'monitorPath=nas/2018'],
  ])('errno 120: %s; nothing is dialled', async (_what, query) => {
    expectWire(await withRoots(query), E120);
    expect(fake.clickToCalls).toHaveLength(0);
  });

  test.each([
    ['mixmonitor', 'monitorType=mixmonitor'],
    ['monitor', 'monitorType=monitor'],
    ['MixMonitor (application names are not case-sensitive)', 'monitorType=MixMonitor'],
    ['an application the document does not name', 'monitorType=record'],
    ['none', ''],
  ])('monitorType %s: one file of both sides mixed, under the name asked; the value stays in the CDR data as written', async (_what, query) => {
    expectWire(await originate(`srcExtenId=5&dstNum=800123456&monitorFilename=call_42&${query}`), SUCCESS);
    expect(fake.clickToCalls[0]?.recording).toEqual({ directory: null, name: 'call_42' });
    expect(fake.clickToCalls[0]?.data).toEqual({ monitorFilename: 'call_42', ...(query === '' ? {} : { monitorType: query.slice('monitorType='.length) }) });
  });

  test('monitorType alone records nothing: the document records only with a file name (or path) given', async () => {
    expectWire(await originate('srcExtenId=5&dstNum=800123456&monitorType=monitor'), SUCCESS);
    expect(fake.clickToCalls[0]?.recording).toBeNull();
    expect(fake.clickToCalls[0]?.data).toEqual({ monitorType: 'monitor' });
  });

  test('unknown parameters are ignored', async () => {
    expectWire(await originate('srcExtenId=5&dstNum=800123456&foo=bar&dstSipUsernamem=sip102'), SUCCESS);
  });
});

describe('originate: checkExten, checkIpHost, checkIpContact', () => {
  const check = (extra = ''): Promise<supertest.Response> => originate(`srcExtenInternalNum=100&dstNum=800123456&checkExten=1${extra}`);

  test('an idle, registered extension is called', async () => {
    expectWire(await check(), SUCCESS);
    expect(fake.clickToCalls).toHaveLength(1);
  });

  test('errno 228 instead, when the settings ask for it', async () => {
    const strict = supertest(appWith(fake, { checkExtenReportsIdle: true }));
    expectWire(await strict.get(`${BASE}&action=originate&srcExtenInternalNum=100&dstNum=800123456&checkExten=yes`), E228);
    expect(fake.clickToCalls).toHaveLength(0);
  });

  test('errno 220: the extension’s device is not registered', async () => {
    fake.t.pbx.endpointList = fake.t.pbx.endpointList.map((endpoint) => ({ ...endpoint, online: endpoint.resource !== 'sip100' }));
    expectWire(await check(), E220);
    expect(fake.clickToCalls).toHaveLength(0);
  });

  test('errno 220: the engine does not know the device at all', async () => {
    fake.t.pbx.endpointList = fake.t.pbx.endpointList.filter((endpoint) => endpoint.resource !== 'sip100');
    expectWire(await check(), E220);
  });

  test.each([
    ['up', E226],
    ['ringing', E225],
    ['dialing', E221],
  ] as const)('a channel of the extension that is %s is reported as its Asterisk state', async (state, body) => {
    // A first click-to-call rings extension 100: the phone rings, answers (then its leg is up), or is still being dialled.
    if (state !== 'dialing') fake.t.pbx.setPhone('sip100', { outcome: state === 'up' ? 'answer' : 'noanswer' });
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456'), SUCCESS);
    await fake.t.settle();
    const [leg] = fake.t.pbx.originated();
    fake.t.pbx.endpointList = fake.t.pbx.endpointList.map((endpoint) => (endpoint.resource === 'sip100' ? { ...endpoint, channelIds: [leg!.legId] } : endpoint));
    expectWire(await check(), body);
    expect(fake.clickToCalls).toHaveLength(1);
  });

  test('errno 227: the extension has a channel the gateway did not set up', async () => {
    fake.t.pbx.endpointList = fake.t.pbx.endpointList.map((endpoint) => (endpoint.resource === 'sip100' ? { ...endpoint, channelIds: ['1714550000.17'] } : endpoint));
    expectWire(await check(), E227);
  });

  test('errno 900 when the engine is not connected', async () => {
    fake.t.pbx.setAvailable(false);
    expectWire(await check(), E900);
  });

  test('errno 900 when the engine fails to answer the device query', async () => {
    // The engine drops the connection while the device list is read.
    const { pbx } = fake.t;
    pbx.endpoints = async () => {
      pbx.setAvailable(false);
      throw new PbxFailure('unavailable', 'read devices: socket hang up');
    };
    expectWire(await check(), E900);
  });

  test('without checkExten the device state is not asked', async () => {
    let asked = false;
    fake.t.pbx.endpoints = async () => {
      asked = true;
      return [];
    };
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456&checkExten='), SUCCESS);
    expect(asked).toBe(false);
  });

  test('an ambiguous extension is not checked: placing the call reports 201', async () => {
    await fake.t.store.direct.extensions.upsert(extension(8, '100', '299299100', 'sip100b', 'branch'));
    expectWire(await check(), E201);
  });

  /** The phone of extension 100 registered from 203.0.113.5, its contact naming its address behind NAT. */
  const registeredBehindNat = (): void => {
    fake.t.pbx.contactsByAor.set('sip100', {
      qualified: true,
      contacts: [{ uri: 'sip:sip100@10.0.0.5:5062', origin: 'registered', host: '203.0.113.5', port: 5062, uriHost: '10.0.0.5', userAgent: 'snom870' }],
    });
  };
  const E210 = (registered: string, requested: string): string =>
    `{"success":"false","errno":"210","reason":"SIP host IP address mismatch. Channel PJSIP/sip100 is registered from IP ${registered} but requested IP address is ${requested}"}`;
  const E211 = (registered: string, requested: string): string =>
    `{"success":"false","errno":"211","reason":"SIP host contact IP address mismatch. Contact IP address of the channel PJSIP/sip100 is ${registered}, but requested IP address is ${requested}"}`;

  test('checkIpHost and checkIpContact that match where the phone registered from and its contact: the call is placed', async () => {
    registeredBehindNat();
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456&checkIpHost=203.0.113.5&checkIpContact=10.0.0.5'), SUCCESS);
    expect(fake.clickToCalls).toHaveLength(1);
  });

  test('errno 210: the phone registered from another address; nothing is dialled', async () => {
    registeredBehindNat();
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456&checkIpHost=10.0.0.5'), E210('203.0.113.5', '10.0.0.5'));
    expect(fake.clickToCalls).toHaveLength(0);
  });

  test('errno 211: the contact names another address', async () => {
    registeredBehindNat();
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456&checkIpContact=203.0.113.5'), E211('10.0.0.5', '203.0.113.5'));
    expect(fake.clickToCalls).toHaveLength(0);
  });

  test('a phone with no contact is at (Unspecified), which no address matches', async () => {
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456&checkIpHost=10.0.0.1'), E210('(Unspecified)', '10.0.0.1'));
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456&checkIpContact=10.0.0.1'), E211('(Unspecified)', '10.0.0.1'));
  });

  test('210 is checked before 211, and both before checkExten', async () => {
    registeredBehindNat();
    fake.t.pbx.endpointList = fake.t.pbx.endpointList.map((endpoint) => ({ ...endpoint, online: endpoint.resource !== 'sip100' }));
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456&checkExten=1&checkIpHost=1.2.3.4&checkIpContact=1.2.3.4'), E210('203.0.113.5', '1.2.3.4'));
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456&checkExten=1&checkIpHost=203.0.113.5&checkIpContact=1.2.3.4'), E211('10.0.0.5', '1.2.3.4'));
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456&checkExten=1&checkIpHost=203.0.113.5&checkIpContact=10.0.0.5'), E220);
  });

  test('empty checkIpHost and checkIpContact are not asked for', async () => {
    expectWire(await originate('srcExtenInternalNum=100&dstNum=800123456&checkIpHost=&checkIpContact='), SUCCESS);
  });
});
