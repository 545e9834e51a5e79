import request from 'supertest';
import { buildApp, demoCore } from './support/app';
import type { SipcallCore } from './support/sipcall-core';

describe('Sip_Call routing and the PhalApi framework answers', () => {
  let core: SipcallCore;
  beforeEach(async () => {
    core = await demoCore();
  });

  it('an unknown service: ret 404 as PhalApi 2 answers (400 by setting)', async () => {
    const response = await request(buildApp(core)).post('/').type('form').send({ service: 'App.Sip_Call.SendSms' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(response.text).toBe('{"ret":404,"data":[],"msg":"Bad Request: no such service as App.Sip_Call.SendSms"}');
    const as400 = await request(buildApp(core, { unknownServiceRet: 400 })).get('/?service=App.Nope.Nope');
    expect(as400.text).toBe('{"ret":400,"data":[],"msg":"Bad Request: no such service as App.Nope.Nope"}');
    const zh = await request(buildApp(core, { language: 'zh' })).get('/?service=App.Sip_Call.SendSms');
    expect(JSON.parse(zh.text)).toEqual({ ret: 404, data: [], msg: '非法请求：接口服务App.Sip_Call.SendSms不存在' });
  });

  it('GET / with no service is the default service App.Site.Index, which does not exist', async () => {
    const response = await request(buildApp(core)).get('/');
    expect(response.text).toBe('{"ret":404,"data":[],"msg":"Bad Request: no such service as App.Site.Index"}');
  });

  it('a service name without class or action: ret 400 "service (…) illegal"', async () => {
    const one = await request(buildApp(core)).get('/?service=Foo');
    expect(one.text).toBe('{"ret":400,"data":[],"msg":"Bad Request: service (Foo) illegal"}');
    const empty = await request(buildApp(core)).get('/?service=');
    expect(empty.text).toBe('{"ret":400,"data":[],"msg":"Bad Request: service () illegal"}');
  });

  it('leaves paths of other dialects alone, even with a service parameter', async () => {
    const app = buildApp(core);
    const vicidial = await request(app).get('/agc/api.php?service=App.Sip_Auth.Login');
    expect(vicidial.text).toBe('VICIDIAL');
    const voipsun = await request(app).get('/api/api.php?service=App.Sip_Auth.Login');
    expect(voipsun.status).toBe(404);
    expect(voipsun.text).toBe('not found');
    const huawei = await request(app).post('/agentgateway/resource/onlineagent/101/login').send({ service: 'App.Sip_Auth.Login' });
    expect(huawei.text).toBe('not found');
    const vicidialOther = await request(app).post('/vicidial/non_agent_api.php').type('form').send({ service: 'App.Sip_Auth.Login' });
    expect(vicidialOther.text).toBe('not found');
  });

  it('does not answer unrelated URLs: no service parameter, or an unrelated `s`', async () => {
    const app = buildApp(core);
    for (const path of ['/favicon.ico', '/health', '/search?s=cats', '/x?q=1']) {
      const response = await request(app).get(path);
      expect(response.text).toBe('not found');
    }
    const form = await request(app).post('/upload').type('form').send({ name: 'x' });
    expect(form.text).toBe('not found');
    await new Promise((resolve) => setImmediate(resolve));
    expect(core.apiLog).toHaveLength(0);
  });

  it('answers a service named in the body on any other path', async () => {
    const response = await request(buildApp(core)).post('/public/index.php').field('service', 'App.Sip_Call.Nope');
    expect(response.text).toBe('{"ret":404,"data":[],"msg":"Bad Request: no such service as App.Sip_Call.Nope"}');
  });

  it('answers every method the same way (PhalApi reads $_REQUEST), HEAD without a body', async () => {
    const app = buildApp(core);
    const put = await request(app).put('/?service=App.X.Y');
    expect(put.text).toBe('{"ret":404,"data":[],"msg":"Bad Request: no such service as App.X.Y"}');
    const head = await request(app).head('/?service=App.X.Y');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('application/json;charset=utf-8');
  });

  it('escapes / as PHP json_encode does, and writes plain JSON when told to', async () => {
    const php = await request(buildApp(core)).get('/?service=App.a%2Fb.c');
    expect(php.text).toBe('{"ret":404,"data":[],"msg":"Bad Request: no such service as App.a\\/b.c"}');
    const plain = await request(buildApp(core, { phpJsonEscaping: false })).get('/?service=App.a%2Fb.c');
    expect(plain.text).toBe('{"ret":404,"data":[],"msg":"Bad Request: no such service as App.a/b.c"}');
  });

  describe('bodies that cannot be read: ret 400, never a 500 or an HTML page', () => {
    it('malformed multipart', async () => {
      const response = await request(buildApp(core))
        .post('/')
        .set('Content-Type', 'multipart/form-data; boundary=XYZ')
        .send('--XYZ\r\nContent-Disposition: form-data; name="service"\r\n\r\nApp.Sip_Auth.Login\r\n--XY');
      expect(response.status).toBe(200);
      expect(response.text).toBe('{"ret":400,"data":[],"msg":"Bad Request: malformed request body"}');
    });

    it('multipart without a boundary', async () => {
      const response = await request(buildApp(core)).post('/').set('Content-Type', 'multipart/form-data').send('service=App.Sip_Auth.Login');
      expect(response.text).toBe('{"ret":400,"data":[],"msg":"Bad Request: malformed request body"}');
    });

    it('malformed JSON declared as JSON', async () => {
      const response = await request(buildApp(core)).post('/').set('Content-Type', 'application/json').send('{"service":');
      expect(response.text).toBe('{"ret":400,"data":[],"msg":"Bad Request: malformed request body"}');
    });

    it('a JSON body sent as text is read as PhalApi reads php://input', async () => {
      const response = await request(buildApp(core)).post('/').set('Content-Type', 'text/plain').send('{"service":"App.Sip_Auth.Login","appid":"nobody","accesskey":"x"}');
      expect(response.text).toBe('{"ret":601,"data":[],"msg":"Appid not authorized"}');
    });

    it('a body over the limit', async () => {
      const response = await request(buildApp(core, { maxBodyBytes: 1024 })).post('/').type('form').send({ service: 'App.Sip_Auth.Login', pad: 'x'.repeat(5000) });
      expect(response.text).toBe('{"ret":400,"data":[],"msg":"Bad Request: request body too large"}');
    });
  });
});
