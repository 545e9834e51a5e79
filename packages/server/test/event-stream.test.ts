import { connect } from 'node:net';
import { compareEventLogIds, parseEventLogId } from '@pbx-gateway/core';
import { createPgStore } from '@pbx-gateway/store-pg';
import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { openStream, type StreamClient, type StreamMessage } from './support/stream-client';

// The event stream (docs/event-stream.md) on the whole gateway over a real
// WebSocket: the domain events that feed CC-Gateway polls and Sip_Call
// callbacks, filtered, and resumed after a disconnection without loss or repeat.

const KEY = 'test-admin-key-0123456789abcdef';
const VICIDIAL = '/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000';
const VOIPSUN = '/api/api.php?username=voipsun&password=secretpwd';

let gateway: TestGateway;
const clients: StreamClient[] = [];

beforeAll(async () => {
  gateway = await startTestGateway({ listen: true, adminApiKey: KEY });
}, 60000);

afterAll(async () => {
  for (const client of clients) await client.close();
  await gateway?.close();
});

async function stream(subscribe: Record<string, unknown> | string | null, headers: Record<string, string> = {}): Promise<StreamClient> {
  const client = await openStream(gateway.url!, subscribe, headers);
  clients.push(client);
  return client;
}

interface LogRow {
  id: string;
  topic: string;
  tenant: string | null;
  type: string;
}

// In the stream's order, under the stream's ids.
const logRows = (where = 'true', params: unknown[] = []): Promise<LogRow[]> =>
  gateway.query<LogRow>(
    `SELECT tx::text || '-' || id::text AS id, topic, tenant, type FROM event_log WHERE ${where} ORDER BY event_log.tx, event_log.id`,
    params,
  );

/** SQL parameters for `(tx, id)` compared with a stream id. */
const positionParams = (id: string): string[] => {
  const position = parseEventLogId(id)!;
  return [position.tx.toString(), position.serial.toString()];
};

const idsOf = (messages: readonly StreamMessage[]): string[] => messages.map((message) => message.id!);

describe('who may read, and what a subscription must say', () => {
  test('a wrong key: an UNAUTHORIZED error message, then close 4401', async () => {
    const client = await stream({ type: 'subscribe', key: `${KEY}x` });
    expect(await client.closed).toEqual({ code: 4401, reason: 'UNAUTHORIZED' });
    expect(client.messages).toEqual([{ type: 'error', code: 'UNAUTHORIZED', message: 'a valid admin key is required' }]);
  });

  test('no key in the message or in the header: close 4401', async () => {
    const client = await stream({ type: 'subscribe' });
    expect((await client.closed).code).toBe(4401);
  });

  test.each([
    ['not JSON', 'hello'],
    ['not a subscribe', '{"type":"listen"}'],
    ['an unknown topic', '{"type":"subscribe","topics":["weather"]}'],
    ['an id that is not one', '{"type":"subscribe","after":"12abc"}'],
    ['an id as a number', '{"type":"subscribe","after":0}'],
    ['an id of one part', '{"type":"subscribe","after":"1234"}'],
    ['an id of three parts', '{"type":"subscribe","after":"1-2-3"}'],
    ['an id with a sign', '{"type":"subscribe","after":"-1-2"}'],
    ['an id past 64 bits', '{"type":"subscribe","after":"18446744073709551616-1"}'],
    ['a tenant that is not text', '{"type":"subscribe","tenant":7}'],
  ])('%s: an INVALID_REQUEST error message, then close 4400', async (_case, text) => {
    const client = await stream(text, { authorization: `Bearer ${KEY}` });
    expect(await client.closed).toEqual({ code: 4400, reason: 'INVALID_REQUEST' });
    expect(client.messages).toEqual([{ type: 'error', code: 'INVALID_REQUEST', message: expect.any(String) }]);
  });

  test('a first message larger than the stream takes: the reader is closed (1009), the gateway goes on serving', async () => {
    const client = await stream({ type: 'subscribe', key: KEY, padding: 'x'.repeat(70 * 1024) });
    expect((await client.closed).code).toBe(1009);
    const next = await stream({ type: 'subscribe', key: KEY });
    await next.waitForMessage((message) => message.type === 'subscribed', 'subscribed');
  });

  test('the key in the Authorization header of the upgrade request is enough', async () => {
    const client = await stream({ type: 'subscribe', topics: ['agents'] }, { authorization: `Bearer ${KEY}` });
    expect(await client.waitForMessage((message) => message.type === 'subscribed', 'subscribed')).toEqual({ type: 'subscribed', after: expect.stringMatching(/^\d+-\d+$/) });
  });
});

