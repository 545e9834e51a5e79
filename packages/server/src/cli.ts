#!/usr/bin/env node
import type { Logger } from 'pino';
import { createPgStore, type PgStore } from '@pbx-gateway/store-pg';
import { AGENT_USAGE, agentCommand } from './admin/admin-cli';
import { ADMIN_KEY_USAGE, adminKeyCommand } from './admin/admin-key-cli';
import { ConfigError, loadConfig } from './config/environment';
import type { GatewayConfig } from './config/gateway-config';
import { createLogger } from './logging/logger';
import { callbackSecret } from './callbacks/callback-signing';
import { applyDirectory } from './provisioning/apply-provisioning';
import { readProvisioningFile } from './provisioning/provisioning-file';
import { ProvisioningError, type ProvisioningDocument } from './provisioning/provisioning-document';
import { createScryptSecretHasher } from './security/scrypt-secret-hasher';
import { startEmbeddedServices } from './runtime/embedded-services';
import { withDemo } from './runtime/demo-mode';
import { startGateway } from './runtime/gateway';
import { listenForShutdown } from './runtime/shutdown-signals';

const USAGE = `usage: pbx-gateway <command>

  start              run the gateway (embedded Postgres and simulated Asterisk
                     unless DATABASE_URL / ARI_URL are set; PROVISIONING_FILE applied at start)
  migrate            bring the database schema up to date
  provision FILE     apply a YAML provisioning file (accounts, agents, extensions, groups,
                     trunks, queues); its "sessions" take effect at the next start
  callback-secret NAME
                     print the secret that signs the callbacks of NAME (e.g. sipcall/2028,
                     or webhook/<id> for an event stream webhook),
                     derived from CALLBACK_SIGNING_KEY, to hand to that receiver
${AGENT_USAGE}${ADMIN_KEY_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start();
    case 'migrate':
      return migrate();
    case 'provision':
      if (rest.length !== 1) {
        process.stderr.write(USAGE);
        return 2;
      }
      return provision(rest[0]!);
    case 'admin-key':
      return adminKeys(rest);
    case 'callback-secret':
      if (rest.length !== 1) {
        process.stderr.write(USAGE);
        return 2;
      }
      return printCallbackSecret(rest[0]!);
    case 'agent':
      return agentCommand(rest, process.env, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) });
    default:
      process.stderr.write(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

function printCallbackSecret(name: string): number {
  const { signingKey } = loadConfig(process.env).callbacks;
  if (signingKey === null) {
    process.stderr.write('CALLBACK_SIGNING_KEY is not set: callbacks are not signed\n');
    return 1;
  }
  process.stdout.write(`${callbackSecret(signingKey, name)}\n`);
  return 0;
}

async function start(): Promise<number> {
  let config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  const shutdown = listenForShutdown({
    graceMs: STOP_GRACE_MS,
    onForcedExit: (reason) => {
      logger.error({ reason }, 'exiting without a complete stop');
      logger.flush();
    },
  });
  logger.info({ pid: process.pid }, 'starting');
  const documents: ProvisioningDocument[] = [];
  if (config.demo) {
    const demo = withDemo(config, process.env);
    config = demo.config;
    documents.push(demo.document);
  }
  if (config.provisioningFile) documents.push(readProvisioningFile(config.provisioningFile));
  const starting = startEverything(config, logger, documents, shutdown.signal);
  const early = await Promise.race([starting.then(() => null), shutdown.requested]);
  if (early !== null) {
    logger.info({ signal: early }, 'shutting down while starting');
    // The start stops at its next step and stops what it had started; a start that got to the end is stopped here.
    const running = await starting.catch(() => null);
    await running?.stop();
    logger.info('stopped');
    logger.flush();
    return 0;
  }
  const running = await starting;
  const signal = await shutdown.requested;
  logger.info({ signal }, 'shutting down');
  await running.stop();
  logger.info('stopped');
  logger.flush();
  return 0;
}

/** Long enough for a gateway to finish its work in flight and stop what it started. */
const STOP_GRACE_MS = 8000;

/** The embedded services the configuration leaves to us, then the gateway; on failure or abort, what had started is stopped. */
async function startEverything(
  config: GatewayConfig,
  logger: Logger,
  documents: ProvisioningDocument[],
  signal: AbortSignal,
): Promise<{ stop(): Promise<void> }> {
  const embedded = await startEmbeddedServices(config, logger, { telephony: true, signal });
  try {
    if (embedded.ariUrl === null) throw new Error('no telephony engine: neither ARI_URL nor the simulator');
    signal.throwIfAborted();
    const gateway = await startGateway({ config, logger, databaseUrl: embedded.databaseUrl, ariUrl: embedded.ariUrl, provisioning: documents, listen: true, signal });
    return {
      async stop() {
        await gateway.stop();
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

async function migrate(): Promise<number> {
  await withDatabase(async (_store, logger) => logger.info('database schema is up to date'));
  return 0;
}

async function provision(file: string): Promise<number> {
  const document = readProvisioningFile(file);
  await withDatabase(async (store, logger) => {
    const applied = await applyDirectory(store, createScryptSecretHasher(), document);
    logger.info({ ...applied, sessionsAtNextStart: document.sessions?.length ?? 0 }, 'provisioning applied');
  });
  return 0;
}

async function adminKeys(args: readonly string[]): Promise<number> {
  let code = 0;
  await withDatabase(async (store) => {
    code = await adminKeyCommand(args, store.direct.adminKeys, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }, new Date());
  });
  return code;
}

/** Runs a command on the configured (or embedded) database, brought up to date; no telephony. */
async function withDatabase(work: (store: PgStore, logger: Logger) => Promise<void>): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  const embedded = await startEmbeddedServices(config, logger, { telephony: false });
  try {
    const store = createPgStore({ connectionString: embedded.databaseUrl });
    try {
      await store.migrate();
      await work(store, logger);
    } finally {
      await store.close();
    }
  } finally {
    await embedded.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof ProvisioningError;
    process.stderr.write(`pbx-gateway: ${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
