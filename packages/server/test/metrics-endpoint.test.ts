import express from 'express';
import supertest from 'supertest';
import type { LiveCounts } from '@pbx-gateway/core';
import { hashAdminKey } from '../src/admin/admin-key';
import { GatewayMetrics, type ScrapeSources } from '../src/metrics/gateway-metrics';
import { metricsHandler } from '../src/metrics/metrics-endpoint';
import { parseExposition } from './support/exposition-parser';

// `GET /metrics` alone, over made-up counts (the whole gateway: metrics-scrape.test.ts).

const LIVE: LiveCounts = {
  callsUp: { click_to_call: 2, voice_menu: 0, voice_broadcast: 0, agent_playback: 0, agent_phone: 1, agent_customer: 0, inbound: 1, supervision: 0, context_dial: 0, agent_internal: 0 },
  agents: { ready: 3, paused: 1, in_call: 1, wrap_up: 0 },
  waiting: [{ queue: 'Sales "east"\\west', calls: 1 }],
  pendingCallbacks: 4,
};
const sources = (live: () => Promise<LiveCounts>): ScrapeSources => ({ liveCounts: live, poolUse: () => ({ used: 2, free: 3, pending: 1, max: 30 }) });

const appWith = (keySha256: string | null, live: () => Promise<LiveCounts> = async () => LIVE) => {
  const metrics = new GatewayMetrics();
  metrics.requests.forDialect('voipsun', ['originate']).answered('originate', 'success', 0.012);
  const app = express();
  app.get('/metrics', (req, res, next) => void metricsHandler(metrics, sources(live), keySha256)(req, res).catch(next));
  return supertest(app);
};

test('without a key /metrics is open, like /health', async () => {
  const response = await appWith(null).get('/metrics');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  expect(response.headers['cache-control']).toBe('no-store');
  const parsed = parseExposition(response.text);
  expect(parsed.family('pbx_gateway_calls_up', 'gauge').value({ purpose: 'click_to_call' })).toBe(2);
  expect(parsed.family('pbx_gateway_agents', 'gauge').value({ state: 'ready' })).toBe(3);
  // A queue name with quotes and a backslash survives the escaping.
  expect(parsed.family('pbx_gateway_queue_waiting_calls', 'gauge').value({ queue: 'Sales "east"\\west' })).toBe(1);
  expect(parsed.family('pbx_gateway_outbox_pending', 'gauge').value({})).toBe(4);
  expect(parsed.family('pbx_gateway_db_pool_connections', 'gauge').value({ state: 'used' })).toBe(2);
  expect(parsed.family('pbx_gateway_db_pool_pending_acquires', 'gauge').value({})).toBe(1);
  expect(parsed.family('pbx_gateway_request_duration_seconds', 'histogram').histogram({ dialect: 'voipsun', operation: 'originate', outcome: 'success' }).buckets).toEqual([
    0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  ]);
});

test('with a key, only the bearer of that key gets the metrics', async () => {
  const app = appWith(hashAdminKey('a-metrics-key-of-some-length'));
  expect((await app.get('/metrics')).status).toBe(401);
  expect((await app.get('/metrics').set('Authorization', 'Bearer another-key-entirely-here')).status).toBe(401);
  expect((await app.get('/metrics').set('Authorization', 'Bearer a-metrics-key-of-some-length')).status).toBe(200);
});

test('a scrape while the database is away answers 503 in plain text, not a stack', async () => {
  const response = await appWith(null, async () => {
    throw new Error('connection refused');
  }).get('/metrics');
  expect(response.status).toBe(503);
  expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect(response.text).toBe('Service Unavailable\n');
});
