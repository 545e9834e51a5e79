import pino from 'pino';
import { Pool } from 'pg';
import supertest from 'supertest';
import type { Express } from 'express';
import type { CallControl, Clock, CoreConfig } from '@pbx-gateway/core';
import { startPbxSim, type PbxSim, type PbxSimOptions } from '@pbx-gateway/pbx-sim';
import {
  createScryptSecretHasher,
  defaultGatewayConfig,
  demoCoreSettings,
  demoProvisioning,
  demoSimulatorPhones,
  demoSimulatorTrunks,
  hashAdminKey,
  startGateway,
  type GatewayConfig,
  type ProvisioningDocument,
  type RunningGateway,
} from '@pbx-gateway/server';
import { startAsterisk, type RunningAsterisk } from './asterisk/start';
import type { FarEndControl } from './far-end/far-end-control';
import { simFarEnd } from './far-end/sim-far-end';
import { testEngine, type TestEngine } from './test-engine';
import { asteriskFarEnd, FAR_END_CHANNEL } from './far-end/asterisk-far-end';
import { startCallbackReceiver, type CallbackReceiver } from './callback-receiver';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_MEDIA } from './test-media';
import { waitFor } from './wait-for';
import { gatewayClosed, trackGateway } from './gateway-leftovers';

export interface TestGatewayOptions {
  /** Replaces the demo provisioning entirely. */
  provisioning?: ProvisioningDocument;
  /** Applied after the demo provisioning (more agents, extensions ...). */
  extraProvisioning?: ProvisioningDocument;
  core?: Partial<CoreConfig>;
  dialects?: Partial<GatewayConfig['dialects']>;
  /** The gateway's clock (a fixed date for answers that depend on it); the system's by default. */
  clock?: Clock;
  /**
   * Simulator options over the test defaults (demo phones, short media, quick
   * answers). On the real Asterisk only `media` counts: sounds it lacks are
   * added as silence of that length; installed ones keep their real length.
   */
  sim?: Partial<PbxSimOptions>;
  /** Log level of the gateway (silent unless TEST_LOG_LEVEL says otherwise). */
  logLevel?: string;
  /**
   * Listen on a loopback port and send `http`'s requests there, through the
   * gateway's own HTTP server (the default); `false` leaves the socket out and
   * `http` calls the app on a server of supertest's.
   */
  listen?: boolean;
  /** Switches the admin API on with this key. */
  adminApiKey?: string;
  /** The bearer key `/metrics` asks for; without it `/metrics` is open. */
  metricsKey?: string;
  /** The key callback secrets are derived from (CALLBACK_SIGNING_KEY); without it callbacks go unsigned. */
  callbackSigningKey?: string;
  /** Failed attempts in a row after which a callback receiver is reported as failing. */
  callbackFailingAfter?: number;
  /** The directory of sound prompts the gateway lists (SOUNDS_DIRECTORY); none by default. */
  soundsDirectory?: string;
}

/** A channel as ARI lists it (the fields tests read). */
export interface EngineChannel {
  id: string;
  name: string;
  state: string;
  caller: { name: string; number: string };
  connected: { name: string; number: string };
  dialplan: { context: string; exten: string; priority: number; app_name?: string; app_data?: string };
}

export interface EngineBridge {
  id: string;
  bridge_type: string;
  channels: string[];
}

export interface TestGateway {
  /** A supertest agent on the gateway's HTTP server (on the app itself when started with `listen: false`). */
  http: ReturnType<typeof supertest>;
  app: Express;
  core: CallControl;
  engine: TestEngine;
  /** The far ends of the gateway's calls, steered the same way on both engines. */
  farEnd: FarEndControl;
  /** pbx-sim itself; on the real Asterisk reading it fails, naming the test as pbx-sim only. */
  sim: PbxSim;
  /** The real Asterisk, when the engine is Asterisk. */
  asterisk: RunningAsterisk | null;
  /** `GET /ari/channels` of the engine, the far ends' own channels left out: the calls as the engine has them. */
  engineChannels(): Promise<EngineChannel[]>;
  /** One ARI request to the engine (either one), as the gateway's own account: to look at what the engine has. */
  engineAri(method: string, path: string): Promise<{ status: number; body: unknown }>;
  /** `GET /ari/bridges` of the engine: which channels each bridge holds. */
  engineBridges(): Promise<EngineBridge[]>;
  callbacks: CallbackReceiver;
  databaseUrl: string;
  /** `http://127.0.0.1:<port>`, unless started with `listen: false`. */
  url: string | null;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs?: number, what?: string): Promise<T>;
  close(): Promise<void>;
}


/**
 * The whole gateway as production runs it, for one test file: a fresh
 * Postgres database, the simulator over real HTTP and WebSocket, the real ARI
 * adapter, every dialect, the demo tenant (callbacks pointed at a local
 * receiver), listening on a loopback port as production does.
 */
export function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  return trackGateway(openTestGateway(options));
}

