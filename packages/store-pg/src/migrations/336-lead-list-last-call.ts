import type { Knex } from 'knex';

/** When a lead of the list was last dialled (VICIdial's `list_lastcalldate`); null: never since it was kept. */
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE lead_lists ADD COLUMN last_called_at timestamptz');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE lead_lists DROP COLUMN last_called_at');
}
