import { seededRandom as sharedSeededRandom } from '@pbx-gateway/test-support';
import express from 'express';
import request from 'supertest';
import { createCcgatewayDialect, createCcgatewayProjector, defaultCcgatewaySettings, type CcgatewaySettings } from '../src';
import type { Dialect } from '@pbx-gateway/dialect-kit';
import { createFakeCore, quietLogger, type FakeCore } from './fake-core';
import { HUAWEI_SIGN_IN_SAMPLE, signInOver } from './wire-client';

export interface UnitApp {
  app: express.Express;
  fake: FakeCore;
  dialect: Dialect;
  http: ReturnType<typeof request>;
  logs: string[];
  /** Signs the agent in (Huawei's sample body by default) and returns its GUID. */
  signIn(agentId?: string, body?: Record<string, unknown>): Promise<string>;
}

/** The dialect on a plain Express app (as the server mounts it), over the fake core. */
export function unitApp(settings: Partial<CcgatewaySettings> = {}): UnitApp {
  const fake = createFakeCore(createCcgatewayProjector());
  const logs: string[] = [];
  const dialect = createCcgatewayDialect({
    core: fake.core,
    logger: quietLogger(logs),
    settings: { ...defaultCcgatewaySettings, pollWaitMs: 300, ...settings },
  });
  const app = express();
  app.use(dialect.router);
  const http = request(app);
  return {
    app,
    fake,
    dialect,
    http,
    logs,
    signIn: (agentId = '101', body = agentId === '101' ? HUAWEI_SIGN_IN_SAMPLE : { password: 'Agent@102', phonenum: agentId }) => signInOver(http, agentId, body),
  };
}

/** The tests' seeded generator (test-support), as a bare function, so garbage tests are repeatable. */
export function seededRandom(seed: number): () => number {
  return sharedSeededRandom(seed).next;
}
