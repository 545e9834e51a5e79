import type { PbxSimOptions } from '@pbx-gateway/pbx-sim';
import { differential, type Differential, type Scenario } from './differential';
import { startRealAsterisk, type RealAsterisk } from './real-asterisk';

/** Each scenario runs on both servers and waits for events and settling: well above Jest's default. */
export const SCENARIO_TIMEOUT_MS = 60000;

/** The simulator set up like the real Asterisk of these tests: no phones, the trunk `trunk`. */
const SIM_LIKE_ASTERISK: PbxSimOptions = { phones: [], trunks: ['trunk'] };

/**
 * One real Asterisk for a test file, started before its first scenario and
 * stopped after the last. `check` runs a scenario on it and on a fresh
 * simulator and fails with every difference found.
 */
export function liveDifferential(): { check(name: string, scenario: Scenario, simOptions?: PbxSimOptions): Promise<void>; asterisk(): RealAsterisk } {
  let real: RealAsterisk | undefined;
  let runner: Differential | undefined;
  beforeAll(async () => {
    real = await startRealAsterisk();
    runner = differential(real.url, SIM_LIKE_ASTERISK);
  }, 30000);
  afterAll(async () => {
    await real?.stop();
  }, 30000);
  return {
    async check(name, scenario, simOptions) {
      if (!runner) throw new Error('the real Asterisk did not start');
      const result = await runner.compare(name, scenario, simOptions);
      expect(result.problems).toEqual([]);
    },
    asterisk() {
      if (!real) throw new Error('the real Asterisk did not start');
      return real;
    },
  };
}
