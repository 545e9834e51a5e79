import { join, resolve } from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '@pbx-gateway/store-pg';
import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/gateway-config';
import { demoSimulatorMedia, demoSimulatorPhones, demoSimulatorTrunks } from '../provisioning/demo-provisioning';

export interface EmbeddedServices {
  databaseUrl: string;
  /** Null when telephony was not asked for. */
  ariUrl: string | null;
  simulator: PbxSim | null;
  stop(): Promise<void>;
}

export interface EmbeddedNeeds {
  telephony: boolean;
  /** Aborting stops the start in progress (and whatever it had started). */
  signal?: AbortSignal;
}

/**
 * Fills in what the configuration leaves out: an embedded Postgres under the
 * data directory when there is no DATABASE_URL, and the Asterisk simulator
 * on loopback when there is no ARI_URL.
 */
export async function startEmbeddedServices(
  config: GatewayConfig,
  logger: Logger,
  needs: EmbeddedNeeds = { telephony: true },
): Promise<EmbeddedServices> {
  let postgres: RunningPostgres | null = null;
  let simulator: PbxSim | null = null;
  try {
    if (!config.database.url) {
      const dataDir = resolve(join(config.database.dataDir, 'postgres'));
      logger.info({ dataDir }, 'no DATABASE_URL: starting embedded Postgres (the first start also creates its cluster)');
      const startedAt = Date.now();
      postgres = await startEmbeddedPostgres({ dataDir, signal: needs.signal });
      logger.info({ dataDir: postgres.dataDir, port: postgres.port, ms: Date.now() - startedAt }, 'embedded Postgres accepts connections');
    }
    needs.signal?.throwIfAborted();
    if (needs.telephony && !config.ari.url) {
      simulator = await startPbxSim({
        host: '127.0.0.1',
        port: config.simulator.port,
        users: { [config.ari.user]: config.ari.password },
        phones: demoSimulatorPhones.map((resource) => ({ resource })),
        trunks: demoSimulatorTrunks,
        media: demoSimulatorMedia,
      });
      logger.info({ url: simulator.url }, 'no ARI_URL: simulated Asterisk started on loopback');
    }
  } catch (error) {
    await simulator?.close().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    throw error;
  }
  return {
    databaseUrl: config.database.url ?? postgres!.url,
    ariUrl: config.ari.url ?? simulator?.url ?? null,
    simulator,
    async stop() {
      await simulator?.close().catch(() => undefined);
      await postgres?.stop().catch(() => undefined);
    },
  };
}
