import { createServer, type AddressInfo } from 'node:net';
import { startExampleReceiver, startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { parseExposition } from './support/exposition-parser';
import { startSignedWebhookReceiver, type SignedWebhookReceiver } from './support/signed-webhook-receiver';

// The event stream as signed webhooks (docs/event-stream.md, "Signed
// webhooks"), on the whole gateway with Postgres: subscribed through the admin
// API, delivered in the log's order to a real HTTP receiver that checks every
// signature, retried when the receiver fails, counted in /metrics.

const KEY = 'test-admin-key-0123456789abcdef';
const SIGNING_KEY = 'test-callback-signing-key-0123456789';
const VICIDIAL = '/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000';
const auth = { Authorization: `Bearer ${KEY}` };

let gateway: TestGateway;
let receiver: SignedWebhookReceiver;

beforeAll(async () => {
  gateway = await startTestGateway({ adminApiKey: KEY, callbackSigningKey: SIGNING_KEY });
  receiver = await startSignedWebhookReceiver();
}, 60000);

afterAll(async () => {
  await gateway?.close();
  await receiver?.close();
});

const agentLogIds = (after: string): Promise<string[]> =>
  gateway
    .query<{ id: string }>(
      `SELECT tx::text || '-' || id::text AS id FROM event_log
        WHERE topic = 'agents' AND (tx, id) > (split_part($1, '-', 1)::xid8, split_part($1, '-', 2)::bigint)
        ORDER BY tx, id`,
      [after],
    )
    .then((rows) => rows.map((row) => row.id));

describe('a subscription to agent events', () => {
  let webhookId: string;
  let startedAfter: string;

  test('POST /webhooks answers 201 with the subscription and its secret; reading it later never shows the secret', async () => {
    const created = await gateway.http.post('/admin/v1/webhooks').set(auth).send({ url: receiver.url, topics: ['agents'], tenant: null });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      webhook: { id: expect.stringMatching(/^wh_[0-9a-f]{16}$/), url: receiver.url, topics: ['agents'], tenant: null, after: expect.stringMatching(/^\d+-\d+$/), createdAt: expect.any(String) },
      secret: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    webhookId = created.body.webhook.id;
    startedAfter = created.body.webhook.after;
    receiver.setSecret(created.body.secret);

    const read = await gateway.http.get(`/admin/v1/webhooks/${webhookId}`).set(auth);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(created.body.secret);
    const listed = await gateway.http.get('/admin/v1/webhooks').set(auth);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([webhookId]);
  });

  test('the agent pausing and resuming reaches the receiver signed, in the log order, each event once, a failed delivery retried', async () => {
    receiver.failNext(2);
    expect((await gateway.http.get(`${VICIDIAL}&function=external_pause&value=PAUSE`)).text).toMatch(/^SUCCESS: external_pause/);
    expect((await gateway.http.get(`${VICIDIAL}&function=external_pause&value=RESUME`)).text).toMatch(/^SUCCESS: external_pause/);

    const expected = await gateway.waitFor(async () => {
      const ids = await agentLogIds(startedAfter);
      return ids.length >= 2 && receiver.accepted().length >= ids.length ? ids : undefined;
    }, 15000, 'every agent event delivered');
    const accepted = receiver.accepted();
    expect(accepted.map((delivery) => delivery.body.id)).toEqual(expected);
    expect(accepted.map((delivery) => delivery.eventId)).toEqual(expected);
    expect(new Set(accepted.map((delivery) => delivery.idempotencyKey)).size).toBe(accepted.length);
    expect(receiver.forged()).toBe(0);
    // The body is the stream's own event message.
    expect(accepted.map((delivery) => delivery.body.event)).toEqual(expect.arrayContaining(['AgentStateChanged']));
    expect(accepted.find((delivery) => delivery.body.event === 'AgentStateChanged')!.body).toMatchObject({
      type: 'event',
      topic: 'agents',
      tenant: null,
      data: { agentId: '1000', from: 'ready', to: 'paused' },
    });
  });

  test('/metrics counts the subscription\'s deliveries and its retries', async () => {
    const exposition = parseExposition((await gateway.http.get('/metrics')).text);
    expect(exposition.family('pbx_gateway_webhook_deliveries_total', 'counter').value({ webhook: webhookId })).toBe(receiver.accepted().length);
    expect(exposition.family('pbx_gateway_webhook_delivery_retries_total', 'counter').value({ webhook: webhookId })).toBe(2);
  });

  test('a receiver that cannot prove it has the secret rejects the delivery; it stays queued and is retried', async () => {
    receiver.setSecret('not-the-secret');
    const before = receiver.accepted().length;
    expect((await gateway.http.get(`${VICIDIAL}&function=external_pause&value=PAUSE`)).text).toMatch(/^SUCCESS: external_pause/);
    await gateway.waitFor(() => receiver.forged() > 0, 10000, 'a delivery refused');
    expect(receiver.accepted().length).toBe(before);
    const pending = await gateway.query<{ n: string }>(`SELECT count(*)::text AS n FROM outbox WHERE topic = $1 AND delivered_at IS NULL`, [`webhook/${webhookId}`]);
    expect(Number(pending[0]!.n)).toBeGreaterThan(0);
  });

  test('DELETE ends the subscription and drops what it had not delivered; a second DELETE is 404', async () => {
    const removed = await gateway.http.delete(`/admin/v1/webhooks/${webhookId}`).set(auth);
    expect(removed.status).toBe(200);
    expect(removed.body.webhook.id).toBe(webhookId);
    const pending = await gateway.query<{ n: string }>(`SELECT count(*)::text AS n FROM outbox WHERE topic = $1 AND delivered_at IS NULL`, [`webhook/${webhookId}`]);
    expect(pending[0]!.n).toBe('0');
    const again = await gateway.http.delete(`/admin/v1/webhooks/${webhookId}`).set(auth);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('NOT_FOUND');
  });
});

describe('what a subscription must say', () => {
  test.each([
    ['no url', {}],
    ['a url that is not http', { url: 'ftp://example.com/x' }],
    ['an unknown topic', { url: 'http://127.0.0.1:9/x', topics: ['weather'] }],
    ['an after that is no event id', { url: 'http://127.0.0.1:9/x', after: '12' }],
    ['a field of its own', { url: 'http://127.0.0.1:9/x', secret: 'mine' }],
  ])('%s: 400 INVALID_REQUEST', async (_case, body) => {
    const answer = await gateway.http.post('/admin/v1/webhooks').set(auth).send(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('INVALID_REQUEST');
  });
});

describe('tenants: a company\'s subscription gets its calls, agents belong to none', () => {
  let company: SignedWebhookReceiver;
  let untenanted: SignedWebhookReceiver;

  beforeAll(async () => {
    company = await startSignedWebhookReceiver();
    untenanted = await startSignedWebhookReceiver();
  });

  afterAll(async () => {
    await company?.close();
    await untenanted?.close();
  });

  test('a Sip_Call MakeCall of company 2028 and an agent pause: each subscription receives exactly its own', async () => {
    for (const [receiver, tenant] of [[company, '2028'], [untenanted, null]] as const) {
      const created = await gateway.http.post('/admin/v1/webhooks').set(auth).send({ url: receiver.url, topics: ['agents', 'calls'], tenant });
      expect(created.status).toBe(201);
      receiver.setSecret(created.body.secret);
    }
    const login = await gateway.http.post('/').field('service', 'App.Sip_Auth.Login').field('appid', 'demoappid').field('accesskey', 'demoaccesskey');
    const token = (JSON.parse(login.text) as { data: { result: { token: string } } }).data.result.token;
    const call = await gateway.http.post('/').field('token', token).field('service', 'App.Sip_Call.MakeCall').field('extnumber', '100').field('destnumber', '800555000').field('customuuid', 'tenant-1');
    expect(JSON.parse(call.text)).toMatchObject({ ret: 200, data: { status: 0 } });
    // Paused already when the tests before ran: the pause is then refused, and the resume is the state change either way.
    await gateway.http.get(`${VICIDIAL}&function=external_pause&value=PAUSE`);
    expect((await gateway.http.get(`${VICIDIAL}&function=external_pause&value=RESUME`)).text).toMatch(/^SUCCESS: external_pause/);

    await gateway.waitFor(() => company.accepted().some((delivery) => delivery.body.event === 'LegRinging'), 15000, 'the company\'s call ringing');
    await gateway.waitFor(() => untenanted.accepted().some((delivery) => delivery.body.event === 'AgentStateChanged'), 15000, 'the agent resuming');
    expect(company.accepted().every((delivery) => delivery.body.topic === 'calls' && delivery.body.tenant === '2028')).toBe(true);
    expect((company.accepted()[0]!.body.data as { call: { tenant: string } }).call.tenant).toBe('2028');
    expect(untenanted.accepted().every((delivery) => delivery.body.tenant === null)).toBe(true);
    expect(company.forged() + untenanted.forged()).toBe(0);
  });
});

/** A loopback port free now, for a receiver whose URL must be known before it starts. */
const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

test('the documented example receiver (examples/sipcall-callback-receiver.mjs) verifies webhook deliveries with the secret shown at subscription', async () => {
  const port = await freePort();
  const created = await gateway.http.post('/admin/v1/webhooks').set(auth).send({ url: `http://127.0.0.1:${port}/`, topics: ['agents'] });
  expect(created.status).toBe(201);
  const example = await startExampleReceiver(created.body.secret, port);
  try {
    await gateway.http.get(`${VICIDIAL}&function=external_pause&value=PAUSE`);
    expect((await gateway.http.get(`${VICIDIAL}&function=external_pause&value=RESUME`)).text).toMatch(/^SUCCESS: external_pause/);
    await gateway.waitFor(() => example.lines.some((line) => line.body?.event === 'AgentStateChanged'), 15000, 'the example receiver taking an event');
    expect(example.lines.every((line) => line.verified)).toBe(true);
    expect(example.lines.find((line) => line.body?.event === 'AgentStateChanged')!.body).toMatchObject({ type: 'event', topic: 'agents', data: { agentId: '1000' } });
  } finally {
    example.child.kill();
    await gateway.http.delete(`/admin/v1/webhooks/${created.body.webhook.id}`).set(auth);
  }
});
