import request from 'supertest';
import { buildApp, DEMO_COMPANY, demoCore } from './support/app';
import type { SipcallCore } from './support/sipcall-core';
import { badRequest, refusal } from './support/wire-answers';

const PLAY_SENT = '{"ret":200,"data":{"status":0,"desc":"Play command sent successfully","reqtime":1581307099,"rsptime":1581307099},"msg":""}';
const ORIGIN = { dialect: 'sipcall', operation: 'PlayVoice', apiUserId: DEMO_COMPANY.id };

/** Play and hang up (ShowDoc "播放IVR语音"): a token, one number, no `userid`. */
const playFields = (token: string): Record<string, string> => ({
  service: 'App.Sip_Call.PlayVoice',
  token,
  destnumber: '13333333333',
  voicetype: '1',
  voicefile: 'welcome.wav',
  ext: 'A',
  waittime: '20',
  conntime: '60',
  customuuid: 'crm-7',
});

/** The batch IVR: the account's credentials, a country and a list of numbers. */
const batchFields = (): Record<string, string> => ({
  service: 'App.Sip_Call.PlayVoice',
  appid: DEMO_COMPANY.login,
  accesskey: 'demoaccesskey',
  nationcode: 'ph',
  destnumber: '639170000001, 639170000002,639170000001',
  voicetype: '2',
  voicefile: 'wwww.baidu.com/test.mp3',
  userkey: '1',
  waittime: '30',
  conntime: '120',
});

const changed = (fields: Record<string, string>, changes: Record<string, string | undefined>): Record<string, string> => {
  const out = { ...fields };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
};

