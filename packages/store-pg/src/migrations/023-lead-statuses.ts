import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE lead_statuses (
      -- null: a system status, valid in every campaign
      campaign_id text REFERENCES campaigns (id),
      status varchar(6) NOT NULL,
      name text NOT NULL,
      selectable boolean NOT NULL,
      scheduled_callback boolean NOT NULL,
      human_answered boolean NOT NULL,
      sale boolean NOT NULL
    );
    CREATE UNIQUE INDEX lead_statuses_key ON lead_statuses ((COALESCE(campaign_id, '')), status);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE lead_statuses');
}
