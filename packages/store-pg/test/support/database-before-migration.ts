import { createTestDatabase, type TestDatabase } from '@pbx-gateway/test-support';
import knex, { type Knex } from 'knex';
import { migrationSource, type NamedMigration } from '../../src/migrations';

export interface DatabaseBeforeMigration {
  /** A connection to the database, for writing rows as they were before the migration. */
  db(): Knex;
  /** Its URL, for a store that migrates it the rest of the way. */
  url(): string;
}

/**
 * A database of its own for the test file, migrated up to the migration
 * named (not including it): a test writes rows as they were before, then
 * lets a store migrate and reads what became of them.
 */
export function databaseBeforeMigration(before: string): DatabaseBeforeMigration {
  let database: TestDatabase;
  let db: Knex;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = knex({ client: 'pg', connection: database.url });
    const all = await migrationSource.getMigrations([]);
    const earlier: Knex.MigrationSource<NamedMigration> = {
      ...migrationSource,
      getMigrations: async () => all.slice(0, all.findIndex((entry) => migrationSource.getMigrationName(entry) === before)),
    };
    await db.migrate.latest({ migrationSource: earlier });
  });

  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  return { db: () => db, url: () => database.url };
}
