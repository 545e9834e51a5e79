import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { buildApp, DEMO_COMPANY, demoCore } from './support/app';
import type { SipcallCore } from './support/sipcall-core';
import { Garbage } from './support/garbage';
import { seedPlayVoiceFields } from './support/seed-play-voice';

const RETS = new Set([200, 400, 404, 600, 601, 602, 603, 604]);

/** Every answer, whatever the input: HTTP 200, PhalApi's JSON envelope, a known `ret`, `data` `[]` unless 200. */
function expectEnvelope(response: request.Response, context: string): { ret: number; data: Record<string, unknown> | []; msg: string } {
  if (response.status !== 200 || response.headers['content-type'] !== 'application/json;charset=utf-8') {
    throw new Error(`${context}: HTTP ${response.status} ${String(response.headers['content-type'])} ${response.text.slice(0, 200)}`);
  }
  const body = JSON.parse(response.text) as { ret: number; data: Record<string, unknown> | []; msg: string };
  expect(Object.keys(body)).toEqual(['ret', 'data', 'msg']);
  if (!RETS.has(body.ret)) throw new Error(`${context}: ret ${body.ret} ${body.msg}`);
  expect(typeof body.msg).toBe('string');
  if (body.ret !== 200) {
    expect(body.data).toEqual([]);
    expect(body.msg).not.toBe('');
  } else {
    const data = body.data as Record<string, unknown>;
    expect([0, 1]).toContain(data.status);
    expect(typeof data.reqtime).toBe('number');
    expect(typeof data.rsptime).toBe('number');
    if (data.status === 1) expect(typeof (data.errors as { code: unknown }).code).toBe('string');
  }
  return body;
}

type Encoding = 'multipart' | 'urlencoded' | 'json' | 'query' | 'raw';

async function send(server: Server, garbage: Garbage, fields: Record<string, string>, encoding: Encoding): Promise<request.Response> {
  const agent = request(server);
  switch (encoding) {
    case 'multipart': {
      let test = agent.post('/');
      for (const [name, value] of Object.entries(fields)) test = test.field(name, value);
      return test;
    }
    case 'urlencoded':
      // Off `/`, only requests naming a service are Sip_Call's (the routing tests cover the rest).
      return agent.post(fields.service !== undefined ? garbage.pick(['/', '/index.php', '/x/y']) : '/').type('form').send(new URLSearchParams(fields).toString());
    case 'json':
      return agent.post('/').set('Content-Type', 'application/json').send(JSON.stringify(garbage.chance(0.2) ? [fields] : fields));
    case 'query':
      return agent.get(`/?${new URLSearchParams(fields).toString()}`.slice(0, 16000));
    case 'raw': {
      const type = garbage.pick(['application/json', 'multipart/form-data; boundary=zz', 'application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream']);
      const body = garbage.pick(['{', '--zz\r\nContent-Disposition: form-data; name="service"\r\n\r\n', '%%%&&&==', '\u0000\u0001', `{"service":${JSON.stringify(fields.service)}}`]);
      return agent.post('/').set('Content-Type', type).send(body);
    }
  }
}

function mutate(garbage: Garbage, valid: Record<string, string>): Record<string, string> {
  const fields = { ...valid };
  const names = Object.keys(fields);
  const changes = 1 + garbage.int(3);
  for (let index = 0; index < changes; index += 1) {
    const name = garbage.pick(names);
    switch (garbage.int(4)) {
      case 0:
        delete fields[name];
        break;
      case 1:
        fields[garbage.pick(['x', 'service ', 'SERVICE', 'token[]', 'a'.repeat(300), '\u00e9'])] = garbage.value();
        break;
      default:
        fields[name] = garbage.value();
    }
  }
  if (garbage.chance(0.1) && fields.service) fields.service = fields.service.toUpperCase();
  return fields;
}

