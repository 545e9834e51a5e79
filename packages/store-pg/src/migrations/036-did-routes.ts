import type { Knex } from 'knex';

/** Public numbers (DIDs) and the queue each one's calls enter. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE did_routes (
      did text PRIMARY KEY,
      queue_name text NOT NULL REFERENCES queues (name) ON DELETE CASCADE
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE did_routes');
}
