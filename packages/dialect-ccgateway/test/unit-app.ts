import { agent, createTestCore, hashOf, ORIGIN, seededRandom as sharedSeededRandom, trunk, waitFor, type TestCore } from '@pbx-gateway/test-support';
import type { DialectLogger } from '@pbx-gateway/dialect-kit';
import express from 'express';
import request from 'supertest';
import { CCGATEWAY_VOCABULARY, createCcgatewayDialect, createCcgatewayProjector, defaultCcgatewaySettings, type CcgatewaySettings } from '../src';
import type { Dialect } from '@pbx-gateway/dialect-kit';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, signInOver } from './wire-client';

export interface UnitApp {
  app: express.Express;
  /** The real core over the in-memory store, a scriptable engine and a fake clock. */
  t: TestCore;
  dialect: Dialect;
  http: ReturnType<typeof request>;
  logs: string[];
  settings: CcgatewaySettings;
  /** Signs the agent in (Huawei's sample body by default) and returns its GUID. */
  signIn(agentId?: string, body?: Record<string, unknown>): Promise<string>;
  /** Once a poll waits, lets its wait run out on the core's clock (the poll then answers `event null`). */
  expirePoll(): Promise<void>;
  /** Until the returned stop is called, every poll that waits has its wait run out (for tests that send many requests). */
  expireEveryPoll(): () => void;
}

/** Agents as Huawei's samples have them: 101 without password, 102 with one; 103 an inspector without password. */
const AGENTS = [
  agent('101', { secretHash: hashOf('') }),
  agent('102', { secretHash: hashOf('Agent@102') }),
  agent('103', { secretHash: hashOf(''), attributes: { ccgateway_inspector: '1' } }),
];

/** What a test adds to the directory: skill queues, the numbers that reach them, agents of its own (replacing the two above). */
export type UnitDirectory = Pick<NonNullable<Parameters<typeof createTestCore>[0]>['directory'] & object, 'queues' | 'didRoutes' | 'agents'>;

/** The dialect on a plain Express app (as the server mounts it), over the test core. */
export async function unitApp(settings: Partial<CcgatewaySettings> = {}, directory: UnitDirectory = {}): Promise<UnitApp> {
  const fullSettings: CcgatewaySettings = { ...defaultCcgatewaySettings, pollWaitMs: 300, ...settings };
  const t = await createTestCore({
    directory: { agents: AGENTS, trunks: [trunk(1)], ...directory },
    projectors: [createCcgatewayProjector(fullSettings)],
    vocabulary: [CCGATEWAY_VOCABULARY],
    config: { media: { pathMappings: [{ prefix: 'Y:/', media: 'recording:huawei/' }] } },
  });
  // Phones answer and audio plays, unless a test says otherwise.
  t.pbx.setOtherNumbers({ outcome: 'answer' });
  t.pbx.startPlaybacks();
  const logs: string[] = [];
  const dialect = createCcgatewayDialect({ core: t.core, logger: quietLogger(logs), settings: fullSettings });
  const app = express();
  app.use(dialect.router);
  const http = request(app);
  return {
    app,
    t,
    dialect,
    http,
    logs,
    settings: fullSettings,
    signIn: (agentId = '101', body = agentId === '101' ? HUAWEI_SIGN_IN_SAMPLE : { password: 'Agent@102', phonenum: agentId }) => signInOver(http, agentId, body),
    async expirePoll() {
      await waitFor(() => t.store.mailboxSignals.waiting > 0, 5000, 'a waiting poll');
      await t.advance(fullSettings.pollWaitMs);
    },
    expireEveryPoll() {
      const timer = setInterval(() => {
        if (t.store.mailboxSignals.waiting > 0) void t.advance(fullSettings.pollWaitMs);
      }, 2);
      return () => clearInterval(timer);
    },
  };
}

/** Puts the agent in a call with a customer, as a CRM's dialling would: the phone and the customer answer. */
/** Polls the agent's events until none waits: each as `eventType` or `eventType {content}`. */
export async function drainEvents({ http, t }: UnitApp, agentId: string, guid: string): Promise<string[]> {
  const seen: string[] = [];
  while (t.store.mailboxMessages(agentId, 'ccgateway').length > 0) {
    const res = await http.get(`${BASE}/agentevent/${agentId}`).set('Guid', guid);
    const event = (JSON.parse(res.text) as { event: { eventType: string; content: unknown } }).event;
    seen.push(event.content === null ? event.eventType : `${event.eventType} ${JSON.stringify(event.content)}`);
  }
  return seen;
}

export async function putInCall(t: TestCore, agentId = '101'): Promise<{ callId: string }> {
  const { callId } = await t.core.startAgentCustomerCall({ agentId, number: '5550100', callerId: null, origin: ORIGIN });
  await t.settle();
  return { callId };
}

/** Ends the agent's session whatever it is doing, as an administrator would. */
export async function signOut(t: TestCore, agentId = '101'): Promise<void> {
  if (await t.core.getAgentSession(agentId)) await t.core.logoutAgent({ agentId, whenInCall: 'force' });
  await t.settle();
}

/** A logger that keeps its lines for the tests that read them. */
export function quietLogger(lines: string[] = []): DialectLogger {
  const keep = (level: string) => (facts: Record<string, unknown>, message: string) => void lines.push(`${level} ${message} ${JSON.stringify(facts)}`);
  return { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** The tests' seeded generator (test-support), as a bare function, so garbage tests are repeatable. */
export function seededRandom(seed: number): () => number {
  return sharedSeededRandom(seed).next;
}
