import { defaultCoreConfig } from '@pbx-gateway/core';
import { startTestGateway, TEST_MEDIA, type ReceivedCallback, type TestGateway } from '@pbx-gateway/test-support';
import { cdrCallbackOf, cdrRowsOf, expectCdrMatchesRow, login, statusCallbacksOf, waitForStage, type CdrRow } from './support/integration';

const NOTICE_SOUND = 'sipcall/2028/notice';
const LONG_SOUND = 'sipcall/2028/long';
const SENT = /^\{"ret":200,"data":\{"status":0,"desc":"Play command sent successfully","reqtime":[0-9]{10},"rsptime":[0-9]{10}\},"msg":""\}$/;
/** Calls of batches the gateway may have up at once in this test. */
const MAX_LIVE = 2;

interface PlayedCallRow {
  id: string;
  stage: string;
  to_number: string;
  created_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
}

/**
 * PlayVoice's played calls on the whole gateway (Postgres, the engine over
 * ARI): without `userid` the number is called, hears the company's uploaded
 * file and is hung up; with `appid` a list of numbers is called that way,
 * a few at a time. No extension takes part, so there is no status callback:
 * each call gives its CDR callback alone.
 */
describe('Sip_Call PlayVoice played calls (play and hang up, batch IVR) on the whole stack', () => {
  let gw: TestGateway;
  let token: string;

  const send = (fields: Record<string, string>) => {
    let test = gw.http.post('/');
    for (const [name, value] of Object.entries({ service: 'App.Sip_Call.PlayVoice', ...fields })) test = test.field(name, value);
    return test;
  };
  const callsOf = (customuuid: string): Promise<PlayedCallRow[]> =>
    gw.query<PlayedCallRow>("SELECT id, stage, to_number, created_at, answered_at, ended_at FROM calls WHERE data->>'customuuid' = $1 ORDER BY created_at", [customuuid]);
  const callOf = async (customuuid: string): Promise<PlayedCallRow> => gw.waitFor(async () => (await callsOf(customuuid))[0], 5000, `call of ${customuuid}`);

  beforeAll(async () => {
    gw = await startTestGateway({
      sim: { media: { ...TEST_MEDIA, [NOTICE_SOUND]: 600, [LONG_SOUND]: 20000 } },
      core: {
        voiceMenuKeyWaitMs: 700,
        voiceBroadcast: { ...defaultCoreConfig.voiceBroadcast, maxLiveCalls: MAX_LIVE, paceMs: 100 },
        outbox: { ...defaultCoreConfig.outbox, retryBaseMs: 100, retryMaxMs: 300 },
      },
    });
    await gw.farEnd.setOtherNumbers({ outcome: 'answer', ringMs: 300 });
    token = await login(gw);
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('without userid: the number answers, hears the file, the gateway hangs up; one CDR callback, field by field; no status callback', async () => {
    const response = await send({ token, destnumber: '13333333333', voicetype: '1', voicefile: 'notice.wav', ext: '1', disnumber: '13333333333', customuuid: 'played-1' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(response.text).toMatch(SENT);

    const call = await callOf('played-1');
    const cdrCallback = await cdrCallbackOf(gw, call.id);
    const [ended] = await callsOf('played-1');
    expect(ended!.stage).toBe('played');
    const rows = await cdrRowsOf(gw, call.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: 'voice_broadcast', extension: null, hangup_side: 'system' });
    expect(rows[0]!.answered_at).not.toBeNull();
    expectCdrMatchesRow(cdrCallback, rows[0]!, { hangupcause: 10001, hangupdirection: 10040, userkey: '', customuuid: 'played-1' });
    // The file lasts 600 ms: the call is hung up once it has been heard, not before.
    expect(rows[0]!.ended_at.getTime() - rows[0]!.answered_at!.getTime()).toBeGreaterThanOrEqual(550);
    expect((cdrCallback.body as Record<string, unknown>).answertime).not.toBe('');
    await gw.waitFor(async () => Number((await gw.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL'))[0]!.n) === 0, 5000, 'outbox empty');
    expect(statusCallbacksOf(gw, call.id)).toEqual([]);
  });

  it('waittime: a number that does not answer is given up after that many seconds; CDR not answered (10020)', async () => {
    await gw.farEnd.setNumber('13300000002', { outcome: 'noanswer' });
    try {
      await send({ token, destnumber: '13300000002', voicetype: '1', voicefile: 'notice', waittime: '1', disnumber: '13333333333', customuuid: 'played-noanswer' });
      const call = await callOf('played-noanswer');
      const cdrCallback = await cdrCallbackOf(gw, call.id);
      const [row] = await cdrRowsOf(gw, call.id);
      expect(row!.answered_at).toBeNull();
      const rang = row!.ended_at.getTime() - row!.started_at.getTime();
      expect(rang).toBeGreaterThanOrEqual(900);
      expect(rang).toBeLessThan(4000);
      expectCdrMatchesRow(cdrCallback, row!, { hangupcause: 10020, hangupdirection: 10040, userkey: '', customuuid: 'played-noanswer', chengshudu: '0', destnumber: '13300000002' });
    } finally {
      await gw.farEnd.setNumber('13300000002', { outcome: 'answer', ringMs: 300 });
    }
  });

  it('conntime: a file longer than the talk limit is cut at the limit by the gateway', async () => {
    await send({ token, destnumber: '13333333333', voicetype: '1', voicefile: 'long', conntime: '1', disnumber: '13333333333', customuuid: 'played-limit' });
    const call = await callOf('played-limit');
    await waitForStage(gw, call.id, ['talk_limit']);
    const cdrCallback = await cdrCallbackOf(gw, call.id);
    const [row] = await cdrRowsOf(gw, call.id);
    const talked = row!.ended_at.getTime() - row!.answered_at!.getTime();
    expect(talked).toBeGreaterThanOrEqual(950);
    expect(talked).toBeLessThan(3000);
    expectCdrMatchesRow(cdrCallback, row!, { hangupcause: 10001, hangupdirection: 10040, userkey: '', customuuid: 'played-limit', chengshudu: '0' });
  });

  it('online voice the engine cannot fetch (the seed URL): the number answers, the gateway hangs up; CDR answered, ended by the platform', async () => {
    await send({ token, destnumber: '13333333333', voicetype: '2', voicefile: 'wwww.baidu.com/test.mp3', disnumber: '13333333333', customuuid: 'played-unreachable' });
    const call = await callOf('played-unreachable');
    await waitForStage(gw, call.id, ['media_failed']);
    const cdrCallback = await cdrCallbackOf(gw, call.id);
    const [row] = await cdrRowsOf(gw, call.id);
    expect(row).toMatchObject({ hangup_side: 'system', extension: null });
    expect(row!.answered_at).not.toBeNull();
    expectCdrMatchesRow(cdrCallback, row!, { hangupcause: 10001, hangupdirection: 10040, userkey: '', customuuid: 'played-unreachable', chengshudu: '0' });
  });

  it('the customer hanging up during the file ends the call on its side', async () => {
    await send({ token, destnumber: '13333333333', voicetype: '1', voicefile: 'long', disnumber: '13333333333', customuuid: 'played-gone' });
    const call = await callOf('played-gone');
    await waitForStage(gw, call.id, ['playing']);
    await gw.farEnd.hangup(`${call.id}.1`);
    const cdrCallback = await cdrCallbackOf(gw, call.id);
    const [row] = await cdrRowsOf(gw, call.id);
    expect(row).toMatchObject({ hangup_side: 'callee', hangup_cause: 16 });
    expectCdrMatchesRow(cdrCallback, row!, { hangupcause: 10001, hangupdirection: 10040, userkey: '', customuuid: 'played-gone', chengshudu: '0' });
  });

  it('the batch: every number called once, at most the configured number at a time, each with its CDR callback; userkey 1 records the key', async () => {
    const numbers = ['13300000011', '13300000012', '13300000013', '13300000014', '13300000015'];
    await gw.farEnd.setNumber('13300000012', { outcome: 'answer', ringMs: 200, dtmf: '5', dtmfAfterMs: 150 });
    await gw.farEnd.setNumber('13300000014', { outcome: 'busy', ringMs: 100 });
    try {
      const response = await send({
        appid: 'demoappid',
        accesskey: 'demoaccesskey',
        nationcode: 'ph',
        destnumber: [...numbers, numbers[0]!].join(','),
        voicetype: '1',
        voicefile: 'notice',
        userkey: '1',
        waittime: '5',
        conntime: '30',
        todayonly: '2',
        disnumber: '13333333333',
        customuuid: 'batch-1',
      });
      expect(response.text).toMatch(SENT);

      const calls = await gw.waitFor(async () => {
        const all = await callsOf('batch-1');
        return all.length === numbers.length && all.every((call) => call.ended_at !== null) ? all : undefined;
      }, 20000, 'every number of the batch called');
      expect(calls.map((call) => call.to_number).sort()).toEqual(numbers);

      // Never more than MAX_LIVE calls of the batch at once.
      const moments = calls.flatMap((call) => [
        { at: call.created_at.getTime(), step: 1 },
        { at: call.ended_at!.getTime(), step: -1 },
      ]);
      moments.sort((a, b) => a.at - b.at || a.step - b.step);
      let live = 0;
      let most = 0;
      for (const moment of moments) {
        live += moment.step;
        most = Math.max(most, live);
      }
      expect(most).toBe(MAX_LIVE);

      const byNumber = new Map(calls.map((call) => [call.to_number, call]));
      const cdrOf = async (number: string): Promise<{ callback: ReceivedCallback; row: CdrRow }> => {
        const call = byNumber.get(number)!;
        const callback = await cdrCallbackOf(gw, call.id);
        const rows = await cdrRowsOf(gw, call.id);
        expect(rows).toHaveLength(1);
        return { callback, row: rows[0]! };
      };
      const base = { hangupdirection: 10040, customuuid: 'batch-1', chengshudu: '0' };
      for (const number of ['13300000011', '13300000013', '13300000015']) {
        const { callback, row } = await cdrOf(number);
        expect(byNumber.get(number)!.stage).toBe('no_key');
        expectCdrMatchesRow(callback, row, { ...base, hangupcause: 10001, userkey: '', destnumber: number });
      }
      const keyed = await cdrOf('13300000012');
      expect(byNumber.get('13300000012')!.stage).toBe('key_collected');
      expectCdrMatchesRow(keyed.callback, keyed.row, { ...base, hangupcause: 10001, userkey: '5', destnumber: '13300000012' });
      const busy = await cdrOf('13300000014');
      expect(busy.row).toMatchObject({ hangup_cause: 17, answered_at: null });
      expectCdrMatchesRow(busy.callback, busy.row, { ...base, hangupcause: 10020, userkey: '', destnumber: '13300000014' });
      for (const call of calls) expect(statusCallbacksOf(gw, call.id)).toEqual([]);
    } finally {
      await gw.farEnd.setNumber('13300000012', { outcome: 'answer', ringMs: 300 });
      await gw.farEnd.setNumber('13300000014', { outcome: 'answer', ringMs: 300 });
    }
  });

  it('bad batches are answered at once and call nobody', async () => {
    const base = { appid: 'demoappid', accesskey: 'demoaccesskey', nationcode: 'in', voicetype: '1', voicefile: 'notice', customuuid: 'batch-bad' };
    const tooMany = Array.from({ length: 5001 }, (_v, i) => String(919800000000 + i)).join(',');
    expect((await send({ ...base, destnumber: tooMany })).text).toBe(
      '{"ret":400,"data":[],"msg":"Bad Request: destnumber should contain at most 5000 numbers, but now destnumber contains 5001"}',
    );
    expect((await send({ ...base, destnumber: '9198,<script>' })).text).toBe('{"ret":400,"data":[],"msg":"Bad Request: destnumber must be a comma-separated list of phone numbers"}');
    expect((await send({ ...base, accesskey: 'wrong', destnumber: '919800000001' })).text).toMatch(
      /^\{"ret":200,"data":\{"status":1,"desc":"Authorization failed","errors":\{"code":"1003","codemsg":"Authorization failed"\},"reqtime":[0-9]{10},"rsptime":[0-9]{10}\},"msg":""\}$/,
    );
    expect(await callsOf('batch-bad')).toEqual([]);
  });
});
