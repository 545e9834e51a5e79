import type { Knex } from 'knex';

/** A live recording may be paused (the engine writes nothing meanwhile): since when, or null. */
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE recordings ADD COLUMN paused_at timestamptz');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE recordings DROP COLUMN paused_at');
}
