import { startTestGateway, TEST_MEDIA, type IncomingCall, type TestGateway, type TestGatewayOptions } from '@pbx-gateway/test-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, JSON_TYPE, SUCCESS, signInOver } from './wire-client';

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
  return startTestGateway({
    ...rest,
    sim: { ...rest.sim, media: { ...TEST_MEDIA, ...rest.sim?.media, [LONG_RECORDING.media]: LONG_RECORDING.ms } },
    dialects: { ...rest.dialects, ccgateway: { pollWaitMs: 400, ...ccgateway } },
  });
}

/**
 * The gateway the tests of a describe block share, since one takes seconds to
 * start: started (as startCcgatewayGateway does) before the first test, closed
 * after the last. Jest runs the hooks after this returns, hence the function
 * to reach the gateway by. `startTimeoutMs`: how long the start may take (a
 * real Asterisk on a loaded machine takes longer than the simulator).
 */
export function sharedCcgatewayGateway(options: Parameters<typeof startCcgatewayGateway>[0] = {}, startTimeoutMs = 60_000): () => TestGateway {
  let gateway: TestGateway | undefined;
  beforeAll(async () => {
    gateway = await startCcgatewayGateway(options);
  }, startTimeoutMs);
  afterAll(async () => {
    await gateway?.close();
  });
  return () => {
    if (!gateway) throw new Error('the shared gateway starts in beforeAll: reach it from tests and hooks only');
    return gateway;
  };
}

export const signIn = (gateway: TestGateway, agentId: string, body: Record<string, unknown>, force = false): Promise<string> => signInOver(gateway.http, agentId, body, force);

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

/** The calls of the voice-call suites; the gateway's own standing calls (agents' phones of other suites) are left alone. */
export const CUSTOMER_CALLS: ReadonlySet<string> = new Set(['agent_customer', 'inbound']);

/** How agent 101's tests differ from the voice-call suites' (agent101EachTest). */
export interface Agent101Options {
  /** How long phone 40038 and the numbers given ring before they answer (300 ms unless said). */
  ringMs?: number;
  /** The skill agent 101 serves (resetskill after the sign-in), where the test's callers queue. */
  skill?: string;
  /**
   * The callers the test placed into the PBX (farEnd.callIn): they hang up
   * after it with their own hang-up, since on Asterisk the far end of a
   * caller is a SIP peer that takes no orders by leg. Given, they replace the
   * far ends of the customer legs hanging up.
   */
  callers?: IncomingCall[];
}

/**
 * Agent 101 signed in before each test (its phone 40038 and the numbers
 * given answering after 300 ms, or `ringMs`; serving `skill` if given) and
 * signed out after it; the parties a test leaves behind (a queued customer,
 * a consulted number, or the `callers`) then hang up as callers would, and
 * the next test starts once the customer calls and agent 101's own calls
 * (a recording played on its phone) have ended. Returns the test's GUID.
 */
export function agent101EachTest(gateway: () => TestGateway, numbers: readonly string[], options: Agent101Options = {}): () => string {
  const { ringMs = 300, skill, callers } = options;
  let guid = '';
  beforeEach(async () => {
    await gateway().farEnd.setPhone('40038', { outcome: 'answer', ringMs });
    for (const number of numbers) await gateway().farEnd.setNumber(number, { outcome: 'answer', ringMs });
    guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentOther_InService', 'AgentState_Ready']);
    if (skill !== undefined) expect((await gateway().http.post(`${BASE}/onlineagent/101/resetskill/false?skillid=${skill}`).set('Guid', guid)).text).toBe(SUCCESS);
  });
  afterEach(async () => {
    await gateway().http.delete(`${BASE}/onlineagent/101/forcelogout`).set('Guid', guid);
    if (callers) {
      for (const caller of callers.splice(0)) await caller.hangup().catch(() => undefined);
    } else {
      for (const { call, legs } of await gateway().core.listLiveCalls()) {
        if (CUSTOMER_CALLS.has(call.purpose)) for (const leg of legs) if (leg.state !== 'ended' && leg.role !== 'agent') await gateway().farEnd.hangup(leg.id, 16).catch(() => undefined);
      }
    }
    await gateway().waitFor(
      async () => (await gateway().core.listLiveCalls()).every(({ call }) => !CUSTOMER_CALLS.has(call.purpose) && call.agentId !== '101'),
      10_000,
      'customer calls and calls of agent 101 to end',
    );
    await gateway().core.idle();
  });
  return () => guid;
}
