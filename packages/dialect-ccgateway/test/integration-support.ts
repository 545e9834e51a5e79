import { startTestGateway, type TestGateway, type TestGatewayOptions } from '@pbx-gateway/test-support';

export const BASE = '/agentgateway/resource';
export const JSON_TYPE = 'application/json;charset=UTF-8';
export const SUCCESS = '{"message":"success","retcode":"0","result":{}}';
export const HUAWEI_SIGN_IN_SAMPLE = { password: '', phonenum: '40038', status: '4', releasephone: 'false', agenttype: '4' };
export const SEED_PLAY_BODY = {
  voicepath: 'Y:/1/0/20180621/105/1406470.V3',
  startpostion: 0,
  volumechange: 20,
  speedchange: 20,
  times: 1,
  codeformat: 0,
  locationId: -1,
};
export const failure = (retcode: string, message: string): string => `{"message":"${message}","retcode":"${retcode}","result":{}}`;

/** A recording long enough to pause, jump and stop while it plays. */
export const LONG_RECORDING = { voicepath: 'Y:/long/recording.V3', media: 'recordings/long/recording', ms: 120_000 };

export interface WireEventSeen {
  eventType: string;
  workNo: string;
  content: unknown;
  eventGenTime: number;
  /** The answer as sent. */
  raw: string;
}

/** The test gateway with the dialect's waits shortened; the long recording is in the catalogue. */
export async function startCcgatewayGateway(options: TestGatewayOptions & { ccgateway?: Record<string, unknown> } = {}): Promise<TestGateway> {
  const { ccgateway, ...rest } = options;
  const gateway = await startTestGateway({
    ...rest,
    dialects: { ...rest.dialects, ccgateway: { pollWaitMs: 400, ...ccgateway } },
  });
  const media = await gateway.sim.control.getMedia();
  await gateway.sim.control.setMedia({ ...media, [LONG_RECORDING.media]: LONG_RECORDING.ms });
  return gateway;
}

export async function signIn(gateway: TestGateway, agentId: string, body: Record<string, unknown>, force = false): Promise<string> {
  const res = await gateway.http
    .put(`${BASE}/onlineagent/${agentId}${force ? '/forcelogin' : ''}`)
    .set('Content-Type', 'application/json; charset=UTF-8')
    .send(body);
  const header = String(res.headers['set-guid'] ?? '');
  if (!header.startsWith('JSESSIONID=')) throw new Error(`sign-in of ${agentId} failed: ${res.text}`);
  return header.slice('JSESSIONID='.length);
}

/** One poll, as a client makes it. */
export async function poll(gateway: TestGateway, agentId: string, guid: string): Promise<WireEventSeen | null> {
  const res = await gateway.http.get(`${BASE}/agentevent/${agentId}`).set('Guid', guid).set('Content-Type', 'application/json; charset=UTF-8');
  if (res.status !== 200 || res.headers['content-type'] !== JSON_TYPE) throw new Error(`poll answered ${res.status}: ${res.text}`);
  const body = JSON.parse(res.text) as { retcode: string; event: Omit<WireEventSeen, 'raw'> | null };
  if (body.retcode !== '0') throw new Error(`poll answered ${res.text}`);
  return body.event ? { ...body.event, raw: res.text } : null;
}

/**
 * Polls like a client until `count` events arrived (bounded: fails after
 * `timeoutMs` with what it saw), returning them in order.
 */
export async function collectEvents(gateway: TestGateway, agentId: string, guid: string, count: number, timeoutMs = 10_000): Promise<WireEventSeen[]> {
  const seen: WireEventSeen[] = [];
  const deadline = Date.now() + timeoutMs;
  while (seen.length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} events, saw ${seen.length}: ${seen.map((event) => event.eventType).join(', ')}`);
    const event = await poll(gateway, agentId, guid);
    if (event) seen.push(event);
  }
  return seen;
}

/** Polls until the queue is empty (an `event: null` answer); returns what was drained. */
export async function drainEvents(gateway: TestGateway, agentId: string, guid: string, limit = 50): Promise<WireEventSeen[]> {
  const seen: WireEventSeen[] = [];
  for (let i = 0; i < limit; i += 1) {
    const event = await poll(gateway, agentId, guid);
    if (!event) return seen;
    seen.push(event);
  }
  throw new Error(`the queue did not empty: ${seen.map((event) => event.eventType).join(', ')}`);
}

/** `eventType` plus content, compactly: `AgentOther_PhoneRelease {"phoneState":3}`. */
export const described = (events: readonly WireEventSeen[]): string[] =>
  events.map((event) => (event.content === null ? event.eventType : `${event.eventType} ${JSON.stringify(event.content)}`));

export function expectEventShape(event: WireEventSeen, agentId: string): void {
  const content = event.content === null ? 'null' : JSON.stringify(event.content);
  const expected = `{"message":"","retcode":"0","event":{"eventType":"${event.eventType}","workNo":"${agentId}","content":${content},"eventGenTime":${event.eventGenTime}}}`;
  if (event.raw !== expected) throw new Error(`event answer ${event.raw} is not ${expected}`);
}
