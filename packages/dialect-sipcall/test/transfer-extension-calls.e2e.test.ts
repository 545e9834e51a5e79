import { defaultCoreConfig } from '@pbx-gateway/core';
import { startTestGateway, TEST_MEDIA, type TestGateway } from '@pbx-gateway/test-support';
import {
  beijingTime,
  callOf,
  cdrCallbackOf,
  cdrRowsOf,
  CDR_KEYS,
  CDR_NUMBER_KEYS,
  login,
  playVoice,
  STATUS_KEYS,
  statusCallbacksOf,
  waitForStage,
  type CdrRow,
  type SipcallSend,
} from './support/integration';

const MENU_SOUND = 'sipcall/2028/menu';
const TRANSFER_SENT = /^\{"ret":200,"data":\{"status":0,"desc":"Transfer command sent successfully","reqtime":[0-9]{10},"rsptime":[0-9]{10}\},"msg":""\}$/;
const seconds = (at: Date): number => Math.floor(new Date(at).getTime() / 1000);
const order = ['ring', 'answer', 'hangup'];
/** Each leg's callbacks together (by `buuid`, the A leg's empty one first), in the order ring, answer, hang-up. */
const byLeg = (statuses: Array<Record<string, string>>) =>
  [...statuses].sort((a, b) => `${a.buuid}:${order.indexOf(a.status!)}`.localeCompare(`${b.buuid}:${order.indexOf(b.status!)}`));
const statusesOfLeg = (leg: Record<string, string>): Array<Record<string, string>> => order.map((status) => ({ ...leg, status }));

/**
 * TransferCall of the extension's own calls on the whole gateway (Postgres,
 * the engine over ARI): a MakeCall handed to extension 101 and into a queue,
 * a DoubleCall handed to a number, a voice menu 100 answered handed to a
 * number, a queue call 100's seat answered handed to a number. The phone of
 * 100 answers by itself, 101's rings until told to answer, numbers over the
 * trunk answer after ringing. Each call's status callbacks (the new leg's
 * included) and CDR callbacks are checked field by field.
 */
jest.setTimeout(90000);

