import { chmodSync, mkdtempSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@pbx-gateway/store-pg';
import { repositoryRoot } from './reference-data';

export interface EmbeddedRun {
  stop(): Promise<void>;
  /** The directories to remove once it has stopped. */
  dirs: string[];
}

/**
 * Tests run against a real Postgres: the server named by `DATABASE_URL` when
 * set (CI), otherwise an embedded cluster of this Jest run's own, so that
 * runs side by side never share a data directory. Workers inherit the URL
 * through the environment.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    await expectConnectable(process.env.DATABASE_URL);
    return;
  }
  const parent = join(repositoryRoot(), '.data', 'test-postgres');
  mkdirSync(parent, { recursive: true });
  const runDir = mkdtempSync(join(parent, 'run-'));
  // Postgres may run as its own system user (when the tests run as root): it must reach the cluster.
  chmodSync(runDir, 0o755);
  const running = await startEmbeddedPostgres({ dataDir: join(runDir, 'cluster') });
  process.env.DATABASE_URL = running.url;
  (globalThis as { __embeddedPostgres__?: EmbeddedRun }).__embeddedPostgres__ = { stop: running.stop, dirs: [runDir, running.dataDir] };
}

/** A run whose Postgres is not there fails at once, saying so, instead of in every test file. */
async function expectConnectable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const where = new URL(url);
    throw new Error(`DATABASE_URL names a Postgres that does not answer (${where.host}${where.pathname}): ${(error as Error).message}; unset it to run on an embedded Postgres`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
