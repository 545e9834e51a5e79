import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { login } from './support/integration';

/**
 * The queue services on the whole gateway (Postgres): the demo's queues are
 * VICIdial's in-groups, and its agent 1000 (logged in through VICIdial) is a
 * seat of TEST_IN beside the extension signed in through Sip_Call.
 */
describe('Sip_Queue on the whole stack', () => {
  let gw: TestGateway;
  let token: string;
  const send = async (fields: Record<string, string>) => {
    let test = gw.http.post('/');
    for (const [name, value] of Object.entries({ token, ...fields })) test = test.field(name, value);
    return JSON.parse((await test).text) as { ret: number; data: { status: number; desc: string; result?: unknown }; msg: string };
  };

  beforeAll(async () => {
    gw = await startTestGateway({});
    token = await login(gw);
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('lists the in-groups, signs extension 102 in to TEST_IN beside agent 1000, and out again', async () => {
    expect((await send({ service: 'App.Sip_Queue.GetQueueList' })).data.result).toEqual([
      { queuename: 'AGENTDIRECT' },
      { queuename: 'FrontaIT' },
      { queuename: 'SALESLINE' },
      { queuename: 'TEST_IN' },
      { queuename: 'TEST_IN2' },
    ]);
    expect(await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '102', queuename: 'TEST_IN' })).toMatchObject({ ret: 200, data: { status: 0, desc: 'Sign in successful' } });
    const seats = (await send({ service: 'App.Sip_Queue.GetQueueSipStatus', queuename: 'TEST_IN' })).data.result;
    expect(seats).toEqual([
      { seatsname: '1000', queuename: 'TEST_IN', status: expect.any(String) },
      { seatsname: '102', queuename: 'TEST_IN', status: 'ready' },
    ]);
    const rows = await gw.query<{ agent_id: string }>("SELECT agent_id FROM queue_members WHERE queue_name = 'TEST_IN' ORDER BY agent_id");
    expect(rows.map((row) => row.agent_id)).toEqual(['1000', 'sipcall-102']);

    expect(await send({ service: 'App.Sip_Queue.SipSignOut', extnumber: '102', queuename: 'TEST_IN' })).toMatchObject({ ret: 200, data: { status: 0, desc: 'Sign out successful' } });
    expect((await send({ service: 'App.Sip_Queue.GetQueueSipStatus', queuename: 'TEST_IN', extnumber: '102' })).data.result).toEqual([]);
  });

  it("a call into TEST_IN rings the signed-in extension's phone; GetSipCallStatus shows it in the inbound call", async () => {
    // The in-group's VICIdial agent leaves, so the extension is the one seat free.
    await gw.core.logoutAgent({ agentId: '1000', whenInCall: 'force' });
    await gw.farEnd.setPhone('sip102', { outcome: 'answer', ringMs: 200 });
    expect(await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '102', queuename: 'TEST_IN' })).toMatchObject({ ret: 200, data: { status: 0 } });
    const caller = await gw.farEnd.callIn('2125550100', '13900000001');
    const inCall = await gw.waitFor(async () => {
      const [status] = (await send({ service: 'App.Sip_Status.GetSipCallStatus', extnumber: '102' })).data.result as Array<Record<string, unknown>>;
      return status!.status === 1204 ? status : undefined;
    }, 8000, '102 in the inbound call');
    expect(inCall).toMatchObject({ extnumber: '102', direction: 'callin', caller: '13900000001', callee: '102' });
    expect((await send({ service: 'App.Sip_Queue.GetQueueSipStatus', queuename: 'TEST_IN', extnumber: '102' })).data.result).toEqual([
      { seatsname: '102', queuename: 'TEST_IN', status: 'in_call' },
    ]);
    await caller.hangup();
    await gw.waitFor(async () => {
      const [status] = (await send({ service: 'App.Sip_Status.GetSipCallStatus', extnumber: '102' })).data.result as Array<Record<string, unknown>>;
      return status!.status === 1201 ? true : undefined;
    }, 8000, '102 idle again');
  });
});
