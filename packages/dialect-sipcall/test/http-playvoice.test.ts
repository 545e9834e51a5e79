import request from 'supertest';
import { DomainErrorCodes } from '@pbx-gateway/core';
import { WIRE_ERRORS } from '@pbx-gateway/dialect-sipcall';
import { buildApp, DEMO_COMPANY, demoCore } from './support/app';
import type { SipcallCore } from './support/sipcall-core';
import { seedPlayVoiceFields } from './support/seed-play-voice';

const SEED_SUCCESS = '{"ret":200,"data":{"status":0,"desc":"Play command sent successfully","reqtime":1581307099,"rsptime":1581307099},"msg":""}';

function multipart(test: request.Test, fields: Record<string, string>): request.Test {
  for (const [name, value] of Object.entries(fields)) test.field(name, value);
  return test;
}

describe('App.Sip_Call.PlayVoice over HTTP', () => {
  let core: SipcallCore;
  let token: string;

  beforeEach(async () => {
    core = await demoCore();
    token = await core.tokenFor(DEMO_COMPANY.id);
  });

  it('answers the seed PHP example (multipart POST to /) with the seed response bytes', async () => {
    const response = await multipart(request(buildApp(core)).post('/'), seedPlayVoiceFields(token));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers.etag).toBeUndefined();
    expect(response.text).toBe(SEED_SUCCESS);
    expect(core.voiceMenuCalls).toEqual([
      {
        destination: '13333333333',
        callerId: '13333333333',
        media: { kind: 'url', url: 'http://wwww.baidu.com/test.mp3' },
        transferKey: '1',
        groupName: 'extGroup-1',
        tenant: '2028',
        data: { customuuid: '13333333333', chengshudu: '1' },
        origin: { dialect: 'sipcall', operation: 'PlayVoice', apiUserId: DEMO_COMPANY.id },
      },
    ]);
  });

  it('accepts the same request url-encoded, as a GET query, and as JSON, on any path', async () => {
    const app = buildApp(core);
    const fields = seedPlayVoiceFields(token);
    const urlencoded = await request(app).post('/').type('form').send(fields);
    const query = await request(app).get('/').query(fields);
    const json = await request(app).post('/index.php').send(fields);
    const otherPath = await request(app).post('/api/yunhu').type('form').send(fields);
    for (const response of [urlencoded, query, json, otherPath]) expect(response.text).toBe(SEED_SUCCESS);
    expect(core.voiceMenuCalls).toHaveLength(4);
  });

  it('lets the body win over the query, and the last of repeated names win', async () => {
    const response = await request(buildApp(core))
      .post('/?destnumber=999&destnumber=888')
      .type('form')
      .send(new URLSearchParams({ ...seedPlayVoiceFields(token), destnumber: '13333333333' }).toString());
    expect(response.text).toBe(SEED_SUCCESS);
    expect(core.voiceMenuCalls[0]!.destination).toBe('13333333333');
  });

  it('matches the service name case-insensitively and completes a two-part name with App', async () => {
    const app = buildApp(core);
    const lower = await request(app).post('/').type('form').send({ ...seedPlayVoiceFields(token), service: 'app.sip_call.playvoice' });
    const short = await request(app).post('/').type('form').send({ ...seedPlayVoiceFields(token), service: 'Sip_Call.PlayVoice' });
    const alias = await request(app).post('/').type('form').send({ ...seedPlayVoiceFields(token), service: undefined, s: 'App.Sip_Call.PlayVoice' });
    for (const response of [lower, short, alias]) expect(response.text).toBe(SEED_SUCCESS);
  });

  it('plays an offline voice file (voicetype 1) from the company directory, dropping a known extension', async () => {
    const response = await request(buildApp(core)).post('/').type('form').send({ ...seedPlayVoiceFields(token), voicetype: '1', voicefile: 'welcome.wav' });
    expect(response.text).toBe(SEED_SUCCESS);
    expect(core.voiceMenuCalls[0]!.media).toEqual({ kind: 'sound', name: 'sipcall/2028/welcome' });
  });

  it('transfers with no key when userid starts with @, lets the platform pick the caller id when disnumber is empty', async () => {
    const response = await request(buildApp(core)).post('/').type('form').send({ ...seedPlayVoiceFields(token), userid: '@extGroup-1', disnumber: '', customuuid: '' });
    expect(response.text).toBe(SEED_SUCCESS);
    expect(core.voiceMenuCalls[0]).toMatchObject({ transferKey: '', groupName: 'extGroup-1', callerId: null, data: { chengshudu: '1' } });
  });

  it('splits userid on the first @ only, and keeps memberid for the CDR', async () => {
    await request(buildApp(core)).post('/').type('form').send({ ...seedPlayVoiceFields(token), userid: '#@group@b', memberid: 'M-7' });
    expect(core.voiceMenuCalls[0]).toMatchObject({ transferKey: '#', groupName: 'group@b', data: { memberid: 'M-7' } });
  });

  it('keeps an https URL and prepends http:// to host:port forms', async () => {
    const app = buildApp(core);
    await request(app).post('/').type('form').send({ ...seedPlayVoiceFields(token), voicefile: 'HTTPS://audio.example.com/a b.mp3'.replace(' ', '%20') });
    await request(app).post('/').type('form').send({ ...seedPlayVoiceFields(token), voicefile: 'audio.example.com:8080/x.mp3' });
    expect(core.voiceMenuCalls.map((call) => call.media)).toEqual([
      { kind: 'url', url: 'https://audio.example.com/a%20b.mp3' },
      { kind: 'url', url: 'http://audio.example.com:8080/x.mp3' },
    ]);
  });

  describe('parameter errors: ret 400, data [], PhalApi message', () => {
    const cases: Array<[string, Record<string, string | undefined>, string]> = [
      ['destnumber missing', { destnumber: undefined }, 'Bad Request: destnumber require, but miss'],
      ['destnumber empty', { destnumber: '' }, 'Bad Request: destnumber require, but miss'],
      ['destnumber too long', { destnumber: '1'.repeat(40) }, 'Bad Request: destnumber.len should <= 32, but now destnumber.len = 40'],
      ['destnumber with a control character', { destnumber: '133\u0000' }, 'Bad Request: destnumber contains invalid characters'],
      ['voicetype missing', { voicetype: undefined }, 'Bad Request: voicetype require, but miss'],
      ['voicetype 3', { voicetype: '3' }, 'Bad Request: voicetype should be in 1/2, but now voicetype = 3'],
      ['voicetype not a number', { voicetype: 'x' }, 'Bad Request: voicetype should be in 1/2, but now voicetype = x'],
      ['voicefile missing', { voicefile: undefined }, 'Bad Request: voicefile require, but miss'],
      ['voicefile a file: URL', { voicefile: 'file:///etc/passwd' }, 'Bad Request: voicefile must be an http or https URL'],
      ['voicefile a gopher URL', { voicefile: 'gopher://wwww.baidu.com/1' }, 'Bad Request: voicefile must be an http or https URL'],
      ['voicefile with credentials', { voicefile: 'http://u:p@wwww.baidu.com/a.mp3' }, 'Bad Request: voicefile must be an http or https URL'],
      ['voicefile with a space', { voicefile: 'http://wwww.baidu.com/a b.mp3' }, 'Bad Request: voicefile must be an http or https URL'],
      ['voicefile name with traversal', { voicetype: '1', voicefile: '../../etc/passwd' }, 'Bad Request: voicefile must be the name of an uploaded voice file'],
      ['voicefile name with a double extension', { voicetype: '1', voicefile: 'a.mp3.php' }, 'Bad Request: voicefile must be the name of an uploaded voice file'],
      ['voicefile name with an unknown extension', { voicetype: '1', voicefile: 'a.php' }, 'Bad Request: voicefile must be the name of an uploaded voice file'],
      ['voicefile name with a path', { voicetype: '1', voicefile: 'dir/a' }, 'Bad Request: voicefile must be the name of an uploaded voice file'],
      ['chengshudu missing', { chengshudu: undefined }, 'Bad Request: chengshudu require, but miss'],
      ['userid without @', { userid: '1extGroup-1' }, 'Bad Request: userid must be <key>@<extension group>'],
      ['userid with a two-character key', { userid: '12@extGroup-1' }, 'Bad Request: userid must be <key>@<extension group>'],
      ['userid with no group', { userid: '1@' }, 'Bad Request: userid must be <key>@<extension group>'],
      ['disnumber not a number', { disnumber: 'abc' }, 'Bad Request: disnumber must be a phone number'],
      ['customuuid too long', { customuuid: 'u'.repeat(256) }, 'Bad Request: customuuid.len should <= 255, but now customuuid.len = 256'],
    ];
    it.each(cases)('%s', async (_name, changes, msg) => {
      const fields: Record<string, string> = { ...seedPlayVoiceFields(token) };
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) delete fields[key];
        else fields[key] = value;
      }
      const response = await request(buildApp(core)).post('/').type('form').send(fields);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
      expect(response.text).toBe(`{"ret":400,"data":[],"msg":${JSON.stringify(msg).replace(/\//g, '\\/')}}`);
      expect(core.voiceMenuCalls).toHaveLength(0);
    });

    it('reports the first failing parameter in the seed order', async () => {
      const response = await request(buildApp(core)).post('/').type('form').send({ service: 'App.Sip_Call.PlayVoice', token, voicetype: '9' });
      expect(response.text).toBe('{"ret":400,"data":[],"msg":"Bad Request: destnumber require, but miss"}');
    });

    it('accepts a request without chengshudu when the lenient setting is on', async () => {
      const fields: Record<string, string> = { ...seedPlayVoiceFields(token) };
      delete fields.chengshudu;
      const response = await request(buildApp(core, { requireChengshudu: false })).post('/').type('form').send(fields);
      expect(response.text).toBe(SEED_SUCCESS);
      expect(core.voiceMenuCalls[0]!.data).toEqual({ customuuid: '13333333333' });
    });
  });

  describe('token: ret 600', () => {
    const TOKEN_INVALID = '{"ret":600,"data":[],"msg":"Token invalid, please log in again"}';
    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['unknown', 'ABCDEFG'],
      ['too long', 'f'.repeat(5000)],
    ])('%s token', async (_name, value) => {
      const fields: Record<string, string> = { ...seedPlayVoiceFields(token) };
      if (value === undefined) delete fields.token;
      else fields.token = value;
      const response = await request(buildApp(core)).post('/').type('form').send(fields);
      expect(response.text).toBe(TOKEN_INVALID);
    });

    it('expired token', async () => {
      const shortLived = await core.tokenFor(DEMO_COMPANY.id, 1000);
      await core.t.advance(1000);
      const response = await request(buildApp(core)).post('/').type('form').send(seedPlayVoiceFields(shortLived));
      expect(response.text).toBe(TOKEN_INVALID);
    });

    it('an account disabled after login answers 602, a client outside the allow-list 604', async () => {
      const app = buildApp(core);
      await core.changeUser(DEMO_COMPANY.id, { attributes: { ...DEMO_COMPANY.attributes, allowedIps: '10.9.9.9' } });
      const outside = await request(app).post('/').type('form').send(seedPlayVoiceFields(token));
      expect(outside.text).toBe('{"ret":604,"data":[],"msg":"IP not authorized"}');
      await core.changeUser(DEMO_COMPANY.id, { attributes: { ...DEMO_COMPANY.attributes, allowedIps: '127.0.0.1, 10.9.9.9' } });
      expect((await request(app).post('/').type('form').send(seedPlayVoiceFields(token))).text).toBe(SEED_SUCCESS);
      await core.changeUser(DEMO_COMPANY.id, { active: false });
      const disabled = await request(app).post('/').type('form').send(seedPlayVoiceFields(token));
      expect(disabled.text).toBe('{"ret":602,"data":[],"msg":"Appid authorization expired"}');
    });

    it('with permissions enforced, a service missing from them answers 603', async () => {
      await core.changeUser(DEMO_COMPANY.id, { permissions: ['App.Sip_Auth'] });
      const refused = await request(buildApp(core, { checkPermissions: true })).post('/').type('form').send(seedPlayVoiceFields(token));
      expect(refused.text).toBe('{"ret":603,"data":[],"msg":"Module not licensed"}');
      await core.changeUser(DEMO_COMPANY.id, { permissions: ['app.sip_call'] });
      const granted = await request(buildApp(core, { checkPermissions: true })).post('/').type('form').send(seedPlayVoiceFields(token));
      expect(granted.text).toBe(SEED_SUCCESS);
    });
  });

  describe('core refusals: ret 200, data.status 1, data.errors', () => {
    const refusal = (wireCode: string, codemsg: string): string =>
      `{"ret":200,"data":{"status":1,"desc":"${codemsg}","errors":{"code":"${wireCode}","codemsg":"${codemsg}"},"reqtime":1581307099,"rsptime":1581307099},"msg":""}`;

    it('the engine away: code 1001', async () => {
      core.t.pbx.setAvailable(false);
      const response = await request(buildApp(core)).post('/').type('form').send(seedPlayVoiceFields(token));
      expect(response.status).toBe(200);
      expect(response.text).toBe(refusal('1001', 'Could not connect to the telephony server'));
    });

    it('the engine refusing the call: code 1003', async () => {
      core.t.pbx.failNext('originate');
      const response = await request(buildApp(core)).post('/').type('form').send(seedPlayVoiceFields(token));
      expect(response.text).toBe(refusal('1003', 'Command failed to send'));
    });

    it('no trunk to call out on: code 1003', async () => {
      const trunkless = await demoCore({ trunks: false });
      const response = await request(buildApp(trunkless)).post('/').type('form').send(seedPlayVoiceFields(await trunkless.tokenFor(DEMO_COMPANY.id)));
      expect(response.text).toBe(refusal('1003', 'No line available'));
    });

    it("an extension group that does not exist, or another company's: code 1002", async () => {
      const app = buildApp(core);
      const missing = await request(app).post('/').type('form').send({ ...seedPlayVoiceFields(token), userid: '1@nosuchgroup' });
      expect(missing.text).toBe(refusal('1002', 'Extension group does not exist'));
      await core.t.store.direct.extensionGroups.upsert({ name: 'other', tenant: '9999', extensionIds: [5], ringTimeoutSec: 20 });
      const foreign = await request(app).post('/').type('form').send({ ...seedPlayVoiceFields(token), userid: '1@other' });
      expect(foreign.text).toBe(refusal('1002', 'Extension group does not exist'));
    });

    it('the core itself refuses an undialable number and a host outside the media allow-list', async () => {
      const app = buildApp(core);
      const number = await request(app).post('/').type('form').send({ ...seedPlayVoiceFields(token), destnumber: '1333abc' });
      expect(JSON.parse(number.text).data.errors).toEqual({ code: '1002', codemsg: 'Invalid number' });
      const host = await request(app).post('/').type('form').send({ ...seedPlayVoiceFields(token), voicefile: 'http://169.254.169.254/latest/meta-data' });
      expect(JSON.parse(host.text).data.errors).toEqual({ code: '1002', codemsg: 'Voice file not allowed' });
    });

    it('maps every domain error code to a wire error', () => {
      for (const code of DomainErrorCodes) expect(WIRE_ERRORS[code]).toBeDefined();
    });

    it('an unexpected failure (the store gone) is a PhalApi server error, not a stack trace', async () => {
      await core.t.store.close();
      const response = await request(buildApp(core)).post('/').type('form').send(seedPlayVoiceFields(token));
      expect(response.status).toBe(200);
      expect(response.text).toBe('{"ret":500,"data":[],"msg":"Internal Server Error: unexpected failure"}');
    });
  });

  it('answers in Chinese, escaped as PHP json_encode does, with the Chinese setting', async () => {
    const app = buildApp(core, { language: 'zh' });
    const ok = await request(app).post('/').type('form').send(seedPlayVoiceFields(token));
    expect(ok.text).toBe('{"ret":200,"data":{"status":0,"desc":"\\u64ad\\u653e\\u547d\\u4ee4\\u53d1\\u9001\\u6210\\u529f","reqtime":1581307099,"rsptime":1581307099},"msg":""}');
    expect(JSON.parse(ok.text).data.desc).toBe('播放命令发送成功');
    const missing = await request(app).post('/').type('form').send({ ...seedPlayVoiceFields(token), destnumber: '' });
    expect(JSON.parse(missing.text)).toEqual({ ret: 400, data: [], msg: '非法请求：缺少必要参数destnumber' });
  });

  it('writes the request to the API log with the token redacted', async () => {
    await request(buildApp(core)).post('/').type('form').send(seedPlayVoiceFields(token));
    await new Promise((resolve) => setImmediate(resolve));
    expect(core.apiLog).toHaveLength(1);
    expect(core.apiLog[0]).toMatchObject({ dialect: 'sipcall', operation: 'App.Sip_Call.PlayVoice', apiUser: DEMO_COMPANY.id, outcome: 'success', result: '200/0' });
    expect(core.apiLog[0]!.params.token).toBe('[redacted]');
    expect(JSON.stringify(core.apiLog[0])).not.toContain(token);
  });
});