describe('Sip_Call TransferCall of MakeCall, DoubleCall, voice-menu and queue calls on the whole stack', () => {
  let gw: TestGateway;
  let token: string;
  const send: SipcallSend = (fields) => {
    let test = gw.http.post('/');
    for (const [name, value] of Object.entries({ token, ...fields })) test = test.field(name, value);
    return test;
  };
  const transfer = (anumber: string, destnumber: string, transfertype = '1') => send({ service: 'App.Sip_Call.TransferCall', anumber, destnumber, transfertype });
  const legs = async (callId: string) => (await gw.core.getCall(callId))?.legs ?? [];
  const legUp = (callId: string, legId: string) =>
    gw.waitFor(async () => ((await legs(callId)).find((leg) => leg.id === legId)?.state === 'up' ? true : undefined), 10000, `${legId} up`);
  const legGone = (legId: string) => gw.waitFor(async () => ((await gw.engineChannels()).some((channel) => channel.id === legId) ? undefined : true), 10000, `${legId} hung up`);
  const bridged = (a: string, b: string) =>
    gw.waitFor(async () => (await gw.engineBridges()).find((bridge) => bridge.channels.includes(a) && bridge.channels.includes(b)), 10000, `${a} and ${b} in one bridge`);
  const hangups = (callId: string, count: number) =>
    gw.waitFor(() => {
      const all = statusCallbacksOf(gw, callId);
      return all.filter((status) => status.status === 'hangup').length === count ? all : undefined;
    }, 8000, `${count} hang-ups of ${callId}`);
  const refusal = async (anumber: string, destnumber: string) => JSON.parse((await transfer(anumber, destnumber)).text).data.errors.code as string;

  /** The CDR callback's fields derived from its row, and its keys and types as the seed's. */
  const cdrOf = async (callId: string): Promise<{ row: CdrRow; body: Record<string, unknown>; derived: Record<string, unknown> }> => {
    const body = (await cdrCallbackOf(gw, callId)).body as Record<string, unknown>;
    const rows = await cdrRowsOf(gw, callId);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(Object.keys(body)).toEqual(CDR_KEYS);
    for (const key of CDR_KEYS) expect(typeof body[key]).toBe(CDR_NUMBER_KEYS.has(key) ? 'number' : 'string');
    const answer = row.answered_at ? seconds(row.answered_at) : null;
    const end = seconds(row.ended_at);
    return {
      row,
      body,
      derived: {
        answertime: row.answered_at ? beijingTime(row.answered_at) : '',
        duration: (answer ?? end) - seconds(row.started_at),
        id: Number(row.id),
        uuid: callId,
        downloadip: '127.0.0.1',
        recordfilename: '',
        companycode: 2028,
        memberid: '0',
        billsec: answer === null ? 0 : end - answer,
        endtime: beijingTime(row.ended_at),
        starttime: beijingTime(row.started_at),
        type: 'callout',
      },
    };
  };

  beforeAll(async () => {
    gw = await startTestGateway({
      sim: { media: { ...TEST_MEDIA, [MENU_SOUND]: 600 } },
      core: { outbox: { ...defaultCoreConfig.outbox, retryBaseMs: 100, retryMaxMs: 300 } },
    });
    await gw.farEnd.setPhone('sip100', { outcome: 'answer', ringMs: 300 });
    await gw.farEnd.setPhone('sip101', { outcome: 'noanswer' });
    await gw.farEnd.setOtherNumbers({ outcome: 'answer', ringMs: 300 });
    token = await login(gw);
    // The demo in-groups' VICIdial agent leaves: the seats are the queues' only agents.
    await gw.core.logoutAgent({ agentId: '1000', whenInCall: 'force' });
  }, 120000);

  afterAll(async () => {
    await gw?.close();
  });

  it("MakeCall to extension 101: 100's phone leaves, 101 rings and answers, is bridged with the customer; its callbacks, one CDR", async () => {
    expect(JSON.parse((await send({ service: 'App.Sip_Call.MakeCall', extnumber: '100', destnumber: '13333333340', customuuid: 'tr-mc' })).text)).toMatchObject({ data: { status: 0 } });
    const call = await callOf(gw, 'tr-mc');
    await waitForStage(gw, call.id, ['connected']);
    const [source, customer, third] = [`${call.id}.1`, `${call.id}.2`, `${call.id}.3`];

    expect((await transfer('100', '101')).text).toMatch(TRANSFER_SENT);
    await legGone(source);
    await gw.waitFor(async () => ((await legs(call.id)).some((leg) => leg.id === third && leg.state === 'ringing') ? true : undefined), 10000, '101 ringing');
    // 100 left: the call is no longer its; 101, handed the customer, does not hold it either.
    expect(await refusal('100', '102')).toBe('1015');
    expect(await refusal('101', '102')).toBe('1003');
    await gw.farEnd.answer(third);
    await legUp(call.id, third);
    expect((await bridged(customer, third)).channels).not.toContain(source);
    expect((await legs(call.id)).find((leg) => leg.id === third)).toMatchObject({ role: 'third_party', dialedNumber: '101', callerNumber: '13333333340', account: { kind: 'extension' } });

    await gw.farEnd.hangup(customer);
    const { row, body, derived } = await cdrOf(call.id);
    const statuses = await hangups(call.id, 3);
    for (const status of statuses) expect(Object.keys(status)).toEqual(STATUS_KEYS);
    const disnumber = statuses[0]!.disnumber!;
    const base = { callee: '13333333340', companycode: '2028', direction: 'callout', disnumber, method: '3', starttime: String(seconds(call.created_at)), uuid: call.id, ip: '127.0.0.1', customuuid: 'tr-mc', type: 'call' };
    expect(byLeg(statuses)).toEqual([
      ...statusesOfLeg({ ...base, buuid: '', caller: '100', extnumber: '100', isbleg: 'false' }),
      ...statusesOfLeg({ ...base, buuid: customer, caller: '100', extnumber: '100', isbleg: 'true' }),
      ...statusesOfLeg({ ...base, buuid: third, caller: '101', extnumber: '101', isbleg: 'true' }),
    ]);
    // The call stays 100's MakeCall, answered when the customer first did, ended by the customer.
    expect(row).toMatchObject({ extension: '100', hangup_side: 'callee', hangup_cause: 16 });
    expect(body).toEqual({ ...derived, hangupcause: 10001, extnumber: '100', customuuid: 'tr-mc', chengshudu: '0', callmethod: 3, hangupdirection: 10040, disnumber, crmid: '0', userkey: '', destnumber: '13333333340' });
  });

  it('DoubleCall to a number: the staff mobile leaves, the number is dialled and answers; it hangs up, ending the call', async () => {
    const placed = { service: 'App.Sip_Call.DoubleCall', extnumber: '100', anumber: '13800000001', bnumber: '13333333341', disnumber: '2120280001', customuuid: 'tr-dc' };
    expect(JSON.parse((await send(placed)).text)).toMatchObject({ data: { status: 0 } });
    const call = await callOf(gw, 'tr-dc');
    await waitForStage(gw, call.id, ['connected']);
    const [mobile, customer, third] = [`${call.id}.1`, `${call.id}.2`, `${call.id}.3`];

    expect((await transfer('100', '13900000002')).text).toMatch(TRANSFER_SENT);
    await legGone(mobile);
    await legUp(call.id, third);
    await bridged(customer, third);
    // The number sees the company's number the customer was shown.
    expect((await legs(call.id)).find((leg) => leg.id === third)).toMatchObject({ dialedNumber: '13900000002', callerNumber: '2120280001', account: { kind: 'trunk' } });
    // The two-way call was handed on: hanging up extension 100 no longer touches it.
    expect(JSON.parse((await send({ service: 'App.Sip_Call.HangupCall', extnumber: '100' })).text).data.errors.code).toBe('1015');

    await gw.farEnd.hangup(third);
    const { row, body, derived } = await cdrOf(call.id);
    const statuses = await hangups(call.id, 3);
    const base = { callee: '13333333341', companycode: '2028', direction: 'callout', disnumber: '2120280001', method: '4', starttime: String(seconds(call.created_at)), uuid: call.id, ip: '127.0.0.1', customuuid: 'tr-dc', type: 'call' };
    expect(byLeg(statuses)).toEqual([
      ...statusesOfLeg({ ...base, buuid: '', caller: '100', extnumber: '100', isbleg: 'false' }),
      ...statusesOfLeg({ ...base, buuid: customer, caller: '100', extnumber: '100', isbleg: 'true' }),
      ...statusesOfLeg({ ...base, buuid: third, callee: '13900000002', caller: '100', extnumber: '100', isbleg: 'true' }),
    ]);
    expect(row).toMatchObject({ extension: '100', hangup_side: 'callee', hangup_cause: 16 });
    expect(body).toEqual({ ...derived, hangupcause: 10001, extnumber: '100', customuuid: 'tr-dc', chengshudu: '0', callmethod: 4, hangupdirection: 10040, disnumber: '2120280001', crmid: '0', userkey: '', destnumber: '13333333341' });
  });

  it('a voice menu 100 answered, to a number: the member leaves, the caller talks with the number; CDR callmethod 6 of extension 100', async () => {
    await playVoice(gw, token, { voicetype: '1', voicefile: 'menu', userid: '@extGroup-1', destnumber: '13333333342', customuuid: 'tr-vm' });
    const call = await callOf(gw, 'tr-vm');
    await waitForStage(gw, call.id, ['connected']);
    const caller = `${call.id}.1`;
    const member = (await legs(call.id)).find((leg) => leg.role === 'member' && leg.state === 'up')!;
    expect(member.dialedNumber).toBe('100');
    const third = `${call.id}.${(await legs(call.id)).length + 1}`;

    expect((await transfer('100', '13900000003')).text).toMatch(TRANSFER_SENT);
    await legGone(member.id);
    await legUp(call.id, third);
    await bridged(caller, third);
    expect((await legs(call.id)).find((leg) => leg.id === third)).toMatchObject({ role: 'third_party', dialedNumber: '13900000003', callerNumber: '13333333333' });

    await gw.farEnd.hangup(caller);
    const { row, body, derived } = await cdrOf(call.id);
    const statuses = await hangups(call.id, 3);
    const base = { callee: '13333333342', companycode: '2028', direction: 'callout', disnumber: '13333333333', method: '3', starttime: String(seconds(call.created_at)), uuid: call.id, ip: '127.0.0.1', customuuid: 'tr-vm', type: 'call', isbleg: 'true' };
    // 101 rang and was released when 100 answered; then the number the caller was handed to.
    const released = statuses.filter((status) => status.buuid !== member.id && status.buuid !== third);
    expect(released.map((status) => `${status.extnumber} ${status.status}`)).toEqual(['101 ring', '101 hangup']);
    expect(byLeg(statuses)).toEqual(
      byLeg([
        ...released,
        ...statusesOfLeg({ ...base, buuid: member.id, caller: '100', extnumber: '100' }),
        ...statusesOfLeg({ ...base, buuid: third, callee: '13900000003', caller: '100', extnumber: '100' }),
      ]),
    );
    expect(row).toMatchObject({ extension: '100', hangup_side: 'callee', hangup_cause: 16 });
    expect(body).toEqual({ ...derived, hangupcause: 10001, extnumber: '100', customuuid: 'tr-vm', chengshudu: '1', callmethod: 6, hangupdirection: 10040, disnumber: '13333333333', crmid: '0', userkey: '', destnumber: '13333333342' });
  });

  it("MakeCall into a queue: the call ends with its CDR, the customer waits in SALESLINE for seat 101, whose phone's callbacks and the queued call's CDR follow", async () => {
    expect(JSON.parse((await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '101', queuename: 'SALESLINE' })).text)).toMatchObject({ data: { status: 0 } });
    expect(JSON.parse((await send({ service: 'App.Sip_Call.MakeCall', extnumber: '100', destnumber: '13333333343', customuuid: 'tr-q' })).text)).toMatchObject({ data: { status: 0 } });
    const call = await callOf(gw, 'tr-q');
    await waitForStage(gw, call.id, ['connected']);
    const [source, customer] = [`${call.id}.1`, `${call.id}.2`];

    expect((await transfer('100', 'SALESLINE', '2')).text).toMatch(TRANSFER_SENT);
    const first = await cdrOf(call.id);
    expect(first.row).toMatchObject({ extension: '100', hangup_side: 'caller' });
    expect(first.body).toEqual({ ...first.derived, hangupcause: 10001, extnumber: '100', customuuid: 'tr-q', chengshudu: '0', callmethod: 3, hangupdirection: 10015, disnumber: first.body.disnumber, crmid: '0', userkey: '', destnumber: '13333333343' });
    await legGone(source);

    const queued = await gw.waitFor(
      async () => (await gw.query<{ id: string }>("SELECT id FROM calls WHERE purpose = 'inbound' AND progress->>'transferredFrom' = $1", [call.id]))[0],
      10000,
      'the queued call',
    );
    const seat = await gw.waitFor(async () => (await legs(queued.id)).find((leg) => leg.role === 'agent'), 10000, "101's phone rung");
    await gw.farEnd.answer(seat.id);
    await legUp(queued.id, seat.id);
    await bridged(customer, seat.id);

    await gw.farEnd.hangup(customer);
    const second = await cdrOf(queued.id);
    const statuses = await hangups(queued.id, 1);
    const base = { callee: '13333333343', companycode: '2028', direction: 'callout', disnumber: '13333333343', method: '3', starttime: String(seconds(second.row.started_at)), uuid: queued.id, ip: '127.0.0.1', customuuid: 'tr-q', type: 'call' };
    expect(byLeg(statuses)).toEqual(statusesOfLeg({ ...base, buuid: seat.id, caller: '101', extnumber: '101', isbleg: 'true' }));
    expect(second.row).toMatchObject({ hangup_side: 'caller', hangup_cause: 16 });
    expect(second.body).toEqual({ ...second.derived, hangupcause: 10001, extnumber: '101', customuuid: 'tr-q', chengshudu: '0', callmethod: 3, hangupdirection: 10015, disnumber: '13333333343', crmid: '0', userkey: '', destnumber: 'SALESLINE' });
    expect(JSON.parse((await send({ service: 'App.Sip_Queue.SipSignOut', extnumber: '101', queuename: 'SALESLINE' })).text)).toMatchObject({ data: { status: 0 } });
  });

  it("a queue call seat 100 answered, to a number: the seat's phone leaves, the caller talks with the number", async () => {
    expect(JSON.parse((await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100', queuename: 'TEST_IN' })).text)).toMatchObject({ data: { status: 0 } });
    await gw.farEnd.callIn('2125550100', '13900000008');
    const queued = await gw.waitFor(
      async () => (await gw.query<{ id: string }>("SELECT id FROM calls WHERE purpose = 'inbound' AND from_number = '13900000008' AND stage = 'connected'"))[0],
      10000,
      'seat 100 in the queue call',
    );
    const callerLeg = (await legs(queued.id)).find((leg) => leg.role === 'caller')!;
    const seat = (await legs(queued.id)).find((leg) => leg.role === 'agent' && leg.state === 'up')!;

    expect((await transfer('100', '13900000004')).text).toMatch(TRANSFER_SENT);
    await legGone(seat.id);
    const third = await gw.waitFor(async () => (await legs(queued.id)).find((leg) => leg.role === 'third_party' && leg.state === 'up'), 10000, 'the number answered');
    await bridged(callerLeg.id, third.id);
    expect(third).toMatchObject({ dialedNumber: '13900000004', account: { kind: 'trunk' } });
    await gw.farEnd.hangup(third.id);
    await gw.waitFor(async () => ((await gw.core.getCdrOfCall(queued.id)) ? true : undefined), 10000, 'the CDR');
  });
});
