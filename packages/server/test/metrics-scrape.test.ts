import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { ccgatewayGuid, sipcallAnswer, sipcallToken, vicidialAnswer } from './robustness/support/dialect-answers';
import { ccgatewaySignIn, sipcall, sipcallLogin, sipcallPlayVoice, vicidial, vicidialVersion, voipsun } from './robustness/support/demo-requests';
import { connectedClickToCall } from './robustness/support/live-state';
import { supertestClient, type WireClient } from './robustness/support/wire-client';
import { parseExposition, type ParsedExposition } from './support/exposition-parser';

// `GET /metrics` (docs/metrics.md) on the whole gateway: real Postgres, pbx-sim
// behind the real ARI client. Requests of every dialect and calls placed
// through two of them, then one scrape, parsed strictly.

const KEY = 'metrics-scrape-key-0123456789';
const REQUEST_MS = 10_000;
const CLICK_TO_CALL_NUMBER = '800765432';
const VOICE_MENU_NUMBER = '13333333333';
const DID = '2125550100';
const CALLER = '5550177';

let gw: TestGateway;
let send: WireClient;

beforeAll(async () => {
  gw = await startTestGateway({ metricsKey: KEY });
  send = supertestClient(gw.http);
}, 60_000);

afterAll(async () => {
  await gw?.close();
});

const scrape = async (): Promise<{ text: string; parsed: ParsedExposition }> => {
  const response = await gw.http.get('/metrics').set('Authorization', `Bearer ${KEY}`);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return { text: response.text, parsed: parseExposition(response.text) };
};

describe('the bearer key', () => {
  test.each([
    ['no Authorization header', undefined],
    ['a wrong key', `Bearer ${KEY}x`],
    ['another scheme', `Basic ${KEY}`],
  ])('%s: 401 with WWW-Authenticate, and no metrics', async (_case, header) => {
    const request = gw.http.get('/metrics');
    const response = header === undefined ? await request : await request.set('Authorization', header);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(response.text).toBe('Unauthorized\n');
  });
});

