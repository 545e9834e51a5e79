import request from 'supertest';
import { buildApp, DEMO_COMPANY, demoCore } from './support/app';
import type { SipcallCore } from './support/sipcall-core';
import { seedPlayVoiceFields } from './support/seed-play-voice';

const login = (fields: Record<string, string>) => ({ service: 'App.Sip_Auth.Login', ...fields });

describe('App.Sip_Auth.Login and Logout over HTTP', () => {
  let core: SipcallCore;
  beforeEach(async () => {
    core = await demoCore();
  });

  it('answers a good appid/accesskey with the documented body, a 32-hex token and the configured TTL', async () => {
    const response = await request(buildApp(core)).post('/').field('service', 'App.Sip_Auth.Login').field('appid', 'demoappid').field('accesskey', 'demoaccesskey');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
    const token = [...core.tokens.keys()][0]!;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    // 1581307099 is 2020-02-10 11:58:19 in Beijing.
    expect(response.text).toBe(
      `{"ret":200,"data":{"status":0,"desc":"Authorization successful","result":{"companycode":"2028","companyname":"test","token":"${token}","authtime":"2020-02-10 11:58:19","authmodel":""},"reqtime":1581307099,"rsptime":1581307099},"msg":""}`,
    );
    const issued = core.tokens.get(token)!;
    expect(issued).toMatchObject({ kind: 'sipcall-token', subject: DEMO_COMPANY.id });
    expect(issued.expiresAt!.getTime() - issued.issuedAt.getTime()).toBe(12 * 3600 * 1000);
  });

  it('issues a new token per Login and keeps the earlier one valid', async () => {
    const app = buildApp(core);
    await request(app).post('/').type('form').send(login({ appid: 'demoappid', accesskey: 'demoaccesskey' }));
    await request(app).post('/').type('form').send(login({ appid: 'demoappid', accesskey: 'demoaccesskey' }));
    expect(core.tokens.size).toBe(2);
  });

  it('uses the tokenTtlMs setting', async () => {
    await request(buildApp(core, { tokenTtlMs: 5000 })).post('/').type('form').send(login({ appid: 'demoappid', accesskey: 'demoaccesskey' }));
    const issued = [...core.tokens.values()][0]!;
    expect(issued.expiresAt!.getTime() - issued.issuedAt.getTime()).toBe(5000);
  });

  it('an unknown appid: ret 601', async () => {
    const response = await request(buildApp(core)).post('/').type('form').send(login({ appid: 'nobody', accesskey: 'x' }));
    expect(response.text).toBe('{"ret":601,"data":[],"msg":"Appid not authorized"}');
  });

  it('a wrong accesskey: business failure 1003 "Authorization failed"', async () => {
    const response = await request(buildApp(core)).post('/').type('form').send(login({ appid: 'demoappid', accesskey: 'wrong' }));
    expect(response.text).toBe(
      '{"ret":200,"data":{"status":1,"desc":"Authorization failed","errors":{"code":"1003","codemsg":"Authorization failed"},"reqtime":1581307099,"rsptime":1581307099},"msg":""}',
    );
    expect(core.tokens.size).toBe(0);
  });

  it('a locked account answers exactly as a wrong accesskey', async () => {
    const app = buildApp(core);
    // Ten wrong accesskeys lock the account.
    for (let i = 0; i < 10; i += 1) await request(app).post('/').type('form').send(login({ appid: 'demoappid', accesskey: 'wrong' }));
    const response = await request(app).post('/').type('form').send(login({ appid: 'demoappid', accesskey: 'demoaccesskey' }));
    expect(JSON.parse(response.text).data.errors).toEqual({ code: '1003', codemsg: 'Authorization failed' });
  });

  it('an inactive account: ret 602', async () => {
    await core.changeUser(DEMO_COMPANY.id, { active: false });
    const response = await request(buildApp(core)).post('/').type('form').send(login({ appid: 'demoappid', accesskey: 'demoaccesskey' }));
    expect(response.text).toBe('{"ret":602,"data":[],"msg":"Appid authorization expired"}');
  });

  it('a client outside the company allow-list: ret 604', async () => {
    await core.changeUser(DEMO_COMPANY.id, { attributes: { allowedIps: '192.0.2.1' } });
    const response = await request(buildApp(core)).post('/').type('form').send(login({ appid: 'demoappid', accesskey: 'demoaccesskey' }));
    expect(response.text).toBe('{"ret":604,"data":[],"msg":"IP not authorized"}');
    expect(core.tokens.size).toBe(0);
  });

  it.each([
    [{ accesskey: 'x' }, 'Bad Request: appid require, but miss'],
    [{ appid: 'demoappid' }, 'Bad Request: accesskey require, but miss'],
    [{ appid: 'a'.repeat(65), accesskey: 'x' }, 'Bad Request: appid.len should <= 64, but now appid.len = 65'],
    [{ appid: 'demo\nappid', accesskey: 'x' }, 'Bad Request: appid contains invalid characters'],
  ])('bad parameters %j: ret 400', async (fields, msg) => {
    const response = await request(buildApp(core)).post('/').type('form').send(login(fields));
    expect(response.text).toBe(`{"ret":400,"data":[],"msg":"${msg}"}`);
  });

  it('Logout clears the token (later use answers 600), and is idempotent', async () => {
    const app = buildApp(core);
    const token = await core.tokenFor(DEMO_COMPANY.id);
    const expected = '{"ret":200,"data":{"status":0,"desc":"Logout successful","reqtime":1581307099,"rsptime":1581307099},"msg":""}';
    const first = await request(app).post('/').field('service', 'App.Sip_Auth.Logout').field('token', token);
    expect(first.text).toBe(expected);
    const again = await request(app).post('/').field('service', 'App.Sip_Auth.Logout').field('token', token);
    expect(again.text).toBe(expected);
    const unknown = await request(app).post('/').field('service', 'App.Sip_Auth.Logout').field('token', 'never-issued');
    expect(unknown.text).toBe(expected);
    const play = await request(app).post('/').type('form').send({ service: 'App.Sip_Call.PlayVoice', token, destnumber: '1', voicetype: '2', voicefile: 'wwww.baidu.com/a.mp3', chengshudu: '1', userid: '1@g' });
    expect(play.text).toBe('{"ret":600,"data":[],"msg":"Token invalid, please log in again"}');
  });

  describe('token lifecycle (spec §4)', () => {
    const TOKEN_INVALID = '{"ret":600,"data":[],"msg":"Token invalid, please log in again"}';
    const loginToken = async (app: ReturnType<typeof buildApp>): Promise<string> => {
      const response = await request(app).post('/').type('form').send(login({ appid: 'demoappid', accesskey: 'demoaccesskey' }));
      return (JSON.parse(response.text) as { data: { result: { token: string } } }).data.result.token;
    };
    const use = async (app: ReturnType<typeof buildApp>, token: string) =>
      request(app).post('/').type('form').send({ ...seedPlayVoiceFields(token), customuuid: 'lifecycle' });

    it('a token from Login works for 12 hours and answers 600 from the 12th hour on', async () => {
      const app = buildApp(core);
      const token = await loginToken(app);
      await core.t.advance(12 * 3600 * 1000 - 1000);
      expect(JSON.parse((await use(app, token)).text)).toMatchObject({ ret: 200, data: { status: 0 } });
      await core.t.advance(1000);
      expect((await use(app, token)).text).toBe(TOKEN_INVALID);
      // Logging in again is the client's way back (the vendor's clients retry once).
      const fresh = await loginToken(app);
      expect(JSON.parse((await use(app, fresh)).text)).toMatchObject({ ret: 200, data: { status: 0 } });
    });

    it('Logout revokes only the token it names: another Login of the same account keeps working', async () => {
      const app = buildApp(core);
      const first = await loginToken(app);
      const second = await loginToken(app);
      await request(app).post('/').field('service', 'App.Sip_Auth.Logout').field('token', first);
      expect((await use(app, first)).text).toBe(TOKEN_INVALID);
      expect(JSON.parse((await use(app, second)).text)).toMatchObject({ ret: 200, data: { status: 0 } });
      expect(core.tokens.size).toBe(1);
    });

    it('Logout of an expired token is a success, and the token stays refused', async () => {
      const app = buildApp(core);
      const token = await loginToken(app);
      await core.t.advance(12 * 3600 * 1000);
      const out = await request(app).post('/').field('service', 'App.Sip_Auth.Logout').field('token', token);
      expect(JSON.parse(out.text)).toMatchObject({ ret: 200, data: { status: 0, desc: 'Logout successful' } });
      expect((await use(app, token)).text).toBe(TOKEN_INVALID);
    });

    it('a wrong, expired or re-cased token answers 600 on every kind of service', async () => {
      const app = buildApp(core);
      const expired = await core.tokenFor(DEMO_COMPANY.id, 1000);
      await core.t.advance(1000);
      const almost = (await core.tokenFor(DEMO_COMPANY.id)).replace(/.$/, (last) => (last === '0' ? '1' : '0'));
      const services: Array<Record<string, string>> = [
        { service: 'App.Sip_Call.MakeCall', extnumber: '100', destnumber: '13333333333' },
        { service: 'App.Sip_Call.HangupCall', extnumber: '100' },
        { service: 'App.Sip_Status.GetSipValidStatus', extnumber: '100' },
        { service: 'App.Sip_Queue.GetQueueList' },
        { service: 'App.Sip_Cdr.GetBill', starttime: '2020-02-10 00:00:00', endtime: '2020-02-10 23:59:59' },
      ];
      for (const fields of services) {
        for (const token of [expired, almost, expired.toUpperCase()]) {
          const response = await request(app).post('/').type('form').send({ ...fields, token });
          expect([fields.service, response.text]).toEqual([fields.service, TOKEN_INVALID]);
        }
      }
    });
  });

  it('Logout with appid/accesskey instead of a token clears every token of the account', async () => {
    const app = buildApp(core);
    await request(app).post('/').type('form').send(login({ appid: 'demoappid', accesskey: 'demoaccesskey' }));
    await request(app).post('/').type('form').send(login({ appid: 'demoappid', accesskey: 'demoaccesskey' }));
    expect(core.tokens.size).toBe(2);
    const ok = await request(app).post('/').type('form').send({ service: 'App.Sip_Auth.Logout', appid: 'demoappid', accesskey: 'demoaccesskey' });
    expect(JSON.parse(ok.text)).toMatchObject({ ret: 200, data: { status: 0, desc: 'Logout successful' } });
    expect(core.tokens.size).toBe(0);
    const wrong = await request(app).post('/').type('form').send({ service: 'App.Sip_Auth.Logout', appid: 'demoappid', accesskey: 'bad' });
    expect(JSON.parse(wrong.text).data.errors).toEqual({ code: '1003', codemsg: 'Authorization failed' });
    const half = await request(app).post('/').type('form').send({ service: 'App.Sip_Auth.Logout', appid: 'demoappid' });
    expect(half.text).toBe('{"ret":400,"data":[],"msg":"Bad Request: accesskey require, but miss"}');
    const none = await request(app).post('/').type('form').send({ service: 'App.Sip_Auth.Logout' });
    expect(none.text).toBe('{"ret":400,"data":[],"msg":"Bad Request: token require, but miss"}');
  });

  it('Login in Chinese', async () => {
    const response = await request(buildApp(core, { language: 'zh' })).post('/').type('form').send(login({ appid: 'nobody', accesskey: 'x' }));
    expect(response.text).toBe('{"ret":601,"data":[],"msg":"appid\\u672a\\u6388\\u6743"}');
  });

  it('redacts the accesskey in the API log', async () => {
    await request(buildApp(core)).post('/').type('form').send(login({ appid: 'demoappid', accesskey: 'demoaccesskey' }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(core.apiLog[0]).toMatchObject({ operation: 'App.Sip_Auth.Login', apiUser: DEMO_COMPANY.id, params: { appid: 'demoappid', accesskey: '[redacted]' } });
  });
});
