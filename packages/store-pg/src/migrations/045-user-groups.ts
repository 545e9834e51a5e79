import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE user_groups (
      id text PRIMARY KEY,
      name text NOT NULL,
      -- null: every campaign
      allowed_campaigns text[],
      -- null: every group
      viewable_groups text[],
      api_allowed_ips text[] NOT NULL DEFAULT '{}'
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE user_groups');
}
