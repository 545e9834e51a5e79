import type { Knex } from 'knex';

/** VICIdial call menus (vicidial_call_menu), provisioned and listed by id. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE call_menus (
      id text PRIMARY KEY,
      name text NOT NULL DEFAULT '',
      prompt text NOT NULL DEFAULT '',
      user_group text NOT NULL DEFAULT '---ALL---'
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE call_menus');
}
