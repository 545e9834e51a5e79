import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';
import {
  createCallControl,
  createEventLogProjector,
  systemClock,
  systemTimers,
  noSoundStore,
  type CallControl,
  type Clock,
  type SecretHasher,
  type Timers,
} from '@pbx-gateway/core';
import type { Dialect } from '@pbx-gateway/dialect-kit';
import { createPgStore } from '@pbx-gateway/store-pg';
import { createAriPbx } from '@pbx-gateway/pbx-ari';
import { createVicidialDialect, defaultVicidialSettings, VICIDIAL_VOCABULARY } from '@pbx-gateway/dialect-vicidial';
import { createVoipsunDialect, defaultVoipsunSettings, VOIPSUN_VOCABULARY } from '@pbx-gateway/dialect-voipsun';
import { CCGATEWAY_VOCABULARY, createCcgatewayDialect, createCcgatewayProjector, defaultCcgatewaySettings } from '@pbx-gateway/dialect-ccgateway';
import { createSipcallDialect, createSipcallProjector, defaultSipcallSettings, SIPCALL_VOCABULARY } from '@pbx-gateway/dialect-sipcall';
import type { GatewayConfig } from '../config/gateway-config';
import { startOutboxDispatcher } from '../callbacks/outbox-dispatcher';
import { createHttpCallbackTransport } from '../callbacks/http-callback-transport';
import { createCallbackSigner } from '../callbacks/callback-signing';
import { ADMIN_API_PREFIX, ADMIN_VOCABULARY, createAdminApi } from '../admin/admin-api';
import { createGatewayApp } from '../http/gateway-app';
import { createExpressServer } from '../http/express-server';
import { coreLoggerOf, dialectLoggerOf } from '../logging/logger';
import { applyDirectory, startProvisionedSessions } from '../provisioning/apply-provisioning';
import { PROVISIONING_VOCABULARY } from '../provisioning/provisioning-vocabulary';
import { keepProvisionedPhonesConnected } from '../provisioning/provisioned-phones';
import type { ProvisioningDocument } from '../provisioning/provisioning-document';
import { createScryptSecretHasher } from '../security/scrypt-secret-hasher';
import { cryptoIds } from '../support/crypto-ids';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { metricsHandler } from '../metrics/metrics-endpoint';
import { attachEventStream, type EventStream } from '../event-stream/event-stream-server';
import { startEventLogRetention } from '../event-stream/event-log-retention';
import { startBatchRetention } from './batch-retention';
import { CONSOLE_PREFIX, createConsole } from '../console/console-router';
import { startWebhookFeeder } from '../webhooks/webhook-feeder';
import { directorySoundStore } from '../sounds/directory-sound-store';

export interface GatewayOptions {
  config: GatewayConfig;
  logger: Logger;
  /** Where Postgres and ARI are; the embedded services fill these in when the configuration does not. */
  databaseUrl: string;
  ariUrl: string;
  /** Applied before the HTTP side opens: directory first, then sessions. */
  provisioning?: readonly ProvisioningDocument[];
  /** Listen on the configured host and port; tests use the app directly. */
  listen: boolean;
  clock?: Clock;
  timers?: Timers;
  hasher?: SecretHasher;
  /** Aborting stops the start at its next step; what had started is stopped and the start rejects. */
  signal?: AbortSignal;
}

export interface RunningGateway {
  app: Express;
  core: CallControl;
  /** `http://host:port` when listening. */
  url: string | null;
  stop(): Promise<void>;
}

