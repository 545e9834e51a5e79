import { Client } from 'pg';
import { createKnex, DEFAULT_TIMEOUTS, pgClientSettings, type StoreTimeouts } from './connection';
import { migrationSource } from './migrations';

// Any constant works; it only has to be the same for every gateway process.
const MIGRATION_LOCK_KEY = 7_256_081_234;

/**
 * Brings the schema to the latest version. Gateways that start together on
 * one database take turns through a session advisory lock, which Postgres
 * releases when a migrating process dies; that is also why knex's own lock
 * row, which such a crash would leave set, can be cleared while we hold it.
 */
export async function runMigrations(connectionString: string, timeouts: StoreTimeouts, onError: (error: Error) => void): Promise<void> {
  // A migration may rightly run longer than any request: no statement or reply limit here.
  const unbounded: StoreTimeouts = { ...timeouts, statementMs: 0, queryMs: 0 };
  const lockClient = new Client(pgClientSettings(connectionString, unbounded, 'pbx-gateway-migrate'));
  lockClient.on('error', onError);
  await lockClient.connect();
  const db = createKnex(connectionString, { min: 0, max: 1 }, unbounded, onError);
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await db.migrate.forceFreeMigrationsLock({ migrationSource });
    await db.migrate.latest({ migrationSource });
  } finally {
    await db.destroy();
    // Ending the session releases the advisory lock, also when a migration failed.
    await lockClient.end();
  }
}

/** Migrates the database at `connectionString` to the latest schema (the `migrate` command). */
export function migrateLatest(connectionString: string): Promise<void> {
  return runMigrations(connectionString, DEFAULT_TIMEOUTS, () => undefined);
}
