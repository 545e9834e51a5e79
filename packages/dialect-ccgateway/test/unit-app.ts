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

/** A small deterministic generator (mulberry32), so garbage tests are repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
