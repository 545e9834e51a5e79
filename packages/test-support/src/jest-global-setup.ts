import { join } from 'node:path';
import { startEmbeddedPostgres } from '@pbx-gateway/store-pg';
import { repositoryRoot } from './reference-data';

/**
 * Tests run against a real Postgres: the server named by `DATABASE_URL` when
 * set (CI), otherwise an embedded one under `.data/test-postgres` that lives
 * for this Jest run only. Workers inherit the URL through the environment.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const running = await startEmbeddedPostgres({ dataDir: join(repositoryRoot(), '.data', 'test-postgres') });
  process.env.DATABASE_URL = running.url;
  (globalThis as { __embeddedPostgres__?: { stop(): Promise<void> } }).__embeddedPostgres__ = running;
}
