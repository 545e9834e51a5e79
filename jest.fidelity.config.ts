import type { Config } from 'jest';
import base from './jest.config';

// The fidelity tier: the tests that need the real Asterisk 22.10.1 of
// ../shared/asterisk (`*.fidelity.test.ts`) and every whole-gateway test
// (`*.e2e.test.ts`), run on that Asterisk instead of pbx-sim.
const config: Config = {
  ...base,
  testMatch: ['**/test/**/*.fidelity.test.ts', '**/test/**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/packages/test-support/src/fidelity-global-setup.ts',
  testTimeout: 60000,
  // Test files mostly wait on calls (an Asterisk each), so two run side by side even on two cores.
  maxWorkers: 2,
};

export default config;
