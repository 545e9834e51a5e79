import { ORIGIN, type TestGateway } from '@pbx-gateway/test-support';
import { startAnsweringGateway, type SipcallSend } from './support/integration';

const TRANSFER_SENT = /^\{"ret":200,"data":\{"status":0,"desc":"Transfer command sent successfully","reqtime":[0-9]{10},"rsptime":[0-9]{10}\},"msg":""\}$/;

/**
 * TransferCall on the whole gateway (Postgres, the engine over ARI):
 * extension 100, a seat, talks with a customer in a call placed for its
 * seat agent; TransferCall hands the customer to extension 101, whose phone
 * ends up in the engine bridge with the customer while 100's is hung up.
 */
describe('Sip_Call TransferCall on the whole stack', () => {
  let gw: TestGateway;
  let send: SipcallSend;
  const legs = async (callId: string) => (await gw.core.getCall(callId))?.legs ?? [];

  beforeAll(async () => {
    ({ gw, send } = await startAnsweringGateway(['sip100', 'sip101']));
    // A gateway on the real Asterisk takes longer than the tier's 60 s to start on a loaded machine.
  }, 120000);

  afterAll(async () => {
    await gw?.close();
  });

  it("type 1 to extension 101: 101's phone is bridged with the customer, 100's hung up; 101 cannot transfer it on (1003)", async () => {
    expect(JSON.parse((await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100', queuename: 'TEST_IN' })).text)).toMatchObject({ ret: 200, data: { status: 0 } });
    const { callId } = await gw.core.startAgentCustomerCall({ agentId: 'sipcall-100', number: '13333333333', callerId: null, origin: ORIGIN });
    await gw.waitFor(async () => ((await legs(callId)).filter((leg) => leg.state === 'up').length === 2 ? true : undefined), 10000, 'seat and customer up');
    const customer = (await legs(callId)).find((leg) => leg.role === 'customer')!;
    const seat = (await legs(callId)).find((leg) => leg.role === 'agent')!;

    expect((await send({ service: 'App.Sip_Call.TransferCall', anumber: '100', destnumber: '101', transfertype: '1' })).text).toMatch(TRANSFER_SENT);

    const third = await gw.waitFor(async () => (await legs(callId)).find((leg) => leg.role === 'third_party' && leg.state === 'up'), 10000, 'extension 101 answered');
    expect(third).toMatchObject({ dialedNumber: '101', account: { kind: 'extension' } });
    const bridge = await gw.waitFor(
      async () => (await gw.engineBridges()).find((candidate) => candidate.channels.includes(customer.id) && candidate.channels.includes(third.id)),
      10000,
      'customer and 101 in one bridge',
    );
    expect(bridge.channels).not.toContain(seat.id);
    await gw.waitFor(async () => ((await gw.engineChannels()).some((channel) => channel.id === seat.id) ? undefined : true), 10000, "100's phone hung up");
    expect((await legs(callId)).find((leg) => leg.id === seat.id)!.state).toBe('ended');

    // 100 is free; 101 is in the transferred call, which is not its seat agent's: the core cannot transfer it on.
    const refused = JSON.parse((await send({ service: 'App.Sip_Call.TransferCall', anumber: '101', destnumber: '100' })).text);
    expect(refused).toMatchObject({ ret: 200, data: { status: 1, errors: { code: '1003', codemsg: 'Operation failed' } } });

    await gw.farEnd.hangup(customer.id);
    await gw.waitFor(async () => ((await gw.core.getCdrOfCall(callId)) ? true : undefined), 10000, 'the CDR');
  });
});
