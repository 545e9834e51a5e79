import supertest from 'supertest';
import { PbxFailure } from '@pbx-gateway/core';
import { appWith, createVoipsunCore, storeLiveCall, type VoipsunCore } from '../support/voipsun-core';
import { BASE, E120, E400, E401, E900, E901, expectWire, SUCCESS } from '../support/wire-expect';

let fake: VoipsunCore;
let http: ReturnType<typeof supertest>;

beforeEach(async () => {
  fake = await createVoipsunCore();
  http = supertest(appWith(fake));
});

/** Extension 100 rung by a click-to-call: its leg is channel PJSIP/sip100-00000001 on the engine. */
async function extensionRinging(): Promise<string> {
  fake.t.pbx.setPhone('sip100', { outcome: 'noanswer' });
  expectWire(await http.get(`${BASE}&action=originate&srcExtenId=5&dstNum=800123456`), SUCCESS);
  await fake.t.settle();
  const [leg] = fake.t.pbx.originated();
  return leg!.legId;
}

describe('hangupcall', () => {
  test('the document’s example (SIP\\5555-0000b704) is read as PJSIP/5555-0000b704; a channel that is not up is a success', async () => {
    const legId = await extensionRinging();
    // Were it read otherwise, the strict setting would refuse it as a channel that is not up.
    const strict = supertest(appWith(fake, { strictHangup: true }));
    expectWire(await strict.get(`${BASE}&action=hangupcall&channelName=SIP\\sip100-00000001`), SUCCESS);
    expect(fake.t.pbx.hungUp()).toEqual([legId]);
    expectWire(await http.get(`${BASE}&action=hangupcall&channelName=SIP\\5555-0000b704`), SUCCESS);
    expect(fake.t.pbx.hungUp()).toEqual([legId]);
  });

  test('a live channel is hung up by its PJSIP name', async () => {
    const legId = await extensionRinging();
    expectWire(await http.get(`${BASE}&action=hangupcall&channelName=PJSIP/sip100-00000001`), SUCCESS);
    expect(fake.t.pbx.hungUp()).toEqual([legId]);
  });

  test('a live channel is hung up by its SIP/ name', async () => {
    const legId = await extensionRinging();
    const strict = supertest(appWith(fake, { strictHangup: true, channelPrefix: 'SIP' }));
    expectWire(await strict.get(`${BASE}&action=hangupcall&channelName=SIP/sip100-00000001`), SUCCESS);
    expect(fake.t.pbx.hungUp()).toEqual([legId]);
  });

  test('errno 401 for a channel that is not up, when strictHangup is set', async () => {
    const strict = supertest(appWith(fake, { strictHangup: true }));
    expectWire(await strict.get(`${BASE}&action=hangupcall&channelName=SIP\\5555-0000b704`), E401);
  });

  test('errno 400: channelName is empty', async () => {
    expectWire(await http.get(`${BASE}&action=hangupcall&channelName=`), E400);
    expect(fake.t.pbx.hungUp()).toHaveLength(0);
  });

  test('errno 120: channelName is missing', async () => {
    expectWire(await http.get(`${BASE}&action=hangupcall`), E120);
    expectWire(await http.get(`${BASE}&action=hangupcall&channelname=PJSIP/x`), E120);
  });

  test('errno 900 when the engine is not connected (after the parameter checks)', async () => {
    await extensionRinging();
    fake.t.pbx.setAvailable(false);
    expectWire(await http.get(`${BASE}&action=hangupcall&channelName=`), E400);
    expectWire(await http.get(`${BASE}&action=hangupcall&channelName=PJSIP/sip100-00000001`), E900);
    expect(fake.t.pbx.hungUp()).toHaveLength(0);
  });

  test('the engine going away or refusing while hanging up', async () => {
    await extensionRinging();
    fake.t.pbx.failNext('hangup', new PbxFailure('unavailable', 'no connection to the engine'));
    expectWire(await http.get(`${BASE}&action=hangupcall&channelName=PJSIP/sip100-00000001`), E900);
    fake.t.pbx.failNext('hangup', new PbxFailure('rejected', 'hangup refused', 422));
    expectWire(await http.get(`${BASE}&action=hangupcall&channelName=PJSIP/sip100-00000001`), E901);
  });

  test('an overlong name names no channel and is not looked up', async () => {
    expectWire(await http.get(`${BASE}&action=hangupcall&channelName=${'A'.repeat(5000)}`), SUCCESS);
    expect(fake.t.pbx.hungUp()).toHaveLength(0);
  });
});

