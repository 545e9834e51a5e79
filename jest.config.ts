import type { Config } from 'jest';

// One Jest run covers every package. Tests import workspace packages from their
// TypeScript sources, so a test never runs against a stale build.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
  },
  moduleNameMapper: {
    '^@pbx-gateway/([^/]+)$': '<rootDir>/packages/$1/src',
  },
  globalSetup: '<rootDir>/packages/test-support/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/packages/test-support/src/jest-global-teardown.ts',
  testTimeout: 30000,
};

export default config;
