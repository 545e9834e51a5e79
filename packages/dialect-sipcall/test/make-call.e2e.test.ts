import type { TestGateway } from '@pbx-gateway/test-support';
import { beijingTime, callOf, cdrCallbackOf, cdrRowsOf, CDR_KEYS, CDR_NUMBER_KEYS, startAnsweringGateway, STATUS_KEYS, statusCallbacksOf, waitForStage, type SipcallSend } from './support/integration';

const CALL_SENT = /^\{"ret":200,"data":\{"status":0,"desc":"Call command sent successfully","reqtime":[0-9]{10},"rsptime":[0-9]{10}\},"msg":""\}$/;
const HANGUP_SENT = /^\{"ret":200,"data":\{"status":0,"desc":"Hangup command sent successfully","reqtime":[0-9]{10},"rsptime":[0-9]{10}\},"msg":""\}$/;

const seconds = (at: Date): number => Math.floor(new Date(at).getTime() / 1000);
const order = ['ring', 'answer', 'hangup'];
/** A-leg events first, each leg's in the order ring, answer, hang-up: legs of one call interleave differently between runs. */
const byLeg = (statuses: Array<Record<string, string>>) =>
  [...statuses].sort((a, b) => `${a.isbleg}:${order.indexOf(a.status!)}`.localeCompare(`${b.isbleg}:${order.indexOf(b.status!)}`));

/**
 * MakeCall, DoubleCall and HangupCall on the whole gateway (Postgres, the
 * engine over ARI): the phone of extension 100 answers by itself, numbers
 * over the trunk answer after ringing; each call's status callbacks (both
 * sides) and its one CDR row and callback are checked field by field.
 */
