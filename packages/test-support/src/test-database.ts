import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** Connection URL of a database that exists for this test file only. */
  url: string;
  drop(): Promise<void>;
}

/** The server every test database lives on (see the Jest global setup). */
export function testServerUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests through Jest (npm test)');
  return url;
}

/**
 * Creates an empty database on the test server, so that test files running
 * in parallel never see each other's rows. Migrations are the caller's.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = new URL(testServerUrl());
  const name = `pbxgw_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(server, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdminClient(server, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdminClient<T>(server: URL, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
