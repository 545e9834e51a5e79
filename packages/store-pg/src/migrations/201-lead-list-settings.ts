import type { Knex } from 'knex';

/** The further settings VICIdial keeps with a list (description, caller id, reset time ...), by their own names. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`ALTER TABLE lead_lists ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'`);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE lead_lists DROP COLUMN settings');
}
