import { defaultCoreConfig } from '@pbx-gateway/core';
import { startTestGateway, TEST_MEDIA, type TestGateway } from '@pbx-gateway/test-support';

const MENU_SOUND = 'sipcall/2028/menu';
import {
  callbacksOf,
  callOf,
  cdrCallbackOf,
  cdrRowsOf,
  expectCdrMatchesRow,
  login,
  playVoice,
  STATUS_KEYS,
  statusCallbacksOf,
  waitForStage,
} from './support/integration';

/**
 * The whole gateway (Postgres, the engine over ARI, every dialect) running the
 * seed's voice menu: the phone of extension 100 answers by itself, the phone
 * of 101 rings until told otherwise, so the first to answer is known. The
 * menu plays an uploaded voice file (voicetype 1), which both engines have;
 * the seed's online voice URL cannot be fetched
 * (play-voice-unreachable-audio.e2e.test.ts).
 */
describe('Sip_Call voice menu on the whole stack', () => {
  let gw: TestGateway;
  let token: string;
  // An uploaded file of the demo company (2028), played as sound:sipcall/2028/menu.
  const play = (overrides: Record<string, string>) => playVoice(gw, token, { voicetype: '1', voicefile: 'menu', ...overrides });

  beforeAll(async () => {
    gw = await startTestGateway({
      sim: { media: { ...TEST_MEDIA, [MENU_SOUND]: 600 } },
      core: { voiceMenuKeyWaitMs: 700, outbox: { ...defaultCoreConfig.outbox, retryBaseMs: 100, retryMaxMs: 300 } },
    });
    await gw.farEnd.setPhone('sip100', { outcome: 'answer', ringMs: 400 });
    await gw.farEnd.setPhone('sip101', { outcome: 'noanswer' });
    token = await login(gw);
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('the seed example: key 1, both extensions ring, 100 answers, 101 is released, the customer hangs up; status and CDR callbacks as the seed', async () => {
    const response = await play({ customuuid: 'seed-full' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(response.text).toMatch(/^\{"ret":200,"data":\{"status":0,"desc":"Play command sent successfully","reqtime":[0-9]{10},"rsptime":[0-9]{10}\},"msg":""\}$/);

    const call = await callOf(gw, 'seed-full');
    await waitForStage(gw, call.id, ['playing', 'awaiting_key']);
    await gw.farEnd.pressDtmf(`${call.id}.1`, '1');
    await waitForStage(gw, call.id, ['connected']);
    // Both members rang, 100 answered, 101 was released.
    await gw.waitFor(() => statusCallbacksOf(gw, call.id).length >= 4, 5000, 'ring, ring, answer, hangup');
    await gw.farEnd.hangup(`${call.id}.1`);

    const cdrCallback = await cdrCallbackOf(gw, call.id);
    const statuses = await gw.waitFor(() => {
      const all = statusCallbacksOf(gw, call.id);
      return all.length >= 5 ? all : undefined;
    }, 5000, 'the last hangup');

    const base = {
      callee: '13333333333',
      companycode: '2028',
      direction: 'callout',
      disnumber: '13333333333',
      isbleg: 'true',
      method: '3',
      starttime: String(Math.floor(new Date(call.created_at).getTime() / 1000)),
      uuid: call.id,
      ip: '127.0.0.1',
      customuuid: 'seed-full',
      type: 'call',
    };
    const ext100 = { ...base, buuid: `${call.id}.2`, caller: '100', extnumber: '100' };
    const ext101 = { ...base, buuid: `${call.id}.3`, caller: '101', extnumber: '101' };
    const sortKey = (status: Record<string, string>) => `${status.extnumber}:${['ring', 'answer', 'hangup'].indexOf(status.status!)}`;
    expect([...statuses].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual([
      { ...ext100, status: 'ring' },
      { ...ext100, status: 'answer' },
      { ...ext100, status: 'hangup' },
      { ...ext101, status: 'ring' },
      { ...ext101, status: 'hangup' },
    ]);
    for (const status of statuses) {
      expect(Object.keys(status)).toEqual(STATUS_KEYS);
      for (const value of Object.values(status)) expect(typeof value).toBe('string');
    }

    const rows = await cdrRowsOf(gw, call.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ extension: '100', hangup_side: 'callee', hangup_cause: 16 });
    expectCdrMatchesRow(cdrCallback, rows[0]!, { hangupcause: 10001, hangupdirection: 10040, userkey: '1', customuuid: 'seed-full' });
    expect((cdrCallback.body as { answertime: string }).answertime).not.toBe('');

    // One delivery per callback: five statuses and one CDR, each with its own idempotency key.
    const keys = callbacksOf(gw, call.id).map((callback) => callback.headers['idempotency-key']);
    expect(keys).toHaveLength(6);
    expect(new Set(keys).size).toBe(6);
  });

  it('both extensions answer at once: the one that gets the caller is told ring, answer, hangup; the other only ring and hangup', async () => {
    await gw.farEnd.setPhone('sip101', { outcome: 'answer', ringMs: 400 });
    try {
      await play({ customuuid: 'both-answer' });
      const call = await callOf(gw, 'both-answer');
      await waitForStage(gw, call.id, ['playing', 'awaiting_key']);
      await gw.farEnd.pressDtmf(`${call.id}.1`, '1');
      const connected = await waitForStage(gw, call.id, ['connected']);
      expect(connected).toBeDefined();
      // The loser is released by the gateway: wait for its hangup before the customer leaves.
      await gw.waitFor(() => statusCallbacksOf(gw, call.id).filter((status) => status.status === 'hangup').length >= 1, 5000, 'the loser released');
      await gw.farEnd.hangup(`${call.id}.1`);
      await cdrCallbackOf(gw, call.id);
      const statuses = await gw.waitFor(() => {
        const all = statusCallbacksOf(gw, call.id);
        return all.filter((status) => status.status === 'hangup').length >= 2 ? all : undefined;
      }, 5000, 'both hangups');
      const [row] = await cdrRowsOf(gw, call.id);
      const winner = row!.extension!;
      const loser = winner === '100' ? '101' : '100';
      const of = (extension: string) => statuses.filter((status) => status.extnumber === extension).map((status) => status.status);
      expect(of(winner)).toEqual(['ring', 'answer', 'hangup']);
      expect(of(loser)).toEqual(['ring', 'hangup']);
    } finally {
      await gw.farEnd.setPhone('sip101', { outcome: 'noanswer' });
    }
  });

  it('other keys of userid: # transfers on #; an empty key transfers when the audio ends, whatever was pressed', async () => {
    await play({ customuuid: 'key-hash', userid: '#@extGroup-1' });
    const hash = await callOf(gw, 'key-hash');
    await waitForStage(gw, hash.id, ['playing', 'awaiting_key']);
    await gw.farEnd.pressDtmf(`${hash.id}.1`, '#');
    await waitForStage(gw, hash.id, ['connected']);
    await gw.farEnd.hangup(`${hash.id}.1`);
    expect((await cdrCallbackOf(gw, hash.id)).body).toMatchObject({ userkey: '#', extnumber: '100' });

    await play({ customuuid: 'key-none', userid: '@extGroup-1' });
    const none = await callOf(gw, 'key-none');
    await waitForStage(gw, none.id, ['playing']);
    await gw.farEnd.pressDtmf(`${none.id}.1`, '5');
    // No key is waited for: the group rings once the audio (600 ms) ends.
    await waitForStage(gw, none.id, ['connected']);
    await gw.farEnd.hangup(`${none.id}.1`);
    expect((await cdrCallbackOf(gw, none.id)).body).toMatchObject({ userkey: '5', extnumber: '100', hangupcause: 10001 });
  });

  it('no key in time: the gateway hangs up; CDR without extension and key, ended by the system', async () => {
    await play({ customuuid: 'no-key' });
    const call = await callOf(gw, 'no-key');
    const cdrCallback = await cdrCallbackOf(gw, call.id);
    const rows = await cdrRowsOf(gw, call.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ extension: null, hangup_side: 'system' });
    expectCdrMatchesRow(cdrCallback, rows[0]!, { hangupcause: 10001, hangupdirection: 10040, userkey: '', customuuid: 'no-key' });
    expect(statusCallbacksOf(gw, call.id)).toEqual([]);
    expect((await gw.query<{ stage: string }>('SELECT stage FROM calls WHERE id = $1', [call.id]))[0]!.stage).toBe('no_key');
  });

  it('a wrong key: the gateway hangs up at once; CDR userkey is the key pressed', async () => {
    await play({ customuuid: 'wrong-key' });
    const call = await callOf(gw, 'wrong-key');
    await waitForStage(gw, call.id, ['playing', 'awaiting_key']);
    await gw.farEnd.pressDtmf(`${call.id}.1`, '2');
    const cdrCallback = await cdrCallbackOf(gw, call.id);
    const rows = await cdrRowsOf(gw, call.id);
    expect(rows[0]).toMatchObject({ extension: null, hangup_side: 'system' });
    expectCdrMatchesRow(cdrCallback, rows[0]!, { hangupcause: 10001, hangupdirection: 10040, userkey: '2', customuuid: 'wrong-key' });
    expect((await gw.query<{ stage: string }>('SELECT stage FROM calls WHERE id = $1', [call.id]))[0]!.stage).toBe('wrong_key');
    expect(statusCallbacksOf(gw, call.id)).toEqual([]);
  });

  it('the extension hangs up first: CDR hangupdirection 10015', async () => {
    await play({ customuuid: 'ext-hangs-up' });
    const call = await callOf(gw, 'ext-hangs-up');
    await waitForStage(gw, call.id, ['playing', 'awaiting_key']);
    await gw.farEnd.pressDtmf(`${call.id}.1`, '1');
    await waitForStage(gw, call.id, ['connected']);
    await gw.farEnd.hangup(`${call.id}.2`);
    const cdrCallback = await cdrCallbackOf(gw, call.id);
    const rows = await cdrRowsOf(gw, call.id);
    expect(rows[0]).toMatchObject({ extension: '100', hangup_side: 'caller' });
    expectCdrMatchesRow(cdrCallback, rows[0]!, { hangupcause: 10001, hangupdirection: 10015, userkey: '1', customuuid: 'ext-hangs-up' });
  });

  it('a customer who does not answer: no answertime, billsec 0, cause "not answered"', async () => {
    await gw.farEnd.setNumber('13300000001', { outcome: 'busy', ringMs: 100 });
    try {
      await play({ customuuid: 'busy', destnumber: '13300000001' });
      const call = await callOf(gw, 'busy');
      const cdrCallback = await cdrCallbackOf(gw, call.id);
      const body = cdrCallback.body as Record<string, unknown>;
      expect(body).toMatchObject({ answertime: '', billsec: 0, hangupcause: 10020, hangupdirection: 10040, destnumber: '13300000001', extnumber: '', userkey: '' });
      const rows = await cdrRowsOf(gw, call.id);
      expect(rows[0]).toMatchObject({ hangup_cause: 17, hangup_side: 'callee' });
      expect(body.duration).toBe(Math.floor(rows[0]!.ended_at.getTime() / 1000) - Math.floor(rows[0]!.started_at.getTime() / 1000));
    } finally {
      await gw.farEnd.setNumber('13300000001', { outcome: 'answer', ringMs: 300 });
    }
  });

  it('callbacks are retried while the receiver fails, then delivered once per idempotency key', async () => {
    const undelivered = async () => Number((await gw.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL'))[0]!.n);
    // Earlier calls' callbacks are all out, so the two failures fall on this call's CDR.
    await gw.waitFor(async () => (await undelivered()) === 0, 5000, 'empty outbox');
    gw.callbacks.failNext(2);
    await play({ customuuid: 'retried' });
    const call = await callOf(gw, 'retried');
    const cdrCallback = await cdrCallbackOf(gw, call.id, 10000);
    const key = cdrCallback.headers['idempotency-key']!;
    const outbox = await gw.waitFor(async () => {
      const rows = await gw.query<{ attempts: number; delivered_at: Date | null; last_error: string | null; topic: string; url: string }>(
        'SELECT attempts, delivered_at, last_error, topic, url FROM outbox WHERE id = $1',
        [key],
      );
      return rows[0]?.delivered_at ? rows[0] : undefined;
    }, 5000, 'delivery recorded');
    expect(outbox).toMatchObject({ attempts: 2, topic: 'sipcall.cdr', url: gw.callbacks.url, last_error: 'HTTP 500' });
    // Nothing left to deliver, and the receiver saw this callback exactly once.
    await gw.waitFor(async () => (await undelivered()) === 0, 5000, 'empty outbox');
    expect(gw.callbacks.received().filter((callback) => callback.headers['idempotency-key'] === key)).toHaveLength(1);
  });

  it('core refusals on the real core: unknown group, host not allowed, undialable number', async () => {
    const group = await playVoice(gw, token, { userid: '1@no-such-group', customuuid: 'g' });
    expect(JSON.parse(group.text).data).toMatchObject({ status: 1, errors: { code: '1002', codemsg: 'Extension group does not exist' } });
    const host = await playVoice(gw, token, { voicefile: 'http://evil.example/x.mp3', customuuid: 'h' });
    expect(JSON.parse(host.text).data).toMatchObject({ status: 1, errors: { code: '1002', codemsg: 'Voice file not allowed' } });
    const number = await playVoice(gw, token, { destnumber: '1333-abc', customuuid: 'n' });
    expect(JSON.parse(number.text).data).toMatchObject({ status: 1, errors: { code: '1002', codemsg: 'Invalid number' } });
    expect(await gw.query("SELECT id FROM calls WHERE data->>'customuuid' IN ('g', 'h', 'n')")).toEqual([]);
  });

  it('logs every request with the token and accesskey redacted', async () => {
    const rows = await gw.query<{ operation: string; params: Record<string, string>; api_user: string | null }>(
      "SELECT operation, params, api_user FROM api_log WHERE dialect = 'sipcall' ORDER BY id",
    );
    expect(rows.length).toBeGreaterThan(5);
    const loginRow = rows.find((row) => row.operation === 'App.Sip_Auth.Login')!;
    expect(loginRow.params.accesskey).toBe('[redacted]');
    const playRow = rows.find((row) => row.operation === 'App.Sip_Call.PlayVoice')!;
    expect(playRow.params.token).toBe('[redacted]');
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('the seed request verbatim, with its placeholder token ABCDEFG, is refused as a bad token', async () => {
    const response = await playVoice(gw, 'ABCDEFG');
    expect(response.status).toBe(200);
    expect(response.text).toBe('{"ret":600,"data":[],"msg":"Token invalid, please log in again"}');
  });
});

describe('Sip_Call token expiry on the whole stack', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ dialects: { sipcall: { tokenTtlMs: 300 } } });
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('a token past its TTL answers 600; a new Login works again', async () => {
    const token = await login(gw);
    const expired = await gw.waitFor(async () => {
      const response = await playVoice(gw, token, { destnumber: '1', voicefile: 'http://evil.example/x.mp3' });
      return JSON.parse(response.text).ret === 600 ? response : undefined;
    }, 5000, 'token expiry');
    expect(expired.text).toBe('{"ret":600,"data":[],"msg":"Token invalid, please log in again"}');
    const fresh = await login(gw);
    expect(fresh).not.toBe(token);
    const again = await playVoice(gw, fresh, { voicefile: 'http://evil.example/x.mp3' });
    expect(JSON.parse(again.text).data.errors.code).toBe('1002');
  });
});

describe('Sip_Call Logout on the whole stack', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('Logout revokes the token in Postgres (600 afterwards) and leaves the account\'s other token valid; only fingerprints are stored', async () => {
    const first = await login(gw);
    const second = await login(gw);
    const tokens = async () => gw.query<{ fingerprint: string; expires_at: Date; issued_at: Date }>("SELECT fingerprint, issued_at, expires_at FROM access_tokens WHERE kind = 'sipcall-token'");
    const before = await tokens();
    expect(JSON.stringify(before)).not.toContain(first);
    for (const row of before) expect(row.expires_at.getTime() - row.issued_at.getTime()).toBe(12 * 3600 * 1000);
    const out = await gw.http.post('/').field('service', 'App.Sip_Auth.Logout').field('token', first);
    expect(JSON.parse(out.text)).toMatchObject({ ret: 200, data: { status: 0, desc: 'Logout successful' } });
    expect(await tokens()).toHaveLength(before.length - 1);
    const refused = await playVoice(gw, first, { voicefile: 'http://evil.example/x.mp3' });
    expect(refused.text).toBe('{"ret":600,"data":[],"msg":"Token invalid, please log in again"}');
    const other = await playVoice(gw, second, { voicefile: 'http://evil.example/x.mp3' });
    expect(JSON.parse(other.text).data.errors.code).toBe('1002');
  });
});
