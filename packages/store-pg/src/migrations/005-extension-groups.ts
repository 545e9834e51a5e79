import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE extension_groups (
      name text PRIMARY KEY,
      tenant text,
      ring_timeout_sec integer NOT NULL CHECK (ring_timeout_sec >= 0)
    );
    CREATE TABLE extension_group_members (
      group_name text NOT NULL REFERENCES extension_groups (name) ON DELETE CASCADE,
      extension_id integer NOT NULL REFERENCES extensions (id),
      -- members ring in the order provisioning lists them
      position integer NOT NULL,
      PRIMARY KEY (group_name, extension_id),
      CONSTRAINT extension_group_members_position_key UNIQUE (group_name, position)
    );
    CREATE INDEX extension_group_members_extension_idx ON extension_group_members (extension_id);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE extension_group_members; DROP TABLE extension_groups');
}
