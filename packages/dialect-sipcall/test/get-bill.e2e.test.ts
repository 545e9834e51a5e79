import type { TestGateway } from '@pbx-gateway/test-support';
import { beijingTime, callOf, cdrCallbackOf, cdrRowsOf, startAnsweringGateway, waitForStage, type SipcallSend } from './support/integration';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A GetBill answer listing exactly these bodies, byte for byte. */
const billAnswer = (bodies: readonly string[]): RegExp =>
  new RegExp(`^${escape(`{"ret":200,"data":{"status":0,"desc":"Query successful","result":[${bodies.join(',')}],"reqtime":`)}[0-9]{10},"rsptime":[0-9]{10}\\},"msg":""\\}$`);

/**
 * GetBill on the whole gateway (Postgres, the engine over ARI): a MakeCall
 * that ends is listed by GetBill exactly as its CDR callback carried it,
 * once as unread, then among the read ones.
 */
describe('Sip_Call GetBill on the whole stack', () => {
  let gw: TestGateway;
  let send: SipcallSend;

  beforeAll(async () => {
    ({ gw, send } = await startAnsweringGateway(['sip100']));
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('a MakeCall that ended: its CDR as the CDR callback sent it, unread once, then read', async () => {
    await send({ service: 'App.Sip_Call.MakeCall', extnumber: '100', destnumber: '13333333333', userid: 'crm-7', customuuid: 'bill-1' });
    const call = await callOf(gw, 'bill-1');
    await waitForStage(gw, call.id, ['connected']);
    await gw.farEnd.hangup(`${call.id}.2`);
    const callback = await cdrCallbackOf(gw, call.id);
    const [row] = await cdrRowsOf(gw, call.id);
    const window = { starttime: beijingTime(row!.started_at), endtime: beijingTime(row!.ended_at) };

    const unread = await send({ service: 'App.Sip_Cdr.GetBill', ...window, syncflag: '1', direction: '2' });
    expect(unread.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(unread.text).toMatch(billAnswer([callback.raw]));
    expect((await send({ service: 'App.Sip_Cdr.GetBill', ...window })).text).toMatch(billAnswer([]));
    expect((await send({ service: 'App.Sip_Cdr.GetBill', ...window, syncflag: '2' })).text).toMatch(billAnswer([callback.raw]));
    expect((await send({ service: 'App.Sip_Cdr.GetBill', ...window, syncflag: '3', direction: '1' })).text).toMatch(billAnswer([]));
    // Marked read for the company that fetched it.
    const [company] = await gw.query<{ id: string }>("SELECT id FROM api_users WHERE realm = 'sipcall' AND login = 'demoappid'");
    expect(await gw.query('SELECT reader FROM cdr_reads WHERE cdr_id = $1', [row!.id])).toEqual([{ reader: company!.id }]);
  });
});
