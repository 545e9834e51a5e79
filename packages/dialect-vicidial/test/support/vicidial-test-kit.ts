import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from 'supertest';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from '@pbx-gateway/test-support';
import { localDateTime } from '@pbx-gateway/dialect-kit';

export const AGENT_API = '/agc/api.php';
export const NON_AGENT_API = '/vicidial/non_agent_api.php';
/** The seeds' credentials: API user 6666, password 1234, source `test`. */
export const AUTH = 'source=test&user=6666&pass=1234';

/**
 * Media lengths for these tests: long audio that cannot end in the middle of
 * a test, and a short one that ends by itself.
 */
export const VICIDIAL_TEST_MEDIA: Record<string, number> = {
  'ss-noservice': 120000,
  'tt-monkeys': 120000,
  'demo-congrats': 120000,
  beep: 300,
  'hello-world': 800,
};

/**
 * Accounts and agents beyond the demo tenant, one per situation the spec
 * names: no API access, a restricted allow-list, user level 0, inactive, a
 * reports-less level 5, an IP allow-list, two spare accounts for lock-out
 * tests, a one-letter login; agent 1001
 * logged in without a conference, agent 1002 with a conference number too
 * short for audio.
 */
export const EXTRA_PROVISIONING: NonNullable<TestGatewayOptions['extraProvisioning']> = {
  apiUsers: [
    { realm: 'vicidial', login: '6667', secret: '1234', attributes: { user_level: '9', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '0' } },
    { realm: 'vicidial', login: '6668', secret: '1234', attributes: { user_level: '8', user_group: 'AGENTS', api_allowed_functions: ' external_pause logout ', vdc_agent_api_access: '1' } },
    { realm: 'vicidial', login: '6669', secret: '1234', attributes: { user_level: '0', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1' } },
    { realm: 'vicidial', login: '6670', secret: '1234', active: false, attributes: { user_level: '9', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1' } },
    { realm: 'vicidial', login: '6671', secret: '1234', attributes: { user_level: '5', user_group: 'AGENTS', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1' } },
    { realm: 'vicidial', login: '6672', secret: '1234', attributes: { user_level: '9', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1', api_allowed_ips: '192.0.2.10 192.0.2.11' } },
    { realm: 'vicidial', login: '6673', secret: '1234', attributes: { user_level: '9', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1' } },
    { realm: 'vicidial', login: '6674', secret: '1234', attributes: { user_level: '9', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1' } },
    { realm: 'vicidial', login: 'a', secret: '1234', attributes: { user_level: '9', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1' } },
  ],
  agents: [
    { id: '1001', name: 'Agent without conference', secret: '1234', device: 'PJSIP/1001' },
    // Its external id as a VICIdial document gives it, in the user field custom_three.
    { id: '1002', name: 'Agent with a short conference', secret: '1234', device: 'PJSIP/1002', attributes: { custom_three: '555111' } },
  ],
  sessions: [
    { agentId: '1001', via: 'vicidial' },
    { agentId: '1002', via: 'vicidial', conferenceNumber: '86000' },
  ],
};

export const testGatewayOptions = (overrides: TestGatewayOptions = {}): TestGatewayOptions => ({
  extraProvisioning: EXTRA_PROVISIONING,
  sim: { media: VICIDIAL_TEST_MEDIA },
  ...overrides,
});

export interface WireResponse {
  status: number;
  statusMessage: string;
  body: Buffer;
  text: string;
  /** Header names exactly as sent. */
  rawHeaderNames: string[];
  headers: Record<string, string | string[] | undefined>;
}

/** The bytes a client sees: status line, header names as spelled, body bytes. */
export function wire(response: Response): WireResponse {
  const incoming = (response as unknown as { res: { statusMessage: string; rawHeaders: string[] } }).res;
  const body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.text ?? '', 'utf8');
  return {
    status: response.status,
    statusMessage: incoming.statusMessage,
    body,
    text: body.toString('latin1'),
    rawHeaderNames: incoming.rawHeaders.filter((_value, index) => index % 2 === 0),
    headers: response.headers as Record<string, string | string[] | undefined>,
  };
}

/** Sends a GET with the query exactly as written (supertest would re-encode some characters). */
export async function agentGet(gateway: TestGateway, query: string): Promise<WireResponse> {
  return wire(await gateway.http.get(`${AGENT_API}?${query}`).buffer(true).parse(binaryParser));
}

export async function agentPost(gateway: TestGateway, query: string, form: string, contentType = 'application/x-www-form-urlencoded'): Promise<WireResponse> {
  const url = query === '' ? AGENT_API : `${AGENT_API}?${query}`;
  return wire(await gateway.http.post(url).set('Content-Type', contentType).send(form).buffer(true).parse(binaryParser));
}

export async function nonAgentGet(gateway: TestGateway, query: string): Promise<WireResponse> {
  return wire(await gateway.http.get(`${NON_AGENT_API}?${query}`).buffer(true).parse(binaryParser));
}

type BodyParser = Parameters<ReturnType<TestGateway['http']['get']>['parse']>[0];

/** Keeps the body as bytes, whatever the content type says (superagent hands the parser the raw response stream). */
export const binaryParser = ((res: NodeJS.ReadableStream, callback: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => callback(error, Buffer.concat(chunks)));
}) as unknown as BodyParser;

/** Status 200, VICIdial's three headers spelled as PHP sends them, no Express extras. */
export function expectVicidialAnswer(response: WireResponse, body: string, status = 200): void {
  expect({ status: response.status, body: response.text }).toEqual({ status, body });
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(response.headers['cache-control']).toBe('no-cache, must-revalidate');
  expect(response.headers.pragma).toBe('no-cache');
  expect(response.rawHeaderNames).toEqual(expect.arrayContaining(['Content-type', 'Cache-Control', 'Pragma']));
  const names = response.rawHeaderNames.map((name) => name.toLowerCase());
  expect(names.length).toBe(new Set(names).size);
  expect(response.headers['x-powered-by']).toBeUndefined();
  expect(response.headers.etag).toBeUndefined();
  expect(response.headers['content-length']).toBe(String(response.body.length));
}

/** A SUCCESS line carrying `<epoch>`: the epoch must be the request's second. */
export function expectEpochLine(response: WireResponse, before: number, after: number, template: (epoch: string) => string): void {
  const match = /\|(\d{10})\|/.exec(response.text);
  expect(match).not.toBeNull();
  const epoch = Number(match![1]);
  expect(epoch).toBeGreaterThanOrEqual(before);
  expect(epoch).toBeLessThanOrEqual(after);
  expectVicidialAnswer(response, template(match![1]!));
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * When a list was last changed, as the server prints it (the tests' server
 * runs in UTC), once checked to fall between `before` and now: the time of
 * the request that changed it.
 */
export async function listChangeTime(gateway: TestGateway, listId: number, before: number): Promise<string> {
  const changedAt = (await gateway.core.getLeadList(listId))?.changedAt;
  expect(changedAt).toBeInstanceOf(Date);
  expect(changedAt!.getTime()).toBeGreaterThanOrEqual(before);
  expect(changedAt!.getTime()).toBeLessThanOrEqual(Date.now());
  return localDateTime(changedAt!, 'UTC');
}

/**
 * Waits until the agent's phone has answered and sits in the session
 * conference, as a VICIdial agent does once logged in. (Audio played into a
 * conference nobody has joined yet is not reported started by the engine;
 * see docs/vicidial.md, "Known limits".)
 */
export async function agentPhoneInConference(gateway: TestGateway, agentId: string): Promise<void> {
  await gateway.waitFor(
    async () => {
      const legId = (await gateway.core.getAgentSession(agentId))?.conference?.agentLegId;
      if (!legId) return false;
      const call = await gateway.core.getCall(legId.slice(0, legId.lastIndexOf('.')));
      return call?.legs.some((leg) => leg.id === legId && leg.state === 'up') ?? false;
    },
    10000,
    `agent ${agentId} phone in its conference`,
  );
}

/**
 * The gateway the tests of a file (or of a describe block) share, since one
 * takes seconds to start: started before the first test with this kit's
 * options (and `overrides`), closed after the last. With `agentInConference`
 * the tests begin once that agent's phone sits in its session conference, as
 * a logged-in agent's does. Jest runs the hooks after this returns, hence the
 * function to reach the gateway by.
 */
export function sharedGateway(options: { agentInConference?: string; overrides?: TestGatewayOptions } = {}): () => TestGateway {
  let gateway: TestGateway | undefined;
  beforeAll(async () => {
    gateway = await startTestGateway(testGatewayOptions(options.overrides));
    if (options.agentInConference !== undefined) await agentPhoneInConference(gateway, options.agentInConference);
  }, 60000);
  afterAll(async () => {
    await gateway?.close();
  });
  return () => {
    if (!gateway) throw new Error('the shared gateway starts in beforeAll: reach it from tests and hooks only');
    return gateway;
  };
}

/**
 * A request whose path reaches the gateway byte for byte, through a real
 * listening socket (URL libraries resolve `./` and `../` before sending): the
 * gateway's own server when it listens, else a plain Node server on its app.
 */
export async function rawRequest(
  gateway: TestGateway,
  request: { method?: string; path: string; body?: string; headers?: Record<string, string> },
): Promise<WireResponse> {
  const server = gateway.url === null ? createServer(gateway.app) : null;
  if (server) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = server ? (server.address() as AddressInfo).port : Number(new URL(gateway.url!).port);
    return await new Promise<WireResponse>((resolve, reject) => {
      const body = request.body === undefined ? undefined : Buffer.from(request.body, 'latin1');
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: request.method ?? 'GET',
          path: request.path,
          headers: { ...(body ? { 'Content-Length': String(body.length) } : {}), ...request.headers, Connection: 'close' },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const bytes = Buffer.concat(chunks);
            resolve({
              status: incoming.statusCode ?? 0,
              statusMessage: incoming.statusMessage ?? '',
              body: bytes,
              text: bytes.toString('latin1'),
              rawHeaderNames: incoming.rawHeaders.filter((_value, index) => index % 2 === 0),
              headers: incoming.headers,
            });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}

/** Puts the agent in a call with a customer (dialled into its conference, over the trunk) and waits for the answer. */
export async function customerCall(gateway: TestGateway, agentId: string, number = '800123456'): Promise<{ callId: string; customerLegId: string }> {
  const { callId } = await gateway.core.startAgentCustomerCall({
    agentId,
    number,
    callerId: null,
    origin: { dialect: 'vicidial', operation: 'test', apiUserId: null },
  });
  const answered = await gateway.waitFor(async () => {
    const found = await gateway.core.getCall(callId);
    return found?.call.state === 'answered' ? found : false;
  }, 5000, 'customer to answer');
  const customer = answered.legs.find((leg) => leg.role === 'customer');
  if (!customer) throw new Error(`call ${callId} has no customer leg`);
  return { callId, customerLegId: customer.id };
}

/** A call ID as VICIdial's lines show it (the owner's dot as an underscore). */
export const wireId = (callId: string): string => callId.replace('.', '_');

/** Waits until the engine's bridge holds exactly these channels. */
export async function bridgeHolds(gw: TestGateway, bridgeId: string, legIds: readonly string[]): Promise<void> {
  await gw.waitFor(
    async () => {
      const bridge = (await gw.engineBridges()).find((candidate) => candidate.id === bridgeId);
      return bridge !== undefined && legIds.every((id) => bridge.channels.includes(id)) && bridge.channels.length === legIds.length;
    },
    15000,
    `${bridgeId} holding ${legIds.join(', ')}`,
  );
}

/** The agent's phone leg in its session conference, once it is there. */
export const agentPhone = (gw: TestGateway, agentId: string): Promise<string> =>
  gw.waitFor(async () => (await gw.core.getAgentSession(agentId))?.conference?.agentLegId ?? undefined, 15000, `agent ${agentId} phone`);

/** The agents free for the next test: out of their calls, the disposition a call or transfer leaves open given up. */
export async function agentsFree(gw: TestGateway, agentIds: readonly string[]): Promise<void> {
  for (const agentId of agentIds) {
    await gw.waitFor(async () => (await gw.core.getAgentSession(agentId))?.state !== 'in_call', 15000, `agent ${agentId} out of its call`);
    const session = await gw.core.getAgentSession(agentId);
    if (session?.state === 'wrap_up' || session?.state === 'paused') await gw.core.resumeAgent({ agentId });
  }
}