async function openTestGateway(options: TestGatewayOptions): Promise<TestGateway> {
  const database: TestDatabase = await createTestDatabase();
  const callbacks = await startCallbackReceiver();
  const engine = testEngine();
  let sim: PbxSim | null = null;
  let asterisk: RunningAsterisk | null = null;
  let farEnd: FarEndControl;
  let ariUrl: string;
  let ariAccount: { user: string; password: string } = { user: defaultGatewayConfig.ari.user, password: defaultGatewayConfig.ari.password };
  try {
    if (engine === 'asterisk') {
      asterisk = await startAsterisk({ sounds: { ...TEST_MEDIA, ...options.sim?.media } });
      farEnd = await asteriskFarEnd(asterisk);
      ariUrl = asterisk.url;
      ariAccount = { user: asterisk.user, password: asterisk.password };
    } else {
      sim = await startPbxSim({
        port: 0,
        users: { gateway: 'gateway' },
        phones: demoSimulatorPhones.map((resource) => ({ resource })),
        trunks: demoSimulatorTrunks,
        media: TEST_MEDIA,
        recordTraffic: true,
        ...options.sim,
      });
      farEnd = simFarEnd(sim);
      ariUrl = sim.url;
    }
  } catch (error) {
    await asterisk?.close();
    await callbacks.close();
    await database.drop();
    throw error;
  }
  const engineChannels = async (): Promise<EngineChannel[]> => {
    if (asterisk) {
      const listed = await asterisk.ari('GET', '/channels');
      return (listed.body as EngineChannel[]).filter((channel) => !channel.name.startsWith(FAR_END_CHANNEL));
    }
    const response = await fetch(`${ariUrl}/ari/channels`, { headers: { authorization: `Basic ${Buffer.from('gateway:gateway').toString('base64')}` } });
    return (await response.json()) as EngineChannel[];
  };
  const engineAri = async (method: string, path: string): Promise<{ status: number; body: unknown }> => {
    if (asterisk) return asterisk.ari(method, path);
    const response = await fetch(`${ariUrl}/ari${path}`, { method, headers: { authorization: `Basic ${Buffer.from('gateway:gateway').toString('base64')}` } });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON (a recording's file): the text as it came.
    }
    return { status: response.status, body };
  };
  const engineBridges = async (): Promise<EngineBridge[]> => (await engineAri('GET', '/bridges')).body as EngineBridge[];
  const stopEngine = async (): Promise<void> => {
    await sim?.close();
    await asterisk?.close();
  };
  const logger = pino({ level: options.logLevel ?? process.env.TEST_LOG_LEVEL ?? 'silent' });
  const config: GatewayConfig = {
    ...defaultGatewayConfig,
    http: { ...defaultGatewayConfig.http, host: '127.0.0.1', port: 0 },
    ari: { ...defaultGatewayConfig.ari, ...ariAccount },
    core: {
      ...defaultGatewayConfig.core,
      serverIp: demoCoreSettings.serverIp,
      media: { pathMappings: demoCoreSettings.media.pathMappings, urlHosts: demoCoreSettings.media.urlHosts },
      ...options.core,
    },
    dialects: { ...defaultGatewayConfig.dialects, ...options.dialects },
    callbacks: { timeoutMs: 2000, idleMs: 50, signingKey: options.callbackSigningKey ?? null, failingAfter: options.callbackFailingAfter ?? defaultGatewayConfig.callbacks.failingAfter },
    admin: { apiKeySha256: options.adminApiKey === undefined ? null : hashAdminKey(options.adminApiKey) },
    metrics: { keySha256: options.metricsKey === undefined ? null : hashAdminKey(options.metricsKey) },
    sounds: { directory: options.soundsDirectory ?? null },
  };
  const documents = options.provisioning
    ? [options.provisioning]
    : [demoProvisioning({ callbackUrl: callbacks.url, nodeIp: '127.0.0.1' }), ...(options.extraProvisioning ? [options.extraProvisioning] : [])];
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({
      config,
      logger,
      databaseUrl: database.url,
      ariUrl,
      provisioning: documents,
      listen: options.listen ?? true,
      ...(options.clock ? { clock: options.clock } : {}),
      // Cheap parameters: tests hash many secrets and measure nothing.
      hasher: createScryptSecretHasher({ N: 1024, r: 8, p: 1 }),
    });
  } catch (error) {
    await stopEngine();
    await callbacks.close();
    await database.drop();
    throw error;
  }
  const pool = new Pool({ connectionString: database.url, max: 2 });
  // `DROP DATABASE … WITH (FORCE)` at close may end a connection that is still
  // closing; an idle client's error is then the pool's, and unheard it would throw.
  pool.on('error', () => undefined);
  let closing: Promise<void> | undefined;
  const testGateway: TestGateway = {
    http: supertest(gateway.url ?? gateway.app),
    app: gateway.app,
    core: gateway.core,
    engine,
    farEnd,
    get sim(): PbxSim {
      if (!sim) throw new Error('this test drives pbx-sim itself: it runs on pbx-sim only');
      return sim;
    },
    asterisk,
    engineChannels,
    engineAri,
    engineBridges,
    callbacks,
    databaseUrl: database.url,
    url: gateway.url,
    query: async <Row>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[],
    waitFor,
    close() {
      // The file's own afterAll and the harness's leftover sweep may both close it.
      closing ??= (async () => {
        try {
          await gateway.stop();
          await stopEngine();
          await callbacks.close();
          await pool.end();
          await database.drop();
        } finally {
          gatewayClosed(testGateway);
        }
      })();
      return closing;
    },
  };
  return testGateway;
}
