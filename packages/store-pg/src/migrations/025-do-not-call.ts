import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE do_not_call (
      -- null: the system list, checked for every campaign
      campaign_id text,
      phone_number varchar(18) NOT NULL
    );
    CREATE UNIQUE INDEX do_not_call_key ON do_not_call ((COALESCE(campaign_id, '')), phone_number);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE do_not_call');
}
