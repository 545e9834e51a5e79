import type { Knex } from 'knex';

/** Operators' keys for the admin API: the SHA-256 of each key, never the key. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE admin_keys (
      name text PRIMARY KEY,
      key_sha256 text NOT NULL UNIQUE CHECK (key_sha256 ~ '^[0-9a-f]{64}$'),
      scopes text[] NOT NULL CHECK (scopes <@ ARRAY['read', 'provision', 'control']::text[]),
      created_at timestamptz NOT NULL
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE admin_keys');
}
