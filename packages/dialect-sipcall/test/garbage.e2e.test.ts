import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { Garbage } from './support/garbage';
import { login } from './support/integration';
import { seedPlayVoiceFields } from './support/seed-play-voice';

const RETS = new Set([200, 400, 404, 600, 601, 602, 603, 604]);

/**
 * Mutated requests against the real core, store and engine: whatever reaches
 * them, the answer is PhalApi's envelope with a known `ret`, and the gateway
 * keeps answering.
 */
describe('generated garbage on the whole stack', () => {
  let gw: TestGateway;
  let token: string;

  beforeAll(async () => {
    gw = await startTestGateway({ sim: { remoteMediaMs: 200 }, core: { voiceMenuKeyWaitMs: 200 } });
    token = await login(gw);
  });

  afterAll(async () => {
    await gw?.close();
  });

  const valid: Record<string, () => Record<string, string>> = {
    'App.Sip_Auth.Login': () => ({ service: 'App.Sip_Auth.Login', appid: 'demoappid', accesskey: 'demoaccesskey' }),
    'App.Sip_Auth.Logout': () => ({ service: 'App.Sip_Auth.Logout', token: 'f'.repeat(32) }),
    'App.Sip_Call.PlayVoice': () => ({ ...seedPlayVoiceFields(token), userid: '@extGroup-1', customuuid: 'garbage' }),
  };

  it('answers / and service-bearing paths, never the paths of other dialects or unrelated URLs', async () => {
    const root = await gw.http.get('/');
    expect(root.text).toBe('{"ret":404,"data":[],"msg":"Bad Request: no such service as App.Site.Index"}');
    const elsewhere = await gw.http.get('/some/path?service=App.Sip_Auth.Login');
    expect(elsewhere.text).toBe('{"ret":400,"data":[],"msg":"Bad Request: appid require, but miss"}');
    for (const path of ['/api/api.php', '/agc/api.php', '/vicidial/non_agent_api.php', '/agentgateway/resource/x']) {
      const response = await gw.http.get(`${path}?service=App.Sip_Auth.Login&appid=demoappid&accesskey=demoaccesskey`);
      expect(response.text.startsWith('{"ret":')).toBe(false);
    }
    const unrelated = await gw.http.get('/nothing-here');
    expect(unrelated.status).toBe(404);
    expect(unrelated.text.startsWith('{"ret":')).toBe(false);
  });

  it.each(Object.keys(valid))('%s: 120 mutated requests (multipart, url-encoded, JSON)', async (service) => {
    const garbage = new Garbage(service.length * 104729);
    let answered = 0;
    for (let round = 0; round < 120; round += 1) {
      const fields = { ...valid[service]!() };
      const name = garbage.pick(Object.keys(fields).filter((key) => key !== 'service' && key !== 'token'));
      if (garbage.chance(0.2)) delete fields[name];
      else fields[name] = garbage.value();
      const encoding = garbage.int(3);
      let response;
      if (encoding === 0) {
        let test = gw.http.post('/');
        for (const [key, value] of Object.entries(fields)) test = test.field(key, value);
        response = await test;
      } else if (encoding === 1) {
        response = await gw.http.post('/').type('form').send(new URLSearchParams(fields).toString());
      } else {
        response = await gw.http.post('/').set('Content-Type', 'application/json').send(JSON.stringify(fields));
      }
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
      const body = JSON.parse(response.text) as { ret: number; data: unknown; msg: string };
      expect(Object.keys(body)).toEqual(['ret', 'data', 'msg']);
      if (!RETS.has(body.ret)) throw new Error(`round ${round}: ret ${body.ret} ${body.msg}`);
      if (body.ret !== 200) expect(body.data).toEqual([]);
      if (body.ret === 200) answered += 1;
    }
    expect(answered).toBeGreaterThan(0);
    // Still answering normally afterwards.
    const after = await gw.http.post('/').type('form').send({ service: 'App.Sip_Auth.Login', appid: 'nobody', accesskey: 'x' });
    expect(after.text).toBe('{"ret":601,"data":[],"msg":"Appid not authorized"}');
  });
});