test('a request asking to upgrade anywhere else (curl --http2 sends Upgrade: h2c) is answered as the plain request it also is', async () => {
  const plain = await gateway.http.get(`${VICIDIAL}&function=version`);
  const { port } = new URL(gateway.url!);
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write(`GET ${VICIDIAL}&function=version HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (chunk) => (text += String(chunk)));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
  // The two answers may fall in different seconds: the version line's clock is left out of the comparison.
  const withoutClock = (text: string) => text.replace(/\|DATE: [^|]*\|EPOCH: \d+/, '|DATE: …|EPOCH: …');
  expect(withoutClock(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toBe(withoutClock(plain.text));
  expect(plain.text).toMatch(/\|DATE: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\|EPOCH: \d+\n$/);
});

describe('an agent pause and a call, live, then what was missed after a reconnection', () => {
  let lastSeen: string;
  let callId: string;

  test('a reader of agents and calls sees agent 1000 pause (VICIdial) and a VoIPSUN click-to-call ring and answer', async () => {
    const client = await stream({ type: 'subscribe', key: KEY, topics: ['agents', 'calls'] });
    await client.waitForMessage((message) => message.type === 'subscribed', 'subscribed');

    expect((await gateway.http.get(`${VICIDIAL}&function=external_pause&value=PAUSE`)).text).toMatch(/^SUCCESS: external_pause/);
    const paused = await client.waitForMessage((message) => message.event === 'AgentStateChanged' && message.data?.to === 'paused', 'the pause');
    expect(paused).toMatchObject({ type: 'event', topic: 'agents', tenant: null, data: { agentId: '1000', from: 'ready', to: 'paused' } });

    expect((await gateway.http.get(`${VOIPSUN}&action=originate&srcExtenInternalNum=100&dstNum=800123456`)).text).toContain('"success":"true"');
    const answered = await client.waitForMessage((message) => message.event === 'LegAnswered' && (message.data?.leg as { role?: string })?.role === 'destination', 'the number answering');
    callId = (answered.data!.call as { id: string }).id;
    expect(answered).toMatchObject({
      topic: 'calls',
      data: { call: { id: callId, purpose: 'click_to_call', origin: { dialect: 'voipsun', operation: 'originate' }, fromNumber: expect.any(String), toNumber: '800123456' } },
    });
    // One vocabulary: the admin API names a call's and a leg's fields as the stream does (the log's jsonb keeps no key order).
    const admin = await gateway.http.get(`/admin/v1/calls/${callId}`).set('Authorization', `Bearer ${KEY}`);
    const { legs, ...adminCall } = admin.body.call as { legs: Array<Record<string, unknown>> } & Record<string, unknown>;
    const names = (object: object): string[] => Object.keys(object).sort();
    expect(names(adminCall)).toEqual(names(answered.data!.call as object));
    expect(names(legs[0]!)).toEqual(names(answered.data!.leg as object));

    // Ids only grow, none repeats, and a reader of agents and calls gets nothing else.
    const ids = idsOf(client.events());
    expect(ids).toEqual([...ids].sort(compareEventLogIds));
    expect(new Set(ids).size).toBe(ids.length);
    expect(client.events().every((message) => message.topic === 'agents' || message.topic === 'calls')).toBe(true);
    lastSeen = client.events().at(-1)!.id!;
    await client.close();
  });

  test('while nobody reads, the call ends and the agent resumes; reconnecting after the last id seen gives exactly those events, once', async () => {
    const found = await gateway.core.getCall(callId);
    for (const leg of found!.legs) if (leg.state !== 'ended') await gateway.farEnd.hangup(leg.id);
    expect((await gateway.http.get(`${VICIDIAL}&function=external_pause&value=RESUME`)).text).toMatch(/^SUCCESS: external_pause/);
    await gatewayIdle();
    const missed = await logRows(`(tx, id) > ($1::xid8, $2::bigint) AND topic IN ('agents', 'calls')`, positionParams(lastSeen));
    expect(missed.map((row) => row.type)).toEqual(expect.arrayContaining(['LegEnded', 'CallEnded', 'AgentStateChanged']));

    const client = await stream({ type: 'subscribe', key: KEY, topics: ['agents', 'calls'], after: lastSeen });
    await client.waitForMessage((message) => message.id === missed.at(-1)!.id, 'the last missed event');
    expect(client.messages[0]).toEqual({ type: 'subscribed', after: lastSeen });
    expect(idsOf(client.events())).toEqual(missed.map((row) => row.id));
    const ended = client.events().find((message) => message.event === 'CallEnded')!;
    expect(ended.data).toMatchObject({ call: { id: callId, state: 'ended' }, cdr: { callId, durationSec: expect.any(Number), hangupSide: expect.any(String) } });
    expect(client.events().find((message) => message.event === 'AgentStateChanged')?.data).toMatchObject({ agentId: '1000', from: 'paused', to: 'ready' });

    // Live again: the next event comes once, after the missed ones.
    expect((await gateway.http.get(`${VICIDIAL}&function=external_pause&value=PAUSE`)).text).toMatch(/^SUCCESS: external_pause/);
    const next = await client.waitForMessage((message) => message.type === 'event' && compareEventLogIds(message.id!, missed.at(-1)!.id) > 0, 'the next pause');
    expect(next).toMatchObject({ event: 'AgentStateChanged', data: { to: 'paused' } });
    await gatewayIdle();
    const ids = idsOf(client.events());
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('filters and retention', () => {
  test('topic and tenant filters select exactly what the log holds for them', async () => {
    const agents = await stream({ type: 'subscribe', key: KEY, topics: ['agents'], after: '0-0' });
    const untenanted = await stream({ type: 'subscribe', key: KEY, tenant: null, after: '0-0' });
    const otherTenant = await stream({ type: 'subscribe', key: KEY, tenant: 'no-such-company', after: '0-0' });
    const expectedAgents = await logRows(`topic = 'agents'`);
    const expectedUntenanted = await logRows('tenant IS NULL');
    expect(expectedAgents.length).toBeGreaterThan(0);
    await agents.waitForMessage((message) => message.id === expectedAgents.at(-1)!.id, 'the last agent event');
    await untenanted.waitForMessage((message) => message.id === expectedUntenanted.at(-1)!.id, 'the last untenanted event');
    expect(idsOf(agents.events()).slice(0, expectedAgents.length)).toEqual(expectedAgents.map((row) => row.id));
    expect(idsOf(untenanted.events()).slice(0, expectedUntenanted.length)).toEqual(expectedUntenanted.map((row) => row.id));
    await otherTenant.waitForMessage((message) => message.type === 'subscribed', 'subscribed');
    expect(otherTenant.events()).toEqual([]);
  });

  test('entries past the retention period are removed; a reader resuming from before them is told of the gap', async () => {
    const [first] = await logRows();
    const store = createPgStore({ connectionString: gateway.databaseUrl });
    try {
      await gateway.query('UPDATE event_log SET at = at - interval \'2 days\' WHERE (tx, id) <= ($1::xid8, $2::bigint)', positionParams(first!.id));
      expect(await store.direct.eventLog.prune(new Date(Date.now() - 24 * 3_600_000))).toBe(1);
    } finally {
      await store.close();
    }
    const client = await stream({ type: 'subscribe', key: KEY, after: '0-0' });
    const gap = await client.waitForMessage((message) => message.type === 'gap', 'the gap');
    expect(gap).toEqual({ type: 'gap', after: '0-0', prunedThrough: first!.id });
    expect(client.events()[0]?.id).not.toBe(first!.id);
  });
});

describe('order without a lock', () => {
  test('an event that commits while an older transaction still runs reaches the reader once that one ends, though it ends with no event to wake anyone', async () => {
    // Agent 1000 paused before the reader subscribes, so that the resume below is the reader's first event.
    expect((await gateway.http.get(`${VICIDIAL}&function=external_pause&value=PAUSE`)).text).toMatch(/^SUCCESS: external_pause/);
    await gatewayIdle();
    const client = await stream({ type: 'subscribe', key: KEY, topics: ['agents'] });
    await client.waitForMessage((message) => message.type === 'subscribed', 'subscribed');
    const store = createPgStore({ connectionString: gateway.databaseUrl });
    let began!: () => void;
    const hasBegun = new Promise<void>((resolve) => (began = resolve));
    let release!: () => void;
    const mayEnd = new Promise<void>((resolve) => (release = resolve));
    try {
      // A transaction that writes (so it holds a transaction id), publishes nothing and rolls back.
      const older = store
        .transaction(async (tx) => {
          await tx.mailbox.append('held-back-probe', 'probe', {});
          began();
          await mayEnd;
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await hasBegun;
      expect((await gateway.http.get(`${VICIDIAL}&function=external_pause&value=RESUME`)).text).toMatch(/^SUCCESS: external_pause/);
      await gatewayIdle();
      const committed = await logRows(`type = 'AgentStateChanged' AND data->>'to' = 'ready'`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(client.events()).toEqual([]);

      release();
      await older;
      const resumed = await client.waitForMessage((message) => message.event === 'AgentStateChanged' && message.data?.to === 'ready', 'the resume, once the older transaction ended');
      expect(resumed.id).toBe(committed.at(-1)!.id);
      expect(idsOf(client.events()).filter((id) => id === resumed.id)).toHaveLength(1);
    } finally {
      release();
      await store.close();
    }
  });
});

async function gatewayIdle(): Promise<void> {
  await gateway.core.idle();
}
