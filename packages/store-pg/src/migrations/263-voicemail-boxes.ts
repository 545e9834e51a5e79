import type { Knex } from 'knex';

/** VICIdial voicemail boxes (vicidial_voicemail), provisioned and listed by id. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE voicemail_boxes (
      id text PRIMARY KEY,
      full_name text NOT NULL DEFAULT '',
      email text NOT NULL DEFAULT '',
      active boolean NOT NULL DEFAULT true,
      user_group text NOT NULL DEFAULT '---ALL---'
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE voicemail_boxes');
}
