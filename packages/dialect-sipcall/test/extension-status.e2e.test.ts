import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { callOf, cdrCallbackOf, login, waitForStage } from './support/integration';

type Result = Array<Record<string, unknown>>;

/**
 * The status services on the whole gateway: the engine's endpoints over ARI
 * (the simulator's phones sip100-sip102 are registered) and the core's live
 * calls, while a MakeCall of extension 101 rings its phone and then talks.
 */
describe('Sip_Status and Sip_Sipnum on the whole stack', () => {
  let gw: TestGateway;
  let token: string;
  const query = async (fields: Record<string, string>): Promise<Result> => {
    let test = gw.http.post('/');
    for (const [name, value] of Object.entries({ token, ...fields })) test = test.field(name, value);
    const body = JSON.parse((await test).text) as { ret: number; data: { status: number; result: Result } };
    expect(body).toMatchObject({ ret: 200, data: { status: 0 } });
    return body.data.result;
  };

  beforeAll(async () => {
    gw = await startTestGateway({});
    await gw.farEnd.setPhone('sip101', { outcome: 'noanswer' });
    await gw.farEnd.setOtherNumbers({ outcome: 'answer', ringMs: 200 });
    token = await login(gw);
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('registration and enablement of the directory from the engine', async () => {
    expect(await query({ service: 'App.Sip_Status.GetSipRegisterStatus', extnumber: '100,555' })).toEqual([
      { clientip: '', extnumber: '100', code: 1017 },
      { clientip: '', extnumber: '555', code: 1012 },
    ]);
    expect(await query({ service: 'App.Sip_Status.GetSipValidStatus', extnumber: '102' })).toEqual([{ extnumber: '102', code: 1016 }]);
    expect(await query({ service: 'App.Sip_Sipnum.GetSipnumberInfo', status: '3' })).toEqual([
      { extnumber: '100', password: '', status: 1016, register: 'reg' },
      { extnumber: '101', password: '', status: 1016, register: 'reg' },
      { extnumber: '102', password: '', status: 1016, register: 'reg' },
    ]);
  });

  it('GetSipCallStatus follows a MakeCall of 101: idle, ringing, in call, idle again', async () => {
    const statusOf101 = async () => (await query({ service: 'App.Sip_Status.GetSipCallStatus', extnumber: '101' }))[0]!;
    expect(await statusOf101()).toMatchObject({ status: 1201, direction: '', idleduration: 0 });

    let test = gw.http.post('/');
    for (const [name, value] of Object.entries({ token, service: 'App.Sip_Call.MakeCall', extnumber: '101', destnumber: '13333333336', customuuid: 'st-1' })) test = test.field(name, value);
    await test;
    const call = await callOf(gw, 'st-1');
    await gw.waitFor(async () => ((await statusOf101()).status === 1202 ? true : undefined), 5000, '101 ringing');
    expect(await statusOf101()).toMatchObject({ extnumber: '101', status: 1202, direction: 'callout', caller: '101', callee: '13333333336', callduration: 0 });

    await gw.farEnd.answer(`${call.id}.1`);
    await waitForStage(gw, call.id, ['connected']);
    expect(await statusOf101()).toMatchObject({ status: 1204, direction: 'callout', caller: '101', callee: '13333333336' });

    await gw.farEnd.hangup(`${call.id}.2`);
    await cdrCallbackOf(gw, call.id);
    await gw.waitFor(async () => ((await statusOf101()).status === 1201 ? true : undefined), 5000, '101 idle again');
    const idleSince = Date.now();
    // Idle time counts from when its phone left the call.
    const idle = await gw.waitFor(async () => {
      const status = await statusOf101();
      return Number(status.idleduration) >= 1 ? status : undefined;
    }, 4000, '101 idle for a second');
    expect(idle).toMatchObject({ status: 1201, callduration: 0, direction: '' });
    expect(Number(idle.idleduration)).toBeLessThanOrEqual(Math.ceil((Date.now() - idleSince) / 1000) + 1);
  });
});
