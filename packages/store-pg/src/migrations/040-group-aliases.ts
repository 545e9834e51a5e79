import type { Knex } from 'knex';

/** Caller ids an agent may dial out with instead of the campaign's (VICIdial `groups_alias`). */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE group_aliases (
      id text PRIMARY KEY,
      caller_id_number text NOT NULL,
      caller_id_name text NOT NULL,
      active boolean NOT NULL
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE group_aliases');
}