describe('Sip_Call MakeCall, DoubleCall and HangupCall on the whole stack', () => {
  let gw: TestGateway;
  let send: SipcallSend;

  beforeAll(async () => {
    ({ gw, send } = await startAnsweringGateway(['sip100']));
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('MakeCall: extension 100 rings and answers, the customer is dialled and answers, the customer hangs up; both sides reported, one CDR', async () => {
    const response = await send({ service: 'App.Sip_Call.MakeCall', extnumber: '100', destnumber: '13333333333', userid: 'crm-7', customuuid: 'mc-1' });
    expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(response.text).toMatch(CALL_SENT);

    const call = await callOf(gw, 'mc-1');
    await waitForStage(gw, call.id, ['connected']);
    await gw.farEnd.hangup(`${call.id}.2`);
    const cdrCallback = await cdrCallbackOf(gw, call.id);
    const statuses = await gw.waitFor(() => {
      const all = statusCallbacksOf(gw, call.id);
      return all.filter((status) => status.status === 'hangup').length === 2 ? all : undefined;
    }, 5000, 'both hang-ups');

    const base = {
      callee: '13333333333',
      caller: '100',
      companycode: '2028',
      direction: 'callout',
      extnumber: '100',
      method: '3',
      starttime: String(seconds(call.created_at)),
      uuid: call.id,
      ip: '127.0.0.1',
      customuuid: 'mc-1',
      type: 'call',
    };
    // No disnumber: the customer sees a number of the trunk's caller-id pool (the demo's 2120280001, 2120280002).
    const disnumber = statuses[0]!.disnumber!;
    expect(['2120280001', '2120280002']).toContain(disnumber);
    const a = { ...base, disnumber, buuid: '', isbleg: 'false' };
    const b = { ...base, disnumber, buuid: `${call.id}.2`, isbleg: 'true' };
    expect(byLeg(statuses)).toEqual([
      { ...a, status: 'ring' },
      { ...a, status: 'answer' },
      { ...a, status: 'hangup' },
      { ...b, status: 'ring' },
      { ...b, status: 'answer' },
      { ...b, status: 'hangup' },
    ]);
    for (const status of statuses) expect(Object.keys(status)).toEqual(STATUS_KEYS);

    const rows = await cdrRowsOf(gw, call.id);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ extension: '100', hangup_side: 'callee', hangup_cause: 16 });
    const body = cdrCallback.body as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(CDR_KEYS);
    for (const key of CDR_KEYS) expect(typeof body[key]).toBe(CDR_NUMBER_KEYS.has(key) ? 'number' : 'string');
    const answer = seconds(row.answered_at!);
    const end = seconds(row.ended_at);
    expect(body).toEqual({
      answertime: beijingTime(row.answered_at!),
      hangupcause: 10001,
      duration: answer - seconds(row.started_at),
      id: Number(row.id),
      extnumber: '100',
      uuid: call.id,
      downloadip: '127.0.0.1',
      customuuid: 'mc-1',
      chengshudu: '0',
      callmethod: 3,
      recordfilename: '',
      companycode: 2028,
      memberid: '0',
      hangupdirection: 10040,
      billsec: end - answer,
      endtime: beijingTime(row.ended_at),
      starttime: beijingTime(row.started_at),
      type: 'callout',
      disnumber,
      crmid: 'crm-7',
      userkey: '',
      destnumber: '13333333333',
    });
  });

  it('MakePloyCall: placed as MakeCall, under its own name; both sides reported, a CDR with callmethod 3 that GetBill lists among MakeCall\'s', async () => {
    const response = await send({ service: 'App.Sip_Call.MakePloyCall', extnumber: '100', destnumber: '13333333334', customuuid: 'mpc-1' });
    expect(response.text).toMatch(CALL_SENT);
    const call = await callOf(gw, 'mpc-1');
    expect(await gw.query('SELECT origin_operation FROM calls WHERE id = $1', [call.id])).toEqual([{ origin_operation: 'MakePloyCall' }]);
    await waitForStage(gw, call.id, ['connected']);
    await gw.farEnd.hangup(`${call.id}.2`);
    const cdrCallback = await cdrCallbackOf(gw, call.id);
    const statuses = await gw.waitFor(() => {
      const all = statusCallbacksOf(gw, call.id);
      return all.filter((status) => status.status === 'hangup').length === 2 ? all : undefined;
    }, 5000, 'both hang-ups');
    expect(byLeg(statuses).map((status) => `${status.isbleg} ${status.status} ${status.method}`)).toEqual([
      'false ring 3',
      'false answer 3',
      'false hangup 3',
      'true ring 3',
      'true answer 3',
      'true hangup 3',
    ]);
    expect(cdrCallback.body).toMatchObject({ callmethod: 3, extnumber: '100', destnumber: '13333333334', customuuid: 'mpc-1' });
    const day = beijingTime(new Date(call.created_at)).slice(0, 10);
    const bill = await send({ service: 'App.Sip_Cdr.GetBill', starttime: `${day} 00:00:00`, endtime: `${day} 23:59:59`, syncflag: '3', callmethod: '3', pagesize: '500' });
    const listed = (JSON.parse(bill.text) as { data: { result: Array<{ uuid: string }> } }).data.result.map((record) => record.uuid);
    expect(listed).toContain(call.id);
  });

  it('DoubleCall: the staff mobile first, then the customer; status method 4, CDR callmethod 4 with the presented number', async () => {
    const response = await send({ service: 'App.Sip_Call.DoubleCall', extnumber: '100', anumber: '13800000001', bnumber: '13333333334', disnumber: '2120280001', customuuid: 'dc-1' });
    expect(response.text).toMatch(CALL_SENT);
    const call = await callOf(gw, 'dc-1');
    await waitForStage(gw, call.id, ['connected']);
    // The staff member hangs up.
    await gw.farEnd.hangup(`${call.id}.1`);
    const cdrCallback = await cdrCallbackOf(gw, call.id);
    const statuses = await gw.waitFor(() => {
      const all = statusCallbacksOf(gw, call.id);
      return all.filter((status) => status.status === 'hangup').length === 2 ? all : undefined;
    }, 5000, 'both hang-ups');
    expect(byLeg(statuses).map((status) => `${status.isbleg} ${status.status} ${status.method} ${status.extnumber} ${status.callee} ${status.disnumber}`)).toEqual([
      'false ring 4 100 13333333334 2120280001',
      'false answer 4 100 13333333334 2120280001',
      'false hangup 4 100 13333333334 2120280001',
      'true ring 4 100 13333333334 2120280001',
      'true answer 4 100 13333333334 2120280001',
      'true hangup 4 100 13333333334 2120280001',
    ]);
    const rows = await cdrRowsOf(gw, call.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ extension: '100', hangup_side: 'caller' });
    expect(cdrCallback.body).toMatchObject({ callmethod: 4, extnumber: '100', disnumber: '2120280001', destnumber: '13333333334', hangupdirection: 10015, customuuid: 'dc-1' });
  });

  it('SpyCall: supervisor 101 is rung and whispers to 100 on its MakeCall, then (3) listens; ForceCall 2 then releases that call', async () => {
    await gw.farEnd.setPhone('sip101', { outcome: 'answer', ringMs: 200 });
    await send({ service: 'App.Sip_Call.MakeCall', extnumber: '100', destnumber: '13333333337', customuuid: 'spy-1' });
    const call = await callOf(gw, 'spy-1');
    await waitForStage(gw, call.id, ['connected']);
    const spy = await send({ service: 'App.Sip_Call.SpyCall', extnumber: '101', destnumber: '100', monitortype: '2' });
    expect(spy.text).toMatch(CALL_SENT);
    const supervising = async (mode: string) =>
      (
        await gw.query<{ id: string; snoop: string | null }>(
          `SELECT c.id, (SELECT l.id FROM legs l WHERE l.call_id = c.id AND l.role = 'snoop' AND l.state = 'up') AS snoop
             FROM calls c WHERE c.purpose = 'supervision' AND c.stage = 'supervising' AND c.origin_operation = 'SpyCall' AND c.progress->>'mode' = $1`,
          [mode],
        )
      ).find((row) => row.snoop !== null);
    const whispering = await gw.waitFor(() => supervising('whisper'), 5000, 'the supervisor whispering');
    const stop = await send({ service: 'App.Sip_Call.SpyCall', extnumber: '101', destnumber: '100', monitortype: '3' });
    expect(stop.text).toMatch(CALL_SENT);
    // The whisper snoop is replaced by a listening one; the supervisor's phone stays up.
    const supervision = await gw.waitFor(
      async () => {
        const row = await supervising('listen');
        return row && row.snoop !== whispering.snoop ? row : undefined;
      },
      5000,
      'the supervisor listening',
    );
    expect(supervision.id).toBe(whispering.id);
    expect(await gw.query("SELECT id FROM legs WHERE call_id = $1 AND role = 'supervisor' AND state = 'up'", [supervision.id])).toHaveLength(1);
    expect((await send({ service: 'App.Sip_Call.SpyCall', extnumber: '101', destnumber: '100', monitortype: '3' })).text).toContain('"code":"1003"');
    const release = await send({ service: 'App.Sip_Call.ForceCall', extnumber: '101', destnumber: '100', forcetype: '2' });
    expect(release.text).toMatch(CALL_SENT);
    const cdrCallback = await cdrCallbackOf(gw, call.id);
    expect(cdrCallback.body).toMatchObject({ uuid: call.id, extnumber: '100', hangupdirection: 10040 });
    // The listener's call ends with the call it listened to, with its own CDR.
    await gw.waitFor(async () => (await cdrRowsOf(gw, supervision.id)).length === 1 || undefined, 5000, 'the supervision CDR');
  });

  it('HangupCall ends the call of the extension; a second HangupCall finds it in no call (1015)', async () => {
    await send({ service: 'App.Sip_Call.MakeCall', extnumber: '100', destnumber: '13333333335', customuuid: 'hc-1' });
    const call = await callOf(gw, 'hc-1');
    await waitForStage(gw, call.id, ['connected']);
    const hangup = await send({ service: 'App.Sip_Call.HangupCall', extnumber: '100' });
    expect(hangup.text).toMatch(HANGUP_SENT);
    const cdrCallback = await cdrCallbackOf(gw, call.id);
    expect(cdrCallback.body).toMatchObject({ uuid: call.id, extnumber: '100', callmethod: 3, hangupdirection: 10040 });
    expect(await cdrRowsOf(gw, call.id)).toHaveLength(1);
    const again = await send({ service: 'App.Sip_Call.HangupCall', extnumber: '100' });
    expect(JSON.parse(again.text)).toMatchObject({ ret: 200, data: { status: 1, errors: { code: '1015', codemsg: 'Extension not in a call' } }, msg: '' });
  });
});
