import { legOf } from '@pbx-gateway/test-support';
import { putInCall, unitApp } from './unit-app';
import { failure, HUAWEI_SIGN_IN_SAMPLE, JSON_TYPE, SUCCESS } from './wire-client';
import { OPERATIONS, NOT_SUPPORTED } from '../src/routes';

const BASE = '/agentgateway/resource';
const NOT_SUPPORTED_BODY = '{"message":"not supported","retcode":"000-002","result":{}}';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

const concrete = (path: string): string =>
  path
    .replace('{agentid}', '101')
    .replace(/\{[a-z]+(:digits)?\}/gi, '5')
    .replace('/**', '/x')
    .replace('recordfile*', 'recordfileex');

describe('CC-Gateway transport (wire format, test core)', () => {
  test.each(OPERATIONS.map((operation) => [operation.name, operation.method, operation.path] as const))(
    '%s accepts only %s: any other method gets 405 with an empty body and Allow',
    async (_name, method, path) => {
      const { http } = await unitApp();
      for (const other of METHODS) {
        if (other.toUpperCase() === method) continue;
        const res = await http[other](`${BASE}${concrete(path)}`).set('Content-Type', 'application/json; charset=UTF-8');
        expect(res.status).toBe(405);
        expect(res.headers.allow).toBe(method);
        expect(res.headers['content-type']).toBeUndefined();
        expect(res.headers['x-powered-by']).toBeUndefined();
        expect(res.text ?? '').toBe('');
      }
    },
  );

  test.each(NOT_SUPPORTED.map(([method, path]) => [method ?? 'any method', path] as const))('known but not implemented (%s %s): "not supported"', async (method, path) => {
    const { http } = await unitApp();
    const verb = method === 'any method' ? 'post' : (method.toLowerCase() as 'get' | 'put' | 'post' | 'delete');
    const res = await http[verb](`${BASE}${concrete(path)}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.text).toBe(NOT_SUPPORTED_BODY);
  });

  test.each([`${BASE}`, `${BASE}/`, `${BASE}/nothing`, `${BASE}/onlineagent/101/bogus`, `${BASE}/recordplay/101/play/extra`, `${BASE}/RecordPlay/101/play`, `${BASE}/recordplay/101/../../etc/passwd`])(
    'unknown path %s: 404 with a JSON body, never HTML',
    async (path) => {
      const { http } = await unitApp();
      const res = await http.get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe(JSON_TYPE);
      expect(res.text).toBe('{"message":"no such interface","retcode":"000-002","result":{}}');
    },
  );

  test('paths outside the prefix are not answered by this dialect', async () => {
    const { http } = await unitApp();
    const res = await http.get('/agentgateway/resources/onlineagent/101');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).not.toBe(JSON_TYPE);
  });

  test('a trailing slash is tolerated', async () => {
    const { http, signIn, t } = await unitApp();
    const guid = await signIn('101');
    await http.put(`${BASE}/recordplay/101/play`).set('Guid', guid).send({ voicepath: 'Y:/a.V3' });
    await t.settle();
    expect((await http.post(`${BASE}/recordplay/101/pauseplay/`).set('Guid', guid)).text).toBe(SUCCESS);
  });

  test('a failure outside any interface rule (the store lost) answers 100-007 on HTTP 200, logged under the interface', async () => {
    const { http, signIn, t, logs } = await unitApp();
    const guid = await signIn('101');
    await t.store.close();
    const res = await http.post(`${BASE}/recordplay/101/pauseplay`).set('Guid', guid);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.text).toBe(failure('100-007', 'internal error while executing the agent operation'));
    expect(res.text).not.toContain('store is closed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logs.some((line) => line.includes('"operation":"pausePlay"') && line.includes('"result":"100-007"'))).toBe(true);
  });

  test('every answer is logged with its Huawei method name and retcode', async () => {
    const { http, signIn, logs, t } = await unitApp();
    const guid = await signIn('101');
    await http.put(`${BASE}/recordplay/101/play`).set('Guid', guid).send({ voicepath: 'Y:/a.V3' });
    await t.settle();
    await http.post(`${BASE}/recordplay/101/forefast/3`).set('Guid', guid);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logs.some((line) => line.includes('"operation":"foreFastPlay"') && line.includes('"result":"0"') && line.includes('"time":"3"'))).toBe(true);
    expect(logs.join('\n')).not.toContain(guid);
  });
});

describe('CC-Gateway agent state interfaces (wire format, test core)', () => {
  const AG = `${BASE}/onlineagent/101`;

  test('saybusy / cancelbusy / sayfree / agentstatus: success lines and status codes', async () => {
    const { http, signIn, t } = await unitApp();
    // Wrap-up after calls, so that a call can end in it.
    const guid = await signIn('101', { ...HUAWEI_SIGN_IN_SAMPLE, autoenteridle: 'false' });
    const status = async (): Promise<string> => (await http.get(`${AG}/agentstatus`).set('Guid', guid)).text;
    expect(await status()).toBe('{"message":"","retcode":"0","result":1}');
    expect((await http.post(`${AG}/saybusy?reason=201`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(await t.core.getAgentSession('101')).toMatchObject({ state: 'paused', pauseReason: 'busy:201' });
    expect(await status()).toBe('{"message":"","retcode":"0","result":7}');
    expect((await http.post(`${AG}/saybusy?reason=202`).set('Guid', guid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await http.post(`${AG}/saybusy?reason=202&prolong=true`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await t.core.getAgentSession('101'))?.pauseReason).toBe('busy:202');
    expect((await http.post(`${AG}/cancelbusy`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(await status()).toBe('{"message":"","retcode":"0","result":1}');
    expect((await http.post(`${AG}/cancelbusy`).set('Guid', guid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await http.post(`${AG}/sayfree`).set('Guid', guid)).text).toBe(SUCCESS);
    const { callId } = await putInCall(t);
    // The customer hangs up: the agent goes to wrap-up.
    t.pbx.hangupFarEnd((await legOf(t, callId, 'customer')).id);
    await t.settle();
    await t.confirmHangups();
    expect(await status()).toBe('{"message":"","retcode":"0","result":6}');
    expect((await http.post(`${AG}/sayfree`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await t.core.getAgentSession('101'))?.state).toBe('ready');
    await putInCall(t);
    expect(await status()).toBe('{"message":"","retcode":"0","result":5}');
    expect((await http.post(`${AG}/sayfree`).set('Guid', guid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
  });

  test.each(['reason=199', 'reason=251', 'reason=abc', 'reason=200&prolong=yes', 'reason=-200'])('saybusy?%s: 000-002', async (query) => {
    const { http, signIn } = await unitApp();
    const guid = await signIn('101');
    expect((await http.post(`${AG}/saybusy?${query}`).set('Guid', guid)).text).toBe(failure('000-002', 'invalid parameter'));
  });

  test('saybusy without a reason, and during a call (takes effect after it)', async () => {
    const { http, signIn, t } = await unitApp();
    const guid = await signIn('101');
    await putInCall(t);
    expect((await http.post(`${AG}/saybusy`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await t.core.getAgentSession('101'))?.pendingPause).toEqual({ reason: 'busy:0' });
  });

  test.each(['saybusy', 'cancelbusy', 'sayfree'])('%s: 100-006 without a GUID', async (name) => {
    const { http } = await unitApp();
    expect((await http.post(`${AG}/${name}`)).text).toBe(failure('100-006', 'agent not signed in'));
  });
});
