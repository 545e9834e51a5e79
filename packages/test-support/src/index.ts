export { sharedDir, repositoryRoot, ariApiDocsDir, ariTracesDir, seedsDir } from './reference-data';
export { createTestDatabase, testServerUrl } from './test-database';
export type { TestDatabase } from './test-database';
