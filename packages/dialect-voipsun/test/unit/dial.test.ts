import supertest from 'supertest';
import { appWith, createVoipsunCore, type VoipsunCore } from '../support/voipsun-core';
import { BASE, E100, E120, E250, E251, E900, expectWire, SUCCESS } from '../support/wire-expect';

let fake: VoipsunCore;
let http: ReturnType<typeof supertest>;
const CONTEXTS = { dialContexts: ['pospojeni', 'nevyzvednuto'] };

beforeEach(async () => {
  fake = await createVoipsunCore();
  http = supertest(appWith(fake, CONTEXTS));
});

const dial = (query: string): Promise<supertest.Response> => http.get(`${BASE}&action=dial&${query}`);

/** The one call placed, as stored. */
async function placedCall() {
  const calls = await fake.t.core.listLiveCalls();
  expect(calls).toHaveLength(1);
  return calls[0]!.call;
}

describe('dial: the document’s example', () => {
  test('…&dialerCid=299299000&dstNum=800123456&outrouteName=odchozi&context=pospojeni&hangupContext=nevyzvednuto dials over the route into the context', async () => {
    await fake.t.store.direct.trunks.upsert({ id: 3, name: 'odchozi', dialTemplate: 'PJSIP/{number}@odchozi', callerIdPool: [] });
    expectWire(await dial('dialerCid=299299000&dstNum=800123456&outrouteName=odchozi&context=pospojeni&hangupContext=nevyzvednuto'), SUCCESS);
    expect(fake.t.pbx.originated()).toEqual([
      expect.objectContaining({ endpoint: 'PJSIP/800123456@odchozi', callerId: { number: '299299000' } }),
    ]);
    const call = await placedCall();
    expect(call).toMatchObject({
      purpose: 'context_dial',
      toNumber: '800123456',
      fromNumber: '299299000',
      progress: { stage: 'dialing', trunkId: 3, context: 'pospojeni', hangupContext: 'nevyzvednuto' },
      origin: { dialect: 'voipsun', operation: 'dial', apiUserId: 'u-voipsun' },
    });
  });
});

describe('dial: parameters', () => {
  test('outrouteId names the route by id, and wins over outrouteName', async () => {
    expectWire(await dial('dstNum=800123456&outrouteId=1&outrouteName=nonexistent&context=pospojeni'), SUCCESS);
    expect((await placedCall()).progress).toMatchObject({ trunkId: 1, hangupContext: null });
  });

  test('overrideCallerId is what the destination sees, before dialerCid; dialerCid may name a custom field', async () => {
    expectWire(await dial('dstNum=800123456&outrouteId=1&context=pospojeni&dialerCid=111&overrideCallerId=222'), SUCCESS);
    expectWire(await dial('dstNum=800123457&outrouteId=1&context=pospojeni&dialerCid=customCDR2&customCDR2=333'), SUCCESS);
    expect(fake.t.pbx.originated().map((request) => request.callerId)).toEqual([{ number: '222' }, { number: '333' }]);
  });

  test('custom CDR fields and recording wishes are kept with the call; dstRingTimeout is the ring time', async () => {
    expectWire(await dial('dstNum=800123456&outrouteId=1&context=pospojeni&customCDR1=lead-7&monitorFilename=x.wav&dstRingTimeout=12&macro=m'), SUCCESS);
    expect((await placedCall()).data).toEqual({ customCDR1: 'lead-7', monitorFilename: 'x.wav' });
    expect((await placedCall()).progress).toMatchObject({ recording: { directory: null, name: 'x' } });
    expect(fake.t.pbx.originated()[0]?.timeoutSec).toBe(12);
  });
});

describe('dial: monitorFilename, monitorPath', () => {
  test('record the call as for originate', async () => {
    expectWire(await dial('dstNum=800123456&outrouteId=1&context=pospojeni&monitorFilename=dial_7.wav'), SUCCESS);
    expect((await placedCall()).progress).toMatchObject({ recording: { directory: null, name: 'dial_7' } });
  });

  test.each([
    ['a file name with a directory', 'monitorFilename=..%2Fx'],
    ['a path outside the roots', 'monitorPath=/etc'],
  ])('errno 120: %s; nothing is dialled', async (_what, monitor) => {
    expectWire(await dial(`dstNum=800123456&outrouteId=1&context=pospojeni&${monitor}`), E120);
    expect(fake.t.pbx.originated()).toEqual([]);
  });
});

describe('dial: errors in the documented order', () => {
  test.each([
    ['no dstNum', 'outrouteId=1&context=pospojeni'],
    ['a dstNum that is no number', 'dstNum=abc&outrouteId=1&context=pospojeni'],
    ['no route named', 'dstNum=800123456&context=pospojeni'],
    ['empty route names', 'dstNum=800123456&outrouteId=&outrouteName=&context=pospojeni'],
    ['no context', 'dstNum=800123456&outrouteId=1'],
    ['an empty context', 'dstNum=800123456&outrouteId=1&context='],
  ])('errno 120: %s', async (_what, query) => {
    expectWire(await dial(query), E120);
    expect(fake.t.pbx.originated()).toEqual([]);
  });

  test.each([
    ['a context not provisioned', 'dstNum=800123456&outrouteId=1&context=elsewhere'],
    ['a hangupContext not provisioned', 'dstNum=800123456&outrouteId=1&context=pospojeni&hangupContext=elsewhere'],
    ['a context that is a path', 'dstNum=800123456&outrouteId=1&context=..%2Fpospojeni'],
    ['before an unknown route', 'dstNum=800123456&outrouteName=nonexistent&context=elsewhere'],
  ])('errno 251: %s; nothing is dialled', async (_what, query) => {
    expectWire(await dial(query), E251);
    expect(fake.t.pbx.originated()).toEqual([]);
  });

  test.each([
    ['an unknown route name', 'outrouteName=nonexistent'],
    ['an unknown route id', 'outrouteId=99'],
    ['a route id that is no number', 'outrouteId=1%20OR%201=1'],
  ])('errno 250: %s; nothing is dialled', async (_what, route) => {
    expectWire(await dial(`dstNum=800123456&${route}&context=pospojeni`), E250);
    expect(fake.t.pbx.originated()).toEqual([]);
  });

  test('without provisioned contexts every context is 251', async () => {
    const unprovisioned = supertest(appWith(fake));
    expectWire(await unprovisioned.get(`${BASE}&action=dial&dstNum=800123456&outrouteId=1&context=pospojeni`), E251);
  });

  test('errno 100 without the Originate permission', async () => {
    expectWire(await http.get('/api/api.php?username=lister&password=listpwd&action=dial&dstNum=800123456&outrouteId=1&context=pospojeni'), E100);
  });

  test('errno 900 while the engine is away', async () => {
    fake.t.pbx.setAvailable(false);
    expectWire(await dial('dstNum=800123456&outrouteId=1&context=pospojeni'), E900);
  });
});
