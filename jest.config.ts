import type { Config } from 'jest';

/**
 * The base tier (`npm test`): every test that needs nothing beside the
 * repository. Postgres is the one named by DATABASE_URL or an embedded one;
 * Asterisk is the simulator. Tests that need the reference data beside the
 * repository or a real Asterisk are `*.fidelity.test.ts` and run in the
 * fidelity tier (`npm run test:asterisk`, jest.fidelity.config.ts).
 *
 * One Jest run covers every package. Tests import workspace packages from
 * their TypeScript sources, so a test never runs against a stale build.
 */
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages'],
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.fidelity\\.test\\.ts$'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
  },
  moduleNameMapper: {
    '^@pbx-gateway/([^/]+)$': '<rootDir>/packages/$1/src',
  },
  globalSetup: '<rootDir>/packages/test-support/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/packages/test-support/src/jest-global-teardown.ts',
  testTimeout: 30000,
  // Most of a test's time is spent waiting on sockets and timers, not on a core: on 2 cores, Jest's
  // default of one worker leaves the machine half idle.
  maxWorkers: 2,
};

export default config;