describe('App.Sip_Call.PlayVoice, play and hang up and batch IVR variants', () => {
  let core: SipcallCore;
  let token: string;

  beforeEach(async () => {
    core = await demoCore();
    token = await core.tokenFor(DEMO_COMPANY.id);
  });

  afterEach(async () => {
    await core.t.store.close();
  });

  it('without userid: plays the company file to the number and hangs up, with its ring and talk limits', async () => {
    const response = await request(buildApp(core)).post('/').type('form').send(playFields(token));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(response.text).toBe(PLAY_SENT);
    expect(core.voiceMenuCalls).toEqual([]);
    expect(core.playedCalls).toEqual([
      {
        destination: '13333333333',
        callerId: null,
        media: { kind: 'sound', name: 'sipcall/2028/welcome' },
        collectKey: false,
        ringSec: 20,
        talkLimitSec: 60,
        tenant: '2028',
        data: { customuuid: 'crm-7', chengshudu: 'A' },
        origin: ORIGIN,
      },
    ]);
  });

  it('without userid and with no limits: the gateway ring time and no talk limit; an online URL normalised', async () => {
    const fields = changed(playFields(token), { waittime: undefined, conntime: undefined, ext: undefined, voicetype: '2', voicefile: 'audio.example.com/a.mp3', chengshudu: '3' });
    expect((await request(buildApp(core)).post('/').type('form').send(fields)).text).toBe(PLAY_SENT);
    expect(core.playedCalls[0]).toMatchObject({ media: { kind: 'url', url: 'http://audio.example.com/a.mp3' }, ringSec: null, talkLimitSec: null, data: { customuuid: 'crm-7', chengshudu: '3' } });
  });

  it('with appid: the batch, each number once, until the end of the Beijing day, taking a key', async () => {
    const response = await request(buildApp(core)).post('/api/yunhu').type('form').send(batchFields());
    expect(response.text).toBe(PLAY_SENT);
    expect(core.playedBatches).toEqual([
      {
        destinations: ['639170000001', '639170000002', '639170000001'],
        // 2020-02-10 in Beijing ends at 16:00 UTC.
        dialUntil: new Date('2020-02-10T16:00:00.000Z'),
        callerId: null,
        media: { kind: 'url', url: 'http://wwww.baidu.com/test.mp3' },
        collectKey: true,
        ringSec: 30,
        talkLimitSec: 120,
        tenant: '2028',
        data: { nationcode: 'ph' },
        origin: ORIGIN,
      },
    ]);
    // The API log knows the company, and keeps its access key out.
    const logged = core.apiLog.at(-1)!;
    expect(logged.apiUser).toBe(DEMO_COMPANY.id);
    expect(JSON.stringify(logged)).not.toContain('demoaccesskey');
  });

  it('todayonly 2 carries the numbers over (no deadline); userkey 0 (the default) takes no key', async () => {
    const fields = changed(batchFields(), { todayonly: '2', userkey: undefined });
    expect((await request(buildApp(core)).post('/').type('form').send(fields)).text).toBe(PLAY_SENT);
    expect(core.playedBatches[0]).toMatchObject({ dialUntil: null, collectKey: false });
  });

  it('takes 5000 numbers and refuses 5001', async () => {
    const numbers = (count: number): string => Array.from({ length: count }, (_v, i) => String(639170000000 + i)).join(',');
    const app = buildApp(core);
    expect((await request(app).post('/').type('form').send(changed(batchFields(), { destnumber: numbers(5000) }))).text).toBe(PLAY_SENT);
    expect(core.playedBatches[0]!.destinations).toHaveLength(5000);
    const refused = await request(app).post('/').type('form').send(changed(batchFields(), { destnumber: numbers(5001) }));
    expect(refused.text).toBe(badRequest('destnumber should contain at most 5000 numbers, but now destnumber contains 5001'));
    expect(core.playedBatches).toHaveLength(1);
  });

  describe('the caller: a token, or the account credentials for the batch', () => {
    it('no token without userid: ret 600', async () => {
      const response = await request(buildApp(core)).post('/').type('form').send(changed(playFields(token), { token: undefined }));
      expect(response.text).toBe('{"ret":600,"data":[],"msg":"Token invalid, please log in again"}');
      expect(core.playedCalls).toEqual([]);
    });

    it.each([
      ['unknown appid', { appid: 'nobody' }, '{"ret":601,"data":[],"msg":"Appid not authorized"}'],
      ['wrong accesskey', { accesskey: 'wrong' }, refusal('1003', 'Authorization failed')],
    ])('batch with %s', async (_name, changes, answer) => {
      const response = await request(buildApp(core)).post('/').type('form').send(changed(batchFields(), changes));
      expect(response.text).toBe(answer);
      expect(core.playedBatches).toEqual([]);
    });

    it('batch of a disabled account: ret 602; from an address not allowed: 604', async () => {
      await core.changeUser(DEMO_COMPANY.id, { active: false });
      expect((await request(buildApp(core)).post('/').type('form').send(batchFields())).text).toBe('{"ret":602,"data":[],"msg":"Appid authorization expired"}');
      await core.changeUser(DEMO_COMPANY.id, { active: true, attributes: { ...DEMO_COMPANY.attributes, allowedIps: '10.9.9.9' } });
      expect((await request(buildApp(core)).post('/').type('form').send(batchFields())).text).toBe('{"ret":604,"data":[],"msg":"IP not authorized"}');
      expect(core.playedBatches).toEqual([]);
    });

    it('parameters come before the credentials, as PhalApi checks them', async () => {
      const response = await request(buildApp(core)).post('/').type('form').send(changed(batchFields(), { appid: 'nobody', nationcode: 'us' }));
      expect(response.text).toBe(badRequest('nationcode should be in in/id/ph/mx/co/tha, but now nationcode = us'.replace(/\//g, '\\/')));
    });
  });

  describe('parameter errors: ret 400, data [], PhalApi message', () => {
    const playCases: Array<[string, Record<string, string | undefined>, string]> = [
      ['destnumber missing', { destnumber: undefined }, 'destnumber require, but miss'],
      ['destnumber a list', { destnumber: '1'.repeat(20) + ',' + '2'.repeat(20) }, 'destnumber.len should <= 32, but now destnumber.len = 41'],
      ['voicetype missing', { voicetype: undefined }, 'voicetype require, but miss'],
      ['voicetype 3', { voicetype: '3' }, 'voicetype should be in 1\\/2, but now voicetype = 3'],
      ['voicefile missing', { voicefile: undefined }, 'voicefile require, but miss'],
      ['voicefile with traversal', { voicefile: '../../etc/passwd' }, 'voicefile must be the name of an uploaded voice file'],
      ['voicefile a file: URL', { voicetype: '2', voicefile: 'file:///etc/passwd' }, 'voicefile must be an http or https URL'],
      ['ext too long', { ext: 'e'.repeat(65) }, 'ext.len should <= 64, but now ext.len = 65'],
      ['waittime 0', { waittime: '0' }, 'waittime must be a whole number from 1 to 300'],
      ['waittime 301', { waittime: '301' }, 'waittime must be a whole number from 1 to 300'],
      ['waittime garbage', { waittime: '1e3' }, 'waittime must be a whole number from 1 to 300'],
      ['conntime negative', { conntime: '-5' }, 'conntime must be a whole number from 1 to 86400'],
      ['conntime 86401', { conntime: '86401' }, 'conntime must be a whole number from 1 to 86400'],
      ['disnumber not a number', { disnumber: 'abc' }, 'disnumber must be a phone number'],
      ['customuuid with a control character', { customuuid: 'a\u0001' }, 'customuuid contains invalid characters'],
      ['customuuid huge', { customuuid: 'u'.repeat(100000) }, 'customuuid.len should <= 255, but now customuuid.len = 100000'],
    ];
    it.each(playCases)('without userid, %s', async (_name, changes, msg) => {
      const response = await request(buildApp(core)).post('/').type('form').send(changed(playFields(token), changes));
      expect(response.status).toBe(200);
      expect(response.text).toBe(badRequest(msg));
      expect(core.playedCalls).toEqual([]);
    });

    const batchCases: Array<[string, Record<string, string | undefined>, string]> = [
      ['accesskey missing', { accesskey: undefined }, 'accesskey require, but miss'],
      ['nationcode missing', { nationcode: undefined }, 'nationcode require, but miss'],
      ['nationcode unknown', { nationcode: 'cn' }, 'nationcode should be in in\\/id\\/ph\\/mx\\/co\\/tha, but now nationcode = cn'],
      ['destnumber missing', { destnumber: undefined }, 'destnumber require, but miss'],
      ['destnumber only commas', { destnumber: ',, ,' }, 'destnumber must be a comma-separated list of phone numbers'],
      ['destnumber with a word', { destnumber: '639170000001,call-me' }, 'destnumber must be a comma-separated list of phone numbers'],
      ['destnumber with a number too long', { destnumber: `639170000001,${'9'.repeat(33)}` }, 'destnumber must be a comma-separated list of phone numbers'],
      ['destnumber with a control character', { destnumber: '639170000001\u0000' }, 'destnumber must be a comma-separated list of phone numbers'],
      ['destnumber huge', { destnumber: '1'.repeat(165001) }, 'destnumber.len should <= 165000, but now destnumber.len = 165001'],
      ['userkey 2', { userkey: '2' }, 'userkey should be in 0\\/1, but now userkey = 2'],
      ['todayonly 0', { todayonly: '0' }, 'todayonly should be in 1\\/2, but now todayonly = 0'],
      ['voicefile missing', { voicefile: undefined }, 'voicefile require, but miss'],
      ['voicefile a gopher URL', { voicefile: 'gopher://wwww.baidu.com/1' }, 'voicefile must be an http or https URL'],
      ['waittime 0', { waittime: '0' }, 'waittime must be a whole number from 1 to 300'],
      ['conntime text', { conntime: 'soon' }, 'conntime must be a whole number from 1 to 86400'],
    ];
    it.each(batchCases)('batch, %s', async (_name, changes, msg) => {
      const response = await request(buildApp(core)).post('/').type('form').send(changed(batchFields(), changes));
      expect(response.status).toBe(200);
      expect(response.text).toBe(badRequest(msg));
      expect(core.playedBatches).toEqual([]);
    });

    it('answers in Chinese with the Chinese setting', async () => {
      const response = await request(buildApp(core, { language: 'zh' })).post('/').type('form').send(changed(batchFields(), { destnumber: 'x' }));
      expect(JSON.parse(response.text)).toEqual({ ret: 400, data: [], msg: '非法请求：destnumber必须是以逗号分隔的电话号码' });
    });
  });

  describe('core refusals', () => {
    it('an online URL whose host is not allowed: business 1002', async () => {
      const response = await request(buildApp(core)).post('/').type('form').send(changed(playFields(token), { voicetype: '2', voicefile: 'http://evil.example.net/a.mp3' }));
      expect(response.text).toBe(refusal('1002', 'Voice file not allowed'));
      const batch = await request(buildApp(core)).post('/').type('form').send(changed(batchFields(), { voicefile: 'http://127.0.0.1/a.mp3' }));
      expect(batch.text).toBe(refusal('1002', 'Voice file not allowed'));
    });

    it('no trunk to dial on: business 1003 No line available, for one number and for a batch', async () => {
      await core.t.store.close();
      core = await demoCore({ trunks: false });
      token = await core.tokenFor(DEMO_COMPANY.id);
      expect((await request(buildApp(core)).post('/').type('form').send(playFields(token))).text).toBe(refusal('1003', 'No line available'));
      expect((await request(buildApp(core)).post('/').type('form').send(batchFields())).text).toBe(refusal('1003', 'No line available'));
    });
  });
});
