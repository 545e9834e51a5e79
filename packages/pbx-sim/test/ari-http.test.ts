import { request } from 'node:http';
import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { AriSession, field, type JsonObject } from './support/ari-session';

/** ARI's HTTP surface: authentication, routing answers, parameter parsing, the served description. */
describe('ARI over HTTP', () => {
  let sim: PbxSim;
  let ari: AriSession;

  beforeAll(async () => {
    sim = await startPbxSim({ users: { gateway: 'gateway', ops: 's3cret:with:colons' }, phones: [] });
    ari = new AriSession(sim.url);
  });

  afterAll(async () => {
    ari.close();
    await sim.close();
  });

  const raw = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
      const url = new URL(sim.url);
      const req = request({ host: url.hostname, port: url.port, method, path, headers, agent: false }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const basic = (credentials: string) => ({ Authorization: `Basic ${Buffer.from(credentials).toString('base64')}` });

  it('authenticates with Basic or api_key, and challenges everything else', async () => {
    expect((await raw('GET', '/ari/asterisk/ping', basic('ops:s3cret:with:colons'))).status).toBe(200);
    expect((await raw('GET', '/ari/asterisk/ping?api_key=gateway:gateway')).status).toBe(200);
    for (const [path, headers] of [
      ['/ari/asterisk/ping', {}],
      ['/ari/asterisk/ping', basic('gateway:wrong')],
      ['/ari/asterisk/ping?api_key=gateway:gateway', basic('gateway:wrong')],
      ['/ari/nope', {}],
      ['/ari/api-docs/resources.json', {}],
    ] as const) {
      const reply = await raw('GET', path, headers);
      expect([path, reply.status, reply.headers['www-authenticate'], reply.headers['content-type'], reply.text]).toEqual([
        path,
        401,
        'Basic realm="Asterisk REST Interface"',
        'application/json',
        '{"message":"Authentication required"}',
      ]);
    }
  });

  it('answers unknown routes, wrong methods, OPTIONS and trailing slashes like Asterisk', async () => {
    const auth = basic('gateway:gateway');
    expect((await raw('GET', '/ari/channels/x/nope', auth)).text).toBe('{"message":"Resource not found"}');
    const wrong = await raw('PATCH', '/ari/channels/x', auth);
    expect([wrong.status, wrong.headers.allow, wrong.text]).toEqual([405, 'OPTIONS,GET,POST,DELETE', '{"message":"Invalid method"}']);
    const options = await raw('OPTIONS', '/ari/bridges/x/addChannel', auth);
    expect([options.status, options.headers.allow, options.text]).toEqual([204, 'OPTIONS,POST', '']);
    const slash = await raw('GET', '/ari/channels/', auth);
    expect([slash.status, slash.text]).toEqual([404, '{"message":"ARI URLs do not end with a slash. Try /ari/channels"}']);
    const outside = await raw('GET', '/index.html');
    expect([outside.status, outside.headers['content-type']]).toEqual([404, 'text/html']);
    const events = await raw('GET', '/ari/events?app=x', auth);
    expect([events.status, events.headers['content-type']]).toEqual([426, 'text/html']);
    const ok = await raw('GET', '/ari/asterisk/ping', auth);
    expect(ok.headers.server).toBe('Asterisk/22.10.1');
    expect(ok.headers['keep-alive']).toBeUndefined();
  });

  it('reads parameters from the query, a form body or a JSON body, the way Asterisk parses them', async () => {
    const auth = { ...basic('gateway:gateway') };
    const bad = await raw('POST', '/ari/channels', { ...auth, 'Content-Type': 'application/json' }, '{"endpoint": ');
    expect([bad.status, bad.text]).toEqual([400, '{"message":"Error parsing request body"}']);
    // A JSON body field overrides the query; a non-string JSON value reads as absent.
    const overridden = await raw('POST', '/ari/channels?endpoint=Local/1000@oracle-answer', { ...auth, 'Content-Type': 'application/json' }, '{"endpoint": 5, "app": "a"}');
    expect([overridden.status, overridden.text]).toEqual([400, '{"message":"Endpoint must be specified"}']);
    const form = await raw('POST', '/ari/bridges', { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' }, 'bridgeId=from-form&name=Form+Bridge');
    expect(JSON.parse(form.text)).toMatchObject({ id: 'from-form', name: 'Form Bridge' });
    // A repeated key keeps its last value; an integer that is not one reads as 0 (atoi).
    const repeated = await raw('POST', '/ari/bridges/repeat?name=first&name=second', auth);
    expect(JSON.parse(repeated.text)).toMatchObject({ id: 'repeat', name: 'second' });
    const channel = await raw('POST', '/ari/channels?endpoint=Local/1000@oracle-answer&app=a&timeout=abc&channelId=first&channelId=chosen', auth);
    expect([channel.status, JSON.parse(channel.text).id]).toEqual([200, 'chosen']);
    const variables = await ari.call('POST', '/channels', { endpoint: 'Local/1000@oracle-answer', app: 'a' }, { variables: { A: 1 } });
    expect([variables.status, variables.body]).toEqual([400, { message: "Each value in 'variables' must be a string or an object with 'value' and optional 'report_events'" }]);
    const tooMany = await ari.call('POST', '/channels/chosen/play', { media: Array.from({ length: 130 }, (_, i) => `sound:s${i}`).join(',') });
    expect([tooMany.status, tooMany.body]).toEqual([400, { message: 'Too many values for media' }]);
  });

  it('serves resources.json and declarations whose basePath follows the Host header', async () => {
    const listing = (await ari.expect(200, 'GET', '/api-docs/resources.json')) as JsonObject;
    expect(listing.basePath).toBe(`${sim.url}/ari`);
    expect((listing.apis as JsonObject[]).map((a) => a.path)).toContain('/api-docs/channels.{format}');
    const declaration = await raw('GET', '/ari/api-docs/events.json', { ...basic('gateway:gateway'), Host: 'pbx.example:8088' });
    const events = JSON.parse(declaration.text) as JsonObject;
    expect(events.basePath).toBe('http://pbx.example:8088/ari');
    expect(field(events, 'models', 'StasisStart', 'properties', 'channel', 'type')).toBe('Channel');
    expect((await ari.call('GET', '/api-docs/nothing.json')).status).toBe(404);
    expect((await ari.call('POST', '/api-docs/resources.json')).body).toEqual({ message: 'Unsupported method' });
  });

  it('refuses event WebSockets without credentials or application, as Asterisk does', async () => {
    const upgrade = (path: string, headers: Record<string, string>) =>
      raw('GET', path, { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers });
    const unauthorised = await upgrade('/ari/events?app=x', {});
    expect([unauthorised.status, unauthorised.text]).toEqual([401, '{"message":"Authentication required"}']);
    const noApp = await upgrade('/ari/events?api_key=gateway:gateway', {});
    expect([noApp.status, noApp.headers['content-type']]).toEqual([400, 'text/html']);
    expect(noApp.text).toContain('<p>HTTP request is missing param: [app]</p>');
  });
});