describe('listcalls', () => {
  test('no call up: total "0" and no results', async () => {
    expectWire(await http.get(`${BASE}&action=listcalls`), '{"success":"true","total":"0","results":[]}');
  });

  test('one result per live leg, in the document’s shape, key order and string types', async () => {
    const now = fake.t.clock.nowMs();
    const started = new Date(now - 529_400);
    await storeLiveCall(fake.t, 
        'c1',
        [
          { channelName: 'PJSIP/sip100-00000001', context: 'default', callerNumber: '000', dialedNumber: '100', state: 'up', account: { kind: 'extension', id: 5 } },
          {
            channelName: 'PJSIP/800123456@upc-00000002',
            context: 'from-trunk',
            callerNumber: '299299000',
            dialedNumber: '800123456',
            state: 'ringing',
            account: { kind: 'trunk', id: 1 },
            createdAt: new Date(now - 3_999),
          },
        ],
        started,
    );
    expectWire(
      await http.get(`${BASE}&action=listcalls`),
      '{"success":"true","total":"2","results":[' +
        '{"channelName":"PJSIP/sip100-00000001","context":"default","src":"000","dst":"100","duration":"529","status":"Up","accountCode":"SIP_5","sourceType":"extension","idChannel":"5"},' +
        '{"channelName":"PJSIP/800123456@upc-00000002","context":"from-trunk","src":"299299000","dst":"800123456","duration":"3","status":"Ringing","accountCode":"SIPTR_1","sourceType":"trunk","idChannel":"1"}]}',
    );
  });

  test('with channelPrefix SIP the names show as chan_sip names', async () => {
    await storeLiveCall(fake.t, 'c1', [{ channelName: 'PJSIP/sip100-00000001', account: { kind: 'extension', id: 5 } }], fake.t.clock.now());
    const sip = supertest(appWith(fake, { channelPrefix: 'SIP' }));
    const response = await sip.get(`${BASE}&action=listcalls`);
    expect(JSON.parse(response.text).results[0].channelName).toBe('SIP/sip100-00000001');
  });

  test('requests sharing one listing of the core each get it with their own channel prefix', async () => {
    await storeLiveCall(fake.t, 'c1', [{ channelName: 'PJSIP/sip100-00000001', account: { kind: 'extension', id: 5 } }], fake.t.clock.now());
    const shared = await fake.core.listLiveChannels();
    fake.core = { ...fake.core, listLiveChannels: async () => shared };
    const sip = supertest(appWith(fake, { channelPrefix: 'SIP' }));
    const names = async (client: ReturnType<typeof supertest>) => (JSON.parse((await client.get(`${BASE}&action=listcalls`)).text) as { results: Array<{ channelName: string }> }).results.map((result) => result.channelName);
    expect(await names(http)).toEqual(['PJSIP/sip100-00000001']);
    expect(await names(sip)).toEqual(['SIP/sip100-00000001']);
    expect(await names(http)).toEqual(['PJSIP/sip100-00000001']);
  });

  test('a leg still being dialled shows Down; a leg without an account shows empty account fields', async () => {
    await storeLiveCall(fake.t, 'c1', [{ channelName: 'PJSIP/1000-00000009', state: 'dialing', account: null, callerNumber: '8600051', dialedNumber: '' }], fake.t.clock.now());
    expectWire(
      await http.get(`${BASE}&action=listcalls`),
      '{"success":"true","total":"1","results":[{"channelName":"PJSIP/1000-00000009","context":"default","src":"8600051","dst":"","duration":"0","status":"Down","accountCode":"","sourceType":"","idChannel":""}]}',
    );
  });

  test('ended legs and legs the engine has not named are left out', async () => {
    await storeLiveCall(fake.t, 'c1', [{ channelName: 'PJSIP/sip100-00000001', state: 'ended' }, { channelName: null, state: 'dialing' }, { channelName: 'PJSIP/x-3' }], fake.t.clock.now());
    const body = JSON.parse((await http.get(`${BASE}&action=listcalls`)).text) as { total: string; results: Array<{ channelName: string }> };
    expect(body.total).toBe('1');
    expect(body.results.map((result) => result.channelName)).toEqual(['PJSIP/x-3']);
  });

  test('a leg created after the clock reading (clock skew) shows duration 0', async () => {
    await storeLiveCall(fake.t, 'c1', [{ channelName: 'PJSIP/x-1' }], new Date(fake.t.clock.nowMs() + 5000));
    const body = JSON.parse((await http.get(`${BASE}&action=listcalls`)).text) as { results: Array<{ duration: string }> };
    expect(body.results[0]?.duration).toBe('0');
  });

  test('extra parameters are ignored', async () => {
    expectWire(await http.get(`${BASE}&action=listcalls&channelName=x&total=9`), '{"success":"true","total":"0","results":[]}');
  });

  test('errno 900 when the engine is not connected', async () => {
    fake.t.pbx.setAvailable(false);
    expectWire(await http.get(`${BASE}&action=listcalls`), E900);
  });
});
