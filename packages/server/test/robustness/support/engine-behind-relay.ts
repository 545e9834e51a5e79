import { Pool } from 'pg';
import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { createTestDatabase, startCallbackReceiver, TEST_MEDIA, type CallbackReceiver, type TestDatabase } from '@pbx-gateway/test-support';
import { demoSimulatorPhones } from '../../../src';
import { startSlowEngineRelay, type SlowEngineRelay } from './slow-engine-relay';

/** A fresh database, a callback receiver and the simulator behind a relay that can hold back or delay what it passes on. */
export interface EngineBehindRelay {
  database: TestDatabase;
  receiver: CallbackReceiver;
  sim: PbxSim;
  relay: SlowEngineRelay;
  /** A small pool on the gateway's database, for the checks. */
  pool: Pool;
  close(): Promise<void>;
}

/** `busyNumbers` (a pattern) ring briefly and are busy, so each call placed to them ends by itself with its CDR. */
export async function startEngineBehindRelay(options: { busyNumbers: string; recordTraffic?: boolean }): Promise<EngineBehindRelay> {
  const database = await createTestDatabase();
  const receiver = await startCallbackReceiver();
  const sim = await startPbxSim({
    port: 0,
    users: { gateway: 'gateway' },
    phones: demoSimulatorPhones.map((resource) => ({ resource })),
    media: TEST_MEDIA,
    recordTraffic: options.recordTraffic ?? false,
  });
  await sim.control.setNumberRules([{ match: options.busyNumbers, outcome: 'busy', ringMs: 300 }]);
  const relay = await startSlowEngineRelay(sim.url);
  const pool = new Pool({ connectionString: database.url, max: 2 });
  // Dropping the database at the end may end a connection that is still closing.
  pool.on('error', () => undefined);
  return {
    database,
    receiver,
    sim,
    relay,
    pool,
    async close() {
      await relay.close();
      await sim.close();
      await receiver.close();
      await pool.end();
      await database.drop();
    },
  };
}
