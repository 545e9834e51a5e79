import pino from 'pino';
import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { createTestDatabase, TEST_MEDIA, type TestDatabase } from '@pbx-gateway/test-support';
import type { Clock } from '@pbx-gateway/core';
import {
  createScryptSecretHasher,
  defaultGatewayConfig,
  demoCoreSettings,
  demoProvisioning,
  demoSimulatorPhones,
  startGateway,
  type GatewayConfig,
  type RunningGateway,
} from '../../src';

const config: GatewayConfig = {
  ...defaultGatewayConfig,
  core: { ...defaultGatewayConfig.core, serverIp: demoCoreSettings.serverIp, media: demoCoreSettings.media },
  callbacks: { ...defaultGatewayConfig.callbacks, timeoutMs: 1000, idleMs: 50 },
};
const demo = demoProvisioning({ callbackUrl: 'http://127.0.0.1:9/unused', nodeIp: '127.0.0.1' });

export interface RestartableGateway {
  /** Starts the gateway (again) on the test's database and simulator, applying the demo provisioning as a start does. */
  start(): Promise<RunningGateway>;
  stop(): Promise<void>;
  /** The simulator the gateway runs its calls on; it outlives the gateway's restarts. */
  sim(): PbxSim;
  /** The test's database, which outlives the gateway's restarts too. */
  databaseUrl(): string;
}

/**
 * A demo gateway that a test stops and starts again, each test on a database
 * and a simulator of its own (set up and torn down around every test of the
 * `describe` that calls this). `clock` is the gateway's injected clock;
 * `configure` changes the configuration (keys, for instance).
 */
export function restartableDemoGateway(options: { clock?: Clock; configure?: (config: GatewayConfig) => GatewayConfig } = {}): RestartableGateway {
  let database: TestDatabase;
  let sim: PbxSim;
  let running: RunningGateway | null = null;

  const stop = async (): Promise<void> => {
    await running?.stop();
    running = null;
  };

  beforeEach(async () => {
    database = await createTestDatabase();
    sim = await startPbxSim({ port: 0, phones: demoSimulatorPhones.map((resource) => ({ resource })), media: TEST_MEDIA });
  });

  afterEach(async () => {
    await stop();
    await sim.close();
    await database.drop();
  });

  return {
    async start() {
      running = await startGateway({
        config: options.configure ? options.configure(config) : config,
        logger: pino({ level: 'silent' }),
        databaseUrl: database.url,
        ariUrl: sim.url,
        provisioning: [demo],
        listen: false,
        ...(options.clock ? { clock: options.clock } : {}),
        hasher: createScryptSecretHasher({ N: 1024, r: 8, p: 1 }),
      });
      return running;
    },
    stop,
    sim: () => sim,
    databaseUrl: () => database.url,
  };
}
