import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE api_users (
      id text PRIMARY KEY,
      realm text NOT NULL CHECK (realm IN ('vicidial', 'voipsun', 'sipcall')),
      login text NOT NULL,
      -- only ever a slow salted hash; the secret itself is never stored
      secret_hash text NOT NULL,
      active boolean NOT NULL,
      permissions text[] NOT NULL DEFAULT '{}',
      attributes jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
      failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
      last_failed_login_at timestamptz,
      CONSTRAINT api_users_realm_login_key UNIQUE (realm, login)
    )
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE api_users');
}
