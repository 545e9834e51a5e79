import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PbxSimOptions } from '@pbx-gateway/pbx-sim';
import { startAsterisk, type RunningAsterisk } from '@pbx-gateway/test-support';
import { differential, type Differential, type Scenario } from './differential';
import { DIFFERENTIAL_DIALPLAN } from './dialplan';

/** Each scenario runs on both servers and waits for events and settling: well above Jest's default. */
export const SCENARIO_TIMEOUT_MS = 60000;

/**
 * One real Asterisk for a test file — the project's configuration through
 * the test rig, plus the scenarios' Local contexts in the run's site
 * dialplan — started before its first scenario and stopped after the last.
 * `check` runs a scenario on it and on a fresh simulator set up like it
 * (the same ARI account, phones and trunk) and fails with every difference.
 */
export function liveDifferential(): { check(name: string, scenario: Scenario, simOptions?: PbxSimOptions): Promise<void>; asterisk(): RunningAsterisk } {
  let real: RunningAsterisk | undefined;
  let runner: Differential | undefined;
  beforeAll(async () => {
    real = await startAsterisk();
    appendFileSync(join(real.dir, 'etc', 'extensions_site.conf'), DIFFERENTIAL_DIALPLAN);
    await real.cli('dialplan reload');
    const simLikeAsterisk: PbxSimOptions = {
      users: { [real.user]: real.password },
      phones: real.phones.map((resource) => ({ resource })),
      trunks: ['upc'],
    };
    runner = differential(real.url, `${real.user}:${real.password}`, simLikeAsterisk);
  }, 60000);
  afterAll(async () => {
    await real?.close();
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
