import request from 'supertest';
import { apiUser, hashOf, legOf } from '@pbx-gateway/test-support';
import { createSipcallProjector } from '@pbx-gateway/dialect-sipcall';
import { buildApp, DEMO_COMPANY, demoCore } from './support/app';
import type { SipcallCore } from './support/sipcall-core';
import { badRequest } from './support/wire-answers';

const CDR_URL = 'http://crm.example/cdr';
// The seed's time is 2020-02-10 11:58:19 in Beijing: the calls below start then.
const DAY = { starttime: '2020-02-10 00:00:00', endtime: '2020-02-10 23:59:59' };

describe('App.Sip_Cdr.GetBill over HTTP', () => {
  let core: SipcallCore;
  let token: string;
  const send = (fields: Record<string, string | undefined>, as = token) => {
    let test = request(buildApp(core)).post('/');
    for (const [name, value] of Object.entries({ token: as, service: 'App.Sip_Cdr.GetBill', ...fields })) if (value !== undefined) test = test.field(name, value);
    return test;
  };
  /** The answer of a query now (the calls move the test clock on from the seed's time). */
  const answer = (result: string): string => {
    const now = Math.floor(core.control.clock.now().getTime() / 1000);
    return `{"ret":200,"data":{"status":0,"desc":"Query successful","result":${result},"reqtime":${now},"rsptime":${now}},"msg":""}`;
  };
  /** The CDR callback bodies the calls sent, oldest first. */
  const cdrCallbacks = () => core.t.store.outboxMessages().filter((message) => message.url === CDR_URL).map((message) => message.body);

  /** A MakeCall of extension 100 to `destnumber`, answered on both sides, talking `talkMs`, ended by the customer. */
  const finishedMakeCall = async (destnumber: string, talkMs: number) => {
    await send({ service: 'App.Sip_Call.MakeCall', extnumber: '100', destnumber, customuuid: `c-${destnumber}` });
    const callId = (await core.control.listLiveCalls())[0]!.call.id;
    const source = await legOf(core.t, callId, 'source');
    await core.t.ring(source.id);
    await core.t.advance(2_000);
    await core.t.answer(source.id);
    const destination = await legOf(core.t, callId, 'destination');
    await core.t.ring(destination.id);
    await core.t.advance(3_000);
    await core.t.answer(destination.id);
    await core.t.advance(talkMs);
    await core.t.endLeg(destination.id);
    await core.t.confirmHangups();
    await core.t.settle();
  };

  beforeEach(async () => {
    core = await demoCore({ projectors: [createSipcallProjector({ callbacks: { cdrCallbackUrl: CDR_URL } })] });
    await core.t.store.direct.apiUsers.upsert(
      apiUser('sipcall-other', { realm: 'sipcall', login: 'otherappid', secretHash: hashOf('otherkey'), attributes: { companycode: '3030', companyname: 'other' } }),
    );
    token = await core.tokenFor(DEMO_COMPANY.id);
  });

  it('lists a finished call exactly as its CDR callback carried it, then not again as unread', async () => {
    await finishedMakeCall('13333333333', 10_000);
    const [body] = cdrCallbacks();
    expect(body).toContain('"billsec":10');
    expect((await send(DAY)).text).toBe(answer(`[${body}]`));
    expect((await send(DAY)).text).toBe(answer('[]'));
    expect((await send({ ...DAY, syncflag: '1' })).text).toBe(answer('[]'));
  });

  it('syncflag 2 lists what was fetched already, 3 everything; fetching does not change the record', async () => {
    await finishedMakeCall('13333333333', 10_000);
    const [body] = cdrCallbacks();
    expect((await send({ ...DAY, syncflag: '2' })).text).toBe(answer('[]'));
    expect((await send({ ...DAY, syncflag: '3' })).text).toBe(answer(`[${body}]`));
    expect((await send({ ...DAY, syncflag: '2' })).text).toBe(answer(`[${body}]`));
    expect((await send({ ...DAY, syncflag: '1' })).text).toBe(answer('[]'));
  });

  it('direction 2 (out) and 3 (all) list a MakeCall, 1 (in) does not', async () => {
    await finishedMakeCall('13333333333', 10_000);
    const [body] = cdrCallbacks();
    expect((await send({ ...DAY, syncflag: '3', direction: '1' })).text).toBe(answer('[]'));
    expect((await send({ ...DAY, syncflag: '3', direction: '2' })).text).toBe(answer(`[${body}]`));
    expect((await send({ ...DAY, syncflag: '3', direction: '3' })).text).toBe(answer(`[${body}]`));
  });

  it('callmethod 3 (API call) and 0 (any) list a MakeCall; 4 (double call), 6 (IVR), 1 (extension to extension) do not', async () => {
    await finishedMakeCall('13333333333', 10_000);
    const [body] = cdrCallbacks();
    const byMethod = async (callmethod: string) => (await send({ ...DAY, syncflag: '3', callmethod })).text;
    expect(await byMethod('3')).toBe(answer(`[${body}]`));
    expect(await byMethod('0')).toBe(answer(`[${body}]`));
    expect(await byMethod('4')).toBe(answer('[]'));
    expect(await byMethod('6')).toBe(answer('[]'));
    expect(await byMethod('1')).toBe(answer('[]'));
  });

  it('only calls started inside the window, both ends included, in Beijing time', async () => {
    await finishedMakeCall('13333333333', 10_000);
    const [body] = cdrCallbacks();
    const started = '2020-02-10 11:58:19';
    const window = (starttime: string, endtime: string) => send({ starttime, endtime, syncflag: '3' });
    expect((await window(started, started)).text).toBe(answer(`[${body}]`));
    expect((await window('2020-02-10 11:58:20', '2020-02-10 23:59:59')).text).toBe(answer('[]'));
    expect((await window('2020-02-10 00:00:00', '2020-02-10 11:58:18')).text).toBe(answer('[]'));
    // The same instant in UTC names another time: nothing there.
    expect((await window('2020-02-10 03:58:19', '2020-02-10 03:58:19')).text).toBe(answer('[]'));
  });

  it('the end second is included whole: a call started at 11:58:19.700 is in a window ending 11:58:19', async () => {
    await core.t.advance(700);
    await finishedMakeCall('13333333333', 10_000);
    const [body] = cdrCallbacks();
    expect((await send({ starttime: '2020-02-10 11:58:19', endtime: '2020-02-10 11:58:19', syncflag: '3' })).text).toBe(answer(`[${body}]`));
  });

  it('pages through the calls oldest first', async () => {
    await finishedMakeCall('13333333331', 10_000);
    await finishedMakeCall('13333333332', 5_000);
    const [first, second] = cdrCallbacks();
    expect((await send({ ...DAY, syncflag: '3', page: '1', pagesize: '1' })).text).toBe(answer(`[${first}]`));
    expect((await send({ ...DAY, syncflag: '3', page: '2', pagesize: '1' })).text).toBe(answer(`[${second}]`));
    expect((await send({ ...DAY, syncflag: '3', page: '3', pagesize: '1' })).text).toBe(answer('[]'));
    expect((await send({ ...DAY, syncflag: '3' })).text).toBe(answer(`[${first},${second}]`));
  });

  it('a company sees only its own calls, and its own read marks', async () => {
    await finishedMakeCall('13333333333', 10_000);
    const other = await core.tokenFor('sipcall-other');
    expect((await send({ ...DAY, syncflag: '3' }, other)).text).toBe(answer('[]'));
    const [body] = cdrCallbacks();
    expect((await send(DAY)).text).toBe(answer(`[${body}]`));
  });

  it('parameter errors are ret 400 before the token, in the parameters order', async () => {
    const bad = 'not-a-token';
    expect((await send({ endtime: DAY.endtime }, bad)).text).toBe(badRequest('starttime require, but miss'));
    expect((await send({ starttime: DAY.starttime }, bad)).text).toBe(badRequest('endtime require, but miss'));
    expect((await send({ starttime: '2020-02-10', endtime: DAY.endtime }, bad)).text).toBe(badRequest('starttime must be a time as yyyy-mm-dd hh:mm:ss'));
    expect((await send({ starttime: '2020-02-30 00:00:00', endtime: DAY.endtime }, bad)).text).toBe(badRequest('starttime must be a time as yyyy-mm-dd hh:mm:ss'));
    expect((await send({ starttime: DAY.starttime, endtime: '2020-02-10 24:00:00' }, bad)).text).toBe(badRequest('endtime must be a time as yyyy-mm-dd hh:mm:ss'));
    expect((await send({ ...DAY, syncflag: '4' }, bad)).text).toBe(badRequest('syncflag should be in 1\\/2\\/3, but now syncflag = 4'));
    expect((await send({ ...DAY, direction: '0' }, bad)).text).toBe(badRequest('direction should be in 1\\/2\\/3, but now direction = 0'));
    expect((await send({ ...DAY, callmethod: '7' }, bad)).text).toBe(badRequest('callmethod should be in 0\\/1\\/2\\/3\\/4\\/5\\/6, but now callmethod = 7'));
    expect((await send({ ...DAY, page: '0' }, bad)).text).toBe(badRequest('page must be a whole number from 1 to 999999999'));
    expect((await send({ ...DAY, page: '-1' }, bad)).text).toBe(badRequest('page must be a whole number from 1 to 999999999'));
    expect((await send({ ...DAY, pagesize: '501' }, bad)).text).toBe(badRequest('pagesize must be a whole number from 1 to 500'));
    expect((await send({ ...DAY, starttime: '2020-02-10 00:00:00\u0000' }, bad)).text).toBe(badRequest('starttime.len should <= 19, but now starttime.len = 20'));
  });

  it('a bad token: ret 600', async () => {
    expect((await send(DAY, 'x')).text).toBe('{"ret":600,"data":[],"msg":"Token invalid, please log in again"}');
  });

  it('Chinese texts', async () => {
    const app = buildApp(core, { language: 'zh' });
    const missing = await request(app).post('/').field('service', 'App.Sip_Cdr.GetBill').field('token', token).field('endtime', DAY.endtime);
    expect(missing.text).toBe('{"ret":400,"data":[],"msg":"\\u975e\\u6cd5\\u8bf7\\u6c42\\uff1a\\u7f3a\\u5c11\\u5fc5\\u8981\\u53c2\\u6570starttime"}');
    const done = await request(app).post('/').field('service', 'App.Sip_Cdr.GetBill').field('token', token).field('starttime', DAY.starttime).field('endtime', DAY.endtime);
    expect(done.text).toBe('{"ret":200,"data":{"status":0,"desc":"\\u67e5\\u8be2\\u6210\\u529f","result":[],"reqtime":1581307099,"rsptime":1581307099},"msg":""}');
  });
});