/**
 * The composition root: the store, the telephony adapter, the core with the
 * dialects' projectors, the dialects and their HTTP app, and the background
 * work (callback delivery, dialect sweepers). Nothing else wires parts together.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config, logger } = options;
  const coreLogger = coreLoggerOf(logger);
  if (config.callbacks.signingKey === null) logger.warn('CALLBACK_SIGNING_KEY is not set: callbacks are sent unsigned, and receivers cannot tell them from forgeries');
  const store = createPgStore({
    connectionString: options.databaseUrl,
    pool: { max: config.database.poolMax },
    onError: (error) => logger.warn({ error: error.message }, 'store error'),
  });
  logger.info('bringing the database schema up to date');
  try {
    await store.migrate();
    options.signal?.throwIfAborted();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  const pbx = createAriPbx({
    url: options.ariUrl,
    user: config.ari.user,
    password: config.ari.password,
    app: config.ari.app,
    requestTimeoutMs: config.ari.requestTimeoutMs,
    restKeepAliveMs: config.ari.keepAliveMs,
    logger: coreLogger,
  });
  const metrics = new GatewayMetrics();
  const hasher = options.hasher ?? createScryptSecretHasher();
  const settings = {
    vicidial: { ...defaultVicidialSettings, ...config.dialects.vicidial },
    voipsun: { ...defaultVoipsunSettings, ...config.dialects.voipsun },
    ccgateway: { ...defaultCcgatewaySettings, ...config.dialects.ccgateway },
    sipcall: { ...defaultSipcallSettings, ...config.dialects.sipcall },
  };
  const core = createCallControl({
    store,
    pbx: metrics.engine.count(pbx),
    clock: options.clock ?? systemClock,
    ids: cryptoIds,
    timers: options.timers ?? systemTimers,
    hasher,
    callbacks: metrics.callbacks.count(createHttpCallbackTransport({ timeoutMs: config.callbacks.timeoutMs, sign: createCallbackSigner(config.callbacks.signingKey) }), {
      failingAfter: config.callbacks.failingAfter,
      logger: coreLogger,
    }),
    logger: coreLogger,
    config: config.core,
    sounds: config.sounds.directory === null ? noSoundStore : directorySoundStore(config.sounds.directory),
    // The event log last: see inTransaction.
    projectors: [createCcgatewayProjector(settings.ccgateway), createSipcallProjector(settings.sipcall), createEventLogProjector()],
    vocabulary: [VICIDIAL_VOCABULARY, VOIPSUN_VOCABULARY, CCGATEWAY_VOCABULARY, SIPCALL_VOCABULARY, PROVISIONING_VOCABULARY, ADMIN_VOCABULARY],
  });
  core.start();
  try {
    logger.info({ url: options.ariUrl }, 'connecting to Asterisk (ARI)');
    await pbx.start();
    // Reconciliation with the engine runs first, so provisioning sees what is really up.
    await core.idle();
    options.signal?.throwIfAborted();
    for (const document of options.provisioning ?? []) {
      const applied = await applyDirectory(store, hasher, document);
      const sessions = await startProvisionedSessions(core, document);
      logger.info({ ...applied, sessionsStarted: sessions }, 'provisioning applied');
      options.signal?.throwIfAborted();
    }
  } catch (error) {
    await core.idle().catch(() => undefined);
    await pbx.stop().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
  keepProvisionedPhonesConnected(core, pbx, options.provisioning ?? [], logger);

  const dialects: Dialect[] = [
    createVicidialDialect({ core, logger: dialectLoggerOf(logger, 'vicidial'), settings: settings.vicidial, requestMetrics: metrics.requests }),
    createVoipsunDialect({ core, logger: dialectLoggerOf(logger, 'voipsun'), settings: settings.voipsun, requestMetrics: metrics.requests }),
    createCcgatewayDialect({ core, logger: dialectLoggerOf(logger, 'ccgateway'), settings: settings.ccgateway, requestMetrics: metrics.requests }),
    createSipcallDialect({ core, logger: dialectLoggerOf(logger, 'sipcall'), settings: settings.sipcall, requestMetrics: metrics.requests }),
  ];
  const admin = { prefix: ADMIN_API_PREFIX, router: createAdminApi({
      core,
      store,
      hasher,
      apiKeySha256: config.admin.apiKeySha256,
      callbackSigningKey: config.callbacks.signingKey,
      logger: logger.child({ component: 'admin' }),
    }) };
  const scrape = metricsHandler(metrics, { liveCounts: () => core.liveCounts(), poolUse: () => store.poolUse() }, config.metrics.keySha256);
  const liveConsole = {
    prefix: CONSOLE_PREFIX,
    router: createConsole({ core, eventLog: store.direct.eventLog, apiKeySha256: config.admin.apiKeySha256, logger: logger.child({ component: 'console' }) }),
  };
  const app = createGatewayApp({ core, dialects, databaseUp: () => store.ping(), demo: config.demo, logger, admin, console: liveConsole, metrics: scrape });
  for (const dialect of dialects) dialect.start?.();
  const dispatcher = startOutboxDispatcher(core, coreLogger, { idleMs: config.callbacks.idleMs });
  const webhooks = startWebhookFeeder(store, logger.child({ component: 'webhooks' }));
  const retention = startEventLogRetention(store, config.eventStream, logger);
  const batchRetention = startBatchRetention(core, logger.child({ component: 'batches' }));

  let server: Server | null = null;
  let url: string | null = null;
  let stream: EventStream | null = null;
  if (options.listen) {
    server = await listen(app, config.http);
    stream = attachEventStream(server, { store, apiKeySha256: config.admin.apiKeySha256, logger: logger.child({ component: 'event-stream' }) });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.http.port;
    url = `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${port}`;
    logger.info({ url }, 'pbx-gateway listening');
  }

  let stopped = false;
  return {
    app,
    core,
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      retention.stop();
      batchRetention.stop();
      await stream?.close();
      if (server) await closeServer(server);
      for (const dialect of dialects) await dialect.stop?.();
      await webhooks.stop();
      await dispatcher.stop();
      await core.idle();
      await pbx.stop();
      await store.close();
    },
  };
}

function listen(app: Express, http: GatewayConfig['http']): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createExpressServer(app, { maxHeaderSize: http.maxHeaderBytes });
    server.listen(http.port, http.host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Long polls would hold the close for their whole wait.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2000).unref();
  });
}
