import { Pool } from 'pg';
import {
  createTestDatabase,
  startCallbackReceiver,
  startGatewayProcess,
  TEST_MEDIA,
  type CallbackReceiver,
  type GatewayProcess,
  type TestDatabase,
} from '@pbx-gateway/test-support';
import { demoCoreSettings, demoProvisioning, demoSimulatorPhones, type ProvisioningDocument } from '../../../src';
import { startSimulatorProcess, type SimulatorProcess } from './simulator-process';

/** The gateway as its own process on a fresh database, the simulator in another, and a callback receiver. */
export interface GatewayUnderTest {
  process: GatewayProcess;
  sim: SimulatorProcess;
  callbacks: CallbackReceiver;
  /** A small pool on the gateway's database, for the checks. */
  db: Pool;
  close(): Promise<void>;
}

/**
 * The demo tenant plus agent 1001, logged in through VICIdial in conference
 * 8600052: the target of VICIdial's `logout`, so that agent 1000 stays
 * logged in for the other functions.
 */
function provisioning(callbackUrl: string): ProvisioningDocument {
  const demo = demoProvisioning({ callbackUrl, nodeIp: '127.0.0.1' });
  return {
    ...demo,
    agents: [...(demo.agents ?? []), { id: '1001', name: 'Second Agent', secret: '7788', device: 'PJSIP/1001' }],
    sessions: [...(demo.sessions ?? []), { agentId: '1001', via: 'vicidial', conferenceNumber: '8600052', connectPhone: true }],
  };
}

export async function startGatewayUnderTest(): Promise<GatewayUnderTest> {
  const database: TestDatabase = await createTestDatabase();
  const callbacks = await startCallbackReceiver();
  const sim = await startSimulatorProcess({
    users: { gateway: 'gateway' },
    phones: [...demoSimulatorPhones, '1001'].map((resource) => ({ resource })),
    media: TEST_MEDIA,
    remoteMediaMs: 500,
    // Every dialled number answers and hangs up by itself, so the calls that valid mutations place end on their own.
    numberRules: [{ match: '.*', outcome: 'answer', ringMs: 200, hangupAfterMs: 1500 }],
  });
  let gateway: GatewayProcess;
  try {
    gateway = await startGatewayProcess({
      databaseUrl: database.url,
      ariUrl: sim.url,
      provisioning: provisioning(callbacks.url),
      config: {
        core: {
          serverIp: demoCoreSettings.serverIp,
          media: demoCoreSettings.media,
          voiceMenuKeyWaitMs: 500,
          // Mutated passwords are wrong passwords: with the usual ten, the demo accounts would be locked
          // after a few requests and every later answer would be the lock-out line.
          lockout: { maxFailures: 1_000_000, windowMs: 900_000 },
        },
        // Polls answer within a second, inside the answer bound like every other request.
        dialects: { ccgateway: { pollWaitMs: 1000 } },
      },
      // Node's own 16 KiB: the raw-socket case "headers larger than the server accepts" then
      // sends 20 kB, not over a megabyte, which the gateway would stop reading midway and reset
      // before the client could read its 431. Long query strings under the default limit are
      // tested in dialect-vicidial's php-transport.e2e.test.ts.
      env: { HTTP_MAX_HEADER_BYTES: '16384' },
      startTimeoutMs: 60_000,
    });
  } catch (error) {
    await sim.close();
    await callbacks.close();
    await database.drop();
    throw error;
  }
  const db = new Pool({ connectionString: database.url, max: 2 });
  return {
    process: gateway,
    sim,
    callbacks,
    db,
    async close() {
      await gateway.stop();
      await db.end();
      await sim.close();
      await callbacks.close();
      await database.drop();
    },
  };
}
