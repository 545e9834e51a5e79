import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE agents (
      id text PRIMARY KEY,
      name text NOT NULL,
      secret_hash text,
      device text,
      active boolean NOT NULL,
      attributes jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object')
    );
    -- findByAttribute asks attributes @> {name: value}
    CREATE INDEX agents_attributes_idx ON agents USING gin (attributes jsonb_path_ops);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE agents');
}
