import type { Knex } from 'knex';

/** Settings containers (VICIdial's vicidial_settings_containers), provisioned and listed by type. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE settings_containers (
      id text PRIMARY KEY,
      type text NOT NULL,
      notes text NOT NULL DEFAULT '',
      user_group text NOT NULL DEFAULT '---ALL---',
      content text NOT NULL DEFAULT ''
    );
    CREATE INDEX settings_containers_type_idx ON settings_containers (type, id);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE settings_containers');
}