describe('generated garbage never breaks the Sip_Call endpoint', () => {
  let core: SipcallCore;
  let server: Server;
  let token: string;

  beforeAll(async () => {
    core = await demoCore();
    token = await core.tokenFor(DEMO_COMPANY.id, 24 * 3600_000);
    server = buildApp(core).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    expect((server.address() as AddressInfo).port).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const services: Array<[string, () => Record<string, string>]> = [
    ['App.Sip_Auth.Login', () => ({ service: 'App.Sip_Auth.Login', appid: 'demoappid', accesskey: 'demoaccesskey' })],
    ['App.Sip_Auth.Logout', () => ({ service: 'App.Sip_Auth.Logout', token: 'f'.repeat(32) })],
    ['App.Sip_Call.PlayVoice', () => seedPlayVoiceFields(token)],
    [
      'App.Sip_Call.PlayVoice, play and hang up',
      () => ({ service: 'App.Sip_Call.PlayVoice', token, destnumber: '13333333333', voicetype: '1', voicefile: 'notice.wav', ext: '1', waittime: '30', conntime: '60' }),
    ],
    [
      'App.Sip_Call.PlayVoice, batch IVR',
      () => ({
        service: 'App.Sip_Call.PlayVoice',
        appid: 'demoappid',
        accesskey: 'demoaccesskey',
        nationcode: 'ph',
        destnumber: '639170000001,639170000002',
        voicetype: '2',
        voicefile: 'wwww.baidu.com/test.mp3',
        userkey: '1',
        waittime: '30',
        conntime: '60',
        todayonly: '1',
      }),
    ],
    [
      'App.Sip_Cdr.GetBill',
      () => ({ service: 'App.Sip_Cdr.GetBill', token, starttime: '2020-02-10 00:00:00', endtime: '2020-02-10 23:59:59', syncflag: '3', direction: '2', page: '1', pagesize: '10' }),
    ],
    ['App.Sip_Call.TransferCall', () => ({ service: 'App.Sip_Call.TransferCall', token, anumber: '100', destnumber: '101', transfertype: '1' })],
    ['App.Sip_Cdr.GetRecodeFile', () => ({ service: 'App.Sip_Cdr.GetRecodeFile', token, filename: '2020/02/10/call-1.wav' })],
  ];

  it.each(services)('%s: 300 mutated requests, every encoding', async (service, valid) => {
    const garbage = new Garbage(service.length * 7919);
    const encodings: Encoding[] = ['multipart', 'urlencoded', 'json', 'query', 'raw'];
    const rets = new Map<number, number>();
    for (let round = 0; round < 300; round += 1) {
      const fields = mutate(garbage, valid());
      const encoding = garbage.pick(encodings);
      const response = await send(server, garbage, fields, encoding);
      const body = expectEnvelope(response, `${service} round ${round} (${encoding})`);
      rets.set(body.ret, (rets.get(body.ret) ?? 0) + 1);
    }
    // The garbage reached past the framework checks into the services, not only into the checks.
    expect(rets.get(200)).toBeGreaterThan(0);
    expect(rets.get(400)).toBeGreaterThan(0);
    // Nothing unsafe reached the core: every call that was started names a safe sound or an allowed http(s) URL.
    const started = [
      ...core.voiceMenuCalls,
      ...core.playedCalls,
      ...core.playedBatches.flatMap((batch) => batch.destinations.map((destination) => ({ ...batch, destination }))),
    ];
    for (const call of started) {
      if (call.media.kind === 'sound') expect(call.media.name).toMatch(/^sipcall\/2028\/[A-Za-z0-9][A-Za-z0-9_-]*$/);
      else if (call.media.kind === 'url') expect(new URL(call.media.url).hostname).toMatch(/^(wwww\.baidu\.com|audio\.example\.com)$/);
      else throw new Error('unexpected media kind');
      expect(call.destination).toMatch(/^\+?[0-9*#]{1,32}$/);
    }
  });
});
