import express from 'express';
import request from 'supertest';
import { createCcgatewayDialect, createCcgatewayProjector, defaultCcgatewaySettings, type CcgatewaySettings } from '../src';
import type { Dialect } from '@pbx-gateway/dialect-kit';
import { createFakeCore, quietLogger, type FakeCore } from './fake-core';

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

export const JSON_TYPE = 'application/json;charset=UTF-8';
export const SUCCESS = '{"message":"success","retcode":"0","result":{}}';
export const failure = (retcode: string, message: string): string => `{"message":"${message}","retcode":"${retcode}","result":{}}`;

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
    async signIn(agentId = '101', body = agentId === '101' ? HUAWEI_SIGN_IN_SAMPLE : { password: 'Agent@102', phonenum: agentId }) {
      const res = await http.put(`/agentgateway/resource/onlineagent/${agentId}`).set('Content-Type', 'application/json; charset=UTF-8').send(body);
      const header = String(res.headers['set-guid'] ?? '');
      if (!header.startsWith('JSESSIONID=')) throw new Error(`sign-in failed: ${res.text}`);
      return header.slice('JSESSIONID='.length);
    },
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