describe('a scrape after requests of every dialect and placed calls', () => {
  let token = '';
  let guid = '';
  let parsed: ParsedExposition;
  let text: string;

  beforeAll(async () => {
    // VICIdial: a known function, a function name that is a phone number, a pause of the demo agent.
    vicidialAnswer.version(await send(vicidialVersion, REQUEST_MS));
    await send(vicidial(`agent_user=1000&function=${CALLER}`), REQUEST_MS);
    vicidialAnswer.pause('PAUSE', '1000')(await send(vicidial('agent_user=1000&function=external_pause&value=PAUSE'), REQUEST_MS));
    // A caller waits in TEST_IN while its only agent is paused.
    await gw.farEnd.callIn(DID, CALLER);
    await gw.waitFor(async () => (await gw.core.listWaitingCalls(['TEST_IN'])).length === 1, REQUEST_MS, 'a caller waiting in TEST_IN');
    // VoIPSUN: a click-to-call left up, and an action it does not know.
    await connectedClickToCall(gw, send, 5, CLICK_TO_CALL_NUMBER);
    await send(voipsun('action=secretpwd'), REQUEST_MS);
    // CC-Gateway: an agent signs in.
    guid = ccgatewayGuid(await send(ccgatewaySignIn('102', 'Agent@102', '102'), REQUEST_MS));
    // Sip_Call: a token, a voice menu whose callee hangs up (its CDR callback goes out), and a service it does not know.
    token = sipcallToken(await send(sipcallLogin, REQUEST_MS));
    await gw.farEnd.setNumber(VOICE_MENU_NUMBER, { outcome: 'answer', ringMs: 100, hangupAfterMs: 300 });
    sipcallAnswer.played(await send(sipcallPlayVoice(token, 'metrics-scrape'), REQUEST_MS));
    await send(sipcall({ service: `App.Sip_${VOICE_MENU_NUMBER}.Call`, token }), REQUEST_MS);
    await gw.waitFor(async () => (await gw.query("SELECT id FROM outbox WHERE delivered_at IS NOT NULL")).length > 0, 15_000, 'a callback delivered');
    ({ text, parsed } = await scrape());
  }, 60_000);

  afterAll(async () => {
    await send(vicidial('agent_user=1000&function=external_pause&value=RESUME'), REQUEST_MS);
  });

  test('requests by dialect, operation and outcome; names a dialect does not know are "unknown"', () => {
    const requests = parsed.family('pbx_gateway_requests_total', 'counter');
    expect(requests.value({ dialect: 'vicidial', operation: 'version', outcome: 'success' })).toBe(1);
    expect(requests.value({ dialect: 'vicidial', operation: 'external_pause', outcome: 'success' })).toBe(1);
    expect(requests.value({ dialect: 'vicidial', operation: 'unknown', outcome: 'error' })).toBe(1);
    expect(requests.value({ dialect: 'voipsun', operation: 'originate', outcome: 'success' })).toBe(1);
    expect(requests.value({ dialect: 'voipsun', operation: 'unknown', outcome: 'error' })).toBe(1);
    expect(requests.value({ dialect: 'ccgateway', operation: 'login', outcome: 'success' })).toBe(1);
    expect(requests.value({ dialect: 'sipcall', operation: 'App.Sip_Auth.Login', outcome: 'success' })).toBe(1);
    expect(requests.value({ dialect: 'sipcall', operation: 'App.Sip_Call.PlayVoice', outcome: 'success' })).toBe(1);
    expect(requests.value({ dialect: 'sipcall', operation: 'unknown', outcome: 'error' })).toBe(1);
    expect(new Set(requests.samples.map((sample) => sample.labels.dialect))).toEqual(new Set(['vicidial', 'voipsun', 'ccgateway', 'sipcall']));
  });

  test('each request series has its latency histogram, counting the same requests', () => {
    const requests = parsed.family('pbx_gateway_requests_total', 'counter');
    const durations = parsed.family('pbx_gateway_request_duration_seconds', 'histogram');
    for (const sample of requests.samples) {
      expect(durations.histogram(sample.labels).count).toBe(sample.value);
    }
    expect(durations.histograms().length).toBe(requests.samples.length);
    expect(durations.histograms()[0]!.bounds).toEqual([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);
  });

  test('engine round trips and failures, by operation', () => {
    const requests = parsed.family('pbx_gateway_engine_requests_total', 'counter');
    const failures = parsed.family('pbx_gateway_engine_failures_total', 'counter');
    expect(requests.value({ operation: 'originate' })).toBeGreaterThanOrEqual(3);
    expect(requests.value({ operation: 'addToBridge' })).toBeGreaterThanOrEqual(1);
    expect(requests.value({ operation: 'snapshot' })).toBeGreaterThanOrEqual(1);
    expect(failures.samples.map((sample) => sample.labels.operation).sort()).toEqual(requests.samples.map((sample) => sample.labels.operation).sort());
    for (const failed of failures.samples) expect(failed.value).toBeLessThanOrEqual(requests.value(failed.labels));
  });

  test('calls up by purpose, agents by state, callers waiting per queue: as the core has them at the scrape', async () => {
    const calls = parsed.family('pbx_gateway_calls_up', 'gauge');
    expect(calls.samples.map((sample) => sample.labels.purpose).sort()).toEqual(
      ['agent_customer', 'agent_internal', 'agent_phone', 'agent_playback', 'click_to_call', 'context_dial', 'inbound', 'supervision', 'voice_broadcast', 'voice_menu'],
    );
    const live = (await gw.core.listLiveCalls()).map(({ call }) => call);
    // The voice menu may end between the scrape and this line, never start: compare what cannot change.
    expect(calls.value({ purpose: 'click_to_call' })).toBe(live.filter((call) => call.purpose === 'click_to_call').length);
    expect(calls.value({ purpose: 'click_to_call' })).toBe(1);
    expect(calls.value({ purpose: 'inbound' })).toBe(1);

    const agents = parsed.family('pbx_gateway_agents', 'gauge');
    expect(agents.samples.map((sample) => sample.labels.state).sort()).toEqual(['in_call', 'paused', 'ready', 'wrap_up']);
    expect(agents.value({ state: 'paused' })).toBe(1);
    const sessions = await gw.core.listAgentSessions();
    expect(agents.samples.reduce((sum, sample) => sum + sample.value, 0)).toBe(sessions.length);

    const waiting = parsed.family('pbx_gateway_queue_waiting_calls', 'gauge');
    expect(waiting.value({ queue: 'TEST_IN' })).toBe(1);
  });

  test('outbox depth and callback deliveries', async () => {
    expect(parsed.family('pbx_gateway_outbox_pending', 'gauge').value({})).toBeGreaterThanOrEqual(0);
    expect(parsed.family('pbx_gateway_outbox_deliveries_total', 'counter').value({})).toBeGreaterThanOrEqual(1);
    expect(parsed.family('pbx_gateway_outbox_delivery_retries_total', 'counter').value({})).toBe(0);
  });

  test('the Postgres pool: connections used and free, acquisitions waiting, its size', () => {
    const connections = parsed.family('pbx_gateway_db_pool_connections', 'gauge');
    expect(connections.samples.map((sample) => sample.labels.state).sort()).toEqual(['free', 'used']);
    // Postgres answered the scrape's own queries, so the pool has opened connections.
    expect(connections.value({ state: 'used' }) + connections.value({ state: 'free' })).toBeGreaterThanOrEqual(1);
    expect(parsed.family('pbx_gateway_db_pool_pending_acquires', 'gauge').value({})).toBeGreaterThanOrEqual(0);
    expect(parsed.family('pbx_gateway_db_pool_max', 'gauge').value({})).toBe(30);
  });

  test("the process's memory: resident, the V8 heap committed and in use, external and buffers", () => {
    const memory = parsed.family('pbx_gateway_process_memory_bytes', 'gauge');
    expect(memory.samples.map((sample) => sample.labels.kind).sort()).toEqual(['array_buffers', 'external', 'heap_total', 'heap_used', 'rss']);
    const kind = (name: string): number => memory.value({ kind: name });
    expect(kind('heap_used')).toBeGreaterThan(0);
    expect(kind('heap_used')).toBeLessThanOrEqual(kind('heap_total'));
    expect(kind('heap_total')).toBeLessThan(kind('rss'));
    expect(kind('array_buffers')).toBeLessThanOrEqual(kind('external'));
  });

  test('no label carries a secret, a number, a token or anything the clients sent as free text; queues by their configured names', async () => {
    const secrets = ['1234', 'secretpwd', 'Agent@102', 'demoappid', 'demoaccesskey', token, guid, KEY];
    const numbers = [CALLER, DID, CLICK_TO_CALL_NUMBER, VOICE_MENU_NUMBER, '299299000', '8600051'];
    const values = parsed.labelValues();
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) {
      for (const secret of [...secrets, ...numbers]) expect(value).not.toContain(secret);
      // Configured names may end in a digit (TEST_IN2); a number, an id or a token has more.
      expect(value).not.toMatch(/\d{3}/);
    }
    const queues = parsed.family('pbx_gateway_queue_waiting_calls', 'gauge').samples.map((sample) => sample.labels.queue);
    const configured = await gw.query<{ name: string }>('SELECT name FROM queues ORDER BY name');
    expect(queues.sort()).toEqual(configured.map((row) => row.name).sort());
    expect(queues).toContain('TEST_IN');
    expect(text).not.toContain('metrics-scrape');
  });
});
