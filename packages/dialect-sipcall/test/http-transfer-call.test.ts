import request from 'supertest';
import { connectedCustomerCall, legsOf, queue } from '@pbx-gateway/test-support';
import { buildApp, DEMO_COMPANY, demoCore } from './support/app';
import type { SipcallCore } from './support/sipcall-core';
import { badRequest } from './support/wire-answers';

const at = (now: Date): number => Math.floor(now.getTime() / 1000);
const refusal = (wireCode: string, codemsg: string, now: number): string =>
  `{"ret":200,"data":{"status":1,"desc":"${codemsg}","errors":{"code":"${wireCode}","codemsg":"${codemsg}"},"reqtime":${now},"rsptime":${now}},"msg":""}`;

describe('App.Sip_Call.TransferCall over HTTP', () => {
  let core: SipcallCore;
  let token: string;
  const send = (fields: Record<string, string | undefined>, settings = {}) => {
    let test = request(buildApp(core, settings)).post('/');
    for (const [name, value] of Object.entries({ token, ...fields })) if (value !== undefined) test = test.field(name, value);
    return test;
  };
  const transfer = (fields: Record<string, string | undefined>, settings = {}) => send({ service: 'App.Sip_Call.TransferCall', ...fields }, settings);
  const now = () => at(core.control.clock.now());
  const done = () => `{"ret":200,"data":{"status":0,"desc":"Transfer command sent successfully","reqtime":${now()},"rsptime":${now()}},"msg":""}`;

  /** Extension 100 signed in to TEST_IN as a seat, talking with a customer in a call placed for its seat agent (as a VICIdial manual dial of sipcall-100 places one). */
  const seatInCall = async () => {
    await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100', queuename: 'TEST_IN' });
    return connectedCustomerCall(core.t, 'sipcall-100', '13333333333');
  };

  beforeEach(async () => {
    core = await demoCore();
    await core.t.store.direct.queues.upsert(queue('TEST_IN'));
    await core.t.store.direct.queues.upsert(queue('SALESLINE'));
    token = await core.tokenFor(DEMO_COMPANY.id);
  });

  it("type 1 to an extension: the seat's phone leaves, extension 101 is rung for the customer", async () => {
    const { callId, agentLegId, customerLegId } = await seatInCall();
    expect((await transfer({ anumber: '100', destnumber: '101', transfertype: '1' })).text).toBe(done());
    await core.t.confirmHangups();
    const legs = await legsOf(core.t, callId);
    expect(legs.find((leg) => leg.id === agentLegId)!.state).toBe('ended');
    expect(legs.find((leg) => leg.id === customerLegId)!.state).toBe('up');
    const third = legs.find((leg) => leg.role === 'third_party')!;
    expect(third).toMatchObject({ dialedNumber: '101', account: { kind: 'extension', id: 6 } });
    await core.t.answer(third.id);
    expect((await legsOf(core.t, callId)).filter((leg) => leg.state === 'up').map((leg) => leg.id).sort()).toEqual([customerLegId, third.id].sort());
  });

  it('without transfertype: to a number over the trunk', async () => {
    const { callId } = await seatInCall();
    expect((await transfer({ anumber: '100', destnumber: '13800000001' })).text).toBe(done());
    expect((await legsOf(core.t, callId)).find((leg) => leg.role === 'third_party')).toMatchObject({ dialedNumber: '13800000001', account: { kind: 'trunk', id: 1 } });
  });

  it('type 2 into a queue: the customer waits in SALESLINE, the seat is free', async () => {
    const { callId } = await seatInCall();
    expect((await transfer({ anumber: '100', destnumber: 'SALESLINE', transfertype: '2' })).text).toBe(done());
    await core.t.confirmHangups();
    const live = await core.control.listLiveCalls();
    expect(live.map(({ call }) => call.id)).not.toContain(callId);
    expect(live.map(({ call }) => (call.purpose === 'inbound' ? `${call.progress.queueName} from ${call.progress.transferredFrom}` : call.purpose))).toEqual([`SALESLINE from ${callId}`]);
  });

  it('refusals: 1012 no extension, 1015 no call, 1003 a MakeCall still ringing (nothing to hand on yet), 1002 no queue, 1002 a number that cannot be dialled', async () => {
    expect((await transfer({ anumber: '999', destnumber: '101' })).text).toBe(refusal('1012', 'Extension does not exist', now()));
    expect((await transfer({ anumber: '100', destnumber: '101' })).text).toBe(refusal('1015', 'Extension not in a call', now()));
    await send({ service: 'App.Sip_Call.MakeCall', extnumber: '101', destnumber: '13333333333' });
    expect((await transfer({ anumber: '101', destnumber: '100' })).text).toBe(refusal('1003', 'Operation failed', now()));
    await seatInCall();
    expect((await transfer({ anumber: '100', destnumber: 'NOQUEUE', transfertype: '2' })).text).toBe(refusal('1002', 'Queue does not exist', now()));
    expect((await transfer({ anumber: '100', destnumber: 'abc' })).text).toBe(refusal('1002', 'Invalid number', now()));
  });

  it('parameter errors (ret 400) before the token; a bad token 600', async () => {
    const bad = { token: 'x' };
    expect((await transfer({ ...bad, destnumber: '101' })).text).toBe(badRequest('anumber require, but miss'));
    expect((await transfer({ ...bad, anumber: '100' })).text).toBe(badRequest('destnumber require, but miss'));
    expect((await transfer({ ...bad, anumber: '10 0', destnumber: '101' })).text).toBe(badRequest('anumber must be an extension number'));
    expect((await transfer({ ...bad, anumber: '100', destnumber: '1/01' })).text).toBe(badRequest('destnumber must be a number, an extension or a queue name'));
    expect((await transfer({ ...bad, anumber: '100', destnumber: '101', transfertype: '3' })).text).toBe(badRequest('transfertype should be in 1\\/2, but now transfertype = 3'));
    expect((await transfer({ ...bad, anumber: '100', destnumber: '1'.repeat(65) })).text).toBe(badRequest('destnumber.len should <= 64, but now destnumber.len = 65'));
    expect((await transfer({ ...bad, anumber: '100', destnumber: '101' })).text).toBe('{"ret":600,"data":[],"msg":"Token invalid, please log in again"}');
  });

  it('Chinese texts', async () => {
    await seatInCall();
    expect((await transfer({ anumber: '100', destnumber: '101' }, { language: 'zh' })).text).toBe(
      `{"ret":200,"data":{"status":0,"desc":"\\u8f6c\\u63a5\\u547d\\u4ee4\\u53d1\\u9001\\u6210\\u529f","reqtime":${now()},"rsptime":${now()}},"msg":""}`,
    );
  });
});
